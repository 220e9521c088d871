"""Who may review (审核权限) and to whom the change log attributes a review step."""

from contextlib import contextmanager

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from luoshi.core.context import change_context, current


def require_editor(user) -> None:
    """Only analysts and admins review plans; USER None is the system itself (the demo loader)."""
    if user is not None and not getattr(user, "edits_plans", False):
        raise PermissionDenied(_("只有分析员和系统管理员可以审核规划目标"))


@contextmanager
def acting_as(user):
    """Attribute the changes in the block to USER unless a request or command already set who acts."""
    require_editor(user)
    if user is None or current().user is not None:
        yield
        return
    with change_context(user=user):
        yield
