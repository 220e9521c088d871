"""Panels: how a higher app shows its own rows on a lower app's page, without the lower app importing it.

A page that takes panels owns a `Panels` registry (a chain node's page: `luoshi.chains.panels.NODE_PANELS`;
an enterprise's page: `luoshi.enterprises.panels.ENTERPRISE_PANELS`). The higher app registers its panel
from its AppConfig.ready():

    NODE_PANELS.register("attraction/node_leads.html", leads_on_node, label="在谈线索", counts=open_leads)

`context(user, obj)` returns the panel template's context, scoped to USER by the panel's own app; the
optional `counts(user, ids)` gives a number per object id for a table column LABEL (the map page's table).
Panels are drawn by ORDER, then in the order they were registered; registering a template again replaces it.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Panel:
    template: str
    context: Callable
    label: str = ""
    counts: Callable | None = None
    order: int = 0


class Panels:
    def __init__(self):
        self._panels: dict[str, Panel] = {}

    def register(self, template: str, context: Callable, *, label: str = "", counts: Callable | None = None,
                 order: int = 0) -> Panel:
        panel = Panel(template, context, label, counts, order)
        self._panels[template] = panel
        return panel

    def all(self) -> list[Panel]:
        return sorted(self._panels.values(), key=lambda p: p.order)

    def rendered(self, user, obj) -> list[dict]:
        """The panels of OBJ's page: [{"template": …, "context": …}]."""
        return [{"template": p.template, "context": p.context(user, obj)} for p in self.all()]

    def columns(self, user, ids: list[int]) -> list[dict]:
        """Extra table columns: [{"label": …, "counts": {id: n}}] of the panels that count."""
        return [{"label": p.label, "counts": p.counts(user, ids)} for p in self.all() if p.counts and p.label]
