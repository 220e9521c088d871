"""对比通报: a province's (or city's) briefing on its units — the comparison table, who is red, who published
nothing — laid out as the briefings app's blocks and rendered by its docx/xlsx/PDF helpers."""

import datetime as dt

from luoshi.briefings.outline import Column, Heading, Paragraph, Table
from luoshi.briefings.render import render
from luoshi.compare.comparison import NO_DATA, Comparison, Row
from luoshi.units.models import Unit

COLUMNS = (Column("单位"), Column("目标(原文)"), Column("实际", "number"), Column("实际期间"),
           Column("差距", "number"), Column("状态"), Column("来源"))
RED_COLUMNS = (Column("单位"), Column("目标(原文)"), Column("实际", "number"), Column("差距", "number"),
               Column("说明"))


BELOW = {Unit.Kind.PROVINCE: "各市", Unit.Kind.CITY: "各县(市、区)"}


def title(comparison: Comparison) -> str:
    parent = comparison.parent
    below = f"{parent.name}{BELOW.get(parent.kind, '所辖各单位')}" if parent else ""
    return f"{below}{comparison.series.name}目标落实情况对比通报({comparison.period.label_zh_full})"


def _targets(row: Row) -> str:
    return "、".join(p.wording for p in row.pledges) or "未设目标"


def _row(row: Row) -> list:
    actual = row.actual
    return [row.unit.name, _targets(row), row.measured, actual.period.label_zh_full if actual else NO_DATA,
            row.gap, row.status_label, actual.source if actual else ""]


def _reference(comparison: Comparison) -> str:
    reference = comparison.reference
    if reference is None:
        return ""
    measured = "、".join(p.wording for p in reference.pledges) or "未设目标"
    actual = (f"{reference.measured:g}{comparison.unit_of_measure}({reference.actual.period.label_zh_full},"
              f"{reference.actual.source})" if reference.measured is not None else NO_DATA)
    return (f"{reference.unit.name}本级:目标 {measured};实际 {actual}。"
            "各地数据按其公布数列示,上级数据按上级公布数列示,不由各地加总或平均得出。")


def outline(comparison: Comparison, issued: dt.date | None = None) -> list:
    """The briefing in reading order."""
    rows = comparison.rows
    counts = ";".join(f"{label} {n} 个" for label, n in comparison.counts().items())
    red = [r for r in rows if r.status == "red"]
    silent = [r for r in rows if r.headline and r.actual is None]
    blocks = [Heading(title(comparison), 0),
              Paragraph(f"指标:{comparison.series.name};期间:{comparison.period.label_zh_full};"
                        f"印发日期:{(issued or dt.date.today()):%Y年%m月%d日}。"),
              Heading("一、总体情况"), Paragraph(f"共 {len(rows)} 个地区:{counts}。"),
              *([Paragraph(_reference(comparison))] if comparison.reference else []),
              Heading("二、各地目标与完成情况"), Table("各地对比", COLUMNS, [_row(r) for r in rows]),
              Heading("三、滞后地区")]
    blocks += [Table("滞后地区", RED_COLUMNS, [[r.unit.name, _targets(r), r.measured, r.gap, r.headline.verdict["reason"]]
                                          for r in red])] if red else [Paragraph("没有滞后的地区。")]
    blocks.append(Heading("四、未公布数据的地区"))
    blocks.append(Paragraph("、".join(r.unit.name for r in silent) + f":{NO_DATA}。" if silent
                            else "设定目标的地区均已公布数据。"))
    return blocks


def briefing_file(comparison: Comparison, fmt: str) -> bytes:
    return render(outline(comparison), fmt)
