"""指标库 through the API: list and read the catalogue (every signed-in user), add and change series
(analysts and admins), through the same filter and form as the pages."""

from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status

from luoshi.api.schemas import ErrorOut, Id
from luoshi.figures.catalogue import filter_series
from luoshi.figures.forms import SeriesForm
from luoshi.figures.models import Series

router = Router(tags=["指标库"])


class SeriesOut(Schema):
    id: int
    name: str
    aliases: list[str]
    unit_of_measure: str
    frequency: str
    accumulation: str
    due_day: int
    publisher: str
    allow_negative: bool
    note: str
    simulated: bool
    archived: bool


class SeriesIn(Schema):
    name: str
    aliases: list[str] = []
    unit_of_measure: str
    frequency: str = Series.Frequency.MONTHLY
    accumulation: str = Series.Accumulation.FLOW
    due_day: int = 10
    publisher: str = Series.Publisher.STATISTICS
    allow_negative: bool = False
    note: str = ""


class SeriesPatch(Schema):
    name: str | None = None
    aliases: list[str] | None = None
    unit_of_measure: str | None = None
    frequency: str | None = None
    accumulation: str | None = None
    due_day: int | None = None
    publisher: str | None = None
    allow_negative: bool | None = None
    note: str | None = None
    archived: bool | None = None


@router.get("/series", response=list[SeriesOut])
def list_series(request, q: str = "", frequency: str = "", publisher: str = "", archived: str = "all"):
    """The catalogue; archived: "0" in use, "1" archived, "all" (default) both."""
    return filter_series(Series.objects.all(), q=q, frequency=frequency, publisher=publisher, archived=archived)


@router.get("/series/{series_id}", response=SeriesOut)
def get_series(request, series_id: Id):
    return get_object_or_404(Series, pk=series_id)


@router.post("/series", response={201: SeriesOut, 403: ErrorOut, 422: ErrorOut})
def add_series(request, body: SeriesIn):
    return _save(request, Series(created_by=request.user), body.dict(), created=True)


@router.patch("/series/{series_id}", response={200: SeriesOut, 403: ErrorOut, 422: ErrorOut})
def change_series(request, series_id: Id, body: SeriesPatch):
    series = get_object_or_404(Series, pk=series_id)
    return _save(request, series, body.dict(exclude_unset=True), created=False)


def _save(request, series: Series, fields: dict, *, created: bool):
    if not request.user.edits_plans:
        return Status(403, {"error": "只有分析员和管理员可以修改指标库", "detail": []})
    archived = fields.pop("archived", None)
    form = SeriesForm(_form_data(series, fields), instance=series)
    if not form.is_valid():
        return Status(422, {"error": "指标未保存", "detail": [
            {"field": name, "reason": str(message)} for name, messages in form.errors.items() for message in messages]})
    series = form.save(commit=False)
    if archived is not None:
        series.archived = archived
    series.save()
    return Status(201 if created else 200, series)


def _form_data(series: Series, fields: dict) -> dict:
    """The form's fields as stored, overlaid with FIELDS (aliases typed as the page types them)."""
    data = {name: getattr(series, name) for name in SeriesForm.Meta.fields}
    data.update(fields)
    data["aliases"] = "、".join(data["aliases"] or [])
    if not data["allow_negative"]:
        data.pop("allow_negative")  # an unchecked box is an absent field
    return data
