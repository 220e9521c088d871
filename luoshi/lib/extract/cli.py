"""`luoshi extract FILE_OR_DIR [--format json|table] [--year YYYY] [--region NAME] [-o FILE_OR_DIR]`."""

import argparse
import json
import sys
import unicodedata
from pathlib import Path

from .core import extract
from .errors import ExtractionError
from .reader import read_document

TABLE_COLUMNS = ("indicator", "value", "unit", "kind", "bound", "commitment", "period", "region", "front")


def add_parser(subparsers) -> None:
    """Register the `extract` subcommand on an argparse subparsers object."""
    parser = subparsers.add_parser(
        "extract", help="propose the quantitative targets of a plan text (规划目标抽取)",
        description="Read a plan (.txt, .docx, .pdf, .html) and print its targets.",
    )
    parser.add_argument("path", type=Path, metavar="FILE_OR_DIR")
    parser.add_argument("--format", choices=("json", "table"), default="json")
    parser.add_argument("--year", type=int, help="the plan year (default: read from the text); years written in the text still hold")
    parser.add_argument("--region", help="the plan's city or region (default: read from the text); places named in the text still hold")
    parser.add_argument("-o", "--output", type=Path, metavar="FILE_OR_DIR",
                        help="write here; a directory gets one NAME.json per input file")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Extract one file or every file of a directory; 2 if any file could not be read."""
    if args.path.is_dir():
        if args.output is None:
            return _fail(f"{args.path}: a directory needs -o DIR for its NAME.json files")
        args.output.mkdir(parents=True, exist_ok=True)
        inputs = sorted(p for p in args.path.iterdir() if p.is_file() and not p.name.startswith("."))
        failures = sum(not _extract_file(args, path, args.output / f"{path.stem}.json") for path in inputs)
        return 2 if failures else 0
    output = args.output
    if output is not None and output.is_dir():
        output = output / f"{args.path.stem}.json"
    return 0 if _extract_file(args, args.path, output) else 2


def _extract_file(args: argparse.Namespace, path: Path, output: Path | None) -> bool:
    try:
        targets = extract(read_document(path), year=args.year, region=args.region)
    except ExtractionError as error:
        _fail(str(error))
        return False
    rendered = render_table(targets) if args.format == "table" else json.dumps(targets, ensure_ascii=False, indent=1)
    if output is None:
        print(rendered)
    else:
        output.write_text(rendered + "\n", encoding="utf-8")
    return True


def _fail(message: str) -> int:
    print(f"luoshi extract: {message}", file=sys.stderr)
    return 2


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def render_table(targets: list[dict]) -> str:
    """The targets as an aligned text table, one row per target."""
    rows = [TABLE_COLUMNS] + [tuple(str(t[column]) for column in TABLE_COLUMNS) for t in targets]
    widths = [max(_width(row[i]) for row in rows) for i in range(len(TABLE_COLUMNS))]
    return "\n".join("  ".join(_pad(cell, w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in rows)
