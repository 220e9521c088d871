"""看板筛选: the one definition of the dashboard's filters, read by the page and the API alike."""

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from urllib.parse import urlencode

from luoshi.core.errors import FieldErrors
from luoshi.lib.periods import PeriodError, parse
from luoshi.lib.status import VERDICTS_WORST_FIRST
from luoshi.plans.models import Target
from luoshi.units.models import Unit
from luoshi.units.tree import unit_coded

STATUS_CHOICES = [(s.value, s.label_zh) for s in VERDICTS_WORST_FIRST]
COMMITMENT_CHOICES = [(c.value, c.label) for c in Target.Commitment if c.value]


class FilterError(FieldErrors):
    """A filter value that cannot be read; `detail` names each bad field."""


@dataclass(frozen=True)
class BoardFilter:
    """What the reader asked for: plan, period (statistical calendar code), front, unit, status, commitment."""

    plan: int | None = None
    period: str = ""
    front: str = ""
    unit: str = ""
    status: str = ""
    commitment: str = ""
    #: the unit coded `unit`, as `read_filter` found it (so the board need not look it up again)
    picked: Unit | None = field(default=None, compare=False, repr=False)

    def query(self, **changes) -> str:
        """The filter as a query string (for links that change one field)."""
        values = {**{f.name: getattr(self, f.name) for f in fields(self) if f.name != "picked"}, **changes}
        return urlencode({k: v for k, v in values.items() if v not in (None, "")})

    def keeps(self, row: dict) -> bool:
        """Status is judged, so it is filtered after the verdicts are in."""
        return not self.status or row["status"] == self.status

    def narrow(self, targets):
        """The target queryset narrowed by front and commitment."""
        if self.front:
            targets = targets.filter(front__name=self.front)
        if self.commitment:
            targets = targets.filter(commitment=self.commitment)
        return targets


def _plan(value, errors: list) -> int | None:
    if value in (None, ""):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        errors.append({"field": "plan", "message": "规划编号应为整数"})
        return None


def _period(value: str, errors: list) -> str:
    if not value:
        return ""
    try:
        return parse(value).code
    except PeriodError as exc:
        errors.append({"field": "period", "message": f"无法识别的期间:{exc}"})
        return ""


def _choice(field: str, value: str, choices, errors: list) -> str:
    if value and value not in {code for code, _ in choices}:
        errors.append({"field": field, "message": f"应为 {'、'.join(code for code, _ in choices)} 之一"})
        return ""
    return value


def _unit(code: str, user, errors: list) -> tuple[str, Unit | None]:
    """A unit of the reader's jurisdiction, its code and itself; one who cannot pick (a reporter) always sees their
    own."""
    if not user.jurisdiction.several:
        return (user.unit.code, user.unit) if user.unit_id else ("-", None)
    unit = unit_coded(code) if code else None
    if code and not user.jurisdiction.contains(unit):
        errors.append({"field": "unit", "message": f"单位 {code} 不在您的辖区内"})
        return "", None
    return code, unit


def read_filter(params: Mapping, user) -> BoardFilter:
    """The filter from request parameters; the unit within the reader's jurisdiction. Raises FilterError."""
    errors: list[dict] = []

    def get(key: str) -> str:
        return str(params.get(key) or "").strip()

    unit, picked = _unit(get("unit"), user, errors)
    board_filter = BoardFilter(
        plan=_plan(get("plan"), errors), period=_period(get("period"), errors), front=get("front"),
        unit=unit, picked=picked,
        status=_choice("status", get("status"), STATUS_CHOICES, errors),
        commitment=_choice("commitment", get("commitment"), COMMITMENT_CHOICES, errors))
    if errors:
        raise FilterError(errors)
    return board_filter
