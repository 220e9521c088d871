"""看板 pages: thin views over `board.build_board` and `board.build_ranking`."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from luoshi.accounts.scoping import units_for
from luoshi.dashboard.board import build_board, build_ranking, visible_plans
from luoshi.dashboard.filters import COMMITMENT_CHOICES, STATUS_CHOICES, BoardFilter, FilterError, read_filter
from luoshi.units.models import Unit


def _filter(request) -> tuple[BoardFilter, list[dict]]:
    try:
        return read_filter(request.GET, request.user), []
    except FilterError as exc:
        return read_filter({}, request.user), exc.detail


def _units(user, plan):
    if plan is None or not user.jurisdiction.several:
        return Unit.objects.none()
    return units_for(user).filter(assignments__target__plan=plan).distinct().order_by("order", "code")


@login_required
def board(request):
    board_filter, errors = _filter(request)
    plans = list(visible_plans(request.user))
    result = build_board(request.user, board_filter, plans)
    if request.GET.get("part") == "rest" and board_filter.front and not errors:  # a front's rest, opened
        return render(request, "dashboard/front_rest.html", {"board": result, "panels": result.panels})
    return render(request, "dashboard/board.html", {
        "board": result, "plans": plans, "errors": errors, "units": _units(request.user, result.plan),
        "statuses": STATUS_CHOICES, "commitments": COMMITMENT_CHOICES}, status=400 if errors else 200)


def _target_id(request) -> int | None:
    value = request.GET.get("target", "")
    return int(value) if value.isdigit() else None


@login_required
def ranking(request):
    board_filter, errors = _filter(request)
    plans = list(visible_plans(request.user))
    result = build_ranking(request.user, board_filter, plans, _target_id(request))
    return render(request, "dashboard/ranking.html", {
        "ranking": result, "filter": board_filter, "plans": plans, "errors": errors},
        status=400 if errors else 200)
