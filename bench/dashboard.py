"""The leader dashboard on the simulated province, against the bare SQL it needs.

On the simulated province of `province.py` (generated first only when there is none):

    .venv/bin/python bench/dashboard.py                  # both databases, whatever scale was generated
    .venv/bin/python bench/dashboard.py --db sqlite --scale 1

Times, median of --repeat runs after one warm-up, for one city's plan (all its targets) and for one
unit's view (the unit's assignments):
- page: the dashboard view called as a signed-in leader (filter, verdicts, grouping, the whole HTML page);
- bare SQL: exactly the queries that page ran (captured once), executed again through
  `connection.cursor()` and fetched into Python — the floor any implementation pays.
The ratio page ÷ bare SQL is the goal (≤ 1.5×).
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import province  # noqa: E402

AT = f"{province.PLAN_YEAR}M{province.AT_MONTH:02d}"


def _median_time(fn, repeat: int) -> tuple[float, object]:
    result = fn()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def _leader():
    from luoshi.accounts.models import User
    from luoshi.units.models import Unit

    user, _ = User.objects.update_or_create(username="bench-leader", defaults={  # a leader sees their unit's tree
        "role": User.Role.LEADER, "display_name": "基准测试领导(模拟)", "unit": Unit.objects.get(code="SIM4101")})
    return user


def _page(query: str, user):
    from django.test import RequestFactory

    from luoshi.dashboard.views import board

    request = RequestFactory().get("/dashboard/?" + query)
    request.user = user
    response = board(request)
    assert response.status_code == 200, response.status_code
    return response


def _captured(query: str, user) -> list[tuple[str, tuple]]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        _page(query, user)
    return [(q["sql"], None) for q in queries.captured_queries]  # None: no placeholders parsed (LIKE …%)


def _bare_sql(statements) -> int:
    from django.db import connection

    rows = 0
    with connection.cursor() as cursor:
        for sql, params in statements:
            cursor.execute(sql, params)
            rows += len(cursor.fetchall())
    return rows


def _board(query: str, user):
    from django.http import QueryDict

    from luoshi.dashboard.board import build_board, visible_plans
    from luoshi.dashboard.filters import read_filter

    return build_board(user, read_filter(QueryDict(query), user), list(visible_plans(user)))


def _measure(name: str, query: str, repeat: int) -> None:
    user = _leader()
    statements = _captured(query, user)
    page, response = _median_time(lambda: _page(query, user), repeat)
    board, _ = _median_time(lambda: _board(query, user), repeat)
    bare, rows = _median_time(lambda: _bare_sql(statements), repeat)
    cards = response.content.decode().count('class="target-card')
    print(f"  {name}: {cards} cards, {len(statements)} queries, {rows:,} rows; {len(response.content):,} bytes of HTML")
    print(f"    bare SQL (the page's own queries, fetchall)  {bare:8.3f} s")
    print(f"    dashboard page (view + template)             {page:8.3f} s   ratio {page / bare:5.2f}×  (goal ≤ 1.5×)")
    print(f"      of which the board (its queries + verdicts) {board:.3f} s ({board / bare:.2f}× the bare SQL), "
          f"the HTML (template, other panels) {page - board:.3f} s", flush=True)


def child(db: str, repeat: int) -> int:
    province.django_for(db)
    from django.conf import settings
    from django.db import connection
    from django.test.utils import override_settings

    plain = {**settings.STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
    override_settings(STORAGES=plain).enable()  # static URLs without a collected manifest

    from luoshi.plans.models import Assignment, Plan

    meta = province.read_meta(db)
    plan = Plan.objects.filter(simulated=True, issuer__code="SIM4101").first() or Plan.objects.filter(
        simulated=True).first()
    unit = Assignment.objects.filter(target__plan=plan).values_list("unit__code", flat=True).first()
    print(f"{db} ({connection.vendor}), scale {meta['scale']}: {plan.title} ({plan.targets.count()} targets), "
          f"judged at {AT}; median of {repeat} runs; today {dt.date.today()}", flush=True)
    _measure("one city, all targets", f"plan={plan.pk}&period={AT}", repeat)
    _measure(f"one unit ({unit}), its assignments", f"plan={plan.pk}&period={AT}&unit={unit}", repeat)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", action="append", choices=["sqlite", "postgres"],
                        help="sqlite and/or postgres (default both)")
    parser.add_argument("--scale", type=float, help="generate at this scale if the data is missing or differs "
                        "(default: whatever was generated, else 0.1)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args.child, args.repeat)
    province.run_per_database(args, __file__, ["--repeat", str(args.repeat)])
    return 0


if __name__ == "__main__":
    sys.exit(main())
