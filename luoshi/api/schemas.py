"""Explicit API schemas (django-ninja / pydantic)."""

from ninja import Schema


class ErrorOut(Schema):
    error: str
    detail: list = []


class UnitOut(Schema):
    id: int
    code: str
    name: str
    short_name: str
    kind: str
    parent: str | None
    archived: bool = False


class FrontOut(Schema):
    id: int
    order: int
    name: str
    heading: str
    span: list[int] | None


class TargetOut(Schema):
    id: int
    plan_id: int
    front: str
    indicator: str
    value: float
    unit: str
    kind: str
    accumulation: str
    period: str
    bound: str
    bound_word: str
    commitment: str
    region: str
    owner: str
    owner_name: str
    baseline: float | None
    baseline_period: str
    wording: str
    sentence: str
    span: list[int]


class SourceOut(Schema):
    title: str
    publisher: str
    date: str | None
    url: str


class PlanSummaryOut(Schema):
    id: int
    title: str
    year: int
    region: str
    issuer: str
    issuer_name: str
    status: str
    source: SourceOut


class PlanOut(PlanSummaryOut):
    text: str
    fronts: list[FrontOut]
    targets: list[TargetOut]


class AssignmentOut(Schema):
    id: int
    target_id: int
    unit: str
    unit_name: str
    value: float | None
    note: str


class VerdictOut(Schema):
    """One judged target or assignment: the fields of `figures.status.verdict_row`."""


    target_id: int
    assignment_id: int | None
    indicator: str
    front: str
    unit: str
    unit_name: str
    period: str
    at: str
    kind: str
    target: float
    unit_of_measure: str
    bound: str
    commitment: str
    actual: float | None
    actual_period: str | None
    progress: float | None
    expected: float | None
    gap: float | None
    status: str
    status_label: str
    forecast: float | None
    forecast_basis: str
    pace_ratio: float | None
    met: bool | None
    reason: str
    expected_value: float | None
    latest_period: str | None
    judged_period: str | None
    late: bool
    late_reason: str
    late_days: int | None
    late_unit: str
    not_published: bool
