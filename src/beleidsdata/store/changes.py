"""Has the store changed since I last looked? Cheap enough to ask on every request.

The HTTP service keeps what it served in memory (stored representations, the first page
of each collection) and must drop the mutable ones the moment an ingest commits, whether
that ingest ran in the service itself or in another process. SQLite answers this with
``PRAGMA data_version`` on a connection of its own: the number changes whenever another
connection commits, and asking costs a few microseconds, no disk read and no thread hop.
Other backends have no such counter; :func:`watch` gives ``None`` for them, and callers
then cache only what never changes.
"""

from __future__ import annotations

import sqlite3
import threading

from .database import Database, SQLiteDatabase


class ChangeWatch:
    """A change counter of one SQLite file, read from one connection of its own (used from
    the event loop's thread only; the lock makes any other use safe too)."""

    def __init__(self, db: SQLiteDatabase) -> None:
        uri = f"file:{db.path}?mode=ro"
        self._conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
        self._lock = threading.Lock()

    def version(self) -> int:
        """A number that differs from the last one whenever anything was committed to the
        store since (by any connection or process)."""
        with self._lock:
            row = self._conn.execute("PRAGMA data_version").fetchone()
        return int(row[0])

    def close(self) -> None:
        self._conn.close()


def watch(db: Database) -> ChangeWatch | None:
    """A watch on ``db``, or ``None`` when the backend cannot tell cheaply."""
    if isinstance(db, SQLiteDatabase):
        return ChangeWatch(db)
    return None
