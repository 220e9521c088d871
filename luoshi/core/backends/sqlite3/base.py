"""Django's SQLite backend whose write transactions queue, first come first served, within the process.

A database file has one writer at a time, and every transaction here takes the write lock at its start (BEGIN
IMMEDIATE). Left to SQLite, the server threads waiting for it poll: each sleeps, tries, and sleeps longer, so one
that has waited longest may lose to one that just came, and the lock may stand free while they sleep. At the month's
end, 10–200 reporters submitting at once, that took the slowest hundredth of submissions of one figure to 1.2–2.7 s
while the median was 40 ms–1.7 s (bench/rush.py). Here a thread waits on one lock per database file in the process,
and the next in line takes it the moment the last one commits or rolls back. Other processes (a `luoshi` command
beside the server) still meet SQLite's own lock and its busy timeout; a database in memory is left to SQLite.
"""

from __future__ import annotations

import threading

from django.db.backends.sqlite3 import base
from django.db.utils import OperationalError

_locks: dict[str, threading.Lock] = {}
_locks_made = threading.Lock()


def _lock_of(name: str) -> threading.Lock:
    """The process's write lock of the database file NAME."""
    with _locks_made:
        return _locks.setdefault(name, threading.Lock())


class DatabaseWrapper(base.DatabaseWrapper):
    _writing: threading.Lock | None = None  # the write lock this connection holds, if any

    def _start_transaction_under_autocommit(self):
        if not self.is_in_memory_db():
            lock = _lock_of(str(self.settings_dict["NAME"]))
            if not lock.acquire(timeout=self.settings_dict["OPTIONS"].get("timeout", 5)):
                raise OperationalError("database is locked")  # as SQLite says it when its busy timeout runs out
            self._writing = lock
        try:
            super()._start_transaction_under_autocommit()
        except BaseException:
            self._release()
            raise

    def _set_autocommit(self, autocommit):
        try:
            super()._set_autocommit(autocommit)
        finally:
            if autocommit:  # the transaction is over: committed or rolled back
                self._release()

    def _close(self):
        try:
            super()._close()
        finally:
            self._release()

    def _release(self):
        if self._writing is not None:
            self._writing, lock = None, self._writing
            lock.release()
