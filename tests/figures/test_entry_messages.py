"""数据填报's messages: an empty 提交 is no success, and the picker offers the plan's own year."""

import pytest
from django.urls import reverse

from luoshi.figures.models import FigureRevision

pytestmark = pytest.mark.django_db
URL = reverse("figures:entry")


def messages_of(response) -> list[tuple[str, str]]:
    return [(m.level_tag, str(m)) for m in response.context["messages"]]


def test_an_empty_submit_warns_that_nothing_was_submitted(client_for, jinshui_reporter, assignments):
    response = client_for(jinshui_reporter).post(f"{URL}?period=2023M06", {}, follow=True)
    said = messages_of(response)
    assert said and said[0][0] == "warning"
    assert "没有提交任何数据" in said[0][1] and "0 条" not in said[0][1]
    assert not FigureRevision.objects.exists()


def test_a_filled_row_is_counted_as_submitted(client_for, jinshui_reporter, assignments):
    key = str(assignments["金水区"].target.series_id)
    response = client_for(jinshui_reporter).post(
        f"{URL}?period=2023M06", {f"value-{key}": "300", f"source-{key}": "快报"}, follow=True)
    assert messages_of(response)[0] == ("success", "1 条数据已提交,待审核")


def test_a_reporter_of_the_2023_plan_is_offered_2023_and_starts_there(client_for, jinshui_reporter, assignments):
    page = client_for(jinshui_reporter).get(URL)
    assert page.context["period"].end_year == 2023
    assert [p.end_year for p in page.context["periods"]] == [2023] * 11
    assert "2023年1–12月" in page.content.decode()
