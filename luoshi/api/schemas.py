"""Explicit API schemas (django-ninja / pydantic)."""

import datetime as dt
from decimal import Decimal
from typing import Annotated

from ninja import Schema
from pydantic import BaseModel, Field

from luoshi.core import limits

#: Every error status an operation may answer, each with an ErrorOut body.
ERROR_STATUSES = (400, 401, 403, 404, 409, 422, 500)

#: A row id (BigAutoField): what the database can hold, so a larger number is a 422, never an overflow.
Id = Annotated[int, Field(ge=1, le=2**63 - 1)]

#: Free text with no column limit (TextField): still bounded, so no request carries megabytes of it.
LongText = Annotated[str, Field(max_length=20_000)]

FIRST_YEAR, LAST_YEAR = limits.years()
Year = Annotated[int, Field(ge=FIRST_YEAR, le=LAST_YEAR)]
Date = Annotated[dt.date, Field(ge=dt.date(FIRST_YEAR, 1, 1), le=dt.date(LAST_YEAR, 12, 31))]
Month = Annotated[int, Field(ge=1, le=12)]


def text(model, name: str):
    """A string as long as MODEL's column NAME holds."""
    return Annotated[str, Field(max_length=limits.field_of(model, name).max_length)]


def amount(model, name: str):
    """A finite number MODEL's DecimalField NAME holds (|value| < 10^(digits − places))."""
    bound = limits.decimal_limit(limits.field_of(model, name))
    return Annotated[Decimal, Field(gt=-bound, lt=bound, allow_inf_nan=False)]


class Plain(BaseModel):
    """A schema only ever read from JSON or written from dicts: pydantic's own model, without the wrapper with
    which ninja's Schema reads Django objects' attributes (on a batch of 50 figures, 20 times the cost)."""


class ErrorOut(Schema):
    """The one error shape: what went wrong, and where (field, row, value, reason) in DETAIL."""

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


class PlanFrontOut(Schema):
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
    fronts: list[PlanFrontOut]
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
