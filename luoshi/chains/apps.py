from django.apps import AppConfig


class ChainsConfig(AppConfig):
    name = "luoshi.chains"
    label = "chains"
    verbose_name = "产业链"

    def ready(self):
        from luoshi.chains.enterprise_panel import nodes_of_enterprise
        from luoshi.enterprises.panels import ENTERPRISE_PANELS

        ENTERPRISE_PANELS.register("chains/enterprise_nodes.html", nodes_of_enterprise)
