from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AttractionConfig(AppConfig):
    name = "luoshi.attraction"
    label = "attraction"
    verbose_name = "招商引资"

    def ready(self):
        from luoshi.attraction.panels import leads_of_enterprise, leads_on_node, open_leads, target_rollup
        from luoshi.attraction.subject import LEAD
        from luoshi.chains.panels import NODE_PANELS
        from luoshi.enterprises.panels import ENTERPRISE_PANELS
        from luoshi.figures import subjects
        from luoshi.plans.panels import TARGET_PANELS

        subjects.register(LEAD)
        NODE_PANELS.register("attraction/node_leads.html", leads_on_node, label=_("在谈招商项目"), counts=open_leads)
        ENTERPRISE_PANELS.register("attraction/enterprise_leads.html", leads_of_enterprise)
        TARGET_PANELS.register("attraction/target_rollup.html", target_rollup)
