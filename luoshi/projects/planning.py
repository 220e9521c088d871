"""年度投资计划: a project's planned investment for the year, month by month, and its cumulative profile."""

from decimal import Decimal

from django.db import transaction

from luoshi.core import limits
from luoshi.core.bulk import logged_rows
from luoshi.lib.periods import Period
from luoshi.projects.models import PlannedInvestment, Project
from luoshi.projects.stages import InvalidProject, require_edit


def monthly_plan(project: Project, year: int) -> dict[int, Decimal]:
    """{month: amount} of PROJECT's plan for YEAR (months without a plan are absent)."""
    return {p.month: p.amount for p in project.planned.all() if p.year == year}


def planned_total(plan: dict[int, Decimal]) -> Decimal:
    return sum(plan.values(), Decimal(0))


#: How a plan month appears in the change log (a project's "planned" before and after).
PLAN_FIELDS = ("year", "month", "amount")


def cumulative(plan: dict[int, Decimal], period: Period) -> Decimal:
    """计划累计: what the plan says should be invested by the end of PERIOD (1–2月 = Jan + Feb)."""
    return sum((amount for month, amount in plan.items() if month <= period.end_month), Decimal(0))


def plan_problems(year, amounts: dict) -> list[dict]:
    """Why a monthly plan cannot be stored: the year (计划年度) in range, months 1–12, each amount a finite
    non-negative number the column holds. Empty: it can."""
    problems = limits.check(Project, {"year": year}, years_in=("year",))
    if year is None:
        problems.append({"field": "year", "message": "请填写计划年度"})
    for month, amount in amounts.items():
        where = f"months.{month}"
        if limits.integer_problem(month, 1, 12):
            problems.append({"field": where, "message": f"月份“{month}”应为 1–12"})
            continue
        reason = limits.problem(PlannedInvestment, "amount", amount)
        if reason:
            problems.append({"field": where, "message": f"{month}月计划投资{reason}"})
        elif amount is not None and limits.as_decimal(amount) < 0:
            problems.append({"field": where, "message": f"{month}月计划投资不能为负数"})
    return problems


@transaction.atomic
def set_monthly_plan(project: Project, year: int, amounts: dict[int, Decimal | None], user) -> dict[int, Decimal]:
    """Replace PROJECT's plan for YEAR with AMOUNTS (month → 亿元; None or blank removes the month);
    every value is checked before the first write, so a refusal leaves the plan as it was."""
    require_edit(user, project)
    problems = plan_problems(year, amounts)
    if problems:
        raise InvalidProject(problems)
    with logged_rows(project, "planned", project.planned.filter(year=year), PLAN_FIELDS):
        project.planned.filter(year=year).delete()
        PlannedInvestment.objects.bulk_create(
            PlannedInvestment(project=project, year=year, month=int(m), amount=limits.as_decimal(a))
            for m, a in sorted(amounts.items(), key=lambda item: int(item[0])) if a is not None)
    if project.year != year:
        project.year = year
        project.save(update_fields=["year", "modified"])
    return monthly_plan(Project.objects.get(pk=project.pk), year)
