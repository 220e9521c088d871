"""`luoshi import-figures`, `approve` and `catalogue`: thin wrappers over the figures domain functions."""

import json
import sys
from pathlib import Path


def add_parsers(subparsers) -> None:
    load = subparsers.add_parser("import-figures", help="load figures from a CSV or Excel file (all or nothing)")
    load.add_argument("file")
    load.add_argument("--unit", default="", help="unit code for rows that name none")
    load.add_argument("--as", dest="username", help="act as this user (default: system import, approved)")
    load.add_argument("--dry-run", action="store_true", help="validate and show what would change")
    load.set_defaults(func=run_import, django=True)

    approve = subparsers.add_parser("approve", help="approve a submitted figure revision (审核通过)")
    approve.add_argument("revision", type=int, help="the revision id")
    approve.add_argument("--as", dest="username", required=True, help="the analyst who approves")
    approve.add_argument("--note", default="", help="review note")
    approve.set_defaults(func=run_approve, django=True)

    catalogue = subparsers.add_parser("catalogue", help="the indicator catalogue (指标库)")
    actions = catalogue.add_subparsers(dest="action", required=True)
    load_default = actions.add_parser("load", help="load the default catalogue (never overwrites; reports differences)")
    load_default.set_defaults(func=run_catalogue_load, django=True)
    listing = actions.add_parser("list", help="list the catalogue's series")
    listing.add_argument("--format", choices=["table", "json"], default="table")
    listing.add_argument("--archived", action="store_true", help="also the archived series")
    listing.set_defaults(func=run_catalogue_list, django=True)


#: `luoshi import-figures` reads large files by an operator: the upload limits, with ten minutes to read.
IMPORT_SECONDS = 600


def run_import(args) -> int:
    from luoshi.accounts.models import User
    from luoshi.core.context import change_context
    from luoshi.figures.submission import FiguresRejected, submit
    from luoshi.figures.tabular import TableError, read_table
    from luoshi.lib.bounded import limits

    user = User.objects.filter(username=args.username).first() if args.username else None
    if args.username and user is None:
        print(f"luoshi import-figures: no user {args.username!r}", file=sys.stderr)
        return 2
    try:
        entries = read_table(Path(args.file), default_unit=args.unit, bound=limits(seconds=IMPORT_SECONDS))
        with change_context(user=user):
            outcome = submit(user, entries, channel="import", dry_run=args.dry_run)
    except (TableError, OSError) as exc:
        print(f"luoshi import-figures: {exc}", file=sys.stderr)
        return 2
    except FiguresRejected as rejected:
        for problem in (*rejected.validation.errors, *rejected.validation.conflicts):
            print(f"{args.file}: {problem}", file=sys.stderr)
        print(f"luoshi import-figures: nothing written ({rejected})", file=sys.stderr)
        return 1
    changes = outcome.validation.changes
    verb = "would write" if args.dry_run else "wrote"
    for change in outcome.validation.to_write:
        print(f"{change.entry.row}\t{change.action}\t{change.series.name}\t{change.unit.name}\t{change.period.code}"
              f"\t{change.value}\t{change.growth}")
    print(f"{verb} {len(outcome.validation.to_write)} of {len(changes)} rows "
          f"({len(changes) - len(outcome.validation.to_write)} unchanged)")
    return 0


def run_approve(args) -> int:
    from luoshi.accounts.models import User
    from luoshi.core.context import change_context
    from luoshi.figures.models import FigureRevision
    from luoshi.figures.submission import ReviewError, approve

    user = User.objects.filter(username=args.username).first()
    revision = FigureRevision.objects.restrict(user).filter(pk=args.revision).first() if user else None
    if revision is None:
        print(f"luoshi approve: no user {args.username!r} or no revision {args.revision} they may see",
              file=sys.stderr)
        return 2
    try:
        with change_context(user=user):
            revision = approve(revision, user, args.note)
    except ReviewError as exc:
        print(f"luoshi approve: {exc}", file=sys.stderr)
        return 1
    print(f"{revision.figure}\t#{revision.number}\t{revision.get_status_display()}\t{revision.value}\t{revision.growth}")
    return 0


def run_catalogue_load(args) -> int:
    from luoshi.figures.catalogue import load_default_catalogue

    report = load_default_catalogue()
    for name in report.created:
        print(f"新建\t{name}")
    for difference in report.differences:
        print(f"差异\t{difference}")
    print(report)
    return 0


CATALOGUE_COLUMNS = [("name", "指标名称"), ("aliases", "别名"), ("unit_of_measure", "计量单位"),
                     ("frequency", "报送频率"), ("accumulation", "累计方式"), ("due_day", "报送截止日"),
                     ("publisher", "发布方"), ("archived", "已归档")]


def run_catalogue_list(args) -> int:
    from luoshi.figures.catalogue import filter_series
    from luoshi.figures.models import Series

    rows = [{key: getattr(s, key) for key, _ in CATALOGUE_COLUMNS} | {"id": s.pk, "note": s.note,
                                                                        "allow_negative": s.allow_negative}
            for s in filter_series(Series.objects.all(), archived="all" if args.archived else "")]
    if args.format == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    print("\t".join(title for _, title in CATALOGUE_COLUMNS))
    for row in rows:
        print("\t".join("、".join(v) if isinstance(v, list) else str(v) for v in (row[k] for k, _ in CATALOGUE_COLUMNS)))
    return 0
