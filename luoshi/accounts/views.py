"""Account pages: change one's own password, and the login page a locked account is shown."""

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.shortcuts import render
from django.urls import reverse_lazy

password_change = auth_views.PasswordChangeView.as_view(
    template_name="registration/password_change.html", success_url=reverse_lazy("accounts:password_change_done"))
password_change_done = auth_views.PasswordChangeDoneView.as_view(
    template_name="registration/password_change_done.html")


def locked_out(request, original_response=None, credentials=None):
    """django-axes' answer to a login of a locked account: the login page, saying why and for how long."""
    minutes = max(1, int(settings.AXES_COOLOFF_TIME.total_seconds() // 60))
    return render(request, "registration/login.html", {"locked_minutes": minutes}, status=429)
