from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from luoshi.core.history import history_query, may_read
from luoshi.lib.periods import PeriodError, parse
from luoshi.plans.wording import format_number

register = template.Library()


@register.filter
def period_label(code: str) -> str:
    """A period code as its reader says it: 2023Q1 → 2023年一季度 (2023 Q1 in English)."""
    try:
        period = parse(str(code))
    except PeriodError:
        return code
    return period.label_zh_full if (get_language() or "zh-hans").startswith("zh") else period.label_en


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
    return "—" if value is None or value == "" else format_number(value)


@register.simple_tag(takes_context=True)
def history_link(context, obj) -> str:
    """变更记录 of OBJ, for those who may read the change log (nothing for others)."""
    if not may_read(context.get("user")):
        return ""
    return format_html('<a class="history-link" href="{}?{}">{}</a>', reverse("core:changes"),
                       history_query(obj), _("变更记录"))
