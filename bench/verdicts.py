"""Kept verdicts on the simulated province: every read of them against the bare SQL that feeds it, side by side.

On the simulated province of `province.py` (generated first when missing or at another scale):

    .venv/bin/python bench/verdicts.py --scale 0.01            # both databases, quick
    .venv/bin/python bench/verdicts.py --db postgres --scale 0.1

First the daily refresh (`luoshi verdicts refresh --all --period 2025M08`) keeps every verdict judged
today at 1–8月 of the plan year (as `status.py`), and is timed. Then, median of --repeat
runs after one warm-up, each beside its bare SQL in the same run:

- status, one city and the province: `target_rows` + `assignment_rows` (what `luoshi status` and
  GET /api/v1/status read), and `luoshi status --plan` (the command's rows, plan titles added), against
  the one figure SELECT the engine would read for the same verdicts (as `status.py`);
- dashboard of one city (all cards), one unit's dashboard, the ranking and GET /api/v1/dashboard as a
  signed-in leader of the province, each against (a) the queries that page ran once what it reads is
  kept, executed again with `connection.cursor()` and fetched (`dashboard.py`'s floor), and (b) the
  figure SELECT the engine would need for its verdicts; and the same page with the cache emptied before
  each read (its rendering built again from the kept verdicts: what the first reader after a change pays).
The goal is each ratio ≤ 1.5×.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import dashboard  # noqa: E402
import province  # noqa: E402
import status  # noqa: E402

AT = dashboard.AT


def _leader():
    from luoshi.accounts.models import User
    from luoshi.units.models import Unit

    user, _ = User.objects.update_or_create(username="bench-city-leader", defaults={
        "role": User.Role.LEADER, "display_name": "基准测试市领导(模拟)", "unit": Unit.objects.get(code="SIM4101")})
    return user


def _figure_sql(targets, unit_ids):
    from luoshi.figures.status import _years

    targets = list(targets.select_related("plan"))
    series_ids = sorted({t.series_id for t in targets if t.series_id})
    years = _years(targets)
    return lambda: status._bare_sql(series_ids, unit_ids, years)


def _line(name: str, seconds: float, floor: float, floor_name: str, cpu: float | None = None,
          floor_cpu: float | None = None) -> None:
    """SECONDS against FLOOR, wall clock (and this process's CPU: all of SQLite's work, steadier on a busy machine)."""
    more = f"   (CPU {cpu:.4f} s, {cpu / max(floor_cpu, 1e-9):5.2f}×)" if cpu is not None else ""
    print(f"    {name:<52} {seconds:8.4f} s   ratio {seconds / floor:5.2f}× the {floor_name}{more}", flush=True)


def _paired(fn, floor, repeat: int, floor_name: str) -> None:
    """FN and its FLOOR run in turn (`status._side_by_side`): the median of the pairs' ratios."""
    *_, paired, _ = status._side_by_side(fn, floor, repeat)
    _paired_line(paired, status._side_by_side.cpu[2], repeat, floor_name)


def _paired_line(paired: float, paired_cpu: float, repeat: int, floor_name: str) -> None:
    print(f"    {'the same and its floor run in turn: their pairs':<52} {'':8} ratio {paired:5.2f}× the {floor_name}"
          f"   (CPU {paired_cpu:5.2f}×)   median of {repeat} pairs' ratios", flush=True)


def _status(repeat: int) -> None:
    from luoshi.lib.periods import parse

    for name, (targets, assignments, unit_ids) in status._scopes().items():
        _status_of(name, targets, assignments, unit_ids, parse(AT), repeat)


def _status_of(name, targets, assignments, unit_ids, at, repeat: int) -> None:
    from luoshi.verdicts.cli import status_rows
    from luoshi.verdicts.keeping import assignment_rows, target_rows

    bare, figures = status._median_time(_figure_sql(targets, unit_ids), repeat)
    bare_cpu = status._median_time.cpu
    rows_time, rows = status._median_time(
        lambda: target_rows(targets, at) + assignment_rows(assignments, at), repeat)
    mix = Counter(r["status"] for r in rows)
    print(f"  status, {name}: {len(rows):,} kept verdicts (" + ", ".join(f"{k} {mix[k]:,}" for k in
          ("green", "yellow", "red", "grey")) + f"); the engine would read {len(figures):,} figures")
    print(f"    {'bare SQL (the figures, one SELECT, fetchall)':<52} {bare:8.4f} s   (CPU {bare_cpu:.4f} s)")
    _line("target_rows + assignment_rows (kept, no recompute)", rows_time, bare, "bare SQL",
          status._median_time.cpu, bare_cpu)
    _paired(lambda: target_rows(targets, at) + assignment_rows(assignments, at), _figure_sql(targets, unit_ids),
            repeat, "bare SQL")
    if name == "one city":
        plan = targets.first().plan_id
        cli, _ = status._median_time(lambda: status_rows(plan, AT), repeat)
        _line("luoshi status --plan (its rows, plans named)", cli, bare, "bare SQL", status._median_time.cpu,
              bare_cpu)


def _client(user):
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client


def _page(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response


def _pages(repeat: int) -> None:
    from luoshi.plans.models import Assignment, Plan
    from luoshi.units.models import Unit

    user = _leader()
    client = _client(user)
    plan = Plan.objects.filter(simulated=True, issuer__code="SIM4101").first()
    city = Unit.objects.get(code="SIM4101")
    city_ids = [city.pk, *Unit.objects.filter(parent=city).values_list("pk", flat=True)]
    unit = Assignment.objects.filter(target__plan=plan).values_list("unit__code", flat=True).first()
    query = f"plan={plan.pk}&period={AT}"
    figures_of_city = _figure_sql(plan.targets.all(), [city.pk])
    figures_of_units = _figure_sql(plan.targets.all(), city_ids[1:])
    unit_pk = Unit.objects.get(code=unit).pk
    figures_of_unit = _figure_sql(plan.targets.all(), [unit_pk])
    empty, _ = status._median_time(lambda: _page(client, "/accounts/password/"), repeat)
    print(f"  an empty signed-in page (/accounts/password/: session, middleware, base template): {empty:.4f} s "
          f"(CPU {status._median_time.cpu:.4f} s), what every page below pays before its own work")
    for name, url, figures in [
            ("dashboard, one city (all cards)", f"/dashboard/?{query}", figures_of_city),
            (f"dashboard, one unit ({unit})", f"/dashboard/?{query}&unit={unit}", figures_of_unit),
            ("ranking, one city", f"/dashboard/ranking/?{query}", figures_of_units),
            ("GET /api/v1/dashboard, one city", f"/api/v1/dashboard?{query}", figures_of_city)]:
        _page_of(name, client, url, figures, repeat)


def _page_of(name: str, client, url: str, figures, repeat: int) -> None:
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _page(client, url)  # what it reads is kept (and, with `dashboard.rendered`, its rendering too)
    with CaptureQueriesContext(connection) as captured:
        _page(client, url)
    statements = [(q["sql"], None) for q in captured.captured_queries]  # None: no placeholders parsed (LIKE …%)
    own, rows = status._median_time(lambda: dashboard._bare_sql(statements), repeat)
    own_cpu = status._median_time.cpu
    figure_rows = figures()
    page, bare, paired, response = status._side_by_side(lambda: _page(client, url), figures, repeat)
    page_cpu, bare_cpu, paired_cpu = status._side_by_side.cpu
    cold, _ = status._median_time(lambda: (cache.clear(), _page(client, url)), repeat)
    cold_cpu = status._median_time.cpu
    cards = response.content.decode().count('class="target-card')
    print(f"  {name}: {len(statements)} queries, {rows:,} rows, {len(response.content):,} bytes"
          f"{f', {cards} cards rendered' if cards else ''}; the engine would read {len(figure_rows):,} figures")
    print(f"    {'its own queries, fetchall':<52} {own:8.4f} s")
    print(f"    {'bare SQL (the figures its verdicts are judged on)':<52} {bare:8.4f} s")
    _line("the page (client, middleware, view, template)", page, own, "own queries", page_cpu, own_cpu)
    _line("", page, bare, "figure SQL", page_cpu, bare_cpu)
    _paired_line(paired, paired_cpu, repeat, "figure SQL")
    _line("the page, cache emptied (board and cards rendered)", cold, bare, "figure SQL", cold_cpu, bare_cpu)


def child(db: str, repeat: int, refresh_runs: int = 2, part: str = "all") -> int:
    province.django_for(db)
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import override_settings

    plain = {**settings.STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
    override_settings(STORAGES=plain, ALLOWED_HOSTS=["*"]).enable()
    call_command("migrate", verbosity=0)  # the verdicts table, on a province generated before it

    from luoshi.lib.periods import parse
    from luoshi.plans.models import Plan

    meta = province.read_meta(db)
    print(f"{db} ({connection.vendor}), scale {meta['scale']}: {meta['figures']:,} figures; judged at {AT}, "
          f"today {dt.date.today()}; median of {repeat} runs", flush=True)
    from django.apps import apps

    if not apps.is_installed("luoshi.verdicts"):  # a checkout from before the kept verdicts: the engine's pages
        _pages(repeat)
        return 0
    from luoshi.verdicts.keeping import refresh_plans

    for run in ("first run", "second run")[:refresh_runs]:
        started = time.perf_counter()
        kept = sum(count for _, count in refresh_plans(Plan.objects.filter(simulated=True), at=parse(AT)))
        print(f"  daily refresh, {run}: {kept:,} verdicts judged and kept in {time.perf_counter() - started:.1f} s",
              flush=True)
    if part in ("all", "status"):
        _status(repeat)
    if part in ("all", "pages"):
        _pages(repeat)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", action="append", choices=["sqlite", "postgres"],
                        help="sqlite and/or postgres (default both)")
    parser.add_argument("--scale", type=float, help="generate at this scale if the data is missing or differs "
                        "(default: whatever was generated, else 0.1)")
    parser.add_argument("--regenerate", action="store_true")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--refresh-runs", type=int, default=2, choices=[0, 1, 2],
                        help="timed daily refreshes before the reads (0: none; what is not kept is kept on first read)")
    parser.add_argument("--part", choices=["all", "status", "pages"], default="all",
                        help="pages: only the pages (at full size, what they read is kept on their first read)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args.child, args.repeat, args.refresh_runs, args.part)
    province.run_per_database(args, __file__, ["--repeat", str(args.repeat), "--refresh-runs", str(args.refresh_runs),
                                               "--part", args.part])
    return 0


if __name__ == "__main__":
    sys.exit(main())
