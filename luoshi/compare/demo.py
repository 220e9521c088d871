"""The province demo: Henan's 18 cities, their 2023 targets from a report of their own plans, and what was published.

The targets come from `data/henan-cities-2023-targets.txt` (a January 2023 news report, its address on
the first line) the analyst's way: extracted, then the stored review `henan-cities-2023.review.json`
applied, one plan per city issued by that city. The outcomes come from
`henan-cities-2023-actuals.csv` (each row with its address, reliability class and the passage it was
read from) as approved figures; a city with nothing published gets no figure at all.
"""

import csv
import json
from pathlib import Path

from luoshi.figures.entries import ANY_BASE, Entry
from luoshi.figures.submission import submit
from luoshi.figures.tabular import RELIABILITY_LABELS
from luoshi.plans.models import Plan
from luoshi.review.stored import create_reviewed_plan
from luoshi.units.importing import import_divisions
from luoshi.units.models import Unit

DATA = Path(__file__).resolve().parent / "data"
REVIEW = DATA / "henan-cities-2023.review.json"
ACTUALS = DATA / "henan-cities-2023-actuals.csv"
PROVINCE = "410000"
#: A city's own file of figures (the city demo's), merged with the province file's rows of the same slots.
CITY_ACTUALS = {"郑州市": DATA.parents[1] / "demo" / "data" / "zhengzhou-2023-actuals.csv"}
RELIABILITY = {"official": 0, "news": 1, "aggregator": 2}


def load_plans(path: Path = REVIEW) -> list[Plan]:
    """One reviewed plan per city, each made from the report's text by extraction and the stored review."""
    data = json.loads(path.read_text(encoding="utf-8"))
    text = (path.parent / data["text_file"]).read_text(encoding="utf-8")
    return [create_reviewed_plan(entry, text) for entry in data["plans"]]


def _merged(rows: list[dict], unit_code: str) -> Entry:
    """One figure from the rows of one slot: the most reliable source of the level and of the growth."""
    rows = sorted(rows, key=lambda r: RELIABILITY.get(r["reliability"], 3))
    value = next((r for r in rows if r["value"]), None)
    growth = next((r for r in rows if r["growth_pct"]), None)
    used = list({id(r): r for r in (value, growth) if r}.values())
    first = rows[0]
    return Entry(row=first["_line"], series=first["indicator"], unit=unit_code, period=first["period"],
                 value=value["value"] if value else None, growth=growth["growth_pct"] if growth else None,
                 unit_of_measure=first["unit"] if value else None, based_on=ANY_BASE,
                 source=" ".join(r["source_url"] for r in used)[:500],
                 note=";".join(":".join(filter(None, (RELIABILITY_LABELS.get(r["reliability"], r["reliability"]),
                                                       r["quote"])))
                               for r in used)[:500])


def _city_rows(city: str, path: Path) -> list[dict]:
    """CITY's own file read as rows of the province file (its address in `source`, no quote)."""
    with path.open(encoding="utf-8", newline="") as handle:
        return [{**row, "city": city, "source_url": row["source"], "quote": "", "_line": line}
                for line, row in enumerate(csv.DictReader(handle), start=2)]


def actual_entries(path: Path = ACTUALS, cities: dict[str, Path] = CITY_ACTUALS) -> list[Entry]:
    """The CSV's figures, one entry per city, indicator and period; for a city in CITIES (loaded from its own
    file before) the slots the province file also has, from both files' rows, the most reliable first."""
    units = {u.name: u.code for u in Unit.objects.filter(code__startswith=PROVINCE[:2])}
    slots: dict[tuple, list[dict]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            if row["value"] or row["growth_pct"]:
                slots.setdefault((row["city"], row["indicator"], row["period"]), []).append({**row, "_line": line})
    for city, city_path in cities.items():
        for row in _city_rows(city, city_path):
            if (key := (city, row["indicator"], row["period"])) in slots and (row["value"] or row["growth_pct"]):
                slots[key].append(row)
    return [_merged(rows, units[city]) for (city, _, _), rows in slots.items()]


def load_actuals(path: Path = ACTUALS, cities: dict[str, Path] = CITY_ACTUALS) -> int:
    return len(submit(None, actual_entries(path, cities), channel="import").written)


def load_demo_data() -> list[Plan]:
    """Henan's cities (from the shipped divisions), their reviewed plans and their published outcomes.

    郑州's figures are the city demo's; where the province file has the same slot, both files' rows are
    merged and the more reliable source wins (郑州's 2023 growth from the city's official report).
    """
    import_divisions(PROVINCE)
    plans = load_plans()
    load_actuals()
    return plans
