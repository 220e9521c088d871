"""The briefing as a sequence of blocks (headings, paragraphs, tables) that every format lays out alike."""

from dataclasses import dataclass
from typing import ClassVar

from luoshi.attraction import briefing as attraction
from luoshi.briefings.content import SIMULATED, Briefing
from luoshi.chains import briefing as chains
from luoshi.lib.periods import parse


@dataclass(frozen=True)
class Column:
    """A table column; `fmt` is text, number (2 decimals), percent (a share) or int; `layout` tells the page
    renderers how its cells break: "" as the text flows, "nowrap" on one line, "source" a web address."""

    title: str
    fmt: str = "text"
    layout: str = ""


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1
    kind: ClassVar[str] = "heading"


@dataclass(frozen=True)
class Paragraph:
    text: str
    kind: ClassVar[str] = "paragraph"


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[Column, ...]
    rows: list[list]
    kind: ClassVar[str] = "table"

    def cells(self) -> list[list[str]]:
        """The rows as text, for formats without typed cells (docx, PDF)."""
        return [[as_text(value, column.fmt) for value, column in zip(row, self.columns, strict=True)]
                for row in self.rows]


def as_text(value, fmt: str) -> str:
    if value is None or value == "":
        return "—" if fmt != "text" else ""
    if fmt == "percent":
        return f"{value * 100:.1f}%"
    if fmt == "number":
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    return str(value)


def _period(code: str | None) -> str:
    return parse(code).label_zh_full if code else ""


def _status(row: dict) -> str:
    return row["status_label"] + {True: "(已完成)", False: "(未完成)"}.get(row["met"], "")


SHORT = "nowrap"
FRONT_COLUMNS = (Column("指标"), Column("目标", "number"), Column("单位", layout=SHORT), Column("实际", "number"),
                 Column("实际期间", layout=SHORT), Column("进度", "percent"), Column("应达", "number"),
                 Column("状态", layout=SHORT), Column("预计", "number"), Column("预计依据"))
ATTENTION_COLUMNS = (Column("方面"), Column("指标"), Column("目标", "number"), Column("实际", "number"),
                     Column("差距", "number"), Column("状态", layout=SHORT), Column("预计", "number"),
                     Column("预计依据"), Column("说明"))
RANKING_COLUMNS = (Column("名次", "int"), Column("单位"), Column("进度比", "number"), Column("最差状态"))
LATE_COLUMNS = (Column("应报单位"), Column("指标"), Column("数据所属"), Column("应报期间", layout=SHORT),
                Column("截止日", layout=SHORT), Column("逾期天数", "int"))
SOURCE_COLUMNS = (Column("指标"), Column("期间", layout=SHORT), Column("来源", layout="source"))


def _name(row: dict) -> str:
    """The indicator as the dashboard names it (a verdict kept before rows carried the name: the plan's words)."""
    return row.get("name") or row["indicator"]


def front_row(row: dict) -> list:
    return [_name(row), row["target"], row["unit_of_measure"], row["actual"], _period(row["actual_period"]),
            row["progress"], row["expected_value"], _status(row), row["forecast"], row["forecast_basis"]]


def attention_row(row: dict) -> list:
    return [row["front"], _name(row), row["target"], row["actual"], row["gap"], _status(row),
            row["forecast"], row["forecast_basis"], row["reason"]]


def summary_sentence(briefing: Briefing) -> str:
    parts = [f"{label} {count} 项" for label, count in briefing.summary]
    return f"本期共研判目标 {len(briefing.rows)} 项,其中" + "、".join(parts) + "。"


def head(briefing: Briefing) -> list:
    blocks: list = [Heading(briefing.title, 0)]
    if briefing.plan.simulated:
        blocks.append(Paragraph(f"【{SIMULATED}】本通报所依据的规划和数据为模拟生成,仅供测试,不代表真实情况。"))
    blocks.append(Paragraph(f"现将{briefing.plan.title}所定目标{briefing.at.label_zh_full}落实情况通报如下。"))
    return blocks


def table_or_none(name: str, columns, rows, empty: str) -> list:
    return [Table(name, columns, rows)] if rows else [Paragraph(empty)]


def outline(briefing: Briefing) -> list:
    """The whole briefing, in reading order."""
    blocks = head(briefing)
    blocks += [Heading("一、总体情况"), Paragraph(summary_sentence(briefing)),
               Table("总体情况", (Column("状态"), Column("项数", "int")), [list(s) for s in briefing.summary])]
    blocks.append(Heading("二、分方面落实情况"))
    for name, rows in briefing.fronts:
        blocks += [Heading(name, 2), Table(name, FRONT_COLUMNS, [front_row(r) for r in rows])]
    found = attraction.section(briefing.plan, briefing.at)
    if found.paragraphs:
        blocks += [Heading("招商引资(按专班汇总)", 2), *map(Paragraph, found.paragraphs)]
        blocks += [Table("招商引资", tuple(Column(*c) for c in attraction.COLUMNS), found.rows)] if found.rows else []
    chained = chains.section(briefing.plan)
    if chained.paragraphs:
        blocks += [Heading("产业链(补链强链)", 2), *map(Paragraph, chained.paragraphs)]
        blocks += [Table("产业链缺口环节", tuple(Column(*c) for c in chains.COLUMNS), chained.rows)] if chained.rows else []
    blocks.append(Heading("三、滞后和预警目标"))
    blocks += table_or_none("滞后和预警", ATTENTION_COLUMNS, [attention_row(r) for r in briefing.attention],
                            "本期没有滞后或预警的目标。")
    blocks.append(Heading("四、单位排名"))
    blocks += table_or_none("单位排名", RANKING_COLUMNS, [
        [r.rank, r.unit.name, r.score, r.worst_label] for r in briefing.ranking], "目标尚未分解到单位,暂无排名。")
    blocks.append(Heading("五、未报送单位"))
    blocks += table_or_none("未报送", LATE_COLUMNS, [
        [r.unit.name, r.series.name, r.subject.name, r.period.label_zh_full, f"{r.due:%Y-%m-%d}", r.days]
        for r in briefing.late], "各单位均已按期报送。")
    blocks.append(Heading("六、数据来源"))
    blocks += table_or_none("数据来源", SOURCE_COLUMNS, [
        [s.indicator, _period(s.period), s.source] for s in briefing.sources], "本期无已审核数据。")
    return blocks
