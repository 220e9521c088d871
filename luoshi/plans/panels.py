"""The target page's panels (`luoshi.core.panels`): higher apps show what they roll up against a target
(招商引资: the leads' signed amount beside the reported figure) without plans importing them.

    from luoshi.plans.panels import TARGET_PANELS
    TARGET_PANELS.register("attraction/target_rollup.html", target_rollup)

`target_rollup(user, target)` → the template's context; an empty one when the panel has nothing for that target.
"""

from luoshi.core.panels import Panels

TARGET_PANELS = Panels()
