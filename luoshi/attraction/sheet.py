"""招商项目清单 Excel: leads as one sheet, one row per lead; `luoshi leads import`, the upload page and the API
read it all or nothing.

Columns (the export and the template write them, the import reads them by their titles, in any order):

| 项目编号 | blank: a new lead (its code is given on import); a code already registered: that lead moves on |
| 项目名称 | required for a new lead |
| 企业统一社会信用代码, 投资企业 | the company, found in the enterprise register by its code, else its name |
| 产业链, 补链环节 | the chain node it fills: the node's path as the chain map writes it (上游/动力电池/正极材料) or
  its name when no other node of the chain has it |
| 专班, 落地单位, 来源活动 | by name (a unit also by its short name or code); 来源活动 may be blank |
| 阶段 | 线索 洽谈 签约 落地(注册) 开工 投产 (blank: 线索) |
| 计划投资(亿元), 签约投资(亿元) | amounts; 签约 and later need the signed amount |
| 重点项目编号 | at 开工: the key project it becomes (blank: one is created from the lead) |
| 线索日期 … 投产日期 | the date of every stage up to the row's stage, in order, none after it |

A row with a registered code advances that lead from its stage to the row's (never back); what it says about
the lead's company, 专班, unit, node and name must match the register. Every step goes through
`attraction.stages` (open_lead, advance), as on the lead's page. Every bad cell is reported with its row,
column, value and reason, and nothing is written unless every row is valid (one transaction; a dry run rolls
it back).
"""

import datetime as dt
import io
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import transaction
from openpyxl.utils import get_column_letter

from luoshi.attraction import choices
from luoshi.attraction.models import Lead, LeadStep
from luoshi.attraction.stages import ORDER, NotAllowed, advance, may_edit, open_lead
from luoshi.chains.maps import SEPARATOR, build_map
from luoshi.core.errors import EntryError, FieldErrors
from luoshi.core.limits import problem as column_problem
from luoshi.core.sheets import SheetReader, SheetRejected, filled, keyed, read_xlsx
from luoshi.core.spreadsheet import text_cell
from luoshi.enterprises.credit_code import normalise
from luoshi.enterprises.credit_code import problem as code_problem
from luoshi.figures.entries import NotANumber, parse_number

Stage = Lead.Stage
#: The date column of each stage (落地(注册) is written 落地日期).
DATES = {stage.value: f"{str(stage.label).split('(')[0]}日期" for stage in Stage}
COLUMNS = {"code": "项目编号", "name": "项目名称", "credit_code": "企业统一社会信用代码", "company": "投资企业",
           "chain": "产业链", "node": "补链环节", "task_force": "专班", "unit": "落地单位", "event": "来源活动",
           "stage": "阶段", "planned": "计划投资(亿元)", "signed": "签约投资(亿元)", "project": "重点项目编号",
           **{f"date_{stage}": title for stage, title in DATES.items()}}
SHEET = "招商项目"
STAGES = {**{str(label): code for code, label in Stage.choices}, "落地": Stage.LANDED.value}


class LeadsRejected(SheetRejected):
    """The leads list has bad cells; nothing was written."""


@dataclass
class LeadRow:
    row: int
    lead: Lead | None = None
    name: str = ""
    company: object = None
    node: object = None
    task_force: object = None
    unit: object = None
    event: object = None
    stage: str = Stage.CLUE.value
    planned: Decimal | None = None
    signed: Decimal | None = None
    project: object = None
    dates: dict[str, dt.date] = field(default_factory=dict)


@dataclass
class Summary:
    """What an import wrote (or, in a dry run, would write)."""

    rows: int = 0
    created: int = 0
    advanced: int = 0
    steps: int = 0
    dry_run: bool = False


# ---------------------------------------------------------------- export and template


def _node_paths(leads) -> dict[int, str]:
    paths = {}
    for chain in {lead.node.chain for lead in leads if lead.node_id}:
        paths.update({view.node.pk: view.path for view in build_map(chain, archived=True).nodes()})
    return paths


def _row(lead: Lead, paths: dict[int, str], dates: dict[str, dt.date]) -> list:
    return [lead.code, lead.name, lead.company.credit_code, lead.company.name,
            lead.node.chain.name if lead.node_id else "", paths.get(lead.node_id, ""), lead.task_force.name,
            lead.unit.name, lead.event.name if lead.event_id else "", lead.get_stage_display(),
            lead.planned_investment, lead.signed_investment, lead.project.code if lead.project_id else "",
            *(dates.get(stage) for stage in DATES)]


def export_workbook(leads) -> bytes:
    """An .xlsx of LEADS (already scoped) with the columns the import reads; no leads: the empty template."""
    from openpyxl import Workbook

    leads = list(leads.select_related("company", "node__chain", "task_force", "unit", "event", "project"))
    steps = {}
    for lead_id, stage, day in LeadStep.objects.filter(lead__in=leads).values_list("lead_id", "to_stage", "date"):
        steps.setdefault(lead_id, {})[stage] = day
    paths = _node_paths(leads)
    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    sheet.append(list(COLUMNS.values()))
    for lead in leads:
        sheet.append(_row(lead, paths, steps.get(lead.pk, {})))
    for line in sheet.iter_rows(min_row=2):
        for cell in line:
            text_cell(cell)
            if isinstance(cell.value, dt.date):
                cell.number_format = "yyyy-mm-dd"
    for index, title in enumerate(COLUMNS.values(), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = max(12, 2 * len(title) + 2)
    sheet.freeze_panes = "C2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# ---------------------------------------------------------------- reading


class _Reader(SheetReader):
    """Reads one row of the leads list against what USER may name; an `EntryError` per bad cell."""

    def __init__(self, header: tuple, user):
        super().__init__(header, COLUMNS, required=("task_force", "unit", "date_clue"))
        if "name" not in self.columns and "code" not in self.columns:
            self.fail(1, "name", "", "缺少列 项目名称(或 项目编号)")
        if "company" not in self.columns and "credit_code" not in self.columns:
            self.fail(1, "company", "", "缺少列 投资企业(或 企业统一社会信用代码)")
        self.user = user
        self.companies = list(choices.companies(user))
        self.forces = {tf.name: tf for tf in choices.task_forces(user)}
        self.units = keyed(choices.landing_units(user))
        self.chains = {c.name: c for c in choices.chains(user)}
        self.node_ids = set(choices.nodes(user).values_list("pk", flat=True))
        self.events = list(choices.events(user))
        self.projects = {p.code: p for p in choices.linkable_projects(user)}
        self.leads = choices.seen(Lead.objects.all(), user).active().select_related(
            "company", "task_force", "unit", "node", "project")
        self._paths: dict[int, dict[str, list]] = {}

    def amount(self, number: int, row: tuple, key: str, name: str) -> Decimal | None:
        value = self.raw(row, key)
        try:
            parsed = parse_number(value)
        except NotANumber as error:
            self.fail(number, key, value, error.reason)
            return None
        reason = column_problem(Lead, name, parsed) if parsed is not None else None
        if reason or (parsed is not None and parsed < 0):
            self.fail(number, key, value, reason or "不能为负数")
            return None
        return parsed

    def lead(self, number: int, row: tuple) -> Lead | None:
        code = self.cell(row, "code")
        if not code:
            return None
        lead = self.leads.filter(code=code).first()
        if lead is None:
            self.fail(number, "code", code, "没有这个招商项目(新项目请留空,导入时给定编号)")
        elif not may_edit(self.user, lead):
            self.fail(number, "code", code, "您不能推进该招商项目")
            return None
        return lead

    def company(self, number: int, row: tuple):
        code, name = normalise(self.cell(row, "credit_code")), self.cell(row, "company")
        if code:
            if reason := code_problem(code):
                self.fail(number, "credit_code", code, reason)
                return None
            found = next((e for e in self.companies if e.credit_code == code), None)
            if found is None:
                self.fail(number, "credit_code", code, "企业库中没有使用该代码的企业(请先在企业库登记)")
            elif name and name != found.name:
                self.fail(number, "company", name, f"与该代码的企业“{found.name}”名称不符")
            return found
        named = [e for e in self.companies if e.name == name]
        if not name:
            self.fail(number, "company", name, "必须填写投资企业(或其统一社会信用代码)")
        elif not named:
            self.fail(number, "company", name, "企业库中没有这家企业(请先在企业库登记)")
        elif len(named) > 1:
            self.fail(number, "company", name, "企业库中有多家同名企业,请填写统一社会信用代码")
        return named[0] if len(named) == 1 else None

    def paths(self, chain) -> dict[str, list]:
        """CHAIN's nodes USER may name, by path and by name."""
        if chain.pk not in self._paths:
            found: dict[str, list] = {}
            for view in build_map(chain).nodes():
                if view.node.pk in self.node_ids:
                    for key in {view.path, view.node.name}:
                        found.setdefault(key, []).append(view.node)
            self._paths[chain.pk] = found
        return self._paths[chain.pk]

    def node(self, number: int, row: tuple):
        chain_name, path = self.cell(row, "chain"), self.cell(row, "node")
        for slash in ("／", "\\", ">"):
            path = path.replace(slash, SEPARATOR)
        if not chain_name and not path:
            return None
        chain = self.chains.get(chain_name)
        if chain is None:
            self.fail(number, "chain", chain_name, "必须填写您可查看的产业链名称" if path else "没有这条产业链")
            return None
        if not path:
            self.fail(number, "node", path, "填写了产业链,必须填写补链环节")
            return None
        nodes = self.paths(chain).get(path, [])
        if len(nodes) != 1:
            self.fail(number, "node", path, f"“{chain.name}”中没有这个环节" if not nodes
                      else "该链有多个同名环节,请写出完整路径(如 上游/动力电池/正极材料)")
            return None
        return nodes[0]

    def named(self, number: int, row: tuple, key: str, pool: dict, reason: str, required: bool = False):
        value = self.cell(row, key)
        if not value:
            if required:
                self.fail(number, key, value, "必须填写")
            return None
        if value not in pool:
            self.fail(number, key, value, reason)
        return pool.get(value)

    def project(self, number: int, row: tuple, lead: Lead | None):
        """The key project the lead becomes at 开工 (its own already linked one: nothing to do)."""
        if lead is not None and lead.project_id and self.cell(row, "project") == lead.project.code:
            return None
        return self.named(number, row, "project", self.projects, "没有可关联的重点项目(或已关联其他招商项目)")

    def event(self, number: int, row: tuple):
        value = self.cell(row, "event")
        found = [e for e in self.events if e.name == value]
        if value and len(found) != 1:
            self.fail(number, "event", value, "没有这个招商活动" if not found else "有多个同名招商活动,请在项目页面关联")
        return found[0] if value and len(found) == 1 else None

    def read(self, number: int, row: tuple) -> LeadRow:
        found = LeadRow(number, lead=self.lead(number, row))
        found.name = self.text(number, row, "name", Lead, "name",
                               required=found.lead is None and not self.cell(row, "code"))
        found.company = self.company(number, row)
        found.node = self.node(number, row)
        found.task_force = self.named(number, row, "task_force", self.forces, "没有这个专班(或不在您的辖区内)", True)
        found.unit = self.unit(number, row, "unit", self.units, "不是您可登记的落地单位(填写名称、简称或代码)",
                               required=True)
        found.event = self.event(number, row)
        found.stage = self.choice(number, row, "stage", STAGES, "、".join(STAGES)) or Stage.CLUE.value
        found.planned = self.amount(number, row, "planned", "planned_investment")
        found.signed = self.amount(number, row, "signed", "signed_investment")
        found.project = self.project(number, row, found.lead)
        found.dates = {stage: day for stage in DATES
                       if (day := self.date(number, row, f"date_{stage}", LeadStep, "date")) is not None}
        self.agree(found)
        return found

    def agree(self, r: LeadRow) -> None:
        """The row's stage, dates and amounts make one story; an existing lead's facts are those registered."""
        reached = ORDER.index(Stage(r.stage))
        last = None
        for index, stage in enumerate(ORDER):
            key, day = f"date_{stage.value}", r.dates.get(stage.value)
            if index <= reached and day is None and not _reached_before(r, stage):
                self.fail(r.row, key, "", f"阶段为“{Stage(r.stage).label}”,必须填写{DATES[stage.value]}")
            if index > reached and day is not None:
                self.fail(r.row, key, day, f"阶段为“{Stage(r.stage).label}”,不应填写{DATES[stage.value]}")
            if day is not None and last is not None and day < last[1]:
                self.fail(r.row, key, day, f"不能早于{DATES[last[0]]} {last[1]:%Y-%m-%d}")
            if day is not None:
                last = (stage.value, day)
        if reached >= ORDER.index(Stage.SIGNED) and not r.signed and not (r.lead and r.lead.signed_investment):
            self.fail(r.row, "signed", "", "签约及以后的阶段须填写签约投资额(大于 0)")
        if r.project is not None and reached < ORDER.index(Stage.STARTED):
            self.fail(r.row, "project", r.project.code, "开工时才转为重点项目")
        if r.lead is not None:
            self.agree_registered(r)

    def agree_registered(self, r: LeadRow) -> None:
        lead = r.lead
        if ORDER.index(Stage(r.stage)) < ORDER.index(Stage(lead.stage)):
            self.fail(r.row, "stage", Stage(r.stage).label, f"该项目已到“{lead.get_stage_display()}”,阶段不能后退")
        recorded = {s.to_stage: s.date for s in lead.steps.all()}
        for stage, day in r.dates.items():
            if stage in recorded and recorded[stage] != day:
                self.fail(r.row, f"date_{stage}", day, f"与已登记的{DATES[stage]} {recorded[stage]:%Y-%m-%d} 不同")
        facts = {"name": (r.name, lead.name), "company": (r.company, lead.company),
                 "task_force": (r.task_force, lead.task_force), "unit": (r.unit, lead.unit), "node": (r.node, lead.node)}
        for key, (given, registered) in facts.items():
            if given not in (None, "") and given != registered:
                self.fail(r.row, key, given, f"与已登记的“{registered}”不同(导入只推进阶段,不改项目信息)")


def _reached_before(r: LeadRow, stage) -> bool:
    """Whether R's registered lead has already reached STAGE (its date is on record)."""
    return r.lead is not None and ORDER.index(Stage(stage)) <= ORDER.index(Stage(r.lead.stage))


def read_rows(user, content: bytes, file_name: str = "") -> tuple[list[LeadRow], _Reader]:
    """The rows of the file and their reader, whose `errors` name every bad cell (no database write);
    LeadsRejected when the file or its header cannot be read at all."""
    rows = read_xlsx(content, file_name, SHEET, LeadsRejected)
    reader = _Reader(rows[0], user)
    if reader.errors:
        raise LeadsRejected(reader.errors)
    found, seen = [], {}
    for number, row in enumerate(rows[1:], start=2):
        if not filled(row):
            continue
        lead = reader.read(number, row)
        if lead.lead is not None and lead.lead.pk in seen:
            reader.fail(number, "code", lead.lead.code, f"与第 {seen[lead.lead.pk]} 行重复")
        elif lead.lead is not None:
            seen[lead.lead.pk] = number
        found.append(lead)
    return found, reader


# ---------------------------------------------------------------- writing


def _step(r: LeadRow, lead: Lead | None, stage: str, user, summary: Summary) -> Lead:
    """One stage of row R through the stages module (the lead's page does the same)."""
    day = r.dates[stage]
    if lead is None:
        summary.created += 1
        return open_lead(user, name=r.name, company=r.company, task_force=r.task_force, unit=r.unit, date=day,
                         node=r.node, event=r.event, planned_investment=r.planned)
    advance(lead, stage, day, user, signed_investment=r.signed if stage == Stage.SIGNED else None,
            project=r.project, create_project=stage == Stage.STARTED and r.project is None)
    summary.steps += 1
    return Lead.objects.get(pk=lead.pk)


def _write_row(user, r: LeadRow, where, summary: Summary) -> EntryError | None:
    """Row R's lead opened and moved to its stage, or the error of the step that was refused (in a savepoint:
    a refused row writes nothing, and the other rows are still checked)."""
    lead = r.lead
    here = ORDER.index(Stage(lead.stage)) if lead is not None else -1
    stages = [s.value for s in ORDER[here + 1:ORDER.index(Stage(r.stage)) + 1]]
    column = f"date_{stages[0]}" if stages else "stage"
    try:
        with transaction.atomic():
            for stage in stages:
                column = f"date_{stage}"
                lead = _step(r, lead, stage, user, summary)
    except (ValueError, PermissionDenied) as error:  # LeadError, NotAllowed, FieldErrors
        reason = "; ".join(d["message"] for d in error.detail) if isinstance(error, FieldErrors) else str(error)
        key = ("code" if r.lead else "unit") if isinstance(error, NotAllowed | PermissionDenied) \
            else "signed" if "签约投资" in reason else column
        value = r.signed if key == "signed" else r.dates.get(column.removeprefix("date_"), "")
        return EntryError(r.row, where(key), "" if value is None else str(value), reason)
    if r.lead is not None and stages:
        summary.advanced += 1
    return None


def import_leads(user, content: bytes, file_name: str = "", *, dry_run: bool = False) -> Summary:
    """Open and advance every lead of the file, or none (LeadsRejected naming every bad cell: those read wrong, and
    the steps the stages module refuses); DRY_RUN checks and counts only."""
    rows, reader = read_rows(user, content, file_name)
    summary = Summary(rows=len(rows), dry_run=dry_run)
    unreadable = {e.row for e in reader.errors}
    with transaction.atomic():  # the readable rows are tried even when others are not, so one pass names all
        tried = [_write_row(user, r, reader.where, summary) for r in rows if r.row not in unreadable]
        errors = sorted([*reader.errors, *filter(None, tried)], key=lambda e: (e.row, e.column))
        if errors or dry_run:
            transaction.set_rollback(True)
    if errors:
        raise LeadsRejected(errors)
    return summary
