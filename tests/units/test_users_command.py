"""`luoshi users add|list|archive`: accounts bound to units, refused with reasons, archived not deleted."""

import re

import pytest
from django.core.management import CommandError, call_command

from luoshi.accounts import people
from luoshi.accounts.models import User
from luoshi.core.models import ObjectChange


def run(capsys, *args) -> str:
    call_command("users", *args)
    return capsys.readouterr().out


def test_a_reporter_is_added_to_their_unit_with_a_generated_password(units, capsys):
    out = run(capsys, "add", "zhongmu", "--role", "reporter", "--unit", "410122", "--name", "中牟县统计员")
    user = User.objects.get(username="zhongmu")
    assert user.unit == units["中牟县"] and user.role == "reporter" and user.display_name == "中牟县统计员"
    password = out.split("初始密码(只显示这一次):")[1].strip()
    assert user.check_password(password) and "已添加 zhongmu(填报员) · 中牟县(410122)" in out
    change = ObjectChange.objects.get(changed_object_id=user.pk, action="create", object_repr="中牟县统计员")
    assert change.postchange_data["unit_id"] == units["中牟县"].pk and "password" not in change.postchange_data


def test_a_given_password_is_kept_and_not_printed(units, capsys):
    out = run(capsys, "add", "kf-analyst", "--role", "analyst", "--unit", "410100", "--password", "Luoshi-测试-2026")
    assert "初始密码" not in out
    assert User.objects.get(username="kf-analyst").check_password("Luoshi-测试-2026")


@pytest.mark.parametrize("args, reason", [
    (["--role", "mayor", "--unit", "410100"], "未知角色 mayor;可选:admin(系统管理员)"),
    (["--role", "reporter", "--unit", "419999"], "没有代码为 419999 的单位"),
    (["--role", "reporter"], "填报员必须绑定一个单位"),
    (["--role", "reporter", "--unit", "410105", "--password", "123"], "密码不符合要求"),
])
def test_bad_requests_are_refused_with_a_clear_message(units, args, reason):
    with pytest.raises(CommandError, match=re.escape(reason)):
        call_command("users", "add", "someone", *args)
    assert not User.objects.filter(username="someone").exists()


def test_an_existing_username_is_refused(jinshui_reporter):
    with pytest.raises(CommandError, match="用户名 jinshui 已存在"):
        call_command("users", "add", "jinshui", "--role", "reporter", "--unit", "410105")


def test_an_admin_needs_no_unit(db, capsys):
    run(capsys, "add", "ops", "--role", "admin", "--password", "Luoshi-运维-2026")
    assert User.objects.get(username="ops").is_superuser


def test_list_narrows_to_a_unit_and_what_lies_below_it(jinshui_reporter, erqi_reporter, analyst, capsys):
    out = run(capsys, "list", "--unit", "410105")
    assert "jinshui" in out and "erqi" not in out
    assert {"jinshui", "erqi", "analyst"} <= {line.split("\t")[0] for line in run(capsys, "list", "--unit", "410100").splitlines()}


def test_archive_deactivates_and_keeps_the_account(jinshui_reporter, capsys):
    assert "已归档 jinshui" in run(capsys, "archive", "jinshui")
    user = User.objects.get(username="jinshui")
    assert not user.is_active and user.unit.name == "金水区"
    assert ObjectChange.objects.get(changed_object_id=user.pk, action="update").diff == {"is_active": (True, False)}
    assert "已归档" in run(capsys, "list", "--unit", "410105")
    with pytest.raises(people.PeopleError, match="账号 jinshui 已归档"):
        people.archive_person("jinshui")
