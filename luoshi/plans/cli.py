"""`luoshi assign`: set a target's decomposition (任务分解) from the command line, the page's own way."""

import sys
from decimal import Decimal, InvalidOperation
from pathlib import Path


def add_parsers(subparsers) -> None:
    assign = subparsers.add_parser("assign", help="decompose a target to units: CODE=QUOTA … or --file quotas.xlsx")
    assign.add_argument("target", type=int, help="the target's id")
    assign.add_argument("quotas", nargs="*", metavar="CODE=QUOTA", help="a unit code and its quota, e.g. 410202=120")
    assign.add_argument("--file", help="an .xlsx table (单位代码, 单位名称, 分解值) instead of CODE=QUOTA")
    assign.add_argument("--as", dest="username", help="act as this analyst (default: the system)")
    assign.set_defaults(func=run_assign, django=True)


def fail(message: str, code: int = 2) -> int:
    print(f"luoshi assign: {message}", file=sys.stderr)
    return code


def parse_pairs(pairs: list[str]) -> tuple[dict, list[str]]:
    """{unit: quota} of CODE=QUOTA arguments, and what is wrong with any of them."""
    from luoshi.units.models import Unit

    quotas, problems = {}, []
    for pair in pairs:
        code, _, raw = pair.partition("=")
        unit = Unit.objects.filter(code=code.strip()).first()
        try:
            value = Decimal(raw.strip())
        except InvalidOperation:
            value = None
        if unit is None:
            problems.append(f"{pair}: no unit with code {code.strip()!r}")
        elif value is None or not value.is_finite():
            problems.append(f"{pair}: {raw.strip()!r} is not a number")
        else:
            quotas[unit] = value
    return quotas, problems


def decompose(target, args, user):
    from luoshi.plans import quota_sheet
    from luoshi.plans.decomposition import set_quotas

    if args.file:
        return quota_sheet.upload(target, Path(args.file).read_bytes(), user)
    quotas, problems = parse_pairs(args.quotas)
    if problems:
        raise ValueError("\n".join(problems))
    return set_quotas(target, quotas, user)


def run_assign(args) -> int:
    from django.core.exceptions import PermissionDenied

    from luoshi.accounts.models import User
    from luoshi.accounts.scoping import CHANGE
    from luoshi.plans.decomposition import QuotasRejected
    from luoshi.plans.models import Target

    if bool(args.file) == bool(args.quotas):
        return fail("give either CODE=QUOTA pairs or --file, not both or neither")
    user = User.objects.filter(username=args.username).first() if args.username else None
    if args.username and user is None:
        return fail(f"no user {args.username!r}")
    targets = Target.objects.active() if user is None else Target.objects.restrict(user, CHANGE).active()
    target = targets.select_related("plan__issuer").filter(pk=args.target).first()
    if target is None:
        return fail(f"no target with id {args.target}")
    try:
        result = decompose(target, args, user)
    except (ValueError, OSError, PermissionDenied) as error:
        return fail(str(error))
    except QuotasRejected as rejected:
        for problem in rejected.problems:
            print(f"{args.file or 'luoshi assign'}: {problem}", file=sys.stderr)
        return fail("nothing written", 1)
    for a in target.assignments.select_related("unit"):
        print(f"{a.unit.code}\t{a.unit.name}\t{'—' if a.value is None else f'{a.value.normalize():f}'}")
    check = result.check
    if check is not None:
        print(f"合计 {check.total:g} / 目标 {check.target:g} {target.unit_of_measure},差额 {check.gap:g}")
    return 0
