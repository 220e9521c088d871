"""Key-project fixtures: a 金水区 project serving the investment target, with a plan of 10 亿元 a month."""

import datetime as dt
import io
from decimal import Decimal

import pytest
from openpyxl import Workbook

from luoshi.figures.entries import Entry
from luoshi.figures.models import FigureRevision
from luoshi.figures.submission import approve, submit
from luoshi.projects.models import Project
from luoshi.projects.planning import set_monthly_plan

TODAY = dt.date(2023, 4, 20)


def workbook(rows) -> bytes:
    """An .xlsx file of ROWS (the first sheet), as an upload carries it."""
    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.fixture
def project(assignments, units, fai_target):
    """金水区's test project (not a real one), serving the 7000 亿元 investment target."""
    p = Project.objects.create(code="T-JS-001", name="金水区测试项目", owner=units["金水区"],
                               department=units["郑州市发展和改革委员会"], industry="测试")
    p.targets.add(fai_target)
    set_monthly_plan(p, 2023, {m: Decimal(10) for m in range(1, 13)}, None)
    return p


@pytest.fixture
def erqi_project(assignments, units, fai_target):
    p = Project.objects.create(code="T-EQ-001", name="二七区测试项目", owner=units["二七区"])
    p.targets.add(fai_target)
    return p


@pytest.fixture
def report():
    return report_figure


def report_figure(user, project, period, value, analyst=None):
    """A project figure entered like any figure, approved by ANALYST when given."""
    entry = Entry(row=1, series="重点项目完成投资", unit="", subject_kind="project", subject=project.code,
                  period=period, value=value)
    outcome = submit(user, [entry], today=TODAY)
    revision = outcome.written[0]
    if analyst is not None and revision.status == FigureRevision.Status.SUBMITTED:
        approve(revision, analyst)
    return revision
