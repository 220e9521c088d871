"""Live API tokens kept in the process for the minute in which their last use is not written.

A request with a token the process checked less than `ttl` seconds ago is not read again from the database
(the token, its user and the user's unit: one query, 0.5–1 ms of the ORM). The cache is small and bounded
(least recently used first out). Saving or deleting any token, user or unit empties it in the process
that saved it — revoking a token or deactivating a user through the admin or the site (the server's own
process) takes effect at the next request; a change made by another process (a `luoshi manage` command, a
second server) is seen at most `ttl` seconds later, when the entry expires and the token is read again.
"""

import threading
import time
from collections import OrderedDict

SIZE = 2048


class LiveTokens:
    """Key hash → the token found live, for TTL seconds; at most SIZE of them."""

    def __init__(self, ttl: float, size: int = SIZE, clock=time.monotonic):
        self.ttl, self.size, self.clock = ttl, size, clock
        self._entries: OrderedDict[str, tuple[float, object]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, digest: str):
        """The token cached for DIGEST, or None (never cached, expired, or forgotten)."""
        with self._lock:
            entry = self._entries.get(digest)
            if entry is None:
                return None
            if self.clock() >= entry[0]:
                del self._entries[digest]
                return None
            self._entries.move_to_end(digest)
            return entry[1]

    def put(self, digest: str, token) -> None:
        with self._lock:
            self._entries[digest] = (self.clock() + self.ttl, token)
            self._entries.move_to_end(digest)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)

    def clear(self, *args, **kwargs) -> None:
        """Forget every token (a signal receiver: any arguments)."""
        with self._lock:
            self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)
