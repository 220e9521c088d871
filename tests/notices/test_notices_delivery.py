"""notices.delivery: once per key and day, whom a person-directed notice reaches, email after the commit."""

import datetime as dt

from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.urls import reverse

from luoshi.notices import reading
from luoshi.notices.delivery import DOERS, Notice, notify
from luoshi.notices.models import Notification

DAY = dt.date(2023, 5, 8)


class FailingBackend(BaseEmailBackend):
    """A mail server that is down."""

    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server down")


def test_the_same_event_notifies_once(units, jinshui_reporter):
    notice = Notice(units["金水区"].pk, "test:1", "一条通知", "/plans/", DOERS)
    assert len(notify(notice, day=DAY)) == 1
    assert notify(notice, day=DAY) == [] and notify(notice, notice, day=DAY) == []
    assert Notification.objects.filter(recipient=jinshui_reporter).count() == 1


def test_roles_choose_who_in_the_unit_hears(units, jinshui_reporter, analyst, leader):
    city = units["郑州市"].pk
    notify(Notice(city, "test:leaders", "目标转红", "/dashboard/", ("leader",)), day=DAY)
    assert [n.recipient for n in Notification.objects.all()] == [leader]


def test_a_person_directed_notice_needs_the_person_to_reach_its_unit(units, erqi_reporter, leader):
    notify(Notice(units["金水区"].pk, "test:person", "交办人才看", "", user_id=erqi_reporter.pk),
           Notice(units["金水区"].pk, "test:person", "交办人才看", "", user_id=leader.pk), day=DAY)
    assert [n.recipient for n in Notification.objects.all()] == [leader]


def test_email_goes_after_the_commit_when_enabled(units, jinshui_reporter, settings,
                                                  django_capture_on_commit_callbacks):
    settings.LUOSHI_EMAIL_NOTICES, settings.LUOSHI_SITE_URL = True, "https://luoshi.example.gov.cn"
    jinshui_reporter.email = "js@example.gov.cn"
    jinshui_reporter.save()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        notify(Notice(units["金水区"].pk, "test:mail", "请报送三月数据", "/figures/entry/", DOERS), day=DAY)
        assert mail.outbox == []  # nothing is mailed before the commit
    assert len(callbacks) == 1 and len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["js@example.gov.cn"] and message.subject == "落实 Luoshi:请报送三月数据"
    assert "https://luoshi.example.gov.cn/figures/entry/" in message.body
    assert Notification.objects.get().emailed


def test_no_email_when_the_installation_or_the_person_says_no(units, jinshui_reporter, settings,
                                                              django_capture_on_commit_callbacks):
    jinshui_reporter.email = "js@example.gov.cn"
    jinshui_reporter.save()
    settings.LUOSHI_EMAIL_NOTICES = False
    with django_capture_on_commit_callbacks(execute=True):
        notify(Notice(units["金水区"].pk, "test:off", "关闭时", "", DOERS), day=DAY)
    settings.LUOSHI_EMAIL_NOTICES = True
    reading.choose_email(jinshui_reporter, False)
    with django_capture_on_commit_callbacks(execute=True):
        notify(Notice(units["金水区"].pk, "test:declined", "本人关闭时", "", DOERS), day=DAY)
    assert mail.outbox == [] and Notification.objects.filter(emailed=False).count() == 2


def test_a_failing_mail_server_does_not_fail_the_request(client_for, analyst, units, jinshui_reporter, settings,
                                                         django_capture_on_commit_callbacks, caplog):
    settings.EMAIL_BACKEND = f"{__name__}.FailingBackend"
    settings.LUOSHI_EMAIL_NOTICES = True
    jinshui_reporter.email = "js@example.gov.cn"
    jinshui_reporter.save()
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(analyst).post(reverse("tasks:new"), {"title": "邮件失败时", "lead_unit": units["金水区"].pk})
    assert response.status_code == 302
    note = Notification.objects.get(recipient=jinshui_reporter)
    assert not note.emailed and "通知邮件发送失败:jinshui" in caplog.text
