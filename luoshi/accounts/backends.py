"""Sign-in: Django's model backend, with the signed-in user read together with their unit."""

from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import ValidationError

from luoshi.accounts.models import User
from luoshi.core import prepared
from luoshi.units.models import Unit


class UserBackend(ModelBackend):
    """ModelBackend whose signed-in user comes with their unit (本单位): every page shows it and scopes by it
    (`scoping.reach`), so a page reads both in one prepared query instead of two compiled ones."""

    def get_user(self, user_id):
        user = signed_in_user(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None


def signed_in_user(user_id) -> User | None:
    """The user of USER_ID (as the session keeps it) with their unit, as `select_related("unit")` reads them."""
    try:
        pk = User._meta.pk.to_python(user_id)
    except ValidationError:
        return None
    low, high = prepared.connection.ops.integer_field_range(User._meta.pk.get_internal_type())
    if pk is None or not low <= pk <= high:  # no row has it (SQLite's driver would refuse to pass it)
        return None
    users, units = prepared.columns(User, "u"), prepared.columns(Unit, "n")
    rows = prepared.fetch(f"SELECT {users.select}, {units.select} FROM {users.table} "
                          f"LEFT JOIN {units.table} ON n.id = u.unit_id WHERE u.id = %s", [pk])
    if not rows:
        return None
    user = users.instance(rows[0])
    User._meta.get_field("unit").set_cached_value(user, units.instance(rows[0], users.width))
    return user
