"""审核 pages: thin views over the drafting, decision and re-extraction functions."""

import datetime as dt
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import model_to_dict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from luoshi.accounts.scoping import CHANGE, units_for
from luoshi.plans.models import Plan
from luoshi.review import decisions, publishing
from luoshi.review.drafting import create_plan_from_text
from luoshi.review.forms import NewPlanForm, PlanTextForm, ProposalForm
from luoshi.review.highlight import pieces
from luoshi.review.models import Proposal
from luoshi.review.reextraction import edit_text, reextract

PLAN_FIELDS = ("title", "year", "region", "issuer", "text", "source_title", "source_publisher",
               "source_date", "source_url")


def plan_editor_required(view):
    """Signed in (else to the login page) and an analyst or admin (else 403)."""
    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.edits_plans:
            raise PermissionDenied
        return view(request, *args, **kwargs)
    return wrapper


def is_htmx(request) -> bool:
    return request.headers.get("HX-Request") == "true"


def editable_plan(request, pk: int) -> Plan:
    return get_object_or_404(Plan.objects.restrict(request.user, CHANGE).filter(archived=False), pk=pk)


def editable_proposal(request, pk: int) -> Proposal:
    plans = Plan.objects.restrict(request.user, CHANGE).filter(archived=False)
    return get_object_or_404(Proposal.objects.select_related("plan", "target", "owner", "region_unit", "series").filter(plan__in=plans),
                             pk=pk)


def review_url(plan_id: int, anchor: str = "") -> str:
    return reverse("review:plan", args=[plan_id]) + (f"#{anchor}" if anchor else "")


def review_context(plan: Plan, **extra) -> dict:
    proposals = list(plan.proposals.select_related("owner", "target", "region_unit", "series"))
    counts = {status: sum(p.status == status for p in proposals) for status in Proposal.Status.values}
    return {"plan": plan, "proposals": proposals, "pieces": pieces(plan.text, proposals),
            "undecided": counts["pending"] + counts["stale"],
            "status_counts": [(value, label, counts[value]) for value, label in Proposal.Status.choices],
            "add_form": ProposalForm(plan=plan, prefix="add"), **extra}


def render_review(request, plan: Plan, **extra):
    return render(request, "review/review.html", review_context(plan, **extra))


def respond_with_row(request, proposal: Proposal, form: ProposalForm | None = None):
    """htmx gets the proposal's row (plus the re-highlighted text); a browser without it, the page."""
    if not is_htmx(request):
        if form is not None:
            return render_review(request, proposal.plan, editing=proposal.pk, form=form)
        return redirect(review_url(proposal.plan_id, f"proposal-{proposal.pk}"))
    context = review_context(proposal.plan, proposal=proposal, form=form, oob=True)
    return render(request, "review/proposal_row.html", context)


@plan_editor_required
def new_plan(request):
    initial = {"year": dt.date.today().year, "issuer": request.user.unit_id}
    form = NewPlanForm(request.POST or None, request.FILES or None, initial=initial)
    form.fields["issuer"].queryset = units_for(request.user, CHANGE)
    if request.method == "POST" and form.is_valid():
        plan = create_plan_from_text(request.user, **{f: form.cleaned_data[f] for f in PLAN_FIELDS})
        messages.success(request, _("已新建规划草稿,抽取出 %(n)s 条提议目标,请逐条审核。") % {
            "n": plan.proposals.count()})
        return redirect(review_url(plan.pk))
    return render(request, "review/new_plan.html", {"form": form})


@plan_editor_required
def review_plan(request, pk: int):
    return render_review(request, editable_plan(request, pk))


@plan_editor_required
def proposal_row(request, pk: int):
    return respond_with_row(request, editable_proposal(request, pk))


@plan_editor_required
@require_POST
def accept_proposal(request, pk: int):
    proposal = editable_proposal(request, pk)
    try:
        decisions.accept(proposal, request.user)
    except ValidationError:
        form = ProposalForm(model_to_dict(proposal, fields=decisions.EDITABLE), plan=proposal.plan,
                            instance=proposal)
        form.is_valid()
        return respond_with_row(request, proposal, form)
    return respond_with_row(request, proposal)


@plan_editor_required
def edit_proposal(request, pk: int):
    proposal = editable_proposal(request, pk)
    form = ProposalForm(request.POST or None, plan=proposal.plan, instance=proposal)
    if request.method == "POST" and form.is_valid():
        decisions.accept(proposal, request.user, **form.edits())
        return respond_with_row(request, proposal)
    return respond_with_row(request, proposal, form)


@plan_editor_required
@require_POST
def accept_all_proposals(request, pk: int):
    """全部采纳: every pending proposal as proposed (series, region unit, owner), as `luoshi plan new --accept-all`."""
    plan = editable_plan(request, pk)
    try:
        targets = decisions.accept_all(plan, request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("已按提议采纳 %(n)s 条目标。") % {"n": len(targets)})
    return redirect(review_url(plan.pk))


@plan_editor_required
@require_POST
def reject_proposal(request, pk: int):
    proposal = editable_proposal(request, pk)
    decisions.reject(proposal, request.user)
    return respond_with_row(request, proposal)


@plan_editor_required
@require_POST
def add_proposal(request, pk: int):
    plan = editable_plan(request, pk)
    form = ProposalForm(request.POST, plan=plan, prefix="add")
    if not form.is_valid():
        return render_review(request, plan, add_form=form, adding=True)
    fields = form.edits()
    start, end = fields.pop("span_start"), fields.pop("span_end")
    proposal = decisions.add_from_selection(plan, request.user, start, end, fields)
    messages.success(request, _("已添加目标“%(name)s”。") % {"name": proposal.indicator})
    return redirect(review_url(plan.pk, f"proposal-{proposal.pk}"))


def report(request, result) -> None:
    messages.success(request, _("重新抽取完成:新增提议 %(added)s 条,重新定位 %(moved)s 条,出处已变 %(stale)s 条,"
                                "移除未审核提议 %(dropped)s 条。") % vars(result))


@plan_editor_required
def edit_plan_text(request, pk: int):
    plan = editable_plan(request, pk)
    form = PlanTextForm(request.POST or None, initial={"text": plan.text})
    if request.method == "POST" and form.is_valid():
        report(request, edit_text(plan, request.user, form.cleaned_data["text"]))
        return redirect(review_url(plan.pk))
    return render(request, "review/plan_text_form.html", {"plan": plan, "form": form})


@plan_editor_required
@require_POST
def reextract_plan(request, pk: int):
    plan = editable_plan(request, pk)
    report(request, reextract(plan, request.user))
    return redirect(review_url(plan.pk))


@plan_editor_required
def publish_plan(request, pk: int):
    """发布: GET shows what the plan lacks and asks to confirm; POST publishes (confirmed=1 past warnings)."""
    plan = editable_plan(request, pk)
    if request.method == "POST":
        try:
            publishing.publish(plan, request.user, confirmed=request.POST.get("confirmed") == "1")
        except publishing.PublishRefused as refused:
            return render(request, "review/publish.html", {"plan": plan, "readiness": refused.readiness})
        messages.success(request, _("规划已发布。"))
        return redirect("plans:detail", plan.pk)
    return render(request, "review/publish.html", {"plan": plan, "readiness": publishing.readiness(plan)})


@plan_editor_required
@require_POST
def unpublish_plan(request, pk: int):
    plan = editable_plan(request, pk)
    try:
        publishing.unpublish(plan, request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("已撤回发布,规划回到草稿;公众页不再显示。"))
    return redirect("plans:detail", plan.pk)
