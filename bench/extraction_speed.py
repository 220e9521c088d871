"""Throughput of the extractor: the development documents repeated to at least 5 MB, on one core.

Prints characters per second and MB/s (UTF-8 bytes). Uses the seed plan shipped as demo data
when ../shared is absent.
"""

import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from luoshi.lib.extract import extract  # noqa: E402

TARGET_BYTES = 5 * 1024 * 1024
SEED = REPO / "luoshi" / "demo" / "data" / "zhengzhou-2023-mayor-interview.txt"


def corpus() -> str:
    shared = Path(os.environ.get("LUOSHI_SHARED", REPO.parent / "shared")) / "extraction" / "docs"
    paths = sorted(shared.glob("*.txt")) or [SEED]
    text = "\n".join(path.read_text(encoding="utf-8") for path in paths)
    repeats = TARGET_BYTES // len(text.encode("utf-8")) + 1
    return "\n".join([text] * repeats)


def main() -> int:
    text = corpus()
    size = len(text.encode("utf-8"))
    started = time.process_time()
    targets = extract(text)
    seconds = time.process_time() - started
    print(f"{len(text):,} characters ({size / 1e6:.1f} MB) in {seconds:.2f} s CPU, {len(targets)} targets")
    print(f"{len(text) / seconds:,.0f} characters/s, {size / 1e6 / seconds:.2f} MB/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
