"""指标库: the catalogue of statistical series — the default one shipped, matching a target's indicator
to its series by name or alias, and a new series prefilled from a target.

Loading the default catalogue never overwrites what an analyst changed: a series already there (by
name or alias) is left as it is and its differences from the default are reported.
"""

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from luoshi.core.context import change_context, current
from luoshi.figures.models import Series

CATALOGUE_FILE = Path(__file__).resolve().parent / "data" / "catalogue.json"

# Fields of a catalogue entry and the Series field each one sets.
FIELDS = {"unit": "unit_of_measure", "frequency": "frequency", "accumulation": "accumulation",
          "due_day": "due_day", "publisher": "publisher", "allow_negative": "allow_negative", "note": "note"}

_REGION_PREFIX = re.compile(r"^(全市|全省|全区|全县|全州|全盟|全国)")
_TOTAL_SUFFIX = re.compile(r"(总额|总量|总数|额|量|(?<!指)数)$")  # 指数 is an index, not a count
_BRACKETS = re.compile(r"\([^)]*\)$")


@dataclass(frozen=True)
class Difference:
    """An existing series that differs from the default catalogue in one field."""

    series: str
    field: str
    ours: object
    default: object

    def __str__(self) -> str:
        return f"{self.series}:{self.field} 现为 {self.ours!r},默认指标库为 {self.default!r}(未修改)"


@dataclass
class CatalogueReport:
    created: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    differences: list[Difference] = field(default_factory=list)

    def __str__(self) -> str:
        return (f"新建 {len(self.created)} 个指标,{len(self.unchanged)} 个与默认一致,"
                f"{len({d.series for d in self.differences})} 个与默认不同(保留现有设置)")


def default_entries(path: Path = CATALOGUE_FILE) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["series"]


def load_default_catalogue(user=None, path: Path = CATALOGUE_FILE) -> CatalogueReport:
    """Create the default catalogue's series that are missing; report how the others differ."""
    report = CatalogueReport()
    with transaction.atomic(), change_context(user=user, request_id=current().request_id):
        existing = list(Series.objects.all())
        for entry in default_entries(path):
            found = _existing(entry, existing)
            if found is None:
                series = Series(name=entry["name"], aliases=entry["aliases"], created_by=user,
                                **{FIELDS[k]: entry[k] for k in FIELDS})
                series.save()
                existing.append(series)
                report.created.append(series.name)
                continue
            differences = _differences(found, entry)
            report.differences.extend(differences)
            if not differences:
                report.unchanged.append(found.name)
    return report


def _existing(entry: dict, existing: list[Series]) -> Series | None:
    names = {entry["name"], *entry["aliases"]}
    return next((s for s in existing if s.name == entry["name"]), None) or next(
        (s for s in existing if s.names() & names), None)


def _differences(series: Series, entry: dict) -> list[Difference]:
    found = [Difference(series.name, key, getattr(series, attr), entry[key])
             for key, attr in FIELDS.items() if getattr(series, attr) != entry[key]]
    missing = [a for a in (entry["name"], *entry["aliases"]) if a not in series.names()]
    if missing:
        found.append(Difference(series.name, "aliases", series.aliases, missing))
    return found


def normalised(name: str) -> str:
    """The indicator name with what does not tell indicators apart removed: width, case, spaces, a
    trailing bracket, 全市/全省…, 规模以上 = 规上, and a 总额/总量/总数 ending."""
    text = re.sub(r"\s+", "", unicodedata.normalize("NFKC", name or "")).lower()
    text = _BRACKETS.sub("", text)
    text = _REGION_PREFIX.sub("", text).replace("规模以上", "规上")
    return _TOTAL_SUFFIX.sub("", text)


def match_series(indicator: str, unit_of_measure: str = "", series=None) -> Series | None:
    """The catalogue series INDICATOR names: its name or an alias exactly, else the one series whose
    normalised name or alias is the same. Never a partial or shared-word match; None when unsure."""
    pool = list(series if series is not None else Series.objects.filter(archived=False))
    wanted = (indicator or "").strip()
    if not wanted:
        return None
    exact = [s for s in pool if wanted in s.names()]
    if not exact:
        key = normalised(wanted)
        exact = [s for s in pool if key in {normalised(n) for n in s.names()}]
    return _one(exact, unit_of_measure)


def series_named(name: str) -> Series | None:
    """The series with this id, name or alias, exactly (what a file or an API call names)."""
    wanted = str(name or "").strip()
    if wanted.isdigit():
        return Series.objects.filter(pk=int(wanted)).first()
    return Series.objects.filter(name=wanted).first() or next(
        (s for s in Series.objects.all() if wanted in s.aliases), None)


def _one(candidates: list[Series], unit_of_measure: str) -> Series | None:
    if len(candidates) > 1 and unit_of_measure:
        candidates = [s for s in candidates if s.unit_of_measure == unit_of_measure.strip()]
    return candidates[0] if len(candidates) == 1 else None


def series_from_target_fields(indicator: str, unit: str, kind: str, accumulation: str) -> Series:
    """新建指标: an unsaved series prefilled from a target, for the analyst to confirm or change.

    A growth target's % is the rate of a level whose unit the target does not say, so the unit is left
    for the analyst; a share or a reduction is a point-in-time value, and a reduction may be negative."""
    rate = kind in ("share", "reduction")
    if accumulation not in Series.Accumulation.values:
        accumulation = Series.Accumulation.STOCK if rate else Series.Accumulation.FLOW
    return Series(name=_REGION_PREFIX.sub("", (indicator or "").strip()),
                  unit_of_measure="" if kind == "growth" else (unit or "").strip(),
                  accumulation=accumulation, publisher=Series.Publisher.OWNER,
                  allow_negative=kind == "reduction")


def filter_series(queryset, *, q: str = "", frequency: str = "", publisher: str = "", archived: str = ""):
    """The catalogue list's one filter, for the page and the API: a name or alias containing Q (aliases
    are matched in Python, as a JSON list), frequency, publisher, and archived ("1", "0"; default: active)."""
    if frequency:
        queryset = queryset.filter(frequency=frequency)
    if publisher:
        queryset = queryset.filter(publisher=publisher)
    if archived in ("1", "true"):
        queryset = queryset.filter(archived=True)
    elif archived != "all":
        queryset = queryset.filter(archived=False)
    wanted = (q or "").strip()
    if not wanted:
        return list(queryset)
    return [s for s in queryset if any(wanted.lower() in n.lower() for n in s.names())]


ALIAS_SEPARATORS = re.compile(r"[,,、;;\n]+")


def split_aliases(text: str) -> list[str]:
    """别名 as typed: separated by commas (either width), 、 or semicolons; blanks and repeats dropped."""
    return list(dict.fromkeys(a.strip() for a in ALIAS_SEPARATORS.split(text or "") if a.strip()))


def name_clashes(series: Series, names: set[str]) -> list[tuple[str, str]]:
    """(name, why) for each name among NAMES that another series already carries as its name or alias:
    one name must lead to one indicator."""
    others = Series.objects.exclude(pk=series.pk) if series.pk else Series.objects.all()
    return [(name, f"“{name}”已是指标“{other.name}”的{'名称' if name == other.name else '别名'}")
            for other in others for name in sorted(names & other.names())]
