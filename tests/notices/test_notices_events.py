"""Each event people wait for puts exactly one notice, linking to its page, in the inboxes of the right people."""

import logging

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from luoshi.accounts.models import User
from luoshi.figures.submission import approve, return_revision, submit
from luoshi.notices.models import Notification
from luoshi.projects import obstacles
from luoshi.projects.models import Project
from luoshi.review import publishing
from luoshi.tasks import workflow
from luoshi.tasks.models import Task
from tests.figures.conftest import entry


def inbox(user) -> list[tuple[str, str]]:
    return [(n.title, n.link) for n in Notification.objects.filter(recipient=user).order_by("pk")]


def test_a_task_issued_is_in_the_lead_units_inbox_within_the_same_request(client_for, analyst, units,
                                                                          jinshui_reporter, erqi_reporter):
    zhongyuan = User.objects.create_user(username="zy", password="pw", role="reporter", unit=units["中原区"])
    response = client_for(analyst).post(reverse("tasks:new"), {
        "title": "背街小巷整治", "lead_unit": units["金水区"].pk, "co_units": [units["二七区"].pk]})
    task = Task.objects.get(title="背街小巷整治")
    assert response.status_code == 302 and response.url == reverse("tasks:detail", args=[task.pk])
    link = reverse("tasks:detail", args=[task.pk])
    assert inbox(jinshui_reporter) == [("新交办督办事项“背街小巷整治”,请签收", link)]
    assert inbox(erqi_reporter) == [("督办事项“背街小巷整治”请配合办理(金水区牵头)", link)]
    assert inbox(zhongyuan) == [] and inbox(analyst) == []
    page = client_for(jinshui_reporter).get(reverse("notices:inbox")).content.decode()
    assert f'<a href="{link}">新交办督办事项“背街小巷整治”,请签收</a>' in page


def test_each_step_tells_whom_it_concerns_once(issued, analyst, jinshui_reporter, erqi_reporter, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    link = reverse("tasks:detail", args=[issued.pk])
    before = {u: len(inbox(u)) for u in (analyst, jinshui_reporter, erqi_reporter)}
    workflow.take(issued, "receive", jinshui_reporter)
    assert inbox(analyst) == [("您交办的“整治背街小巷”已由金水区签收", link)]
    workflow.take(issued, "start", jinshui_reporter)  # nobody waits for it
    workflow.add_evidence(issued, SimpleUploadedFile("照片.jpg", b"jpeg"), jinshui_reporter)
    workflow.take(issued, "request", jinshui_reporter)
    assert inbox(analyst)[-1] == ("“整治背街小巷”(金水区牵头)申请办结,请审核", link)
    workflow.take(issued, "return", analyst, "照片不清楚")
    assert inbox(jinshui_reporter)[-1] == ("督办事项“整治背街小巷”被退回:照片不清楚", link)
    assert len(inbox(erqi_reporter)) == before[erqi_reporter]  # a return is the lead unit's to handle
    workflow.take(issued, "start", jinshui_reporter)
    workflow.take(issued, "request", jinshui_reporter)
    workflow.take(issued, "approve", analyst)
    assert inbox(jinshui_reporter)[-1] == inbox(erqi_reporter)[-1] == ("督办事项“整治背街小巷”已同意办结", link)
    assert [len(inbox(u)) - before[u] for u in (analyst, jinshui_reporter, erqi_reporter)] == [3, 2, 1]


def test_a_figure_approved_or_returned_tells_its_units_reporters(jinshui_reporter, erqi_reporter, analyst,
                                                                  assignments):
    first = submit(jinshui_reporter, [entry(value=300)]).written[0]
    return_revision(first, analyst, "与统计公报不符")
    assert inbox(jinshui_reporter) == [("数据“固定资产投资 · 金水区 · 2023年1–3月”被退回,请修改后重新报送:与统计公报不符",
                                        f"{reverse('figures:entry')}?period=2023M03")]
    second = submit(jinshui_reporter, [entry(period="2023M04", value=410)]).written[0]
    approve(second, analyst)
    assert inbox(jinshui_reporter)[-1] == (f"数据“{second.figure}”已审核通过", reverse("figures:review"))
    assert len(inbox(jinshui_reporter)) == 2 and inbox(erqi_reporter) == [] and inbox(analyst) == []


def test_an_obstacle_routed_and_answered(units, analyst, jinshui_reporter, fgw_reporter):
    project = Project.objects.create(code="N-1", name="北龙湖隧道", owner=units["金水区"])
    obstacle = obstacles.raise_obstacle(project, "land", "征地未完成", jinshui_reporter)
    link = reverse("projects:obstacle", args=[obstacle.pk])
    obstacles.route(obstacle, units["郑州市发展和改革委员会"], analyst, days=5)
    [(routed, routed_link)] = inbox(fgw_reporter)
    assert routed.startswith("项目“北龙湖隧道”的") and "转您办理" in routed and routed_link == link
    obstacles.answer(obstacle, "已协调自然资源局", fgw_reporter)
    [(answered, answered_link)] = inbox(jinshui_reporter)
    assert "已由郑州市发展和改革委员会答复" in answered or "答复,请确认" in answered
    assert answered_link == link and len(inbox(fgw_reporter)) == 1


def test_a_plan_published_tells_the_units_with_a_share(plan, analyst, assignments, jinshui_reporter, erqi_reporter):
    publishing.unpublish(plan, analyst)
    publishing.publish(plan, analyst, confirmed=True)
    expected = (f"规划“{plan.title}”已发布,请按其中本单位的目标报送进展", reverse("plans:detail", args=[plan.pk]))
    assert inbox(jinshui_reporter) == inbox(erqi_reporter) == [expected]
    assert inbox(analyst) == []


def test_a_unit_with_nobody_to_receive_it_is_said(analyst, units, caplog):
    with caplog.at_level(logging.WARNING, logger="luoshi.notices"):
        workflow.issue(analyst, title="无人接收的事项", lead_unit=units["中原区"])
    assert Notification.objects.count() == 0
    assert "无人接收:新交办督办事项“无人接收的事项”,请签收" in caplog.text


def test_an_archived_account_hears_nothing(analyst, units, jinshui_reporter):
    jinshui_reporter.is_active = False
    jinshui_reporter.save()
    workflow.issue(analyst, title="归档账户", lead_unit=units["金水区"])
    assert inbox(jinshui_reporter) == []
