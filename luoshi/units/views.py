"""单位 page: the tree of the user's jurisdiction; analysts add, rename, archive and import below their unit.

Every action posts a small form; htmx gets the unit's row (`unit_row.html`) back, a plain browser the page.
"""

from functools import partial

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from luoshi.accounts.scoping import CHANGE, units_for
from luoshi.units import editing
from luoshi.units.forms import AddUnitForm, ImportDivisionsForm, RenameUnitForm
from luoshi.units.holdings import holdings
from luoshi.units.importing import UnknownDivision, import_divisions
from luoshi.units.models import Unit
from luoshi.units.tree import build_tree

OPEN_LEVELS = 1  # the jurisdiction's own unit opens on its children; the rest unfold on demand


def is_htmx(request) -> bool:
    return request.headers.get("HX-Request") == "true"


def with_people(units):
    people = get_user_model().objects.filter(is_active=True).order_by("username")
    return units.select_related("parent").prefetch_related(Prefetch("users", queryset=people, to_attr="people"))


def decorate(units: list[Unit], changeable: set[int]) -> list[Unit]:
    """Give each unit what its row shows: what it owns and whether this user may change it."""
    owned = holdings([u.pk for u in units])
    for unit in units:
        unit.owns = owned.get(unit.pk, [])
        unit.editable = unit.pk in changeable
    return units


def changeable_ids(user) -> set[int]:
    """The units USER keeps (analysts and admins only; a reporter's own unit is theirs to report, not to edit)."""
    return set(units_for(user, CHANGE).values_list("pk", flat=True)) if user.edits_plans else set()


def open_levels(nodes, depth: int = 0) -> None:
    for node in nodes:
        node.open = depth < OPEN_LEVELS
        open_levels(node.children, depth + 1)


@login_required
def unit_tree(request):
    changeable = changeable_ids(request.user)
    units = units_for(request.user)
    if not changeable:
        units = units.filter(archived=False)
    roots = build_tree(decorate(list(with_people(units)), changeable))
    open_levels(roots)
    return render(request, "units/unit_tree.html", {
        "roots": roots, "import_form": ImportDivisionsForm() if may_import_any(request.user) else None})


def may_import_any(user) -> bool:
    return user.edits_plans


def scoped_unit(request, pk: int) -> Unit:
    """A unit of the user's jurisdiction (404 outside it: it is not there for them)."""
    return get_object_or_404(with_people(units_for(request.user)), pk=pk)


def add_errors(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)


def applied(form, change) -> Unit | None:
    """CHANGE(**the form's data) when the form is valid, else None; a ValidationError it raises goes on the form."""
    if not form.is_valid():
        return None
    try:
        return change(**form.cleaned_data)
    except ValidationError as exc:
        add_errors(form, exc)
        return None


def row(request, unit: Unit, *, message: str = "", refusal: str = "", created: Unit | None = None, **forms):
    """The unit's row for htmx (with the new unit appended to its children), else back to the page."""
    if not is_htmx(request):
        for error in [refusal] + [" ".join(e) for f in forms.values() for e in f.errors.values()]:
            if error:
                messages.error(request, error)
        if message:
            messages.success(request, message)
        return redirect("units:tree")
    unit = decorate([scoped_unit(request, unit.pk)], changeable_ids(request.user))[0]
    context = {"unit": unit, "message": message, "refusal": refusal, "title_oob": True,
               "open_actions": bool(refusal or forms), **forms}
    if created is not None:
        context["created_node"] = build_tree(decorate([scoped_unit(request, created.pk)], {created.pk}))[0]
    return HttpResponse(render_to_string("units/unit_row.html", context, request))


@login_required
def unit_actions(request, pk: int):
    """The maintenance forms of one unit, fetched when its 维护 panel is first opened."""
    unit = scoped_unit(request, pk)
    if unit.pk not in changeable_ids(request.user):
        raise PermissionDenied
    return render(request, "units/unit_actions.html", {"unit": unit})


@login_required
@require_POST
def add_unit(request, pk: int):
    parent = scoped_unit(request, pk)
    form = AddUnitForm(request.POST)
    child = applied(form, partial(editing.add_unit, parent, user=request.user))
    if child is None:
        return row(request, parent, add_form=form)
    return row(request, parent, created=child,
               message=_("已添加 %(name)s(%(code)s)") % {"name": child.name, "code": child.code})


@login_required
@require_POST
def rename_unit(request, pk: int):
    unit = scoped_unit(request, pk)
    form = RenameUnitForm(request.POST)
    if applied(form, partial(editing.rename_unit, unit, user=request.user)) is None:
        return row(request, unit, rename_form=form)
    return row(request, unit, message=_("已更名为 %(name)s") % {"name": unit.name})


@login_required
@require_POST
def archive_unit(request, pk: int, archived: bool):
    unit = scoped_unit(request, pk)
    change = editing.archive_unit if archived else editing.unarchive_unit
    try:
        change(unit, user=request.user)
    except ValidationError as exc:
        return row(request, unit, refusal=" ".join(exc.messages))
    return row(request, unit, message=_("已归档") if archived else _("已恢复"))


@login_required
@require_POST
def import_view(request):
    if not may_import_any(request.user):
        raise PermissionDenied
    form = ImportDivisionsForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
        return redirect("units:tree")
    try:
        report = import_divisions(form.cleaned_data["code"], request.user, form.cleaned_data["dry_run"])
    except (UnknownDivision, PermissionDenied) as exc:
        messages.error(request, str(exc))
    else:
        for line in report.lines(with_created=False):
            messages.info(request, line)
    return redirect("units:tree")
