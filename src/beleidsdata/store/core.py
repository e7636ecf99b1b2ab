"""The store: the current state as bytes, the event log and the indexes ingest needs.

One class over any :class:`~.database.Database`, so SQLite and PostgreSQL run the same
code. Reads are plain lookups; writes happen inside :meth:`Store.writing`, one
transaction holding the one-writer lock, in which the reads see what was written so far
(ingest reads the state it diffs against inside the same transaction).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from ..errors import StoreError
from . import schema
from .admin import AdminTables
from .common import etag_of, utc_now
from .database import Database
from .derivation import DerivationTables
from .entities import EntityTables
from .index import ensure_layout, index_schema
from .log import LogTables
from .lookup import LookupTables

DEFAULT_PAGE_SIZE = 250
DEFAULT_WAIT = 60.0


__all__ = ["DEFAULT_PAGE_SIZE", "DEFAULT_WAIT", "Store", "etag_of", "utc_now"]


class Store(EntityTables, DerivationTables, LogTables, LookupTables, AdminTables):
    """The store of one deployment (its base IRI and page size are fixed at creation)."""

    def __init__(
        self,
        db: Database,
        base_iri: str | None = None,
        *,
        page_size: int | None = None,
        create: bool = True,
        check_schema: bool = True,
        default_base: str | None = None,
    ) -> None:
        self.db = db
        version = schema.version_of(db)
        if version is not None or create:
            db.prepare()  # ours (or about to be): write-ahead logging
        if version is None:
            if not create or getattr(db, "readonly", False):
                raise StoreError(f"{db.location}: no store here (run 'beleidsdata ingest' first)")
            self._create(base_iri or default_base, page_size)
        elif check_schema:
            schema.check(db)
        stored_base = self.meta("base_iri")
        if stored_base is None:
            raise StoreError(f"{db.location}: not a beleidsdata store (no base IRI)")
        if base_iri and base_iri.rstrip("/") != stored_base:
            raise StoreError(
                f"{db.location} was created with base IRI {stored_base}; it cannot serve "
                f"{base_iri.rstrip('/')}. Use another --db for another base IRI."
            )
        self.base_iri = stored_base
        if schema.version_of(db) == schema.CURRENT:  # an older schema waits for db upgrade
            ensure_layout(db, stored_base + "/id/")  # derived index tables of an older layout
        self.page_size = int(self.meta("page_size") or DEFAULT_PAGE_SIZE)
        if page_size is not None and page_size != self.page_size:
            raise StoreError(
                f"{db.location} was created with pages of {self.page_size} members; a page's "
                f"URL must keep its members, so it cannot serve pages of {page_size}. "
                "Use another --db for another page size."
            )

    def _create(self, base_iri: str | None, page_size: int | None) -> None:
        now = utc_now()
        with self.db.transaction(wait=DEFAULT_WAIT):
            if schema.version_of(self.db) is not None:  # created meanwhile by another process
                return
            schema.create(self.db, now)
            self.db.script(index_schema(self.db.kind))
            self.db.executemany(
                "INSERT INTO meta(key, value) VALUES (?, ?)",
                [
                    ("store", schema.MARKER),
                    ("base_iri", (base_iri or "http://localhost:8000").rstrip("/")),
                    ("page_size", str(page_size or DEFAULT_PAGE_SIZE)),
                    ("created_at", now),
                ],
            )

    # ------------------------------------------------------------------ meta, transactions

    def meta(self, key: str) -> str | None:
        row = self.db.one("SELECT value FROM meta WHERE key = ?", (key,))
        return str(row[0]) if row else None

    def set_meta(self, key: str, value: str | None) -> None:
        if value is None:
            self.db.execute("DELETE FROM meta WHERE key = ?", (key,))
            return
        self.db.execute(
            "INSERT INTO meta(key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    @contextmanager
    def writing(self, wait: float = DEFAULT_WAIT) -> Iterator[None]:
        """The one-writer lock and one transaction (see the module docstring)."""
        if getattr(self.db, "readonly", False):
            raise StoreError(f"{self.db.location}: opened read-only")
        with self.db.transaction(wait):
            yield

    def close(self) -> None:
        self.db.close()
