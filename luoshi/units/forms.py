"""Forms of the units page; they check the input, the domain functions (editing, importing) decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from luoshi.units.editing import ADDABLE
from luoshi.units.models import Unit


class AddUnitForm(forms.Form):
    kind = forms.ChoiceField(label=_("类型"), choices=[(k.value, k.label) for k in ADDABLE])
    name = forms.CharField(label=_("名称"), max_length=100)
    short_name = forms.CharField(label=_("简称"), max_length=50, required=False)
    code = forms.CharField(label=_("代码"), max_length=32, required=False,
                           help_text=_("留空则自动生成,如 410100.dept1"))


class RenameUnitForm(forms.Form):
    name = forms.CharField(label=_("名称"), max_length=100)
    short_name = forms.CharField(label=_("简称"), max_length=50, required=False)

    @classmethod
    def for_unit(cls, unit: Unit) -> "RenameUnitForm":
        return cls(initial={"name": unit.name, "short_name": unit.short_name})


class ImportDivisionsForm(forms.Form):
    code = forms.RegexField(label=_("行政区划代码"), regex=r"^\d{6}$",
                            error_messages={"invalid": _("应为六位数字的行政区划代码,如 410000")})
    dry_run = forms.BooleanField(label=_("试运行(不写入)"), required=False)
