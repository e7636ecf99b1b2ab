"""The store: the current state as bytes, the event log and the indexes ingest needs.

One class over any :class:`~.database.Database`, so SQLite and PostgreSQL run the same
code. Reads are plain lookups; writes happen inside :meth:`Store.writing`, one
transaction holding the one-writer lock, in which the reads see what was written so far
(ingest reads the state it diffs against inside the same transaction).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from ..errors import StoreError
from ..mapping.facts import JSON, Fact, FactKey
from . import schema
from .database import Database, Row
from .index import (
    INDEX_SCHEMA,
    Filters,
    IndexEntry,
    Page,
    delete_index,
    ensure_layout,
    query_page,
    write_index,
)
from .records import Document, EntityState, Member, SourceRecord, TokenRecord, WriteRecord
from .search import SearchQuery, SearchResults, search

DEFAULT_PAGE_SIZE = 250
DEFAULT_WAIT = 60.0


def utc_now() -> str:
    """Event time: UTC, millisecond precision, ISO 8601 with a Z."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def etag_of(body: bytes) -> str:
    """A strong ETag: the same bytes always give the same tag, on every replica."""
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def _blob(value: Any) -> bytes:
    return bytes(value) if not isinstance(value, bytes) else value


class Store:
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
            if self.db.kind == "sqlite":
                self.db.script(INDEX_SCHEMA)
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

    # ------------------------------------------------------------------ entities

    _ENTITY = "iri, path, kind, hash, version, updated_at, title, types"

    @staticmethod
    def _entity(row: Row) -> EntityState:
        iri, path, kind, hash_, version, updated, title, types = row
        return EntityState(
            iri=iri,
            path=path,
            kind=kind,
            content_hash=hash_,
            version=int(version),
            updated_at=updated,
            title=title,
            types=tuple(json.loads(types)),
        )

    def entity(self, path: str) -> EntityState | None:
        """The current entity at this path (None when unknown or deleted)."""
        row = self.db.one(
            f"SELECT {self._ENTITY} FROM entities WHERE path = ? AND hash IS NOT NULL", (path,)
        )
        return self._entity(row) if row else None

    def entity_ever(self, path: str) -> EntityState | None:
        """The entity at this path, also when it was deleted."""
        row = self.db.one(f"SELECT {self._ENTITY} FROM entities WHERE path = ?", (path,))
        return self._entity(row) if row else None

    def was_deleted(self, path: str) -> bool:
        return (
            self.db.one("SELECT 1 FROM entities WHERE path = ? AND hash IS NULL", (path,))
            is not None
        )

    def entity_states(self, iris: Iterable[str]) -> dict[str, EntityState]:
        """iri → state (deleted ones too) for the given IRIs."""
        out: dict[str, EntityState] = {}
        wanted = sorted(set(iris))
        for chunk in _chunks(wanted, 500):
            marks = ", ".join("?" * len(chunk))
            for row in self.db.query(
                f"SELECT {self._ENTITY} FROM entities WHERE iri IN ({marks})", chunk
            ):
                state = self._entity(row)
                out[state.iri] = state
        return out

    def entities(
        self, kind: str | None = None, offset: int = 0, limit: int = 100
    ) -> list[EntityState]:
        sql = f"SELECT {self._ENTITY} FROM entities WHERE hash IS NOT NULL"
        params: list[object] = []
        if kind:
            sql += " AND kind = ?"
            params.append(kind)
        sql += " ORDER BY path LIMIT ? OFFSET ?"
        return [self._entity(r) for r in self.db.query(sql, [*params, limit, offset])]

    def count_entities(self, kind: str | None = None) -> int:
        if kind:
            row = self.db.one(
                "SELECT count(*) FROM entities WHERE hash IS NOT NULL AND kind = ?", (kind,)
            )
        else:
            row = self.db.one("SELECT count(*) FROM entities WHERE hash IS NOT NULL")
        return int(row[0]) if row else 0

    def kinds(self) -> dict[str, int]:
        rows = self.db.query(
            "SELECT kind, count(*) FROM entities WHERE hash IS NOT NULL GROUP BY kind ORDER BY kind"
        )
        return {kind: int(n) for kind, n in rows}

    def iter_entity_paths(self, batch: int = 1000) -> Iterator[str]:
        """Every current entity's path, in path order, a batch at a time (flat memory)."""
        after = ""
        while True:
            rows = self.db.query(
                "SELECT path FROM entities WHERE hash IS NOT NULL AND path > ? "
                "ORDER BY path LIMIT ?",
                (after, batch),
            )
            if not rows:
                return
            for (path,) in rows:
                yield path
            after = rows[-1][0]

    def upsert_entity(
        self,
        iri: str,
        path: str,
        kind: str,
        content_hash: str | None,
        time: str,
        title: str | None,
        types: Sequence[str],
    ) -> int:
        """Write an entity's new state (``content_hash`` None: deleted); its new version."""
        self.db.execute(
            "INSERT INTO entities(iri, path, kind, hash, version, updated_at, title, types) "
            "VALUES (?, ?, ?, ?, 1, ?, ?, ?) ON CONFLICT (iri) DO UPDATE SET "
            "hash = excluded.hash, version = entities.version + 1, "
            "updated_at = excluded.updated_at, title = excluded.title, types = excluded.types",
            (iri, path, kind, content_hash, time, title, json.dumps(list(types))),
        )
        row = self.db.one("SELECT version FROM entities WHERE iri = ?", (iri,))
        assert row is not None
        return int(row[0])

    # ------------------------------------------------------------------ sources

    _SOURCE = "iri, name, kind, sha256, text, partial, ingested_at, publisher"

    @staticmethod
    def _source(row: Row) -> SourceRecord:
        iri, name, kind, sha, text, partial, at, publisher = row
        return SourceRecord(iri, name, kind, sha, text, bool(partial), at, publisher)

    def sources(self) -> list[SourceRecord]:
        return [
            self._source(r)
            for r in self.db.query(f"SELECT {self._SOURCE} FROM sources ORDER BY iri")
        ]

    def source(self, iri: str) -> SourceRecord | None:
        row = self.db.one(f"SELECT {self._SOURCE} FROM sources WHERE iri = ?", (iri,))
        return self._source(row) if row else None

    def sources_by_iri(self, iris: Iterable[str]) -> dict[str, SourceRecord]:
        out: dict[str, SourceRecord] = {}
        for chunk in _chunks(sorted(set(iris)), 500):
            marks = ", ".join("?" * len(chunk))
            for row in self.db.query(
                f"SELECT {self._SOURCE} FROM sources WHERE iri IN ({marks})", chunk
            ):
                record = self._source(row)
                out[record.iri] = record
        return out

    def count_sources(self) -> int:
        row = self.db.one("SELECT count(*) FROM sources")
        return int(row[0]) if row else 0

    def put_source(self, record: SourceRecord) -> None:
        self.db.execute(
            "INSERT INTO sources(iri, name, kind, sha256, text, partial, ingested_at, publisher) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (iri) DO UPDATE SET "
            "name = excluded.name, kind = excluded.kind, sha256 = excluded.sha256, "
            "text = excluded.text, partial = excluded.partial, "
            "ingested_at = excluded.ingested_at, publisher = excluded.publisher",
            (
                record.iri,
                record.name,
                record.kind,
                record.sha256,
                record.text,
                int(record.partial),
                record.ingested_at,
                record.publisher,
            ),
        )

    def delete_source(self, iri: str) -> None:
        for table in ("sources",):
            self.db.execute(f"DELETE FROM {table} WHERE iri = ?", (iri,))
        for table in ("contributions", "facts", "fact_uses"):
            self.db.execute(f"DELETE FROM {table} WHERE source = ?", (iri,))

    # ------------------------------------------------------------------ contributions, facts

    def contributions_to(
        self, entities: Iterable[str], exclude: set[str]
    ) -> dict[str, list[tuple[str, bool, str]]]:
        """entity → [(source, primary, N-Triples)] from every source not in ``exclude``."""
        out: dict[str, list[tuple[str, bool, str]]] = {}
        for chunk in _chunks(sorted(set(entities)), 500):
            marks = ", ".join("?" * len(chunk))
            rows = self.db.query(
                f"SELECT entity, source, main, body FROM contributions WHERE entity IN ({marks})",
                chunk,
            )
            for entity, source, main, body in rows:
                if source not in exclude:
                    out.setdefault(entity, []).append((source, bool(main), body))
        return out

    def contributed_by(self, source: str) -> list[str]:
        """The entities a source contributes to."""
        rows = self.db.query("SELECT entity FROM contributions WHERE source = ?", (source,))
        return [r[0] for r in rows]

    def replace_contributions(self, source: str, parts: dict[str, tuple[bool, str]]) -> None:
        self.db.execute("DELETE FROM contributions WHERE source = ?", (source,))
        self.db.executemany(
            "INSERT INTO contributions(source, entity, main, body) VALUES (?, ?, ?, ?)",
            [(source, entity, int(main), body) for entity, (main, body) in sorted(parts.items())],
        )

    def facts(self, topic: str, key: str) -> list[tuple[str, JSON]]:
        """(source IRI, value) of every stored fact ``(topic, key)`` (a FactSource)."""
        rows = self.db.query(
            "SELECT source, value FROM facts WHERE topic = ? AND key = ? ORDER BY source",
            (topic, key),
        )
        return [(source, json.loads(value)) for source, value in rows]

    def facts_of(self, source: str) -> list[Fact]:
        rows = self.db.query(
            "SELECT topic, key, value FROM facts WHERE source = ? ORDER BY topic, key", (source,)
        )
        return [Fact(topic, key, json.loads(value)) for topic, key, value in rows]

    def replace_facts(self, source: str, facts: Sequence[Fact], uses: Iterable[FactKey]) -> None:
        self.db.execute("DELETE FROM facts WHERE source = ?", (source,))
        self.db.execute("DELETE FROM fact_uses WHERE source = ?", (source,))
        self.db.executemany(
            "INSERT INTO facts(source, topic, key, value) VALUES (?, ?, ?, ?)",
            [(source, f.topic, f.key, f.encoded()) for f in facts],
        )
        self.db.executemany(
            "INSERT INTO fact_uses(source, topic, key) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
            [(source, topic, key) for topic, key in sorted(set(uses))],
        )

    def users_of(self, keys: Iterable[FactKey]) -> set[str]:
        """Sources whose mapping asked for any of these facts."""
        out: set[str] = set()
        for topic, key in keys:
            rows = self.db.query(
                "SELECT source FROM fact_uses WHERE topic = ? AND key = ?", (topic, key)
            )
            out.update(r[0] for r in rows)
        return out

    # ------------------------------------------------------------------ stored documents

    def document(self, path: str, fmt: str) -> Document | None:
        """The stored bytes of a URL path in a format (one lookup, the hot path)."""
        row = self.db.one(
            "SELECT body, etag, immutable, updated_at FROM documents WHERE path = ? AND format = ?",
            (path, fmt),
        )
        if row is None:
            return None
        return Document(_blob(row[0]), row[1], bool(row[2]), row[3])

    def has_document(self, path: str) -> bool:
        return self.db.one("SELECT 1 FROM documents WHERE path = ? LIMIT 1", (path,)) is not None

    def put_document(
        self, path: str, fmt: str, body: bytes, time: str, immutable: bool = False
    ) -> None:
        self.db.execute(
            "INSERT INTO documents(path, format, body, etag, immutable, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (path, format) DO UPDATE SET "
            "body = excluded.body, etag = excluded.etag, immutable = excluded.immutable, "
            "updated_at = excluded.updated_at",
            (path, fmt, body, etag_of(body), int(immutable), time),
        )

    def delete_documents(self, path: str) -> None:
        self.db.execute("DELETE FROM documents WHERE path = ?", (path,))

    def iter_documents(
        self, fmt: str, prefix: str, batch: int = 500
    ) -> Iterator[tuple[str, bytes, bool]]:
        """(path, body, immutable) of every stored document of one format under a path
        prefix, in path order, a batch at a time (flat memory for exports and the dump)."""
        after = ""
        while True:
            rows = self.db.query(
                "SELECT path, body, immutable FROM documents WHERE format = ? AND path > ? "
                "AND path LIKE ? ORDER BY path LIMIT ?",
                (fmt, after, prefix + "%", batch),
            )
            if not rows:
                return
            for path, body, immutable in rows:
                yield path, _blob(body), bool(immutable)
            after = rows[-1][0]

    # ------------------------------------------------------------------ the event log

    _MEMBER = "seq, iri, entity, kind, version, event, time, hash, publisher"

    def _members(self, rows: list[Row], formats: Sequence[str]) -> list[Member]:
        members = [
            Member(
                seq=int(r[0]),
                iri=r[1],
                entity=r[2],
                kind=r[3],
                version=int(r[4]),
                event=r[5],
                time=r[6],
                content_hash=r[7],
                publisher=r[8],
                fragments={},
            )
            for r in rows
        ]
        if members and formats:
            by_seq = {m.seq: m for m in members}
            seqs = sorted(by_seq)
            fmarks = ", ".join("?" * len(formats))
            for chunk in _chunks(seqs, 500):
                marks = ", ".join("?" * len(chunk))
                for seq, fmt, body in self.db.query(
                    f"SELECT seq, format, body FROM member_fragments WHERE seq IN ({marks}) "
                    f"AND format IN ({fmarks})",
                    [*chunk, *formats],
                ):
                    by_seq[int(seq)].fragments[fmt] = _blob(body)
        return members

    def members(
        self, after_seq: int = 0, limit: int = 250, formats: Sequence[str] = ()
    ) -> list[Member]:
        rows = self.db.query(
            f"SELECT {self._MEMBER} FROM members WHERE seq > ? ORDER BY seq LIMIT ?",
            (after_seq, limit),
        )
        return self._members(rows, formats)

    def member(self, iri: str, formats: Sequence[str] = ()) -> Member | None:
        rows = self.db.query(f"SELECT {self._MEMBER} FROM members WHERE iri = ?", (iri,))
        found = self._members(rows, formats)
        return found[0] if found else None

    def history(self, entity: str, formats: Sequence[str] = ()) -> list[Member]:
        """Every member about one entity, oldest first."""
        rows = self.db.query(
            f"SELECT {self._MEMBER} FROM members WHERE entity = ? ORDER BY version", (entity,)
        )
        return self._members(rows, formats)

    def iter_members(self, batch: int = 1000, formats: Sequence[str] = ()) -> Iterator[Member]:
        after = 0
        while True:
            chunk = self.members(after, batch, formats)
            if not chunk:
                return
            yield from chunk
            after = chunk[-1].seq

    def last_seq(self) -> int:
        row = self.db.one("SELECT coalesce(max(seq), 0) FROM members")
        return int(row[0]) if row else 0

    def count_members(self, kind: str | None = None) -> int:
        if kind:
            row = self.db.one("SELECT count(*) FROM members WHERE kind = ?", (kind,))
        else:
            row = self.db.one("SELECT count(*) FROM members")
        return int(row[0]) if row else 0

    def append_member(self, member: Member) -> None:
        """Add a member (its ``seq`` chosen by the caller, under the write lock)."""
        self.db.execute(
            f"INSERT INTO members({self._MEMBER}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                member.seq,
                member.iri,
                member.entity,
                member.kind,
                member.version,
                member.event,
                member.time,
                member.content_hash,
                member.publisher,
            ),
        )
        self.db.executemany(
            "INSERT INTO member_fragments(seq, format, body) VALUES (?, ?, ?)",
            [(member.seq, fmt, body) for fmt, body in sorted(member.fragments.items())],
        )
        row = self.db.one("SELECT members FROM views WHERE view = ?", (member.kind,))
        position = (int(row[0]) if row else 0) + 1
        self.db.execute(
            "INSERT INTO view_members(view, position, seq) VALUES (?, ?, ?)",
            (member.kind, position, member.seq),
        )
        self.db.execute(
            "INSERT INTO views(view, members) VALUES (?, ?) "
            "ON CONFLICT (view) DO UPDATE SET members = excluded.members",
            (member.kind, position),
        )

    # ------------------------------------------------------------------ views of the log

    def view_sizes(self) -> dict[str, int]:
        """Members per kind view."""
        return {
            v: int(n) for v, n in self.db.query("SELECT view, members FROM views ORDER BY view")
        }

    def view_size(self, view: str) -> int:
        row = self.db.one("SELECT members FROM views WHERE view = ?", (view,))
        return int(row[0]) if row else 0

    def view_members(
        self, view: str, first: int, limit: int, formats: Sequence[str] = ()
    ) -> list[Member]:
        """Members at positions first, first+1, … of a kind's view, in order."""
        cols = ", ".join("m." + c.strip() for c in self._MEMBER.split(","))
        rows = self.db.query(
            f"SELECT {cols} FROM view_members v JOIN members m ON m.seq = v.seq "
            "WHERE v.view = ? AND v.position >= ? ORDER BY v.position LIMIT ?",
            (view, first, limit),
        )
        return self._members(rows, formats)

    def latest_members(
        self, after_seq: int, until_seq: int, formats: Sequence[str] = ()
    ) -> list[Member]:
        """Members with after_seq < seq <= until_seq that are their entity's latest version."""
        cols = ", ".join("m." + c.strip() for c in self._MEMBER.split(","))
        rows = self.db.query(
            f"SELECT {cols} FROM members m JOIN entities e ON e.iri = m.entity "
            "WHERE m.seq > ? AND m.seq <= ? AND m.version = e.version ORDER BY m.seq",
            (after_seq, until_seq),
        )
        return self._members(rows, formats)

    def previous_seqs(self, entities: Iterable[str]) -> list[int]:
        """The seq of each entity's latest member before this write's (for the latest view)."""
        out: list[int] = []
        for chunk in _chunks(sorted(set(entities)), 500):
            marks = ", ".join("?" * len(chunk))
            rows = self.db.query(
                f"SELECT max(seq) FROM members WHERE entity IN ({marks}) GROUP BY entity", chunk
            )
            out += [int(r[0]) for r in rows]
        return out

    # ------------------------------------------------------------------ links, search, index

    def write_links(self, iri: str, links: Iterable[tuple[str, str]]) -> None:
        self.db.execute("DELETE FROM entity_links WHERE source = ?", (iri,))
        self.db.executemany(
            "INSERT INTO entity_links(source, target, predicate) VALUES (?, ?, ?) "
            "ON CONFLICT DO NOTHING",
            [(iri, target, predicate) for target, predicate in links],
        )

    def links_to(self, iri: str) -> list[tuple[str, str, str, str, str | None]]:
        """What links to an entity: (source IRI, predicate, source path, kind, title)."""
        return [
            (r[0], r[1], r[2], r[3], r[4])
            for r in self.db.query(
                "SELECT l.source, l.predicate, e.path, e.kind, e.title FROM entity_links l "
                "JOIN entities e ON e.iri = l.source AND e.hash IS NOT NULL WHERE l.target = ? "
                "ORDER BY e.path, l.predicate",
                (iri,),
            )
        ]

    def links_from(self, iri: str) -> list[tuple[str, str, str, str, str | None]]:
        """What an entity links to: (target IRI, predicate, target path, kind, title)."""
        return [
            (r[0], r[1], r[2], r[3], r[4])
            for r in self.db.query(
                "SELECT l.target, l.predicate, e.path, e.kind, e.title FROM entity_links l "
                "JOIN entities e ON e.iri = l.target AND e.hash IS NOT NULL WHERE l.source = ? "
                "ORDER BY e.path, l.predicate",
                (iri,),
            )
        ]

    def find_titles(
        self, query: str = "", kind: str | None = None, limit: int | None = 100
    ) -> list[tuple[str, str, str | None]]:
        """Current entities whose title or path contains ``query`` (case-insensitive):
        (path, kind, title), by kind and path; an empty query lists them all."""
        sql = (
            "SELECT path, kind, title FROM entities WHERE hash IS NOT NULL AND "
            "(lower(title) LIKE ? ESCAPE '\\' OR lower(path) LIKE ? ESCAPE '\\')"
        )
        text = query.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        like = "%" + text + "%"
        params: list[object] = [like, like]
        if kind:
            sql += " AND kind = ?"
            params.append(kind)
        sql += " ORDER BY kind, path"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return [(r[0], r[1], r[2]) for r in self.db.query(sql, params)]

    def write_index(self, iri: str, path: str, kind: str, entry: IndexEntry) -> None:
        write_index(self.db, iri, path, kind, entry)

    def delete_index(self, iri: str) -> None:
        delete_index(self.db, iri)

    def search(self, query: SearchQuery) -> SearchResults:
        """Full-text search with facets (the one engine of the site and the API)."""
        return search(self.db, query)

    def collection(self, kind: str, filters: Filters, **options: Any) -> Page:
        """One page of the entities of a kind (keyset pagination, see store/index.py)."""
        return query_page(self.db, kind, filters, **options)

    # ------------------------------------------------------------------ the dump

    def dump(self, name: str) -> tuple[int, int, str, str, int] | None:
        """(generation, size, sha256, modified, parts) of the newest complete dump."""
        row = self.db.one(
            "SELECT generation, size, sha256, modified, parts FROM dumps WHERE name = ? "
            "ORDER BY generation DESC LIMIT 1",
            (name,),
        )
        return (int(row[0]), int(row[1]), row[2], row[3], int(row[4])) if row else None

    def dump_part(self, name: str, generation: int, part: int) -> bytes | None:
        row = self.db.one(
            "SELECT body FROM dump_parts WHERE name = ? AND generation = ? AND part = ?",
            (name, generation, part),
        )
        return _blob(row[0]) if row else None

    def put_dump_part(self, name: str, generation: int, part: int, body: bytes) -> None:
        self.db.execute(
            "INSERT INTO dump_parts(name, generation, part, body) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (name, generation, part) DO UPDATE SET body = excluded.body",
            (name, generation, part, body),
        )

    def finish_dump(
        self, name: str, generation: int, size: int, sha256: str, modified: str, parts: int
    ) -> None:
        """Make a generation current and drop the older ones (inside a transaction)."""
        self.db.execute(
            "INSERT INTO dumps(name, generation, size, sha256, modified, parts) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (name, generation) DO NOTHING",
            (name, generation, size, sha256, modified, parts),
        )
        self.db.execute("DELETE FROM dumps WHERE name = ? AND generation < ?", (name, generation))
        self.db.execute(
            "DELETE FROM dump_parts WHERE name = ? AND generation < ?", (name, generation)
        )

    # ------------------------------------------------------------------ writes log, tokens

    def record_write(
        self,
        time: str,
        actor: str,
        action: str,
        sources: Sequence[str],
        first_seq: int | None,
        last_seq: int | None,
        summary: str,
    ) -> int:
        row = self.db.one("SELECT coalesce(max(id), 0) FROM writes")
        number = (int(row[0]) if row else 0) + 1
        self.db.execute(
            "INSERT INTO writes(id, time, actor, action, sources, first_seq, last_seq, summary) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (number, time, actor, action, json.dumps(list(sources)), first_seq, last_seq, summary),
        )
        return number

    def writes(self, limit: int = 50) -> list[WriteRecord]:
        rows = self.db.query(
            "SELECT id, time, actor, action, sources, first_seq, last_seq, summary FROM writes "
            "ORDER BY id DESC LIMIT ?",
            (limit,),
        )
        return [
            WriteRecord(int(r[0]), r[1], r[2], r[3], tuple(json.loads(r[4])), r[5], r[6], r[7])
            for r in rows
        ]

    def put_token(self, name: str, key_id: str, digest: str, time: str) -> None:
        self.db.execute(
            "INSERT INTO tokens(name, key_id, hash, created_at) VALUES (?, ?, ?, ?)",
            (name, key_id, digest, time),
        )

    def token_hash(self, key_id: str) -> tuple[str, str] | None:
        """(name, hash) of an active token by its key id."""
        row = self.db.one(
            "SELECT name, hash FROM tokens WHERE key_id = ? AND revoked_at IS NULL", (key_id,)
        )
        return (row[0], row[1]) if row else None

    def tokens(self) -> list[TokenRecord]:
        rows = self.db.query(
            "SELECT name, key_id, created_at, revoked_at FROM tokens ORDER BY name"
        )
        return [TokenRecord(r[0], r[1], r[2], r[3]) for r in rows]

    def active_tokens(self) -> int:
        row = self.db.one("SELECT count(*) FROM tokens WHERE revoked_at IS NULL")
        return int(row[0]) if row else 0

    def revoke_token(self, name: str, time: str) -> bool:
        row = self.db.one("SELECT 1 FROM tokens WHERE name = ? AND revoked_at IS NULL", (name,))
        if row is None:
            return False
        self.db.execute("UPDATE tokens SET revoked_at = ? WHERE name = ?", (time, name))
        return True


def _chunks(items: Sequence[Any], size: int) -> Iterator[list[Any]]:
    for start in range(0, len(items), size):
        yield list(items[start : start + size])
