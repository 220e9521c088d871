"""Reading the targets of one sentence, clause by clause, carrying what earlier clauses set.

A modal (确保/力争), a time word, a place and an indicator named in one clause hold for the
following clauses of the same sentence ("确保一季度…1500亿元以上,全年突破5800亿元、增长12%").
"""

import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field

from . import vocabulary as words
from .classify import accumulation_of, bound_of, kind_of
from .figures import Figure, figures
from .fronts import FrontMap
from .indicators import GDP, name_indicator
from .numerals import plain
from .places import places_in
from .respectively import respectively
from .segment import Segment, clauses, sentences, trimmed
from .target import Target
from .timing import Period, last_period


@dataclass(frozen=True)
class Document:
    """What holds for the whole text: the plan year and city, quoted names and fronts."""

    text: str
    year: int | None
    city: str
    quotes: list[tuple[int, int]]
    fronts: FrontMap

    def quoted(self, position: int) -> bool:
        index = bisect.bisect_right(self.quotes, (position, len(self.text))) - 1
        return index >= 0 and self.quotes[index][0] < position < self.quotes[index][1]


@dataclass
class Context:
    """语境: what the sentence has set so far."""

    period: Period
    places: list[str] = field(default_factory=list)
    modal: str = ""
    indicator: str = ""
    kind: str = ""
    enumerated: bool = False
    economy: bool = False

    def update(self, text: str, year: int | None, city: str, at_clause_start: bool) -> None:
        named = places_in(text if at_clause_start else "、" + text, city)
        if named:
            self.places = named
        modals = words.MODAL.findall(text)
        if modals:
            self.modal = modals[-1]
        self.period = last_period(text, year) or self.period
        self.enumerated = self.enumerated or bool(words.ENUMERATION.search(text))
        self.economy = self.economy or bool(words.ECONOMY.search(text))


def read_targets(doc: Document) -> Iterator[Target]:
    """Every target stated in the text, sentence by sentence, repeats included.

    A past period ("过去一年,…;…") and a target year other than the plan's ("到2025年,…;…")
    carry across a semicolon; nothing else does.
    """
    plan_period = Period(str(doc.year) if doc.year else "", doc.year)
    carried = None
    for sentence in sentences(doc.text):
        context = Context(period=carried or plan_period)
        yield from read_sentence(doc, sentence, context)
        semicolon = doc.text[sentence.end:sentence.end + 1] in ";；"
        carried = context.period if semicolon and _carries(context.period, doc.year) else None


def _carries(period: Period, plan_year: int | None) -> bool:
    """A past year, or a whole later year or span, holds beyond a semicolon."""
    if not (period.year and plan_year) or period.year == plan_year:
        return False
    return period.year < plan_year or period.label.replace("-", "").isdigit()


def read_sentence(doc: Document, sentence: Segment, context: Context) -> Iterator[Target]:
    """The targets stated in one sentence, starting from `context`."""
    for clause in clauses(sentence):
        position, runs = 0, []
        for figure in figures(clause.text):
            before = clause.text[position:figure.start]
            context.update(before + figure.numeral[:1], doc.year, doc.city, position == 0)
            read = list(_read_figure(doc, context, clause, figure, before))
            if read:
                runs.append((before, read))
                position = figure.end
        context.update(clause.text[position:], doc.year, doc.city, position == 0)
        yield from respectively(runs)


def _read_figure(doc: Document, context: Context, clause: Segment, figure: Figure,
                 before: str) -> Iterator[Target]:
    after = clause.text[figure.end:]
    bound = figure.range_bound or bound_of(before, after)
    if not _is_target_figure(doc, context, clause, figure, before, after, bound):
        return
    indicator = name_indicator(before, after, clause.text[:figure.start], not figure.is_rate)
    inherited = not indicator
    indicator = indicator or context.indicator or (GDP if figure.is_rate and context.economy else "")
    kind = kind_of(figure, before, after, indicator, context.kind if inherited else "")
    indicator = indicator or (GDP if kind == "growth" and figure.is_rate else "")
    context.indicator, context.kind = indicator, kind
    if _is_past(doc, context, after):
        return
    span = trimmed(clause)
    for region in context.places or [doc.city]:
        yield Target(
            indicator=indicator, value=plain(figure.value), unit=figure.unit, kind=kind,
            period=context.period.label, bound=bound, commitment=context.modal, region=region,
            sentence=span.text, start=span.start, end=span.end, front=doc.fronts.at(span.start),
            accumulation=accumulation_of(kind, clause.text[:figure.start]),
            enumerated=context.enumerated,
        )


def _is_target_figure(doc: Document, context: Context, clause: Segment, figure: Figure, before: str,
                      after: str, bound: str) -> bool:
    """False for names ("三个一批"), thresholds ("500万元以上项目"), baselines and mere counts."""
    if figure.value == 0 or (figure.in_chinese and (
            doc.quoted(clause.start + figure.start) or (figure.value == 1 and figure.unit in words.COUNT_UNITS))):
        return False
    if figure.is_count and after[:1] and after[0] in words.NUMERAL_START:
        return False
    if words.THRESHOLD_AFTER.match(after) or words.BASELINE_BEFORE.search(before):
        return False
    if words.ACHIEVED.search(clause.text[:figure.start]):
        return False
    if not figure.is_count:
        return True
    head = clause.text[:figure.start]
    return bool(words.TARGET_VERB.search(head) or words.PLAN_TIME.search(head) or context.modal or bound != "exact")


def _is_past(doc: Document, context: Context, after: str) -> bool:
    """A past result ("2022年…增长4.1%"); a past target ("较上年7.5%的目标") is kept."""
    year = context.period.year
    return bool(year and doc.year and year < doc.year and not words.PAST_TARGET.search(after))
