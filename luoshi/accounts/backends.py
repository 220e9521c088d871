"""Sign-in: Django's model backend, with the signed-in user read together with their unit."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class UserBackend(ModelBackend):
    """ModelBackend whose signed-in user comes with their unit (本单位): every page shows it and scopes by it
    (`scoping.reach`), so a page reads both in one query instead of two."""

    def get_user(self, user_id):
        users = get_user_model()._default_manager.select_related("unit")
        user = users.filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None
