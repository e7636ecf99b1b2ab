"""Lossless backup and restore: the whole store as a folder of JSON Lines.

Replicas must not notice a restore: the same members with the same IRIs, versions and
times, the same page URLs with the same bytes and ETags. So a backup holds every table as
it is, row by row (bytes in base64), in a documented form (docs/backup.md) that any tool
can read and that moves a store between backends (SQLite ↔ PostgreSQL). The search index
is derived data: it is rebuilt from the stored N-Triples on restore.

    manifest.json           format, versions, base IRI, page size, counts, sha256 per file
    {table}.jsonl.gz        one JSON array per row, columns as in the manifest

Both directions stream a batch at a time, so memory stays flat whatever the store's size.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError, StoreError
from .core import Store, utc_now

FORMAT = "beleidsdata-backup"
FORMAT_VERSION = 1
BATCH = 1000


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[str, ...]
    key: tuple[str, ...]  # export order (and resume point)
    blobs: tuple[str, ...] = ()


TABLES: tuple[Table, ...] = (
    Table("meta", ("key", "value"), ("key",)),
    Table(
        "sources",
        ("iri", "name", "kind", "sha256", "text", "partial", "ingested_at", "publisher"),
        ("iri",),
    ),
    Table("contributions", ("source", "entity", "main", "body"), ("source", "entity")),
    Table("facts", ("source", "topic", "key", "value"), ("source", "topic", "key", "value")),
    Table("fact_uses", ("source", "topic", "key"), ("source", "topic", "key")),
    Table(
        "entities",
        ("iri", "path", "kind", "hash", "version", "updated_at", "title", "types"),
        ("iri",),
    ),
    Table(
        "documents",
        ("path", "format", "body", "etag", "immutable", "updated_at", "composition"),
        ("path", "format"),
        blobs=("body",),
    ),
    Table(
        "members",
        ("seq", "iri", "entity", "kind", "version", "event", "time", "hash", "publisher"),
        ("seq",),
    ),
    Table("member_fragments", ("seq", "format", "body"), ("seq", "format"), blobs=("body",)),
    Table("view_members", ("view", "position", "seq"), ("view", "position")),
    Table("views", ("view", "members"), ("view",)),
    Table("entity_links", ("source", "target", "predicate"), ("source", "target", "predicate")),
    Table("tokens", ("name", "key_id", "hash", "created_at", "revoked_at"), ("name",)),
    Table(
        "writes",
        ("id", "time", "actor", "action", "sources", "first_seq", "last_seq", "summary"),
        ("id",),
    ),
)

Progress = Callable[[str], None]


def _rows(store: Store, table: Table) -> Iterator[tuple[Any, ...]]:
    """Every row of a table in key order, a batch at a time (keyset pagination)."""
    cols = ", ".join(table.columns)
    order = ", ".join(table.key)
    positions = [table.columns.index(k) for k in table.key]
    after: tuple[Any, ...] | None = None
    while True:
        if after is None:
            rows = store.db.query(
                f"SELECT {cols} FROM {table.name} ORDER BY {order} LIMIT ?", (BATCH,)
            )
        else:
            keys = ", ".join(table.key)
            marks = ", ".join("?" * len(table.key))
            rows = store.db.query(
                f"SELECT {cols} FROM {table.name} WHERE ({keys}) > ({marks}) "
                f"ORDER BY {order} LIMIT ?",
                (*after, BATCH),
            )
        if not rows:
            return
        yield from rows
        after = tuple(rows[-1][p] for p in positions)


def _encode(table: Table, row: tuple[Any, ...]) -> list[Any]:
    out = list(row)
    for column in table.blobs:
        i = table.columns.index(column)
        if out[i] is not None:
            out[i] = base64.b64encode(bytes(out[i])).decode("ascii")
    return out


def _decode(table: Table, row: list[Any]) -> tuple[Any, ...]:
    out = list(row)
    for column in table.blobs:
        i = table.columns.index(column)
        if out[i] is not None:
            out[i] = base64.b64decode(out[i])
    return tuple(out)


def export_store(store: Store, folder: Path, progress: Progress | None = None) -> dict[str, int]:
    """Write the whole store to ``folder`` (created; must be empty). Reads one consistent
    snapshot: the export runs inside one read transaction."""
    say = progress or (lambda _m: None)
    folder.mkdir(parents=True, exist_ok=True)
    if any(folder.iterdir()):
        raise InputError(f"{folder}: not empty; export into a new folder")
    counts: dict[str, int] = {}
    files: dict[str, str] = {}
    with store.db.snapshot():  # one consistent state, writers go on
        for table in TABLES:
            name = f"{table.name}.jsonl.gz"
            digest = hashlib.sha256()
            n = 0
            with gzip.open(folder / name, "wt", encoding="utf-8", compresslevel=6) as out:
                for row in _rows(store, table):
                    line = json.dumps(_encode(table, row), ensure_ascii=False) + "\n"
                    out.write(line)
                    digest.update(line.encode())
                    n += 1
            counts[table.name] = n
            files[name] = digest.hexdigest()
            say(f"{table.name}: {n} rows")
    manifest = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "schema": int(store.db.one("SELECT max(version) FROM schema_migrations")[0]),  # type: ignore[index]
        "base_iri": store.base_iri,
        "page_size": store.page_size,
        "exported_at": utc_now(),
        "tables": {t.name: list(t.columns) for t in TABLES},
        "blobs": {t.name: list(t.blobs) for t in TABLES if t.blobs},
        "counts": counts,
        "sha256": files,
    }
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return counts


def read_manifest(folder: Path) -> dict[str, Any]:
    try:
        manifest: dict[str, Any] = json.loads((folder / "manifest.json").read_text("utf-8"))
    except FileNotFoundError:
        raise InputError(f"{folder}: no manifest.json; not a beleidsdata backup") from None
    except ValueError as exc:
        raise InputError(f"{folder}/manifest.json: not JSON ({exc})") from None
    if manifest.get("format") != FORMAT:
        raise InputError(f"{folder}: not a beleidsdata backup")
    if manifest.get("version") != FORMAT_VERSION:
        raise InputError(f"{folder}: backup format {manifest.get('version')} is not supported")
    return manifest


def _as_exported(table: Table, manifest: dict[str, Any], folder: Path) -> Table:
    """The table with the columns the backup holds: a backup made before a column was
    added restores with that column empty (a page stored whole has no composition)."""
    columns = tuple(manifest.get("tables", {}).get(table.name, table.columns))
    unknown = sorted(set(columns) - set(table.columns))
    if unknown:
        raise InputError(
            f"{folder}: {table.name} has columns this beleidsdata does not know: "
            + ", ".join(unknown)
        )
    return Table(table.name, columns, table.key, tuple(b for b in table.blobs if b in columns))


def import_store(
    store: Store,
    folder: Path,
    rebuild_index: Callable[[Store], int],
    progress: Progress | None = None,
) -> dict[str, int]:
    """Restore a backup into a new, empty store (same base IRI and page size)."""
    say = progress or (lambda _m: None)
    manifest = read_manifest(folder)
    if store.base_iri != manifest["base_iri"] or store.page_size != manifest["page_size"]:
        raise StoreError(
            "the target store must be created with the backup's base IRI and page size"
        )
    if store.last_seq() or store.count_sources():
        raise StoreError(f"{store.db.location}: not empty; import into a new store")
    counts: dict[str, int] = {}
    with store.writing(wait=60):
        store.db.execute("DELETE FROM meta")
        for current in TABLES:
            table = _as_exported(current, manifest, folder)
            name = f"{table.name}.jsonl.gz"
            digest = hashlib.sha256()
            cols = ", ".join(table.columns)
            marks = ", ".join("?" * len(table.columns))
            sql = f"INSERT INTO {table.name}({cols}) VALUES ({marks})"
            batch: list[tuple[Any, ...]] = []
            n = 0
            with gzip.open(folder / name, "rt", encoding="utf-8") as src:
                for line in src:
                    digest.update(line.encode())
                    batch.append(_decode(table, json.loads(line)))
                    n += 1
                    if len(batch) >= BATCH:
                        store.db.executemany(sql, batch)
                        batch = []
            if batch:
                store.db.executemany(sql, batch)
            if digest.hexdigest() != manifest["sha256"][name]:
                raise InputError(f"{folder}/{name}: checksum mismatch; the backup is damaged")
            counts[table.name] = n
            say(f"{table.name}: {n} rows")
        counts["index"] = rebuild_index(store)
    return counts
