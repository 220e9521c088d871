"""`luoshi status` (the kept verdicts, as rows) and `luoshi verdicts refresh` (judge them again: daily by cron)."""

import datetime as dt
import json
import sys

COLUMNS = [("indicator", "指标"), ("unit_name", "地区/单位"), ("period", "期间"), ("target", "目标"), ("unit_of_measure", "单位"),
           ("bound", "界限"), ("commitment", "承诺"), ("actual", "实际"), ("progress", "进度"),
           ("expected", "应达"), ("status_label", "状态"), ("forecast", "预计"), ("forecast_basis", "依据")]


def add_parsers(subparsers) -> None:
    status = subparsers.add_parser("status", help="every target's progress, expectation, status and forecast, by plan")
    status.add_argument("--plan", type=int, help="only the plan with this id")
    status.add_argument("--period", help="judge at this period (e.g. 2023, 2023H1, 2023M1-2)")
    status.add_argument("--unit", help="the assignments of the unit with this code instead of the targets")
    status.add_argument("--format", choices=["table", "json"], default="table")
    status.set_defaults(func=run_status, django=True)

    verdicts = subparsers.add_parser("verdicts", help="the kept verdicts (研判结果)")
    actions = verdicts.add_subparsers(dest="action", required=True)
    refresh = actions.add_parser("refresh", help="judge the verdicts again and keep them (daily, by cron)")
    refresh.add_argument("--plan", type=int, help="only the plan with this id")
    refresh.add_argument("--all", action="store_true", help="every plan, also drafts (default: published ones)")
    refresh.add_argument("--date", help="judge as if today were this day (YYYY-MM-DD)")
    refresh.add_argument("--period", help="judge at this period (default: each plan year's latest)")
    refresh.set_defaults(func=run_refresh, django=True)


def _cell(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.4g}" if abs(value) < 1 else f"{value:,.2f}".rstrip("0").rstrip(".")
    return str(value)


def _table(rows: list[dict]) -> str:
    """One block per plan, each under a line naming the plan: two plans' targets are never mixed unmarked."""
    header = "\t".join(title for _, title in COLUMNS)
    blocks = {}
    for row in rows:
        blocks.setdefault((row["plan_id"], row["plan"]), []).append(row)
    return "\n\n".join("\n".join([f"规划 {plan_id}:{title}", header,
                                   *("\t".join(_cell(row[key]) for key, _ in COLUMNS) for row in block)])
                       for (plan_id, title), block in blocks.items()) or header


def status_rows(plan_id=None, period=None, unit_code=None, today=None) -> list[dict]:
    """The kept rows of every active target (or UNIT_CODE's assignments), each with its plan."""
    from luoshi.lib.periods import parse
    from luoshi.plans.models import Assignment, Plan, Target
    from luoshi.verdicts.keeping import assignment_rows, target_rows

    at = parse(period) if period else None
    targets = Target.objects.active().filter(plan__archived=False)
    if plan_id:
        targets = targets.filter(plan_id=plan_id)
    if unit_code:
        rows = assignment_rows(Assignment.objects.filter(target__in=targets, unit__code=unit_code)
                               .order_by("target__plan", "target__order", "target_id"), at, today)
    else:
        rows = target_rows(targets.order_by("plan", "order", "pk"), at, today)
    plan_of = dict(targets.values_list("pk", "plan_id"))
    titles = dict(Plan.objects.filter(pk__in=set(plan_of.values())).values_list("pk", "title"))
    return [{"plan_id": plan_of[r["target_id"]], "plan": titles[plan_of[r["target_id"]]], **r} for r in rows]


def run_status(args) -> int:
    from luoshi.lib.periods import PeriodError
    from luoshi.plans.models import Plan

    if args.plan and not Plan.objects.filter(pk=args.plan, archived=False).exists():
        print(f"luoshi status: no plan with id {args.plan}", file=sys.stderr)
        return 2
    try:
        rows = status_rows(args.plan, args.period, args.unit)
    except PeriodError as exc:
        print(f"luoshi status: --period {args.period}: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(rows, ensure_ascii=False, indent=1) if args.format == "json" else _table(rows))
    return 0


def run_refresh(args) -> int:
    from luoshi.lib.periods import PeriodError, parse
    from luoshi.plans.models import Plan
    from luoshi.verdicts.keeping import refresh_plans

    try:
        today = dt.date.fromisoformat(args.date) if args.date else None
    except ValueError:
        print(f"luoshi verdicts refresh: --date {args.date}: 应为 YYYY-MM-DD", file=sys.stderr)
        return 2
    try:
        at = parse(args.period) if args.period else None
    except PeriodError as exc:
        print(f"luoshi verdicts refresh: --period {args.period}: {exc}", file=sys.stderr)
        return 2
    plans = Plan.objects.filter(archived=False)
    if args.plan:
        plans = plans.filter(pk=args.plan)
    elif not args.all:
        plans = plans.filter(status=Plan.Status.PUBLISHED)
    if args.plan and not plans.exists():
        print(f"luoshi verdicts refresh: no plan with id {args.plan}", file=sys.stderr)
        return 2
    for plan, count in refresh_plans(plans, today, at):
        print(f"{plan.pk}\t{plan.title}\t{count} 项研判已更新")
    return 0
