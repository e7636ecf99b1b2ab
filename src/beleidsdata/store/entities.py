"""The current entities and the sources they come from."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence

from .common import Tables, chunks
from .database import Row
from .records import EntityState, SourceRecord


class EntityTables(Tables):
    """Entities (one row per IRI, with its content hash and version) and source documents."""

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
        for chunk in chunks(wanted, 500):
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

    def upsert_entities(
        self,
        rows: Sequence[tuple[str, str, str, str | None, str | None, Sequence[str]]],
        time: str,
    ) -> dict[str, int]:
        """:meth:`upsert_entity` for many (iri, path, kind, hash, title, types) rows in one
        statement; iri → its new version."""
        self.db.executemany(
            "INSERT INTO entities(iri, path, kind, hash, version, updated_at, title, types) "
            "VALUES (?, ?, ?, ?, 1, ?, ?, ?) ON CONFLICT (iri) DO UPDATE SET "
            "hash = excluded.hash, version = entities.version + 1, "
            "updated_at = excluded.updated_at, title = excluded.title, types = excluded.types",
            [
                (iri, path, kind, hash_, time, title, json.dumps(list(types)))
                for iri, path, kind, hash_, title, types in rows
            ],
        )
        out: dict[str, int] = {}
        for chunk in chunks(sorted({r[0] for r in rows}), 500):
            marks = ", ".join("?" * len(chunk))
            for iri, version in self.db.query(
                f"SELECT iri, version FROM entities WHERE iri IN ({marks})", chunk
            ):
                out[iri] = int(version)
        return out

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
        for chunk in chunks(sorted(set(iris)), 500):
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
