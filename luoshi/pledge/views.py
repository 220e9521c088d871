"""公开承诺页: no login; every page reads through `pledge.public` only."""

from django.shortcuts import get_object_or_404, render

from luoshi.pledge.public import pledges, public_assignments, public_plans, public_targets


def index(request):
    return render(request, "pledge/index.html", {"plans": public_plans()})


def plan(request, plan_id: int):
    shown = get_object_or_404(public_plans(), pk=plan_id)
    return render(request, "pledge/plan.html", {
        "plan": shown, "pledges": pledges(public_targets().filter(plan=shown))})


def target(request, pk: int):
    found = get_object_or_404(public_targets(), pk=pk)
    pledge = pledges([found])[0]
    pledge.assignments = public_assignments(found)
    return render(request, "pledge/target.html", {"plan": found.plan, "pledge": pledge})
