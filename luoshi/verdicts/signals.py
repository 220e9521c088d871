"""Signals of the kept verdicts.

`verdict_flipped`: sent (sender=Flip) once for every kept verdict whose status changed, inside the
transaction that changed it, with `flip` (the Flip row), `target`, `assignment` (or None), `old` and
`new` (status codes: green, yellow, red, grey) and `words` (the reason as `lib.judgement.words`, so that it
reads in any language; None where the engine gave none). Receivers that send mail should defer it with
`transaction.on_commit`.
"""

from django.dispatch import Signal

verdict_flipped = Signal()
