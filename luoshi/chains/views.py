"""产业链 pages: the chain list, the map (全景图), a node with its firms and targets; thin views over
`editing`, `maps`, `sheet` and the node panels other apps register."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from luoshi.chains import editing
from luoshi.chains.charts import tree_data
from luoshi.chains.editing import ChainError
from luoshi.chains.forms import (
    AttachForm,
    ChainForm,
    ImportForm,
    MoveForm,
    NodeEditForm,
    NodeForm,
    TargetForm,
)
from luoshi.chains.maps import build_map
from luoshi.chains.models import ChainNode, NodeEnterprise, TargetFirm
from luoshi.chains.panels import NODE_PANELS
from luoshi.chains.sheet import MapRejected, export_workbook, import_map, sheet_title
from luoshi.chains.standing import strong_above
from luoshi.core import redirects
from luoshi.core.errors import FieldErrors
from luoshi.lib.bounded import TooLarge, limits, read_capped


def nodes_of(user):
    return ChainNode.objects.restrict(user).filter(chain__archived=False).select_related("chain__unit")


def _chain(request, pk: int, *, edit: bool = False):
    chain = get_object_or_404(editing.visible(request.user), pk=pk)
    if edit and not editing.may_edit(request.user, chain):
        raise PermissionDenied("只有本辖区的分析员可以修改该产业链")
    return chain


def _node(request, pk: int, *, edit: bool = False) -> ChainNode:
    node = get_object_or_404(nodes_of(request.user), pk=pk)
    if edit and not editing.may_edit(request.user, node.chain):
        raise PermissionDenied("只有本辖区的分析员可以修改该产业链")
    return node


#: A POST action: a refusal becomes a message and a redirect back, never a 500.
acting = redirects.acting((ChainError, FieldErrors), "chains:list")


def _errors(form, exc: FieldErrors) -> None:
    for item in exc.detail:
        form.add_error(item["field"] if item["field"] in form.fields else None, item["message"])


@login_required
def chain_list(request):
    chains = editing.visible(request.user).active().prefetch_related("targets")
    rows = [(chain, build_map(chain).tally()) for chain in chains]
    return render(request, "chains/chain_list.html", {"rows": rows, "editable": editing.may_edit(request.user),
                                                      "strong_above": strong_above()})


def _chain_form(request, chain=None):
    form = ChainForm(request.POST or None, instance=chain, user=request.user)
    if request.method == "POST" and form.is_valid():
        values = form.values()
        targets = values.pop("targets")
        try:
            if chain is None:
                chain = editing.create_chain(request.user, targets=targets, **values)
            else:
                editing.update_chain(request.user, chain, targets=targets, **values)
        except FieldErrors as exc:
            _errors(form, exc)
        else:
            messages.success(request, "产业链已保存")
            return redirect("chains:detail", pk=chain.pk)
    return render(request, "chains/chain_form.html", {"form": form, "chain": chain})


@login_required
def chain_new(request):
    if not editing.may_edit(request.user):
        raise PermissionDenied("只有分析员可以新建产业链")
    return _chain_form(request)


@login_required
def chain_edit(request, pk: int):
    return _chain_form(request, _chain(request, pk, edit=True))


@login_required
def chain_detail(request, pk: int):
    """全景图: the chain drawn as a tree (ECharts), the same map as a table below it for print and screen readers."""
    chain = _chain(request, pk)
    chain_map = build_map(chain)
    views = chain_map.nodes()
    editable = editing.may_edit(request.user, chain)
    return render(request, "chains/chain_detail.html", {
        "chain": chain, "map": chain_map, "views": views, "tally": chain_map.tally(), "editable": editable,
        "tree": tree_data(chain_map), "columns": NODE_PANELS.columns(request.user, [v.node.pk for v in views]),
        "node_form": NodeForm(chain=chain) if editable else None,
    })


@acting
def chain_archive(request, pk: int):
    chain = _chain(request, pk, edit=True)
    editing.archive_chain(request.user, chain, archived=request.POST.get("restore") != "1")
    messages.success(request, "产业链已归档" if chain.archived else "产业链已恢复")
    return redirect("chains:list")


@acting
def node_add(request, pk: int):
    chain = _chain(request, pk, edit=True)
    form = NodeForm(request.POST, chain=chain)
    if not form.is_valid():
        raise ChainError("；".join(e for errors in form.errors.values() for e in errors))
    data = form.cleaned_data
    node = editing.add_node(request.user, chain, data["name"], segment=data["segment"], parent=data["parent"],
                            note=data["note"])
    messages.success(request, f"已添加环节“{node.name}”")
    return redirect("chains:detail", pk=chain.pk)


@login_required
def chain_export(request, pk: int):
    chain = _chain(request, pk)
    response = HttpResponse(export_workbook([chain]),
                            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{_quoted(sheet_title(chain))}.xlsx"
    return response


def _quoted(name: str) -> str:
    from urllib.parse import quote

    return quote(f"{name}-产业链图谱")


@login_required
def chain_import(request, pk: int):
    chain = _chain(request, pk, edit=True)
    form, errors, summary = ImportForm(request.POST or None, request.FILES or None), [], None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            content = read_capped(upload, limits())
            summary = import_map(request.user, chain, content, upload.name, dry_run=form.cleaned_data["dry_run"])
        except TooLarge as exc:
            errors = [{"row": 1, "column": "文件", "value": upload.name, "reason": str(exc)}]
        except MapRejected as rejected:
            errors = [e.as_dict() for e in rejected.errors]
        if summary and not summary.dry_run:
            messages.success(request, f"已导入 {summary.nodes} 个环节、{summary.links} 家链上企业、"
                                      f"{summary.targets} 家靶向招商企业")
            return redirect("chains:detail", pk=chain.pk)
    return render(request, "chains/chain_import.html", {"chain": chain, "form": form, "errors": errors,
                                                        "summary": summary}, status=422 if errors else 200)


@login_required
def node_detail(request, pk: int):
    node = _node(request, pk)
    view = build_map(node.chain).find(node.pk)
    if view is None:  # archived: shown alone, with nothing proposed
        from luoshi.chains.maps import NodeView

        view = NodeView(node, node.name, list(node.links.select_related("enterprise__unit")),
                        list(node.target_firms.select_related("enterprise")))
    editable = editing.may_edit(request.user, node.chain)
    forms = {}
    if editable:
        forms = {"edit_form": NodeEditForm(instance=node), "attach_form": AttachForm(user=request.user),
                 "target_form": TargetForm(user=request.user),
                 "move_form": MoveForm(chain=node.chain, exclude={node.pk, *editing.descendant_ids(node)},
                                       initial={"parent": node.parent_id or "", "segment": node.segment})}
    return render(request, "chains/node_detail.html", {
        "node": node, "view": view, "chain": node.chain, "editable": editable,
        "panels": NODE_PANELS.rendered(request.user, node), **forms})


@acting
def node_edit(request, pk: int):
    node = _node(request, pk, edit=True)
    form = NodeEditForm(request.POST, instance=ChainNode.objects.get(pk=node.pk))
    if not form.is_valid():
        raise ChainError("；".join(e for errors in form.errors.values() for e in errors))
    editing.update_node(request.user, node, **form.cleaned_data)
    messages.success(request, "环节已保存")
    return redirect("chains:node", pk=node.pk)


@acting
def node_move(request, pk: int):
    node = _node(request, pk, edit=True)
    form = MoveForm(request.POST, chain=node.chain)
    if not form.is_valid():
        raise ChainError("；".join(e for errors in form.errors.values() for e in errors))
    editing.move_node(request.user, node, parent=form.cleaned_data["parent"], segment=form.cleaned_data["segment"])
    messages.success(request, "环节已移动")
    return redirect("chains:node", pk=node.pk)


@acting
def node_archive(request, pk: int):
    node = _node(request, pk, edit=True)
    editing.archive_node(request.user, node, archived=request.POST.get("restore") != "1")
    messages.success(request, "环节已归档(含其下级环节)" if node.archived else "环节已恢复")
    return redirect("chains:detail", pk=node.chain_id) if node.archived else redirect("chains:node", pk=node.pk)


@acting
def firm_attach(request, pk: int):
    node = _node(request, pk, edit=True)
    form = AttachForm(request.POST, user=request.user)
    if not form.is_valid():
        raise ChainError("请选择本市企业")
    editing.attach_enterprise(request.user, node, form.cleaned_data["enterprise"],
                              is_anchor=form.cleaned_data["is_anchor"])
    return redirect("chains:node", pk=node.pk)


@acting
def firm_detach(request, pk: int):
    link = get_object_or_404(NodeEnterprise.objects.restrict(request.user).select_related("node__chain"), pk=pk)
    node = _node(request, link.node_id, edit=True)
    editing.detach_enterprise(request.user, link)
    return redirect("chains:node", pk=node.pk)


@acting
def target_add(request, pk: int):
    node = _node(request, pk, edit=True)
    form = TargetForm(request.POST, user=request.user)
    if not form.is_valid():
        raise ChainError("请选择市外企业")
    editing.add_target_firm(request.user, node, form.cleaned_data["enterprise"], form.cleaned_data["note"])
    return redirect("chains:node", pk=node.pk)


@acting
def target_remove(request, pk: int):
    target = get_object_or_404(TargetFirm.objects.restrict(request.user).select_related("node__chain"), pk=pk)
    node = _node(request, target.node_id, edit=True)
    editing.remove_target_firm(request.user, target)
    return redirect("chains:node", pk=node.pk)
