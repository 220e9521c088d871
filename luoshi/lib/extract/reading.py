"""Reading the targets of a text: passage by passage, sentence by sentence, clause by clause.

What holds for the whole text (plan year, region, the indicator a comparison is about) is read first;
a past passage ("去年,…。…") and a later target year ("到2025年,…。…") run to the end of their line; a modal (确保/力争) written before the
indicator holds for the following clauses of its sentence, one written after it for its own clause only.
"""

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from . import vocabulary as words
from .classify import accumulation_of, bound_of, kind_of
from .figures import Figure, figures
from .fronts import FrontMap
from .indicators import (
    GDP,
    GENERIC,
    MIN_LENGTH,
    canonical,
    clean,
    name_indicator,
    owned_by_projects,
    things_counted,
)
from .numerals import plain
from .places import Gazetteer, is_zone, places_in, places_listed, subjects, whole_again
from .respectively import respectively
from .segment import Segment, clauses, sentences, trimmed
from .target import Target
from .timing import Dating, Period, last_period, period_of, whole_of
from .vocabulary import TIME

#: A modal or a time word needs one of these characters: the cheap test before the full one.
MODAL_CHARACTERS = re.compile("[确力保争]")
TIME_CHARACTERS = re.compile("[年季五]|月[底末份]?[之以]?前")


@dataclass(frozen=True)
class Document:
    """What holds for the whole text: its dating, region and gazetteer, quoted names and fronts."""

    text: str
    dating: Dating
    city: str
    gazetteer: Gazetteer
    quotes: list[tuple[int, int]]
    fronts: FrontMap

    @property
    def year(self) -> int | None:
        return self.dating.year

    def quoted(self, position: int) -> bool:
        index = bisect.bisect_right(self.quotes, (position, len(self.text))) - 1
        return index >= 0 and self.quotes[index][0] < position < self.quotes[index][1]


@dataclass
class Context:
    """语境: what the passage and the sentence have set so far."""

    period: Period
    places: list[str] = field(default_factory=list)
    modal: str = ""
    clause_modal: str = ""
    indicator: str = ""
    kind: str = ""
    topic: str = ""
    enumerated: bool = False
    economy: bool = False
    timed: bool = False
    past_targets: bool = False
    read: bool = False
    modal_places: list[str] = field(default_factory=list)

    def update(self, doc: Document, head: str, piece: str, subjects: list[tuple[int, int, str]]) -> None:
        """Take in `piece`, the words of the clause that end `head`, whose subject places are `subjects`
        (each cue looked for only where a character it needs is there: this runs for every piece)."""
        named = places_in(piece, subjects, len(head) - len(piece), doc.city) or whole_again(
            piece, self.places, doc.city)
        if named:
            if named != self.places and self.modal_places != named:
                self.modal = ""
            self.places = named
        if MODAL_CHARACTERS.search(piece):
            self._modals(head, piece)
        if TIME_CHARACTERS.search(piece):
            for time in TIME.finditer(piece):
                if not (whole_of(time) and self.timed and self.period.label.isdigit() and self.period.year != doc.year):
                    year = self.period.year if time["by_month"] and self.timed else doc.year
                    self.period, self.timed = period_of(time, year, doc.dating.next_years_start,
                                                          doc.dating.coming_year), True
        if "来" in piece or "方面" in piece:
            topic = words.TOPIC.search(piece.strip())
            named = clean(topic["topic"] or topic["arena"]) if topic else ""
            if len(named) >= MIN_LENGTH and words.INDICATOR_END.search(named):
                self.topic = canonical(named)
        self.economy = self.economy or bool(words.ECONOMY.search(piece))
        self.past_targets = self.past_targets or ("目标" in piece and bool(words.PAST_FRAMING.search(piece)))

    def _modals(self, head: str, piece: str) -> None:
        offset = len(head) - len(piece)
        for modal in words.MODAL.finditer(piece):
            if len(clean(head[:offset + modal.start()])) >= MIN_LENGTH:
                self.clause_modal = modal.group()
            else:
                self.modal, self.clause_modal, self.modal_places = modal.group(), "", self.places

    @property
    def commitment(self) -> str:
        return self.clause_modal or self.modal


@dataclass
class Passage:
    """What runs on from sentence to sentence: a past period or a later target year ("到2025年,…。…")
    to the end of its line, an enumeration to the end of its line, a topic to the end of the text."""

    past: Period | None = None
    past_targets: bool = False
    ahead: Period | None = None
    enumerated: bool = False
    topic: str = ""


def read_targets(doc: Document) -> Iterator[Target]:
    """Every target stated in the text, sentence by sentence, repeats included.

    A past period ("过去一年,…;…", "回顾2019年,…。…") and a target year other than the plan's
    ("到2025年,…;…") carry across a semicolon and run on to the end of their line; a past period
    does not run into a sentence that states targets of its own ("主要预期目标是…").
    """
    plan_period = Period(str(doc.year) if doc.year else "", doc.year)
    carried: Context | None = None
    passage, line_end, review, heading = Passage(), -1, None, None
    for sentence in sentences(doc.text):
        if sentence.start > line_end:
            line = doc.text[sentence.start:_line_end(doc.text, sentence.start)]
            line_end = sentence.start + len(line)
            review = _review(doc, line, review)
            heading = _heading_period(doc, line, heading)
            passage = Passage(topic=passage.topic, past=review, ahead=heading)
        context = _opening(sentence, plan_period, carried, passage)
        yield from read_sentence(doc, sentence, context)
        passage.topic, passage.enumerated = context.topic, context.enumerated
        if sentence.text.rstrip().endswith(("：", ":")) and context.timed and _ahead(context.period, doc.year):
            heading = context.period
        if context.timed:
            past = bool(context.period.year and doc.year and context.period.year < doc.year)
            passage.past, passage.past_targets = (context.period, context.past_targets) if past else (None, False)
            if context.read:
                passage.ahead = context.period if _carries(context.period, doc.year) and not past else None
        semicolon = doc.text[sentence.end:sentence.end + 1] in ";；"
        carried = context if semicolon and _carries(context.period, doc.year) and (
            context.read or context.period.year < (doc.year or 0)) else None


def _review(doc: Document, line: str, review: Period | None) -> Period | None:
    """The past period a review section ("一、2023年工作回顾", "一、今年的工作" in a text of December
    that plans next year) is about, from its heading to the next heading."""
    if not words.SECTION.match(line) or not doc.year:
        return review if words.SECTION.match(line) is None else None
    named = last_period(line, doc.year, doc.dating)
    if named and named.year and named.year < doc.year:
        return named
    return Period(str(doc.year - 1), doc.year - 1) if words.REVIEW_HEADING.search(line) else None


def _heading_period(doc: Document, line: str, heading: Period | None) -> Period | None:
    """The later target year a heading ("二、到2025年主要目标") or a line ending in a colon ("到2025年:")
    sets for the lines under it, to the next heading or blank line."""
    if not line.strip():
        return None
    if not words.SECTION.match(line):
        return heading
    named = last_period(line, doc.year, doc.dating)
    return named if named and _ahead(named, doc.year) else None


def _ahead(period: Period, plan_year: int | None) -> bool:
    """A year after the plan year, or a span of years."""
    return bool(period.year and plan_year) and (period.year > plan_year or "-" in period.label)


def _line_end(text: str, position: int) -> int:
    end = text.find("\n", position)
    return len(text) if end < 0 else end


def _opening(sentence: Segment, plan_period: Period, carried: "Context | None", passage: Passage) -> Context:
    context = Context(period=plan_period, topic=passage.topic, enumerated=passage.enumerated)
    if carried is not None:
        context.period, context.past_targets = carried.period, carried.past_targets
    elif passage.ahead:
        context.period = passage.ahead
    elif passage.past and (passage.past_targets or not words.TARGET_SENTENCE.search(sentence.text)
                           or words.PAST_FRAMING.search(sentence.text)):
        context.period, context.past_targets = passage.past, passage.past_targets or bool(
            words.PAST_FRAMING.search(sentence.text))
        context.timed = True
    return context


def _carries(period: Period, plan_year: int | None) -> bool:
    """A past year, or a whole later year or span, holds beyond a semicolon."""
    if not (period.year and plan_year) or period.year == plan_year:
        return False
    return period.year < plan_year or period.label.replace("-", "").isdigit()


def read_sentence(doc: Document, sentence: Segment, context: Context) -> Iterator[Target]:
    """The targets stated in one sentence, starting from `context`."""
    lead = ""
    enumeration = words.ENUMERATION.search(sentence.text)
    for clause in clauses(sentence):
        position, runs = 0, []
        named = subjects(clause.text, doc.gazetteer)
        context.clause_modal = ""
        if enumeration and clause.start - sentence.start >= enumeration.end():
            context.enumerated = True
        for figure in figures(clause.text):
            before = clause.text[position:figure.start]
            context.update(doc, clause.text[:figure.start] + figure.numeral[:1], before + figure.numeral[:1], named)
            read = list(_read_figure(doc, context, clause, figure, before))
            if read:
                runs.append((before, read))
                position = figure.end
        context.update(doc, clause.text, clause.text[position:], named)
        if not runs and "前" in clause.text:
            yield from _milestone(doc, context, clause)
        yield from respectively(runs, lead)
        lead = clause.text


def _milestone(doc: Document, context: Context, clause: Segment) -> Iterator[Target]:
    """里程碑: a step due by a deadline ("综保区6月底前封关运行"), one target of value 1 (one step)
    for the period the deadline closes."""
    span = trimmed(clause)
    step = words.MILESTONE.search(span.text)
    if not step or words.ACHIEVED.search(span.text) or _is_past(doc, context, ""):
        return
    indicator = clean(span.text[:step.start()], doc.gazetteer) + step["step"]
    for region in context.places or [doc.city]:
        yield Target(
            indicator=indicator, value=1, unit="", kind="milestone", period=context.period.label,
            bound="exact", commitment=context.commitment, region=region, sentence=span.text,
            start=span.start, end=span.end, front=doc.fronts.at(span.start), enumerated=context.enumerated,
            unsure=_unsure_milestone(doc, context, region),
        )


def _unsure_milestone(doc: Document, context: Context, region: str) -> tuple[str, ...]:
    period = ("period",) if not context.period.label or context.period.unsure or not doc.dating.dated else ()
    return (*period, "region") if not region or is_zone(region) else period


def _indicators(doc: Document, context: Context, figure: Figure, before: str, after: str,
                head: str) -> tuple[list[str], bool]:
    """The indicators a figure is for, and whether they were inherited rather than named."""
    shared = _shared_names(before, doc.gazetteer)
    if shared:
        return shared, False
    indicator = owned_by_projects(name_indicator(before, after, head, not figure.is_rate, doc.gazetteer),
                                  before, context.indicator)
    if figure.is_count:
        indicator = things_counted(indicator, figure.unit)
    if indicator in GENERIC and context.indicator:
        return [context.indicator + indicator], False
    if indicator:
        return [indicator], False
    fallback = context.indicator or context.topic or (GDP if figure.is_rate and context.economy else "")
    return [fallback], True


def _shared_names(before: str, gazetteer: Gazetteer) -> list[str]:
    """"固定资产投资、工业投资、服务业投资均增长", "城镇调查失业率和登记失业率稳定在": one name each."""
    if "分别" in before:
        return []
    parts = [clean(part, gazetteer) for part in words.NAME_LIST.split(before)]
    if len(parts) < 2 or min(map(len, parts)) < MIN_LENGTH:
        return []
    heads = {part[-2:] for part in parts}
    return [canonical(part) for part in parts] if len(heads) == 1 or words.SHARED.search(before) else []


def _read_figure(doc: Document, context: Context, clause: Segment, figure: Figure,
                 before: str) -> Iterator[Target]:
    after = clause.text[figure.end:]
    head = clause.text[:figure.start]
    bound = figure.range_bound or bound_of(before, after)
    if not _is_target_figure(doc, context, clause, figure, before, after, bound):
        return
    indicators, inherited = _indicators(doc, context, figure, before, after, head)
    kind = kind_of(figure, before, after, indicators[0], context.kind if inherited else "")
    if not indicators[0] and kind == "growth" and figure.is_rate:
        indicators = [context.topic or GDP]
    context.indicator, context.kind, context.read = indicators[-1], kind, True
    if _is_past(doc, context, after):
        return
    listed = words.PLACES_AFTER.match(after)
    regions = (places_listed(after[listed.end():], doc.gazetteer) if listed else []) or context.places or [doc.city]
    unsure = _unsure(doc, context, figure, indicators, inherited, kind, before)
    span = trimmed(clause)
    for indicator in indicators:
        for region in regions:
            yield Target(
                indicator=indicator, value=plain(figure.value), unit=figure.unit, kind=kind,
                period=context.period.label, bound=bound, commitment=context.commitment, region=region,
                sentence=span.text, start=span.start, end=span.end, front=doc.fronts.at(span.start),
                accumulation=accumulation_of(kind, head, figure.unit), enumerated=context.enumerated,
                unsure=unsure if region and not is_zone(region) else (*unsure, "region"),
            )


def _unsure(doc: Document, context: Context, figure: Figure, indicators: list[str], inherited: bool,
            kind: str, before: str) -> tuple[str, ...]:
    """The fields read with little to go on: an inherited or long indicator, a period from an undated
    text, a rate with no word of its kind (no region is added by the caller)."""
    unsure = []
    if inherited or not indicators[0] or max(map(len, indicators)) > 16:
        unsure.append("indicator")
    if not context.period.label or context.period.unsure or not (doc.dating.dated or context.timed):
        unsure.append("period")
    if figure.is_rate and kind == "share" and not words.SHARE_CUE.search(before):
        unsure.append("kind")
    return tuple(unsure)


def _is_target_figure(doc: Document, context: Context, clause: Segment, figure: Figure, before: str,
                      after: str, bound: str) -> bool:
    """False for names ("三个一批"), thresholds ("500万元以上项目"), baselines, ranks and mere counts."""
    if figure.value == 0 or (figure.in_chinese and (
            doc.quoted(clause.start + figure.start) or (figure.value == 1 and figure.unit in words.COUNT_UNITS))):
        return False
    if figure.is_count and (after[:1] and after[0] in words.NUMERAL_START and not (
            words.THRESHOLD_CLASS.match(after) and words.VERB_BEFORE.search(before) and not figure.in_chinese) or words.PARTS_AFTER.match(after)):
        return False
    if words.THRESHOLD_AFTER.match(after) or words.BASELINE_BEFORE.search(before) or words.OVER_STANDARD.search(before):
        return False
    if figure.unit.endswith("元") and words.THRESHOLD_NOUN.match(after):
        return False
    head = clause.text[:figure.start]
    if figure.unit == "天" and not words.DAYS_COUNTED.search(head):
        return False
    if _is_rank(figure, head, after, clause.text):
        return False
    if words.ACHIEVED.search(head) or words.MANY_PLACES.search(head):
        return False
    if not figure.is_count:
        return True
    return bool(words.TARGET_VERB.search(head) or words.PLAN_TIME.search(head) or context.commitment
                or bound != "exact" or context.enumerated or (context.read and words.QUALIFIED.search(head)))


def _is_rank(figure: Figure, head: str, after: str, clause: str) -> bool:
    """"位次前移2位", "进入全国前50位", "提升3个位次": a rank goal."""
    if words.RANK_AFTER.match(after):
        return True
    return figure.unit.endswith("位") and bool(words.RANK_BEFORE.search(head) or words.RANK.search(clause))


def _is_past(doc: Document, context: Context, after: str) -> bool:
    """A past result ("2022年…增长4.1%"); a past target ("较上年7.5%的目标", "年初确定的目标为…") is kept."""
    year = context.period.year
    return bool(year and doc.year and year < doc.year
                and not context.past_targets and not words.PAST_TARGET.search(after))
