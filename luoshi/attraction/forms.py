"""Forms of the attraction pages: a new lead, the next stage, linking a key project, paid-in funds, a 专班, an
event and the leads import."""

from django import forms
from django.utils.translation import gettext_lazy as _

from luoshi.accounts.scoping import CHANGE, units_for
from luoshi.attraction import choices
from luoshi.attraction.editing import EVENT_FIELDS, TASK_FORCE_FIELDS, TASK_FORCE_SETS, linkable_leads
from luoshi.attraction.models import Event, Lead, LeadStep, TaskForce
from luoshi.chains.forms import ImportForm
from luoshi.chains.models import Chain
from luoshi.core import limits
from luoshi.core.labels import period_label
from luoshi.core.widgets import DateInput
from luoshi.plans.periods import ended_months
from luoshi.projects.models import Project


class LeadForm(forms.ModelForm):
    """登记线索 (or 更正 a registered lead): the lead's company, 专班, landing unit and the chain node it fills."""

    date = forms.DateField(label=_("线索日期"), widget=DateInput())

    class Meta:
        model = Lead
        fields = ["name", "company", "task_force", "unit", "node", "event", "planned_investment"]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:  # 更正: the first step's date stays as logged
            del self.fields["date"]
        self.fields["company"].queryset = choices.companies(user)
        self.fields["task_force"].queryset = choices.task_forces(user)
        self.fields["unit"].queryset = choices.landing_units(user)
        self.fields["node"].queryset = choices.nodes(user)
        self.fields["event"].queryset = choices.events(user)

    def clean(self):
        limits.form_validators(self, Lead)
        return super().clean()


class StageForm(forms.Form):
    """下一阶段: the date, and what 签约 (amount) and 开工 (key project) need."""

    date = forms.DateField(label=_("日期"), widget=DateInput())
    note = forms.CharField(label=_("说明"), required=False, max_length=limits.field_of(LeadStep, "note").max_length)
    signed_investment = forms.DecimalField(label=_("签约投资(亿元)"), required=False, min_value=0, max_digits=14,
                                           decimal_places=4)
    project = forms.ModelChoiceField(label=_("关联重点项目"), required=False, queryset=Project.objects.none())
    create_project = forms.BooleanField(label=_("由本招商项目生成重点项目"), required=False)

    def __init__(self, *args, user=None, stage: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if stage != Lead.Stage.SIGNED:
            del self.fields["signed_investment"]
        if stage != Lead.Stage.STARTED:
            del self.fields["project"], self.fields["create_project"]
        else:
            self.fields["project"].queryset = choices.linkable_projects(user)


class LinkForm(forms.Form):
    project = forms.ModelChoiceField(label=_("关联重点项目"), queryset=Project.objects.none())

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["project"].queryset = choices.linkable_projects(user)


class FundsForm(forms.Form):
    """到位资金: the year-to-date amount paid in by the end of a month (亿元), with its source; the month is
    picked among the ended months of the user's plan years (as on 数据填报)."""

    period = forms.ChoiceField(label=_("期间(年初至该月累计)"))
    value = forms.DecimalField(label=_("累计到位资金(亿元)"), min_value=0, max_digits=14, decimal_places=4)
    source = forms.CharField(label=_("来源"), required=False, max_length=500)

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["period"].choices = [(p.code, period_label(p)) for p in ended_months(user)]


def _units(user):
    return units_for(user, CHANGE).active().order_by("kind", "order", "code")


class TaskForceForm(forms.ModelForm):
    """专班: its name, 牵头领导, 牵头部门, member units, regions and chains, units offered within the editor's
    jurisdiction."""

    class Meta:
        model = TaskForce
        fields = [*TASK_FORCE_FIELDS, *TASK_FORCE_SETS]
        widgets = {name: forms.SelectMultiple(attrs={"size": 6}) for name in TASK_FORCE_SETS}

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("lead_department", "members", "regions"):
            self.fields[name].queryset = _units(user)
        self.fields["chains"].queryset = Chain.objects.restrict(user).active()
        if self.instance.pk is None and user is not None and user.unit_id:
            self.fields["lead_department"].initial = user.unit_id

    def values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class EventForm(forms.ModelForm):
    """招商活动: name, kind, date, place, organizer, 专班, and the leads it produced."""

    leads = forms.ModelMultipleChoiceField(label=_("产生的招商项目"), required=False, queryset=Lead.objects.none(),
                                           widget=forms.SelectMultiple(attrs={"size": 8}))

    class Meta:
        model = Event
        fields = list(EVENT_FIELDS)
        widgets = {"date": DateInput()}

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organizer"].queryset = _units(user)
        self.fields["task_force"].queryset = choices.task_forces(user)
        self.fields["leads"].queryset = linkable_leads(user)
        if self.instance.pk is not None:
            self.fields["leads"].initial = list(self.instance.leads.values_list("pk", flat=True))
        elif user is not None and user.unit_id:
            self.fields["organizer"].initial = user.unit_id

    def values(self) -> dict:
        return {name: self.cleaned_data[name] for name in [*self.Meta.fields, "leads"]}


class LeadsImportForm(ImportForm):
    """招商项目清单 upload (the chain map's upload form, with its own label)."""

    file = forms.FileField(label=_("招商项目清单(.xlsx)"))
