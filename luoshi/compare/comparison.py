"""对比: the units below a unit side by side on one indicator and period — who promised what, who delivered.

Every unit directly below the parent (a province's cities, a city's districts) with the target(s) it set
in its own plan, the figure it published, the gap and the status from the one verdict function, and the
parent's own target and figure as the reference line. A growth rate is never averaged or summed into
the parent's figure: the parent's figure is shown as reported.

What a user sees follows the jurisdiction rule (辖区): within it, drafts and pending figures too; outside
it, only what is public anyway (targets of published plans, approved figures). A reporter sees only
their own unit.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from statistics import median

from django.db.models import Q
from django.utils.translation import gettext as _

from luoshi.accounts.scoping import units_for
from luoshi.core.errors import FieldErrors
from luoshi.figures.catalogue import match_series
from luoshi.figures.models import Figure, FigureRevision, Series
from luoshi.figures.status import judge_targets, verdict_row
from luoshi.figures.tabular import RELIABILITY_LABELS
from luoshi.lib.periods import Period, PeriodError, parse
from luoshi.plans.models import Plan, Target
from luoshi.plans.wording import describe
from luoshi.units.models import Unit

NO_DATA = "无公开数据"
NO_TARGET = "未设目标"
_SOURCE_SPLIT = re.compile(r"[\s;；,，、]+")
#: The page's labels of the fields a comparison is asked by (the API keeps the names in `detail[].field`).
FIELD_LABELS = {"indicator": "指标", "period": "期间", "under": "上级单位", "unit": "单位", "peers": "对比单位",
                "sort": "排序", "name": "名称", "group": "对比组"}
#: The English gloss a period error carries in brackets, "(unrecognised period code)".
_ENGLISH_GLOSS = re.compile(r"\s*\([A-Za-z][^()]*\)")
SORTS = ("gap", "target", "actual", "order")
#: The binding commitment first: 确保 and 保 are what a unit must deliver, 力争 and 争 what it reaches for.
COMMITMENT_ORDER = {"确保": 0, "保": 1, "": 2, "力争": 3, "争": 4}


class CompareError(FieldErrors):
    """A comparison that cannot be made; `detail` names each bad field."""


@dataclass(frozen=True)
class Pledge:
    """承诺: one target as its unit set it, with the plan(s) that say so and its verdict."""

    target: Target
    wording: str
    verdict: dict
    plans: tuple[Plan, ...]

    @property
    def value(self) -> float:
        return float(self.target.value)

    @property
    def rank(self) -> tuple:
        return COMMITMENT_ORDER.get(self.target.commitment, 2), self.value


@dataclass(frozen=True)
class Actual:
    """实际: the published figure of the period (or the latest one within it), with its source."""

    period: Period
    value: float | None
    growth: float | None
    source: str
    note: str

    @property
    def sources(self) -> list[dict]:
        """Each address in the source as {"text", "href"}: a scheme-less address gets https:// to link it;
        text that is no address gets no link."""
        found = []
        for part in _SOURCE_SPLIT.split(self.source.strip()):
            if part.startswith(("http://", "https://")):
                found.append({"text": part, "href": part})
            elif re.match(r"^[\w-]+(\.[\w-]+)+(/\S*)?$", part, re.ASCII):
                found.append({"text": part, "href": f"https://{part}"})
            elif part:
                found.append({"text": part, "href": ""})
        return found

    def measure(self, kind: str) -> float | None:
        """The number a target of KIND is judged on: the growth rate for growth, else the level."""
        return self.growth if kind == "growth" else self.value


@dataclass
class Row:
    """One unit of the comparison."""

    unit: Unit
    kind: str
    in_reach: bool
    pledges: list[Pledge] = field(default_factory=list)
    actual: Actual | None = None
    pending: Actual | None = None

    @property
    def headline(self) -> Pledge | None:
        """The target the unit is held to: the most binding commitment (保 before 争)."""
        return min(self.pledges, key=lambda p: p.rank, default=None)

    @property
    def measured(self) -> float | None:
        return self.actual.measure(self.kind) if self.actual else None

    @property
    def status(self) -> str:
        return self.headline.verdict["status"] if self.headline else "none"

    @property
    def status_label(self) -> str:
        if self.headline is None:
            return NO_TARGET
        return self.headline.verdict["status_label"] if self.actual else NO_DATA

    @property
    def gap(self) -> float | None:
        return self.headline.verdict["gap"] if self.headline else None


@dataclass
class Comparison:
    series: Series
    kind: str
    period: Period
    parent: Unit | None
    reference: Row | None
    rows: list[Row]
    sort: str = "gap"
    note: str = ""

    @property
    def unit_of_measure(self) -> str:
        found = next((p.target.unit_of_measure for r in self.rows for p in r.pledges), None)
        return found or ("%" if self.kind == "growth" else self.series.unit_of_measure)

    @property
    def median_target(self) -> float | None:
        values = [r.headline.value for r in self.rows if r.headline]
        return median(values) if values else None

    @property
    def median_actual(self) -> float | None:
        values = [r.measured for r in self.rows if r.measured is not None]
        return median(values) if values else None

    @property
    def without_targets(self) -> str:
        """The notice when no unit compared set a target for the period ("" when some did)."""
        if any(r.pledges for r in self.rows):
            return ""
        return _("%(period)s没有任何单位设定该指标的目标") % {"period": self.period.label_zh_full}

    @property
    def reference_missing(self) -> str:
        """What the reference line says when the parent published no figure of the period itself."""
        return _("无%(period)s数据") % {"period": self.period.label_zh_full}

    def counts(self) -> dict[str, int]:
        found: dict[str, int] = {}
        for row in self.rows:
            found[row.status_label] = found.get(row.status_label, 0) + 1
        return found


def find_series(indicator: "str | Series") -> Series:
    """The catalogue series INDICATOR names (a Series passes through)."""
    if isinstance(indicator, Series):
        return indicator
    found = match_series(indicator or "")
    if found is None:
        raise CompareError([{"field": "indicator", "message": _("指标库中没有指标“%(name)s”") % {"name": indicator}}])
    return found


def find_unit(code: "str | Unit", name: str = "under") -> Unit:
    if isinstance(code, Unit):
        return code
    unit = Unit.objects.filter(code=(code or "").strip(), archived=False).first()
    if unit is None:
        raise CompareError([{"field": name, "message": _("没有代码为 %(code)s 的单位") % {"code": code}}])
    return unit


def find_period(code: "str | Period") -> Period:
    if isinstance(code, Period):
        return code
    try:
        return parse((code or "").strip())
    except PeriodError as exc:
        raise CompareError([{"field": "period", "message": _ENGLISH_GLOSS.sub("", str(exc))}]) from None


def labelled(detail: list[dict]) -> list[dict]:
    """DETAIL for a page: each entry with the Chinese label of its field."""
    return [{**d, "label": FIELD_LABELS.get(d["field"], d["field"])} for d in detail]


def said(error: CompareError) -> str:
    """ERROR in one line for a page: "期间:…;单位:…"."""
    return ";".join(f"{d['label']}:{d['message']}" for d in labelled(error.detail))


def units_below(parent: Unit) -> list[Unit]:
    """The areas directly below PARENT (cities, districts, counties, zones), not its departments."""
    return list(parent.children.filter(archived=False).exclude(kind=Unit.Kind.DEPARTMENT))


def visible_targets(user, series: Series, simulated: bool = False):
    """Targets of SERIES USER may read here: of published plans anywhere, and of drafts within reach (the
    scoped targets of units in the user's jurisdiction).

    USER None is the system (the command line): everything.
    """
    targets = Target.objects.active().filter(series=series, plan__archived=False, plan__simulated=simulated)
    if user is None:
        return targets
    public = Q(plan__status=Plan.Status.PUBLISHED)
    own = Target.objects.restrict(user).filter(region_unit__in=units_for(user))
    return targets.filter(public | Q(pk__in=own.values("pk")))


def _reach(user, units: list[Unit]) -> set[int]:
    ids = [u.pk for u in units]
    if user is None:
        return set(ids)
    return set(units_for(user).filter(pk__in=ids).values_list("pk", flat=True))


def _pledges(targets: list[Target], at: Period) -> dict[int, list[Pledge]]:
    """Each unit's targets with their verdicts; the same target set in two plans is one pledge."""
    by_unit: dict[int, dict[tuple, Pledge]] = {}
    for judged in judge_targets(targets, at):
        target = judged.target
        key = (target.kind, target.value, target.bound, target.commitment)
        found = by_unit.setdefault(target.region_unit_id, {})
        if key in found:
            found[key] = Pledge(found[key].target, found[key].wording, found[key].verdict,
                                found[key].plans + (target.plan,))
            continue
        found[key] = Pledge(target, describe(kind=target.kind, value=target.value, unit=target.unit_of_measure,
                                             bound=target.bound, bound_word=target.bound_word,
                                             commitment=target.commitment),
                            verdict_row(judged), (target.plan,))
    return {unit: sorted(p.values(), key=lambda p: p.rank) for unit, p in by_unit.items()}


def _figures(series: Series, units: list[Unit], period: Period):
    return Figure.objects.filter(
        series=series, unit__in=units, subject_kind="",
        period_start__gte=period.start_date, period_end__lte=period.end_date)


def _as_actual(figure_period: str, value, growth, source: str, note: str) -> Actual:
    return Actual(parse(figure_period), None if value is None else float(value),
                  None if growth is None else float(growth), source, RELIABILITY_LABELS.get(note, note))


def _actuals(series: Series, units: list[Unit], period: Period) -> dict[int, Actual]:
    """Each unit's approved figure of PERIOD, or else its latest approved one within PERIOD."""
    found: dict[int, Actual] = {}
    figures = _figures(series, units, period).filter(approved_revision__isnull=False).select_related(
        "approved_revision").order_by("unit_id", "period_end")
    for figure in figures:
        revision = figure.approved_revision
        found[figure.unit_id] = _as_actual(figure.period, figure.value, figure.growth, revision.source,
                                           revision.note)
    return found


def _pending(series: Series, units: list[Unit], period: Period) -> dict[int, Actual]:
    """Revisions waiting for approval (shown only within reach, never as the actual)."""
    found: dict[int, Actual] = {}
    revisions = FigureRevision.objects.pending().filter(figure__in=_figures(series, units, period)).select_related(
        "figure").order_by("figure__period_end", "number")
    for revision in revisions:
        found[revision.figure.unit_id] = _as_actual(revision.figure.period, revision.value, revision.growth,
                                                    revision.source, revision.note)
    return found


def _kind(targets: list[Target], kind: str | None) -> str:
    """The kind compared: as asked, else the kind most targets have (growth on a tie)."""
    if kind:
        return kind
    counts: dict[str, int] = {}
    for target in targets:
        counts[target.kind] = counts.get(target.kind, 0) + 1
    return max(counts, key=lambda k: (counts[k], k == "growth"), default="growth")


def _rows(user, series, period, units, kind, simulated) -> tuple[list[Row], str]:
    codes = {period.code} if period.is_multi_year else {period.code, Period.year(period.end_year).code}
    targets = list(visible_targets(user, series, simulated).filter(
        region_unit__in=units, period__in=codes).select_related("plan", "front", "series", "region_unit"))
    kind = _kind(targets, kind)
    pledges = _pledges([t for t in targets if t.kind == kind], period)
    actuals, pending = _actuals(series, units, period), _pending(series, units, period)
    reach = _reach(user, units)
    rows = [Row(u, kind, u.pk in reach, pledges.get(u.pk, []), actuals.get(u.pk),
                pending.get(u.pk) if u.pk in reach else None) for u in units]
    return rows, kind


def _sorted(rows: list[Row], sort: str) -> list[Row]:
    missing = float("inf")
    keys = {
        "gap": lambda r: (r.gap is None, r.gap if r.gap is not None else missing, r.unit.order, r.unit.code),
        "target": lambda r: (r.headline is None, -(r.headline.value if r.headline else 0), r.unit.code),
        "actual": lambda r: (r.measured is None, -(r.measured or 0), r.unit.code),
        "order": lambda r: (r.unit.order, r.unit.code),
    }
    if sort not in keys:
        raise CompareError([{"field": "sort", "message": _("排序应为 %(sorts)s 之一") % {"sorts": "、".join(SORTS)}}])
    return sorted(rows, key=keys[sort])


def _only_own(user, units: Iterable[Unit]) -> list[Unit]:
    """A reporter compares only their own unit; a unit not open to the public only within reach."""
    units = list(units)
    if user is None:
        return units
    if user.role == user.Role.REPORTER:
        return [u for u in units if u.pk == user.unit_id]
    reach = _reach(user, units)
    return [u for u in units if u.is_public or u.pk in reach]


def _own_period(row: Row, period: Period) -> Row:
    """ROW with only a figure of PERIOD itself: a first quarter is never the reference line for the year."""
    if row.actual is not None and row.actual.period.code != period.code:
        row.actual = None
    if row.pending is not None and row.pending.period.code != period.code:
        row.pending = None
    return row


def compare_units(indicator, period, units: list[Unit], user, *, parent: Unit | None = None, sort: str = "gap",
                  kind: str | None = None, simulated: bool = False) -> Comparison:
    """UNITS side by side on INDICATOR at PERIOD, PARENT's own target and figure as the reference."""
    series, period = find_series(indicator), find_period(period)
    shown = _only_own(user, units)
    rows, kind = _rows(user, series, period, shown, kind, simulated)
    reference = None
    if parent is not None and _only_own(user, [parent]):
        reference = _own_period(_rows(user, series, period, [parent], kind, simulated)[0][0], period)
    note = _("您只能查看本单位的数据。") if len(shown) < len(units) and user.role == user.Role.REPORTER else ""
    return Comparison(series, kind, period, parent, reference, _sorted(rows, sort), sort, note)


def compare(indicator, period, under, user, *, sort: str = "gap", kind: str | None = None,
            simulated: bool = False) -> Comparison:
    """Every unit directly below UNDER on INDICATOR at PERIOD, as USER may see them (None: the system)."""
    parent = find_unit(under)
    return compare_units(indicator, period, units_below(parent), user, parent=parent, sort=sort, kind=kind,
                         simulated=simulated)


def peers(indicator, period, unit, user, peer_codes: Iterable[str] = (), *, sort: str = "target",
          kind: str | None = None) -> Comparison:
    """A unit beside its peers: the chosen ones, else every unit beside it under the same parent; with medians."""
    unit = find_unit(unit, "unit")
    codes = [c for c in peer_codes if c and c != unit.code]
    others = [find_unit(code, "peers") for code in codes] if codes else (
        [u for u in units_below(unit.parent) if u.pk != unit.pk] if unit.parent_id else [])
    return compare_units(indicator, period, [unit, *others], user, parent=unit.parent, sort=sort, kind=kind)


@dataclass(frozen=True)
class YearRow:
    """One year of a unit's history on an indicator: what it promised, what it delivered."""

    period: Period
    row: Row
    change: float | None  # the headline target against the year before (percentage points for rates)


def history(indicator, unit, user, *, kind: str | None = None) -> tuple[Series, str, list[YearRow]]:
    """A unit across years: its targets and outcomes for the same indicator, plan after plan (and the years
    it published a figure for without a target, so a promise reads against the year before it)."""
    series, unit = find_series(indicator), find_unit(unit, "unit")
    if not _only_own(user, [unit]):
        return series, kind or "growth", []
    periods = {parse(p) for p in visible_targets(user, series).filter(region_unit=unit).values_list("period", flat=True)}
    published = Figure.objects.filter(series=series, unit=unit, subject_kind="", approved_revision__isnull=False,
                                      period__regex=r"^\d{4}$").values_list("period", flat=True)
    years = sorted({p.end_year for p in periods if not p.is_multi_year and p.months == 12} | {int(p) for p in published})
    found, before = [], None
    for year in years:
        rows, kind = _rows(user, series, Period.year(year), [unit], kind, False)
        headline = rows[0].headline
        change = None if headline is None or before is None else round(headline.value - before, 4)
        found.append(YearRow(Period.year(year), rows[0], change))
        before = headline.value if headline else before
    return series, kind or "growth", found
