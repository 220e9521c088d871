"""公文: the briefing laid out as GB/T 9704-2012 (党政机关公文格式) says — who issues it, its 文号, the heading
numbers by level, which tables need a landscape page — for the docx and PDF renderers alike.

The installation names its organ in settings (LUOSHI_ORGAN_NAME, LUOSHI_ORGAN_MARK, LUOSHI_DOC_NUMBER,
LUOSHI_DOC_PRINTER, LUOSHI_DOC_OPENNESS); see the README's configuration section.
"""

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass

import cn2an
from django.conf import settings

from luoshi.briefings.outline import Heading, Table

#: A table of this many columns or more is laid out on a landscape page (横排表格).
WIDE_COLUMNS = 7
#: The heading numbers of levels 1–3 (一、 (一) 1.), written or not by the outline: they are set here.
WRITTEN_NUMBER = re.compile(r"^(?:[一二三四五六七八九十百]+、|[((][一二三四五六七八九十百]+[))]|\d+[.．])\s*")

#: The official font families of a 公文 (what Word on a government PC has), by role.
OFFICIAL_FONTS = {"mark": "方正小标宋简体", "title": "方正小标宋简体", "body": "仿宋_GB2312",
                  "heading1": "黑体", "heading2": "楷体_GB2312", "heading3": "仿宋_GB2312", "page": "宋体"}
RED = "FF0000"


@dataclass(frozen=True)
class Letterhead:
    """版头和版记: the issuing organ (发文机关, its 署名 and the docx author), its red 发文机关标志, the
    发文字号, the 印发机关, the 印发日期 and the 公开属性."""

    organ: str
    mark: str
    number: str
    printer: str
    issued: dt.date
    openness: str

    @property
    def issued_text(self) -> str:
        return date_text(self.issued)


def date_text(day: dt.date) -> str:
    """A 公文 date: the year in full, month and day without a leading zero (2023年12月1日)."""
    return f"{day.year}年{day.month}月{day.day}日"


def letterhead(region: str, issued: dt.date, serial: int) -> Letterhead:
    """The installation's letterhead for a briefing on REGION issued on ISSUED, its 文号 numbered SERIAL."""
    organ = settings.LUOSHI_ORGAN_NAME or f"{region}发展和改革委员会"
    number = settings.LUOSHI_DOC_NUMBER.format(year=issued.year, n=serial)
    return Letterhead(organ, settings.LUOSHI_ORGAN_MARK or f"{organ}文件", number,
                      settings.LUOSHI_DOC_PRINTER or f"{organ}办公室", issued, settings.LUOSHI_DOC_OPENNESS)


def mark_size(head: Letterhead) -> int:
    """The 发文机关标志's size in points: as large as 36 pt while it fits the 156 mm 版心 on one line."""
    return min(36, 420 // max(len(head.mark), 1))


def heading_number(level: int, n: int) -> str:
    if level == 1:
        return f"{cn2an.an2cn(n)}、"
    if level == 2:
        return f"({cn2an.an2cn(n)})"
    return f"{n}."


def numbered(blocks: list) -> list:
    """BLOCKS with their level 1–3 headings numbered 一、 (一) 1. in reading order, whatever the outline wrote."""
    counts = [0, 0, 0, 0]
    out = []
    for block in blocks:
        if isinstance(block, Heading) and 1 <= block.level <= 3:
            counts[block.level] += 1
            counts[block.level + 1:] = [0] * (3 - block.level)
            text = heading_number(block.level, counts[block.level]) + WRITTEN_NUMBER.sub("", block.text)
            block = dataclasses.replace(block, text=text)
        out.append(block)
    return out


def is_wide(block) -> bool:
    return isinstance(block, Table) and len(block.columns) >= WIDE_COLUMNS


def sections(blocks: list) -> list[tuple[bool, list]]:
    """BLOCKS in runs of (landscape?, blocks): a wide table, with the headings just before it, is landscape."""
    landscape = [is_wide(b) for b in blocks]
    for i in range(len(blocks) - 2, -1, -1):
        if isinstance(blocks[i], Heading) and blocks[i].level > 0 and landscape[i + 1]:
            landscape[i] = True
    runs: list[tuple[bool, list]] = []
    for block, wide in zip(blocks, landscape, strict=True):
        if runs and runs[-1][0] == wide:
            runs[-1][1].append(block)
        else:
            runs.append((wide, [block]))
    return runs


def title_of(blocks: list) -> str:
    return next((b.text for b in blocks if isinstance(b, Heading) and b.level == 0), "")
