"""Excel upload of 2,000 figures for one unit: read the file, validate every cell, write every revision.

On the simulated province of `province.py` (generated first when missing or at another scale):

    .venv/bin/python bench/excel_upload.py --scale 0.1            # both databases
    .venv/bin/python bench/excel_upload.py --db postgres --profile

The file (openpyxl, the template's Chinese headers 指标 单位 期间 数值 增速(%) 计量单位 来源 说明) holds
250 series × 8 months (1–2月 … 1–9月 of the year after the plan year): 2,000 new figures of one unit,
year-to-date values on a seasonal path, so every row is valid. Each run uploads for another unit of
the first city, so every run writes 2,000 new figures and revisions. Timed: `read_table` and
`submit(user=None, …)` (validation and write, one transaction, committed); printed with the dry run
(validation alone) for comparison. Goal ≤ 2 s.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import io
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import province  # noqa: E402

ROWS = 2000
SERIES = 250
YEAR = province.PLAN_YEAR + 1
MONTHS = list(range(2, 10))  # 1–2月 … 1–9月: 8 periods
TODAY = dt.date(YEAR, 11, 26)
HEADERS = ["指标", "单位", "期间", "数值", "增速(%)", "计量单位", "来源", "说明"]


def _series() -> list:
    """250 series to upload: the simulated province's, topped up with simulated upload-only series."""
    from luoshi.figures.models import Series

    have = list(Series.objects.filter(simulated=True).order_by("pk")[:SERIES])
    for i in range(len(have), SERIES):
        series, _ = Series.objects.get_or_create(
            name=f"模拟上传指标{i + 1:03d}",
            defaults={"unit_of_measure": "亿元", "frequency": "monthly", "accumulation": "flow",
                      "simulated": True})
        have.append(series)
    return have


def workbook(unit_code: str, series: list, seed: int) -> bytes:
    from openpyxl import Workbook

    from luoshi.lib.periods import Period

    rng = random.Random(seed)
    book = Workbook()
    sheet = book.active
    sheet.title = "填报"
    sheet.append(HEADERS)
    for s in series:
        annual, rate = rng.uniform(50, 900), rng.gauss(6.5, 2.0)
        share = 0.0
        for month in MONTHS:
            share += (0.15 if month == 2 else 0.0825) * (1 + rng.gauss(0, 0.05))
            if s.accumulation == "flow":
                value = round(annual * share, 2)
            elif s.unit_of_measure == "%":
                value = round(rng.uniform(40, 60), 2)
            else:
                value = round(annual * (1 + share / 10), 2)
            growth = round(rate + rng.gauss(0, 0.5), 1)
            sheet.append([s.name, unit_code, Period.month(YEAR, month).code, value, growth, s.unit_of_measure,
                          "模拟数据(基准测试)", ""])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _upload(name: str, content: bytes, dry_run: bool):
    from luoshi.figures.submission import submit
    from luoshi.figures.tabular import read_table

    started = time.perf_counter()
    entries = read_table(name, content)
    read = time.perf_counter() - started
    outcome = submit(None, entries, channel="excel", today=TODAY, dry_run=dry_run)
    total = time.perf_counter() - started
    return read, total - read, total, outcome


def child(db: str, repeat: int, profile: bool) -> int:
    province.django_for(db)
    from django.db import connection

    from luoshi.figures.models import Figure
    from luoshi.units.models import Unit

    meta = province.read_meta(db)
    series = _series()
    units = list(Unit.objects.filter(parent__code="SIM4101").order_by("order"))
    fresh = [u for u in units if not Figure.objects.filter(unit=u, period_start__year=YEAR).exists()]
    if len(fresh) < repeat + 1:
        print(f"{db}: only {len(fresh)} units without {YEAR} figures left; regenerate the province "
              f"(province.py --db {db} --scale {meta['scale']})")
        return 1
    print(f"{db} ({connection.vendor}), scale {meta['scale']}: {meta['figures']:,} figures in the database; "
          f"{ROWS:,}-row xlsx for one unit, {SERIES} series × {len(MONTHS)} months of {YEAR}; "
          f"median of {repeat} runs, each for another unit", flush=True)
    files = {u.code: workbook(u.code, series, seed=i) for i, u in enumerate(fresh[:repeat + 1])}
    first = fresh[0].code
    dry = _upload(f"{first}.xlsx", files[first], dry_run=True)
    runs = []
    for unit in fresh[:repeat]:
        if profile and unit is fresh[repeat - 1]:
            profiler = cProfile.Profile()
            profiler.enable()
            runs.append(_upload(f"{unit.code}.xlsx", files[unit.code], dry_run=False))
            profiler.disable()
        else:
            runs.append(_upload(f"{unit.code}.xlsx", files[unit.code], dry_run=False))
    written = {len(r[3].written) for r in runs}
    size = len(files[first]) / 1024
    read = statistics.median(r[0] for r in runs)
    submit_s = statistics.median(r[1] for r in runs)
    total = statistics.median(r[2] for r in runs)
    print(f"  file {size:,.0f} KiB, {len(dry[3].validation.changes):,} rows; written per run: {sorted(written)}")
    print(f"  dry run (read + validate)   {dry[2]:6.3f} s   (read_table {dry[0]:.3f} s, validate {dry[1]:.3f} s)")
    print(f"  upload: read_table          {read:6.3f} s")
    print(f"          submit (validate + write) {submit_s:6.3f} s")
    print(f"          total               {total:6.3f} s   (goal ≤ 2 s) {'met' if total <= 2 else 'MISSED'}",
          flush=True)
    if profile:
        province.print_profile(profiler, "one upload", "  ", cumulative=35)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", action="append", choices=["sqlite", "postgres"],
                        help="sqlite and/or postgres (default both)")
    parser.add_argument("--scale", type=float, help="generate at this scale if the data is missing or differs "
                        "(default: whatever was generated, else 0.1)")
    parser.add_argument("--regenerate", action="store_true")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", action="store_true", help="cProfile one upload")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args.child, args.repeat, args.profile)
    province.run_per_database(args, __file__, ["--repeat", str(args.repeat),
                                               *(["--profile"] if args.profile else [])])
    return 0


if __name__ == "__main__":
    sys.exit(main())
