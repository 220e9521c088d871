"""{% period_select "period" request.GET.period %}: the one period picker of the filters and forms."""

from django import template

from luoshi.core.labels import period_label
from luoshi.lib.periods import Period, PeriodError, parse
from luoshi.plans.periods import picker_years, year_periods

register = template.Library()


@register.inclusion_tag("plans/period_select.html", takes_context=True)
def period_select(context, name: str = "period", selected: str = "", blank: str = "", autosubmit: bool = False):
    """A <select> of the periods of the user's plan years (grouped by year, labelled 1–6月, 上半年, 全年…);
    BLANK labels an empty first choice. An unreadable SELECTED code is simply not selected."""
    try:
        chosen: Period | None = parse(selected) if selected else None
    except PeriodError:
        chosen = None
    years = picker_years(context["request"].user, also=chosen)
    return {"name": name, "blank": blank, "autosubmit": autosubmit,
            "selected": chosen.code if chosen else "",
            "groups": [(period_label(Period.year(year)), year_periods(year)) for year in years]}
