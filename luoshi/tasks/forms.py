"""Forms of the supervision-task pages."""

import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _

from luoshi.accounts.scoping import units_for
from luoshi.core.widgets import DateInput
from luoshi.plans.models import Plan, Target
from luoshi.tasks.models import TimeLimitClass
from luoshi.units.models import Unit


class TaskForm(forms.Form):
    """下达督办事项; a measure chosen in the plan text arrives as plan + span."""

    title = forms.CharField(label=_("事项名称"), max_length=200)
    description = forms.CharField(label=_("工作要求"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    lead_unit = forms.ModelChoiceField(label=_("牵头单位"), queryset=Unit.objects.none())
    co_units = forms.ModelMultipleChoiceField(label=_("配合单位"), queryset=Unit.objects.none(), required=False)
    deadline = forms.DateField(label=_("完成时限"), required=False, widget=DateInput())
    time_limit = forms.ModelChoiceField(label=_("办理时限类别"), queryset=TimeLimitClass.objects.all(),
                                        required=False)
    target = forms.ModelChoiceField(label=_("服务的目标"), queryset=Target.objects.none(), required=False)
    milestones = forms.CharField(label=_("节点(每行:日期 节点名称)"), required=False,
                                 widget=forms.Textarea(attrs={"rows": 3, "placeholder": _("2023-06-30 完成主体工程")}))
    plan = forms.ModelChoiceField(queryset=Plan.objects.all(), required=False, widget=forms.HiddenInput)
    span_start = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)
    span_end = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        units = units_for(user).active().exclude(kind="province").order_by("kind", "order", "code")
        self.fields["lead_unit"].queryset = units
        self.fields["co_units"].queryset = units
        self.fields["target"].queryset = Target.objects.restrict(user).active().select_related("plan", "series")
        self.fields["plan"].queryset = Plan.objects.restrict(user)

    def clean_milestones(self) -> list[tuple[str, dt.date]]:
        found = []
        for number, line in enumerate(self.cleaned_data["milestones"].splitlines(), start=1):
            if not line.strip():
                continue
            day, _sep, name = line.strip().partition(" ")
            try:
                found.append((name.strip() or f"节点{number}", dt.date.fromisoformat(day)))
            except ValueError:
                raise forms.ValidationError(f"第 {number} 行的日期“{day}”应为 YYYY-MM-DD") from None
        return found

    def span(self) -> tuple[int, int] | None:
        start, end = self.cleaned_data.get("span_start"), self.cleaned_data.get("span_end")
        return (start, end) if self.cleaned_data.get("plan") and start is not None and end is not None else None


class EvidenceForm(forms.Form):
    file = forms.FileField(label=_("佐证材料"))
    note = forms.CharField(label=_("说明"), required=False, max_length=300)


class StepForm(forms.Form):
    note = forms.CharField(label=_("意见"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
