"""Bulk writes in the change log: child rows replaced with delete() + bulk_create() send no per-row signal.

`logged_rows(parent, "planned", rows, fields)` wraps such a write: the rows' values before and after
become one UPDATE of PARENT in the change log under the name given (as a many-to-many field would),
folded into this request's entry for PARENT when there is one.
"""

import json
from contextlib import contextmanager

from django.core.serializers.json import DjangoJSONEncoder

from luoshi.core.signals import record_update


def _values(rows, fields: tuple[str, ...]) -> list[dict]:
    return json.loads(json.dumps(list(rows.all().values(*fields)), cls=DjangoJSONEncoder))


@contextmanager
def logged_rows(parent, name: str, rows, fields: tuple[str, ...]):
    """Log the change the block makes to ROWS (a queryset of PARENT's children) as an UPDATE of PARENT."""
    before = _values(rows, fields)
    yield
    after = _values(rows, fields)
    if before != after:
        snapshot = parent.snapshot()
        record_update(parent, {**snapshot, name: before}, {**snapshot, name: after})
