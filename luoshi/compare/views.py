"""对比 pages: the units below a unit, a unit across years, a unit beside its peers, and the briefing file."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.http import content_disposition_header, urlencode

from luoshi.briefings.content import BriefingError
from luoshi.briefings.render import FORMATS
from luoshi.compare import choices
from luoshi.compare.briefing import briefing_file, title
from luoshi.compare.comparison import (
    SORTS,
    CompareError,
    compare,
    find_series,
    history,
    labelled,
    peers,
    said,
)
from luoshi.compare.peer_groups import archive_group, groups_of, save_group
from luoshi.compare.records import comparison_record, year_record


def _picked(request) -> dict:
    """The page's choices: what was asked, else the defaults (GDP, the latest year with targets, own area)."""
    get = request.GET
    indicator = get.get("indicator") or choices.DEFAULT_INDICATOR
    try:
        series = find_series(indicator)
    except CompareError:
        series = choices.indicators().first()
    years = choices.years(request.user, series)
    parent = choices.default_parent(request.user)
    return {"indicator": series.name if series and not get.get("indicator") else indicator,
            "period": get.get("period") or years[0], "under": get.get("under") or (parent.code if parent else ""),
            "sort": get.get("sort") or "gap", "years": years}


def map_url(code: str) -> str:
    """The vendored boundaries of the units below CODE ("" when none are shipped)."""
    path = f"compare/maps/{code}.json"
    return static(path) if finders.find(path) else ""


def _form_context(request, picked: dict) -> dict:
    return {**picked, "indicators": choices.indicators(), "parents": choices.parents(), "sorts": SORTS}


@login_required
def index(request):
    picked = _picked(request)
    context = _form_context(request, picked)
    try:
        comparison = compare(picked["indicator"], picked["period"], picked["under"], request.user, sort=picked["sort"])
    except CompareError as exc:
        return render(request, "compare/index.html", {**context, "errors": labelled(exc.detail)}, status=400)
    record = comparison_record(comparison)
    return render(request, "compare/index.html", {
        **context, "comparison": comparison, "record": record, "formats": FORMATS,
        "chart": {**record, "map_url": map_url(comparison.parent.code)}})


@login_required
def years(request):
    indicator, unit = request.GET.get("indicator", choices.DEFAULT_INDICATOR), request.GET.get("unit", "")
    try:
        series, kind, found = history(indicator, unit, request.user)
    except CompareError as exc:
        return render(request, "compare/years.html", {"errors": labelled(exc.detail)}, status=400)
    rows = [year_record(y) for y in found]
    return render(request, "compare/years.html", {"series": series, "rows": rows, "unit_code": unit,
                                                  "unit_name": found[0].row.unit.name if found else unit,
                                                  "chart": {"rows": rows}})


def _peer_codes(request) -> list[str]:
    """The peers asked for: a saved list (?group=ID) or codes separated by commas."""
    group = request.GET.get("group", "")
    if group.isdigit():
        found = groups_of(request.user).filter(pk=int(group)).first()
        if found is not None:
            return found.unit_codes
    return [c.strip() for c in request.GET.get("peers", "").replace("，", ",").split(",") if c.strip()]


@login_required
def peer_view(request):
    get = request.GET
    if request.method == "POST":
        return _save_or_archive(request)
    codes = _peer_codes(request)
    context = {"unit_code": get.get("unit", ""), "peers": ",".join(codes), "groups": groups_of(request.user)}
    try:
        comparison = peers(get.get("indicator", choices.DEFAULT_INDICATOR), get.get("period", ""),
                           get.get("unit", ""), request.user, codes)
    except CompareError as exc:
        return render(request, "compare/peers.html", {**context, "errors": labelled(exc.detail)}, status=400)
    record = comparison_record(comparison)
    return render(request, "compare/peers.html", {**context, "comparison": comparison, "record": record,
                                                  "chart": {**record, "map_url": ""}})


def _save_or_archive(request):
    """POST: save the shown peers as a named list (name, unit, peers) or archive one (archive=ID)."""
    post = request.POST
    query = {k: post.get(k, "") for k in ("indicator", "period", "unit")}
    try:
        if post.get("archive", "").isdigit():
            group = archive_group(request.user, int(post["archive"]))
            messages.success(request, f"对比组“{group.name}”已归档")
            query["peers"] = post.get("peers", "")
        else:
            group = save_group(request.user, post.get("name", ""),
                               [query["unit"], *post.get("peers", "").replace("，", ",").split(",")])
            messages.success(request, f"对比组“{group.name}”已保存")
            query["group"] = str(group.pk)
    except CompareError as exc:
        messages.error(request, said(exc))
        query["peers"] = post.get("peers", "")
    return redirect(f"{reverse('compare:peers')}?{urlencode(query)}")


@login_required
def briefing(request):
    picked, fmt = _picked(request), request.GET.get("format", "docx")
    if fmt not in FORMATS:
        return HttpResponse(f"不支持的格式 {fmt!r}:应为 docx、xlsx 或 pdf", status=400,
                            content_type="text/plain; charset=utf-8")
    try:
        comparison = compare(picked["indicator"], picked["period"], picked["under"], request.user, sort=picked["sort"])
        content = briefing_file(comparison, fmt)
    except CompareError as exc:
        return HttpResponse(said(exc), status=400, content_type="text/plain; charset=utf-8")
    except BriefingError as exc:
        return HttpResponse(str(exc), status=400, content_type="text/plain; charset=utf-8")
    response = HttpResponse(content, content_type=FORMATS[fmt])
    response["Content-Disposition"] = content_disposition_header(True, f"{title(comparison)}.{fmt}")
    return response
