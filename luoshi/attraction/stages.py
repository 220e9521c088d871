"""招商项目阶段: a lead moves one step at a time 线索 → 洽谈 → 签约 → 落地(注册) → 开工 → 投产.

Each move is dated (not in the future, not before the previous move) and kept as a `LeadStep`. 签约 needs
the signed amount; 开工 needs a key project — an existing one linked, or one created from the lead — and
from then on the project moves with the lead, so "三个一批" counts it once (see `batches`).
"""

import datetime as dt
from decimal import Decimal

from django.db import transaction

from luoshi.accounts.scoping import CHANGE, in_reach
from luoshi.attraction.models import Lead, LeadStep
from luoshi.core import limits
from luoshi.projects import stages as project_stages
from luoshi.projects.models import Project

Stage = Lead.Stage
ORDER = list(Stage)
#: The key-project stage a linked project takes when its lead reaches these stages.
PROJECT_STAGE = {Stage.STARTED: Project.Stage.STARTED, Stage.PRODUCING: Project.Stage.OPERATING}


class LeadError(ValueError):
    """A change to a lead that cannot happen; the message says why, in Chinese."""


class NotAllowed(LeadError, project_stages.NotAllowed):
    """The user may not make this change."""


class InvalidLead(LeadError, limits.OutOfRange):
    """Values a lead's columns cannot hold; `detail` names each field; nothing was written."""


def may_edit(user, lead: Lead) -> bool:
    """The lead's 专班 (lead department and member units), its landing unit and the analysts above them."""
    if user is None:
        return True
    return Lead.objects.restrict(user, CHANGE).filter(pk=lead.pk).exists()


def require_edit(user, lead: Lead) -> None:
    if not may_edit(user, lead):
        raise NotAllowed("只有该项目的专班成员、落地单位或分析员可以推进该招商项目")


@transaction.atomic
def open_lead(user, *, name: str, company, task_force, unit, date: dt.date, node=None, event=None,
              planned_investment=None, note: str = "", simulated: bool = False, today: dt.date | None = None) -> Lead:
    """登记线索: a new lead at 线索 on DATE, for USER's own 专班 or landing unit."""
    _check_facts(user, name, task_force, unit, planned_investment)
    limits.require(LeadStep, {"date": date, "note": note}, error=InvalidLead)
    lead = Lead(name=name.strip(), company=company, task_force=task_force, unit=unit, node=node, event=event,
                planned_investment=planned_investment, simulated=simulated, created_by=user)
    _check_date(lead, date, today or dt.date.today())
    lead.stage_date = date
    lead.save()
    lead.code = f"ZS-{lead.pk:05d}"
    lead.save(update_fields=["code", "modified"])
    LeadStep.log(user, action=LeadStep.OPENED, lead=lead, to_stage=Stage.CLUE, date=date, note=note)
    return lead


def _check_facts(user, name: str, task_force, unit, planned_investment) -> None:
    """What a lead's facts must be, opened or corrected: USER's own 专班 or landing unit, a name, amounts
    its columns hold."""
    if user is not None and not (in_reach(user, unit, CHANGE) or in_reach(user, task_force.lead_department, CHANGE)):
        raise NotAllowed("只能为本辖区或本专班登记招商线索")
    limits.require(Lead, {"name": name, "planned_investment": planned_investment}, error=InvalidLead)
    if not name.strip():
        raise LeadError("请填写项目名称")


#: The facts of a lead that may be put right after it is registered (its stages stay as logged).
FACTS = ("name", "company", "task_force", "unit", "node", "event", "planned_investment")


@transaction.atomic
def correct_lead(user, lead: Lead, **facts) -> Lead:
    """更正: put a registered lead's FACTS right — a misspelt name, the wrong company, 专班, landing unit, node,
    event or planned amount. Its stages and their dates stay as logged; the change is in the change log."""
    if unknown := set(facts) - set(FACTS):
        raise TypeError(f"not a lead's fact: {', '.join(sorted(unknown))}")
    require_edit(user, lead)
    facts = {**{name: getattr(lead, name) for name in FACTS}, **facts}
    _check_facts(user, facts["name"], facts["task_force"], facts["unit"], facts["planned_investment"])
    for name, value in facts.items():
        setattr(lead, name, value)
    lead.name = lead.name.strip()
    lead.save()
    return lead


def next_stage(lead: Lead) -> str | None:
    """The one stage LEAD may move to now (None once it produces)."""
    here = ORDER.index(Stage(lead.stage))
    return ORDER[here + 1].value if here + 1 < len(ORDER) else None


def _check_date(lead: Lead, date: dt.date, today: dt.date) -> None:
    if date > today:
        raise LeadError(f"日期 {date:%Y-%m-%d} 还没有到:阶段记录记的是已经发生的事")
    if lead.stage_date and date < lead.stage_date:
        raise LeadError(f"日期不能早于上一阶段日期 {lead.stage_date:%Y-%m-%d}")


def _signed(lead: Lead, amount) -> Decimal:
    amount = lead.signed_investment if amount is None else limits.as_decimal(amount)
    if amount is None or amount <= 0:
        raise LeadError("签约时须填写签约投资额(亿元,大于 0)")
    limits.require(Lead, {"signed_investment": amount}, error=InvalidLead)
    return amount


def _project_for(lead: Lead, project: Project | None, create: bool, date: dt.date, user) -> Project:
    """The key project LEAD becomes at 开工: PROJECT (not another lead's) or, with CREATE, a new one."""
    if project is None and not create:
        raise LeadError("开工时须关联一个重点项目,或由本招商项目生成重点项目")
    if project is None:
        return Project.objects.create(code=lead.code, name=lead.name, owner=lead.unit,
                                      industry=lead.node.chain.name if lead.node_id else "",
                                      total_investment=lead.signed_investment, year=date.year,
                                      investor=lead.company, simulated=lead.simulated, created_by=user)
    if user is not None and not in_reach(user, project.owner):
        raise NotAllowed(f"重点项目“{project.name}”不在您的辖区内")
    if Lead.objects.filter(project=project).exclude(pk=lead.pk).exists():
        raise LeadError(f"重点项目“{project.name}”已关联另一个招商项目")
    return project


@transaction.atomic
def link_project(lead: Lead, project: Project, user) -> Lead:
    """关联重点项目 before 开工 (a signed lead already on the key-project list): its obstacles are then raised
    on that project."""
    require_edit(user, lead)
    if ORDER.index(Stage(lead.stage)) < ORDER.index(Stage.SIGNED):
        raise LeadError("签约后才能关联重点项目")
    lead.project = _project_for(lead, project, False, dt.date.today(), user)
    lead.save()
    return lead


def _move_project(lead: Lead, stage: str, date: dt.date, user) -> None:
    """The linked key project follows its lead to 开工 and 投产 (never backwards)."""
    target = PROJECT_STAGE.get(stage)
    project = lead.project
    if target is None or project is None or target not in project_stages.next_stages(project):
        return
    who = project_stages.actor(user)[0]
    project_stages.change_stage(project, target, date, None, f"随招商项目“{lead.name}”{Stage(stage).label}({who})")


@transaction.atomic
def advance(lead: Lead, stage: str, date: dt.date, user, note: str = "", *, signed_investment=None,
            project: Project | None = None, create_project: bool = False, today: dt.date | None = None) -> LeadStep:
    """Move LEAD to STAGE on DATE (the next stage only); 签约 takes SIGNED_INVESTMENT, 开工 PROJECT or
    CREATE_PROJECT."""
    require_edit(user, lead)
    limits.require(LeadStep, {"date": date, "note": note}, error=InvalidLead)
    lead = Lead.objects.select_for_update(of=("self",)).select_related("node__chain", "unit").get(pk=lead.pk)
    wanted = next_stage(lead)
    if stage != wanted:
        allowed = f"只能进入“{Stage(wanted).label}”" if wanted else "已投产,没有下一阶段"
        label = Stage(stage).label if stage in Stage.values else stage
        raise LeadError(f"不能从“{lead.get_stage_display()}”变更为“{label}”:{allowed}")
    _check_date(lead, date, today or dt.date.today())
    if stage == Stage.SIGNED:
        lead.signed_investment = _signed(lead, signed_investment)
    if stage == Stage.STARTED:
        lead.project = _project_for(lead, project, create_project, date, user)
    step = LeadStep.log(user, action=LeadStep.STAGE, lead=lead, from_stage=lead.stage, to_stage=stage, date=date,
                        note=note)
    lead.stage, lead.stage_date = stage, date
    lead.save()
    _move_project(lead, stage, date, user)
    return step


def step_dates(lead: Lead) -> dict[str, dt.date]:
    """{stage: the date LEAD reached it}."""
    return {s.to_stage: s.date for s in lead.steps.all()}
