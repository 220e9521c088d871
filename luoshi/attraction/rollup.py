"""招商汇总: leads rolled up by 专班, chain, unit or month — how many, at which stage, signed (count and
amount), started and producing in the period, the conversion from signed to started to producing, and the
funds paid in — beside the plan's 招商引资总额 target and the commerce bureau's reported figure.

A period is year-to-date (2023M06 is 1 January to 30 June); a month line counts what happened in that month.
The bureau's figure is the target's own series for the target's region (as for key projects' investment,
`luoshi.projects.rollup`); the two differ (scope, timing, what counts), and the difference is shown.
"""

import calendar
import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from luoshi.attraction import funds
from luoshi.attraction.models import Lead
from luoshi.lib.periods import Period
from luoshi.plans.models import Target
from luoshi.projects.rollup import _statistics as bureau_figures

Stage = Lead.Stage
BY = {"task-force": _("专班"), "chain": _("产业链"), "unit": _("落地单位"), "month": _("月份")}
COUNTED = (Stage.SIGNED, Stage.STARTED, Stage.PRODUCING)
NO_CHAIN = ("", "未关联产业链")


@dataclass
class Line:
    """One group's figures in one window of dates."""

    key: str
    label: str
    leads: int = 0
    stages: dict[str, int] = field(default_factory=lambda: dict.fromkeys(Stage.values, 0))
    signed: int = 0
    signed_amount: Decimal = Decimal(0)
    started: int = 0
    producing: int = 0
    reached: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COUNTED, 0))
    paid_in: Decimal = Decimal(0)

    @property
    def conversion_started(self) -> float | None:
        """开工率: leads that have started, of those that have signed (at the window's end)."""
        signed = self.reached[Stage.SIGNED]
        return self.reached[Stage.STARTED] / signed if signed else None

    @property
    def conversion_producing(self) -> float | None:
        """投产率: leads producing, of those that have started."""
        started = self.reached[Stage.STARTED]
        return self.reached[Stage.PRODUCING] / started if started else None

    def as_dict(self) -> dict:
        return {"key": self.key, "label": self.label, "leads": self.leads, "stages": self.stages,
                "signed": self.signed, "signed_amount": float(self.signed_amount), "started": self.started,
                "producing": self.producing, "conversion_started": self.conversion_started,
                "conversion_producing": self.conversion_producing, "paid_in": float(self.paid_in)}

    def add(self, lead: Lead, dates: dict[str, dt.date], start: dt.date, end: dt.date, paid: Decimal) -> None:
        """Count LEAD, whose stages were reached on DATES, in the window START–END."""
        known = {stage: day for stage, day in dates.items() if day <= end}
        if not known:
            return
        self.leads += 1
        self.stages[max(known, key=Stage.values.index)] += 1
        during = {stage for stage, day in known.items() if day >= start}
        self.signed += Stage.SIGNED in during
        self.signed_amount += (lead.signed_investment or 0) if Stage.SIGNED in during else 0
        self.started += Stage.STARTED in during
        self.producing += Stage.PRODUCING in during
        for stage in COUNTED:
            self.reached[stage] += stage in known
        self.paid_in += paid


@dataclass
class Summary:
    at: Period
    by: str
    lines: list[Line]
    total: Line
    target: Target | None = None
    reported: Decimal | None = None

    @property
    def difference(self) -> Decimal | None:
        """商务部门报数 − 招商项目签约额: what the bureau counts beyond (or short of) the leads signed here."""
        return None if self.reported is None else self.reported - self.total.signed_amount

    @property
    def share_of_target(self) -> float | None:
        return float(self.total.signed_amount / self.target.value) if self.target and self.target.value else None

    def as_dict(self) -> dict:
        target = self.target
        return {"period": self.at.code, "by": self.by, "lines": [line.as_dict() for line in self.lines],
                "total": self.total.as_dict(), "target_id": target.pk if target else None,
                "target_value": float(target.value) if target else None,
                "reported": None if self.reported is None else float(self.reported),
                "difference": None if self.difference is None else float(self.difference)}


def _group(lead: Lead, by: str) -> tuple[str, str]:
    if by == "task-force":
        return str(lead.task_force_id), lead.task_force.name
    if by == "chain":
        return (str(lead.node.chain_id), lead.node.chain.name) if lead.node_id else NO_CHAIN
    return lead.unit.code, lead.unit.name


def _months(at: Period) -> list[tuple[dt.date, dt.date]]:
    year = at.end_year
    return [(dt.date(year, m, 1), dt.date(year, m, calendar.monthrange(year, m)[1])) for m in range(1, at.end_month + 1)]


def _loaded(leads) -> list[Lead]:
    return list(leads.select_related("task_force", "unit", "node__chain").prefetch_related("steps"))


def _dates(lead: Lead) -> dict[str, dt.date]:
    return {step.to_stage: step.date for step in lead.steps.all()}


def lines_of(leads: list[Lead], by: str, start: dt.date, end: dt.date) -> tuple[list[Line], Line]:
    """LEADS' lines grouped BY (not month) in the window START–END, and their total."""
    paid = funds.paid_between(leads, start, end)
    groups: dict[str, Line] = {}
    total = Line("", "合计")
    for lead in leads:
        key, label = _group(lead, by)
        dates = _dates(lead)
        for line in (groups.setdefault(key, Line(key, label)), total):
            line.add(lead, dates, start, end, paid.get(lead.pk, Decimal(0)))
    return [g for g in groups.values() if g.leads], total


def month_lines(leads: list[Lead], at: Period) -> list[Line]:
    """One line per month of AT's year up to its end: what happened in that month."""
    lines = []
    for start, end in _months(at):
        line = lines_of(leads, "unit", start, end)[1]
        line.key, line.label = f"{start:%Y-%m}", f"{start.year}年{start.month}月"
        lines.append(line)
    return lines


def series_name() -> str:
    """The series of the 招商引资 target (LUOSHI_ATTRACTION_SERIES; the catalogue's 招商引资签约总额)."""
    return getattr(settings, "LUOSHI_ATTRACTION_SERIES", "招商引资签约总额")


def target_for(targets, at: Period) -> Target | None:
    """The 招商引资 target among TARGETS for AT: the one set for AT itself (一季度), else the year's."""
    found = list(targets.filter(series__name=series_name(), kind="level", plan__year=at.end_year,
                                period__in=[at.code, str(at.end_year)]).order_by("pk"))
    return next((t for t in found if t.period == at.code), None) or next(iter(found), None)


def summary(leads, at: Period, by: str = "task-force", target: Target | None = None) -> Summary:
    """LEADS (already scoped) rolled up BY 专班/chain/unit/month for the year-to-date period AT, beside TARGET."""
    if by not in BY:
        raise ValueError(f"分组应为 {'、'.join(BY)} 之一")
    leads = _loaded(leads)
    lines, total = lines_of(leads, "unit" if by == "month" else by, at.start_date, at.end_date)
    lines = month_lines(leads, at) if by == "month" else sorted(lines, key=lambda g: (-g.signed_amount, g.label))
    reported = None
    if target is not None and target.region_unit_id:
        reported = bureau_figures(target, [target.region_unit_id], at).get(target.region_unit_id)
    return Summary(at, by, lines, total, target, reported)


def summary_for(user, leads, at: Period, by: str = "task-force") -> Summary:
    """`summary` of LEADS beside the 招商引资 target USER may read (None: the system reads every one), the
    target and the bureau's figure only when USER reaches the target's region."""
    targets = Target.objects.active() if user is None else Target.objects.restrict(user).active()
    target = target_for(targets, at)
    if target is not None and user is not None and not user.jurisdiction.contains(target.region_unit):
        target = None
    return summary(leads, at, by, target)
