"""通报: what the monthly briefing says, assembled once from the verdicts; the renderers only lay it out."""

import datetime as dt
from dataclasses import dataclass, field

from luoshi.dashboard.board import TARGET_RELATED, judge_units
from luoshi.dashboard.ranking import RankRow, late_units, rank_units
from luoshi.figures.lateness import Owed
from luoshi.figures.models import FigureRevision
from luoshi.figures.status import default_at
from luoshi.lib.periods import Period, parse
from luoshi.plans.models import Plan
from luoshi.verdicts.keeping import kept_targets

SUMMARY = [("met", "已完成"), ("on_track", "正常推进"), ("behind", "预警(轻度滞后)"),
           ("off_track", "滞后"), ("no_data", "无数据")]
SIMULATED = "模拟数据"


class BriefingError(Exception):
    """The briefing cannot be made (no such plan, bad period, missing font)."""


def summary_key(row: dict) -> str:
    """Which summary count a verdict row falls in: met, on track, behind, off track, no data."""
    if row["met"] is True:
        return "met"
    return {"green": "on_track", "yellow": "behind", "red": "off_track"}.get(row["status"], "no_data")


@dataclass
class Source:
    indicator: str
    period: str
    source: str


@dataclass
class Briefing:
    """One plan's briefing at one period."""

    plan: Plan
    at: Period
    rows: list[dict]
    ranking: list[RankRow] = field(default_factory=list)
    late: list[Owed] = field(default_factory=list)  # 未报送单位 (see figures.lateness)
    sources: list[Source] = field(default_factory=list)
    issued: dt.date = field(default_factory=dt.date.today)
    serial: int | None = None  # the n of its 文号 (see LUOSHI_DOC_NUMBER); default the judged period's end month

    @property
    def region(self) -> str:
        region = self.plan.region
        return region if region.endswith(("市", "省", "县", "区", "自治州", "盟")) else f"{region}市"

    @property
    def number_serial(self) -> int:
        return self.serial or self.at.end_month

    @property
    def title(self) -> str:
        prefix = f"【{SIMULATED}】" if self.plan.simulated else ""
        return f"{prefix}{self.region}{self.plan.year}年发展目标落实情况通报({self.at.label_zh_full})"

    @property
    def summary(self) -> list[tuple[str, int]]:
        keys = [summary_key(r) for r in self.rows]
        return [(label, keys.count(key)) for key, label in SUMMARY]

    @property
    def fronts(self) -> list[tuple[str, list[dict]]]:
        groups: dict[str, list[dict]] = {}
        for row in self.rows:
            groups.setdefault(row["front"] or "其他", []).append(row)
        return list(groups.items())

    @property
    def attention(self) -> list[dict]:
        """The red and yellow lists: red first, then yellow, each in plan order."""
        return [r for r in self.rows if r["status"] == "red"] + [r for r in self.rows if r["status"] == "yellow"]


def sources_of(plan: Plan, targets) -> list[Source]:
    """数据来源: the distinct sources of the approved figures behind the plan's targets."""
    pairs = [(t.series_id, t.region_unit_id) for t in targets if t.series_id]
    rows = FigureRevision.objects.filter(
        status=FigureRevision.Status.APPROVED, figure__series_id__in={s for s, _ in pairs},
        figure__unit_id__in={u for _, u in pairs}, figure__period_end__year__in=(plan.year - 1, plan.year),
    ).exclude(source="").values_list("figure__series__name", "figure__period", "source").distinct()
    return [Source(*row) for row in sorted(set(rows))]


def briefing_period(plan: Plan, period: str | None, today: dt.date) -> Period:
    """PERIOD parsed (default: the plan year's latest published period); one of another year is refused."""
    try:
        at = parse(period) if period else default_at(plan.year, today)
    except ValueError as exc:
        raise BriefingError(f"无法识别的期间 {period!r}:{exc}") from exc
    if at.start_year != plan.year:
        raise BriefingError(f"期间 {at.label_zh_full} 不属于所选规划({plan.title},{plan.year}年):请选择该规划的期间。")
    return at


def build_briefing(plan: Plan, period: str | None = None, user=None, today: dt.date | None = None,
                   serial: int | None = None) -> Briefing:
    """The briefing of PLAN at PERIOD (default: the plan year's latest published period), 文号 number SERIAL."""
    today = today or dt.date.today()
    at = briefing_period(plan, period, today)
    targets = list(plan.targets.active().select_related(*TARGET_RELATED))
    judged = kept_targets(targets, at, today)
    units = judge_units(user, targets, at, today)
    return Briefing(plan, at, [k.row for k in judged], rank_units(units), late_units(judged + units),
                    sources_of(plan, targets), today, serial)


def find_plan(plan_id: int | None) -> Plan:
    """The plan to brief: by id, else the newest published one."""
    plans = Plan.objects.filter(archived=False)
    plan = plans.filter(pk=plan_id).first() if plan_id else plans.filter(status=Plan.Status.PUBLISHED).first()
    if plan is None:
        raise BriefingError(f"没有编号为 {plan_id} 的规划" if plan_id else "没有已发布的规划")
    return plan
