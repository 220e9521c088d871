"""产业链图谱 Excel: a whole chain map as one sheet, one row per node and enterprise; import all or nothing.

Columns (the export writes them, the import reads them by their titles, in any order):

| 环节路径 | 上游/动力电池/正极材料: the segment (上游/中游/下游), then the node names from the top |
| 环节地位 | 强/弱/缺 as set by the analyst (blank: not set; the page shows the proposed one) |
| 企业名称, 统一社会信用代码, 企业规模 (链主/规上/专精特新/其他) | the firm of the row, if any |
| 所在单位 | a city firm's unit (name, short name or code, within the chain's unit); for a 靶向招商 row, the
  place outside the city where the firm is (所在地, e.g. 上海) |
| 是否链主 | 是: the firm is the chain's anchor on that node |
| 靶向招商 | 是: the firm is outside the city, a target of that node (靶向招商), not one of its firms |

The export adds 建议地位 (the proposed standing), which the import ignores. A row with a path and no
firm is a node with no firm listed. A firm is found in the register by its credit code, else by its name
(a name shared by several firms needs the code); a firm not found is added to the register.

Importing a file makes the chain's map what the file says: its nodes created (or restored) in the file's
order, each listed node's standing, firms and targets as in the file, nodes the file no longer lists
archived. Every bad cell is reported with its row, column, value and reason, and nothing is written
unless the whole file is valid (one transaction; a dry run rolls it back).
"""

import io
from dataclasses import dataclass

from django.db import transaction
from openpyxl.utils import get_column_letter

from luoshi.accounts.scoping import CHANGE
from luoshi.chains import editing
from luoshi.chains.maps import SEPARATOR, build_map
from luoshi.chains.models import Chain, ChainNode
from luoshi.core.errors import EntryError
from luoshi.core.limits import problem as column_problem
from luoshi.core.sheets import SheetReader, SheetRejected, filled, keyed, read_xlsx
from luoshi.core.spreadsheet import text_cell
from luoshi.enterprises import register
from luoshi.enterprises.credit_code import normalise
from luoshi.enterprises.credit_code import problem as code_problem
from luoshi.enterprises.models import Enterprise
from luoshi.units.models import Unit

COLUMNS = {"path": "环节路径", "standing": "环节地位", "name": "企业名称", "credit_code": "统一社会信用代码",
           "scale": "企业规模", "unit": "所在单位", "anchor": "是否链主", "target": "靶向招商"}
PROPOSED = "建议地位"
SEGMENTS = {str(label): code for code, label in ChainNode.Segment.choices}
STANDINGS = {str(label): code for code, label in ChainNode.Standing.choices}
SCALES = {str(label): code for code, label in Enterprise.Scale.choices}
SLASHES = ("／", "\\", ">")


class MapRejected(SheetRejected):
    """The chain map has bad cells; nothing was written."""


@dataclass
class MapRow:
    row: int
    path: tuple[str, ...] = ()
    standing: str = ""
    name: str = ""
    credit_code: str = ""
    scale: str = ""
    unit: Unit | None = None
    location: str = ""
    anchor: bool = False
    target: bool = False
    enterprise: Enterprise | None = None

    @property
    def key(self) -> str:
        return self.credit_code or self.name


@dataclass
class Summary:
    """What an import wrote (or, in a dry run, would write)."""

    nodes: int = 0
    created_nodes: int = 0
    archived_nodes: int = 0
    created_enterprises: int = 0
    links: int = 0
    targets: int = 0
    dry_run: bool = False


# ---------------------------------------------------------------- export


def sheet_title(chain: Chain) -> str:
    """The chain's name as a sheet title (at most 31 characters, none of []:*?/\\)."""
    return "".join("_" if c in "[]:*?/\\" else c for c in chain.name)[:31] or "产业链"


def _rows(chain: Chain) -> list[list]:
    rows = []
    for view in build_map(chain).nodes():
        standing = view.node.get_standing_display() if view.node.standing else ""
        proposed = str(ChainNode.Standing(view.proposed).label)
        head = [view.path, standing]
        for link in view.links:
            e = link.enterprise
            rows.append([*head, e.name, e.credit_code, e.get_scale_display(), e.unit.name if e.unit else "",
                         "是" if link.is_anchor else "", "", proposed])
        for target in view.targets:
            e = target.enterprise
            rows.append([*head, e.name, e.credit_code, e.get_scale_display(), e.location, "", "是", proposed])
        if not view.links and not view.targets:
            rows.append([*head, "", "", "", "", "", "", proposed])
    return rows


def export_workbook(chains) -> bytes:
    """An .xlsx with one sheet per chain of CHAINS (its map as the import reads it)."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for chain in chains:
        sheet = book.create_sheet(sheet_title(chain))
        sheet.append([*COLUMNS.values(), PROPOSED])
        for row in _rows(chain):
            sheet.append(row)
        for line in sheet.iter_rows(min_row=2):
            for cell in line:
                text_cell(cell)
        for index, width in enumerate((36, 10, 30, 22, 10, 16, 10, 10, 10), start=1):
            sheet.column_dimensions[get_column_letter(index)].width = width
        sheet.freeze_panes = "A2"
    if not book.worksheets:
        book.create_sheet("产业链").append([*COLUMNS.values(), PROPOSED])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# ---------------------------------------------------------------- reading


class _Reader(SheetReader):
    """Reads the cells of one row of a chain map, an `EntryError` per bad cell."""

    def __init__(self, header: tuple, chain: Chain):
        super().__init__(header, COLUMNS, required=("path",))
        self.units = keyed(Unit.objects.active().within(chain.unit))

    def path(self, number: int, row: tuple) -> tuple[str, ...]:
        value = self.cell(row, "path")
        for slash in SLASHES:
            value = value.replace(slash, SEPARATOR)
        parts = tuple(p.strip() for p in value.split(SEPARATOR))
        if not value:
            self.fail(number, "path", value, "必须填写,如 上游/动力电池/正极材料")
        elif parts[0] not in SEGMENTS:
            self.fail(number, "path", value, "应以 上游、中游 或 下游 开头")
        elif len(parts) < 2 or not all(parts):
            self.fail(number, "path", value, "链段后应写出环节名称,各级以 / 分隔,不能有空的一级")
        elif reason := next((column_problem(ChainNode, "name", p) for p in parts[1:]
                             if column_problem(ChainNode, "name", p)), None):
            self.fail(number, "path", value, f"环节名称{reason}")
        else:
            return (SEGMENTS[parts[0]], *parts[1:])
        return ()

    def unit_or_place(self, number: int, row: tuple, found: MapRow) -> None:
        value = self.cell(row, "unit")
        if found.target:
            found.location = self.text(number, row, "unit", Enterprise, "location")
        elif value:
            found.unit = self.unit(number, row, "unit", self.units, "不是本产业链所属单位辖区内的单位(填写名称、简称或代码)")

    def read(self, number: int, row: tuple) -> MapRow:
        found = MapRow(number, path=self.path(number, row))
        found.standing = self.choice(number, row, "standing", STANDINGS, "强、弱、缺")
        found.name = self.text(number, row, "name", Enterprise, "name")
        found.credit_code = normalise(self.cell(row, "credit_code"))
        if found.credit_code and (reason := code_problem(found.credit_code)):
            self.fail(number, "credit_code", found.credit_code, reason)
        found.scale = self.choice(number, row, "scale", SCALES, "链主、规上、专精特新、其他")
        found.anchor, found.target = self.flag(number, row, "anchor"), self.flag(number, row, "target")
        self.unit_or_place(number, row, found)
        if not found.name and any(self.cell(row, k) for k in ("credit_code", "scale", "unit", "anchor", "target")):
            self.fail(number, "name", "", "填写了企业信息,必须填写企业名称")
        if found.anchor and found.target:
            self.fail(number, "target", "是", "靶向招商对象是市外企业,不能同时是本环节的链主")
        return found


def read_rows(content: bytes, chain: Chain, file_name: str = "") -> list[MapRow]:
    """The valid rows of the file (no database write); MapRejected names every bad cell."""
    rows = read_xlsx(content, file_name, sheet_title(chain), MapRejected)
    reader = _Reader(rows[0], chain)
    if reader.errors:
        raise MapRejected(reader.errors)
    found = [reader.read(n, row) for n, row in enumerate(rows[1:], start=2) if filled(row)]
    _agree(reader, found)
    if reader.errors:
        raise MapRejected(reader.errors)
    return found


def _agree(reader: _Reader, rows: list[MapRow]) -> None:
    """Rows that contradict each other: two standings for one node, one firm twice on a node, one firm
    described two ways."""
    standing, seen, firms = {}, {}, {}
    for r in rows:
        if not r.path:
            continue
        if r.standing:
            first = standing.setdefault(r.path, (r.standing, r.row))
            if first[0] != r.standing:
                reader.fail(r.row, "standing", ChainNode.Standing(r.standing).label,
                            f"与第 {first[1]} 行同一环节的地位不一致")
        if r.name:
            place = (r.path, r.key, r.target)
            if place in seen:
                reader.fail(r.row, "name", r.name, f"与第 {seen[place]} 行重复")
            seen.setdefault(place, r.row)
            facts = (r.name, r.scale, r.unit, r.location, r.target)
            first = firms.setdefault(r.key, (facts, r.row))
            if first[0] != facts:
                reader.fail(r.row, "name", r.name, f"与第 {first[1]} 行同一企业的名称、规模、所在单位或靶向招商不一致")


# ---------------------------------------------------------------- resolving firms against the register


def _resolve(user, rows: list[MapRow]) -> list[EntryError]:
    """Find each row's firm in the register (by code, else name): errors where it cannot be used."""
    errors = []
    mine = register.visible(user) if user is not None else Enterprise.objects.all()
    editable = register.visible(user, CHANGE) if user is not None else Enterprise.objects.all()
    for r in (r for r in rows if r.name):
        if r.credit_code:
            found = Enterprise.objects.filter(credit_code=r.credit_code).first()
            if found is not None and not mine.filter(pk=found.pk).exists():
                errors.append(EntryError(r.row, "统一社会信用代码", r.credit_code, "该代码属于其他辖区企业库中的企业"))
                continue
        else:
            named = list(mine.filter(name=r.name, archived=False)[:2])
            if len(named) > 1:
                errors.append(EntryError(r.row, "企业名称", r.name, "企业库中有多家同名企业,请填写统一社会信用代码"))
                continue
            found = named[0] if named else None
        if found is not None and found.outside != r.target:
            errors.append(EntryError(r.row, "靶向招商", "是" if r.target else "",
                                     "企业库中该企业为市外企业" if found.outside else "企业库中该企业为本市企业"))
        elif found is not None and _changes(found, r) and not editable.filter(pk=found.pk).exists():
            errors.append(EntryError(r.row, "企业名称", r.name, "企业信息与企业库不同,且您不能修改这家企业"))
        elif found is not None and found.archived:
            errors.append(EntryError(r.row, "企业名称", r.name, "该企业已归档"))
        r.enterprise = found
    return errors


def _changes(enterprise: Enterprise, row: MapRow) -> dict:
    """The register fields ROW would change on ENTERPRISE (only cells that were filled)."""
    wanted = {"name": row.name, "credit_code": row.credit_code, "scale": row.scale,
              "unit": row.unit, "location": row.location}
    return {k: v for k, v in wanted.items() if v not in ("", None) and getattr(enterprise, k) != v}


# ---------------------------------------------------------------- writing


def import_map(user, chain: Chain, content: bytes, file_name: str = "", *, dry_run: bool = False) -> Summary:
    """Make CHAIN's map what the file says, or write nothing (MapRejected); DRY_RUN checks and counts only."""
    if user is not None and not editing.may_edit(user, chain):
        from django.core.exceptions import PermissionDenied

        raise PermissionDenied("只有本辖区的分析员可以导入该产业链图谱")
    rows = read_rows(content, chain, file_name)
    if errors := _resolve(user, rows):
        raise MapRejected(errors)
    with transaction.atomic():
        summary = _write(user, chain, rows)
        summary.dry_run = dry_run
        if dry_run:
            transaction.set_rollback(True)
    return summary


def _write(user, chain: Chain, rows: list[MapRow]) -> Summary:
    summary = Summary()
    nodes = _nodes(user, chain, rows, summary)
    listed = {}
    for r in rows:
        listed.setdefault(r.path, []).append(r)
    for path, node_rows in listed.items():
        _fill(user, nodes[path], node_rows, summary)
    kept = {n.pk for n in nodes.values()}
    gone = list(chain.nodes.active().exclude(pk__in=kept))
    for node in gone:
        if node.parent_id not in {n.pk for n in gone}:
            editing.archive_node(user, node)  # with everything below it
    summary.nodes, summary.archived_nodes = len(kept), len(gone)
    return summary


def _nodes(user, chain: Chain, rows: list[MapRow], summary: Summary) -> dict[tuple, ChainNode]:
    """Every node the paths name (their prefixes too), created or restored, in the file's order."""
    existing = {}
    for view in build_map(chain, archived=True).nodes():
        existing[(view.node.segment, *view.path.split(SEPARATOR)[1:])] = view.node
    nodes, order = {}, {}
    for r in rows:
        for depth in range(2, len(r.path) + 1):
            path = r.path[:depth]
            if path in nodes:
                continue
            parent = nodes.get(path[:-1])
            position = order.setdefault(path[:-1], 0)
            order[path[:-1]] += 1
            node = existing.get(path)
            if node is None:
                node = editing.add_node(user, chain, path[-1], segment=path[0], parent=parent, order=position)
                summary.created_nodes += 1
            else:
                if node.archived:
                    editing.archive_node(user, node, archived=False)
                if node.order != position:
                    editing.update_node(user, node, order=position)
            nodes[path] = node
    return nodes


def _fill(user, node: ChainNode, rows: list[MapRow], summary: Summary) -> None:
    """NODE's standing, firms and targets as ROWS list them."""
    standing = next((r.standing for r in rows if r.standing), "")
    if node.standing != standing:
        editing.set_standing(user, node, standing)
    firms, targets = set(), set()
    for r in (r for r in rows if r.name):
        enterprise = _enterprise(user, node.chain, r, summary)
        if r.target:
            editing.add_target_firm(user, node, enterprise, note=_kept_note(node, enterprise))
            targets.add(enterprise.pk)
            summary.targets += 1
        else:
            editing.attach_enterprise(user, node, enterprise, is_anchor=r.anchor)
            firms.add(enterprise.pk)
            summary.links += 1
    for link in node.links.exclude(enterprise_id__in=firms):
        editing.detach_enterprise(user, link)
    for target in node.target_firms.exclude(enterprise_id__in=targets):
        editing.remove_target_firm(user, target)


def _kept_note(node: ChainNode, enterprise: Enterprise) -> str:
    return node.target_firms.filter(enterprise=enterprise).values_list("note", flat=True).first() or ""


def _enterprise(user, chain: Chain, row: MapRow, summary: Summary) -> Enterprise:
    """ROW's firm: found (updated where the row says otherwise) or added to the chain unit's register."""
    if row.enterprise is None:
        row.enterprise = Enterprise.objects.filter(credit_code=row.credit_code).first() if row.credit_code else None
    if row.enterprise is None:
        row.enterprise = register.create_enterprise(  # checked: the rows' units lie within the chain's unit
            None, name=row.name, credit_code=row.credit_code, scale=row.scale or Enterprise.Scale.OTHER,
            register_unit=chain.unit, unit=row.unit or (None if row.target else chain.unit), outside=row.target,
            location=row.location)
        summary.created_enterprises += 1
    elif changes := _changes(row.enterprise, row):
        register.update_enterprise(None, row.enterprise, **changes)
    return row.enterprise
