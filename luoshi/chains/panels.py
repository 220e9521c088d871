"""The node page's panels (`luoshi.core.panels`): higher apps (招商引资 leads…) show their rows on a node.

    from luoshi.chains.panels import NODE_PANELS
    NODE_PANELS.register("attraction/node_leads.html", leads_on_node, label="在谈线索", counts=open_leads)

`leads_on_node(user, node)` → the template's context; `open_leads(user, node_ids)` → {node_id: n}, a
column of the map page's table.
"""

from luoshi.core.panels import Panels

NODE_PANELS = Panels()
