"""Load a reviewed plan file (审核后的规划文件): a plan text plus the analyst's confirmed targets.

The file is JSON: {"plan": {...}, "fronts": [...], "targets": [...]}; every target names the clause it
came from by its character span in the text, and the clause must be exactly there.
"""

import datetime as dt
from decimal import Decimal, InvalidOperation

from django.db import transaction

from luoshi.figures.models import Series
from luoshi.plans.models import Front, Plan, Target
from luoshi.units.models import Unit


class ReviewFileError(ValueError):
    """A reviewed plan file that cannot be loaded; the message says which entry and field."""


def _span(entry: dict, text: str, where: str) -> tuple[int, int]:
    try:
        start, end = (int(x) for x in entry["span"])
    except (KeyError, TypeError, ValueError):
        raise ReviewFileError(f"{where}: span must be [start, end]") from None
    if not 0 <= start < end <= len(text):
        raise ReviewFileError(f"{where}: span {start}–{end} lies outside the text (length {len(text)})")
    expected = entry.get("sentence") or entry.get("heading")
    if expected and text[start:end] != expected:
        raise ReviewFileError(f"{where}: the text at {start}–{end} is {text[start:end]!r}, not {expected!r}")
    return start, end


def _unit(code: str, where: str) -> Unit:
    try:
        return Unit.objects.get(code=code)
    except Unit.DoesNotExist:
        raise ReviewFileError(f"{where}: no unit with code {code!r}") from None


def _series(name: str | None, where: str) -> Series | None:
    if not name:
        return None
    found = Series.objects.filter(name=name).first() or next(
        (s for s in Series.objects.all() if name in s.aliases), None)
    if found is None:
        raise ReviewFileError(f"{where}: no statistical series named {name!r}")
    return found


def _decimal(raw, where: str) -> Decimal | None:
    if raw is None or raw == "":
        return None
    try:
        return Decimal(str(raw))
    except InvalidOperation:
        raise ReviewFileError(f"{where}: {raw!r} is not a number") from None


def _plan(meta: dict, text: str) -> Plan:
    source = meta.get("source", {})
    return Plan.objects.create(
        title=meta["title"], year=int(meta["year"]), region=meta["region"],
        issuer=_unit(meta["issuer"], "plan.issuer"), text=text, status=meta.get("status", "draft"),
        source_title=source.get("title", ""), source_publisher=source.get("publisher", ""),
        source_date=dt.date.fromisoformat(source["date"]) if source.get("date") else None,
        source_url=source.get("url", ""),
    )


def _target(plan: Plan, fronts: dict, order: int, entry: dict) -> Target:
    where = f"targets[{order}] ({entry.get('indicator', '?')})"
    start, end = _span(entry, plan.text, where)
    if entry.get("front") and entry["front"] not in fronts:
        raise ReviewFileError(f"{where}: front {entry['front']!r} is not one of the plan's fronts")
    target = Target(
        plan=plan, front=fronts.get(entry.get("front")), order=order, indicator=entry["indicator"],
        kind=entry["kind"], accumulation=entry.get("accumulation", ""),
        value=_decimal(entry["value"], f"{where}.value"), unit_of_measure=entry["unit"],
        period=str(entry["period"]), bound=entry.get("bound", "exact"), bound_word=entry.get("bound_word", ""),
        commitment=entry.get("commitment", ""), region=entry.get("region", plan.region),
        owner=_unit(entry["owner"], f"{where}.owner") if entry.get("owner") else None,
        region_unit=_unit(entry["region_unit"], f"{where}.region_unit") if entry.get("region_unit") else plan.issuer,
        series=_series(entry.get("series"), f"{where}.series"),
        baseline=_decimal(entry.get("baseline"), f"{where}.baseline"),
        baseline_period=str(entry.get("baseline_period", "")), span_start=start, span_end=end,
    )
    target.full_clean(exclude=["plan", "front", "owner", "region_unit", "series"])
    target.save()
    return target


@transaction.atomic
def import_review(data: dict, text: str) -> Plan:
    """Create the plan, its fronts and targets from a reviewed plan file; all or nothing."""
    try:
        plan = _plan(data["plan"], text)
        fronts = {}
        for order, entry in enumerate(data.get("fronts", []), start=1):
            start, end = _span(entry, text, f"fronts[{order - 1}] ({entry.get('name')})")
            fronts[entry["name"]] = Front.objects.create(
                plan=plan, order=order, name=entry["name"], heading=entry.get("heading", ""),
                span_start=start, span_end=end)
        for order, entry in enumerate(data.get("targets", [])):
            _target(plan, fronts, order, entry)
    except KeyError as missing:
        raise ReviewFileError(f"missing field {missing}") from None
    return plan
