"""Score the extractor on the development set in ../shared/extraction (or $LUOSHI_SHARED/extraction).

Extracts every docs/*.txt into a temporary directory and runs the shared score.py on it.
Prints the scorer's lines; exits 0 with a message when the shared directory is absent.
"""

import json
import os
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
        return subprocess.run(command, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
