"""发布与撤回发布: what a plan still lacks before it goes out, publishing it, and taking it back to draft.

Blockers stop publishing: proposals still undecided, a plan without targets. Warnings (a target without
owner; without series and not reported by its owner, so never judged) are listed, and the analyst may
publish anyway once they confirm.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from luoshi.plans.models import Plan, Target
from luoshi.review import notices
from luoshi.review.acting import acting_as


@dataclass(frozen=True)
class Gap:
    """One thing missing: what, and the target it is about (None for the plan itself)."""

    message: str
    target: Target | None = None


@dataclass
class Readiness:
    blockers: list[Gap] = field(default_factory=list)
    warnings: list[Gap] = field(default_factory=list)

    @property
    def ready(self) -> bool:
        return not self.blockers and not self.warnings


class PublishRefused(ValidationError):
    """Publishing refused: blockers, or warnings the analyst has not confirmed."""

    def __init__(self, readiness: Readiness):
        self.readiness = readiness
        gaps = readiness.blockers or readiness.warnings
        super().__init__([gap.message for gap in gaps])


def target_gaps(target: Target) -> list[Gap]:
    gaps = []
    if target.owner_id is None:
        gaps.append(Gap(_("“%(name)s”没有责任单位") % {"name": target.indicator}, target))
    if target.series_id is None and not target.reported_by_owner:
        gaps.append(Gap(_("“%(name)s”没有统计指标,也未标明由责任单位报送进展,发布后无法研判") % {
            "name": target.indicator}, target))
    return gaps


def readiness(plan: Plan) -> Readiness:
    """What stops PLAN from being published (blockers) and what it would go out without (warnings)."""
    result = Readiness()
    undecided = plan.proposals.undecided().count()
    if undecided:
        result.blockers.append(Gap(_("还有 %(n)s 条提议未审核或出处已变,审核完毕后才能发布") % {"n": undecided}))
    targets = list(plan.targets.active().select_related("owner", "series"))
    if not targets:
        result.blockers.append(Gap(_("规划还没有目标")))
    for target in targets:
        result.warnings.extend(target_gaps(target))
    return result


@transaction.atomic
def publish(plan: Plan, user, *, confirmed: bool = False) -> Readiness:
    """发布: refused (PublishRefused) with blockers, or with warnings not CONFIRMED; else published."""
    with acting_as(user):
        result = readiness(plan)
        if result.blockers or (result.warnings and not confirmed):
            raise PublishRefused(result)
        plan.status = Plan.Status.PUBLISHED
        plan.save()
    notices.published(plan)
    return result


@transaction.atomic
def unpublish(plan: Plan, user) -> Plan:
    """撤回发布: back to draft (the change log keeps who did it and when); the public no longer sees it."""
    with acting_as(user):
        if plan.status != Plan.Status.PUBLISHED:
            raise ValidationError(_("规划尚未发布,无需撤回"))
        plan.status = Plan.Status.DRAFT
        plan.save()
    return plan
