"""专班 and 招商活动 maintenance: create, edit, archive (never delete), and the leads an event produced.

Plain functions the pages, the API and the CLI all call, so a task force or an event is checked one way
everywhere: its own columns (`full_clean`), every unit it names within the editor's jurisdiction, its chains
and its 专班 among those the editor sees, no second active one of the same name. Analysts (and admins)
change the task forces and events of their jurisdiction; others read. Refusals: `PermissionDenied` (not
yours), `FieldErrors` (a value that cannot be taken, each naming its field). Every change goes to the
change log (the models are change-logged, their many-to-many fields too).
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from luoshi.accounts.scoping import CHANGE, in_reach, outside_reach, signed_in
from luoshi.attraction.models import Event, Lead, TaskForce
from luoshi.chains.models import Chain
from luoshi.core import limits
from luoshi.core.errors import FieldErrors

TASK_FORCE_FIELDS = ("name", "leader", "lead_department", "scope")
TASK_FORCE_SETS = ("members", "regions", "chains")
EVENT_FIELDS = ("name", "kind", "date", "place", "organizer", "task_force")


def may_edit(user, obj: TaskForce | Event | None = None) -> bool:
    """Analysts and admins edit the task forces and events of their jurisdiction — those whose 牵头部门 (an
    event: 主办单位) they reach (OBJ None: whether they may edit any)."""
    if user is None:
        return True
    if not signed_in(user) or not (user.is_superuser or user.role in (user.Role.ADMIN, user.Role.ANALYST)):
        return False
    owner = obj.lead_department if isinstance(obj, TaskForce) else obj.organizer if obj is not None else None
    return obj is None or in_reach(user, owner, CHANGE)


def require_edit(user, obj=None) -> None:
    if not may_edit(user, obj):
        raise PermissionDenied("只有本辖区的分析员可以维护招商专班和招商活动")


def _set(obj, values: dict, allowed: tuple) -> None:
    for name, value in values.items():
        if name not in allowed:
            raise FieldErrors([{"field": name, "message": "不能修改该字段"}])
        setattr(obj, name, value.strip() if isinstance(value, str) else value)


def _problems(obj) -> list[dict]:
    try:
        obj.full_clean(validate_constraints=False)
    except ValidationError as error:
        return [{"field": k, "message": m} for k, messages in error.message_dict.items() for m in messages]
    return []


def _same_name(obj, **where) -> list[dict]:
    same = type(obj).objects.active().filter(name=obj.name, **where).exclude(pk=obj.pk)
    return [{"field": "name", "message": f"已有同名的{type(obj)._meta.verbose_name}"}] if obj.name and same.exists() \
        else []


def _units_outside(user, field: str, units) -> list[dict]:
    if user is None:
        return []
    return [{"field": field, "message": f"“{u.code}”不在您的辖区内"} for u in units or ()
            if not in_reach(user, u, CHANGE)]


def _chains_unseen(user, chains) -> list[dict]:
    if user is None or not chains:
        return []
    seen = set(Chain.objects.restrict(user).active().values_list("pk", flat=True))
    return [{"field": "chains", "message": f"产业链“{c.name}”不在您的辖区内或已归档"} for c in chains if c.pk not in seen]


def _check_task_force(user, force: TaskForce, sets: dict) -> None:
    problems = _problems(force) + outside_reach(user, force, ("lead_department",))
    problems += _same_name(force, lead_department_id=force.lead_department_id)
    problems += _units_outside(user, "members", sets.get("members"))
    problems += _units_outside(user, "regions", sets.get("regions"))
    problems += _chains_unseen(user, sets.get("chains"))
    if problems:
        raise FieldErrors(problems)


def _split(values: dict, sets: tuple) -> tuple[dict, dict]:
    return ({k: v for k, v in values.items() if k not in sets},
            {k: list(v) for k, v in values.items() if k in sets and v is not None})


def _save(user, obj, sets: dict, check) -> None:
    """CHECK OBJ with its many-to-many SETS, then write both (nothing is written when the check fails)."""
    check(user, obj, sets)
    obj.save()
    for name, rows in sets.items():
        getattr(obj, name).set(rows)


@transaction.atomic
def create_task_force(user, **values) -> TaskForce:
    """A new 专班: name, 牵头领导, 牵头部门 (default: the creator's unit), member units, regions, chains, 分工说明."""
    require_edit(user)
    values.setdefault("lead_department", getattr(user, "unit", None))
    plain, sets = _split(values, TASK_FORCE_SETS)
    force = TaskForce(created_by=user if user is not None and user.pk else None)
    _set(force, plain, TASK_FORCE_FIELDS)
    _save(user, force, sets, _check_task_force)
    return force


@transaction.atomic
def update_task_force(user, force: TaskForce, **values) -> TaskForce:
    """FORCE with VALUES set; a many-to-many field given is replaced, one not given is kept."""
    require_edit(user, force)
    plain, sets = _split(values, TASK_FORCE_SETS)
    _set(force, plain, TASK_FORCE_FIELDS)
    _save(user, force, sets, _check_task_force)
    return force


def archive_task_force(user, force: TaskForce, archived: bool = True) -> TaskForce:
    """归档 (or restore) FORCE: it leaves pickers and lists, its leads and figures stay as they are."""
    require_edit(user, force)
    if not archived and (clash := _same_name(force, lead_department_id=force.lead_department_id)):
        raise FieldErrors(clash)
    force.archived = archived
    force.save(update_fields=["archived", "modified"])
    return force


def _check_event(user, event: Event, sets: dict) -> None:
    problems = _problems(event) + limits.check(Event, {"date": event.date}) + outside_reach(user, event, ("organizer",))
    problems += _same_name(event, date=event.date)
    if event.task_force_id and user is not None and not TaskForce.objects.restrict(user).active().filter(
            pk=event.task_force_id).exists():
        problems.append({"field": "task_force", "message": "专班不在您的辖区内或已归档"})
    if problems:
        raise FieldErrors(problems)


@transaction.atomic
def create_event(user, *, leads=None, **values) -> Event:
    """A new 招商活动 (organizer default: the creator's unit); LEADS, when given, are the leads it produced."""
    require_edit(user)
    values.setdefault("organizer", getattr(user, "unit", None))
    event = Event(created_by=user if user is not None and user.pk else None)
    _set(event, values, EVENT_FIELDS)
    _save(user, event, {}, _check_event)
    if leads is not None:
        set_event_leads(user, event, leads)
    return event


@transaction.atomic
def update_event(user, event: Event, *, leads=None, **values) -> Event:
    require_edit(user, event)
    _set(event, values, EVENT_FIELDS)
    _save(user, event, {}, _check_event)
    if leads is not None:
        set_event_leads(user, event, leads)
    return event


def archive_event(user, event: Event, archived: bool = True) -> Event:
    require_edit(user, event)
    event.archived = archived
    event.save(update_fields=["archived", "modified"])
    return event


def linkable_leads(user):
    """The leads USER may credit to an event: those they may change."""
    rows = Lead.objects.active() if user is None else Lead.objects.restrict(user, CHANGE).active()
    return rows.select_related("company")


@transaction.atomic
def set_event_leads(user, event: Event, leads) -> list[Lead]:
    """来源活动: EVENT produced exactly LEADS (leads or their ids) among those USER may change (others' leads are
    left as they are); a lead credited to another event moves to this one. Each lead's change is logged."""
    require_edit(user, event)
    wanted = {getattr(lead, "pk", lead) for lead in leads}
    mine = linkable_leads(user)
    refused = wanted - set(mine.filter(pk__in=wanted).values_list("pk", flat=True))
    if refused:
        raise FieldErrors([{"field": "leads", "message": f"招商项目 {', '.join(map(str, sorted(refused)))} "
                                                         "不存在、已归档或您不能修改"}])
    for lead in mine.filter(event=event).exclude(pk__in=wanted):
        lead.event = None
        lead.save(update_fields=["event", "modified"])
    for lead in mine.filter(pk__in=wanted).exclude(event=event):
        lead.event = event
        lead.save(update_fields=["event", "modified"])
    return list(event.leads.active())
