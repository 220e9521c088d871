"""Boards, rankings and the dashboard API kept rendered per stamp (dashboard.rendered): a repeated read reads no
verdict, target or figure row, and whatever changes what they show changes the key at once."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from luoshi.figures.entries import ANY_BASE, Entry
from luoshi.figures.submission import submit
from luoshi.plans.models import Assignment, Target

from .conftest import report

pytestmark = pytest.mark.django_db

BOARD = reverse("dashboard:board") + "?period=2023"
RANKING = reverse("dashboard:ranking") + "?period=2023H1"


def read(client, url: str) -> tuple[str, list[str]]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), [q["sql"] for q in captured.captured_queries]


def reads_rows_of(queries: list[str], table: str) -> bool:
    """Whether a query selects the rows of TABLE (not only counts or a stamp over them)."""
    return any(f'FROM "{table}"' in sql and "COUNT(" not in sql.upper() for sql in queries)


@pytest.mark.parametrize("url", [BOARD, BOARD + "&unit=410105", RANKING, "/api/v1/dashboard?period=2023"])
def test_a_second_read_is_the_first_one_kept(client_for, leader, assignments, actuals, url):
    client = client_for(leader)
    read(client, url)  # the verdicts kept (their first read keeps them: a new stamp, rendered once more)
    first, first_queries = read(client, url)
    again, queries = read(client, url)
    assert _without_csrf(again) == _without_csrf(first)
    assert reads_rows_of(first_queries, "verdicts_storedverdict")
    assert not reads_rows_of(queries, "verdicts_storedverdict") and not reads_rows_of(queries, "figures_figure")
    assert len(queries) < len(first_queries)


def _without_csrf(page: str) -> str:
    return re.sub(r"\b[A-Za-z0-9]{64}\b", "…", page)  # the page's CSRF token, new on every response


def test_a_new_figure_shows_on_the_next_read(client_for, leader, actuals):
    client = client_for(leader)
    before, _ = read(client, BOARD + "&status=red")
    assert "固定资产投资" in before
    entry = Entry(row=1, series="固定资产投资", unit="410100", period="2023", growth=16, source="测试更正",
                  based_on=ANY_BASE)
    submit(None, [entry], channel="import")  # the investment growth target (15%) now met
    after, _ = read(client, BOARD + "&status=red")
    assert "固定资产投资" not in after
    api = client.get("/api/v1/dashboard?period=2023&status=red").json()
    assert "固定资产投资" not in {t["indicator"] for f in api["fronts"] for t in f["targets"]}


def test_editing_adding_and_archiving_targets_show_on_the_next_read(client_for, leader, actuals, fai_target):
    client = client_for(leader)
    read(client, BOARD)
    fai_target.indicator = "固定资产投资(改写)"
    fai_target.save()
    assert "固定资产投资(改写)" in read(client, BOARD)[0]
    added = Target.objects.get(pk=fai_target.pk)
    added.pk, added.indicator = None, "新增测试指标"
    added.save()
    assert "新增测试指标" in read(client, BOARD)[0]
    added.archived = True
    added.save()
    assert "新增测试指标" not in read(client, BOARD)[0]


def test_a_quota_change_shows_on_the_unit_board_and_ranking(client_for, leader, assignments, actuals):
    client = client_for(leader)
    report("410105", "固定资产投资", "2023H1", value=420)
    unit_board = BOARD.replace("2023", "2023H1") + "&unit=410105"
    first, _ = read(client, unit_board)
    ranking, _ = read(client, RANKING)
    quota = Assignment.objects.get(pk=assignments["金水区"].pk)
    quota.value = 90000
    quota.save()
    assert read(client, unit_board)[0] != first
    assert read(client, RANKING)[0] != ranking


def test_readers_of_different_jurisdictions_never_share_a_rendering(client_for, leader, jinshui_reporter,
                                                                     erqi_reporter, assignments, actuals):
    url = BOARD.replace("2023", "2023H1")
    client_for(leader).get(url)
    jinshui = read(client_for(jinshui_reporter), url)[0]
    erqi = read(client_for(erqi_reporter), url)[0]
    assert "金水区" in jinshui and "二七区" not in jinshui.split('class="panels"')[0].split("</form>")[-1]
    assert "二七区" in erqi and "金水区" not in erqi.split('class="panels"')[0].split("</form>")[-1]
    ranking = read(client_for(erqi_reporter), RANKING)[0]
    assert "二七区" in ranking and "金水区" not in ranking


def test_what_the_filters_offer_shows_on_the_next_read(client_for, leader, assignments, actuals):
    """The page's head and filters are kept with the board: a plan's or a unit's new name (written without any
    signal, as a bulk update) shows on the next read all the same."""
    from luoshi.units.models import Unit

    client = client_for(leader)
    read(client, BOARD)
    read(client, BOARD)
    type(actuals).objects.filter(pk=actuals.pk).update(title="郑州市2023年发展目标(改名)")
    Unit.objects.filter(code="410105").update(name="金水区(改名)")
    page, _ = read(client, BOARD)
    assert page.count("郑州市2023年发展目标(改名)") >= 2  # the head and the plan picker
    assert 'value="410105">金水区(改名)</option>' in page
