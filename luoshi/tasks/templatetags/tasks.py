"""Template helpers: the dashboard's tasks panel."""

from django import template

register = template.Library()


@register.inclusion_tag("tasks/_dashboard_panel.html", takes_context=True)
def tasks_panel(context):
    from luoshi.tasks.panel import panel_context

    return panel_context(context["request"].user)
