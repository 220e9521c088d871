"""Saved peer lists (对比组): made, read and archived by their owner only."""

from django.utils.translation import gettext as _

from luoshi.compare.comparison import CompareError, find_unit
from luoshi.compare.models import PeerGroup
from luoshi.core.context import change_context, current


def groups_of(user):
    return PeerGroup.objects.filter(owner=user, archived=False)


def save_group(user, name: str, codes: list[str]) -> PeerGroup:
    """A new peer list of USER; every code must be a unit, and a list needs a name and two units."""
    name, codes = (name or "").strip(), list(dict.fromkeys(c.strip() for c in codes if c.strip()))
    problems = [] if name else [{"field": "name", "message": _("请填写对比组名称")}]
    if len(codes) < 2:
        problems.append({"field": "peers", "message": _("对比组至少包含两个单位")})
    if problems:
        raise CompareError(problems)
    for code in codes:
        find_unit(code, "peers")
    with change_context(user, current().request_id):
        return PeerGroup.objects.create(name=name[:100], owner=user, unit_codes=codes, created_by=user)


def archive_group(user, group_id: int) -> PeerGroup:
    group = groups_of(user).filter(pk=group_id).first()
    if group is None:
        raise CompareError([{"field": "group", "message": _("没有编号为 %(id)s 的对比组") % {"id": group_id}}])
    with change_context(user, current().request_id):
        group.archived = True
        group.save()
    return group
