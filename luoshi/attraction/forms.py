"""Forms of the attraction pages: a new lead, the next stage, linking a key project, paid-in funds."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from luoshi.accounts.scoping import units_for
from luoshi.attraction.models import Event, Lead, LeadStep, TaskForce
from luoshi.chains.models import ChainNode
from luoshi.core import limits
from luoshi.enterprises.models import Enterprise
from luoshi.projects.models import Project
from luoshi.units.models import Unit

DATE = forms.DateInput(attrs={"type": "date"})


class LeadForm(forms.ModelForm):
    """登记线索: the lead's company, 专班, landing unit and the chain node it fills."""

    date = forms.DateField(label=_("线索日期"), widget=DATE)

    class Meta:
        model = Lead
        fields = ["name", "company", "task_force", "unit", "node", "event", "planned_investment"]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["company"].queryset = Enterprise.objects.active().filter(
            Q(pk__in=Enterprise.objects.restrict(user)) | Q(register_unit__code__in=_above(user)))
        self.fields["task_force"].queryset = TaskForce.objects.restrict(user).active()
        task_forces = TaskForce.objects.restrict(user)
        self.fields["unit"].queryset = Unit.objects.active().filter(
            Q(pk__in=units_for(user)) | Q(covering_task_forces__in=task_forces)).distinct().order_by("kind", "order")
        self.fields["node"].queryset = ChainNode.objects.active().filter(
            Q(pk__in=ChainNode.objects.restrict(user)) | Q(chain__unit__code__in=_above(user))).select_related("chain")
        self.fields["event"].queryset = Event.objects.restrict(user).active()

    def clean(self):
        limits.form_validators(self, Lead)
        return super().clean()


def _above(user) -> list[str]:
    """The codes of USER's unit and the units above it: a reporter picks among its city's firms and chains."""
    return [code for code in user.unit.path.split("/") if code] if user.unit_id else []


class StageForm(forms.Form):
    """下一阶段: the date, and what 签约 (amount) and 开工 (key project) need."""

    date = forms.DateField(label=_("日期"), widget=DATE)
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
            self.fields["project"].queryset = linkable_projects(user)


def linkable_projects(user):
    """Key projects within USER's reach that are no lead's project yet."""
    return Project.objects.restrict(user).active().filter(lead__isnull=True)


class LinkForm(forms.Form):
    project = forms.ModelChoiceField(label=_("关联重点项目"), queryset=Project.objects.none())

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["project"].queryset = linkable_projects(user)


class FundsForm(forms.Form):
    """到位资金: the year-to-date amount paid in by the end of a month (亿元), with its source."""

    period = forms.CharField(label=_("期间"), max_length=16, help_text=_("如 2023M06(1–6月累计)"))
    value = forms.DecimalField(label=_("累计到位资金(亿元)"), min_value=0, max_digits=14, decimal_places=4)
    source = forms.CharField(label=_("来源"), required=False, max_length=500)
