"""数据主体: what a figure belongs to — a unit's own figure, or a subject reported by a unit.

A figure is always reported by a unit (`Figure.unit`). Most figures are the unit's own
(`Figure.subject_kind == ""`, `subject_id == 0`). Others belong to a *subject*: a key project's
completed investment (重点项目), an investment lead's paid-in funds (招商项目到位资金), …. The figures
app knows no subject app: each subject app registers its kind here, in its `AppConfig.ready`, and
figures finds subjects, their reporting unit, their spreadsheet column and their rows to fill through it.

Plug-in API (one `SubjectKind` per kind of subject)::

    # luoshi/attraction/apps.py
    def ready(self):
        from luoshi.figures import subjects
        from luoshi.attraction.models import Lead

        subjects.register(subjects.SubjectKind(
            key="lead", label="招商项目", headers=("招商项目", "lead"),
            queryset=lambda: Lead.objects.all(), owner_field="unit",
            owes=lambda unit, period: [("招商项目到位资金", lead) for lead in Lead.objects.filter(unit=unit)],
            url=lambda pk: reverse("attraction:lead", args=[pk])))

`key` is stored in `Figure.subject_kind` and names the column of entries, spreadsheets and the API
(`project` for key projects); a subject is looked up by its `lookup_fields` (code, then name) and
reported by the unit in `owner_field`. `owes(unit, period)` lists the (series name, subject) rows the
unit fills for its subjects in the entry form and the Excel template. Rows of other kinds are untouched.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db.models import Q


@dataclass(frozen=True)
class SubjectKind:
    """One kind of figure subject, as a subject app registers it."""

    key: str  # stored in Figure.subject_kind; the column name of entries and the API ("project")
    label: str  # what people call it (重点项目)
    queryset: Callable  # () → the subjects' queryset (a model with a pk)
    headers: tuple[str, ...] = ()  # spreadsheet headers of its column (项目, 重点项目 …)
    owner_field: str = "owner"  # the subject's unit (units.Unit foreign key) that reports its figures
    lookup_fields: tuple[str, ...] = ("code", "name")  # how a submitted cell names a subject, in order
    owes: Callable | None = None  # (unit, period) → [(series name, subject)] the unit fills in
    url: Callable | None = None  # (subject id) → the subject's page
    recent_years: int = 1  # a reporter may report its subjects' figures back to this many years ago

    def owner_id(self, subject) -> int:
        return getattr(subject, f"{self.owner_field}_id")

    def code(self, subject) -> str:
        return str(getattr(subject, self.lookup_fields[0]))

    def named(self, names: Iterable[str]) -> dict[str, object]:
        """NAMES → their subjects (by the first lookup field, then the next …), reading only those."""
        names = {n for n in names if n}
        if not names:
            return {}
        query = Q()
        for field in self.lookup_fields:
            query |= Q(**{f"{field}__in": names})
        rows = list(self.queryset().filter(query).select_related(self.owner_field).order_by("pk"))
        found = {}
        for field in self.lookup_fields:
            for subject in rows:
                value = str(getattr(subject, field))
                if value in names:
                    found.setdefault(value, subject)
        return found

    def by_id(self, ids: Iterable[int]) -> dict[int, object]:
        return self.queryset().in_bulk(set(ids))


_KINDS: dict[str, SubjectKind] = {}


def register(kind: SubjectKind) -> None:
    """Add KIND (called from a subject app's AppConfig.ready; registering a key again replaces it)."""
    _KINDS[kind.key] = kind


def kinds() -> list[SubjectKind]:
    return list(_KINDS.values())


def kind(key: str) -> SubjectKind | None:
    return _KINDS.get(key)


def attach(figures: Iterable) -> None:
    """Fetch the subjects of FIGURES in one query per kind, so `figure.subject` reads no more rows."""
    figures = [f for f in figures if f.subject_kind]
    wanted: dict[str, set[int]] = {}
    for figure in figures:
        wanted.setdefault(figure.subject_kind, set()).add(figure.subject_id)
    found = {key: _KINDS[key].by_id(ids) for key, ids in wanted.items() if key in _KINDS}
    for figure in figures:
        figure._subject = found.get(figure.subject_kind, {}).get(figure.subject_id)
