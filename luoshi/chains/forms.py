"""Forms of the chain pages: the chain, a node, its standing, its firms and targets, the map import."""

from django import forms
from django.utils.translation import gettext_lazy as _

from luoshi.accounts.scoping import CHANGE, units_for
from luoshi.chains.editing import CHAIN_FIELDS
from luoshi.chains.models import Chain, ChainNode, NodeEnterprise, TargetFirm
from luoshi.enterprises import register
from luoshi.plans.models import Target


class ChainForm(forms.ModelForm):
    class Meta:
        model = Chain
        fields = [*CHAIN_FIELDS, "targets"]
        widgets = {"targets": forms.SelectMultiple(attrs={"size": 6})}

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        units = units_for(user, CHANGE).active().order_by("kind", "order", "code")
        self.fields["unit"].queryset = units
        self.fields["department"].queryset = units
        self.fields["alliance_enterprise"].queryset = register.visible(user).active().filter(outside=False)
        self.fields["targets"].queryset = Target.objects.restrict(user).active().select_related("plan")
        if self.instance.pk is None and user is not None and user.unit_id:
            self.fields["unit"].initial = user.unit_id

    def values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


def _node_choices(chain: Chain, exclude: set[int] = frozenset()) -> list[tuple]:
    from luoshi.chains.maps import build_map

    return [("", _("(链段顶层)"))] + [(str(v.node.pk), v.path) for v in build_map(chain).nodes()
                                       if v.node.pk not in exclude]


class NodeForm(forms.Form):
    """A new node: its name, and where: under a parent node or at the top of a segment."""

    name = forms.CharField(label=_("环节名称"), max_length=ChainNode._meta.get_field("name").max_length)
    segment = forms.ChoiceField(label=_("链段"), choices=ChainNode.Segment.choices, required=False)
    parent = forms.ChoiceField(label=_("上级环节"), required=False)
    note = forms.CharField(label=_("说明"), required=False, max_length=500)

    def __init__(self, *args, chain: Chain, exclude: set[int] = frozenset(), **kwargs):
        super().__init__(*args, **kwargs)
        self.chain = chain
        self.fields["parent"].choices = _node_choices(chain, exclude)

    def clean_parent(self):
        pk = self.cleaned_data["parent"]
        return self.chain.nodes.get(pk=pk) if pk else None


class MoveForm(NodeForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("name", "note"):
            del self.fields[name]


class NodeEditForm(forms.ModelForm):
    class Meta:
        model = ChainNode
        fields = ["name", "standing", "note"]


class AttachForm(forms.ModelForm):
    class Meta:
        model = NodeEnterprise
        fields = ["enterprise", "is_anchor"]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["enterprise"].queryset = register.visible(user).active().filter(outside=False)


class TargetForm(forms.ModelForm):
    class Meta:
        model = TargetFirm
        fields = ["enterprise", "note"]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["enterprise"].queryset = register.visible(user).active().filter(outside=True)


class ImportForm(forms.Form):
    file = forms.FileField(label=_("产业链图谱(.xlsx)"))
    dry_run = forms.BooleanField(label=_("只检查,不写入"), required=False)
