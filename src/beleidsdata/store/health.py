"""The database's state, for ``/healthz`` and ``/metrics``: is it there, how big, how fresh.

One cheap round of queries (no table scans: the member count is the last sequence number,
which is dense), so a load balancer or Prometheus may ask every few seconds.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from . import schema
from .core import Store


@dataclass(frozen=True)
class DatabaseState:
    backend: str  # "sqlite" | "postgresql"
    schema: int | None
    size_bytes: int
    members: int
    entities: int
    last_ingest: str | None  # ISO time of the last write, None before the first
    latency_ms: float  # how long these queries took

    @property
    def last_ingest_epoch(self) -> float | None:
        if self.last_ingest is None:
            return None
        return datetime.fromisoformat(self.last_ingest.replace("Z", "+00:00")).timestamp()


def _size(store: Store) -> int:
    db = store.db
    if db.kind == "postgresql":
        row = db.one("SELECT pg_database_size(current_database())")
        return int(row[0]) if row else 0
    path = Path(db.location)
    wal = path.with_name(path.name + "-wal")
    return sum(p.stat().st_size for p in (path, wal) if p.exists())


def database_state(store: Store) -> DatabaseState:
    """The state now; raises :class:`~beleidsdata.errors.DatabaseUnavailable` when the
    database cannot be reached."""
    started = time.perf_counter()
    version = schema.version_of(store.db)
    row = store.db.one("SELECT max(time) FROM writes")
    return DatabaseState(
        backend=store.db.kind,
        schema=version,
        size_bytes=_size(store),
        members=store.last_seq(),
        entities=store.count_entities(),
        last_ingest=str(row[0]) if row and row[0] else None,
        latency_ms=round((time.perf_counter() - started) * 1000, 2),
    )


__all__ = ["DatabaseState", "database_state"]
