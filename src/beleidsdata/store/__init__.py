"""Storage of the event log and the current state: SQLite by default, PostgreSQL to scale.

``open_store`` picks the backend from the location: a plain path or ``sqlite:///path`` is
an SQLite file, ``postgresql://…`` a PostgreSQL database. Both run the same
:class:`Store`; only :mod:`.database` differs.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import StoreError
from .core import DEFAULT_PAGE_SIZE, DEFAULT_WAIT, Store, etag_of, utc_now
from .database import Database, SQLiteDatabase
from .records import Document, EntityState, Member, SourceRecord, TokenRecord, WriteRecord


def database(location: str | Path, *, readonly: bool = False) -> Database:
    """The database at a location (a path, ``sqlite:///path`` or ``postgresql://…``)."""
    text = str(location)
    if text.startswith(("postgresql://", "postgres://")):
        from .postgres import PostgresDatabase

        return PostgresDatabase(text, readonly=readonly)
    if text.startswith("sqlite:///"):
        text = text[len("sqlite://") :]
    elif "://" in text:
        raise StoreError(f"{text}: unknown database; use a file path or postgresql://…")
    return SQLiteDatabase(text, readonly=readonly)


def open_store(
    location: str | Path,
    base_iri: str | None = None,
    *,
    page_size: int | None = None,
    create: bool = True,
    readonly: bool = False,
    check_schema: bool = True,
    default_base: str | None = None,
) -> Store:
    """Open (or create) the store at ``location``."""
    db = database(location, readonly=readonly)
    try:
        return Store(
            db,
            base_iri,
            page_size=page_size,
            create=create,
            check_schema=check_schema,
            default_base=default_base,
        )
    except BaseException:
        db.close()
        raise


__all__ = [
    "DEFAULT_PAGE_SIZE",
    "DEFAULT_WAIT",
    "Database",
    "Document",
    "EntityState",
    "Member",
    "SQLiteDatabase",
    "SourceRecord",
    "Store",
    "StoreError",
    "TokenRecord",
    "WriteRecord",
    "database",
    "etag_of",
    "open_store",
    "utc_now",
]
