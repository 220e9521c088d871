"""The month-end rush in process: CPU time of one request through Django's test client, no server.

Steadier than the server's wall clock on a shared machine. On the data of `province.py` (as rush.py):

    .venv/bin/python bench/rush_cpu.py --db sqlite --repeat 200
    .venv/bin/python bench/rush_cpu.py --db postgres --profile "POST 1"      # cProfile one kind

Kinds: the bench's bare JSON view and ninja floor (`rush_urls.py`: one figure posted, nothing read or
written), a token GET of /api/v1/series, POST /api/v1/figures of one correction and of a batch of 50 (each
based on the revision last seen, as rush.py's reporters do). Median CPU ms per request (time.process_time),
the median of it spent in the database driver (its cursors' execute and fetch calls and the commit: the SQL
alone, whatever Luoshi's code or the ORM does around it), and the number of queries of one request.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import functools
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import province  # noqa: E402
import rush  # noqa: E402

KINDS = ("bare", "floor", "GET series", "POST 1", "POST 50")


def requester(kind: str, client, reporter):
    """A callable sending one request of KIND, checking its answer."""
    def floor():
        answer = client.post(f"/{rush.FLOOR_PATH}/", {"items": [item for _, item in reporter.items(1, advance=False)]},
                             content_type="application/json")
        assert answer.status_code == 201, answer.content[:500]

    def post(size: int):
        sent = reporter.items(size)
        answer = client.post(rush.FIGURES, {"items": [item for _, item in sent]}, content_type="application/json")
        assert answer.status_code == 201, answer.content[:500]
        for written in answer.json()["written"]:
            slot = sent[written["item"] - 1][0]
            slot.head, slot.value = written["revision"], rush.Decimal(str(written["value"]))

    def get(path: str):
        answer = client.get(path)
        assert answer.status_code == 200, answer.content[:500]

    return {"bare": lambda: get(f"/{rush.BARE_PATH}"), "floor": floor, "GET series": lambda: get("/api/v1/series"),
            "POST 1": lambda: post(1), "POST 50": lambda: post(rush.BATCH)}[kind]


def queries(send) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        send()
    return len(captured)


@contextlib.contextmanager
def in_driver(connection, spent: list[float]):
    """Add to SPENT[0] the CPU seconds spent in the database driver while inside: its cursors' execute and
    fetch calls (Django's cursor class, a subclass of the driver's) and the connection's commit."""
    cursor_class = type(connection.cursor().cursor)

    def timed(call):
        @functools.wraps(call)
        def timing(*args, **kwargs):
            started = time.process_time()
            try:
                return call(*args, **kwargs)
            finally:
                spent[0] += time.process_time() - started
        return timing

    names = [n for n in ("execute", "executemany", "fetchone", "fetchmany", "fetchall") if hasattr(cursor_class, n)]
    own = {n: cursor_class.__dict__[n] for n in names if n in cursor_class.__dict__}
    for name in names:
        setattr(cursor_class, name, timed(getattr(cursor_class, name)))
    connection._commit = timed(connection._commit)
    try:
        yield
    finally:
        del connection._commit
        for name in names:
            if name in own:
                setattr(cursor_class, name, own[name])
            else:
                delattr(cursor_class, name)


def child(db: str, args) -> int:
    province.django_for(db)
    from django.conf import settings
    from django.db import connection
    from django.test import Client

    settings.ROOT_URLCONF = "rush_urls"
    settings.ALLOWED_HOSTS = ["testserver"]
    reporter = rush.reporters(1)[0]
    client = Client(HTTP_AUTHORIZATION=f"Bearer {reporter.token}")
    print(f"{db} ({connection.vendor}): median CPU ms per request of {args.repeat} (after {args.warmup} warm-up), "
          f"reporter of {reporter.unit}", flush=True)
    for kind in args.kind or KINDS:
        send = requester(kind, client, reporter)
        for _ in range(args.warmup):
            send()
        count = queries(send)
        profiler = cProfile.Profile() if kind == args.profile else None
        cpu, driver = [], []
        for _ in range(args.repeat):
            if profiler:
                profiler.enable()
            spent = [0.0]
            with in_driver(connection, spent):
                started = time.process_time()
                send()
                cpu.append(time.process_time() - started)
            driver.append(spent[0])
            if profiler:
                profiler.disable()
        print(f"  {kind:<11} {statistics.median(cpu) * 1000:7.2f} ms CPU   (p10 {_at(cpu, 0.1):6.2f}, "
              f"p90 {_at(cpu, 0.9):6.2f})   in the driver {statistics.median(driver) * 1000:5.2f} ms   "
              f"{count} queries", flush=True)
        if profiler:
            province.print_profile(profiler, f"{args.repeat} × {kind}", "    ", cumulative=45)
    return 0


def _at(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))] * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", action="append", choices=["sqlite", "postgres"],
                        help="sqlite and/or postgres (default both)")
    parser.add_argument("--scale", type=float, help="generate at this scale if the data is missing or differs")
    parser.add_argument("--regenerate", action="store_true")
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--kind", action="append", choices=KINDS, help="only these kinds (default all)")
    parser.add_argument("--profile", choices=KINDS, help="cProfile the requests of this kind")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args.child, args)
    extra = ["--repeat", str(args.repeat), "--warmup", str(args.warmup)]
    extra += [a for kind in args.kind or [] for a in ("--kind", kind)]
    extra += ["--profile", args.profile] if args.profile else []
    province.run_per_database(args, __file__, extra)
    return 0


if __name__ == "__main__":
    sys.exit(main())
