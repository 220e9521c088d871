"""`luoshi attraction summary` (the roll-up as JSON or a table), `luoshi attraction task-forces|events` (专班 and
招商活动 kept through `attraction.editing`), `luoshi leads import|export|template` (the leads list as Excel, through
`attraction.sheet`) and `luoshi simulate-attraction` (the labelled simulated leads, off by default, `--remove`
takes them away).

    luoshi attraction task-forces list [--archived]
    luoshi attraction task-forces add --name N --lead-department CODE [--leader L] [--members C,C] [--regions C,C]
                                      [--chains NAME,NAME] [--scope TEXT]
    luoshi attraction task-forces edit ID [the same options; a list given replaces the old one]
    luoshi attraction task-forces archive ID [--restore]
    luoshi attraction events list [--archived]
    luoshi attraction events add --name N --kind K --date YYYY-MM-DD [--place P] [--organizer CODE]
                                 [--task-force ID] [--leads ZS-00001,ZS-00002]
    luoshi attraction events edit ID [the same options]
    luoshi attraction events archive ID [--restore]
    luoshi leads import FILE [--dry-run]
    luoshi leads export [-o FILE]
    luoshi leads template [-o FILE]

Every command takes --as USER (default: the system) and then acts within that user's jurisdiction.
"""

import datetime as dt
import json
import sys
from pathlib import Path

from luoshi.chains.cli import acting_user


def add_parsers(subparsers) -> None:
    attraction = subparsers.add_parser("attraction", help="investment attraction (招商引资): the roll-up of leads")
    sub = attraction.add_subparsers(dest="attraction_command", required=True)
    summary = sub.add_parser("summary", help="leads, signed, started, producing and paid-in funds beside the target")
    summary.add_argument("--period", help="year to date, e.g. 2023, 2023Q1, 2023M06 (default: the latest year)")
    summary.add_argument("--by", choices=["task-force", "chain", "unit", "month"], default="task-force")
    summary.add_argument("--format", choices=["json", "table"], default="table")
    summary.set_defaults(func=run_summary, django=True)
    _task_force_parsers(sub)
    _event_parsers(sub)
    _leads_parsers(subparsers)

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


def _as(parser) -> None:
    parser.add_argument("--as", dest="username", help="act as this user (default: the system)")


def _codes(text: str | None) -> list[str] | None:
    return None if text is None else [c.strip() for c in text.replace("、", ",").split(",") if c.strip()]


def _task_force_parsers(sub) -> None:
    forces = sub.add_parser("task-forces", help="专班: list, add, edit, archive")
    verbs = forces.add_subparsers(dest="task_force_command", required=True)
    listing = verbs.add_parser("list", help="the task forces within reach")
    listing.add_argument("--archived", action="store_true", help="archived ones too")
    add, edit = verbs.add_parser("add", help="a new task force"), verbs.add_parser("edit", help="change a task force")
    edit.add_argument("id", type=int)
    for parser, required in ((add, True), (edit, False)):
        parser.add_argument("--name", required=required)
        parser.add_argument("--leader", help="牵头领导")
        parser.add_argument("--lead-department", help="牵头部门 code (default: the user's unit)")
        parser.add_argument("--members", help="成员单位 codes, comma-separated")
        parser.add_argument("--regions", help="负责县区 codes, comma-separated")
        parser.add_argument("--chains", help="负责产业链 names, comma-separated")
        parser.add_argument("--scope", help="分工说明")
    archive = verbs.add_parser("archive", help="archive (never delete) a task force")
    archive.add_argument("id", type=int)
    archive.add_argument("--restore", action="store_true")
    for parser, func in ((listing, run_task_forces_list), (add, run_task_force_save), (edit, run_task_force_save),
                         (archive, run_task_force_archive)):
        _as(parser)
        parser.set_defaults(func=func, django=True)


def _event_parsers(sub) -> None:
    events = sub.add_parser("events", help="招商活动: list, add, edit, archive")
    verbs = events.add_subparsers(dest="event_command", required=True)
    listing = verbs.add_parser("list", help="the events within reach, with the leads they produced")
    listing.add_argument("--archived", action="store_true")
    add, edit = verbs.add_parser("add", help="a new event"), verbs.add_parser("edit", help="change an event")
    edit.add_argument("id", type=int)
    for parser, required in ((add, True), (edit, False)):
        parser.add_argument("--name", required=required)
        parser.add_argument("--kind", required=required, help="hmt jk sea europe jjj yrd gba other")
        parser.add_argument("--date", required=required, type=dt.date.fromisoformat, help="YYYY-MM-DD")
        parser.add_argument("--place")
        parser.add_argument("--organizer", help="主办单位 code (default: the user's unit)")
        parser.add_argument("--task-force", type=int, help="专班 id")
        parser.add_argument("--leads", help="the codes of the leads it produced (ZS-00001,…); replaces the list")
    archive = verbs.add_parser("archive", help="archive (never delete) an event")
    archive.add_argument("id", type=int)
    archive.add_argument("--restore", action="store_true")
    for parser, func in ((listing, run_events_list), (add, run_event_save), (edit, run_event_save),
                         (archive, run_event_archive)):
        _as(parser)
        parser.set_defaults(func=func, django=True)


def _leads_parsers(subparsers) -> None:
    leads = subparsers.add_parser("leads", help="招商项目 as Excel: import, export, template")
    verbs = leads.add_subparsers(dest="leads_command", required=True)
    load = verbs.add_parser("import", help="open and advance the leads an Excel file lists (all or nothing)")
    load.add_argument("file")
    load.add_argument("--dry-run", action="store_true", help="check and count, write nothing")
    export = verbs.add_parser("export", help="the leads in the import's columns")
    template = verbs.add_parser("template", help="the import's columns, no rows")
    for parser in (export, template):
        parser.add_argument("-o", "--output", required=True, help="the .xlsx to write")
    for parser, func in ((load, run_leads_import), (export, run_leads_export), (template, run_leads_template)):
        _as(parser)
        parser.set_defaults(func=func, django=True)


def _fail(message: str, code: int = 2) -> int:
    print(f"luoshi: {message}", file=sys.stderr)
    return code


def _acting(action):
    """Run ACTION(user) as --as (None: the system) in a change context; refusals become messages and exit codes."""
    from django.core.exceptions import PermissionDenied

    from luoshi.core.context import change_context
    from luoshi.core.errors import FieldErrors

    def run(args) -> int:
        user, problem = acting_user(args)
        if problem:
            return _fail(problem)
        try:
            with change_context(user=user):
                return action(args, user)
        except PermissionDenied as error:
            return _fail(str(error))
        except FieldErrors as error:
            for item in error.detail:
                print(f"{item['field']}: {item['message']}", file=sys.stderr)
            return _fail("nothing written", 1)
        except LookupError as error:
            return _fail(str(error.args[0]))
    return run


def _units(field: str, codes: list[str] | None):
    from luoshi.core.errors import FieldErrors
    from luoshi.units.models import Unit

    if codes is None:
        return None
    found = {u.code: u for u in Unit.objects.filter(code__in=codes)}
    if missing := [c for c in codes if c not in found]:
        raise FieldErrors([{"field": field, "message": f"没有代码为“{'、'.join(missing)}”的单位"}])
    return [found[c] for c in codes]


def _row(queryset, pk: int, what: str):
    row = queryset.filter(pk=pk).first()
    if row is None:
        raise LookupError(f"no {what} {pk} within reach")
    return row


def _given(values: dict) -> dict:
    return {k: v for k, v in values.items() if v is not None}


@_acting
def run_task_forces_list(args, user) -> int:
    from luoshi.attraction import choices
    from luoshi.attraction.models import TaskForce

    rows = choices.seen(TaskForce.objects.all(), user)
    for tf in (rows if args.archived else rows.active()).select_related("lead_department"):
        units = "、".join(u.code for u in tf.members.all())
        print(f"{tf.pk}\t{tf.name}{'(已归档)' if tf.archived else ''}\t{tf.lead_department.code}\t{tf.leader or '—'}"
              f"\t成员 {units or '—'}\t产业链 {'、'.join(c.name for c in tf.chains.all()) or '—'}")
    return 0


@_acting
def run_task_force_save(args, user) -> int:
    from luoshi.attraction import choices, editing
    from luoshi.attraction.models import TaskForce

    values = _given({"name": args.name, "leader": args.leader, "scope": args.scope,
                     "members": _units("members", _codes(args.members)),
                     "regions": _units("regions", _codes(args.regions))})
    if args.lead_department:
        values["lead_department"] = _units("lead_department", [args.lead_department])[0]
    if (names := _codes(args.chains)) is not None:
        values["chains"] = list(choices.chains(user).filter(name__in=names))
        if missing := set(names) - {c.name for c in values["chains"]}:
            return _fail(f"no chain named {'、'.join(sorted(missing))} within reach")
    if getattr(args, "id", None) is None:
        force = editing.create_task_force(user, **values)
    else:
        force = editing.update_task_force(user, _row(choices.seen(TaskForce.objects.all(), user), args.id, "task force"),
                                          **values)
    print(f"{force.pk}\t{force.name}")
    return 0


def _archive(args, user, model, archive, label: str) -> int:
    """Archive (or, with --restore, restore) the MODEL row ARGS.id that USER sees, through ARCHIVE."""
    from luoshi.attraction import choices

    row = _row(choices.seen(model.objects.all(), user), args.id, label)
    archive(user, row, archived=not args.restore)
    print(f"{row.pk}\t{row.name}\t{'restored' if args.restore else 'archived'}")
    return 0


@_acting
def run_task_force_archive(args, user) -> int:
    from luoshi.attraction import editing
    from luoshi.attraction.models import TaskForce

    return _archive(args, user, TaskForce, editing.archive_task_force, "task force")


@_acting
def run_events_list(args, user) -> int:
    from luoshi.attraction import choices
    from luoshi.attraction.models import Event

    rows = choices.seen(Event.objects.all(), user)
    for e in (rows if args.archived else rows.active()).select_related("organizer"):
        leads = "、".join(lead.code for lead in choices.seen(e.leads.all(), user))
        print(f"{e.pk}\t{e.date:%Y-%m-%d}\t{e.name}{'(已归档)' if e.archived else ''}\t{e.get_kind_display()}"
              f"\t{e.organizer.code}\t项目 {leads or '—'}")
    return 0


@_acting
def run_event_save(args, user) -> int:
    from luoshi.attraction import choices, editing
    from luoshi.attraction.models import Event, Lead
    from luoshi.core.errors import FieldErrors

    values = _given({"name": args.name, "kind": args.kind, "date": args.date, "place": args.place})
    if args.organizer:
        values["organizer"] = _units("organizer", [args.organizer])[0]
    if args.task_force is not None:
        values["task_force"] = _row(choices.task_forces(user), args.task_force, "task force")
    if (codes := _codes(args.leads)) is not None:
        found = dict(Lead.objects.filter(code__in=codes).values_list("code", "pk"))
        if missing := [code for code in codes if code not in found]:
            raise FieldErrors([{"field": "leads", "message": f"没有编号为“{'、'.join(missing)}”的招商项目"}])
        values["leads"] = [found[code] for code in codes]  # whether USER may credit them: set_event_leads
    if getattr(args, "id", None) is None:
        event = editing.create_event(user, **values)
    else:
        event = editing.update_event(user, _row(choices.seen(Event.objects.all(), user), args.id, "event"), **values)
    print(f"{event.pk}\t{event.name}\t{event.leads.count()} leads")
    return 0


@_acting
def run_event_archive(args, user) -> int:
    from luoshi.attraction import editing
    from luoshi.attraction.models import Event

    return _archive(args, user, Event, editing.archive_event, "event")


@_acting
def run_leads_import(args, user) -> int:
    from luoshi.attraction.sheet import LeadsRejected, import_leads

    try:
        content = Path(args.file).read_bytes()
    except OSError as error:
        return _fail(str(error))
    try:
        summary = import_leads(user, content, Path(args.file).name, dry_run=args.dry_run)
    except LeadsRejected as rejected:
        for error in rejected.errors:
            print(f"{args.file}: {error}", file=sys.stderr)
        return _fail("nothing written", 1)
    done = "would open" if summary.dry_run else "opened"
    print(f"{args.file}: {summary.rows} rows; {done} {summary.created} leads, moved {summary.advanced} registered "
          f"leads on ({summary.steps} stage changes)")
    return 0


@_acting
def run_leads_export(args, user) -> int:
    from luoshi.attraction import choices
    from luoshi.attraction.models import Lead
    from luoshi.attraction.sheet import export_workbook

    Path(args.output).write_bytes(export_workbook(choices.seen(Lead.objects.all(), user).active()))
    return 0


@_acting
def run_leads_template(args, user) -> int:
    from luoshi.attraction.models import Lead
    from luoshi.attraction.sheet import export_workbook

    Path(args.output).write_bytes(export_workbook(Lead.objects.none()))
    return 0
