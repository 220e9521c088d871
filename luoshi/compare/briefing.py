"""对比通报: a province's (or city's) briefing on its units — the comparison table, who is red, who published
nothing — laid out as the briefings app's blocks and rendered by its docx/xlsx/PDF helpers."""

import dataclasses
import datetime as dt

from luoshi.briefings.gongwen import letterhead
from luoshi.briefings.outline import Column, Heading, Paragraph, Table
from luoshi.briefings.render import render
from luoshi.compare.comparison import NO_DATA, Comparison, Pledge, Row
from luoshi.units.models import Unit

#: In the PDF the names, periods and statuses stay on one line; the targets as written, the reason and the
#: sources (addresses broken anywhere) wrap.
COLUMNS = (Column("单位", layout="nowrap"), Column("目标(原文)"), Column("实际", "number"),
           Column("实际期间", layout="nowrap"), Column("差距", "number"), Column("状态", layout="nowrap"),
           Column("来源", layout="source"))
RED_COLUMNS = (Column("单位", layout="nowrap"), Column("目标(原文)"), Column("实际", "number"),
               Column("差距", "number"), Column("说明"))
PUBLISHED_ONLY = "本通报只计入已发布规划中的目标,草稿规划的目标不列入。"

BELOW = {Unit.Kind.PROVINCE: "各市", Unit.Kind.CITY: "各县(市、区)"}


def title(comparison: Comparison) -> str:
    parent = comparison.parent
    below = f"{parent.name}{BELOW.get(parent.kind, '所辖各单位')}" if parent else ""
    return f"{below}{comparison.series.name}目标落实情况对比通报({comparison.period.label_zh_full})"


def _published(pledge: Pledge) -> bool:
    return any(plan.status == plan.Status.PUBLISHED for plan in pledge.plans)


def _published_row(row: Row) -> Row:
    return dataclasses.replace(row, pledges=[p for p in row.pledges if _published(p)])


def published_only(comparison: Comparison) -> Comparison:
    """COMPARISON with only the targets of published plans: an official 通报 states no draft target."""
    reference = comparison.reference
    return dataclasses.replace(comparison, rows=[_published_row(r) for r in comparison.rows],
                               reference=_published_row(reference) if reference else None)


def _targets(row: Row) -> str:
    return "、".join(p.wording for p in row.pledges) or "未设目标"


def _row(row: Row) -> list:
    actual = row.actual
    return [row.unit.name, _targets(row), row.measured, actual.period.label_zh_full if actual else NO_DATA,
            row.gap, row.status_label, "\n".join(s["href"] or s["text"] for s in actual.sources) if actual else ""]


def _reference(comparison: Comparison) -> str:
    reference = comparison.reference
    if reference is None:
        return ""
    measured = "、".join(p.wording for p in reference.pledges) or "未设目标"
    actual = (f"{reference.measured:g}{comparison.unit_of_measure}({reference.actual.period.label_zh_full},"
              f"{reference.actual.source})" if reference.measured is not None else comparison.reference_missing)
    return (f"{reference.unit.name}本级:目标 {measured};实际 {actual}。"
            "各地数据按其公布数列示,上级数据按上级公布数列示,不由各地加总或平均得出。")


def outline(comparison: Comparison) -> list:
    """The briefing in reading order, of published targets only."""
    comparison = published_only(comparison)
    rows = comparison.rows
    counts = ";".join(f"{label} {n} 个" for label, n in comparison.counts().items())
    red = [r for r in rows if r.status == "red"]
    silent = [r for r in rows if r.headline and r.actual is None]
    blocks = [Heading(title(comparison), 0),
              Paragraph(f"指标:{comparison.series.name};期间:{comparison.period.label_zh_full}。{PUBLISHED_ONLY}"),
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


def briefing_file(comparison: Comparison, fmt: str, issued: dt.date | None = None) -> bytes:
    """The briefing as FMT: docx and PDF a 公文 under the installation's letterhead, as the plan briefing."""
    issued = issued or dt.date.today()
    region = comparison.parent.name if comparison.parent else ""
    return render(outline(comparison), fmt, letterhead(region, issued, comparison.period.end_month))
