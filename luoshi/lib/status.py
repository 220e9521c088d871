"""状态用语: the one status vocabulary of Luoshi — lights, their order, icons and words.

Every page, template tag, briefing and API call says a status with these words (pure Python, no Django).

Two kinds of light, never mixed up:

- judgements (研判): red 滞后/逾期, yellow 预警/临期, green 正常, grey 无数据 — what the judgement engine
  (`luoshi.lib.judgement`) or a timer says about progress against a promise;
- workflow states (办理状态): blue, the neutral "in progress" mark of something moving through its steps
  (办理中, 待转办, 在建), and green once it is finished. A workflow state is never red or yellow: those
  are reserved for an overdue or at-risk judgement, shown beside it.

Worst first: red, yellow, grey, blue, green.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum


class Colour(StrEnum):
    """灯色: the colour of a status light; always shown with its icon and a word, never colour alone."""

    RED = "red"
    YELLOW = "yellow"
    GREY = "grey"
    BLUE = "blue"
    GREEN = "green"

    @property
    def icon(self) -> str:
        """A shape for each light, so that it reads without colour (grey print, colour-blind readers)."""
        return ICONS[self]

    @property
    def order(self) -> int:
        """Position worst first: red 0, yellow 1, grey 2, blue 3, green 4."""
        return WORST_FIRST.index(self)


WORST_FIRST: tuple[Colour, ...] = (Colour.RED, Colour.YELLOW, Colour.GREY, Colour.BLUE, Colour.GREEN)
ICONS = {Colour.RED: "✕", Colour.YELLOW: "!", Colour.GREY: "–", Colour.BLUE: "•", Colour.GREEN: "✓"}

#: The judgements that call for attention (滞后/逾期, 预警/临期): what panels and reminders pick out.
ATTENTION: tuple[Colour, ...] = (Colour.RED, Colour.YELLOW)
#: The workflow mark of a step under way (办理中, 待转办, 在建 …): neutral, not a judgement.
PROGRESS = Colour.BLUE
#: The workflow mark of a thing finished (办结, 已解决, 建成投产).
FINISHED = Colour.GREEN
#: The workflow mark of a thing not yet started nor planned (储备).
DORMANT = Colour.GREY


class Status(StrEnum):
    """研判状态: green 正常, yellow 预警 (behind within tolerance), red 滞后, grey 无数据 (no figure at all)."""

    GREEN = "green"
    YELLOW = "yellow"
    RED = "red"
    GREY = "grey"

    @property
    def label_zh(self) -> str:
        return VERDICT_LABELS[self]

    @property
    def rank(self) -> int:
        """Order for comparisons: red 0 < yellow 1 < green 2; grey −1 (not comparable)."""
        return {"red": 0, "yellow": 1, "green": 2, "grey": -1}[self.value]

    @property
    def colour(self) -> Colour:
        return Colour(self.value)


VERDICT_LABELS = {Status.GREEN: "正常", Status.YELLOW: "预警", Status.RED: "滞后", Status.GREY: "无数据"}
#: The verdict statuses worst first, as counted and filtered on the dashboard.
VERDICTS_WORST_FIRST: tuple[Status, ...] = (Status.RED, Status.YELLOW, Status.GREY, Status.GREEN)


def icon(colour: str | None) -> str:
    """The icon of COLOUR ("red", …); an unknown or empty colour reads as grey."""
    return ICONS.get(colour or "", ICONS[Colour.GREY])


def worst_first(colour: str) -> int:
    """Sort key, worst first (red before yellow before grey before blue before green)."""
    return Colour(colour).order


def worst(colours: Iterable[str]) -> str:
    """The worst of COLOURS; grey when there is none."""
    return min(colours, key=worst_first, default=Colour.GREY.value)


def tally(colours: Iterable[str]) -> dict[str, int]:
    """How many of each verdict status, worst first (red, yellow, grey, green), zeros included."""
    counts = {s.value: 0 for s in VERDICTS_WORST_FIRST}
    for colour in colours:
        counts[colour] += 1
    return counts
