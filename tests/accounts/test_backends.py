"""The signed-in user is read with their unit, in one query; an inactive account is not signed in."""

import pytest
from django.urls import reverse


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
