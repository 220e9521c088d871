"""Folding a text before matching: traditional script to simplified, char for char, so offsets stay.

The character table is OpenCC's own (TSCharacters, shipped with opencc-python-reimplemented): each
traditional character becomes its first simplified reading (確→确, 萬→万, 增長→增长). Pinyin glosses
that some pages print after characters ("產(chǎn)") are dropped, and the `# source:` line is blanked so
that no number of a (percent-encoded) address is read; `Folded.origin` maps offsets back.
"""

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import opencc

#: "(chǎn)" or "qū" right after a Chinese character: a reading aid, not text.
PINYIN_GLOSS = re.compile(r"(?<=[\u4e00-\u9fff])[(（]?[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[)）]?")
SOURCE_LINE = re.compile(r"^#\s*source:[^\n]*", re.MULTILINE)


@cache
def _table() -> dict[int, str]:
    path = Path(opencc.__file__).with_name("dictionary") / "TSCharacters.txt"
    table = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        source, _, targets = line.partition("\t")
        target = targets.split(" ")[0]
        if len(source) == 1 and len(target) == 1 and source != target:
            table[ord(source)] = target
    return table


def fold_script(text: str) -> str:
    """Traditional characters as simplified ones; the result has the length of `text`."""
    return text.translate(_table())


@dataclass(frozen=True)
class Folded:
    """The text as matched, and for each of its characters the offset in the original (None: same)."""

    text: str
    origin: list[int] | None = None

    def script(self, original: str, start: int, end: int) -> dict[int, str]:
        """Simplified → traditional as the original writes them in folded text[start:end] ({} where it
        is written in simplified script), to give a name back in its sentence's own script."""
        table, back = _table(), {}
        for index in range(start, end):
            ch = self.text[index]
            source = original[self.origin[index] if self.origin is not None else index]
            if source != ch and table.get(ord(source)) == ch:
                back.setdefault(ord(ch), source)
        return back

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original offsets of folded text[start:end]."""
        if self.origin is None or start >= end:
            return start, end
        return self.origin[start], self.origin[end - 1] + 1


def fold(text: str) -> Folded:
    """Simplified script, the source line blanked, pinyin glosses dropped (with an offset map)."""
    folded = SOURCE_LINE.sub(lambda match: " " * len(match.group()), fold_script(text))
    if not PINYIN_GLOSS.search(folded):
        return Folded(folded)
    kept, origin, position = [], [], 0
    for match in PINYIN_GLOSS.finditer(folded):
        kept.append(folded[position:match.start()])
        origin.extend(range(position, match.start()))
        position = match.end()
    kept.append(folded[position:])
    origin.extend(range(position, len(folded)))
    return Folded("".join(kept), origin)


def source_line(text: str) -> str:
    """The `# source:` address of the text, "" if it has none."""
    match = SOURCE_LINE.search(text[:2000])
    return match.group() if match else ""
