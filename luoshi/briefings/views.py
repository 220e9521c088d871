"""通报 on the web: a form and the download, for analysts and leaders."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.http import content_disposition_header

from luoshi.briefings.content import BriefingError, build_briefing
from luoshi.briefings.render import FORMATS, briefing_file
from luoshi.dashboard.board import pick_plan, picker_periods, visible_plans


def _readers_only(user) -> None:
    if not user.jurisdiction.several:
        raise PermissionDenied("通报仅供辖区内有多个单位的分析员和领导下载")


@login_required
def index(request):
    _readers_only(request.user)
    plans = list(visible_plans(request.user))
    plan_id = request.GET.get("plan", "")
    plan = pick_plan(plans, int(plan_id) if plan_id.isdigit() else None)
    return render(request, "briefings/index.html", {
        "plans": plans, "plan": plan, "periods": picker_periods(plan.year) if plan else [],
        "period": request.GET.get("period", ""), "formats": FORMATS})


@login_required
def download(request):
    _readers_only(request.user)
    plan = get_object_or_404(visible_plans(request.user), pk=request.GET.get("plan") or 0)
    fmt = request.GET.get("format", "pdf")
    try:
        briefing = build_briefing(plan, request.GET.get("period") or None, request.user, serial=_serial(request))
        content = _render(briefing, fmt)
    except BriefingError as exc:
        return HttpResponse(str(exc), status=400, content_type="text/plain; charset=utf-8")
    response = HttpResponse(content, content_type=FORMATS[fmt])
    response["Content-Disposition"] = content_disposition_header(True, f"{briefing.title}.{fmt}")
    return response


def _serial(request) -> int | None:
    raw = request.GET.get("number", "")
    return int(raw) if raw.isdigit() and 0 < int(raw) < 10000 else None


def _render(briefing, fmt: str) -> bytes:
    if fmt not in FORMATS:
        raise BriefingError(f"不支持的格式 {fmt!r}")
    return briefing_file(briefing, fmt)
