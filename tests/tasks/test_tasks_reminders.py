"""`luoshi remind`: figures due and tasks due soon or overdue, by email and inbox, once per item per day."""

import datetime as dt
import os
import signal
import threading

import pytest
from django.core import mail

from luoshi.cli import main
from luoshi.notices.models import Notification
from luoshi.tasks import reminders
from luoshi.tasks.models import Task

TODAY = dt.date(2023, 4, 12)


@pytest.fixture
def overdue(task, jinshui_reporter):
    Task.objects.filter(pk=task.pk).update(deadline=dt.date(2023, 4, 1))
    jinshui_reporter.email = "jinshui@example.gov.cn"
    jinshui_reporter.save()
    return task


def test_each_unit_hears_its_figures_due_and_its_tasks_overdue(overdue, assignments, other_task):
    found = {(d.user.username, d.notice.text) for d in reminders.pending(TODAY)}
    assert ("jinshui", "督办事项“测试督办事项”待签收,逾期 11 天") in found
    assert ("erqi", "督办事项“测试督办事项”待签收,逾期 11 天") in found  # co-unit
    assert ("leader", "您交办的“测试督办事项”(金水区牵头)待签收,逾期 11 天") in found  # 督办升级
    assert ("jinshui", "2023年1–3月“固定资产投资”待报送,04月15日截止") in found
    assert not any("中原区" in title for _, title in found)
    assert not any(user == "leader" and "报送" in title for user, title in found)  # leaders do not report figures
    assert not any("2022年" in title for _, title in found)  # only periods of the targets' own years


def test_dry_run_lists_and_sends_nothing(overdue, assignments, capsys):
    issued = Notification.objects.count()  # the task's own 下达 notices
    assert main(["remind", "--dry-run", "--date", TODAY.isoformat()]) == 0
    out = capsys.readouterr().out
    assert "金水区\tjinshui\tjinshui@example.gov.cn\t督办事项“测试督办事项”待签收,逾期 11 天" in out
    assert "试运行:将发送 5 条提醒(未发送)" in out and "would send" not in out
    assert Notification.objects.count() == issued and mail.outbox == []


def test_remind_twice_sends_once(overdue, assignments, capsys):
    assert main(["remind", "--date", TODAY.isoformat()]) == 0
    first = Notification.objects.count()
    assert first >= 4 and len(mail.outbox) == 1  # only jinshui has an email address: one mail, every item
    assert "测试督办事项" in mail.outbox[0].body and mail.outbox[0].to == ["jinshui@example.gov.cn"]
    assert main(["remind", "--date", TODAY.isoformat()]) == 0
    assert Notification.objects.count() == first and len(mail.outbox) == 1
    assert "已发送 0 条提醒" in capsys.readouterr().out
    assert reminders.send(TODAY + dt.timedelta(days=1))  # a new day, a new reminder


def test_the_loop_stops_cleanly_on_sigterm(overdue, capsys):
    threading.Timer(0.5, os.kill, (os.getpid(), signal.SIGTERM)).start()
    assert main(["remind", "--loop", "--interval", "60", "--date", TODAY.isoformat()]) == 0
    out = capsys.readouterr().out
    assert "已发送" in out and "已停止" in out


def test_the_inbox_shows_the_unread_count(overdue, client_for):
    reminders.send(TODAY)
    client = client_for(overdue.lead_unit.users.get())
    page = client.get("/inbox/").content.decode()
    assert "测试督办事项" in page and 'class="badge"' in page
    client.post("/inbox/read/")
    assert 'class="badge"' not in client.get("/inbox/").content.decode()


def test_a_department_hears_of_an_obstacle_near_its_time_limit(units, leader, analyst):
    from luoshi.accounts.models import User
    from luoshi.projects import obstacles
    from luoshi.projects.models import Project

    fgw = User.objects.create_user(username="fgw", password="pw", role="reporter", unit=units["郑州市发展和改革委员会"])
    project = Project.objects.create(code="T-1", name="测试项目", owner=units["金水区"])
    o = obstacles.raise_obstacle(project, "land", "用地", None)
    obstacles.route(o, units["郑州市发展和改革委员会"], analyst, days=5, today=TODAY)
    assert not [d for d in reminders.pending(TODAY) if d.user == fgw]
    [soon] = [d.notice for d in reminders.pending(TODAY + dt.timedelta(days=3)) if d.user == fgw]
    assert soon.text == "项目“测试项目”的用地问题待答复,04月17日到期" and soon.key.endswith(":soon")
    [late] = [d.notice for d in reminders.pending(TODAY + dt.timedelta(days=6)) if d.user == fgw]
    assert late.key.endswith(":overdue") and "逾期 1 天" in late.text
