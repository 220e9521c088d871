"""通报的招商引资部分, as data the briefing lays out: the leads of the plan issuer's jurisdiction rolled up by 专班
against the plan's 招商引资 target, the commerce bureau's figure and the difference, and "三个一批"."""

from dataclasses import dataclass, field

from luoshi.attraction.batches import three_batches
from luoshi.attraction.models import Lead
from luoshi.attraction.rollup import Summary, summary, target_for
from luoshi.lib.periods import Period
from luoshi.projects.models import Project

#: The table's columns: 专班, 项目数, 签约个数, 签约额(亿元), 开工, 投产, 开工率, 到位资金(亿元).
COLUMNS = (("专班", "text"), ("项目数", "int"), ("签约个数", "int"), ("签约额(亿元)", "number"), ("开工", "int"),
           ("投产", "int"), ("开工率", "percent"), ("到位资金(亿元)", "number"))


@dataclass
class Section:
    paragraphs: list[str] = field(default_factory=list)
    rows: list[list] = field(default_factory=list)


def _amount(value) -> str:
    return "—" if value is None else f"{float(value):,.2f}".rstrip("0").rstrip(".")


def _sentence(result: Summary) -> str:
    total, target = result.total, result.target
    text = (f"截至{result.at.label_zh_full},在库招商项目 {total.leads} 个,本期签约 {total.signed} 个、签约额 "
            f"{_amount(total.signed_amount)} 亿元,开工 {total.started} 个,投产 {total.producing} 个,到位资金 "
            f"{_amount(total.paid_in)} 亿元。")
    if target is not None:
        share = f"{result.share_of_target * 100:.1f}%" if result.share_of_target is not None else "—"
        text += f"签约额占{target.indicator}目标 {_amount(target.value)} 亿元的 {share}"
        text += (f";商务部门报数 {_amount(result.reported)} 亿元,差额(报数 − 签约额){_amount(result.difference)} 亿元。"
                 if result.reported is not None else ";商务部门本期未报数。")
    return text


def section(plan, at: Period) -> Section:
    """Attraction in PLAN's issuer's jurisdiction at AT; empty when there is neither a lead nor a target."""
    leads = Lead.objects.active().filter(unit__path__startswith=plan.issuer.path)
    result = summary(leads, at, "task-force", target_for(plan.targets.filter(archived=False), at))
    if not result.total.leads and result.target is None:
        return Section()
    out = Section()
    simulated = leads.filter(simulated=True).count()
    if simulated:
        out.paragraphs.append(f"【模拟数据】以下含 {simulated} 个模拟招商项目,仅供演示。")
    out.paragraphs.append(_sentence(result))
    out.rows = [[line.label, line.leads, line.signed, float(line.signed_amount), line.started, line.producing,
                 line.conversion_started, float(line.paid_in)] for line in result.lines]
    projects = Project.objects.active().filter(owner__path__startswith=plan.issuer.path)
    batches = three_batches(leads, projects, at.start_date, at.end_date)
    out.paragraphs.append("“三个一批”(招商项目与重点项目合计,开工后转为重点项目的只计一次):"
                          + "、".join(f"{b.label} {b.total} 个" for b in batches) + "。")
    return out
