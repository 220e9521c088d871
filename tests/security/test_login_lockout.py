"""Login throttling (django-axes): wrong passwords lock the account and are logged; validators; own password."""

import datetime as dt

import pytest
from axes.models import AccessAttempt, AccessFailureLog
from axes.utils import reset
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse

pytestmark = pytest.mark.django_db
LOCKED = "已暂时锁定"


def attempt(client, username, password):
    return client.post(reverse("login"), {"username": username, "password": password})


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_two_hundred_wrong_passwords_lock_the_account_and_are_logged(client, jinshui_reporter):
    answers = [attempt(client, "jinshui", f"wrong-guess-{n}") for n in range(200)]
    assert answers[0].status_code == 200 and LOCKED not in answers[0].text
    assert answers[-1].status_code == 429 and LOCKED in answers[-1].text
    assert sum(a.status_code == 429 for a in answers) == 200 - settings.AXES_FAILURE_LIMIT + 1
    assert AccessAttempt.objects.get(username="jinshui").failures_since_start >= settings.AXES_FAILURE_LIMIT
    assert AccessFailureLog.objects.filter(username="jinshui", locked_out=True).exists()
    assert AccessFailureLog.objects.filter(username="jinshui").count() >= settings.AXES_FAILURE_LIMIT

    right = attempt(client, "jinshui", "pw-jinshui")
    assert right.status_code == 429 and LOCKED in right.text and not signed_in(client)

    reset(username="jinshui")  # what `luoshi manage axes_reset_username jinshui` does
    assert attempt(client, "jinshui", "pw-jinshui").status_code == 302 and signed_in(client)


def test_the_lock_lifts_after_the_cool_off_and_binds_only_that_account(client, jinshui_reporter, erqi_reporter):
    for n in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "jinshui", f"wrong-{n}")
    assert attempt(client, "jinshui", "pw-jinshui").status_code == 429
    assert attempt(client, "erqi", "pw-erqi").status_code == 302

    past = dt.timedelta(minutes=1) + settings.AXES_COOLOFF_TIME
    AccessAttempt.objects.filter(username="jinshui").update(attempt_time=AccessAttempt.objects.get(
        username="jinshui").attempt_time - past)
    assert attempt(client, "jinshui", "pw-jinshui").status_code == 302


def test_fewer_failures_than_the_limit_leave_the_right_password_working(client, jinshui_reporter):
    for n in range(settings.AXES_FAILURE_LIMIT - 1):
        assert attempt(client, "jinshui", f"almost-{n}").status_code == 200
    assert attempt(client, "jinshui", "pw-jinshui").status_code == 302


@pytest.mark.parametrize(("password", "code"), [
    ("84920573611", "password_entirely_numeric"),
    ("Qx7#vk2pL", "password_too_short"),          # 9 characters: under LUOSHI_PASSWORD_MIN_LENGTH (10)
    ("password123", "password_too_common"),
    ("jinshui-reporter", "password_too_similar"),  # the user's own name
])
def test_the_password_validators_refuse_weak_passwords(jinshui_reporter, password, code):
    jinshui_reporter.username = "jinshui-reporter"
    with pytest.raises(ValidationError) as refused:
        validate_password(password, jinshui_reporter)
    assert code in {error.code for error in refused.value.error_list}


def test_every_signed_in_user_changes_their_own_password(client_for, jinshui_reporter):
    client = client_for(jinshui_reporter)
    assert reverse("accounts:password_change") in client.get(reverse("plans:list")).text
    page = client.get(reverse("accounts:password_change"))
    assert page.status_code == 200 and "修改密码" in page.text

    weak = client.post(reverse("accounts:password_change"), {
        "old_password": "pw-jinshui", "new_password1": "1234567890", "new_password2": "1234567890"})
    assert weak.status_code == 200 and "数字" in weak.text
    jinshui_reporter.refresh_from_db()
    assert jinshui_reporter.check_password("pw-jinshui")

    done = client.post(reverse("accounts:password_change"), {
        "old_password": "pw-jinshui", "new_password1": "Huanghe-2023-dike", "new_password2": "Huanghe-2023-dike"})
    assert done.status_code == 302 and done.url == reverse("accounts:password_change_done")
    jinshui_reporter.refresh_from_db()
    assert jinshui_reporter.check_password("Huanghe-2023-dike")
    assert signed_in(client) and "密码已修改" in client.get(done.url).text


def test_the_change_password_page_needs_a_login(client):
    response = client.get(reverse("accounts:password_change"))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_sessions_last_the_configured_hours():
    assert settings.SESSION_COOKIE_AGE == 12 * 3600
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is False
