"""Score the extractor on the development set in ../shared/extraction (or $LUOSHI_SHARED/extraction).

Extracts every docs/*.txt (seed, 01, 02, 04, 07, d01–d10 …) into a temporary directory and runs the
shared score.py on it. Prints the scorer's lines, each document's line followed by its full F1
(2·full / (gold + pred)); exits 0 with a message when the shared directory is absent.
"""

import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from luoshi.lib.extract import extract, read_document  # noqa: E402


def shared_extraction() -> Path:
    return Path(os.environ.get("LUOSHI_SHARED", REPO.parent / "shared")) / "extraction"


def main() -> int:
    shared = shared_extraction()
    if not (shared / "score.py").is_file():
        print(f"no development set at {shared}: nothing to score")
        return 0
    with tempfile.TemporaryDirectory() as predictions:
        for doc in sorted((shared / "docs").glob("*.txt")):
            targets = extract(read_document(doc))
            Path(predictions, f"{doc.stem}.json").write_text(json.dumps(targets, ensure_ascii=False), "utf-8")
        command = [sys.executable, str(shared / "score.py"), str(shared / "docs"), str(shared / "gold"),
                   predictions, *sys.argv[1:]]
        run = subprocess.run(command, check=False, capture_output=True, text=True)
        print("\n".join(with_full_f1(line) for line in run.stdout.splitlines()), file=sys.stdout)
        print(run.stderr, end="", file=sys.stderr)
        return run.returncode


DOC_LINE = re.compile(r"gold=(?P<gold>\d+) pred=(?P<pred>\d+) .*full=(?P<full>\d+)/")


def with_full_f1(line: str) -> str:
    """A document's line of the scorer with its full F1 added."""
    match = DOC_LINE.search(line)
    if not match:
        return line
    gold, pred, full = (int(match[name]) for name in ("gold", "pred", "full"))
    return f"{line} full_f1={2 * full / (gold + pred) if gold + pred else 0.0:.3f}"


if __name__ == "__main__":
    sys.exit(main())
