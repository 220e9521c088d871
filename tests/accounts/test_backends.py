"""The signed-in user is read with their unit in one prepared query, field for field as the ORM reads them; an
inactive account, an unknown or malformed id is no signed-in user."""

import datetime as dt

import pytest
from django.contrib.auth.backends import ModelBackend
from django.urls import reverse
from django.utils import timezone

from luoshi.accounts.backends import UserBackend, signed_in_user
from luoshi.accounts.models import User
from luoshi.units.models import Unit


def test_the_signed_in_user_comes_with_their_unit(client_for, jinshui_reporter, django_assert_num_queries):
    request = client_for(jinshui_reporter).get(reverse("plans:list")).wsgi_request
    with django_assert_num_queries(0):
        assert request.user.unit.name == "金水区"


@pytest.mark.django_db
def test_an_inactive_account_is_signed_out(client_for, jinshui_reporter):
    client = client_for(jinshui_reporter)
    jinshui_reporter.is_active = False
    jinshui_reporter.save()
    assert not client.get(reverse("plans:list")).wsgi_request.user.is_authenticated


def assert_same_fields(model, ours, theirs) -> None:
    """Every concrete field of OURS has the value and type of THEIRS'."""
    assert ours is not None and theirs is not None
    for field in model._meta.concrete_fields:
        a, b = getattr(ours, field.attname), getattr(theirs, field.attname)
        assert (a, type(a)) == (b, type(b)), field.name
    assert (ours._state.adding, ours._state.db) == (False, theirs._state.db)


@pytest.mark.django_db
def test_signed_in_user_reads_the_user_and_their_unit_as_the_orm(jinshui_reporter, django_assert_num_queries):
    User.objects.filter(pk=jinshui_reporter.pk).update(
        last_login=timezone.now() - dt.timedelta(hours=3), email="jinshui@example.org", first_name="金",
        last_name="水")
    with django_assert_num_queries(1):
        user = signed_in_user(str(jinshui_reporter.pk))
    assert_same_fields(User, user, User.objects.get(pk=jinshui_reporter.pk))
    with django_assert_num_queries(0):
        unit = user.unit
    assert_same_fields(Unit, unit, Unit.objects.get(code="410105"))
    assert unit.name == "金水区" and unit.path == "/410000/410100/410105/"


@pytest.mark.django_db
def test_an_integer_id_reads_the_same_user(analyst):
    assert_same_fields(User, signed_in_user(analyst.pk), User.objects.get(pk=analyst.pk))


@pytest.mark.django_db
def test_a_user_without_a_unit_has_none_without_a_query(admin_user, django_assert_num_queries):
    user = signed_in_user(str(admin_user.pk))
    assert_same_fields(User, user, User.objects.get(pk=admin_user.pk))
    with django_assert_num_queries(0):
        assert user.unit is None
    assert user.unit_id is None


@pytest.mark.django_db
@pytest.mark.parametrize("user_id", ["abc", "", "1.5", None])
def test_an_id_that_is_no_number_is_no_user(jinshui_reporter, user_id):
    assert signed_in_user(user_id) is None


@pytest.mark.django_db
def test_an_unknown_id_is_no_user(jinshui_reporter):
    unknown = User.objects.order_by("-pk").first().pk + 1000
    assert signed_in_user(str(unknown)) is None
    assert UserBackend().get_user(str(unknown)) is None


@pytest.mark.django_db
@pytest.mark.parametrize("user_id", [str(2**63), str(-(2**63) - 1), str(10**30)])
def test_an_id_beyond_the_columns_range_is_no_user_as_the_orm_finds_none(jinshui_reporter, user_id):
    assert User.objects.select_related("unit").filter(pk=user_id).first() is None
    assert signed_in_user(user_id) is None


@pytest.mark.django_db
def test_the_backend_gives_the_active_user_and_refuses_an_inactive_one(jinshui_reporter):
    backend = UserBackend()
    assert_same_fields(User, backend.get_user(str(jinshui_reporter.pk)), ModelBackend().get_user(jinshui_reporter.pk))
    User.objects.filter(pk=jinshui_reporter.pk).update(is_active=False)
    assert backend.get_user(str(jinshui_reporter.pk)) is None
    assert ModelBackend().get_user(jinshui_reporter.pk) is None
