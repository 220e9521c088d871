"""招商项目筛选: the one filter of the lead pipeline (专班, chain, unit, stage) and the roll-up's period and
grouping, read from a query string by the pages, the API and the CLI alike."""

import datetime as dt
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from urllib.parse import urlencode

from luoshi.attraction.models import Lead, LeadStep
from luoshi.attraction.rollup import BY
from luoshi.core.errors import FieldErrors
from luoshi.lib.periods import Period, PeriodError, parse
from luoshi.units.models import Unit


class FilterError(FieldErrors):
    """A filter value that cannot be read; `detail` names each bad field."""


@dataclass(frozen=True)
class LeadFilter:
    """What the reader asked for; empty fields ask for everything."""

    task_force: int | None = None
    chain: int | None = None
    unit: str = ""
    stage: str = ""

    def query(self, **changes) -> str:
        values = {**asdict(self), **changes}
        return urlencode({k: v for k, v in values.items() if v not in (None, "")})

    def apply(self, leads):
        if self.task_force:
            leads = leads.filter(task_force_id=self.task_force)
        if self.chain:
            leads = leads.filter(node__chain_id=self.chain)
        if self.unit:
            unit = Unit.objects.get(code=self.unit)
            leads = leads.filter(unit__path__startswith=unit.path)
        if self.stage:
            leads = leads.filter(stage=self.stage)
        return leads


def _get(params: Mapping, key: str) -> str:
    return str(params.get(key) or "").replace("\x00", "").strip()


def _id(params: Mapping, key: str, label: str, errors: list) -> int | None:
    value = _get(params, key)
    if value and not (value.isdigit() and 0 < int(value) < 2**63):
        errors.append({"field": key, "message": f"{label}编号应为正整数:{value[:50]}"})
        return None
    return int(value) if value else None


def _unit(code: str, user, errors: list) -> str:
    unit = Unit.objects.filter(code=code).first() if code else None
    if code and (unit is None or not user.jurisdiction.contains(unit)):
        errors.append({"field": "unit", "message": f"单位 {code[:50]} 不在您的辖区内"})
        return ""
    return code


def read_filter(params: Mapping, user) -> LeadFilter:
    """The filter from request parameters; the unit within the reader's jurisdiction. Raises FilterError."""
    errors: list[dict] = []
    stage = _get(params, "stage")
    if stage and stage not in Lead.Stage.values:
        errors.append({"field": "stage", "message": f"阶段应为 {'、'.join(Lead.Stage.values)} 之一"})
    chosen = LeadFilter(task_force=_id(params, "task_force", "专班", errors), chain=_id(params, "chain", "产业链", errors),
                        unit=_unit(_get(params, "unit"), user, errors), stage=stage if not errors else "")
    if errors:
        raise FilterError(errors)
    return chosen


def default_period(leads, today: dt.date | None = None) -> Period:
    """The year of the latest step of LEADS (this year to date while it runs), else this year to date."""
    today = today or dt.date.today()
    latest = LeadStep.objects.filter(lead__in=leads, date__lte=today).order_by("-date").values_list("date", flat=True)
    year = next(iter(latest), today).year
    if year < today.year or today.month == 12:
        return Period.year(year)
    return Period(year, year, max(today.month, 2))


def read_period(value: str | None, leads=None, today: dt.date | None = None) -> Period:
    """The roll-up's period: a code (2023, 2023Q1, 2023M06), else `default_period` of LEADS."""
    code = (value or "").replace("\x00", "").strip()
    if not code:
        return default_period(leads if leads is not None else Lead.objects.none(), today)
    try:
        period = parse(code)
    except PeriodError as exc:
        raise FilterError([{"field": "period", "message": f"无法识别的期间:{str(exc)[:80]}"}]) from None
    if period.is_multi_year:
        raise FilterError([{"field": "period", "message": "汇总期间应在一年之内"}])
    return period


def read_by(value: str | None) -> str:
    by = (value or "task-force").strip()
    if by not in BY:
        raise FilterError([{"field": "by", "message": f"分组应为 {'、'.join(BY)} 之一"}])
    return by
