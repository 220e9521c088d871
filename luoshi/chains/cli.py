"""`luoshi chains list|export|import`: the chain maps from the command line, through the pages' own functions.

    luoshi chains list [--as USER]
    luoshi chains export [--chain NAME] [--format json|xlsx] [-o FILE] [--as USER]
    luoshi chains import FILE [--chain NAME] [--dry-run] [--as USER]

Without --as the command acts as the system (every chain); with it, within that user's jurisdiction.
An import reads the sheet named as the chain (default: the first sheet's title), all or nothing.
"""

import json
import sys
from pathlib import Path


def add_parsers(subparsers) -> None:
    chains = subparsers.add_parser("chains", help="industry chains (产业链): list, export and import chain maps")
    sub = chains.add_subparsers(dest="chains_command", required=True)
    listing = sub.add_parser("list", help="the chains with their standings")
    export = sub.add_parser("export", help="chains with leaders and maps, as JSON or Excel")
    export.add_argument("--chain", help="only the chain of this name")
    export.add_argument("--format", choices=["json", "xlsx"], default="json")
    export.add_argument("-o", "--output", help="write to FILE instead of stdout (required for xlsx)")
    load = sub.add_parser("import", help="make a chain's map what an Excel file says (all or nothing)")
    load.add_argument("file")
    load.add_argument("--chain", help="the chain to import into (default: the first sheet's title)")
    load.add_argument("--dry-run", action="store_true", help="check and count, write nothing")
    for parser in (listing, export, load):
        parser.add_argument("--as", dest="username", help="act as this user (default: the system)")
    listing.set_defaults(func=run_list, django=True)
    export.set_defaults(func=run_export, django=True)
    load.set_defaults(func=run_import, django=True)


def fail(message: str, code: int = 2) -> int:
    print(f"luoshi chains: {message}", file=sys.stderr)
    return code


def acting_user(args):
    """The user of --as (None: the system) and the reason when there is no such user."""
    from luoshi.accounts.models import User

    if not args.username:
        return None, None
    user = User.objects.filter(username=args.username, is_active=True).first()
    return user, None if user else f"no user {args.username!r}"


def _chains(user):
    from luoshi.chains.models import Chain

    rows = Chain.objects.all() if user is None else Chain.objects.restrict(user)
    return rows.active().select_related("unit", "department", "alliance_enterprise").prefetch_related("targets")


def run_list(args) -> int:
    from luoshi.chains.maps import build_map

    user, problem = acting_user(args)
    if problem:
        return fail(problem)
    for chain in _chains(user):
        tally = build_map(chain).tally()
        print(f"{chain.pk}\t{chain.name}\t{chain.unit.name}\t强 {tally['strong']} 弱 {tally['weak']} 缺 {tally['missing']}")
    return 0


def run_export(args) -> int:
    from luoshi.chains.export import chain_dict
    from luoshi.chains.sheet import export_workbook

    user, problem = acting_user(args)
    if problem:
        return fail(problem)
    chains = _chains(user).filter(name=args.chain) if args.chain else _chains(user)
    if args.chain and not chains.exists():
        return fail(f"no chain named {args.chain!r}")
    if args.format == "xlsx":
        if not args.output:
            return fail("--format xlsx needs -o FILE")
        Path(args.output).write_bytes(export_workbook(chains))
        return 0
    text = json.dumps({"chains": [chain_dict(c) for c in chains]}, ensure_ascii=False, indent=2)
    if args.output:
        Path(args.output).write_text(text + "\n", encoding="utf-8")
    else:
        print(text)
    return 0


def _first_sheet(content: bytes) -> str:
    from luoshi.lib.bounded import Unparsable, limits, open_workbook

    try:
        return open_workbook(content, limits()).sheetnames[0]
    except (Unparsable, IndexError):
        return ""


def run_import(args) -> int:
    from django.core.exceptions import PermissionDenied

    from luoshi.chains.sheet import MapRejected, import_map
    from luoshi.core.context import change_context

    user, problem = acting_user(args)
    if problem:
        return fail(problem)
    try:
        content = Path(args.file).read_bytes()
    except OSError as error:
        return fail(str(error))
    name = args.chain or _first_sheet(content)
    chain = _chains(user).filter(name=name).first()
    if chain is None:
        return fail(f"no chain named {name!r} (create it first, or give --chain NAME)")
    try:
        with change_context(user=user):
            summary = import_map(user, chain, content, Path(args.file).name, dry_run=args.dry_run)
    except PermissionDenied as error:
        return fail(str(error))
    except MapRejected as rejected:
        for error in rejected.errors:
            print(f"{args.file}: {error}", file=sys.stderr)
        return fail("nothing written", 1)
    done = "would write" if summary.dry_run else "wrote"
    print(f"{chain.name}: {done} {summary.nodes} nodes ({summary.created_nodes} new, {summary.archived_nodes} archived), "
          f"{summary.links} firms on nodes, {summary.targets} target firms, {summary.created_enterprises} new enterprises")
    return 0
