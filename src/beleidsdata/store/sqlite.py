"""The embedded default store: one SQLite file, WAL mode, one transaction per ingest.

Readers never block the writer (WAL), and an ingest that dies halfway leaves nothing:
SQLite rolls an unfinished transaction back when the file is next opened.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from .base import (
    FORMATS,
    ChangeSet,
    EntityState,
    Member,
    SourceRecord,
    StoreError,
)

SCHEMA_VERSION = "1"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sources (
    iri         TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL,
    sha256      TEXT NOT NULL,
    text        TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS entities (
    iri        TEXT PRIMARY KEY,
    path       TEXT NOT NULL UNIQUE,
    kind       TEXT NOT NULL,
    hash       TEXT,               -- NULL once deleted
    version    INTEGER NOT NULL,   -- number of the latest member about it
    updated_at TEXT NOT NULL,
    title      TEXT,
    types      TEXT NOT NULL DEFAULT '[]',
    nt         BLOB,
    ttl        BLOB,
    jsonld     BLOB
);
CREATE INDEX IF NOT EXISTS entities_kind ON entities(kind, path) WHERE hash IS NOT NULL;
CREATE TABLE IF NOT EXISTS members (
    seq    INTEGER PRIMARY KEY AUTOINCREMENT,
    iri    TEXT NOT NULL UNIQUE,
    entity TEXT NOT NULL,
    kind   TEXT NOT NULL,
    event  TEXT NOT NULL CHECK (event IN ('create', 'update', 'delete')),
    time   TEXT NOT NULL,
    hash   TEXT NOT NULL,
    nt     BLOB NOT NULL,
    ttl    BLOB NOT NULL,
    jsonld BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS members_kind ON members(kind, seq);
"""


def utc_now() -> str:
    """Event time: UTC, millisecond precision, ISO 8601 with a Z."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


class SQLiteStore:
    """The store in one SQLite file (see :class:`beleidsdata.store.base.Store`)."""

    def __init__(self, path: str | Path, base_iri: str | None = None, *,
                 create: bool = True, readonly: bool = False) -> None:
        self.path = Path(path)
        if not self.path.exists() and (readonly or not create):
            raise StoreError(f"{self.path}: no store here (run 'beleidsdata ingest' first)")
        if self.path.is_dir():
            raise StoreError(f"{self.path}: is a folder, not a store file")
        self._local = threading.local()
        self._readonly = readonly
        try:
            conn = self._conn()
            if not readonly:
                conn.executescript(_SCHEMA)
            stored = self._meta("base_iri")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a beleidsdata store ({exc})") from None
        if stored is None:
            if readonly:
                raise StoreError(f"{self.path}: not a beleidsdata store (no base IRI)")
            self.base_iri = (base_iri or "http://localhost:8000").rstrip("/")
            conn.executemany("INSERT INTO meta(key, value) VALUES (?, ?)", [
                ("base_iri", self.base_iri), ("schema_version", SCHEMA_VERSION),
                ("created_at", utc_now())])
        else:
            if base_iri and base_iri.rstrip("/") != stored:
                raise StoreError(
                    f"{self.path} was created with base IRI {stored}; it cannot serve "
                    f"{base_iri.rstrip('/')}. Use another --db for another base IRI.")
            if self._meta("schema_version") != SCHEMA_VERSION:
                raise StoreError(f"{self.path}: store schema {self._meta('schema_version')} "
                                 f"is not supported (expected {SCHEMA_VERSION})")
            self.base_iri = stored

    # Connections: one per thread, so the ASGI server's worker threads can read freely.
    def _conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            uri = f"file:{self.path}?mode=ro" if self._readonly else f"file:{self.path}"
            # Autocommit mode: transactions are explicit (BEGIN IMMEDIATE in apply()).
            conn = sqlite3.connect(uri, uri=True, check_same_thread=False, isolation_level=None)
            if not self._readonly:
                conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA foreign_keys=ON")
            self._local.conn = conn
        return conn

    def _meta(self, key: str) -> str | None:
        row = self._conn().execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

    # Current state.
    _ENTITY_COLUMNS = "iri, path, kind, hash, version, updated_at, title, types, nt, ttl, jsonld"

    @staticmethod
    def _entity(row: tuple) -> EntityState:
        iri, path, kind, hash_, version, updated, title, types, nt, ttl, jsonld = row
        return EntityState(iri=iri, path=path, kind=kind, content_hash=hash_, version=version,
                           updated_at=updated, title=title, types=tuple(json.loads(types)),
                           bodies={"nt": nt, "ttl": ttl, "jsonld": jsonld})

    def entity(self, path: str) -> EntityState | None:
        row = self._conn().execute(
            f"SELECT {self._ENTITY_COLUMNS} FROM entities WHERE path = ? AND hash IS NOT NULL",
            (path,)).fetchone()
        return self._entity(row) if row else None

    def was_deleted(self, path: str) -> bool:
        row = self._conn().execute(
            "SELECT 1 FROM entities WHERE path = ? AND hash IS NULL", (path,)).fetchone()
        return row is not None

    def entity_versions(self) -> dict[str, tuple[str | None, int]]:
        """iri → (content hash or None when deleted, latest version number)."""
        rows = self._conn().execute("SELECT iri, hash, version FROM entities")
        return {iri: (hash_, version) for iri, hash_, version in rows}

    def entities(self, kind: str | None = None, offset: int = 0,
                 limit: int = 100) -> list[EntityState]:
        sql = f"SELECT {self._ENTITY_COLUMNS} FROM entities WHERE hash IS NOT NULL"
        params: list[object] = []
        if kind:
            sql += " AND kind = ?"
            params.append(kind)
        sql += " ORDER BY path LIMIT ? OFFSET ?"
        params += [limit, offset]
        return [self._entity(r) for r in self._conn().execute(sql, params)]

    def count_entities(self, kind: str | None = None) -> int:
        if kind:
            row = self._conn().execute(
                "SELECT count(*) FROM entities WHERE hash IS NOT NULL AND kind = ?",
                (kind,)).fetchone()
        else:
            row = self._conn().execute(
                "SELECT count(*) FROM entities WHERE hash IS NOT NULL").fetchone()
        return int(row[0])

    def kinds(self) -> dict[str, int]:
        rows = self._conn().execute(
            "SELECT kind, count(*) FROM entities WHERE hash IS NOT NULL GROUP BY kind "
            "ORDER BY kind")
        return {kind: n for kind, n in rows}

    def sources(self) -> list[SourceRecord]:
        rows = self._conn().execute("SELECT iri, name, kind, sha256, text FROM sources "
                                    "ORDER BY iri")
        return [SourceRecord(*row) for row in rows]

    def source(self, iri: str) -> SourceRecord | None:
        row = self._conn().execute("SELECT iri, name, kind, sha256, text FROM sources "
                                   "WHERE iri = ?", (iri,)).fetchone()
        return SourceRecord(*row) if row else None

    # The event log.
    @staticmethod
    def _member(row: tuple) -> Member:
        seq, iri, entity, kind, event, time, hash_, nt, ttl, jsonld = row
        return Member(seq=seq, iri=iri, entity=entity, kind=kind, event=event, time=time,
                      content_hash=hash_, bodies={"nt": nt, "ttl": ttl, "jsonld": jsonld})

    _MEMBER_COLUMNS = "seq, iri, entity, kind, event, time, hash, nt, ttl, jsonld"

    def members(self, after_seq: int = 0, limit: int = 250,
                kind: str | None = None) -> list[Member]:
        if kind:
            rows = self._conn().execute(
                f"SELECT {self._MEMBER_COLUMNS} FROM members WHERE kind = ? AND seq > ? "
                "ORDER BY seq LIMIT ?", (kind, after_seq, limit))
        else:
            rows = self._conn().execute(
                f"SELECT {self._MEMBER_COLUMNS} FROM members WHERE seq > ? ORDER BY seq "
                "LIMIT ?", (after_seq, limit))
        return [self._member(r) for r in rows]

    def iter_members(self, batch: int = 1000) -> Iterator[Member]:
        after = 0
        while True:
            chunk = self.members(after, batch)
            if not chunk:
                return
            yield from chunk
            after = chunk[-1].seq

    def count_members(self, kind: str | None = None) -> int:
        if kind:
            row = self._conn().execute("SELECT count(*) FROM members WHERE kind = ?",
                                       (kind,)).fetchone()
        else:
            row = self._conn().execute("SELECT count(*) FROM members").fetchone()
        return int(row[0])

    def last_seq(self) -> int:
        row = self._conn().execute("SELECT coalesce(max(seq), 0) FROM members").fetchone()
        return int(row[0])

    # Writing: all of a change set, or nothing.
    def apply(self, changes: ChangeSet) -> list[Member]:
        if self._readonly:
            raise StoreError(f"{self.path}: opened read-only")
        conn = self._conn()
        written: list[Member] = []
        try:
            conn.execute("BEGIN IMMEDIATE")
            for src in changes.sources:
                conn.execute(
                    "INSERT INTO sources(iri, name, kind, sha256, text, ingested_at) "
                    "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(iri) DO UPDATE SET name=excluded.name, "
                    "kind=excluded.kind, sha256=excluded.sha256, text=excluded.text, "
                    "ingested_at=excluded.ingested_at",
                    (src.iri, src.name, src.kind, src.sha256, src.text, changes.time))
            for iri in changes.removed_sources:
                conn.execute("DELETE FROM sources WHERE iri = ?", (iri,))
            for ent in changes.upserts:
                conn.execute(
                    "INSERT INTO entities(iri, path, kind, hash, version, updated_at, title, "
                    "types, nt, ttl, jsonld) VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?) "
                    "ON CONFLICT(iri) DO UPDATE SET hash=excluded.hash, "
                    "version=entities.version + 1, updated_at=excluded.updated_at, "
                    "title=excluded.title, types=excluded.types, nt=excluded.nt, "
                    "ttl=excluded.ttl, jsonld=excluded.jsonld",
                    (ent.iri, ent.path, ent.kind, ent.content_hash, changes.time, ent.title,
                     json.dumps(list(ent.types)), *(ent.bodies[f] for f in FORMATS)))
            for iri in changes.deletes:
                conn.execute(
                    "UPDATE entities SET hash = NULL, version = version + 1, updated_at = ?, "
                    "nt = NULL, ttl = NULL, jsonld = NULL WHERE iri = ?", (changes.time, iri))
            for mem in changes.members:
                cur = conn.execute(
                    "INSERT INTO members(iri, entity, kind, event, time, hash, nt, ttl, jsonld) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (mem.iri, mem.entity, mem.kind, mem.event, changes.time, mem.content_hash,
                     *(mem.bodies[f] for f in FORMATS)))
                written.append(Member(seq=int(cur.lastrowid or 0), iri=mem.iri,
                                      entity=mem.entity, kind=mem.kind, event=mem.event,
                                      time=changes.time, content_hash=mem.content_hash,
                                      bodies=mem.bodies))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        return written
