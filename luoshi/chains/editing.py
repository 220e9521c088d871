"""产业链维护: create and edit chains, add, move and archive nodes, set standings, attach firms.

Plain functions the pages, the API, the import and the CLI all call. Analysts (and admins) change the
chains of their jurisdiction; leaders and reporters read. Refusals: `PermissionDenied` (not yours),
`FieldErrors` (a value that cannot be taken), `ChainError` (not possible in the map as it stands).
Every change goes to the change log (the models are change-logged); nothing is deleted but the link
of a firm to a node, itself logged.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from luoshi.accounts.scoping import CHANGE, VIEW, outside_reach, signed_in
from luoshi.chains.models import Chain, ChainNode, NodeEnterprise, TargetFirm
from luoshi.core.errors import FieldErrors
from luoshi.enterprises.models import Enterprise

CHAIN_FIELDS = ("name", "unit", "leader_name", "leader_title", "alliance_head_name", "alliance_head_title",
                "alliance_enterprise", "department", "order")


class ChainError(ValueError):
    """Not possible in the map as it stands (a node under itself, an outside firm as a local one…)."""


def visible(user, action: str = VIEW):
    return Chain.objects.restrict(user, action).select_related("unit", "department", "alliance_enterprise")


def may_edit(user, chain: Chain | None = None) -> bool:
    """Analysts and admins edit the chains of their jurisdiction (CHAIN None: whether they may edit any)."""
    if not signed_in(user) or not (user.is_superuser or user.role in (user.Role.ADMIN, user.Role.ANALYST)):
        return False
    return chain is None or visible(user, CHANGE).filter(pk=chain.pk).exists()


def _require(user, chain: Chain) -> None:
    if user is not None and not may_edit(user, chain):
        raise PermissionDenied("只有本辖区的分析员可以修改该产业链")


def _problems(obj, exclude: tuple = ()) -> list[dict]:
    try:
        obj.full_clean(exclude=list(exclude), validate_constraints=False)
    except ValidationError as error:
        return [{"field": k, "message": m} for k, messages in error.message_dict.items() for m in messages]
    return []


def _check_chain(user, chain: Chain) -> None:
    problems = _problems(chain)
    problems += outside_reach(user, chain, ("unit", "department"))
    same = Chain.objects.filter(unit_id=chain.unit_id, name=chain.name).exclude(pk=chain.pk)
    if chain.unit_id and same.exists():
        problems.append({"field": "name", "message": "该单位已有同名产业链"})
    if problems:
        raise FieldErrors(problems)


def _set(obj, values: dict, allowed: tuple) -> None:
    for name, value in values.items():
        if name not in allowed:
            raise FieldErrors([{"field": name, "message": "不能修改该字段"}])
        setattr(obj, name, value)


@transaction.atomic
def create_chain(user, *, targets=None, **values) -> Chain:
    """A new chain; TARGETS (plan targets it serves) are set when given."""
    if user is not None and not may_edit(user):
        raise PermissionDenied("只有分析员可以新建产业链")
    values.setdefault("unit", getattr(user, "unit", None))
    chain = Chain(created_by=user if user is not None and user.pk else None)
    _set(chain, values, CHAIN_FIELDS)
    _check_chain(user, chain)
    chain.save()
    if targets is not None:
        chain.targets.set(targets)
    return chain


@transaction.atomic
def update_chain(user, chain: Chain, *, targets=None, **values) -> Chain:
    _require(user, chain)
    _set(chain, values, CHAIN_FIELDS)
    _check_chain(user, chain)
    chain.save()
    if targets is not None:
        chain.targets.set(targets)
    return chain


def archive_chain(user, chain: Chain, archived: bool = True) -> Chain:
    _require(user, chain)
    chain.archived = archived
    chain.save(update_fields=["archived", "modified"])
    return chain


def _check_node(node: ChainNode) -> None:
    problems = _problems(node, exclude=("chain", "parent"))
    siblings = ChainNode.objects.filter(chain_id=node.chain_id, name=node.name).exclude(pk=node.pk)
    siblings = siblings.filter(parent=node.parent) if node.parent_id else siblings.filter(
        parent__isnull=True, segment=node.segment)
    if siblings.exists():
        problems.append({"field": "name", "message": f"同一上级下已有环节“{node.name}”"})
    if problems:
        raise FieldErrors(problems)


def _place(node: ChainNode, parent: ChainNode | None) -> None:
    if parent is not None:
        if parent.chain_id != node.chain_id:
            raise ChainError("上级环节不在同一条产业链上")
        if node.pk is not None and (parent.pk == node.pk or parent.pk in descendant_ids(node)):
            raise ChainError("不能把环节移到它自己或它的下级之下")
        node.segment = parent.segment
    node.parent = parent


def descendant_ids(node: ChainNode) -> set[int]:
    """The ids of every node below NODE (archived ones too)."""
    found, frontier = set(), [node.pk]
    while frontier:
        frontier = list(ChainNode.objects.filter(parent_id__in=frontier).values_list("pk", flat=True))
        found.update(frontier)
    return found


def _next_order(chain: Chain, parent: ChainNode | None, segment: str) -> int:
    siblings = chain.nodes.filter(parent=parent) if parent else chain.nodes.filter(parent__isnull=True, segment=segment)
    last = siblings.order_by("-order").values_list("order", flat=True).first()
    return 0 if last is None else last + 1


@transaction.atomic
def add_node(user, chain: Chain, name: str, *, segment: str = "", parent: ChainNode | None = None,
             order: int | None = None, note: str = "", standing: str = "") -> ChainNode:
    """A node under PARENT (taking its segment) or at the top of SEGMENT."""
    _require(user, chain)
    node = ChainNode(chain=chain, name=(name or "").strip(), segment=segment, note=note, standing=standing,
                     created_by=user if user is not None and user.pk else None)
    _place(node, parent)
    node.order = _next_order(chain, parent, node.segment) if order is None else order
    _check_node(node)
    node.save()
    return node


@transaction.atomic
def update_node(user, node: ChainNode, **values) -> ChainNode:
    """Rename a node, or change its note, standing or order."""
    _require(user, node.chain)
    _set(node, values, ("name", "note", "standing", "order"))
    _check_node(node)
    node.save()
    return node


@transaction.atomic
def move_node(user, node: ChainNode, *, parent: ChainNode | None = None, segment: str = "",
              order: int | None = None) -> ChainNode:
    """NODE (with everything below it) under PARENT, or to the top of SEGMENT; the subtree follows its segment."""
    _require(user, node.chain)
    _place(node, parent)
    if parent is None:
        node.segment = segment or node.segment
    node.order = _next_order(node.chain, parent, node.segment) if order is None else order
    _check_node(node)
    node.save()
    for below in ChainNode.objects.filter(pk__in=descendant_ids(node)).exclude(segment=node.segment):
        below.segment = node.segment
        below.save(update_fields=["segment", "modified"])
    return node


@transaction.atomic
def archive_node(user, node: ChainNode, archived: bool = True) -> ChainNode:
    """归档 NODE and everything below it (or restore them); links and targets are kept."""
    _require(user, node.chain)
    for each in [node, *ChainNode.objects.filter(pk__in=descendant_ids(node))]:
        if each.archived != archived:
            each.archived = archived
            each.save(update_fields=["archived", "modified"])
    return node


def set_standing(user, node: ChainNode, standing: str, note: str | None = None) -> ChainNode:
    """The analyst's standing of NODE (强/弱/缺, or "" to fall back to the proposed one)."""
    if standing not in ("", *ChainNode.Standing.values):
        raise FieldErrors([{"field": "standing", "message": "环节地位应为 强、弱、缺 或留空"}])
    values = {"standing": standing} if note is None else {"standing": standing, "note": note}
    return update_node(user, node, **values)


def _firm(user, enterprise: Enterprise, outside: bool) -> None:
    from luoshi.enterprises.register import visible as enterprises

    if user is not None and not enterprises(user).filter(pk=enterprise.pk).exists():
        raise PermissionDenied("您看不到这家企业")
    if enterprise.archived:
        raise ChainError(f"“{enterprise.name}”已归档")
    if enterprise.outside and not outside:
        raise ChainError(f"“{enterprise.name}”是市外企业,请列入靶向招商")
    if outside and not enterprise.outside:
        raise ChainError(f"“{enterprise.name}”是本市企业,不能作为靶向招商对象")


@transaction.atomic
def attach_enterprise(user, node: ChainNode, enterprise: Enterprise, *, is_anchor: bool = False) -> NodeEnterprise:
    """A city firm on NODE (its anchor mark set); attaching it again only updates the mark."""
    _require(user, node.chain)
    _firm(user, enterprise, outside=False)
    link = NodeEnterprise.objects.filter(node=node, enterprise=enterprise).first()
    if link is None:
        return NodeEnterprise.objects.create(node=node, enterprise=enterprise, is_anchor=is_anchor,
                                             created_by=user if user is not None and user.pk else None)
    if link.is_anchor != is_anchor:
        link.is_anchor = is_anchor
        link.save(update_fields=["is_anchor", "modified"])
    return link


def detach_enterprise(user, link: NodeEnterprise) -> None:
    _require(user, link.node.chain)
    link.delete()


@transaction.atomic
def add_target_firm(user, node: ChainNode, enterprise: Enterprise, note: str = "") -> TargetFirm:
    """靶向招商: an outside firm NODE wants to attract (again: the note is updated)."""
    _require(user, node.chain)
    _firm(user, enterprise, outside=True)
    target, created = TargetFirm.objects.get_or_create(
        node=node, enterprise=enterprise,
        defaults={"note": note, "created_by": user if user is not None and user.pk else None})
    if not created and note != target.note:
        target.note = note
        target.save(update_fields=["note", "modified"])
    return target


def remove_target_firm(user, target: TargetFirm) -> None:
    _require(user, target.node.chain)
    target.delete()
