"""Luoshi's SQLite backend: a server thread waiting to write waits for the transaction before it to end, not
for SQLite's next poll; it gives up after the busy timeout as SQLite would; a transaction ended any way (commit,
rollback, a connection closed halfway) lets the next one in; a database in memory is left to SQLite."""

import threading
import time

import pytest
from django.db import OperationalError, connections, transaction

from luoshi.core.backends.sqlite3.base import DatabaseWrapper, _lock_of

pytestmark = pytest.mark.usefixtures("unblocked")


@pytest.fixture
def unblocked(django_db_blocker):
    """No Django test database: each test's connections are its own, to a file of its own."""
    with django_db_blocker.unblock():
        yield


def connect(name, timeout=5.0) -> DatabaseWrapper:
    settings = {**connections.settings["default"], "ENGINE": "luoshi.core.backends.sqlite3", "NAME": str(name),
                "OPTIONS": {"transaction_mode": "IMMEDIATE", "timeout": timeout,
                            "init_command": "PRAGMA journal_mode=WAL;"}}
    return DatabaseWrapper(settings, "default")


def in_thread(name, work, *, timeout=5.0):
    """Run WORK in a thread whose default connection is one to NAME; the thread and WORK's result or error."""
    outcome = {}

    def run():
        connections["default"] = connect(name, timeout)
        try:
            outcome["result"] = work()
        except Exception as exc:  # what the thread met is the test's to check
            outcome["error"] = exc
        finally:
            connections["default"].close()

    thread = threading.Thread(target=run)
    thread.start()
    return thread, outcome


@pytest.fixture
def database(tmp_path):
    name = tmp_path / "queue.sqlite3"
    first = connect(name)
    with first.cursor() as cursor:
        cursor.execute("CREATE TABLE entries (thread TEXT, at REAL)")
    first.close()
    return name


def write(who: str, hold: float = 0.0, started: threading.Event | None = None):
    """Insert a row in one transaction, holding it HOLD seconds; the time the transaction began."""
    def work():
        with transaction.atomic():
            began = time.monotonic()
            if started:
                started.set()
            with connections["default"].cursor() as cursor:
                cursor.execute("INSERT INTO entries VALUES (%s, %s)", [who, began])
            time.sleep(hold)
        return began
    return work


def rows(name) -> list[str]:
    reader = connect(name)
    try:
        with reader.cursor() as cursor:
            cursor.execute("SELECT thread FROM entries ORDER BY at")
            return [row[0] for row in cursor.fetchall()]
    finally:
        reader.close()


def test_a_second_writer_begins_as_soon_as_the_first_commits(database):
    started = threading.Event()
    first, held = in_thread(database, write("first", hold=0.4, started=started))
    started.wait(5)
    waited_from = time.monotonic()
    second, waited = in_thread(database, write("second"))
    assert _lock_of(str(database)).locked()  # the second waits on the process's lock, not in SQLite's polling
    first.join(10)
    ended = time.monotonic()
    second.join(10)
    assert "error" not in held and "error" not in waited
    assert waited["result"] - waited_from >= 0.3  # it waited for the first …
    assert waited["result"] - ended < 0.25  # … and no poll longer
    assert rows(database) == ["first", "second"] and not _lock_of(str(database)).locked()


def test_a_writer_gives_up_after_the_busy_timeout_and_the_next_one_gets_in(database):
    started = threading.Event()
    first, _ = in_thread(database, write("first", hold=1.0, started=started))
    started.wait(5)
    impatient, refused = in_thread(database, write("impatient"), timeout=0.2)
    impatient.join(10)
    first.join(10)
    assert isinstance(refused.get("error"), OperationalError) and "database is locked" in str(refused["error"])
    after, wrote = in_thread(database, write("after"), timeout=0.5)
    after.join(10)
    assert "error" not in wrote and rows(database) == ["first", "after"]


def test_a_rolled_back_or_abandoned_transaction_lets_the_next_writer_in(database):
    def fails():
        with transaction.atomic():
            raise ValueError("a check failed")

    def abandons():
        transaction.atomic().__enter__()
        connections["default"].close()  # a connection closed with its transaction open, as a dying request's is

    for work in (fails, abandons):
        thread, _ = in_thread(database, work)
        thread.join(10)
        assert not _lock_of(str(database)).locked()
        after, wrote = in_thread(database, write(work.__name__), timeout=0.5)
        after.join(10)
        assert "error" not in wrote, wrote
    assert rows(database) == ["fails", "abandons"]


def test_a_database_in_memory_takes_no_lock_of_the_process():
    memory = connect(":memory:")
    with memory.cursor() as cursor:
        cursor.execute("CREATE TABLE entries (thread TEXT, at REAL)")
    memory.set_autocommit(False, force_begin_transaction_with_broken_autocommit=True)
    assert memory._writing is None
    memory.rollback()
    memory.set_autocommit(True)
