"""The entry form and the review queue, for each persona."""

import pytest
from django.urls import reverse

from luoshi.figures.models import FigureRevision
from luoshi.figures.submission import submit
from tests.figures.conftest import entry

pytestmark = pytest.mark.django_db
URL = reverse("figures:entry")


def form_key(assignments):
    return str(assignments["金水区"].target.series_id)


def test_reporter_sees_own_unit_rows_only(client_for, jinshui_reporter, assignments):
    page = client_for(jinshui_reporter).get(URL, {"unit": "410103", "period": "2023M06"}).content.decode()
    assert "金水区" in page and "固定资产投资" in page and 'name="value-' in page
    assert "二七区 ·" not in page


def test_reporter_submits_through_the_form_and_errors_come_back_inline(client_for, jinshui_reporter, assignments):
    client = client_for(jinshui_reporter)
    key = form_key(assignments)
    bad = client.post(f"{URL}?period=2023M06", {f"value-{key}": "约三百", f"source-{key}": "快报"})
    page = bad.content.decode()
    assert bad.status_code == 200 and "不是数字" in page and 'value="约三百"' in page
    assert not FigureRevision.objects.exists()
    good = client.post(f"{URL}?period=2023M06", {f"value-{key}": "300", f"source-{key}": "快报"})
    assert good.status_code == 302
    revision = FigureRevision.objects.get()
    assert revision.status == "submitted" and revision.figure.unit.name == "金水区"


def test_leader_does_not_enter_figures(client_for, leader, assignments):
    assert client_for(leader).get(URL).status_code == 403


def test_analyst_approves_in_the_queue_with_htmx(client_for, jinshui_reporter, analyst, assignments):
    revision = submit(jinshui_reporter, [entry(value=300)]).written[0]
    client = client_for(analyst)
    assert "固定资产投资 · 金水区" in client.get(reverse("figures:review")).content.decode()
    row = client.post(reverse("figures:approve", args=[revision.pk]), HTTP_HX_REQUEST="true")
    assert row.status_code == 200 and "已采用" in row.content.decode() and "<tr" in row.content.decode()
    revision.refresh_from_db()
    assert revision.status == "approved" and revision.figure.approved_revision == revision


def test_reporters_cannot_approve_and_do_not_see_other_units(client_for, jinshui_reporter, erqi_reporter,
                                                             assignments):
    revision = submit(jinshui_reporter, [entry(value=300)]).written[0]
    assert client_for(erqi_reporter).post(reverse("figures:approve", args=[revision.pk])).status_code == 404
    assert "金水区" not in client_for(erqi_reporter).get(reverse("figures:review")).content.decode().split("<main>")[1]
    own = client_for(jinshui_reporter)
    own.post(reverse("figures:approve", args=[revision.pk]))
    revision.refresh_from_db()
    assert revision.status == "submitted"


def test_return_needs_a_reason(client_for, jinshui_reporter, analyst, assignments):
    revision = submit(jinshui_reporter, [entry(value=300)]).written[0]
    response = client_for(analyst).post(reverse("figures:return", args=[revision.pk]), {"reason": ""},
                                        HTTP_HX_REQUEST="true")
    assert response.status_code == 422 and "必须写明原因" in response.content.decode()
