"""The fuzz corpus through every upload path: no server error, a clear answer, nothing half-written, in bounds.

Each file must be answered within 5 s and grow the process's peak memory by under 200 MB; a refused file
leaves the row counts of the tables its path writes unchanged.
"""

import argparse
import functools
import resource
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from luoshi.accounts.models import ApiToken
from luoshi.figures.cli import run_import
from luoshi.figures.models import Figure, FigureRevision, Upload
from luoshi.plans.models import Assignment, Plan
from luoshi.projects.models import PlannedInvestment, Project
from luoshi.review.models import Proposal
from luoshi.tasks import workflow
from luoshi.tasks.models import Evidence, TimeLimitClass
from tests.security.fuzz_corpus import documents, tables

SECONDS, MEGABYTES = 5.0, 200
FIGURES = (("指标", "单位", "期间", "数值"), ("固定资产投资", "410105", "2023M03", "100"))
PROJECTS = (("项目编号", "项目名称", "属地单位", "总投资(亿元)", "计划年度", "1月"),
            ("FZ-001", "模糊测试项目", "金水区", "12", "2025", "3"))
QUOTAS = (("单位代码", "单位名称", "分解值"), ("410105", "金水区", "300"))


@functools.cache
def corpus(kind: str) -> list[tuple[str, bytes]]:
    return documents() if kind == "documents" else tables(*{"figures": FIGURES, "projects": PROJECTS,
                                                             "quotas": QUOTAS}[kind])


def counts(models) -> dict:
    return {model.__name__: model.objects.count() for model in models}


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def through(kind: str, models, send, accepted) -> list[str]:
    """Every file of the corpus KIND through SEND(name, content) → (status, text); the problems found."""
    problems = []
    for name, content in corpus(kind):
        before, peak, start = counts(models), peak_mb(), time.perf_counter()
        status, text = send(name, content)
        elapsed, grown = time.perf_counter() - start, peak_mb() - peak
        if status >= 500:
            problems.append(f"{name}: {status}")
        if elapsed > SECONDS or grown > MEGABYTES:
            problems.append(f"{name}: {elapsed:.1f} s, +{grown:.0f} MB")
        if status not in accepted and counts(models) != before:
            problems.append(f"{name}: refused ({status}) but wrote {before} → {counts(models)}")
        if status not in accepted and not text.strip():
            problems.append(f"{name}: refused ({status}) without a message")
    return problems


def api_client(user) -> Client:
    _, key = ApiToken.issue(user, "fuzz")
    return Client(HTTP_AUTHORIZATION=f"Bearer {key}")


def page(client, url: str, field: str = "file", **data):
    def send(name, content):
        response = client.post(url, {field: SimpleUploadedFile(name, content), **data})
        return response.status_code, response.content.decode(errors="replace")
    return send


def test_figure_uploads(client_for, jinshui_reporter, assignments):
    send = page(client_for(jinshui_reporter), reverse("figures:upload"))
    assert through("figures", (Figure, FigureRevision), send, accepted=(200,)) == []
    assert through("figures", (Upload,), send, accepted=(200,)) == []


def test_figures_import_command(tmp_path, analyst, assignments, capsys):
    def send(name, content):
        path = tmp_path / name
        path.write_bytes(content)
        code = run_import(argparse.Namespace(file=str(path), unit="410105", username=analyst.username, dry_run=False))
        return (200 if code == 0 else 400), capsys.readouterr().err
    assert through("figures", (Figure, FigureRevision), send, accepted=(200,)) == []


def test_project_imports(client_for, analyst, units):
    send = page(client_for(analyst), reverse("projects:import"))
    assert through("projects", (Project, PlannedInvestment), send, accepted=(200,)) == []
    api = api_client(analyst)

    def by_api(name, content):
        response = api.post("/api/v1/projects-import", {"file": SimpleUploadedFile(name, content)})
        assert response["Content-Type"].startswith("application/json"), name
        return response.status_code, response.content.decode()
    assert through("projects", (Project, PlannedInvestment), by_api, accepted=(200,)) == []


def test_quota_sheets(client_for, analyst, fai_target):
    send = page(client_for(analyst), reverse("plans:assignments_upload", args=[fai_target.pk]))
    assert through("quotas", (Assignment,), send, accepted=(302,)) == []


def test_plan_texts(client_for, analyst):
    send = page(client_for(analyst), reverse("review:new"), title="模糊测试规划", year=2025, region="郑州",
                issuer=analyst.unit.pk)
    problems = through("documents", (Plan, Proposal), send, accepted=(302,))
    assert problems == []


def test_the_extractor_is_never_given_what_it_cannot_read_in_time(client_for, analyst):
    response = page(client_for(analyst), reverse("review:new"), title="无句读", year=2025, region="郑州",
                    issuer=analyst.unit.pk)("no-breaks.txt", dict(corpus("documents"))["no-breaks.txt"])
    assert response[0] == 200 and "超过上限" in response[1]
    long_run = dict(corpus("documents"))["long-run.txt"]
    response = page(client_for(analyst), reverse("review:new"), title="长句", year=2025, region="郑州",
                    issuer=analyst.unit.pk)("long-run.txt", long_run)
    assert "没有句号、分号或换行" in response[1]


@pytest.fixture
def working_task(leader, units, jinshui_reporter, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    week = TimeLimitClass.objects.create(code="fuzz-week", name="一周办结", days=7)
    task = workflow.issue(leader, title="模糊测试事项", lead_unit=units["金水区"], time_limit=week)
    return workflow.take(task, "receive", jinshui_reporter)


def test_task_evidence(client_for, jinshui_reporter, working_task):
    files = [item for item in corpus("documents") if item[0] in ("good.pdf", "empty.txt", "huge.txt", "bomb.docx")]
    client = client_for(jinshui_reporter)
    answers = {}
    for name, content in files:
        before = Evidence.objects.count()
        response = client.post(reverse("tasks:upload", args=[working_task.pk]), {"file": SimpleUploadedFile(name, content)})
        answers[name] = (response.status_code, Evidence.objects.count() - before)
    assert answers["good.pdf"] == (302, 1) and answers["bomb.docx"] == (302, 1)  # stored as is, never unpacked
    assert answers["empty.txt"][1] == answers["huge.txt"][1] == 0
    assert all(status < 500 for status, _ in answers.values())
    api = api_client(jinshui_reporter)
    response = api.post(f"/api/v1/tasks/{working_task.pk}/evidence", {"file": SimpleUploadedFile("huge.txt", b"a" * (21 << 20))})
    assert response.status_code == 409 and "超过 20 MB" in response.json()["error"]
