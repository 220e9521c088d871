"""Sessions kept in the database, as Django's own, with a signed-in page's session read by a prepared statement.

Set as `SESSION_ENGINE`. Every signed-in page reads its session first; the ORM's compiling of that one SELECT
costs more than the database's answering it.
"""

from django.contrib.sessions.backends import db
from django.contrib.sessions.models import Session
from django.utils import timezone

from luoshi.core import prepared


class SessionStore(db.SessionStore):
    """Django's database session store; only the read of a session is prepared (writes are the ORM's)."""

    def _get_session_from_db(self) -> Session | None:
        """The unexpired session of this key, else None (and the key forgotten, as Django's store does)."""
        sessions = prepared.columns(Session, "s")
        rows = prepared.fetch(
            f"SELECT {sessions.select} FROM {sessions.table} WHERE s.session_key = %s AND s.expire_date > %s",
            [self.session_key, prepared.connection.ops.adapt_datetimefield_value(timezone.now())])
        if not rows:
            self._session_key = None
            return None
        return sessions.instance(rows[0])
