"""人员: add, list and archive accounts (never deleted), for `luoshi users` and any page that needs it.

Accounts are not ChangeLoggedModels (they build on Django's user), so every change here is written to
the change log explicitly, without the password.
"""

import secrets

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from luoshi.accounts.models import User
from luoshi.core.models import ObjectChange
from luoshi.core.signals import record
from luoshi.units.models import Unit

LOGGED = ("username", "display_name", "role", "unit_id", "is_active", "is_superuser")


class PeopleError(ValueError):
    """A request about an account that cannot be carried out, said so people can act on it."""


def snapshot(user: User) -> dict:
    return {name: getattr(user, name) for name in LOGGED}


def role_named(role: str) -> str:
    if role not in User.Role.values:
        choices = "、".join(f"{value}({label})" for value, label in User.Role.choices)
        raise PeopleError(_("未知角色 %(role)s;可选:%(choices)s") % {"role": role, "choices": choices})
    return role


def unit_coded(code: str) -> Unit:
    unit = Unit.objects.filter(code=code).first()
    if unit is None:
        raise PeopleError(_("没有代码为 %(code)s 的单位(可先运行 luoshi units import --under 行政区划代码)") % {"code": code})
    return unit


def open_unit(code: str) -> Unit:
    unit = unit_coded(code)
    if unit.archived:
        raise PeopleError(_("单位 %(name)s(%(code)s)已归档,不能再添加人员") % {"name": unit.name, "code": code})
    return unit


def generated_password() -> str:
    return secrets.token_urlsafe(12)


@transaction.atomic
def add_person(username: str, *, role: str, unit_code: str | None = None, display_name: str = "",
               password: str | None = None) -> tuple[User, str | None]:
    """A new account; returns it and the generated password (None when PASSWORD was given).

    Everyone but a system administrator belongs to a unit: without one they would see nothing.
    """
    role = role_named(role)
    if User.objects.filter(username=username).exists():
        raise PeopleError(_("用户名 %(username)s 已存在") % {"username": username})
    unit = open_unit(unit_code) if unit_code else None
    if unit is None and role != User.Role.ADMIN:
        raise PeopleError(_("%(role)s必须绑定一个单位(--unit 单位代码)") % {"role": User.Role(role).label})
    generated = None if password else generated_password()
    user = User(username=username, role=role, unit=unit, display_name=display_name)
    try:
        validate_password(password or generated, user)
    except ValidationError as exc:
        raise PeopleError(_("密码不符合要求:%(reasons)s") % {"reasons": " ".join(exc.messages)}) from exc
    user.set_password(password or generated)
    user.save()
    record(user, ObjectChange.Action.CREATE, None, snapshot(user))
    return user, generated


def people(unit_code: str | None = None):
    """Accounts, active first; with UNIT_CODE those of that unit and every unit below it."""
    users = User.objects.select_related("unit").order_by("-is_active", "unit__path", "username")
    return users.filter(unit__in=Unit.objects.within(unit_coded(unit_code))) if unit_code else users


def active_in(units, roles=()):
    """The active accounts of UNITS (units or their ids), with one of ROLES when given: who hears a unit's news."""
    users = User.objects.filter(unit__in=units, is_active=True).select_related("unit").order_by("unit_id", "username")
    return users.filter(role__in=roles) if roles else users


@transaction.atomic
def archive_person(username: str) -> User:
    """归档: the account can no longer sign in or use its API tokens; its history stays."""
    user = User.objects.filter(username=username).first()
    if user is None:
        raise PeopleError(_("没有用户名为 %(username)s 的账号") % {"username": username})
    if not user.is_active:
        raise PeopleError(_("账号 %(username)s 已归档") % {"username": username})
    before = snapshot(user)
    user.is_active = False
    user.save(update_fields=["is_active"])
    record(user, ObjectChange.Action.UPDATE, before, snapshot(user))
    return user
