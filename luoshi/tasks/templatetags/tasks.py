"""Template helpers: the unread count beside the inbox link, and the dashboard's tasks panel."""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_count(context) -> int:
    """未读提醒数 of the signed-in user (0 when signed out)."""
    from luoshi.tasks.models import Notification

    user = context["request"].user
    if not user.is_authenticated:
        return 0
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


@register.inclusion_tag("tasks/_dashboard_panel.html", takes_context=True)
def tasks_panel(context):
    from luoshi.tasks.panel import panel_context

    return panel_context(context["request"].user)
