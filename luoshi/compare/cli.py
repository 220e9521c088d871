"""`luoshi compare`: the units below a unit side by side on one indicator, as JSON or a table."""

import json
import os
import sys

COLUMNS = (("short_name", "单位"), ("targets", "目标"), ("actual", "实际"), ("actual_period", "实际期间"),
           ("gap", "差距"), ("status_label", "状态"), ("source", "来源"))


def add_parsers(subparsers) -> None:
    parser = subparsers.add_parser("compare", help="the units below a unit side by side: targets, actuals, verdicts")
    parser.add_argument("--indicator", required=True, help="indicator name from the catalogue, e.g. 地区生产总值")
    parser.add_argument("--period", required=True, help="period, e.g. 2023 or 2023H1")
    parser.add_argument("--under", required=True, help="code of the parent unit, e.g. 410000")
    parser.add_argument("--sort", choices=["gap", "target", "actual", "order"], default="gap")
    parser.add_argument("--as", dest="username", help="see what this user may see (default: everything)")
    parser.add_argument("--format", choices=["json", "table"], default="table")
    parser.set_defaults(func=run_compare, django=True)


def _number(value) -> str:
    return "—" if value is None else f"{value:g}"


def table(record: dict) -> str:
    lines = [f"{record['under']['name']} · {record['indicator']} · {record['period_label']}", "\t".join(
        title for _, title in COLUMNS)]
    if record["without_targets"]:
        return "\n".join([lines[0], record["without_targets"]])
    rows = ([record["reference"]] if record["reference"] else []) + record["rows"]
    for row in rows:
        actual = row["actual"] or {}
        lines.append("\t".join([
            row["short_name"] + ("(本级)" if row is record["reference"] else ""),
            "、".join(t["wording"] for t in row["targets"]) or "—",
            _number(actual.get("measure")) if actual else row["actual_label"],
            actual.get("period_label", ""), _number(row["gap"]), row["status_label"], actual.get("source", ""),
        ]))
    return "\n".join(lines)


def run_compare(args) -> int:
    from luoshi.accounts.models import User
    from luoshi.compare.comparison import CompareError, compare
    from luoshi.compare.records import comparison_record

    user = User.objects.filter(username=args.username, is_active=True).first() if args.username else None
    if args.username and user is None:
        print(f"luoshi compare: --as {args.username}: no such active user", file=sys.stderr)
        return 2
    try:
        record = comparison_record(compare(args.indicator, args.period, args.under, user, sort=args.sort))
    except CompareError as exc:
        print(f"luoshi compare: {exc}", file=sys.stderr)
        return 2
    return emit(json.dumps(record, ensure_ascii=False, indent=1) if args.format == "json" else table(record))


def emit(text: str) -> int:
    """Print TEXT; a reader that stops early (`| head`) ends the output quietly, not with a traceback."""
    try:
        print(text, flush=True)
    except BrokenPipeError:
        # Python flushes stdout again at exit; point it at /dev/null so that flush cannot fail too.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0
