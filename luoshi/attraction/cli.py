"""`luoshi attraction summary` (the roll-up as JSON or a table) and `luoshi simulate-attraction` (the labelled
simulated leads, off by default, `--remove` takes them away)."""

import json
import sys


def add_parsers(subparsers) -> None:
    attraction = subparsers.add_parser("attraction", help="investment attraction (招商引资): the roll-up of leads")
    sub = attraction.add_subparsers(dest="attraction_command", required=True)
    summary = sub.add_parser("summary", help="leads, signed, started, producing and paid-in funds beside the target")
    summary.add_argument("--period", help="year to date, e.g. 2023, 2023Q1, 2023M06 (default: the latest year)")
    summary.add_argument("--by", choices=["task-force", "chain", "unit", "month"], default="task-force")
    summary.add_argument("--format", choices=["json", "table"], default="table")
    summary.set_defaults(func=run_summary, django=True)

    sim = subparsers.add_parser("simulate-attraction",
                                help="add simulated leads through every stage, labelled 模拟 (off by default)")
    sim.add_argument("--year", type=int, default=2023)
    sim.add_argument("--months", type=int, default=12, help="simulated steps and figures up to this month")
    sim.add_argument("--remove", action="store_true", help="remove every simulated lead, event and firm")
    sim.set_defaults(func=run_simulate, django=True)


def _table(data: dict) -> str:
    head = f"{'分组':<14}{'项目':>5}{'签约':>5}{'签约额(亿元)':>14}{'开工':>5}{'投产':>5}{'到位资金(亿元)':>16}"
    rows = [f"{line['label']:<14}{line['leads']:>5}{line['signed']:>5}{line['signed_amount']:>14.2f}"
            f"{line['started']:>5}{line['producing']:>5}{line['paid_in']:>16.2f}" for line in [*data["lines"], data["total"]]]
    tail = [f"目标 {data['target_value']} 亿元;商务部门报数 {data['reported']};差额 {data['difference']}"]
    tail += [f"{b['label']} {b['total']}(招商项目 {b['leads']},其他重点项目 {b['projects']})" for b in data["three_batches"]]
    return "\n".join([f"招商汇总 {data['period']}", head, *rows, *tail])


def run_summary(args) -> int:
    from luoshi.attraction.filters import FilterError
    from luoshi.attraction.overview import overview

    try:
        data = overview(None, args.period, args.by)
    except FilterError as exc:
        print(f"luoshi attraction summary: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(data, ensure_ascii=False, indent=1) if args.format == "json" else _table(data))
    return 0


def run_simulate(args) -> int:
    from luoshi.attraction import simulation
    from luoshi.core.context import change_context
    from luoshi.core.limits import year_problem

    reason = None if args.remove else year_problem(args.year)
    if reason:
        print(f"luoshi simulate-attraction: --year {args.year}: {reason};未写入任何数据", file=sys.stderr)
        return 2
    with change_context(user=None):
        if args.remove:
            print(f"removed {simulation.remove()} simulated leads (模拟) with their events, firms and projects")
            return 0
        try:
            leads = simulation.simulate(args.year, min(max(args.months, 2), 12))
        except simulation.SimulationError as exc:
            print(f"luoshi simulate-attraction: {exc}", file=sys.stderr)
            return 2
    print(f"added {len(leads)} simulated leads (模拟) through every stage in {args.year}; "
          "`luoshi simulate-attraction --remove` takes them away")
    return 0
