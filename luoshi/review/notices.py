"""发布's notices: each unit that owns a target of the plan, or has a share of one, hears it is published."""

from django.urls import reverse
from django.utils.translation import gettext_noop

from luoshi.notices.delivery import DOERS, Notice, notify
from luoshi.plans.models import Assignment, Plan


def _concerned(plan: Plan) -> set[int]:
    targets = plan.targets.active()
    owners = set(targets.exclude(owner__isnull=True).values_list("owner_id", flat=True))
    return owners | set(Assignment.objects.filter(target__in=targets).values_list("unit_id", flat=True))


def published(plan: Plan) -> None:
    """发布: the reporters of the units concerned now owe its targets' progress."""
    sentence = gettext_noop("规划“%(plan)s”已发布,请按其中本单位的目标报送进展")
    link = reverse("plans:detail", args=[plan.pk])
    notify(*(Notice(unit_id, f"plan:{plan.pk}:published", sentence, link, DOERS, args={"plan": plan.title})
             for unit_id in sorted(_concerned(plan))))
