"""任务分解: a target's quotas for units, set as one table — by the page, the API and `luoshi assign`.

`set_quotas` takes the whole table: units in it get (or keep) their quota, units left out lose theirs.
All or nothing: every bad row is reported (which unit, why) and nothing is written.

Removing a unit's quota deletes its Assignment (the change log keeps the deleted row). A quota is the
plan's word, not a reported figure; but once the unit has figures for the target's series, the row is
what those figures are judged against, so it cannot be removed then (clear or change its value instead).
"""

from contextlib import nullcontext
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from luoshi.accounts.scoping import CHANGE, units_for
from luoshi.core import limits
from luoshi.core.context import change_context, current
from luoshi.figures.models import Figure
from luoshi.figures.rollup import decomposition
from luoshi.lib.judgement import DecompositionCheck
from luoshi.lib.periods import parse
from luoshi.plans.models import Assignment, Target
from luoshi.units.models import Unit


@dataclass(frozen=True)
class QuotaProblem:
    """One bad row: WHERE names it (a unit code, or a file's row and column), REASON says what is wrong.

    FIELD is "unit" or "value": which part of the row is wrong (so a file can name its column)."""

    where: str
    reason: str
    field: str = "unit"

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"


class QuotasRejected(Exception):
    """Nothing written: the PROBLEMS of the table."""

    def __init__(self, problems: list[QuotaProblem]):
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems))


@dataclass
class QuotaResult:
    created: list[Unit] = field(default_factory=list)
    changed: list[Unit] = field(default_factory=list)
    removed: list[Unit] = field(default_factory=list)
    check: DecompositionCheck | None = None


def assignable_units(target: Target, user):
    """Units a quota of TARGET may go to: below the plan's issuer, and within USER's reach (None: the system)."""
    units = Unit.objects.active().within(target.plan.issuer).exclude(pk=target.plan.issuer_id)
    return units if user is None else units.filter(pk__in=units_for(user, CHANGE))


def value_problem(target: Target, unit: Unit, value: Decimal | None) -> str | None:
    if value is None:
        return None
    reason = limits.problem(Assignment, "value", value)
    if reason:
        return _("分解值 %(value)s %(reason)s") % {"value": value, "reason": reason}
    if value < 0 and not target.is_rate:
        return _("总量、数量目标的分解值不能为负")
    return None


def _has_figures(target: Target, unit: Unit) -> bool:
    """Whether UNIT has figures of the target's series within the target's years (they are judged on the quota)."""
    if not target.series_id:
        return False
    period = parse(target.period)
    return Figure.objects.filter(series_id=target.series_id, unit=unit, period_end__year__gte=period.start_year,
                                 period_start__year__lte=period.end_year).exists()


def problems_of(target: Target, quotas: dict[Unit, Decimal | None], user, current_rows) -> list[QuotaProblem]:
    allowed = set(assignable_units(target, user).values_list("pk", flat=True))
    problems = []
    for unit, value in quotas.items():
        if unit.pk not in allowed:
            problems.append(QuotaProblem(unit.code, _("“%(unit)s”不在本规划(%(issuer)s)的下级单位或您的辖区内") % {
                "unit": unit.name, "issuer": target.plan.issuer.name}))
        reason = value_problem(target, unit, value)
        if reason:
            problems.append(QuotaProblem(unit.code, reason, "value"))
    for row in current_rows.values():
        if row.unit not in quotas and _has_figures(target, row.unit):
            problems.append(QuotaProblem(row.unit.code, _("“%(unit)s”已有本指标的数据,不能移除分解;可修改分解值") % {
                "unit": row.unit.name}))
    return problems


@transaction.atomic
def set_quotas(target: Target, quotas: dict[Unit, Decimal | None], user) -> QuotaResult:
    """The target's decomposition becomes exactly QUOTAS ({unit: value}); QuotasRejected lists every bad row."""
    if user is not None and not user.edits_plans:
        raise PermissionDenied(_("只有分析员和系统管理员可以分解目标"))
    rows = {a.unit: a for a in target.assignments.select_related("unit")}
    problems = problems_of(target, quotas, user, rows)
    if problems:
        raise QuotasRejected(problems)
    result = QuotaResult()
    with change_context(user=user) if current().user is None else nullcontext():
        for unit, value in quotas.items():
            row = rows.get(unit)
            if row is None:
                Assignment.objects.create(target=target, unit=unit, value=value, created_by=user)
                result.created.append(unit)
            elif row.value is None or value is None or Decimal(row.value) != value:
                row.value = value
                row.save()
                result.changed.append(unit)
        for unit, row in rows.items():
            if unit not in quotas:
                row.delete()
                result.removed.append(unit)
    result.check = decomposition(target).quotas
    return result
