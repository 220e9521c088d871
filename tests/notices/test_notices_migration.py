"""Moving the inbox to the notices app keeps every notification already stored (state moved, table renamed)."""

import datetime as dt

import pytest
from django.db import connection

from tests.migrating import migrate_one_by_one


@pytest.mark.django_db(transaction=True)
def test_the_move_keeps_existing_notifications(django_user_model):
    executor = migrate_one_by_one([("notices", None)])  # back to where tasks held the inbox
    old = executor.loader.project_state([("tasks", "0001_initial")]).apps
    user = old.get_model("accounts", "User").objects.create(username="before", role="reporter")
    old.get_model("tasks", "Notification").objects.create(recipient_id=user.pk, key="task:1:overdue",
                                                          day=dt.date(2023, 4, 1), title="搬家之前的提醒",
                                                          link="/tasks/1/", emailed=True)
    migrate_one_by_one()

    from luoshi.notices.models import Notification

    note = Notification.objects.get(recipient__username="before")
    assert (note.key, note.title, note.link, note.emailed, note.read_at) == (
        "task:1:overdue", "搬家之前的提醒", "/tasks/1/", True, None)
    assert Notification._meta.db_table == "notices_notification"
    assert "tasks_notification" not in connection.introspection.table_names()
