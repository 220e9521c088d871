"""Month-end rush: reporters submitting figures and leaders reading dashboards against `luoshi serve`.

On the simulated province of `province.py` (generated first when missing or at another scale):

    .venv/bin/python bench/rush.py --scale 0.1                       # both databases, both parts
    .venv/bin/python bench/rush.py --db sqlite --part compare --connections 10 50 200 --duration 15
    .venv/bin/python bench/rush.py --db postgres --part rush --reporters 100 --duration 120

The server is Luoshi's own (`luoshi.cli.serve`: waitress with `luoshi serve`'s threads and connection
limit) on the bench database, in a child process whose ROOT_URLCONF adds one bench-only bare Django JSON
view (`rush_urls.py`). The load is aiohttp, one connection per simulated person, each with an API token.

- compare: for each number of connections, side by side, GET of the bare view, POST of one figure to the
  ninja floor (`rush_urls.py`: the API's token authentication and the submission's schemas, nothing read or
  written), POST /api/v1/figures of one figure and of a batch of 50; requests/s, the ratio to the bare view
  (goal ≥ 50%), p50/p99, the server's CPU per request.
- rush: N reporters (one per district or department, each its own unit's figures, batches of --batch)
  and N/10 leaders (a city's GET /api/v1/dashboard) for --duration seconds.

Each reporter corrects its own unit's 2024–2025 figures (value + 0.01 each time, based on the revision it
last saw, with a note, so every submission is valid and none conflicts). Afterwards every revision the
server answered 201 for is looked up in the database. Errors are counted per kind (HTTP status or the
client's exception).
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import json
import os
import statistics
import subprocess
import sys
import time
import urllib.request
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import province  # noqa: E402

NOTE = "模拟月末报送(基准测试)"
YEARS = (province.PLAN_YEAR - 1, province.PLAN_YEAR)
FIGURES = "/api/v1/figures"
BARE_PATH, FLOOR_PATH = "bench/bare", "bench/floor"  # the bench-only views of rush_urls.py
BATCH = 50


# -- the server (child process) ------------------------------------------------------------------------

def serve(db: str, port: int) -> int:
    """Luoshi's waitress server on the bench database DB, with the bench's bare view."""
    os.environ.update(DJANGO_SETTINGS_MODULE="luoshi.settings", LUOSHI_DEBUG="0", LUOSHI_HTTPS="0",
                      LUOSHI_SECRET_KEY="bench-rush-only-not-a-secret", LUOSHI_ALLOWED_HOSTS="127.0.0.1",
                      LUOSHI_DATA_DIR=str(province.BENCH_DIR / "data"), DATABASE_URL=province.database_url(db))
    import django

    django.setup()
    from django.conf import settings

    settings.ROOT_URLCONF = "rush_urls"
    from luoshi.cli import serve as luoshi_serve

    return luoshi_serve("127.0.0.1", port)


def start_server(db: str, port: int) -> subprocess.Popen:
    with open(province.BENCH_DIR / f"rush-server-{db}.log", "w") as log:  # waitress's queue-depth warnings
        server = subprocess.Popen([sys.executable, __file__, "--serve", db, "--port", str(port)],
                                  stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/{BARE_PATH}", timeout=2) as answer:
                if answer.status == 200:
                    return server
        except OSError:
            time.sleep(0.3)
    server.kill()
    raise SystemExit(f"{db}: the server did not answer on port {port} within 60 s")


# -- the people (client process, through the ORM) ------------------------------------------------------

@dataclass
class Slot:
    series: str
    period: str
    head: int
    value: Decimal


@dataclass
class Reporter:
    unit: str
    token: str
    slots: list[Slot]
    next: int = 0

    def items(self, n: int, *, advance: bool = True) -> list[tuple[Slot, dict]]:
        """The next N of the unit's figures, each a little higher, based on the revision last seen; ADVANCE
        False: the same ones again next time (for a request that writes nothing)."""
        chosen = [self.slots[(self.next + i) % len(self.slots)] for i in range(n)]
        if advance:
            self.next = (self.next + n) % len(self.slots)
        return [(s, {"series": s.series, "unit": self.unit, "period": s.period, "note": NOTE,
                     "value": float(s.value + Decimal("0.01")), "based_on": s.head}) for s in chosen]


def reporters(limit: int) -> list[Reporter]:
    """Up to LIMIT reporters, one per unit with assignments, with their unit's 2024–2025 figures, each starting
    after the figure written last: a run carries on the last run's cycle where it stopped, so no month gets two
    steps ahead of the month after it (its next correction would fall below that month's: 422, 累计数低于上期)."""
    from luoshi.accounts.models import ApiToken, User
    from luoshi.figures.models import Figure
    from luoshi.plans.models import Assignment
    from luoshi.units.models import Unit

    units = list(Unit.objects.filter(assignments__isnull=False).distinct().order_by("code")[:limit])
    people = []
    for unit in units:
        user, _ = User.objects.get_or_create(username=f"rush-{unit.code}",
                                             defaults={"role": User.Role.REPORTER, "unit": unit})
        _, key = ApiToken.issue(user, "rush")
        series = Assignment.objects.filter(unit=unit).values("target__series_id")
        figures = (Figure.objects.own().filter(unit=unit, series_id__in=series, head_revision__isnull=False,
                                         period_start__year__in=YEARS)
                   .order_by("period_end", "series_id").values_list("series__name", "period", "head_revision_id",
                                                                     "head_revision__value"))
        slots = [Slot(s, p, h, v) for s, p, h, v in figures if v is not None and v >= 0]
        if len(slots) >= BATCH:
            newest = max(range(len(slots)), key=lambda i: slots[i].head)
            people.append(Reporter(unit.code, key, slots, next=(newest + 1) % len(slots)))
    return people


def leaders(count: int) -> list[str]:
    """COUNT leader tokens, each for a city."""
    from luoshi.accounts.models import ApiToken, User
    from luoshi.units.models import Unit

    cities = list(Unit.objects.filter(kind=Unit.Kind.CITY, code__startswith="SIM").order_by("code"))
    tokens = []
    for i in range(count):
        city = cities[i % len(cities)]
        user, _ = User.objects.get_or_create(username=f"rush-lead-{city.code}",
                                             defaults={"role": User.Role.LEADER, "unit": city})
        tokens.append(ApiToken.issue(user, "rush")[1])
    return tokens


def stored(revisions: list[int]) -> int:
    from luoshi.figures.models import FigureRevision

    return sum(FigureRevision.objects.filter(pk__in=revisions[i:i + 500]).count()
               for i in range(0, len(revisions), 500))


# -- the load ------------------------------------------------------------------------------------------

@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    errors: Counter = field(default_factory=Counter)
    figures: int = 0

    def line(self, seconds: float) -> str:
        done = len(self.latencies)
        ordered = sorted(self.latencies)
        p50 = statistics.median(ordered) * 1000 if ordered else float("nan")
        p99 = ordered[min(done - 1, int(done * 0.99))] * 1000 if ordered else float("nan")
        errors = ", ".join(f"{k} ×{n}" for k, n in self.errors.most_common()) or "none"
        return (f"{done / seconds:8.1f} req/s {self.figures / seconds:9.1f} figures/s   p50 {p50:7.1f} ms  "
                f"p99 {p99:7.1f} ms   {done:6,} ok   errors: {errors}")



def cpu_seconds(pid: int) -> float | None:
    """User + system CPU seconds of process PID so far (Linux's /proc; None elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Load:
    def __init__(self, port: int, server_pid: int):
        self.base = f"http://127.0.0.1:{port}"
        self.server_pid = server_pid
        self.accepted: list[int] = []

    async def _request(self, session, tally: Tally, method: str, path: str, token: str | None,
                       body: dict | None = None) -> dict | None:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        started = time.perf_counter()
        try:
            async with session.request(method, self.base + path, json=body, headers=headers) as answer:
                data = await answer.read()
                status = answer.status
        except Exception as exc:  # every failure of the client is an error of its kind
            tally.errors[exc.__class__.__name__] += 1
            return None
        if status not in (200, 201):
            tally.errors[str(status)] += 1
            return None
        tally.latencies.append(time.perf_counter() - started)
        return json.loads(data)

    async def submitter(self, session, tally: Tally, reporter: Reporter, size: int, deadline: float) -> None:
        while time.perf_counter() < deadline:
            sent = reporter.items(size)
            answer = await self._request(session, tally, "POST", FIGURES, reporter.token,
                                         {"items": [item for _, item in sent]})
            for written in (answer or {}).get("written", []):
                slot = sent[written["item"] - 1][0]
                slot.head, slot.value = written["revision"], Decimal(str(written["value"]))
                self.accepted.append(written["revision"])
                tally.figures += 1

    async def floor(self, session, tally: Tally, reporter: Reporter, deadline: float) -> None:
        """One figure at a time to the ninja floor (nothing is written: the reporter's slots and place stay)."""
        while time.perf_counter() < deadline:
            sent = reporter.items(1, advance=False)
            await self._request(session, tally, "POST", f"/{FLOOR_PATH}/", reporter.token,
                                {"items": [item for _, item in sent]})

    async def reader(self, session, tally: Tally, path: str, token: str | None, deadline: float) -> None:
        while time.perf_counter() < deadline:
            await self._request(session, tally, "GET", path, token)

    async def run(self, duration: float, workers: list) -> float:
        """Run WORKERS (callables of session and deadline), one connection each, for DURATION seconds."""
        import aiohttp

        connector = aiohttp.TCPConnector(limit=0)
        timeout = aiohttp.ClientTimeout(total=300)
        async with aiohttp.ClientSession(connector=connector, timeout=timeout) as session:
            started = time.perf_counter()
            deadline = started + duration
            await asyncio.gather(*(work(session, deadline=deadline) for work in workers))
            return time.perf_counter() - started


def compare(load: Load, people: list[Reporter], connections: list[int], duration: float) -> None:
    """Bare view, one figure, a batch of 50: side by side at each number of connections."""
    print(f"  compare: {duration:g} s per kind and number of connections", flush=True)
    for n in connections:
        if n > len(people):
            print(f"  {n} connections: only {len(people)} reporters (units with ≥ {BATCH} figures); skipped")
            continue
        rates = {}
        for kind, size in (("bare view", 0), ("ninja floor", 0), ("POST 1 figure", 1), (f"POST {BATCH} figures", BATCH)):
            tally = Tally()
            before = cpu_seconds(load.server_pid)
            if size:
                workers = [functools.partial(load.submitter, tally=tally, reporter=r, size=size) for r in people[:n]]
            elif kind == "ninja floor":
                workers = [functools.partial(load.floor, tally=tally, reporter=r) for r in people[:n]]
            else:
                workers = [functools.partial(load.reader, tally=tally, path=f"/{BARE_PATH}", token=None)] * n
            seconds = asyncio.run(load.run(duration, workers))
            rates[kind] = len(tally.latencies) / seconds
            ratio = f"  {rates[kind] / rates['bare view']:6.1%} of bare" if kind != "bare view" else " " * 15
            print(f"  {n:4d} conns  {kind:<16} {tally.line(seconds)}{ratio}{_server_cpu(load, before, seconds, tally)}",
                  flush=True)


def _server_cpu(load: Load, before: float | None, seconds: float, tally: Tally) -> str:
    """The server's CPU over a measurement: its share of one core and its CPU ms per answered request."""
    after = cpu_seconds(load.server_pid)
    if before is None or after is None or not tally.latencies:
        return ""
    used = after - before
    return f"   server CPU {used / seconds:5.0%} of a core, {used * 1000 / len(tally.latencies):6.2f} ms/req"


def rush(load: Load, people: list[Reporter], leader_tokens: list[str], duration: float, batch: int) -> None:
    """N reporters submitting and N/10 leaders reading their city's dashboard, at the same time."""
    submits, reads = Tally(), Tally()
    workers = [functools.partial(load.submitter, tally=submits, reporter=r, size=batch) for r in people]
    workers += [functools.partial(load.reader, tally=reads, path="/api/v1/dashboard", token=t) for t in leader_tokens]
    print(f"  rush: {len(people)} reporters (batches of {batch}) and {len(leader_tokens)} leaders for "
          f"{duration:g} s", flush=True)
    seconds = asyncio.run(load.run(duration, workers))
    print(f"    submissions        {submits.line(seconds)}")
    print(f"    dashboard reads    {reads.line(seconds)}", flush=True)


def child(db: str, args) -> int:
    province.django_for(db)
    from django.db import connection

    meta = province.read_meta(db)
    wanted = max([*args.connections, args.reporters])
    people = reporters(wanted)
    print(f"{db} ({connection.vendor}), scale {meta['scale']}: {meta['figures']:,} figures; {len(people)} "
          f"reporters, {os.cpu_count()} cores, waitress threads {os.environ.get('LUOSHI_THREADS', 8)}", flush=True)
    connection.close()
    server = start_server(db, args.port)
    load = Load(args.port, server.pid)
    try:
        if args.part in ("compare", "both"):
            compare(load, people, args.connections, args.duration)
        if args.part in ("rush", "both"):
            team = people[:args.reporters]
            rush(load, team, leaders(max(1, len(team) // 10)), args.duration, args.batch)
    finally:
        server.terminate()
        server.wait(30)
    found = stored(load.accepted)
    print(f"  accepted revisions (201): {len(load.accepted):,}; found in the database: {found:,} "
          f"{'— all stored' if found == len(load.accepted) else '— MISSING ' + str(len(load.accepted) - found)}",
          flush=True)
    return 0 if found == len(load.accepted) else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", action="append", choices=["sqlite", "postgres"],
                        help="sqlite and/or postgres (default both)")
    parser.add_argument("--scale", type=float, help="generate at this scale if the data is missing or differs "
                        "(default: whatever was generated, else 0.1)")
    parser.add_argument("--regenerate", action="store_true")
    parser.add_argument("--part", choices=["compare", "rush", "both"], default="both")
    parser.add_argument("--connections", type=int, nargs="+", default=[10, 50, 200],
                        help="compare: numbers of connections (default 10 50 200)")
    parser.add_argument("--reporters", type=int, default=50, help="rush: reporters (leaders: a tenth)")
    parser.add_argument("--batch", type=int, default=10, help="rush: figures per submission")
    parser.add_argument("--duration", type=float, default=10, help="seconds per measurement (default 10)")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--serve", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        return serve(args.serve, args.port)
    if args.child:
        return child(args.child, args)
    province.run_per_database(args, __file__, [
        "--part", args.part, "--connections", *map(str, args.connections), "--reporters", str(args.reporters),
        "--batch", str(args.batch), "--duration", str(args.duration), "--port", str(args.port)])
    return 0


if __name__ == "__main__":
    sys.exit(main())
