"""The web entry form (one row per slot, read into entries for `submit`) and the catalogue's series form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from luoshi.figures import subjects
from luoshi.figures.catalogue import name_clashes, split_aliases
from luoshi.figures.entries import Entry
from luoshi.figures.models import Series
from luoshi.figures.slots import Slot

FIELDS = ("value", "growth", "source", "note", "reason")
COLUMN_NAMES = {"value": "数值", "growth": "增速(%)", "source": "来源", "note": "说明", "reason": "修改原因",
                "period": "期间", "series": "指标", "unit": "单位", "unit_of_measure": "计量单位"}


def column_names() -> dict[str, str]:
    """The form's names of the entry fields, a subject kind's column by its first header (项目)."""
    return {**COLUMN_NAMES, **{kind.key: kind.headers[0] for kind in subjects.kinds() if kind.headers}}


def entries_from_form(data, slots: list[Slot]) -> list[Entry]:
    """An entry per row with a value or growth filled in (untouched rows are not submissions).

    Each slot keeps what was posted, so a refused form comes back as the user typed it.
    """
    entries, names = [], column_names()
    for slot in slots:
        cells = {name: (data.get(f"{name}-{slot.key}") or "").strip() for name in FIELDS}
        slot.posted = {**cells, "base": data.get(f"base-{slot.key}") or ""}
        if not cells["value"] and not cells["growth"]:
            continue
        entries.append(Entry(
            row=slot.label, series=str(slot.series.pk), unit=slot.unit.code,
            subject_kind=slot.subject_kind, subject=slot.subject_code, period=slot.period.code,
            value=cells["value"] or None, growth=cells["growth"] or None, source=cells["source"],
            note=cells["note"], reason=cells["reason"], based_on=data.get(f"base-{slot.key}") or None,
            columns=names))
    return entries


def problems_by_row(validation) -> dict[str, list[str]]:
    """Error and conflict messages keyed by the row (slot label) they concern."""
    found: dict[str, list[str]] = {}
    for error in validation.errors:
        found.setdefault(str(error.row), []).append(f"{error.column}「{error.value}」:{error.reason}")
    for conflict in validation.conflicts:
        found.setdefault(str(conflict.row), []).append(str(conflict))
    return found


class SeriesForm(forms.ModelForm):
    """指标: one catalogue entry; 别名 typed as one field, separated by , or 、."""

    aliases = forms.CharField(label=_("别名"), required=False, help_text=_("用逗号或顿号(、)分隔"),
                              widget=forms.TextInput(attrs={"size": 40}))

    class Meta:
        model = Series
        fields = ["name", "aliases", "unit_of_measure", "frequency", "accumulation", "due_day", "publisher",
                  "allow_negative", "note"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["aliases"] = "、".join(self.instance.aliases or [])

    def clean_aliases(self) -> list[str]:
        return split_aliases(self.cleaned_data.get("aliases", ""))

    def clean(self):
        cleaned = super().clean()
        names = {n for n in (cleaned.get("name"), *cleaned.get("aliases", [])) if n}
        for name, why in name_clashes(self.instance, names):
            self.add_error("name" if name == cleaned.get("name") else "aliases", why)
        return cleaned
