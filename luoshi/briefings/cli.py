"""`luoshi briefing`: the briefing (通报) of a plan at a period, as docx, xlsx or PDF."""

import sys
from pathlib import Path


def add_parsers(subparsers) -> None:
    parser = subparsers.add_parser("briefing", help="the briefing (通报) of a plan at a period: docx, xlsx or pdf")
    parser.add_argument("--period", help="judge at this period (e.g. 2023, 2023H1, 2023M1-2); default the latest")
    parser.add_argument("--plan", type=int, help="the plan with this id (default: the newest published plan)")
    parser.add_argument("--number", type=int, help="the n of the 文号 (LUOSHI_DOC_NUMBER); default the period's end month")
    parser.add_argument("--format", choices=["docx", "xlsx", "pdf"], default="pdf")
    parser.add_argument("-o", "--output", required=True, help="write the briefing to FILE")
    parser.set_defaults(func=run_briefing, django=True)


def run_briefing(args) -> int:
    from luoshi.briefings.content import BriefingError, build_briefing, find_plan
    from luoshi.briefings.render import briefing_file

    try:
        briefing = build_briefing(find_plan(args.plan), args.period, serial=args.number)
        Path(args.output).write_bytes(briefing_file(briefing, args.format))
    except (BriefingError, OSError) as exc:
        print(f"luoshi briefing: {exc}", file=sys.stderr)
        return 2
    print(f"{briefing.title} → {args.output}")
    return 0
