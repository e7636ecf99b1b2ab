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

from ..errors import StoreError
from .base import (
    FORMATS,
    ChangeSet,
    EntityState,
    Member,
    PageWrite,
    SourceRecord,
)
from .index import INDEX_SCHEMA, Filters, IndexEntry, Page, delete_index, query_page, write_index

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
-- Links between current entities (source cites target with predicate), written with the
-- entity at ingest, so a page shows what cites a resource with one indexed lookup.
CREATE TABLE IF NOT EXISTS entity_links (
    source    TEXT NOT NULL,
    target    TEXT NOT NULL,
    predicate TEXT NOT NULL,
    PRIMARY KEY (source, target, predicate)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS entity_links_target ON entity_links(target);
-- Event-stream views other than the whole log in time order: a member's position in each
-- view it belongs to (a view per kind), written with the member, so a page of a view is
-- a range lookup, never an OFFSET scan.
CREATE TABLE IF NOT EXISTS view_members (
    view     TEXT NOT NULL,
    position INTEGER NOT NULL,
    seq      INTEGER NOT NULL,
    PRIMARY KEY (view, position)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS views (
    view    TEXT PRIMARY KEY,
    members INTEGER NOT NULL
);
-- Closed event-stream pages, serialised once when they close (per view, page size, format).
CREATE TABLE IF NOT EXISTS pages (
    view   TEXT NOT NULL,
    size   INTEGER NOT NULL,
    number INTEGER NOT NULL,
    format TEXT NOT NULL,
    etag   TEXT NOT NULL,
    body   BLOB NOT NULL,
    PRIMARY KEY (view, size, number, format)
);
"""


def utc_now() -> str:
    """Event time: UTC, millisecond precision, ISO 8601 with a Z."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


class SQLiteStore:
    """The store in one SQLite file (see :class:`beleidsdata.store.base.Store`)."""

    def __init__(
        self,
        path: str | Path,
        base_iri: str | None = None,
        *,
        create: bool = True,
        readonly: bool = False,
    ) -> None:
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
                conn.executescript(INDEX_SCHEMA)  # collections: store/index.py
                if "rdf" not in {r[1] for r in conn.execute("PRAGMA table_info(entities)")}:
                    conn.execute("ALTER TABLE entities ADD COLUMN rdf BLOB")  # RDF/XML
            stored = self._meta("base_iri")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a beleidsdata store ({exc})") from None
        if stored is None:
            if readonly:
                raise StoreError(f"{self.path}: not a beleidsdata store (no base IRI)")
            self.base_iri = (base_iri or "http://localhost:8000").rstrip("/")
            conn.executemany(
                "INSERT INTO meta(key, value) VALUES (?, ?)",
                [
                    ("base_iri", self.base_iri),
                    ("schema_version", SCHEMA_VERSION),
                    ("created_at", utc_now()),
                ],
            )
        else:
            if base_iri and base_iri.rstrip("/") != stored:
                raise StoreError(
                    f"{self.path} was created with base IRI {stored}; it cannot serve "
                    f"{base_iri.rstrip('/')}. Use another --db for another base IRI."
                )
            if self._meta("schema_version") != SCHEMA_VERSION:
                raise StoreError(
                    f"{self.path}: store schema {self._meta('schema_version')} "
                    f"is not supported (expected {SCHEMA_VERSION})"
                )
            self.base_iri = stored
        if not readonly:
            self._fill_views()

    def _fill_views(self) -> None:
        """Per-view positions for a store written before views existed (once)."""
        conn = self._conn()
        if (
            conn.execute("SELECT 1 FROM views LIMIT 1").fetchone()
            or not conn.execute("SELECT 1 FROM members LIMIT 1").fetchone()
        ):
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute(
                "INSERT OR IGNORE INTO view_members(view, position, seq) SELECT kind, "
                "row_number() OVER (PARTITION BY kind ORDER BY seq), seq FROM members"
            )
            conn.execute(
                "INSERT OR REPLACE INTO views(view, members) "
                "SELECT kind, count(*) FROM members GROUP BY kind"
            )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

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
        return EntityState(
            iri=iri,
            path=path,
            kind=kind,
            content_hash=hash_,
            version=version,
            updated_at=updated,
            title=title,
            types=tuple(json.loads(types)),
            bodies={"nt": nt, "ttl": ttl, "jsonld": jsonld},
        )

    def entity(self, path: str) -> EntityState | None:
        row = (
            self._conn()
            .execute(
                f"SELECT {self._ENTITY_COLUMNS} FROM entities WHERE path = ? AND hash IS NOT NULL",
                (path,),
            )
            .fetchone()
        )
        return self._entity(row) if row else None

    def entity_rdfxml(self, path: str) -> bytes | None:
        """The RDF/XML body of an entity, serialised at ingest (None for older rows)."""
        row = (
            self._conn()
            .execute("SELECT rdf FROM entities WHERE path = ? AND hash IS NOT NULL", (path,))
            .fetchone()
        )
        return row[0] if row else None

    def collection(self, kind: str, filters: Filters, **options: object) -> Page:
        """One page of the entities of a kind (keyset pagination, see store/index.py)."""
        return query_page(self._conn(), kind, filters, **options)  # type: ignore[arg-type]

    def was_deleted(self, path: str) -> bool:
        row = (
            self._conn()
            .execute("SELECT 1 FROM entities WHERE path = ? AND hash IS NULL", (path,))
            .fetchone()
        )
        return row is not None

    def entity_versions(self) -> dict[str, tuple[str | None, int]]:
        """iri → (content hash or None when deleted, latest version number)."""
        rows = self._conn().execute("SELECT iri, hash, version FROM entities")
        return {iri: (hash_, version) for iri, hash_, version in rows}

    def entities(
        self, kind: str | None = None, offset: int = 0, limit: int = 100
    ) -> list[EntityState]:
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
            row = (
                self._conn()
                .execute(
                    "SELECT count(*) FROM entities WHERE hash IS NOT NULL AND kind = ?", (kind,)
                )
                .fetchone()
            )
        else:
            row = (
                self._conn()
                .execute("SELECT count(*) FROM entities WHERE hash IS NOT NULL")
                .fetchone()
            )
        return int(row[0])

    def kinds(self) -> dict[str, int]:
        rows = self._conn().execute(
            "SELECT kind, count(*) FROM entities WHERE hash IS NOT NULL GROUP BY kind ORDER BY kind"
        )
        return {kind: n for kind, n in rows}

    def sources(self) -> list[SourceRecord]:
        rows = self._conn().execute(
            "SELECT iri, name, kind, sha256, text FROM sources ORDER BY iri"
        )
        return [SourceRecord(*row) for row in rows]

    def source(self, iri: str) -> SourceRecord | None:
        row = (
            self._conn()
            .execute("SELECT iri, name, kind, sha256, text FROM sources WHERE iri = ?", (iri,))
            .fetchone()
        )
        return SourceRecord(*row) if row else None

    # Links between entities (filled at ingest), for the human-readable pages.
    @staticmethod
    def _write_links(conn: sqlite3.Connection, changes: ChangeSet) -> None:
        for iri in [*(e.iri for e in changes.upserts), *changes.deletes]:
            conn.execute("DELETE FROM entity_links WHERE source = ?", (iri,))
        conn.executemany(
            "INSERT OR IGNORE INTO entity_links(source, target, predicate) VALUES (?, ?, ?)",
            [(src, tgt, pred) for src, links in changes.links.items() for tgt, pred in links],
        )

    def links_to(self, iri: str) -> list[tuple[str, str, str, str, str | None]]:
        """What links to an entity: (source IRI, predicate, source path, kind, title)."""
        return (
            self._conn()
            .execute(
                "SELECT l.source, l.predicate, e.path, e.kind, e.title FROM entity_links l "
                "JOIN entities e ON e.iri = l.source AND e.hash IS NOT NULL WHERE l.target = ? "
                "ORDER BY e.path, l.predicate",
                (iri,),
            )
            .fetchall()
        )

    def links_from(self, iri: str) -> list[tuple[str, str, str, str, str | None]]:
        """What an entity links to: (target IRI, predicate, target path, kind, title)."""
        return (
            self._conn()
            .execute(
                "SELECT l.target, l.predicate, e.path, e.kind, e.title FROM entity_links l "
                "JOIN entities e ON e.iri = l.target AND e.hash IS NOT NULL WHERE l.source = ? "
                "ORDER BY e.path, l.predicate",
                (iri,),
            )
            .fetchall()
        )

    def find_titles(
        self, query: str = "", kind: str | None = None, limit: int | None = 100
    ) -> list[tuple[str, str, str | None]]:
        """Current entities whose title or path contains ``query`` (case-insensitive):
        (path, kind, title), by kind and path; an empty query lists them all."""
        sql = (
            "SELECT path, kind, title FROM entities WHERE hash IS NOT NULL AND "
            "(title LIKE ? ESCAPE '\\' OR path LIKE ? ESCAPE '\\')"
        )
        like = "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        params: list[object] = [like, like]
        if kind:
            sql += " AND kind = ?"
            params.append(kind)
        sql += " ORDER BY kind, path"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return self._conn().execute(sql, params).fetchall()

    # The event log.
    @staticmethod
    def _member(row: tuple) -> Member:
        seq, iri, entity, kind, event, time, hash_, nt, ttl, jsonld = row
        return Member(
            seq=seq,
            iri=iri,
            entity=entity,
            kind=kind,
            event=event,
            time=time,
            content_hash=hash_,
            bodies={"nt": nt, "ttl": ttl, "jsonld": jsonld},
        )

    _MEMBER_COLUMNS = "seq, iri, entity, kind, event, time, hash, nt, ttl, jsonld"

    def members(
        self, after_seq: int = 0, limit: int = 250, kind: str | None = None
    ) -> list[Member]:
        if kind:
            rows = self._conn().execute(
                f"SELECT {self._MEMBER_COLUMNS} FROM members WHERE kind = ? AND seq > ? "
                "ORDER BY seq LIMIT ?",
                (kind, after_seq, limit),
            )
        else:
            rows = self._conn().execute(
                f"SELECT {self._MEMBER_COLUMNS} FROM members WHERE seq > ? ORDER BY seq LIMIT ?",
                (after_seq, limit),
            )
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
            row = (
                self._conn()
                .execute("SELECT count(*) FROM members WHERE kind = ?", (kind,))
                .fetchone()
            )
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
                    (src.iri, src.name, src.kind, src.sha256, src.text, changes.time),
                )
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
                    (
                        ent.iri,
                        ent.path,
                        ent.kind,
                        ent.content_hash,
                        changes.time,
                        ent.title,
                        json.dumps(list(ent.types)),
                        *(ent.bodies[f] for f in FORMATS),
                    ),
                )
                conn.execute(
                    "UPDATE entities SET rdf = ? WHERE iri = ?", (ent.bodies.get("rdf"), ent.iri)
                )
                if isinstance(ent.index, IndexEntry):
                    write_index(conn, ent.iri, ent.path, ent.kind, ent.index)
            for iri in changes.deletes:
                delete_index(conn, iri)
                conn.execute("UPDATE entities SET rdf = NULL WHERE iri = ?", (iri,))
                conn.execute(
                    "UPDATE entities SET hash = NULL, version = version + 1, updated_at = ?, "
                    "nt = NULL, ttl = NULL, jsonld = NULL WHERE iri = ?",
                    (changes.time, iri),
                )
            self._write_links(conn, changes)
            for mem in changes.members:
                cur = conn.execute(
                    "INSERT INTO members(iri, entity, kind, event, time, hash, nt, ttl, jsonld) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        mem.iri,
                        mem.entity,
                        mem.kind,
                        mem.event,
                        changes.time,
                        mem.content_hash,
                        *(mem.bodies[f] for f in FORMATS),
                    ),
                )
                written.append(
                    Member(
                        seq=int(cur.lastrowid or 0),
                        iri=mem.iri,
                        entity=mem.entity,
                        kind=mem.kind,
                        event=mem.event,
                        time=changes.time,
                        content_hash=mem.content_hash,
                        bodies=mem.bodies,
                    )
                )
            self._write_view_positions(conn, written)
            if changes.close_pages is not None and written:
                self._write_pages(conn, changes.close_pages(written))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        return written

    # Event-stream views and closed pages.
    @staticmethod
    def _write_view_positions(conn: sqlite3.Connection, written: list[Member]) -> None:
        positions: dict[str, int] = {}
        rows = []
        for mem in written:
            if mem.kind not in positions:
                row = conn.execute(
                    "SELECT members FROM views WHERE view = ?", (mem.kind,)
                ).fetchone()
                positions[mem.kind] = int(row[0]) if row else 0
            positions[mem.kind] += 1
            rows.append((mem.kind, positions[mem.kind], mem.seq))
        conn.executemany("INSERT INTO view_members(view, position, seq) VALUES (?, ?, ?)", rows)
        conn.executemany(
            "INSERT INTO views(view, members) VALUES (?, ?) ON CONFLICT(view) "
            "DO UPDATE SET members = excluded.members",
            list(positions.items()),
        )

    @staticmethod
    def _write_pages(conn: sqlite3.Connection, pages: list[PageWrite]) -> None:
        import hashlib

        conn.executemany(
            "INSERT OR REPLACE INTO pages(view, size, number, format, etag, body) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [
                (
                    p.view,
                    p.size,
                    p.number,
                    fmt,
                    '"' + hashlib.sha256(body).hexdigest()[:32] + '"',
                    body,
                )
                for p in pages
                for fmt, body in p.bodies.items()
            ],
        )

    def write_pages(self, pages: list[PageWrite]) -> None:
        """Store closed pages outside an ingest (pages of a newly used page size)."""
        conn = self._conn()
        conn.execute("BEGIN IMMEDIATE")
        try:
            self._write_pages(conn, pages)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    def page(self, view: str, size: int, number: int, fmt: str) -> tuple[bytes, str] | None:
        """A stored closed page: (bytes, strong ETag), or None."""
        row = (
            self._conn()
            .execute(
                "SELECT body, etag FROM pages WHERE view = ? AND size = ? AND number = ? "
                "AND format = ?",
                (view, size, number, fmt),
            )
            .fetchone()
        )
        return (row[0], row[1]) if row else None

    def stored_page_count(self, view: str, size: int) -> int:
        """The highest page number stored for a view and page size (pages close in order)."""
        row = (
            self._conn()
            .execute(
                "SELECT coalesce(max(number), 0) FROM pages WHERE view = ? AND size = ?",
                (view, size),
            )
            .fetchone()
        )
        return int(row[0])

    def view_sizes(self) -> dict[str, int]:
        """Members per view (one view per kind)."""
        rows = self._conn().execute("SELECT view, members FROM views ORDER BY view")
        return {view: n for view, n in rows}

    def view_size(self, view: str) -> int:
        row = self._conn().execute("SELECT members FROM views WHERE view = ?", (view,)).fetchone()
        return int(row[0]) if row else 0

    def view_members(self, view: str, first: int, limit: int) -> list[Member]:
        """Members at positions first, first+1, … of a view, in order."""
        cols = ", ".join("m." + c.strip() for c in self._MEMBER_COLUMNS.split(","))
        rows = self._conn().execute(
            f"SELECT {cols} FROM view_members v JOIN members m ON m.seq = v.seq "
            "WHERE v.view = ? AND v.position >= ? ORDER BY v.position LIMIT ?",
            (view, first, limit),
        )
        return [self._member(r) for r in rows]

    def latest_members(self, after_seq: int, until_seq: int) -> list[Member]:
        """Members with after_seq < seq <= until_seq that are their entity's latest version."""
        cols = ", ".join("m." + c.strip() for c in self._MEMBER_COLUMNS.split(","))
        rows = self._conn().execute(
            f"SELECT {cols} FROM members m JOIN entities e ON e.iri = m.entity "
            "WHERE m.seq > ? AND m.seq <= ? AND m.iri = e.iri || '/versie/' || e.version "
            "ORDER BY m.seq",
            (after_seq, until_seq),
        )
        return [self._member(r) for r in rows]

    def page_sizes(self) -> list[int]:
        """Page sizes whose closed pages are stored at ingest (registered by serve/export)."""
        raw = self._meta("ldes_page_sizes")
        return sorted(json.loads(raw)) if raw else [250]

    def register_page_size(self, size: int) -> bool:
        """Store closed pages of this size from now on; False when it already was."""
        sizes = self.page_sizes()
        if size in sizes:
            return False
        self._conn().execute(
            "INSERT INTO meta(key, value) VALUES ('ldes_page_sizes', ?) ON CONFLICT(key) "
            "DO UPDATE SET value = excluded.value",
            (json.dumps(sorted({*sizes, size})),),
        )
        return True
