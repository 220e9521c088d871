"""The chains' panel on an enterprise's page: the nodes it is on, and the nodes that target it."""

from luoshi.chains.models import NodeEnterprise, TargetFirm


def nodes_of_enterprise(user, enterprise) -> dict:
    return {
        "links": NodeEnterprise.objects.restrict(user).filter(enterprise=enterprise, node__archived=False)
        .select_related("node__chain"),
        "targets": TargetFirm.objects.restrict(user).filter(enterprise=enterprise, node__archived=False)
        .select_related("node__chain"),
    }
