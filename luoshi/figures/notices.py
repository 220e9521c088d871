"""数据审核's notices: the reporting unit hears that a submitted figure was approved or returned."""

from django.urls import reverse
from django.utils.translation import gettext_noop

from luoshi.figures import subjects
from luoshi.figures.models import FigureRevision
from luoshi.notices.delivery import DOERS, Notice, notify

RETURNED = gettext_noop("数据“%(figure)s”被退回,请修改后重新报送:%(reason)s")
APPROVED = gettext_noop("数据“%(figure)s”已审核通过")


def _link(revision: FigureRevision) -> str:
    figure = revision.figure
    kind = subjects.kind(figure.subject_kind)
    if kind is not None and kind.url is not None:
        return kind.url(figure.subject_id)
    if revision.status == FigureRevision.Status.RETURNED:
        return f"{reverse('figures:entry')}?period={figure.period}"
    return reverse("figures:review")


def reviewed(revision: FigureRevision) -> None:
    """审核通过 or 退回 (with the reason), for the reporters of the figure's unit."""
    figure = revision.figure
    returned = revision.status == FigureRevision.Status.RETURNED
    notify(Notice(figure.unit_id, f"figure-revision:{revision.pk}:{revision.status}", RETURNED if returned else APPROVED,
                  _link(revision), DOERS, args={"figure": str(figure), "reason": revision.review_note}))
