"""Template helpers of the key-project and task pages: status lights and the dashboard panel."""

from django import template

from luoshi.lib import status as vocabulary

register = template.Library()


@register.inclusion_tag("projects/_light.html")
def light(colour: str, label: str):
    """状态灯: colour, icon and word together, never colour alone (see `luoshi.lib.status`)."""
    return {"colour": colour or vocabulary.Colour.GREY, "icon": vocabulary.icon(colour), "label": label}


@register.filter
def share(value) -> str:
    """0.4567 → 45.7%."""
    return "—" if value is None else f"{value * 100:.1f}%"


@register.filter
def amount(value) -> str:
    """亿元 amounts: at most two decimals, no trailing zeros."""
    if value is None:
        return "—"
    text = f"{float(value):.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


@register.inclusion_tag("projects/_dashboard_panel.html", takes_context=True)
def projects_panel(context):
    from luoshi.projects.panel import panel_context

    board = context.get("board")  # the dashboard's own period, when there is one
    return panel_context(context["request"].user, at=getattr(board, "at", None))
