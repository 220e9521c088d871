"""Status of every target and assignment, for one city and for the whole province, against the bare SQL.

On the simulated province of `province.py` (generated first when missing or at another scale):

    .venv/bin/python bench/status.py --scale 0.1              # both databases
    .venv/bin/python bench/status.py --db sqlite --scale 1     # full size, SQLite only
    .venv/bin/python bench/status.py --scale 0.1 --profile    # and where the time goes

Times, median of --repeat runs after one warm-up:
- service: `judge_targets` + `judge_assignments` on the targets and assignments already loaded (the
  status service proper: one figures query each, then the engine per target);
- end to end: the same plus loading the targets and assignments (select_related, as `luoshi status`);
- bare SQL: one `SELECT series_id, unit_id, period, value, growth FROM figures_figure WHERE …` with the
  service's own conditions, fetched into Python through `connection.cursor()`: the same figures.
The ratio service ÷ bare SQL is the goal (≤ 1.5×).

Judged at 1–8月 of the plan year with "today" 20 September (a mid-year picture with green, yellow,
red and grey), the plan year's and the year before's figures read (the seasonal profile).
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import gc
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import province  # noqa: E402

TODAY = dt.date(province.PLAN_YEAR, 9, 20)


def _median_time(fn, repeat: int, warm_up: bool = True) -> tuple[float, object]:
    """Median wall-clock seconds of REPEAT runs of FN (and its last result); `cpu` keeps this process's
    CPU seconds (all of SQLite's work, only the client's for PostgreSQL), less sensitive to a busy machine."""
    result = fn() if warm_up else None  # warm-up: connection, caches, first parse of the period codes
    times, cpu = [], []
    for _ in range(repeat):
        result = None  # the previous run's objects go before the next starts
        gc.collect()
        started, started_cpu = time.perf_counter(), time.process_time()
        result = fn()
        times.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    _median_time.cpu = statistics.median(cpu)
    return statistics.median(times), result


def _side_by_side(fn, floor, repeat: int) -> tuple[float, float, float, object]:
    """FN and FLOOR run in turn, REPEAT times each (after one warm-up of both): the median wall-clock seconds of
    each, the median of the pairs' ratios (each pair measured within milliseconds of each other, so a machine
    whose speed drifts between seconds moves both), and FN's last result; `cpu` keeps the same three for this
    process's CPU seconds."""
    result = fn()
    floor()
    pairs = []
    for _ in range(repeat):
        result = None
        measured = []
        for run in (floor, fn):
            gc.collect()
            started, started_cpu = time.perf_counter(), time.process_time()
            outcome = run()
            measured.append((time.perf_counter() - started, time.process_time() - started_cpu))
        result = outcome
        pairs.append(measured)
    wall = [(f[0], b[0]) for b, f in pairs]
    cpu = [(f[1], b[1]) for b, f in pairs]
    _side_by_side.cpu = _medians(cpu)
    return (*_medians(wall), result)


def _medians(pairs: list[tuple[float, float]]) -> tuple[float, float, float]:
    return (statistics.median(a for a, _ in pairs), statistics.median(b for _, b in pairs),
            statistics.median(a / max(b, 1e-9) for a, b in pairs))


def _scopes():
    from luoshi.plans.models import Assignment, Target
    from luoshi.units.models import Unit

    city = Unit.objects.get(code="SIM4101")
    city_ids = [city.pk, *Unit.objects.filter(parent=city).values_list("pk", flat=True)]
    province_ids = list(Unit.objects.filter(code__startswith="SIM41").exclude(kind="province").values_list(
        "pk", flat=True))
    scopes = {
        "one city": (Target.objects.filter(plan__simulated=True, plan__issuer=city),
                     Assignment.objects.filter(target__plan__simulated=True, target__plan__issuer=city), city_ids),
        "province": (Target.objects.filter(plan__simulated=True),
                     Assignment.objects.filter(target__plan__simulated=True), province_ids),
    }
    return scopes


def _load(targets, assignments):
    targets = list(targets.select_related("plan", "front", "series", "region_unit"))
    assignments = list(assignments.select_related("unit", "target__plan", "target__front", "target__series",
                                                  "target__region_unit"))
    return targets, assignments


def _service(targets, assignments, at):
    from luoshi.figures.status import judge_assignments, judge_targets

    return judge_targets(targets, at, TODAY) + judge_assignments(assignments, at, TODAY)


def _bare_sql(series_ids, unit_ids, years) -> list:
    """The figures the service reads, in one plain query, fetched into Python."""
    from django.db import connection

    from luoshi.figures.models import Figure

    project = " AND project_id IS NULL" if any(f.name == "project" for f in Figure._meta.concrete_fields) else ""
    s_marks, u_marks = ", ".join(["%s"] * len(series_ids)), ", ".join(["%s"] * len(unit_ids))
    sql = (f"SELECT series_id, unit_id, period, value, growth FROM figures_figure "
           f"WHERE series_id IN ({s_marks}) AND unit_id IN ({u_marks}){project} "
           f"AND approved_revision_id IS NOT NULL AND period_end >= %s AND period_end <= %s")
    params = [*series_ids, *unit_ids, dt.date(years[0], 1, 1), dt.date(years[1], 12, 31)]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def child(db: str, repeat: int, province_repeat: int, profile: bool) -> int:
    province.django_for(db)
    from django.db import connection

    from luoshi.lib.periods import Period

    meta = province.read_meta(db)
    at = Period.month(province.PLAN_YEAR, province.AT_MONTH)
    print(f"{db} ({connection.vendor}), scale {meta['scale']}: {meta['figures']:,} figures in the database; "
          f"judged at {at.code} ({at.label_zh}), today {TODAY}; median of {repeat} runs (province: "
          f"{province_repeat})", flush=True)
    for name, (target_qs, assignment_qs, unit_ids) in _scopes().items():
        reps = repeat if name == "one city" else province_repeat
        _measure(name, target_qs, assignment_qs, unit_ids, at, reps, profile and name == "one city")
    return 0


def _measure(name, target_qs, assignment_qs, unit_ids, at, reps, profile) -> None:
    from luoshi.figures.status import _years, load_observations

    warm = name == "one city"  # the province runs are long enough, and follow the bare SQL's warm-up
    loading_objects, (targets, assignments) = _median_time(lambda: _load(target_qs, assignment_qs), reps, warm)
    years = _years(targets)
    series_ids = sorted({t.series_id for t in targets})
    bare, rows = _median_time(lambda: _bare_sql(series_ids, unit_ids, years), reps)
    bare_cpu = _median_time.cpu
    service, judged = _median_time(lambda: _service(targets, assignments, at), reps, warm)
    service_cpu = _median_time.cpu
    end_to_end = loading_objects + service
    pairs_t = {(t.series_id, t.region_unit_id) for t in targets}
    pairs_a = {(a.target.series_id, a.unit_id) for a in assignments}
    loading, _ = _median_time(lambda: (load_observations(pairs_t, years), load_observations(pairs_a, years)),
                              reps, warm)
    statuses = Counter(j.verdict.status.value for j in judged)
    mix = ", ".join(f"{k} {statuses.get(k, 0):,}" for k in ("green", "yellow", "red", "grey"))
    print(f"  {name}: {len(targets):,} targets + {len(assignments):,} assignments = {len(judged):,} verdicts "
          f"({mix}); {len(rows):,} figures read")
    print(f"    bare SQL (one SELECT, fetchall)             {bare:8.3f} s   (CPU in this process {bare_cpu:.3f} s)")
    print(f"    service judge_targets+judge_assignments     {service:8.3f} s   ratio {service / bare:5.2f}×  "
          f"(goal ≤ 1.5×)   (CPU {service_cpu:.3f} s, ratio {service_cpu / max(bare_cpu, 1e-9):.2f}×)")
    print(f"      of which load_observations (2 queries → Observations) {loading:.3f} s, "
          f"the rest (split, engine) {service - loading:.3f} s")
    print(f"    end to end (+ loading targets, assignments {loading_objects:.3f} s) {end_to_end:8.3f} s   "
          f"ratio {end_to_end / bare:5.2f}×", flush=True)
    if profile:
        _profile(lambda: _service(targets, assignments, at))


def _profile(fn) -> None:
    profiler = cProfile.Profile()
    profiler.enable()
    fn()
    profiler.disable()
    province.print_profile(profiler, "one city", "    ")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", action="append", choices=["sqlite", "postgres"],
                        help="sqlite and/or postgres (default both)")
    parser.add_argument("--scale", type=float, help="generate at this scale if the data is missing or differs "
                        "(default: whatever was generated, else 0.1)")
    parser.add_argument("--regenerate", action="store_true")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--province-repeat", type=int, default=3, help="runs for the province (default 3)")
    parser.add_argument("--profile", action="store_true", help="cProfile the one-city service run")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args.child, args.repeat, args.province_repeat, args.profile)
    province.run_per_database(args, __file__, ["--repeat", str(args.repeat), "--province-repeat",
                                               str(args.province_repeat), *(["--profile"] if args.profile else [])])
    return 0


if __name__ == "__main__":
    sys.exit(main())
