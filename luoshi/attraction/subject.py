"""招商项目 as a figure subject: a lead's paid-in funds (到位资金) are its landing unit's to report."""

from django.urls import reverse

from luoshi.attraction.funds import KIND, series_name
from luoshi.attraction.models import Lead
from luoshi.figures.subjects import SubjectKind

#: From 签约 on, a lead owes its paid-in funds each month.
OWING = (Lead.Stage.SIGNED, Lead.Stage.LANDED, Lead.Stage.STARTED, Lead.Stage.PRODUCING)


def _owes(unit, period) -> list[tuple[str, Lead]]:
    """The paid-in row of each of UNIT's signed leads."""
    return [(series_name(), lead) for lead in Lead.objects.active().filter(unit=unit, stage__in=OWING)]


LEAD = SubjectKind(
    key=KIND, label="招商项目", queryset=lambda: Lead.objects.all(), headers=("招商项目", "招商项目编号", "lead"),
    owner_field="unit", lookup_fields=("code", "name"), owes=_owes, url=lambda pk: reverse("attraction:lead", args=[pk]))
