"""看板 pages: thin views over `board` (the frame, then its cards) and `rendered` (kept rendered per stamp)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string

from luoshi.dashboard.board import (
    assigned_units,
    board_frame,
    board_stamp,
    filled,
    ranked,
    ranking_frame,
    ranking_stamp,
    visible_plans,
)
from luoshi.dashboard.filters import COMMITMENT_CHOICES, STATUS_CHOICES, BoardFilter, FilterError, read_filter
from luoshi.dashboard.rendered import kept


def _filter(request) -> tuple[BoardFilter, list[dict]]:
    try:
        return read_filter(request.GET, request.user), []
    except FilterError as exc:
        return read_filter({}, request.user), exc.detail


def _units(user, plan) -> list[tuple[str, str]]:
    """The unit picker's choices: none for one who cannot pick or without a plan."""
    if plan is None or not user.jurisdiction.several:
        return []
    return assigned_units(user, plan)


def _board_part(request, template: str, frame, stamp: tuple) -> str:
    """TEMPLATE (the board's counts and fronts, or a front's rest) of the board FRAME, as kept for its STAMP."""
    user = request.user

    def draw() -> str:
        board = filled(user, frame)
        return render_to_string(template, {"board": board, "panels": board.panels, "statuses": STATUS_CHOICES},
                                request)

    return kept(draw, template, user, frame, stamp)


def _content(request, frame, page: dict) -> str:
    """The page's content: its head, the filters and the board, kept for the board's stamp and for what the filters
    offer (the plans, units and fronts); drawn every time when the filter had errors."""
    stamp = board_stamp(frame) if frame.plan else None

    def draw() -> str:
        body = _board_part(request, "dashboard/board_body.html", frame, stamp) if frame.plan else ""
        return render_to_string("dashboard/board_content.html", {**page, "body": body}, request)

    if page["errors"] or frame.plan is None:
        return draw()
    offered = ([(p.pk, p.title, p.status, p.simulated) for p in page["plans"]], page["units"], frame.fronts,
               frame.unit and frame.unit.name)
    return kept(draw, "dashboard/board_content.html", request.user, frame, stamp, offered)


@login_required
def board(request):
    board_filter, errors = _filter(request)
    plans = list(visible_plans(request.user))
    frame = board_frame(board_filter, plans)
    if request.GET.get("part") == "rest" and board_filter.front and not errors:  # a front's rest, opened
        return HttpResponse(_board_part(request, "dashboard/front_rest.html", frame, board_stamp(frame)))
    content = _content(request, frame, {
        "board": frame, "plans": plans, "errors": errors, "units": _units(request.user, frame.plan),
        "statuses": STATUS_CHOICES, "commitments": COMMITMENT_CHOICES})
    return render(request, "dashboard/board.html", {"board": frame, "content": content},
                  status=400 if errors else 200)


@login_required
def panels(request):
    """The key projects and supervision tasks panels under the board, loaded after it (at the board's period)."""
    board_filter, _ = _filter(request)
    frame = board_frame(board_filter, list(visible_plans(request.user)))
    return render(request, "dashboard/panels.html", {"board": frame})


def _target_id(request) -> int | None:
    value = request.GET.get("target", "")
    return int(value) if value.isdigit() else None


@login_required
def ranking(request):
    board_filter, errors = _filter(request)
    frame = ranking_frame(board_filter, list(visible_plans(request.user)), _target_id(request))
    user = request.user

    def draw() -> str:
        return render_to_string("dashboard/ranking_body.html", {"ranking": ranked(user, frame)}, request)

    body = kept(draw, "ranking", user, frame, ranking_stamp(user, frame), frame.target_id)
    return render(request, "dashboard/ranking.html", {
        "ranking": frame, "body": body, "filter": board_filter, "errors": errors}, status=400 if errors else 200)
