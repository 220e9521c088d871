"""A simulated province for the scale benchmarks: 18 cities × 300 targets × 20 units, 5 years of monthly figures.

Everything generated is marked simulated: the plans (`simulated=True`, titles 【模拟】…), the series
(`simulated=True`, names 模拟…), the units (names 模拟…, codes SIM…). It goes into the bench's own
database, never the real one:

    .venv/bin/python bench/province.py --db sqlite --scale 0.01     # quick
    .venv/bin/python bench/province.py --db postgres                # full size, ≈ 6.2 M figures

SQLite lives in $LUOSHI_BENCH_DIR (default /tmp/luoshi-bench); PostgreSQL is the database
`$LUOSHI_BENCH_POSTGRES_DB` (default `luoshi_bench`) on $LUOSHI_BENCH_POSTGRES (default postgres://postgres@127.0.0.1:5432), dropped and
created again on every generation. A JSON file next to the SQLite file records what was generated
(scale, counts, time), so `status.py` and `excel_upload.py` can reuse the data.

The figures: monthly year-to-date (1–2月, then 3…12月: 11 periods a year) for every (series, unit)
pair — each city's own figure for each of its targets and each of its 20 units' figures for the
assignments — each with one approved revision. Units follow their own trend with a seasonal profile
and noise; the city figure is the sum (levels, counts) or mean (rates) of its units'. Targets are set
around the trend with a spread, so verdicts are a mix of green, yellow and red; about 3% of pairs
stop reporting in the plan year (grey, 逾期未报) and 1% never report (grey, 无数据).
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import io
import json
import os
import pstats
import random
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

BENCH_DIR = Path(os.environ.get("LUOSHI_BENCH_DIR", "/tmp/luoshi-bench"))
POSTGRES_SERVER = os.environ.get("LUOSHI_BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
POSTGRES_DB = os.environ.get("LUOSHI_BENCH_POSTGRES_DB", "luoshi_bench")
PLAN_YEAR = 2025  # the plan year judged; figures run from PLAN_YEAR - years + 1 to PLAN_YEAR
AT_MONTH = 8  # status is judged at 1–8月 of the plan year, "today" 20 September: a mid-year picture
FRONTS = ["经济发展", "创新引领", "产业迭代", "枢纽经济", "城市治理", "营商环境"]

# (share of targets, template): kind, accumulation, series unit, target unit, bound, base name
KINDS = [
    (0.35, ("level", "flow", "亿元", "亿元", "min", "固定资产投资额")),
    (0.10, ("count", "flow", "个", "个", "min", "新签约项目数")),
    (0.15, ("level", "stock", "家", "家", "min", "高新技术企业数")),
    (0.15, ("growth", "flow", "亿元", "%", "min", "地区生产总值")),
    (0.10, ("share", "stock", "%", "%", "min", "规上工业企业研发活动覆盖率")),
    (0.08, ("reduction", "stock", "吨标准煤/万元", "%", "min", "单位生产总值能耗")),
    (0.07, ("reduction", "stock", "%", "%", "max", "城镇调查失业率")),
]


# -- Django -------------------------------------------------------------------------------------------

def database_url(db: str) -> str:
    if db == "sqlite":
        return f"sqlite:///{BENCH_DIR / 'bench.sqlite3'}"
    return f"{POSTGRES_SERVER}/{POSTGRES_DB}"


def postgres_unreachable() -> str | None:
    """Why PostgreSQL cannot be used (None when it can)."""
    import psycopg

    try:
        with psycopg.connect(f"{POSTGRES_SERVER}/postgres", connect_timeout=3):
            return None
    except Exception as exc:  # any failure to connect is a reason to skip
        return f"{exc.__class__.__name__}: {str(exc).strip().splitlines()[0] if str(exc).strip() else ''}"


def recreate_postgres() -> None:
    import psycopg

    with psycopg.connect(f"{POSTGRES_SERVER}/postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {POSTGRES_DB} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {POSTGRES_DB}")


def meta_path(db: str) -> Path:
    return BENCH_DIR / f"{db}.json"


def read_meta(db: str) -> dict | None:
    path = meta_path(db)
    return json.loads(path.read_text()) if path.exists() else None


def django_for(db: str) -> None:
    """Configure Django on the bench database DB ('sqlite' or 'postgres') in this process (once)."""
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    data_dir = BENCH_DIR / "data"
    data_dir.mkdir(exist_ok=True)
    os.environ["DJANGO_SETTINGS_MODULE"] = "luoshi.settings"
    os.environ["LUOSHI_DEBUG"] = "1"
    os.environ["LUOSHI_DATA_DIR"] = str(data_dir)
    os.environ["DATABASE_URL"] = database_url(db)
    import django

    django.setup()
    from django.conf import settings

    settings.DEBUG = False  # no query log: it would grow by millions of entries


def migrate() -> None:
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


# -- generation ---------------------------------------------------------------------------------------

def _kind_plan(n: int) -> list[tuple]:
    """N target templates in the KINDS proportions, interleaved (every kind present when N ≥ 7)."""
    counts = [max(1, round(share * n)) for share, _ in KINDS]
    while sum(counts) > n and max(counts) > 1:
        counts[counts.index(max(counts))] -= 1
    while sum(counts) < n:
        counts[0] += 1
    plan = []
    for i, (_, template) in enumerate(KINDS):
        plan += [(j / counts[i], template) for j in range(counts[i])]
    return [template for _, template in sorted(plan, key=lambda x: x[0])][:n]


def _periods(years: list[int]) -> list[tuple]:
    from luoshi.lib.periods import Period

    out = []
    for year in years:
        for month in range(2, 13):
            p = Period.month(year, month)
            out.append((year, month, p.code, p.start_date, p.end_date))
    return out


SEASON = [0, 0, 15.0, 8.0, 8.3, 8.5, 8.7, 8.2, 8.4, 8.6, 8.9, 9.3, 11.1]  # month weights, 1–2月 together


def _ytd_profile(rng: random.Random) -> list[float]:
    """Cumulative share of the year at months 2..12 (index = month), seasonal with noise."""
    weights = [0.0] * 13
    for m in range(2, 13):
        weights[m] = SEASON[m] * (1 + rng.gauss(0, 0.06))
    total = sum(weights)
    shares, running = [0.0] * 13, 0.0
    for m in range(2, 13):
        running += weights[m]
        shares[m] = running / total
    return shares


def _flow_track(rng, years, base, trend, integer=False) -> dict:
    """(year, month) → (ytd value, ytd growth %) of a flow with a yearly trend and a seasonal profile."""
    out, annual = {}, base
    for i, year in enumerate(years):
        if i:
            annual *= 1 + trend + rng.gauss(0, 0.025)
        profile = _ytd_profile(rng)
        for m in range(2, 13):
            value = annual * profile[m]
            out[(year, m)] = round(value) if integer else value
    levels = dict(out)
    for (year, m), value in levels.items():
        before = levels.get((year - 1, m))
        growth = (value / before - 1) * 100 if before else (trend + rng.gauss(0, 0.02)) * 100
        out[(year, m)] = (value, growth)
    return out


def _stock_track(rng, years, base, trend) -> dict:
    out, level = {}, base
    for year in years:
        start, rate = level, trend + rng.gauss(0, 0.03)
        for m in range(2, 13):
            level = round(start * (1 + rate * m / 12 + rng.gauss(0, 0.004)))
            out[(year, m)] = (level, None)
    return out


def _share_track(rng, years, base, step) -> dict:
    out, level = {}, base
    for year in years:
        start, gain = level, step + rng.gauss(0, 1.0)
        for m in range(2, 13):
            level = min(99.0, start + gain * m / 12 + rng.gauss(0, 0.15))
            out[(year, m)] = (level, None)
    return out


def _intensity_track(rng, years, base, fall) -> dict:
    """Energy intensity: level falls by about FALL % a year; growth is the published YTD change."""
    out, prev = {}, {}
    for year in years:
        rate = -(fall + rng.gauss(0, 1.2))
        for m in range(2, 13):
            if (year - 1, m) in prev:
                value = prev[(year - 1, m)] * (1 + (rate + rng.gauss(0, 0.3)) / 100)
                growth = (value / prev[(year - 1, m)] - 1) * 100
            else:
                value, growth = base * (1 + rng.gauss(0, 0.01)), rate
            prev[(year, m)] = value
            out[(year, m)] = (value, growth)
    return out


def _rate_track(rng, years, base) -> dict:
    out, level = {}, base
    for year in years:
        for m in range(2, 13):
            level = max(2.0, level + rng.gauss(0, 0.08))
            out[(year, m)] = (level, None)
    return out


def _unit_track(rng, template, years, weight) -> dict:
    kind, accumulation, *_ = template
    if kind in ("level", "growth") and accumulation == "flow":
        return _flow_track(rng, years, 800 * weight * rng.uniform(0.5, 1.5), rng.gauss(0.07, 0.025))
    if kind == "count":
        return _flow_track(rng, years, 400 * weight * rng.uniform(0.5, 1.5), rng.gauss(0.08, 0.03), integer=True)
    if accumulation == "stock" and kind == "level":
        return _stock_track(rng, years, 3000 * weight * rng.uniform(0.5, 1.5), rng.gauss(0.10, 0.03))
    if kind == "share":
        return _share_track(rng, years, rng.uniform(35, 65), rng.uniform(1.5, 4.0))
    if template[3] == "%" and template[2] == "%":  # unemployment-like rate, 控制在 X 以内
        return _rate_track(rng, years, rng.uniform(4.6, 5.6))
    return _intensity_track(rng, years, rng.uniform(0.35, 0.7), rng.uniform(2.0, 4.0))


def _city_track(template, unit_tracks: list[dict]) -> dict:
    """The city figure: sum of its units' (levels, counts) or their mean (rates), growth recomputed."""
    kind, accumulation, *_ = template
    keys = unit_tracks[0].keys()
    summed = (kind in ("level", "count", "growth"))
    out = {}
    for key in keys:
        values = [t[key][0] for t in unit_tracks]
        value = sum(values) if summed else sum(values) / len(values)
        growths = [t[key][1] for t in unit_tracks if t[key][1] is not None]
        out[key] = (value, None)
        if growths:
            before = out.get((key[0] - 1, key[1]))
            growth = (value / before[0] - 1) * 100 if before else sum(growths) / len(growths)
            out[key] = (value, growth)
    return out


def _target_value(rng, template, track, plan_year) -> tuple[float, float | None]:
    """The city's target for the plan year and its baseline (None: the engine takes last year's)."""
    kind, accumulation, _, unit, bound, _ = template
    last = track[(plan_year - 1, 12)]
    if kind in ("level", "count") and accumulation == "flow":
        value = last[0] * (1 + rng.gauss(0.085, 0.04))
        return (round(value) if kind == "count" else round(value, 1)), None
    if kind == "level":
        return round(last[0] * (1 + rng.gauss(0.11, 0.035))), None
    if kind == "growth":
        return round(rng.gauss(7.0, 1.2), 1), None
    if kind == "share":
        return round(last[0] + rng.gauss(3.0, 1.5), 1), None
    if bound == "max":
        return round(last[0] + rng.gauss(0.3, 0.35), 1), None
    return round(rng.gauss(3.0, 0.8), 1), None  # 下降 X%


def _assignment_value(rng, template, city_target, unit_track, city_track, plan_year):
    kind, accumulation, *_ = template
    if kind in ("level", "count"):
        weight = unit_track[(plan_year - 1, 12)][0] / (city_track[(plan_year - 1, 12)][0] or 1)
        quota = city_target * weight * (1 + rng.gauss(0, 0.02))
        return round(quota) if kind == "count" or accumulation == "stock" else round(quota, 2)
    if kind == "share":
        return round(unit_track[(plan_year - 1, 12)][0] + rng.gauss(3.0, 1.5), 1)
    if kind == "growth":
        return round(city_target + rng.gauss(0, 0.8), 1)
    return city_target


def build_province(cities: int = 18, targets_per_city: int = 300, units_per_city: int = 20, years: int = 5,
                   seed: int = 1, revisions: str = "all", log=print) -> dict:
    """Generate the province into the configured (empty, migrated) database; returns counts and seconds."""
    from django.db import connection, transaction

    from luoshi.figures.models import Figure, FigureRevision, Series
    from luoshi.plans.models import Assignment, Front, Plan, Target
    from luoshi.units.models import Unit

    started = time.perf_counter()
    rng = random.Random(seed)
    writer = RowWriter()
    plan_year = PLAN_YEAR
    year_list = list(range(plan_year - years + 1, plan_year + 1))
    periods = _periods(year_list)
    templates = _kind_plan(targets_per_city)

    province = Unit.objects.create(name="模拟省", code="SIM41", kind="province", order=0)
    series = []
    for i, template in enumerate(templates):
        kind, accumulation, series_unit, *_rest, base = template
        frequency = "monthly"
        series.append(Series(name=f"模拟{base}{i + 1:03d}", unit_of_measure=series_unit, frequency=frequency,
                             accumulation=accumulation, due_day=10, simulated=True))
    Series.objects.bulk_create(series)
    series = list(Series.objects.filter(simulated=True).order_by("pk"))

    figure_id = (Figure.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
    revision_id = (FigureRevision.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
    counts = dict(units=1, plans=0, fronts=0, targets=0, assignments=0, series=len(series), figures=0, revisions=0)
    tz = dt.timezone(dt.timedelta(hours=8))
    submitted = {p[2]: dt.datetime.combine(_due(p[4]), dt.time(9, 0), tzinfo=tz) for p in periods}
    if connection.vendor == "sqlite":  # as Django stores them: dates ISO, datetimes naive UTC text
        periods = [(y, m, code, start.isoformat(), end.isoformat()) for y, m, code, start, end in periods]
        submitted = {code: t.astimezone(dt.UTC).replace(tzinfo=None).isoformat(" ") for code, t in submitted.items()}
    batch = 20000

    for c in range(1, cities + 1):
        city_started = time.perf_counter()
        with transaction.atomic():
            city = Unit.objects.create(name=f"模拟市{c:02d}", code=f"SIM41{c:02d}", kind="city", parent=province,
                                       order=c)
            units = Unit.objects.bulk_create([
                Unit(name=f"模拟市{c:02d}" + (f"第{u:02d}区" if u <= 12 else f"部门{u:02d}"),
                     code=f"SIM41{c:02d}{u:02d}", kind="district" if u <= 12 else "department",
                     parent=city, order=u, path=f"{city.path}SIM41{c:02d}{u:02d}/")  # bulk_create skips save()
                for u in range(1, units_per_city + 1)])
            units = list(Unit.objects.filter(parent=city).order_by("order"))
            weights = [rng.uniform(0.5, 1.5) for _ in units]
            total_weight = sum(weights)
            weights = [w / total_weight for w in weights]

            sentences, targets_spec = [], []
            tracks = []
            for i, template in enumerate(templates):
                unit_tracks = [_unit_track(rng, template, year_list, w) for w in weights]
                city_track = _city_track(template, unit_tracks)
                value, baseline = _target_value(rng, template, city_track, plan_year)
                tracks.append((city_track, unit_tracks))
                targets_spec.append((value, baseline))
                sentences.append(_sentence(template, series[i].name, value))
            text = "".join(sentences)
            plan = Plan.objects.create(
                title=f"【模拟】模拟市{c:02d}{plan_year}年主要目标", issuer=city, year=plan_year,
                region=city.name, text=text, status="published", simulated=True,
                source_title="基准测试生成的模拟规划(非真实数据)")
            fronts = Front.objects.bulk_create([Front(plan=plan, order=k + 1, name=name)
                                                for k, name in enumerate(FRONTS)])
            fronts = list(Front.objects.filter(plan=plan).order_by("order"))
            targets, position = [], 0
            for i, template in enumerate(templates):
                kind, accumulation, _, unit, bound, _ = template
                value, baseline = targets_spec[i]
                span = len(sentences[i])
                targets.append(Target(
                    plan=plan, front=fronts[i % len(fronts)], order=i + 1, indicator=series[i].name, kind=kind,
                    accumulation=accumulation if kind in ("level", "count") else "", value=value,
                    unit_of_measure=unit, period=str(plan_year), bound=bound, bound_word="以上" if bound == "min" else "以内",
                    commitment=rng.choice(["确保", "力争", ""]), region=city.name, owner=city, region_unit=city,
                    series=series[i], baseline=baseline, span_start=position, span_end=position + span))
                position += span
            Target.objects.bulk_create(targets)
            targets = list(Target.objects.filter(plan=plan).order_by("order"))

            assignments = []
            for i, target in enumerate(targets):
                city_track, unit_tracks = tracks[i]
                for u, unit in enumerate(units):
                    assignments.append(Assignment(
                        target=target, unit=unit,
                        value=_assignment_value(rng, templates[i], float(target.value), unit_tracks[u],
                                                city_track, plan_year)))
            Assignment.objects.bulk_create(assignments, batch_size=5000)

            figures, revs = [], []
            for i in range(len(targets)):
                city_track, unit_tracks = tracks[i]
                for owner, track in [(city, city_track), *zip(units, unit_tracks, strict=True)]:
                    fate = rng.random()
                    if fate < 0.01:
                        continue  # never reports: 无数据
                    stop = rng.randint(3, AT_MONTH - 1) if fate < 0.04 else 13  # stops reporting mid-year
                    for year, month, code, start, end in periods:
                        if year == plan_year and month > stop:
                            continue
                        value, growth = track[(year, month)]
                        value = round(value, 4)
                        growth = None if growth is None else round(growth, 3)
                        if revisions == "all" or owner is city:
                            revs.append((revision_id, figure_id, 1, value, growth, SOURCE, "import", "approved",
                                         GENERATOR, submitted[code], GENERATOR, submitted[code]))
                            rev = revision_id
                            revision_id += 1
                        else:
                            rev = None
                        figures.append((figure_id, series[i].pk, owner.pk, code, start, end, value, growth,
                                        rev, rev))
                        if len(figures) >= batch:
                            writer.flush(figures, revs, counts)
                        figure_id += 1
                        if len(figures) >= batch:
                            writer.flush(figures, revs, counts)
            writer.flush(figures, revs, counts)
        counts["units"] += 1 + len(units)
        counts["plans"] += 1
        counts["fronts"] += len(fronts)
        counts["targets"] += len(targets)
        counts["assignments"] += len(assignments)
        log(f"  city {c:2d}/{cities}: {counts['figures']:,} figures so far, "
            f"{time.perf_counter() - city_started:.1f} s")
    if connection.vendor == "postgresql":
        _reset_sequences()
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    else:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    counts["seconds"] = round(time.perf_counter() - started, 1)
    counts["revisions_for"] = "all figures" if revisions == "all" else "city-level figures only"
    return counts


FIGURE_COLUMNS = ("id", "series_id", "unit_id", "period", "period_start", "period_end", "value", "growth",
                  "approved_revision_id", "head_revision_id")
REVISION_COLUMNS = ("id", "figure_id", "number", "value", "growth", "source", "channel", "status",
                    "submitted_by_name", "submitted_at", "reviewed_by_name", "reviewed_at")
SOURCE = "模拟数据(基准测试生成)"
GENERATOR = "模拟数据生成"


class RowWriter:
    """Figures and revisions written straight from tuples, in batches: executemany on SQLite, COPY on
    PostgreSQL. (Django's bulk_create spends ~190 µs per figure building model instances and SQL; this
    is ~10× faster.) Columns not given get the field's default, so the model may grow nullable or
    defaulted fields without breaking the generator.

    FKs are deferred to commit (Django creates them DEFERRABLE INITIALLY DEFERRED), so a figure may
    point at its revision inserted right after it in the same transaction."""

    def __init__(self):
        from django.db import connection

        from luoshi.figures.models import Figure, FigureRevision

        self.connection = connection
        self.tables = [self._layout(Figure, FIGURE_COLUMNS), self._layout(FigureRevision, REVISION_COLUMNS)]

    def _layout(self, model, given: tuple[str, ...]):
        fields = [f for f in model._meta.concrete_fields]
        known = {f.attname: f for f in fields}
        missing = [name for name in given if name not in known]
        if missing:
            raise RuntimeError(f"{model.__name__} has no field {missing}: update bench/province.py")
        rest = [f for f in fields if f.attname not in given]
        defaults = tuple(f.get_db_prep_save(f.get_default(), self.connection) for f in rest)
        columns = [known[name].column for name in given] + [f.column for f in rest]
        return model._meta.db_table, columns, defaults

    def flush(self, figures: list, revisions: list, counts: dict) -> None:
        for (table, columns, defaults), rows in zip(self.tables, (figures, revisions), strict=True):
            if rows:
                self._write(table, columns, defaults, rows)
        counts["figures"] += len(figures)
        counts["revisions"] += len(revisions)
        figures.clear()
        revisions.clear()

    def _write(self, table: str, columns: list[str], defaults: tuple, rows: list[tuple]) -> None:
        names = ", ".join(f'"{c}"' for c in columns)
        with self.connection.cursor() as cursor:
            if self.connection.vendor == "postgresql":
                with cursor.cursor.copy(f'COPY "{table}" ({names}) FROM STDIN') as copy:
                    for row in rows:
                        copy.write_row(row + defaults)
            else:
                marks = ", ".join("?" * len(columns))
                cursor.cursor.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})',
                                          [row + defaults for row in rows])


def _reset_sequences() -> None:
    from io import StringIO

    from django.core.management import call_command
    from django.db import connection

    out = StringIO()
    call_command("sqlsequencereset", "figures", stdout=out, no_color=True)
    with connection.cursor() as cursor:
        cursor.execute(out.getvalue())


def _due(end: dt.date) -> dt.date:
    year, month = (end.year + 1, 1) if end.month == 12 else (end.year, end.month + 1)
    return dt.date(year, month, min(10, calendar.monthrange(year, month)[1]))


def _sentence(template, name: str, value: float) -> str:
    kind, accumulation, _, unit, bound, _ = template
    shown = f"{value:g}"
    if kind == "growth":
        return f"{name}增长{shown}%左右。"
    if kind == "reduction" and bound == "max":
        return f"{name}控制在{shown}%以内。"
    if kind == "reduction":
        return f"{name}下降{shown}%。"
    if kind == "share":
        return f"{name}达到{shown}%。"
    return f"{name}{'达到' if accumulation == 'stock' else '完成'}{shown}{unit}以上。"


def generate(db: str, scale: float, seed: int = 1, revisions: str = "all") -> dict:
    """Recreate the bench database DB, migrate it and build the province at SCALE (in this process)."""
    if db == "postgres":
        recreate_postgres()
    else:
        BENCH_DIR.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{BENCH_DIR / 'bench.sqlite3'}{suffix}").unlink(missing_ok=True)
    meta_path(db).unlink(missing_ok=True)
    django_for(db)
    started = time.perf_counter()
    migrate()
    migrated = time.perf_counter() - started
    targets = max(len(KINDS), round(300 * scale))
    print(f"{db}: generating 18 cities × {targets} targets × 20 units × 5 years (scale {scale}) …", flush=True)
    counts = build_province(targets_per_city=targets, seed=seed, revisions=revisions,
                            log=lambda line: print(line, flush=True))
    counts.update(db=db, scale=scale, targets_per_city=targets, migrate_seconds=round(migrated, 1),
                  generated=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))
    meta_path(db).write_text(json.dumps(counts, ensure_ascii=False, indent=1))
    return counts


def ensure(db: str, scale: float, regenerate: bool = False) -> dict:
    """The bench database DB at SCALE: generated in a child process unless already there."""
    meta = read_meta(db)
    if regenerate or meta is None or meta.get("scale") != scale:
        subprocess.run([sys.executable, __file__, "--db", db, "--scale", str(scale)], check=True)
        meta = read_meta(db)
    return meta


def report(counts: dict) -> str:
    return (f"{counts['db']} scale {counts['scale']}: {counts['units']:,} units, {counts['plans']} plans, "
            f"{counts['targets']:,} targets, {counts['assignments']:,} assignments, {counts['series']} series, "
            f"{counts['figures']:,} figures, {counts['revisions']:,} revisions ({counts['revisions_for']}); "
            f"generated in {counts['seconds']:,.1f} s ({counts['figures'] / counts['seconds']:,.0f} figures/s), "
            f"migrate {counts['migrate_seconds']} s")



def run_per_database(args, script: str, child_args: list[str]) -> None:
    """For each database asked for (both by default): make sure the province is generated at the
    wanted scale, then run SCRIPT's measurement in a child process (one Django setup per database)."""
    for db in args.db or ["sqlite", "postgres"]:
        if db == "postgres" and (reason := postgres_unreachable()):
            print(f"postgres: skipped, server unreachable ({reason})")
            continue
        meta = read_meta(db)
        regenerate = getattr(args, "regenerate", False)
        scale = args.scale if args.scale is not None else (meta["scale"] if meta else 0.1)
        reuse = not regenerate and meta is not None and meta.get("scale") == scale
        meta = ensure(db, scale, regenerate)
        if reuse:  # (a fresh generation has printed it)
            print(report(meta), flush=True)
        subprocess.run([sys.executable, script, "--child", db, *child_args], check=True)


def print_profile(profiler, what: str, indent: str, cumulative: int = 30) -> None:
    """The PROFILER's top functions by own and by cumulative time."""
    for order, count in (("tottime", 25), ("cumulative", cumulative)):
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).strip_dirs().sort_stats(order).print_stats(count)
        lines = out.getvalue().splitlines()
        start = next(i for i, line in enumerate(lines) if "ncalls" in line)
        print(f"{indent}cProfile, {what}, by {order}:")
        print("\n".join(indent + "  " + line for line in lines[start - 1:] if line.strip()))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--scale", type=float, default=1.0, help="share of the 300 targets per city (0.01: quick)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--revisions", choices=["all", "city"], default="all",
                        help="an approved revision for every figure, or only for the city-level ones")
    args = parser.parse_args()
    if args.db == "postgres" and (reason := postgres_unreachable()):
        print(f"postgres: skipped, server unreachable ({reason})")
        return 0
    counts = generate(args.db, args.scale, args.seed, args.revisions)
    print(report(counts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
