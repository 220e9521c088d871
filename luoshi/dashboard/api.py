"""GET /api/v1/dashboard: the dashboard as JSON, same filter and scoping as the page."""

import json

from django.http import HttpResponse
from ninja import Router, Schema, Status

from luoshi.api.schemas import ErrorOut, VerdictOut
from luoshi.dashboard.board import Board, board_frame, board_stamp, filled, visible_plans
from luoshi.dashboard.filters import FilterError, read_filter
from luoshi.dashboard.rendered import kept

router = Router(tags=["看板"])


class CardOut(VerdictOut):
    """One target (or assignment) on the board: `verdict_row`'s fields and the bullet chart's extra marks."""

    last_year: float | None
    series: list[list]


class FrontOut(Schema):
    name: str
    targets: list[CardOut]


class PlanRefOut(Schema):
    id: int
    title: str
    simulated: bool


class DashboardOut(Schema):
    plan: PlanRefOut | None
    period: str | None
    period_label: str | None
    unit: str
    counts: dict[str, int]
    fronts: list[FrontOut]


def board_record(board: Board) -> dict:
    def card(c) -> dict:
        chart = c.chart
        return {**c.row, "last_year": chart["last_year"], "series": chart["spark"]}

    plan = board.plan
    return {
        "plan": {"id": plan.pk, "title": plan.title, "simulated": plan.simulated} if plan else None,
        "period": board.at.code if board.at else None, "period_label": board.at.label_zh_full if board.at else None,
        "unit": board.filter.unit, "counts": board.counts,
        "fronts": [{"name": p.name, "targets": [card(c) for c in p.cards]} for p in board.panels],
    }


@router.get("/dashboard", response={200: DashboardOut, 422: ErrorOut})
def dashboard(request, plan: int | None = None, period: str = "", front: str = "", unit: str = "",
              status: str = "", commitment: str = ""):
    """看板: targets by front, worst first; reporters get their own unit's assignments."""
    params = {"plan": plan, "period": period, "front": front, "unit": unit, "status": status,
              "commitment": commitment}
    try:
        board_filter = read_filter(params, request.user)
    except FilterError as exc:
        return Status(422, {"error": "请求参数无效", "detail": exc.detail})
    user, frame = request.user, board_frame(board_filter, list(visible_plans(request.user)))

    def draw() -> str:
        return json.dumps(DashboardOut.model_validate(board_record(filled(user, frame))).model_dump(mode="json"))

    text = kept(draw, "api", user, frame, board_stamp(frame))
    return HttpResponse(text, content_type="application/json")  # DashboardOut, serialised once per stamp
