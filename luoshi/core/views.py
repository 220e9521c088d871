"""变更记录 page: the change log within the reader's jurisdiction, filtered, or one object's history."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render

from luoshi.core import history
from luoshi.core.errors import FieldErrors
from luoshi.core.models import ObjectChange

PAGE_SIZE = 50


@login_required
def change_list(request):
    if not history.may_read(request.user):
        raise PermissionDenied("变更记录仅供分析员、领导和系统管理员查看")
    try:
        wanted, errors = history.ChangeFilter.parse(request.GET), []
    except FieldErrors as exc:
        wanted, errors = None, exc.detail
    changes = history.changes_for(request.user, wanted) if wanted else ObjectChange.objects.none()
    page = Paginator(changes, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "core/change_list.html", {
        "page": page, "wanted": wanted or history.ChangeFilter(), "errors": errors,
        "object_types": history.object_types(), "actions": ObjectChange.Action.choices,
        "query": _without_page(request.GET),
    }, status=422 if errors else 200)


def _without_page(params) -> str:
    params = params.copy()
    params.pop("page", None)
    return params.urlencode()
