"""The current change context (who, which request) for the change log, set per request or per command."""

import uuid
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

#: The name stored for what no person did (a load, a command, a receiver); pages say 系统 (the |actor filter).
SYSTEM_ACTOR = "system"


@dataclass(frozen=True)
class ChangeContext:
    user: object | None = None
    request_id: uuid.UUID = field(default_factory=uuid.uuid4)


_current: ContextVar[ChangeContext | None] = ContextVar("luoshi_change_context", default=None)


def current() -> ChangeContext:
    return _current.get() or ChangeContext()


@contextmanager
def change_context(user=None, request_id: uuid.UUID | None = None):
    """Attribute every change made inside the block to USER under one request id."""
    token = _current.set(ChangeContext(user=user, request_id=request_id or uuid.uuid4()))
    try:
        yield current()
    finally:
        _current.reset(token)
