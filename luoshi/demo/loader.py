"""The demo: Zhengzhou's units, the 2023 plan from its reviewed file, and one account per role."""

import datetime as dt
import json
import logging
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from itertools import product
from pathlib import Path

from django.contrib.auth.hashers import make_password
from django.db import transaction

from luoshi.accounts.models import User
from luoshi.attraction import demo as attraction_demo
from luoshi.chains import seed as chain_seed
from luoshi.compare import demo as compare_demo
from luoshi.core.context import change_context
from luoshi.demo import task_seed
from luoshi.figures.catalogue import load_default_catalogue
from luoshi.figures.marks import mark_all_not_published, mark_not_published
from luoshi.figures.models import Figure, Series
from luoshi.figures.submission import submit
from luoshi.figures.tabular import read_table
from luoshi.lib.periods import parse, periods_in
from luoshi.plans.decomposition import set_quotas
from luoshi.plans.models import Plan, Target
from luoshi.projects import seed as project_seed
from luoshi.review.stored import create_reviewed_plan
from luoshi.units.importing import import_divisions
from luoshi.units.models import Unit
from luoshi.verdicts.receivers import refreshed_once

DATA = Path(__file__).resolve().parent / "data"
PLAN_REVIEW = DATA / "zhengzhou-2023.review.json"
UNITS_FILE = DATA / "zhengzhou-units.json"
SERIES_FILE = DATA / "zhengzhou-series.json"
ACTUALS_FILE = DATA / "zhengzhou-2023-actuals.csv"
NOT_PUBLISHED_FILE = DATA / "zhengzhou-2023-not-published.json"
QUOTAS_FILE = DATA / "zhengzhou-2023-quotas.json"
DEMO_PASSWORD = "luoshi-demo"
CITY_CODE = "410100"
PROVINCE_CODE = "410000"  # Henan with its 18 cities: later comparisons put Zhengzhou beside them


@dataclass(frozen=True)
class DemoAccount:
    username: str
    role: str
    unit_code: str | None
    display_name: str


DEMO_ACCOUNTS = (
    DemoAccount("admin", User.Role.ADMIN, None, "系统管理员"),
    DemoAccount("analyst", User.Role.ANALYST, "410100", "市发展改革委分析员"),
    DemoAccount("leader", User.Role.LEADER, "410100", "市领导"),
    DemoAccount("jinshui", User.Role.REPORTER, "410105", "金水区填报员"),
    DemoAccount("erqi", User.Role.REPORTER, "410103", "二七区填报员"),
    DemoAccount("henan", User.Role.ANALYST, "410000", "省发展改革委分析员"),
    DemoAccount("henan-leader", User.Role.LEADER, "410000", "省领导"),
)


def load_units(path: Path = UNITS_FILE) -> int:
    """Henan and all its cities from the shipped divisions, then the demo city's zones and departments of PATH.

    The divisions come as `luoshi units import --under 410000` brings them; PATH adds what no division
    list holds (功能区, 部门) and the demo's own attributes of the city's units (order, is_public).
    Returns how many units there are.
    """
    import_divisions(PROVINCE_CODE)
    for entry in json.loads(path.read_text(encoding="utf-8"))["units"]:
        unit = Unit.objects.filter(code=entry["code"]).first() or Unit(code=entry["code"])
        if unit.pk is None or unit.kind in (Unit.Kind.ZONE, Unit.Kind.DEPARTMENT):
            unit.name, unit.short_name, unit.kind = entry["name"], entry.get("short_name", ""), entry["kind"]
            unit.parent = Unit.objects.get(code=entry["parent"])
        if entry.get("parent") == CITY_CODE:
            unit.order = entry.get("order", unit.order)
        unit.is_public = entry.get("is_public", unit.is_public)
        unit.save()
    return Unit.objects.count()


def load_series(path: Path = SERIES_FILE) -> int:
    """The default catalogue (指标库), then the demo's own statistical series of PATH; returns how many."""
    load_default_catalogue()
    entries = json.loads(path.read_text(encoding="utf-8"))["series"]
    for entry in entries:
        Series.objects.update_or_create(name=entry["name"], defaults={
            "unit_of_measure": entry["unit"], "frequency": entry["frequency"],
            "accumulation": entry["accumulation"], "due_day": entry["due_day"], "aliases": entry["aliases"],
            "publisher": entry["publisher"], "note": entry["note"]})
    return Series.objects.count()


def load_plan(path: Path = PLAN_REVIEW) -> Plan:
    """The demo plan made as an analyst makes one: extracted from its text, then the stored review applied."""
    data = json.loads(path.read_text(encoding="utf-8"))
    text = (path.parent / data["plan"]["text_file"]).read_text(encoding="utf-8")
    return create_reviewed_plan(data, text)


def load_actuals(path: Path = ACTUALS_FILE) -> int:
    """The real published 2023 figures (and 2022 baselines) as approved figures of 郑州市, sources kept.

    Rows with neither value nor growth (not published) are skipped: absent stays absent, never invented.
    """
    entries = [e for e in read_table(path, default_unit=CITY_CODE) if e.value not in (None, "") or
               e.growth not in (None, "")]
    return len(submit(None, entries, channel="import").written)


def load_quotas(plan: Plan, path: Path = QUOTAS_FILE) -> int:
    """任务分解 of the investment and retail targets to the districts: demo assumptions, as the file says."""
    units = {u.code: u for u in Unit.objects.all()}
    written = 0
    for entry in json.loads(path.read_text(encoding="utf-8"))["targets"]:
        target = plan.targets.get(indicator=entry["indicator"], period=entry["period"], kind=entry["kind"])
        quotas = {units[code]: None if value is None else Decimal(str(value)) for code, value in entry["quotas"].items()}
        written += len(set_quotas(target, quotas, user=None).created)
    return written


def mark_not_found(path: Path = NOT_PUBLISHED_FILE) -> int:
    """The figures searched for and not found published, marked 未公布 by the demo analyst."""
    data = json.loads(path.read_text(encoding="utf-8"))
    analyst, unit = User.objects.get(username="analyst"), Unit.objects.get(code=data["unit"])
    for item in data["figures"]:
        mark_not_published(Series.objects.get(name=item["series"]), unit, item["period"], analyst, data["note"])
    return len(data["figures"])


UNCOLLECTED_NOTE = "演示数据未收录该期数据:只收录了检索到的公开数据"


def mark_uncollected(plans, today: dt.date | None = None) -> int:
    """Every past figure slot the demo's targets read and its data did not collect, marked 未公布 by the
    demo's administrator: the demo shows what was found, and never calls a 2023 figure overdue."""
    today, admin = today or dt.date.today(), User.objects.get(username="admin")
    targets = Target.objects.filter(plan__in=plans, series__isnull=False).select_related("series", "region_unit")
    slots = {slot: None for target in targets.prefetch_related("assignments__unit")
             for slot in _uncollected(target, today)}  # once each, in order
    with refreshed_once():  # the verdicts the marks feed, judged once at the end, not after every mark
        mark_all_not_published(list(slots), admin, UNCOLLECTED_NOTE)
    return len(slots)


def _uncollected(target: Target, today: dt.date) -> list:
    """The past slots of TARGET (its region's and its assignments' units) with no figure."""
    units = [target.region_unit, *(a.unit for a in target.assignments.all())]  # and the districts' quotas
    periods = [p for p in periods_in(parse(target.period), target.series.frequency) if p.end_date < today]
    held = set(Figure.objects.filter(series=target.series, unit__in=units, subject_kind="").values_list(
        "unit_id", "period_start", "period_end"))
    return [(target.series, unit, period) for unit, period in product(units, periods)
            if (unit.pk, period.start_date, period.end_date) not in held]


def create_accounts() -> list[DemoAccount]:
    """The demo's accounts, all with the published DEMO_PASSWORD: hashed once (a hash costs a third of a second,
    by design) and the same hash given to each."""
    password = make_password(DEMO_PASSWORD)
    for account in DEMO_ACCOUNTS:
        user, _ = User.objects.get_or_create(username=account.username)
        user.role = account.role
        user.display_name = account.display_name
        user.unit = Unit.objects.get(code=account.unit_code) if account.unit_code else None
        user.is_superuser = account.role == User.Role.ADMIN
        user.password = password
        user.save()
    return list(DEMO_ACCOUNTS)


def load_projects(plan: Plan) -> int:
    """The key projects the plan names (机场三期 …), with owners and sources; no invented figures."""
    return len(project_seed.load_projects(plan))


def load_tasks(plan: Plan) -> int:
    """The measures the plan names as supervision tasks, issued by the demo leader."""
    return len(task_seed.load_tasks(plan, issuer=User.objects.filter(username="leader").first()))


def load_chains(plan: Plan) -> int:
    """The seed's two clusters as chains (新能源汽车: 上汽、比亚迪; 电子信息: 超聚变); assumptions in the data file."""
    return len(chain_seed.load_chains(plan, Unit.objects.get(code=CITY_CODE)))


def is_loaded() -> bool:
    return Plan.objects.filter(title=json.loads(PLAN_REVIEW.read_text(encoding="utf-8"))["plan"]["title"]).exists()


@contextmanager
def unheard_notices_unsaid():
    """The demo gives accounts to a few units only: that the others' notices reach nobody is by design, not
    the warning (无人接收) it is on a real installation, and a new user's terminal is spared fifty of them."""
    log = logging.getLogger("luoshi.notices")
    level = log.level
    log.setLevel(logging.ERROR)
    try:
        yield
    finally:
        log.setLevel(level)


@transaction.atomic
def load_demo() -> Plan:
    """Load everything the demo needs into an empty database."""
    with change_context(user=None), unheard_notices_unsaid():
        load_units()
        load_series()
        plan = load_plan()
        load_actuals()
        compare_demo.load_demo_data()
        create_accounts()
        mark_not_found()
        load_quotas(plan)
        mark_uncollected(Plan.objects.filter(simulated=False))
        load_projects(plan)
        load_tasks(plan)
        load_chains(plan)
        attraction_demo.load_task_forces()
    return plan
