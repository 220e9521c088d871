"""Inputs and output of the judgement engine: plain frozen dataclasses, no Django."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date
from enum import StrEnum
from typing import Any, NamedTuple

from luoshi.lib.periods import Period, due_date
from luoshi.lib.status import Status

from .words import gettext_noop, msg, render
from .words import period as period_node

LATE = gettext_noop("%(period)s数据逾期未报 %(days)s 天")


class Kind(StrEnum):
    """指标类型: how a target's value is stated (see the extraction conventions)."""

    LEVEL = "level"  # 总量 amount to reach (亿元)
    COUNT = "count"  # 数量 number of things (家, 个, 万人)
    GROWTH = "growth"  # 增速 增长 X%, 提高 X 个百分点
    SHARE = "share"  # 比重/覆盖率/强度 a ratio
    REDUCTION = "reduction"  # 下降 X, 控制在 X 以内: lower is better
    MILESTONE = "milestone"  # 里程碑 dated milestones of tasks and projects


class Accumulation(StrEnum):
    """累计方式: flow (流量, accumulates within the period) or stock (存量, a standing total)."""

    FLOW = "flow"
    STOCK = "stock"


class Bound(StrEnum):
    """约束方向: 以上 min, 以内 max, 左右 approx, otherwise exact."""

    MIN = "min"
    MAX = "max"
    APPROX = "approx"
    EXACT = "exact"


class Commitment(StrEnum):
    """目标约束力: 确保/保 firm, 力争/争 stretch, "" unstated."""

    ENSURE = "确保"
    KEEP = "保"
    STRIVE = "力争"
    AIM = "争"
    NONE = ""

    @property
    def is_stretch(self) -> bool:
        """力争目标: a stretch target."""
        return self in (Commitment.STRIVE, Commitment.AIM)


@dataclass(frozen=True)
class Milestone:
    """里程碑: a dated step of a milestone target; `done` is when it was completed."""

    due: date
    done: date | None = None
    name: str = ""

    def done_by(self, day: date) -> bool:
        return self.done is not None and self.done <= day


@dataclass(frozen=True)
class TargetSpec:
    """目标: what the plan promised, as the engine needs it.

    `value` is as written (7000 with 亿元, 7 for +7%, 3 for 下降 3%). For a reduction stated as a
    fall (下降 X), set `decline=True`: the published growth rate must then be −X or lower. Without
    it a reduction is a ceiling (控制在 X 以内: the figure must stay at or below X).
    `baseline` is the value at the start of the period (stocks, shares, multi-year targets).
    """

    kind: Kind
    value: float
    period: Period
    unit: str = ""
    accumulation: Accumulation = Accumulation.FLOW
    bound: Bound = Bound.EXACT
    commitment: Commitment = Commitment.NONE
    baseline: float | None = None
    milestones: tuple[Milestone, ...] = ()
    decline: bool = False

    def __post_init__(self) -> None:
        set_ = object.__setattr__
        set_(self, "kind", Kind(self.kind))
        set_(self, "accumulation", Accumulation(self.accumulation))
        set_(self, "bound", Bound(self.bound))
        set_(self, "commitment", Commitment(self.commitment or ""))
        set_(self, "value", float(self.value))
        set_(self, "milestones", tuple(_milestone(m) for m in self.milestones))

    @property
    def is_percent(self) -> bool:
        """Stated in % or 个百分点: gaps are in percentage points."""
        return self.kind in (Kind.GROWTH, Kind.SHARE) or "%" in self.unit or "百分点" in self.unit

    @property
    def higher_is_better(self) -> bool:
        """Direction of the judged figure: max bounds and ceilings are lower-is-better."""
        if self.kind is Kind.REDUCTION:
            return self.decline
        return self.bound is not Bound.MAX


def _milestone(item: Milestone | tuple) -> Milestone:
    return item if isinstance(item, Milestone) else Milestone(*item)


class Observation(NamedTuple):
    """实际数: a published figure. `value` is year-to-date (flows) or point-in-time (stocks, shares);
    `growth` is the published YTD growth rate in %, never derived from levels.

    A named tuple, not a dataclass: a province's status reads millions of them, and a tuple is
    several times cheaper to make.
    """

    period: Period
    value: float | None = None
    growth: float | None = None


@dataclass(frozen=True)
class Tolerances:
    """容差: thresholds between green, yellow and red. Settings, not constants: map them from Django settings.

    - `level_yellow` 0.05: a level/count forecast up to 5% short of its target is yellow.
    - `stock_yellow` 0.10: a stock (or share with baseline) forecast short by up to 10% of the planned
      increase (target − baseline) is yellow.
    - `growth_yellow_pp` 1.0: a growth rate up to 1 percentage point short is yellow.
    - `share_yellow_pp` 1.0: a share up to 1 percentage point short is yellow.
    - `reduction_yellow_pp` 0.5: a reduction in % missing by up to 0.5 percentage point is yellow
      (a reduction in other units uses `level_yellow`).
    - `approx_band` 0.02 / `approx_band_pp` 0.3: 左右 targets count as met within 2% (levels) or
      0.3 percentage point (rates) on the unfavourable side; beyond the target is met anyway.
    - `milestone_warn_days` 15: an open milestone falling due within 15 days makes it yellow.
    """

    level_yellow: float = 0.05
    stock_yellow: float = 0.10
    growth_yellow_pp: float = 1.0
    share_yellow_pp: float = 1.0
    reduction_yellow_pp: float = 0.5
    approx_band: float = 0.02
    approx_band_pp: float = 0.3
    milestone_warn_days: int = 15


@dataclass(frozen=True)
class Lateness:
    """逾期未报: the figure of `period` is owed, was due on `due` and is `days` (> 0) late."""

    period: Period
    due: date
    days: int

    @classmethod
    def of(cls, period: Period, due_day: int, today: date) -> Lateness | None:
        """The lateness of PERIOD's figure on TODAY, None while it is not yet past its due day."""
        due = due_date(period, due_day)
        return cls(period, due, (today - due).days) if today > due else None

    @property
    def words(self) -> dict[str, Any]:
        return msg(LATE, period=period_node(self.period, full=True), days=str(self.days))

    @property
    def reason(self) -> str:
        return render(self.words)

    def to_dict(self) -> dict[str, Any]:
        return {"period": self.period.code, "due": self.due.isoformat(), "days": self.days}


@dataclass(frozen=True)
class Verdict:
    """研判结论: one target's status at one period, with the numbers behind it.

    `progress` and `expected` share a scale (0..1+, share of the target done / due by now) for
    levels, counts, stocks, shares with a baseline and milestones. Rate kinds without a baseline
    (growth, share, reduction) have `progress` None and `expected` the target value itself.
    `gap` is the forecast's (at the end: the actual's) margin over the target in the target's own
    unit (percentage points for rates); positive means ahead, also for lower-is-better targets.
    `words` is the reason as its message and values (`words.render` says it in the reader's language);
    `reason` is what it says in Chinese.
    """

    status: Status
    reason: str
    actual: float | None = None
    progress: float | None = None
    expected: float | None = None
    gap: float | None = None
    forecast: float | None = None
    forecast_basis: str = ""
    pace_ratio: float | None = None
    met: bool | None = None
    is_final: bool = False
    commitment: Commitment = Commitment.NONE
    period: Period | None = field(default=None)
    late: Lateness | None = None
    not_published: bool = False
    words: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: enums as their values, the judged figure's period as its code."""
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data["status"] = self.status.value
        data["commitment"] = self.commitment.value
        data["period"] = self.period.code if self.period else None
        data["late"] = self.late.to_dict() if self.late else None
        return data
