"""产业链: a chain (新能源汽车, 电子信息…), its leaders (双长制: 链长 + 联盟会长) and its map (全景图).

The map is a tree of nodes (环节) in three segments (上游/中游/下游); each node lists the city's
enterprises on it (the anchor firms, 链主, marked), its standing (强/弱/缺) set by the analyst beside the
standing proposed from those firms (`luoshi.chains.standing`), and, for weak and missing nodes, the firms
outside the city to approach (靶向招商). A chain belongs to the city (or province) that keeps it.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from luoshi.accounts.scoping import RestrictedQuerySetMixin
from luoshi.core.models import ChangeLoggedModel
from luoshi.lib.status import Colour


class ChainQuerySet(RestrictedQuerySetMixin, models.QuerySet):
    """In scope: chains of a unit within reach, or led by a department within reach."""

    unit_field = ("unit", "department")

    def active(self):
        return self.filter(archived=False)


class Chain(ChangeLoggedModel):
    """产业链: one industry chain of a city, with its 链长, 联盟会长, lead department and the targets it serves.

    The 链长 is a city leader named as text (name and title): a chain's leader need not hold an account.
    """

    name = models.CharField(_("产业链名称"), max_length=100)
    unit = models.ForeignKey("units.Unit", verbose_name=_("所属单位"), on_delete=models.PROTECT,
                             related_name="chains", help_text=_("编制该产业链的城市或省"))
    leader_name = models.CharField(_("链长"), max_length=50, blank=True)
    leader_title = models.CharField(_("链长职务"), max_length=100, blank=True)
    alliance_head_name = models.CharField(_("联盟会长"), max_length=50, blank=True)
    alliance_head_title = models.CharField(_("联盟会长职务"), max_length=100, blank=True)
    alliance_enterprise = models.ForeignKey("enterprises.Enterprise", verbose_name=_("联盟会长单位"), null=True,
                                            blank=True, on_delete=models.PROTECT, related_name="+")
    department = models.ForeignKey("units.Unit", verbose_name=_("牵头部门"), null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="led_chains")
    targets = models.ManyToManyField("plans.Target", verbose_name=_("服务的目标"), blank=True,
                                     related_name="chains")
    order = models.PositiveIntegerField(_("排序"), default=0)
    archived = models.BooleanField(_("已归档"), default=False)

    objects = ChainQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name", "pk"]
        constraints = [models.UniqueConstraint(fields=["unit", "name"], name="chain_name_unique")]
        verbose_name = _("产业链")
        verbose_name_plural = _("产业链")

    def __str__(self) -> str:
        return self.name


class NodeQuerySet(RestrictedQuerySetMixin, models.QuerySet):
    unit_field = ("chain__unit", "chain__department")

    def active(self):
        return self.filter(archived=False)


class ChainNode(ChangeLoggedModel):
    """环节: one node of a chain's map, under a parent node or at the top of its segment."""

    class Segment(models.TextChoices):
        UPSTREAM = "upstream", _("上游")
        MIDSTREAM = "midstream", _("中游")
        DOWNSTREAM = "downstream", _("下游")

    class Standing(models.TextChoices):
        STRONG = "strong", _("强")
        WEAK = "weak", _("弱")
        MISSING = "missing", _("缺")

    chain = models.ForeignKey(Chain, verbose_name=_("产业链"), on_delete=models.PROTECT, related_name="nodes")
    parent = models.ForeignKey("self", verbose_name=_("上级环节"), null=True, blank=True, on_delete=models.PROTECT,
                               related_name="children")
    segment = models.CharField(_("链段"), max_length=10, choices=Segment.choices)
    name = models.CharField(_("环节名称"), max_length=100)
    order = models.PositiveIntegerField(_("排序"), default=0)
    standing = models.CharField(_("环节地位"), max_length=10, choices=Standing.choices, blank=True,
                                help_text=_("由分析人员认定;未认定时为空,页面显示依企业提出的建议"))
    note = models.CharField(_("说明"), max_length=500, blank=True)
    archived = models.BooleanField(_("已归档"), default=False)
    enterprises = models.ManyToManyField("enterprises.Enterprise", through="NodeEnterprise",
                                         verbose_name=_("企业"), related_name="chain_nodes", blank=True)

    objects = NodeQuerySet.as_manager()

    class Meta:
        ordering = ["chain", "segment", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["chain", "parent", "name"], condition=models.Q(parent__isnull=False),
                                    name="chain_node_name_unique"),
            models.UniqueConstraint(fields=["chain", "segment", "name"], condition=models.Q(parent__isnull=True),
                                    name="chain_top_node_name_unique"),
        ]
        verbose_name = _("产业链环节")
        verbose_name_plural = _("产业链环节")

    def __str__(self) -> str:
        return f"{self.chain} · {self.name}"


#: The light of each standing (a judgement of the node: `luoshi.lib.status`); pages show the word beside it.
STANDING_COLOURS = {"strong": Colour.GREEN, "weak": Colour.YELLOW, "missing": Colour.RED, "": Colour.GREY}


class NodeEnterpriseQuerySet(RestrictedQuerySetMixin, models.QuerySet):
    unit_field = ("node__chain__unit", "node__chain__department")


class NodeEnterprise(ChangeLoggedModel):
    """A city enterprise on a chain node; `is_anchor` marks the chain's anchor firm (链主) there."""

    node = models.ForeignKey(ChainNode, verbose_name=_("环节"), on_delete=models.CASCADE, related_name="links")
    enterprise = models.ForeignKey("enterprises.Enterprise", verbose_name=_("企业"), on_delete=models.PROTECT,
                                   related_name="node_links")
    is_anchor = models.BooleanField(_("链主"), default=False)

    objects = NodeEnterpriseQuerySet.as_manager()

    class Meta:
        ordering = ["node", "-is_anchor", "enterprise__name"]
        constraints = [models.UniqueConstraint(fields=["node", "enterprise"], name="node_enterprise_unique")]
        verbose_name = _("环节企业")
        verbose_name_plural = _("环节企业")

    def __str__(self) -> str:
        return f"{self.node.name} · {self.enterprise}"


class TargetFirmQuerySet(RestrictedQuerySetMixin, models.QuerySet):
    unit_field = ("node__chain__unit", "node__chain__department")


class TargetFirm(ChangeLoggedModel):
    """靶向招商: a firm outside the city that a weak or missing node wants to attract."""

    node = models.ForeignKey(ChainNode, verbose_name=_("环节"), on_delete=models.CASCADE, related_name="target_firms")
    enterprise = models.ForeignKey("enterprises.Enterprise", verbose_name=_("目标企业"), on_delete=models.PROTECT,
                                   related_name="targeted_by")
    note = models.CharField(_("说明"), max_length=500, blank=True)

    objects = TargetFirmQuerySet.as_manager()

    class Meta:
        ordering = ["node", "enterprise__name"]
        constraints = [models.UniqueConstraint(fields=["node", "enterprise"], name="target_firm_unique")]
        verbose_name = _("靶向招商企业")
        verbose_name_plural = _("靶向招商企业")

    def __str__(self) -> str:
        return f"{self.node.name} · {self.enterprise}"
