"""产业链 through the API: chains with their maps, nodes, firms on nodes, 靶向招商, map export and import.

The same scoped querysets and domain functions (`luoshi.chains.editing`, `.sheet`, `.export`) as the
pages; nothing is deleted but a firm's link to a node (logged); chains and nodes are archived.
"""

from typing import Annotated

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from ninja import File, Router, Schema, Status
from ninja.files import UploadedFile
from pydantic import Field

from luoshi.api.enterprises import unit_by_code
from luoshi.api.projects import attempt
from luoshi.api.schemas import ErrorOut, Id, text
from luoshi.chains import editing
from luoshi.chains.export import chain_dict, node_dict
from luoshi.chains.maps import build_map
from luoshi.chains.models import Chain, ChainNode, TargetFirm
from luoshi.chains.sheet import MapRejected, export_workbook, import_map, sheet_title
from luoshi.core.errors import FieldErrors
from luoshi.enterprises import register
from luoshi.lib.bounded import TooLarge, limits, read_capped
from luoshi.plans.models import Target
from luoshi.units.models import Unit

router = Router(tags=["产业链"])


class ChainFirmOut(Schema):
    id: int
    name: str
    credit_code: str
    scale: str
    scale_label: str
    anchor: bool
    unit: str | None
    unit_name: str


class ChainTargetFirmOut(Schema):
    id: int
    name: str
    credit_code: str
    scale: str
    scale_label: str
    location: str
    note: str


class ChainNodeOut(Schema):
    id: int
    name: str
    path: str
    segment: str
    note: str
    standing: str
    proposed_standing: str
    shown_standing: str
    shown_standing_label: str
    confirmed: bool
    gap: bool
    enterprises: list[ChainFirmOut]
    target_firms: list[ChainTargetFirmOut]
    children: list["ChainNodeOut"]


class ChainSegmentOut(Schema):
    segment: str
    label: str
    nodes: list[ChainNodeOut]


class ChainPersonOut(Schema):
    name: str
    title: str


class ChainAllianceOut(ChainPersonOut):
    enterprise: str
    enterprise_id: int | None


class ChainTargetRefOut(Schema):
    id: int
    indicator: str


class ChainOut(Schema):
    id: int
    name: str
    unit: str
    unit_name: str
    leader: ChainPersonOut
    alliance_head: ChainAllianceOut
    department: str | None
    department_name: str
    targets: list[ChainTargetRefOut]
    archived: bool
    standings: dict[str, int]
    segments: list[ChainSegmentOut]


def chains_of(request):
    return editing.visible(request.user).prefetch_related("targets")


def nodes_of(request):
    return ChainNode.objects.restrict(request.user).select_related("chain")


def _node_out(node: ChainNode) -> dict:
    view = build_map(node.chain, archived=True).find(node.pk)
    return node_dict(view)


@router.get("/chains", response=list[ChainOut])
def list_chains(request, archived: bool = False):
    """The chains within the caller's jurisdiction with their maps (archived ones with ARCHIVED)."""
    rows = chains_of(request) if archived else chains_of(request).active()
    return [chain_dict(c) for c in rows]


@router.get("/chains/{chain_id}", response=ChainOut)
def get_chain(request, chain_id: Id):
    return chain_dict(get_object_or_404(chains_of(request), pk=chain_id))


class ChainIn(Schema):
    name: text(Chain, "name")
    unit: text(Unit, "code") | None = None
    leader_name: text(Chain, "leader_name") = ""
    leader_title: text(Chain, "leader_title") = ""
    alliance_head_name: text(Chain, "alliance_head_name") = ""
    alliance_head_title: text(Chain, "alliance_head_title") = ""
    alliance_enterprise_id: Id | None = None
    department: text(Unit, "code") | None = None
    target_ids: Annotated[list[Id], Field(max_length=200)] = []


def _chain_values(request, body: ChainIn) -> dict:
    values = body.dict(exclude={"alliance_enterprise_id", "target_ids"})
    values["unit"] = unit_by_code("unit", body.unit) or request.user.unit
    values["department"] = unit_by_code("department", body.department)
    values["alliance_enterprise"] = None
    if body.alliance_enterprise_id is not None:
        values["alliance_enterprise"] = register.visible(request.user).filter(pk=body.alliance_enterprise_id).first()
        if values["alliance_enterprise"] is None:
            raise FieldErrors([{"field": "alliance_enterprise_id", "message": "没有这家企业"}])
    targets = list(Target.objects.restrict(request.user).filter(pk__in=body.target_ids))
    if len(targets) != len(set(body.target_ids)):
        raise FieldErrors([{"field": "target_ids", "message": "有目标不存在或不在您的辖区内"}])
    values["targets"] = targets
    return values


@router.post("/chains", response={201: ChainOut, 403: ErrorOut, 409: ErrorOut, 422: ErrorOut})
def post_chain(request, body: ChainIn):
    return attempt(lambda: chain_dict(editing.create_chain(request.user, **_chain_values(request, body))), ok=201)


@router.put("/chains/{chain_id}", response={200: ChainOut, 403: ErrorOut, 409: ErrorOut, 422: ErrorOut})
def put_chain(request, chain_id: Id, body: ChainIn):
    chain = get_object_or_404(chains_of(request), pk=chain_id)
    return attempt(lambda: chain_dict(editing.update_chain(request.user, chain, **_chain_values(request, body))))


class ChainArchiveIn(Schema):
    archived: bool = True


@router.post("/chains/{chain_id}/archive", response={200: ChainOut, 403: ErrorOut})
def post_chain_archive(request, chain_id: Id, body: ChainArchiveIn):
    chain = get_object_or_404(chains_of(request), pk=chain_id)
    return attempt(lambda: chain_dict(editing.archive_chain(request.user, chain, body.archived)))


class ChainNodeIn(Schema):
    name: text(ChainNode, "name")
    segment: text(ChainNode, "segment") = ""
    parent_id: Id | None = None
    note: text(ChainNode, "note") = ""
    standing: text(ChainNode, "standing") = ""


def _parent(chain: Chain, parent_id: int | None) -> ChainNode | None:
    if parent_id is None:
        return None
    parent = chain.nodes.filter(pk=parent_id).first()
    if parent is None:
        raise FieldErrors([{"field": "parent_id", "message": "上级环节不在这条产业链上"}])
    return parent


def _segment(segment: str, parent_id: int | None) -> str:
    if parent_id is None and segment not in ChainNode.Segment.values:
        raise FieldErrors([{"field": "segment", "message": f"链段应为 {'、'.join(ChainNode.Segment.values)}"}])
    return segment


@router.post("/chains/{chain_id}/nodes", response={201: ChainNodeOut, 403: ErrorOut, 409: ErrorOut,
                                                   422: ErrorOut})
def post_node(request, chain_id: Id, body: ChainNodeIn):
    """A node under PARENT_ID (taking its segment) or at the top of SEGMENT (upstream|midstream|downstream)."""
    chain = get_object_or_404(chains_of(request), pk=chain_id)
    return attempt(lambda: _node_out(editing.add_node(
        request.user, chain, body.name, segment=_segment(body.segment, body.parent_id),
        parent=_parent(chain, body.parent_id), note=body.note, standing=body.standing)), ok=201)


@router.get("/nodes/{node_id}", response=ChainNodeOut)
def get_node(request, node_id: Id):
    return _node_out(get_object_or_404(nodes_of(request), pk=node_id))


class ChainNodeEditIn(Schema):
    name: text(ChainNode, "name")
    standing: text(ChainNode, "standing") = ""
    note: text(ChainNode, "note") = ""


@router.put("/nodes/{node_id}", response={200: ChainNodeOut, 403: ErrorOut, 409: ErrorOut, 422: ErrorOut})
def put_node(request, node_id: Id, body: ChainNodeEditIn):
    """Rename NODE, set its standing (强 strong / 弱 weak / 缺 missing, "" for the proposed one) and note."""
    node = get_object_or_404(nodes_of(request), pk=node_id)
    return attempt(lambda: (editing.set_standing(request.user, node, body.standing, body.note),
                            _node_out(editing.update_node(request.user, node, name=body.name)))[1])


class ChainNodeMoveIn(Schema):
    parent_id: Id | None = None
    segment: text(ChainNode, "segment") = ""


@router.post("/nodes/{node_id}/move", response={200: ChainNodeOut, 403: ErrorOut, 409: ErrorOut, 422: ErrorOut})
def post_node_move(request, node_id: Id, body: ChainNodeMoveIn):
    node = get_object_or_404(nodes_of(request), pk=node_id)
    return attempt(lambda: _node_out(editing.move_node(
        request.user, node, parent=_parent(node.chain, body.parent_id),
        segment=_segment(body.segment or node.segment, body.parent_id))))


@router.post("/nodes/{node_id}/archive", response={200: ChainNodeOut, 403: ErrorOut})
def post_node_archive(request, node_id: Id, body: ChainArchiveIn):
    """归档 NODE with everything below it (archived: false restores them)."""
    node = get_object_or_404(nodes_of(request), pk=node_id)
    return attempt(lambda: _node_out(editing.archive_node(request.user, node, body.archived)))


class ChainAttachIn(Schema):
    enterprise_id: Id
    is_anchor: bool = False


def _enterprise(request, enterprise_id: int):
    return get_object_or_404(register.visible(request.user), pk=enterprise_id)


@router.post("/nodes/{node_id}/enterprises", response={200: ChainNodeOut, 403: ErrorOut, 409: ErrorOut})
def post_node_enterprise(request, node_id: Id, body: ChainAttachIn):
    """A city enterprise on NODE (is_anchor: the chain's anchor firm there); again: the mark is updated."""
    node = get_object_or_404(nodes_of(request), pk=node_id)
    enterprise = _enterprise(request, body.enterprise_id)
    return attempt(lambda: (editing.attach_enterprise(request.user, node, enterprise, is_anchor=body.is_anchor),
                            _node_out(node))[1])


@router.post("/nodes/{node_id}/enterprises/{enterprise_id}/remove", response={200: ChainNodeOut, 403: ErrorOut})
def post_node_enterprise_remove(request, node_id: Id, enterprise_id: Id):
    node = get_object_or_404(nodes_of(request), pk=node_id)
    link = get_object_or_404(node.links.filter(enterprise__in=register.visible(request.user)), enterprise_id=enterprise_id)
    return attempt(lambda: (editing.detach_enterprise(request.user, link), _node_out(node))[1])


class ChainTargetIn(Schema):
    enterprise_id: Id
    note: text(TargetFirm, "note") = ""


@router.post("/nodes/{node_id}/targets", response={200: ChainNodeOut, 403: ErrorOut, 409: ErrorOut})
def post_node_target(request, node_id: Id, body: ChainTargetIn):
    """靶向招商: an enterprise outside the city that NODE wants to attract."""
    node = get_object_or_404(nodes_of(request), pk=node_id)
    enterprise = _enterprise(request, body.enterprise_id)
    return attempt(lambda: (editing.add_target_firm(request.user, node, enterprise, body.note), _node_out(node))[1])


@router.post("/nodes/{node_id}/targets/{enterprise_id}/remove", response={200: ChainNodeOut, 403: ErrorOut})
def post_node_target_remove(request, node_id: Id, enterprise_id: Id):
    node = get_object_or_404(nodes_of(request), pk=node_id)
    target = get_object_or_404(node.target_firms.filter(enterprise__in=register.visible(request.user)),
                               enterprise_id=enterprise_id)
    return attempt(lambda: (editing.remove_target_firm(request.user, target), _node_out(node))[1])


@router.get("/chains/{chain_id}/map.xlsx", response={200: None})
def get_chain_map_xlsx(request, chain_id: Id):
    """The chain map as Excel, one row per node and enterprise (the import's columns)."""
    chain = get_object_or_404(chains_of(request), pk=chain_id)
    response = HttpResponse(export_workbook([chain]),
                            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="chain-{chain.pk}.xlsx"'
    return response


class ChainImportOut(Schema):
    nodes: int
    created_nodes: int
    archived_nodes: int
    created_enterprises: int
    links: int
    targets: int
    dry_run: bool
    sheet: str


@router.post("/chains/{chain_id}/map", response={200: ChainImportOut, 403: ErrorOut, 422: ErrorOut})
def post_chain_map(request, chain_id: Id, file: File[UploadedFile], dry_run: bool = False):
    """产业链图谱导入 (.xlsx), all or nothing: the map becomes what the file says; errors name row, column,
    value and reason."""
    chain = get_object_or_404(chains_of(request), pk=chain_id)
    try:
        summary = import_map(request.user, chain, read_capped(file, limits()), file.name, dry_run=dry_run)
    except TooLarge as exc:
        return Status(422, {"error": str(exc), "detail": []})
    except MapRejected as rejected:
        return Status(422, {"error": "产业链图谱未通过检查,未写入任何内容",
                            "detail": [e.as_dict() for e in rejected.errors]})
    return {**vars(summary), "sheet": sheet_title(chain)}
