"""The store's schema and its versioned migrations, the same for every backend.

A store knows itself: the ``meta`` table holds ``store = beleidsdata``, the base IRI and the
page size, and ``schema_migrations`` every migration applied. A database that has tables
but not ours is refused and left untouched; an older store is refused until
``beleidsdata db upgrade`` migrates it in place (idempotent: a current store is left as it
is). Version 1 is the schema of the first release (one column per format).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..errors import NotAStore, SchemaOutdated, StoreError
from .database import Database

CURRENT = 3
MARKER = "beleidsdata"

# Column types per backend: the only DDL difference between them.
_TYPES = {
    "sqlite": {"blob": "BLOB", "int": "INTEGER", "real": "REAL"},
    "postgresql": {"blob": "BYTEA", "int": "BIGINT", "real": "DOUBLE PRECISION"},
}

CORE = """
CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS schema_migrations (
    version    {int} PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
);
-- Source documents: what every re-mapping reads. name is the file name it was published as.
CREATE TABLE IF NOT EXISTS sources (
    iri         TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL,
    sha256      TEXT NOT NULL,
    text        TEXT NOT NULL,
    partial     {int} NOT NULL DEFAULT 0,
    ingested_at TEXT NOT NULL,
    publisher   TEXT
);
-- What each source says about each entity (N-Triples): entities are combined from these.
CREATE TABLE IF NOT EXISTS contributions (
    source  TEXT NOT NULL,
    entity  TEXT NOT NULL,
    main    {int} NOT NULL,
    body    TEXT NOT NULL,
    PRIMARY KEY (source, entity)
);
CREATE INDEX IF NOT EXISTS contributions_entity ON contributions(entity, main, source);
-- Facts a source offers to the mapping of others, and the facts each source asked for.
CREATE TABLE IF NOT EXISTS facts (
    source TEXT NOT NULL,
    topic  TEXT NOT NULL,
    key    TEXT NOT NULL,
    value  TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS facts_key ON facts(topic, key);
CREATE INDEX IF NOT EXISTS facts_source ON facts(source);
CREATE TABLE IF NOT EXISTS fact_uses (
    source TEXT NOT NULL,
    topic  TEXT NOT NULL,
    key    TEXT NOT NULL,
    PRIMARY KEY (source, topic, key)
);
CREATE INDEX IF NOT EXISTS fact_uses_key ON fact_uses(topic, key);
-- The current state of every entity ever published (hash NULL once deleted).
CREATE TABLE IF NOT EXISTS entities (
    iri        TEXT PRIMARY KEY,
    path       TEXT NOT NULL UNIQUE,
    kind       TEXT NOT NULL,
    hash       TEXT,
    version    {int} NOT NULL,
    updated_at TEXT NOT NULL,
    title      TEXT,
    types      TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX IF NOT EXISTS entities_kind ON entities(kind, path);
-- Every representation served as stored bytes: entity documents, event-stream pages and
-- roots, the catalogue, first pages of collections. A GET is one lookup here. A page's
-- body is its head and composition says which members' fragments follow (records.py).
CREATE TABLE IF NOT EXISTS documents (
    path        TEXT NOT NULL,
    format      TEXT NOT NULL,
    body        {blob} NOT NULL,
    etag        TEXT NOT NULL,
    immutable   {int} NOT NULL DEFAULT 0,
    updated_at  TEXT NOT NULL,
    composition TEXT,
    PRIMARY KEY (path, format)
);
-- The event log: every member, in order, and its pieces of a page per format.
CREATE TABLE IF NOT EXISTS members (
    seq       {int} PRIMARY KEY,
    iri       TEXT NOT NULL UNIQUE,
    entity    TEXT NOT NULL,
    kind      TEXT NOT NULL,
    version   {int} NOT NULL,
    event     TEXT NOT NULL CHECK (event IN ('create', 'update', 'delete')),
    time      TEXT NOT NULL,
    hash      TEXT NOT NULL,
    publisher TEXT
);
CREATE INDEX IF NOT EXISTS members_entity ON members(entity, version);
CREATE INDEX IF NOT EXISTS members_kind ON members(kind, seq);
CREATE TABLE IF NOT EXISTS member_fragments (
    seq    {int} NOT NULL,
    format TEXT NOT NULL,
    body   {blob} NOT NULL,
    PRIMARY KEY (seq, format)
);
-- A member's position in each view it belongs to (one view per kind of entity).
CREATE TABLE IF NOT EXISTS view_members (
    view     TEXT NOT NULL,
    position {int} NOT NULL,
    seq      {int} NOT NULL,
    PRIMARY KEY (view, position)
);
CREATE TABLE IF NOT EXISTS views (
    view    TEXT PRIMARY KEY,
    members {int} NOT NULL
);
-- Links between current entities, for the pages (what cites a resource).
CREATE TABLE IF NOT EXISTS entity_links (
    source    TEXT NOT NULL,
    target    TEXT NOT NULL,
    predicate TEXT NOT NULL,
    PRIMARY KEY (source, target, predicate)
);
CREATE INDEX IF NOT EXISTS entity_links_target ON entity_links(target);
-- The current-state dump: one row per generation built, its bytes in parts (gzip members
-- concatenate), served by streaming the parts of the newest complete generation.
CREATE TABLE IF NOT EXISTS dumps (
    name       TEXT NOT NULL,
    generation {int} NOT NULL,
    size       {int} NOT NULL,
    sha256     TEXT NOT NULL,
    modified   TEXT NOT NULL,
    parts      {int} NOT NULL,
    PRIMARY KEY (name, generation)
);
CREATE TABLE IF NOT EXISTS dump_parts (
    name       TEXT NOT NULL,
    generation {int} NOT NULL,
    part       {int} NOT NULL,
    body       {blob} NOT NULL,
    PRIMARY KEY (name, generation, part)
);
-- Publishing tokens (only a hash) and every write, for the operator.
CREATE TABLE IF NOT EXISTS tokens (
    name       TEXT PRIMARY KEY,
    key_id     TEXT NOT NULL UNIQUE,
    hash       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    revoked_at TEXT
);
CREATE TABLE IF NOT EXISTS writes (
    id        {int} PRIMARY KEY,
    time      TEXT NOT NULL,
    actor     TEXT NOT NULL,
    action    TEXT NOT NULL,
    sources   TEXT NOT NULL,
    first_seq {int},
    last_seq  {int},
    summary   TEXT NOT NULL
);
"""


def ddl(template: str, kind: str, **extra: str) -> str:
    """A DDL template for one backend. On PostgreSQL text compares byte-wise (``COLLATE
    "C"``) whatever the database's locale, so every order by path or date is the same as on
    SQLite and URLs, pages and cursors do not depend on the backend."""
    text = template.format(**_TYPES[kind], **extra)
    if kind == "postgresql":
        text = re.sub(r"\bTEXT\b", 'TEXT COLLATE "C"', text)
    return text


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    apply: Callable[[Database], None]


def _v2(db: Database) -> None:
    """From the first release: bodies move from one column per format to one row per
    format; the member log, version numbers and times are kept; closed pages are kept as
    stored documents. The stored sources are mapped again by ``db upgrade`` afterwards
    (``needs_remap``), which fills the contribution and fact indexes."""
    from .upgrade_v1 import migrate_v1

    migrate_v1(db)


def _v3(db: Database) -> None:
    """Pages are joined from the members' fragments when read, so a member's bytes are
    stored once instead of once per view and format. Pages stored whole before stay as they
    are (no composition) and are served unchanged, with their ETags. Contributions are
    indexed by entity, whether they come from a primary source, and source."""
    if "composition" not in db.columns("documents"):
        db.execute(ddl("ALTER TABLE documents ADD COLUMN composition TEXT", db.kind))
    # An entity's base (mapping/combine.py) is found without reading every contribution.
    db.execute("DROP INDEX IF EXISTS contributions_entity")
    db.execute("CREATE INDEX contributions_entity ON contributions(entity, main, source)")


MIGRATIONS: tuple[Migration, ...] = (
    Migration(2, "one row per format; contributions", _v2),
    Migration(3, "pages joined from member fragments; contributions indexed by entity", _v3),
)


def version_of(db: Database) -> int | None:
    """The schema version of a beleidsdata store; None for an empty database.

    Raises :class:`NotAStore` for a database that holds other tables.
    """
    tables = db.tables()
    if not tables:
        return None
    if "meta" not in tables:
        names = ", ".join(sorted(tables)[:5])
        raise NotAStore(
            f"{db.location}: not a beleidsdata store (it has other tables: {names}); "
            "it was left untouched. Give --db a new file or an existing beleidsdata store."
        )
    if "schema_migrations" in tables:
        row = db.one("SELECT max(version) FROM schema_migrations")
        if row and row[0] is not None:
            return int(row[0])
    row = db.one("SELECT value FROM meta WHERE key = 'schema_version'")
    if row is None and db.one("SELECT value FROM meta WHERE key = 'base_iri'") is None:
        raise NotAStore(f"{db.location}: not a beleidsdata store (no base IRI); left untouched")
    return int(row[0]) if row else 1


def check(db: Database) -> None:
    """Refuse an outdated or newer store with the command that fixes it."""
    version = version_of(db)
    if version is None or version == CURRENT:
        return
    if version > CURRENT:
        raise StoreError(
            f"{db.location}: store schema {version} is newer than this beleidsdata "
            f"(schema {CURRENT}); upgrade beleidsdata"
        )
    raise SchemaOutdated(
        f"{db.location}: store schema {version} is older than this beleidsdata (schema "
        f"{CURRENT}); upgrade it in place with: beleidsdata db upgrade --db {db.location}"
    )


def create(db: Database, now: str) -> None:
    """A new store at the current schema."""
    db.script(ddl(CORE, db.kind))
    db.executemany(
        "INSERT INTO schema_migrations(version, name, applied_at) VALUES (?, ?, ?) "
        "ON CONFLICT (version) DO NOTHING",
        [(1, "first release", now), *((m.version, m.name, now) for m in MIGRATIONS)],
    )


def upgrade(db: Database, now: str) -> list[str]:
    """Apply every migration the store lacks; returns their names (none when current)."""
    version = version_of(db)
    if version is None:
        return []
    done = []
    for migration in MIGRATIONS:
        if migration.version <= version:
            continue
        with db.transaction(wait=60):
            migration.apply(db)
            db.execute(
                "INSERT INTO schema_migrations(version, name, applied_at) VALUES (?, ?, ?) "
                "ON CONFLICT (version) DO NOTHING",
                (migration.version, migration.name, now),
            )
        done.append(f"{migration.version}: {migration.name}")
    return done
