"""Small helpers the store tables share: event time, ETags, byte columns, chunked IN lists."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from typing import Any

from .database import Database


def utc_now() -> str:
    """Event time: UTC, millisecond precision, ISO 8601 with a Z."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def etag_of(body: bytes) -> str:
    """A strong ETag: the same bytes always give the same tag, on every replica."""
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def blob(value: Any) -> bytes:
    """A byte column as bytes (PostgreSQL hands out memoryviews)."""
    return bytes(value) if not isinstance(value, bytes) else value


def chunks(items: Sequence[Any], size: int = 500) -> Iterator[list[Any]]:
    """Slices small enough for one ``IN (…)`` list on every backend."""
    for start in range(0, len(items), size):
        yield list(items[start : start + size])


class Tables:
    """What every table mixin of :class:`~.core.Store` stands on: one database."""

    db: Database
