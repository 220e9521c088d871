"""The enterprise form: the register's fields, units offered within the editor's jurisdiction."""

from django import forms
from django.utils.translation import gettext_lazy as _

from luoshi.accounts.scoping import CHANGE, units_for
from luoshi.enterprises.models import Enterprise


class EnterpriseForm(forms.ModelForm):
    class Meta:
        model = Enterprise
        fields = ["name", "credit_code", "scale", "register_unit", "outside", "unit", "location"]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        units = units_for(user, CHANGE).active().order_by("kind", "order", "code")
        self.fields["register_unit"].queryset = units
        self.fields["unit"].queryset = units
        if self.instance.pk is None and user is not None and user.unit_id:
            self.fields["register_unit"].initial = user.unit_id

    def values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class SearchForm(forms.Form):
    q = forms.CharField(label=_("名称或代码"), required=False, max_length=100)
    scale = forms.ChoiceField(label=_("企业规模"), required=False,
                              choices=[("", _("全部")), *Enterprise.Scale.choices])
    where = forms.ChoiceField(label=_("所在"), required=False,
                              choices=[("", _("全部")), ("local", _("本市企业")), ("outside", _("市外企业"))])
    archived = forms.BooleanField(label=_("含已归档"), required=False)
