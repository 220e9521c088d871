from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from luoshi.core.widgets import DateInput
from luoshi.figures.models import Series
from luoshi.plans.wording import format_number
from luoshi.review.decisions import EDITABLE, check_span
from luoshi.review.models import Proposal
from luoshi.review.uploads import ACCEPTED_SUFFIXES, check_plan_text, read_upload
from luoshi.units.models import Unit


class NewPlanForm(forms.Form):
    """新建规划: the plan's particulars and its text, pasted or uploaded."""

    title = forms.CharField(label=_("标题"), max_length=200)
    year = forms.IntegerField(label=_("年度"), min_value=1949, max_value=2100)
    region = forms.CharField(label=_("地区"), max_length=50, help_text=_("规划所属地区,如“郑州”"))
    issuer = forms.ModelChoiceField(label=_("发布单位"), queryset=Unit.objects.all())
    text = forms.CharField(label=_("粘贴原文"), widget=forms.Textarea(attrs={"rows": 12}), required=False,
                           strip=False)
    file = forms.FileField(label=_("或上传文件"), required=False,
                           widget=forms.ClearableFileInput(attrs={"accept": ",".join(ACCEPTED_SUFFIXES)}),
                           help_text=_("支持 .txt(UTF-8 或 GBK)、.docx、带文字层的 PDF、.html"))
    source_title = forms.CharField(label=_("出处标题"), max_length=300, required=False)
    source_publisher = forms.CharField(label=_("出处发布者"), max_length=100, required=False)
    source_date = forms.DateField(label=_("出处日期"), required=False, widget=DateInput())
    source_url = forms.CharField(label=_("出处地址"), max_length=500, required=False)

    def clean(self):
        data = super().clean()
        if data.get("file"):
            try:
                data["text"] = read_upload(data["file"])
            except ValidationError as error:
                self.add_error("file", error)
        elif not (data.get("text") or "").strip():
            self.add_error("text", _("请粘贴规划原文或上传文件"))
        else:
            try:
                check_plan_text(data["text"])
            except ValidationError as error:
                self.add_error("text", error)
        return data


class ProposalForm(forms.ModelForm):
    """A proposal's every field, the clause's start and end included (编辑提议)."""

    front_name = forms.ChoiceField(label=_("方面"), required=False)

    class Meta:
        model = Proposal
        fields = EDITABLE

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan
        self.instance.plan = plan
        fronts = list(plan.fronts.values_list("name", flat=True))
        self.fields["front_name"].choices = [("", "—"), *((name, name) for name in fronts)]
        units = Unit.objects.active().within(plan.issuer)
        self.fields["owner"].queryset = units
        self.fields["region_unit"].queryset = units
        self.fields["series"].queryset = Series.objects.filter(archived=False)
        self.fields["span_start"].widget.attrs.update(min=0, max=len(plan.text))
        self.fields["span_end"].widget.attrs.update(min=1, max=len(plan.text))
        for name in ("value", "baseline"):
            if self.initial.get(name) is not None:
                self.initial[name] = format_number(self.initial[name])

    def clean(self):
        data = super().clean()
        if data.get("span_start") is not None and data.get("span_end") is not None:
            try:
                check_span(self.plan.text, data["span_start"], data["span_end"])
            except ValidationError as error:
                self.add_error(None, error)
        return data

    def edits(self) -> dict:
        return {field: self.cleaned_data[field] for field in EDITABLE}


class PlanTextForm(forms.Form):
    text = forms.CharField(label=_("规划原文"), widget=forms.Textarea(attrs={"rows": 20}), strip=False)

    def clean_text(self):
        check_plan_text(self.cleaned_data["text"])
        return self.cleaned_data["text"]
