"""企业库 pages: the register (search, filters), one enterprise, add, edit and archive."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from luoshi.core.errors import FieldErrors
from luoshi.enterprises import register
from luoshi.enterprises.filters import filtered
from luoshi.enterprises.forms import EnterpriseForm
from luoshi.enterprises.panels import ENTERPRISE_PANELS

PAGE_SIZE = 50


@login_required
def enterprise_list(request):
    rows, form = filtered(register.visible(request.user), request.GET)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "enterprises/enterprise_list.html", {
        "page": page, "form": form, "editable": register.may_edit(request.user)})


@login_required
def enterprise_detail(request, pk: int):
    enterprise = get_object_or_404(register.visible(request.user), pk=pk)
    return render(request, "enterprises/enterprise_detail.html", {
        "enterprise": enterprise, "editable": register.may_edit(request.user, enterprise),
        "panels": ENTERPRISE_PANELS.rendered(request.user, enterprise)})


def _form(request, enterprise=None):
    form = EnterpriseForm(request.POST or None, instance=enterprise, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            if enterprise is None:
                enterprise = register.create_enterprise(request.user, **form.values())
            else:
                register.update_enterprise(request.user, enterprise, **form.values())
        except FieldErrors as exc:
            for item in exc.detail:
                form.add_error(item["field"] if item["field"] in form.fields else None, item["message"])
        else:
            messages.success(request, "企业信息已保存")
            return redirect("enterprises:detail", pk=enterprise.pk)
    return render(request, "enterprises/enterprise_form.html", {"form": form, "enterprise": enterprise})


@login_required
def enterprise_new(request):
    if not register.may_edit(request.user):
        raise PermissionDenied("只有分析员可以维护企业库")
    return _form(request)


@login_required
def enterprise_edit(request, pk: int):
    enterprise = get_object_or_404(register.visible(request.user), pk=pk)
    if not register.may_edit(request.user, enterprise):
        raise PermissionDenied("您不能修改这家企业")
    return _form(request, register.visible(request.user).get(pk=pk))


@login_required
@require_POST
def enterprise_archive(request, pk: int):
    enterprise = get_object_or_404(register.visible(request.user), pk=pk)
    register.archive_enterprise(request.user, enterprise, archived=request.POST.get("restore") != "1")
    messages.success(request, "企业已归档" if enterprise.archived else "企业已恢复")
    return redirect("enterprises:detail", pk=pk)
