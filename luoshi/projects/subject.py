"""重点项目 as a figure subject: a project's completed investment is its owner unit's to report."""

from django.conf import settings
from django.urls import reverse

from luoshi.figures.subjects import SubjectKind
from luoshi.projects.models import Project


def _owes(unit, period) -> list[tuple[str, Project]]:
    """The completed-investment row of each of UNIT's active projects."""
    return [(settings.LUOSHI_PROJECT_SERIES, p) for p in Project.objects.filter(owner=unit, archived=False)]


PROJECT = SubjectKind(
    key="project", label="重点项目", queryset=lambda: Project.objects.all(),
    headers=("项目", "重点项目", "项目编号", "project"), owner_field="owner", lookup_fields=("code", "name"),
    owes=_owes, url=lambda pk: reverse("projects:detail", args=[pk]))
