"""GET /api/v1/compare: the units below a unit side by side, scoped to the user exactly as the page is."""

from ninja import Query, Router, Schema, Status

from luoshi.api.schemas import ErrorOut
from luoshi.compare.comparison import CompareError, compare, history, peers
from luoshi.compare.records import comparison_record, year_record

router = Router(tags=["对比"])


class ComparePlanRefOut(Schema):
    id: int
    title: str
    status: str
    status_label: str
    source_url: str


class PledgeOut(Schema):
    """One target as its unit set it (保 and 争 are two), with its verdict."""

    target_id: int
    wording: str
    value: float
    unit_of_measure: str
    kind: str
    bound: str
    bound_word: str
    commitment: str
    period: str
    sentence: str
    plans: list[ComparePlanRefOut]
    status: str
    status_label: str
    gap: float | None
    met: bool | None
    actual: float | None
    actual_period: str | None
    reason: str


class ActualOut(Schema):
    period: str
    period_label: str
    value: float | None
    growth: float | None
    measure: float | None
    source: str
    note: str


class RowOut(Schema):
    unit: str
    unit_name: str
    short_name: str
    in_jurisdiction: bool
    targets: list[PledgeOut]
    headline_target: float | None
    actual: ActualOut | None
    actual_label: str
    measured: float | None
    pending: ActualOut | None
    gap: float | None
    status: str
    status_label: str


class UnitRefOut(Schema):
    code: str
    name: str


class ComparisonOut(Schema):
    indicator: str
    kind: str
    unit_of_measure: str
    period: str
    period_label: str
    under: UnitRefOut | None
    sort: str
    note: str
    reference: RowOut | None
    rows: list[RowOut]
    median_target: float | None
    median_actual: float | None
    counts: dict[str, int]


class YearOut(RowOut):
    period: str
    change: float | None


def _refused(exc: CompareError):
    return Status(422, {"error": "请求参数无效", "detail": exc.detail})


@router.get("/compare", response={200: ComparisonOut, 422: ErrorOut})
def compare_units(request, indicator: str, period: str, under: str, sort: str = "gap"):
    """对比: every unit directly below UNDER on INDICATOR at PERIOD; outside the user's jurisdiction only
    published targets and approved figures; a reporter gets their own unit only."""
    try:
        return Status(200, comparison_record(compare(indicator, period, under, request.user, sort=sort)))
    except CompareError as exc:
        return _refused(exc)


@router.get("/compare/years", response={200: list[YearOut], 422: ErrorOut})
def compare_years(request, indicator: str, unit: str):
    """历年: a unit's targets and outcomes on INDICATOR, plan after plan."""
    try:
        _, _, years = history(indicator, unit, request.user)
    except CompareError as exc:
        return _refused(exc)
    return Status(200, [year_record(y) for y in years])


@router.get("/compare/peers", response={200: ComparisonOut, 422: ErrorOut})
def compare_peers(request, indicator: str, period: str, unit: str, peers_: str = Query("", alias="peers")):
    """同级对比: UNIT beside the units of PEERS (codes, comma-separated), else every unit beside it; with medians."""
    codes = [c.strip() for c in peers_.split(",") if c.strip()]
    try:
        return Status(200, comparison_record(peers(indicator, period, unit, request.user, codes)))
    except CompareError as exc:
        return _refused(exc)
