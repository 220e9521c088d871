"""`luoshi simulate-projects`: add (or `--remove`) the clearly labelled simulated projects and tasks."""


def add_parsers(subparsers) -> None:
    sim = subparsers.add_parser("simulate-projects",
                                help="add a simulated scenario of key projects and tasks, labelled 模拟 (off by default)")
    sim.add_argument("--year", type=int, default=2023)
    sim.add_argument("--months", type=int, default=12, help="simulated figures up to this month of the year")
    sim.add_argument("--remove", action="store_true", help="remove every simulated project and task")
    sim.set_defaults(func=run_simulate, django=True)


def run_simulate(args) -> int:
    import sys

    from luoshi.accounts.models import User
    from luoshi.core.context import change_context
    from luoshi.core.limits import year_problem
    from luoshi.lib.periods import Period
    from luoshi.projects import simulation

    reason = None if args.remove else year_problem(args.year)
    if reason:
        print(f"luoshi simulate-projects: --year {args.year}: 计划年度{reason};未写入任何数据", file=sys.stderr)
        return 2
    with change_context(user=None):
        if args.remove:
            print(f"removed {simulation.remove()} simulated projects (模拟) and their tasks")
            return 0
        leader = User.objects.filter(role=User.Role.LEADER).order_by("pk").first()
        months = min(max(args.months, 2), 12)
        projects = simulation.simulate(args.year, months, leader)
    print(f"added {len(projects)} simulated projects (模拟) with figures to {Period.month(args.year, months).code}, "
          f"and simulated tasks; `luoshi simulate-projects --remove` takes them away")
    return 0
