"""Storage of the event log and the current state (SQLite by default)."""

from ..errors import StoreError
from .base import ChangeSet, EntityState, Member, SourceRecord, Store
from .sqlite import SQLiteStore, utc_now

__all__ = [
    "ChangeSet",
    "EntityState",
    "Member",
    "SQLiteStore",
    "SourceRecord",
    "Store",
    "StoreError",
    "utc_now",
]


def open_store(path: str, base_iri: str | None = None, *, create: bool = True) -> SQLiteStore:
    """Open (or create) the store at ``path``. A URL-like path will select other backends."""
    return SQLiteStore(path, base_iri, create=create)
