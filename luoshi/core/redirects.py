"""Redirect targets taken from a request (`next`, the Referer), checked to stay on this site, and the POST
action that goes back to one when the domain refuses it (`acting`)."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from luoshi.core.workflow import NotAllowed


def safe_next(request, default: str) -> str:
    """The first of POST/GET `next` and the Referer that points into this site, else DEFAULT (URL or URL name)."""
    for candidate in (request.POST.get("next"), request.GET.get("next"), request.META.get("HTTP_REFERER")):
        if candidate and url_has_allowed_host_and_scheme(
                candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
            return candidate
    return resolve_url(default)


def acting(refused: type[Exception] | tuple[type[Exception], ...], back: str):
    """Decorator of a signed-in POST action: `NotAllowed` (any workflow's) is a 403; a REFUSED error becomes
    a message and a redirect back (`safe_next`, else BACK), never a 500.

        acting = redirects.acting(TaskError, "tasks:list")
    """
    def decorate(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            try:
                return view(request, *args, **kwargs)
            except NotAllowed as exc:
                raise PermissionDenied(str(exc)) from exc
            except refused as exc:
                messages.error(request, str(exc))
                return redirect(safe_next(request, back))
        return login_required(require_POST(wrapper))
    return decorate
