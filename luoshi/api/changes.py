"""变更记录 through the API: the change log within the caller's jurisdiction, or one object's history.

The same filter and scoping as the /changes/ page (luoshi.core.history); reporters are refused (403).
"""

import datetime as dt
from typing import Annotated, Any

from django.core.exceptions import PermissionDenied
from ninja import Field, Router, Schema

from luoshi.core import history

router = Router(tags=["变更记录"])

Limit = Annotated[int, Field(ge=1, le=500)]
Offset = Annotated[int, Field(ge=0, le=2**31 - 1)]
Param = Annotated[str, Field(max_length=200)]


class ChangeOut(Schema):
    id: int
    time: dt.datetime
    user: str
    action: str
    object_type: str
    object_id: int
    object: str
    unit: str | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None


class ChangesOut(Schema):
    count: int
    changes: list[ChangeOut]


def change_out(change) -> dict:
    kind = change.changed_object_type
    return {"id": change.pk, "time": change.time, "user": change.user_name, "action": change.action,
            "object_type": f"{kind.app_label}.{kind.model}", "object_id": change.changed_object_id,
            "object": change.object_repr, "unit": change.unit.code if change.unit_id else None,
            "before": change.prechange_data, "after": change.postchange_data}


@router.get("/changes", response=ChangesOut)
def list_changes(request, object_type: Param = "", object_id: Param = "", user: Param = "", action: Param = "",
                 since: Param = "", until: Param = "", limit: Limit = 100, offset: Offset = 0):
    """Newest first. object_type is app.model (plans.target, projects.project, tasks.task, units.unit…);
    since/until are dates (2025-03-31); unit is the object's unit code at the time of the change."""
    if not history.may_read(request.user):
        raise PermissionDenied("变更记录仅供分析员、领导和系统管理员查看")
    wanted = history.ChangeFilter.parse({"object_type": object_type, "object_id": object_id, "user": user,
                                         "action": action, "since": since, "until": until})
    changes = history.changes_for(request.user, wanted)
    return {"count": changes.count(), "changes": [change_out(c) for c in changes[offset:offset + limit]]}
