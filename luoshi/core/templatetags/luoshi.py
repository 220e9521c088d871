from django import template
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from luoshi.core import labels
from luoshi.core.context import SYSTEM_ACTOR
from luoshi.core.history import history_query, may_read
from luoshi.lib import numbers

register = template.Library()
SELECTED = mark_safe(" selected")


@register.simple_tag
def options(choices, selected=""):
    """The <option>s of CHOICES with SELECTED marked: (value, label) pairs, or names (each its own value). One join
    instead of a template loop, whose every option costs a page ~25 µs (a board's filters have fifty)."""
    chosen = "" if selected is None else str(selected)
    pairs = ((c, c) if isinstance(c, str) else c for c in choices)
    return format_html_join("", '<option value="{}"{}>{}</option>',
                            ((v, SELECTED if str(v) == chosen else "", text) for v, text in pairs))


@register.filter
def period_label(code, short: bool = False) -> str:
    """A period code as its reader says it: 2023Q1 → 2023年一季度 (Q1 2023 in English); |period_label:1 → 一季度."""
    return labels.period_label(code, short=bool(short))


@register.filter
def actor(name: str) -> str:
    """Who acted, as a page says it: the stored name, 系统 for what no person did."""
    return _("系统") if name == SYSTEM_ACTOR else name


@register.filter
def reason(verdict) -> str:
    """A verdict's reason in the reader's language: a Verdict or a verdict row (kept or not)."""
    if isinstance(verdict, dict):
        return labels.sentence(verdict.get("reason_words"), verdict.get("reason", ""))
    return labels.sentence(getattr(verdict, "words", None), getattr(verdict, "reason", ""))


@register.filter
def get_item(mapping, key):
    """mapping[key] in a template (None when absent): rows' errors keyed by their label."""
    try:
        return mapping.get(key)
    except AttributeError:
        return None


@register.filter
def plain(value) -> str:
    """A number as written, without trailing zeros: 7008.6000 → 7008.6 ("—" for none)."""
    return numbers.number(value)


@register.filter
def quantity(value, unit: str = "") -> str:
    """A figure with its unit at the precision it carries: 15%, 6.8%, 7000 亿元 ("—" for none)."""
    return numbers.quantity(value, unit)


@register.simple_tag(takes_context=True)
def history_link(context, obj) -> str:
    """变更记录 of OBJ, for those who may read the change log (nothing for others)."""
    if not may_read(context.get("user")):
        return ""
    return format_html('<a class="history-link" href="{}?{}">{}</a>', reverse("core:changes"),
                       history_query(obj), _("变更记录"))
