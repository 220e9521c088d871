"""A fresh demo's time: `luoshi demo --no-serve` on a new data directory, and where the time goes.

    .venv/bin/python bench/demo.py                              # this checkout, 3 runs
    .venv/bin/python bench/demo.py --against 275de1a --runs 5   # in turn with another commit

Each run starts `luoshi demo --no-serve` (this venv's) in a new data directory (SQLite) and takes the
wall time and the CPU time of the process. With --against, a git worktree of that commit runs in turn
with this checkout (this VM's speed drifts between minutes: side by side, not one after the other), and
the two demos' kept verdicts are compared row by row (all but the row id and its time stamp). Then one
run of each, in one process, timed by phase: django.setup, migrate, collectstatic, load_demo.
"""

from __future__ import annotations

import argparse
import os
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LUOSHI = ROOT / ".venv" / "bin" / "luoshi"
PYTHON = ROOT / ".venv" / "bin" / "python"
PHASES = """
import io, os, sys, time, contextlib
t = time.perf_counter()
import django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "luoshi.settings")
django.setup()
marks = [("setup", time.perf_counter() - t)]
from django.core.management import call_command
from luoshi.cli import collect_static
from luoshi.demo import loader
for name, step in [("migrate", lambda: call_command("migrate", "--noinput", "--verbosity", "0")),
                   ("collectstatic", collect_static), ("load_demo", loader.load_demo)]:
    t = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()):
        step()
    marks.append((name, time.perf_counter() - t))
print(" ".join(f"{name}={seconds:.2f}" for name, seconds in marks))
"""


def environment(data_dir: Path, source: Path | None) -> dict:
    env = {**os.environ, "LUOSHI_DATA_DIR": str(data_dir), "LUOSHI_DEMO": "1"}
    env.pop("DATABASE_URL", None)
    if source is not None:  # the other commit's package ahead of this checkout's (installed editable)
        env["PYTHONPATH"] = str(source)
    return env


def one_demo(source: Path | None, keep: Path | None = None) -> tuple[float, float]:
    """Wall and CPU seconds of one fresh `luoshi demo --no-serve`; its database copied to KEEP."""
    with tempfile.TemporaryDirectory(prefix="luoshi-demo-") as tmp:
        data_dir = Path(tmp) / "var"
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run([str(LUOSHI), "demo", "--no-serve"], cwd=tmp, env=environment(data_dir, source),
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if keep is not None:
            keep.write_bytes((data_dir / "luoshi.sqlite3").read_bytes())
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def phases(source: Path | None) -> str:
    with tempfile.TemporaryDirectory(prefix="luoshi-demo-") as tmp:
        done = subprocess.run([str(PYTHON), "-c", PHASES], cwd=tmp, env=environment(Path(tmp) / "var", source),
                              check=True, capture_output=True, text=True)
    return done.stdout.strip()


def kept_verdicts(database: Path) -> list[tuple]:
    with sqlite3.connect(database) as db:
        columns = [row[1] for row in db.execute("PRAGMA table_info(verdicts_storedverdict)")
                   if row[1] not in ("id", "updated")]
        return sorted(db.execute(f"SELECT {', '.join(columns)} FROM verdicts_storedverdict"), key=repr)


def worktree(revision: str, into: Path) -> Path:
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "--force", str(into), revision],
                   check=True, capture_output=True)
    return into


def report(name: str, runs: list[tuple[float, float]]) -> None:
    walls, cpus = [w for w, _ in runs], [c for _, c in runs]
    print(f"{name:<12} wall median {statistics.median(walls):5.1f} s (runs {', '.join(f'{w:.1f}' for w in walls)})"
          f"   CPU median {statistics.median(cpus):5.1f} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--against", metavar="REVISION", help="another commit, run in turn with this checkout")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="luoshi-bench-") as tmp:
        variants = {"this": None}
        if args.against:
            variants = {args.against: worktree(args.against, Path(tmp) / "other"), "this": None}
        times: dict[str, list] = {name: [] for name in variants}
        databases = {name: Path(tmp) / f"{i}.sqlite3" for i, name in enumerate(variants)}
        for run in range(args.runs):
            for name, source in variants.items():
                times[name].append(one_demo(source, databases[name] if run == 0 else None))
        for name in variants:
            report(name, times[name])
        if args.against:
            kept = [kept_verdicts(databases[name]) for name in variants]
            print(f"kept verdicts: {len(kept[0])} and {len(kept[1])},",
                  "the same" if kept[0] == kept[1] else "DIFFERENT")
        for name, source in variants.items():
            print(f"{name:<12} phases (s): {phases(source)}")
        if args.against:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(Path(tmp) / "other")],
                           check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
