"""Signals of the figures domain, for the apps above it (figures imports none of them).

`figures_changed`: sent with `figure_ids` inside the transaction that changed those figures' current
value (a write, an approval) or their 未公布 mark, so that what is derived from them (the kept
verdicts) changes in the same transaction.
"""

from django.dispatch import Signal

figures_changed = Signal()
