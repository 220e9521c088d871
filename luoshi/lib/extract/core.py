"""extract(): every quantitative target of a plan text, as the JSON objects of the conventions.

The text is folded first (traditional script to simplified, pinyin glosses and the source line out of
the way), then read as a whole (plan year, region), then sentence by sentence; spans and sentences
are given back on the original text.
"""

from dataclasses import replace

from .folding import Folded, fold, source_line
from .fronts import map_fronts
from .merging import merge_repeats
from .places import Place, national, plan_region, region_named, regional
from .reading import Document, read_targets
from .segment import short_quotes
from .target import Target
from .timing import Dating, plan_dating


def extract(text: str, *, year: int | None = None, region: str | None = None) -> list[dict]:
    """The targets of `text`; `year` and `region` override the plan year and region read from it."""
    folded = fold(text)
    dating = plan_dating(folded.text, source_line(text))
    if year is not None:
        dating = Dating(year, None, dated=True)
    place = plan_region(folded.text) if region is None else region_named(region) or Place(region, "")
    gazetteer = regional(place.code) if place and place.code else national()
    doc = Document(
        text=folded.text, dating=dating, city=place.name if place else "",
        gazetteer=gazetteer, quotes=short_quotes(folded.text), fronts=map_fronts(folded.text),
    )
    return [_on_original(target, text, folded).as_json() for target in merge_repeats(list(read_targets(doc)))]


def _on_original(target: Target, text: str, folded: Folded) -> Target:
    """The target with its span and sentence on the original text, its indicator, unit and region in
    the script its sentence is written in."""
    start, end = folded.span(target.start, target.end)
    script = folded.script(text, target.start, target.end)
    return replace(target, start=start, end=end, sentence=text[start:end],
                   indicator=target.indicator.translate(script), unit=target.unit.translate(script),
                   region=target.region.translate(script))
