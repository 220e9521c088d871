"""指标库 pages: every signed-in user reads the catalogue; analysts and admins add, edit and archive."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from luoshi.figures.catalogue import filter_series
from luoshi.figures.forms import SeriesForm
from luoshi.figures.models import Series

FILTERS = ("q", "frequency", "publisher", "archived")


def _editor(request) -> None:
    if not request.user.edits_plans:
        raise PermissionDenied("只有分析员和管理员可以修改指标库")


@login_required
def catalogue_list(request):
    """指标库: search by name or alias, filter by frequency, publisher and archived."""
    chosen = {name: request.GET.get(name, "") for name in FILTERS}
    return render(request, "figures/catalogue_list.html", {
        "series_list": filter_series(Series.objects.all(), **chosen), "chosen": chosen,
        "frequencies": Series.Frequency.choices, "publishers": Series.Publisher.choices,
        "can_edit": request.user.edits_plans})


def _series_form(request, series: Series, done: str):
    """The add/edit form for `series`; a valid POST saves it and says `done` (with the series' name)."""
    form = SeriesForm(request.POST or None, instance=series)
    if request.method == "POST" and form.is_valid():
        series = form.save()
        messages.success(request, done.format(series.name))
        return redirect("catalogue:list")
    status = 422 if request.method == "POST" else 200
    return render(request, "figures/catalogue_form.html", {"form": form, "series": form.instance}, status=status)


@login_required
def series_add(request):
    _editor(request)
    return _series_form(request, Series(created_by=request.user), done="已新建指标“{}”")


@login_required
def series_edit(request, pk: int):
    _editor(request)
    return _series_form(request, get_object_or_404(Series, pk=pk), done="已保存指标“{}”")


@login_required
@require_POST
def series_archive(request, pk: int, archived: bool):
    """归档 / 恢复: an archived series is kept with its figures but no longer offered to new targets."""
    _editor(request)
    series = get_object_or_404(Series, pk=pk)
    series.archived = archived
    series.save(update_fields=["archived", "modified"])
    messages.success(request, f"指标“{series.name}”已{'归档' if archived else '恢复'}")
    return redirect("catalogue:list")
