"""Forms of the key-project pages: stage change, monthly plan, obstacles, batches, import."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from luoshi.accounts.scoping import CHANGE, units_for
from luoshi.core import limits
from luoshi.core.labels import month_label
from luoshi.core.widgets import DateInput
from luoshi.enterprises import register
from luoshi.enterprises.models import Enterprise
from luoshi.plans.models import Front, Target
from luoshi.projects.models import Batch, Contact, Obstacle, Project
from luoshi.projects.obstacles import DEFAULT_DAYS, ROUTE_DAYS
from luoshi.units.models import Unit

MONTH_FIELDS = [f"m{m}" for m in range(1, 13)]


class StageForm(forms.Form):
    stage = forms.ChoiceField(label=_("新阶段"), choices=Project.Stage.choices)
    date = forms.DateField(label=_("变更日期"), widget=DateInput())
    note = forms.CharField(label=_("说明"), required=False, max_length=300)

    def __init__(self, *args, choices=None, **kwargs):
        super().__init__(*args, **kwargs)
        if choices is not None:
            self.fields["stage"].choices = [(s, Project.Stage(s).label) for s in choices]


class MonthlyPlanForm(forms.Form):
    """年度投资计划: twelve monthly amounts in 亿元 (blank = nothing planned that month)."""

    year = forms.IntegerField(label=_("年度"), min_value=limits.years()[0], max_value=limits.years()[1])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for month, name in enumerate(MONTH_FIELDS, start=1):
            self.fields[name] = forms.DecimalField(label=month_label(month), required=False, min_value=0,
                                                   max_digits=14, decimal_places=4)

    def amounts(self) -> dict:
        return {m: self.cleaned_data.get(name) for m, name in enumerate(MONTH_FIELDS, start=1)}


class ObstacleForm(forms.ModelForm):
    class Meta:
        model = Obstacle
        fields = ["category", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}


class RouteForm(forms.Form):
    department = forms.ModelChoiceField(label=_("责任部门"), queryset=Unit.objects.none())
    days = forms.IntegerField(label=_("办理时限(天)"), min_value=ROUTE_DAYS[0], max_value=ROUTE_DAYS[1],
                              initial=DEFAULT_DAYS)

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        units = units_for(user) if user is not None and user.edits_plans else Unit.objects.all()
        self.fields["department"].queryset = units.active().order_by("kind", "order", "code")


class NoteForm(forms.Form):
    note = forms.CharField(label=_("说明"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class BatchForm(forms.ModelForm):
    class Meta:
        model = Batch
        fields = ["kind", "name", "date"]
        widgets = {"date": DateInput()}

    def clean(self):
        limits.form_validators(self, Batch)
        return self.cleaned_data


class JoinBatchForm(forms.Form):
    batch = forms.ModelChoiceField(label=_("三个一批活动"), queryset=Batch.objects.all())


class ImportForm(forms.Form):
    file = forms.FileField(label=_("项目清单(.xlsx 或 .csv)"))
    dry_run = forms.BooleanField(label=_("只检查,不写入"), required=False)



class ProjectForm(forms.ModelForm):
    """项目信息: what an analyst enters for a new project; the owner unit keeps it up to date."""

    class Meta:
        model = Project
        fields = ["code", "name", "owner", "department", "industry", "investor", "front", "location",
                  "total_investment", "targets"]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        units = Unit.objects.active().exclude(kind="province").order_by("kind", "order", "code")
        self.fields["owner"].queryset = units.filter(pk__in=units_for(user, CHANGE))
        self.fields["department"].queryset = units.filter(pk__in=units_for(user)) if user.edits_plans \
            else units.filter(pk=self.instance.department_id)
        self.fields["targets"].queryset = Target.objects.restrict(user).active().select_related("plan")
        self.fields["front"].queryset = Front.objects.restrict(user).select_related("plan")
        self.fields["investor"].queryset = Enterprise.objects.filter(  # the firm already set stays selectable
            Q(pk__in=register.pickable(user)) | Q(pk=self.instance.investor_id)).order_by("name")
        if not user.edits_plans:
            for name in ("code", "owner", "department", "targets"):
                self.fields[name].disabled = True

    def clean(self):
        limits.form_validators(self, Project)
        return super().clean()


class ContactForm(forms.ModelForm):
    class Meta:
        model = Contact
        fields = ["name", "role", "phone"]
