"""The enterprise page's panels (`luoshi.core.panels`): the apps that refer to an enterprise (chains,
key projects, leads) show where it appears, without the register importing them.

    from luoshi.enterprises.panels import ENTERPRISE_PANELS
    ENTERPRISE_PANELS.register("chains/enterprise_nodes.html", nodes_of_enterprise)
"""

from luoshi.core.panels import Panels

ENTERPRISE_PANELS = Panels()
