"""extract(): every quantitative target of a plan text, as the JSON objects of the conventions."""

from .fronts import map_fronts
from .merging import merge_repeats
from .places import plan_city
from .reading import Document, read_targets
from .segment import short_quotes
from .timing import plan_year


def extract(text: str, *, year: int | None = None, region: str | None = None) -> list[dict]:
    """The targets of `text`; `year` and `region` override the plan year and city read from it."""
    doc = Document(
        text=text,
        year=year if year is not None else plan_year(text),
        city=region if region is not None else plan_city(text),
        quotes=short_quotes(text),
        fronts=map_fronts(text),
    )
    return [target.as_json() for target in merge_repeats(list(read_targets(doc)))]
