import datetime as dt
from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from luoshi.accounts.scoping import CHANGE, units_for
from luoshi.figures import excel, subjects, uploads
from luoshi.figures.catalogue import series_named
from luoshi.figures.forms import entries_from_form, problems_by_row
from luoshi.figures.marks import MarkError, mark_not_published
from luoshi.figures.models import FigureRevision, Upload
from luoshi.figures.slots import slots_for
from luoshi.figures.submission import FiguresRejected, ReviewError, approve, return_revision, submit
from luoshi.lib.periods import Frequency, Period, PeriodError, latest_period, parse
from luoshi.plans.periods import ended_months
from luoshi.units.models import Unit


def reporting_unit(request) -> Unit:
    """The unit whose figures the user enters: a reporter's own; analysts choose within their jurisdiction."""
    user = request.user
    if user.role == user.Role.REPORTER:
        return user.unit
    if not user.edits_plans:
        raise PermissionDenied("领导账号不填报数据")
    code = request.GET.get("unit") or request.POST.get("unit")
    if code:
        return get_object_or_404(units_for(user, CHANGE), code=code)
    unit = user.unit or Unit.objects.filter(kind=Unit.Kind.CITY).first()
    if unit is None:
        raise Http404("没有市级单位")
    return unit


def _period(request) -> Period:
    """The period asked for, else the newest ended month of the user's plan years."""
    if code := request.GET.get("period"):
        try:
            return parse(code)
        except PeriodError as exc:
            messages.error(request, _("期间无效:%(error)s") % {"error": exc})
    months = ended_months(request.user)
    return months[0] if months else latest_period(Frequency.MONTHLY, dt.date.today())


@login_required
def entry(request):
    """数据填报: one unit, one period, every series it reports (all or nothing on submit)."""
    unit, period = reporting_unit(request), _period(request)
    slots = slots_for(unit, period)
    problems = {}
    if request.method == "POST":
        entries = entries_from_form(request.POST, slots)
        try:
            outcome = submit(request.user, entries, channel="web")
        except FiguresRejected as rejected:
            problems = problems_by_row(rejected.validation)
            messages.error(request, f"未保存:{rejected}。请按提示修改后重新提交。")
        else:
            _tell_saved(request, outcome)
            return redirect(f"{reverse('figures:entry')}?unit={unit.code}&period={period.code}")
    return render(request, "figures/entry.html", {
        "unit": unit, "period": period, "slots": slots, "problems": problems,
        "periods": ended_months(request.user, also=period), "units": _units_for(request.user),
        "can_mark": request.user.edits_plans})


def _tell_saved(request, outcome) -> None:
    """What a 提交 did: how many figures were stored, or — a warning, not a success — that none was."""
    written = len(outcome.written)
    unchanged = len(outcome.validation.changes) - written
    if not written:
        messages.warning(request, _("没有提交任何数据:各行都未填写数值,或与已有数据相同。") if not unchanged else
                         _("没有提交任何数据:所填 %(count)d 条与已有数据相同。") % {"count": unchanged})
        return
    text = (_("%(count)d 条数据已采用") if request.user.edits_plans else _("%(count)d 条数据已提交,待审核")) % {
        "count": written}
    if unchanged:
        text += _(";%(count)d 条无变化") % {"count": unchanged}
    messages.success(request, text)


def _units_for(user):
    return units_for(user, CHANGE).active() if user.edits_plans else Unit.objects.none()


@login_required
def review_queue(request):
    """审核: submitted figures waiting for an analyst; reporters see their own unit's submissions."""
    revisions = (FigureRevision.objects.restrict(request.user)
                 .select_related("figure__series", "figure__unit", "figure__approved_revision")
                 .order_by("-submitted_at"))
    pending = list(revisions.filter(status=FigureRevision.Status.SUBMITTED))
    recent = list(revisions.exclude(status=FigureRevision.Status.SUBMITTED)[:30])
    subjects.attach(r.figure for r in (*pending, *recent))
    return render(request, "figures/review.html", {"pending": pending, "recent": recent,
                                                   "can_review": request.user.edits_plans})


@login_required
@require_POST
def review_action(request, pk: int, action: str):
    """通过 / 退回 one submission; htmx gets the updated row, a plain form post the queue again."""
    revision = get_object_or_404(FigureRevision.objects.restrict(request.user), pk=pk)
    error = ""
    try:
        if action == "approve":
            revision = approve(revision, request.user, request.POST.get("note", ""))
        else:
            revision = return_revision(revision, request.user, request.POST.get("reason", ""))
    except ReviewError as exc:
        error = str(exc)
    if request.headers.get("HX-Request") == "true":
        return render(request, "figures/review_row.html", {"revision": revision, "error": error,
                                                           "can_review": request.user.edits_plans},
                      status=422 if error else 200)
    if error:
        messages.error(request, error)
    else:
        messages.success(request, f"{revision.figure}:{revision.get_status_display()}")
    return redirect("figures:review")


@login_required
def template_download(request):
    """The unit's Excel template for a period."""
    unit, period = reporting_unit(request), _period(request)
    content = excel.template(unit, period, slots_for(unit, period))
    response = HttpResponse(content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(excel.file_name(unit, period))}"
    return response


@login_required
def upload(request):
    """Excel 上传: check the whole file and show what would change (nothing written yet)."""
    if request.method != "POST" or "file" not in request.FILES:
        return render(request, "figures/upload.html", {})
    file = request.FILES["file"]
    try:
        found = uploads.preview(request.user, file.name, uploads.content_of(file))
    except uploads.UploadRejected as rejected:
        return render(request, "figures/upload.html", {"rejected": rejected, "validation": rejected.validation},
                      status=422)
    return render(request, "figures/upload.html", {"preview": found})


@login_required
@require_POST
def upload_apply(request, pk: int):
    pending = get_object_or_404(Upload, pk=pk, user=request.user)
    try:
        outcome = uploads.apply(pending, request.user)
    except uploads.UploadRejected as rejected:
        return render(request, "figures/upload.html", {"rejected": rejected, "validation": rejected.validation},
                      status=409)
    _tell_saved(request, outcome)
    return redirect("figures:review")


@login_required
@require_POST
def not_published(request):
    """标记未公布 (or take the mark back) for one unit's figure of one series and period."""
    unit = reporting_unit(request)
    series = series_named(request.POST.get("series", ""))
    period = request.POST.get("period", "")
    if series is None:
        raise Http404("没有这个统计指标")
    marked = request.POST.get("value", "1") == "1"
    try:
        figure = mark_not_published(series, unit, period, request.user, request.POST.get("note", ""), value=marked)
    except MarkError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"{figure}:{'已标记未公布' if marked else '已取消未公布标记'}")
    return redirect(f"{reverse('figures:entry')}?unit={unit.code}&period={request.POST.get('page_period') or period}")
