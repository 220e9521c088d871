"""Cutting a text once into sentences (句) and clauses (分句), keeping character offsets."""

import re
from collections.abc import Iterator
from dataclasses import dataclass

#: 句末: a sentence ends at 。！？；, a line break (not one after a comma: the sentence runs on), or an
#: ASCII . ! ? ; not inside a number.
SENTENCE_END = re.compile(r"[。！？；!?;]|(?<![，,、])\n|(?<!\d)\.|\.(?!\d)")
#: 分句: clauses are cut at commas, colons and the blanks of a headline (a comma between digits is a
#: thousands separator).
CLAUSE_END = re.compile(r"[，：:]|(?<!\d),|,(?!\d{3}(?!\d))|(?<=[\u4e00-\u9fff%％])[ \u3000]+(?=[\u4e00-\u9fff])")
TRIM = " \t\r\n\u3000“”\"'‘’「」『』()（）《》…"
SHORT_QUOTE = re.compile(r"[“‘「『][^“”‘’「」『』\n]{1,12}[”’」』]")


@dataclass(frozen=True)
class Segment:
    """A stretch of the text: text[start:end]."""

    start: int
    end: int
    text: str


def _pieces(text: str, start: int, pattern: re.Pattern) -> Iterator[Segment]:
    begin = 0
    for match in pattern.finditer(text):
        if match.start() > begin:
            yield Segment(start + begin, start + match.start(), text[begin : match.start()])
        begin = match.end()
    if begin < len(text):
        yield Segment(start + begin, start + len(text), text[begin:])


def sentences(text: str) -> Iterator[Segment]:
    """The sentences of the whole text, with their offsets."""
    return _pieces(text, 0, SENTENCE_END)


def clauses(sentence: Segment) -> Iterator[Segment]:
    """The clauses of a sentence, with offsets into the whole text."""
    return _pieces(sentence.text, sentence.start, CLAUSE_END)


def trimmed(segment: Segment) -> Segment:
    """The segment without surrounding blanks, quotes and brackets."""
    text = segment.text
    left = len(text) - len(text.lstrip(TRIM))
    right = len(text.rstrip(TRIM))
    if right <= left:
        return segment
    return Segment(segment.start + left, segment.start + right, text[left:right])


def short_quotes(text: str) -> list[tuple[int, int]]:
    """Spans of short quoted names ("三个一批", "十大战略") in the text."""
    return [match.span() for match in SHORT_QUOTE.finditer(text)]
