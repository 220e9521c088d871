"""模拟情景: an optional, clearly labelled scenario of simulated projects and tasks, off by default.

`luoshi simulate-projects` adds projects coded SIM-… (shown everywhere as 模拟) with a monthly plan,
dated stages, approved completed-investment figures whose source says 模拟数据, and simulated tasks
in every status, some overdue. None of it touches the real projects and tasks of the demo;
`--remove` takes it all away again. Deterministic: the same year gives the same numbers.
"""

import datetime as dt
import random
from decimal import Decimal

from django.db import transaction

from luoshi.figures.entries import Entry
from luoshi.figures.models import Figure, FigureRevision
from luoshi.figures.submission import submit
from luoshi.lib.periods import periods_in
from luoshi.plans.models import Target
from luoshi.projects.models import Project, StageChange
from luoshi.projects.planning import set_monthly_plan
from luoshi.projects.progress import series_name
from luoshi.projects.stages import change_stage
from luoshi.tasks.models import Task
from luoshi.units.models import Unit

SOURCE = "模拟数据(非真实,仅供演示)"
OWNERS = ("410105", "410103", "410102", "410100.zdxq", "410100.hkgq", "410100.jkq")
PACES = (1.08, 0.97, 0.9, 0.75, 1.0, 0.6)  # completed ÷ planned, per simulated project


def _plan(rng: random.Random) -> dict[int, Decimal]:
    base = rng.randint(3, 12)
    return {m: Decimal(base + rng.randint(0, 4) + (3 if m in (6, 9, 12) else 0)) for m in range(1, 13)}


def _figures(project: Project, plan: dict, pace: float, year: int, months: int) -> list[Entry]:
    entries = []
    for row, period in enumerate(periods_in(year, "monthly"), start=1):
        if period.end_month > months:
            break
        done = sum(a for m, a in plan.items() if m <= period.end_month) * Decimal(str(pace))
        entries.append(Entry(row=row, series=series_name(), unit="", subject_kind="project", subject=project.code, period=period.code,
                             value=done.quantize(Decimal("0.01")), source=SOURCE, note="模拟"))
    return entries


def _project(number: int, owner: Unit, year: int, months: int, rng: random.Random, targets) -> Project:
    project = Project.objects.create(code=f"SIM-{year}-{number:02d}", name=f"模拟项目{number:02d}", owner=owner,
                                     industry="模拟", simulated=True, year=year)
    project.targets.set(targets)
    plan = _plan(rng)
    set_monthly_plan(project, year, plan, None)
    for stage, month in (("signed", 1), ("started", 2), ("building", 3)):
        change_stage(project, stage, dt.date(year, month, 10 + number), None, "模拟")
    submit(None, _figures(project, plan, PACES[number % len(PACES)], year, months), channel="import",
           today=dt.date(year + 1, 12, 31))
    return project


@transaction.atomic
def simulate(year: int = 2023, months: int = 6, leader=None) -> list[Project]:
    """Simulated projects with figures up to month MONTHS of YEAR, and simulated tasks; replaces earlier ones."""
    remove()
    rng = random.Random(year)
    targets = Target.objects.filter(indicator="固定资产投资", kind="level", plan__year=year)
    owners = [Unit.objects.get(code=c) for c in OWNERS if Unit.objects.filter(code=c).exists()]
    projects = [_project(n, owner, year, months, rng, targets) for n, owner in enumerate(owners, start=1)]
    from luoshi.tasks.simulation import simulate_tasks

    simulate_tasks(owners, leader)
    return projects


@transaction.atomic
def remove() -> int:
    """Take every simulated project, its figures and history, and every simulated task away."""
    projects = Project.objects.filter(simulated=True)
    figures = Figure.objects.of("project", projects)
    Figure.objects.filter(pk__in=figures).update(approved_revision=None, head_revision=None)
    FigureRevision.objects.filter(figure__in=figures).update(based_on=None)
    FigureRevision.objects.filter(figure__in=figures).delete()
    figures.delete()
    StageChange.objects.filter(project__in=projects).delete()
    for project in projects:
        project.obstacles.all().delete()
    Task.objects.filter(simulated=True).delete()
    count, _ = projects.delete()
    return count
