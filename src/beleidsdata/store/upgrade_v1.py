"""Migration from schema 1 (the first release) to schema 2, in place.

Schema 1 kept one column per format on ``entities`` and ``members`` and closed pages in a
``pages`` table per page size. Everything a replica has seen is kept: member IRIs,
version numbers, times and fragments (schema 1 had no named-graph fragments, so its
N-Quads and TriG fragments are its N-Triples and Turtle, as it served them), and every
closed page's bytes and ETag for the page size the store served first. The contribution
and fact indexes did not exist; ``beleidsdata db upgrade`` fills them by mapping the
stored sources again (``needs_remap``).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import PurePath

from .database import Database
from .schema import CORE, ddl

_OLD = ("sources", "entities", "members", "pages")


def _etag(body: bytes) -> str:
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def migrate_v1(db: Database) -> None:
    for table in _OLD:
        db.execute(f"ALTER TABLE {table} RENAME TO {table}_v1")
    for index in ("entities_kind", "members_kind"):
        db.execute(f"DROP INDEX IF EXISTS {index}")
    db.script(ddl(CORE, db.kind))
    for iri, name, kind, sha, text, at in db.query(
        "SELECT iri, name, kind, sha256, text, ingested_at FROM sources_v1"
    ):
        db.execute(
            "INSERT INTO sources(iri, name, kind, sha256, text, partial, ingested_at) "
            "VALUES (?, ?, ?, ?, ?, 0, ?)",
            (iri, PurePath(name).name, kind, sha, text, at),
        )
    columns = {r[1] for r in db.query("PRAGMA table_info(entities_v1)")}
    formats = [f for f in ("nt", "ttl", "jsonld", "rdf") if f in columns]
    rows = db.query(
        "SELECT iri, path, kind, hash, version, updated_at, title, types, "
        + ", ".join(formats)
        + " FROM entities_v1"
    )
    for row in rows:
        iri, path, kind, hash_, version, updated, title, types = row[:8]
        db.execute(
            "INSERT INTO entities(iri, path, kind, hash, version, updated_at, title, types) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (iri, path, kind, hash_, version, updated, title, types),
        )
        for fmt, body in zip(formats, row[8:], strict=True):
            if body is not None and hash_ is not None:
                db.execute(
                    "INSERT INTO documents(path, format, body, etag, immutable, updated_at) "
                    "VALUES (?, ?, ?, ?, 0, ?)",
                    (f"/doc/{path}", fmt, bytes(body), _etag(bytes(body)), updated),
                )
    for seq, iri, entity, kind, event, time, hash_, nt, ttl, jsonld in db.query(
        "SELECT seq, iri, entity, kind, event, time, hash, nt, ttl, jsonld FROM members_v1"
    ):
        version = int(iri.rsplit("/versie/", 1)[1])
        db.execute(
            "INSERT INTO members(seq, iri, entity, kind, version, event, time, hash) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (seq, iri, entity, kind, version, event, time, hash_),
        )
        pieces = {"nt": nt, "nq": nt, "ttl": ttl, "trig": ttl, "jsonld": jsonld}
        db.executemany(
            "INSERT INTO member_fragments(seq, format, body) VALUES (?, ?, ?)",
            [(seq, fmt, bytes(body)) for fmt, body in pieces.items()],
        )
    sizes_row = db.one("SELECT value FROM meta WHERE key = 'ldes_page_sizes'")
    size = sorted(json.loads(sizes_row[0]))[0] if sizes_row else 250
    aliases = {"nt": ("nt", "nq"), "ttl": ("ttl", "trig"), "jsonld": ("jsonld",)}
    for view, number, fmt, etag, body in db.query(
        "SELECT view, number, format, etag, body FROM pages_v1 WHERE size = ?", (size,)
    ):
        path = f"/ldes/pagina/{number}" if view == "tijd" else f"/ldes/{view}/pagina/{number}"
        for key in aliases.get(fmt, ()):
            db.execute(
                "INSERT INTO documents(path, format, body, etag, immutable, updated_at) "
                "VALUES (?, ?, ?, ?, 1, '') ON CONFLICT (path, format) DO NOTHING",
                (path, key, bytes(body), etag),
            )
    for table in _OLD:
        db.execute(f"DROP TABLE {table}_v1")
    db.executemany(
        "INSERT INTO meta(key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [("store", "beleidsdata"), ("page_size", str(size)), ("needs_remap", "1")],
    )
    db.execute("DELETE FROM meta WHERE key IN ('schema_version', 'ldes_page_sizes')")
