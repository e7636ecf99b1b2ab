"""The search index behind the collections (``/doc/{kind}``): one row per entity.

Filled at ingest, in the same transaction as the entity, from the entity's triples (never
on a request path). Collections are answered from these tables alone: a page is an index
range scan with keyset pagination on (sort key, path), so page 1 and page 5,000 cost the
same; text search uses SQLite FTS5.

    entity_index(iri, path, kind, types, date, title, soort, itemtype, subject,
                 status, amount)
    entity_amounts(path, value)      every euro amount a decision names
    citations(entity, cited)         dct:references / eli:refers_to / eli:cites, as paths
    entity_fts                       the full-text index (store/search.py)

``amount`` is the one amount an entity counts for in sums and ranges: the largest it
names (a summary may also name a yearly budget or an earlier tranche that the decision
is part of, so sums count each decision once, at most at this amount). The layout of
these tables is versioned (:data:`LAYOUT`); a store with an older layout has them rebuilt
from its stored descriptions when it is opened (:func:`ensure_layout`).
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from ..mapping.decisions import AGENDA_ITEM_TYPES
from ..mapping.graph import EntityDescription
from ..mapping.namespaces import (
    BD,
    BESLUIT,
    DCT,
    DOSSIER,
    ELI,
    PROV,
    RDF,
    SCHEMA,
    SKOS,
)
from ..mapping.terms import IRI, Literal
from .database import Database
from .schema import ddl
from .search import delete_text, fts_schema, put_text
from .words import clean_text, stems

INDEX_SCHEMA = """
CREATE TABLE IF NOT EXISTS entity_index (
    iri      TEXT PRIMARY KEY,
    path     TEXT NOT NULL UNIQUE,
    kind     TEXT NOT NULL,
    types    TEXT NOT NULL,            -- ' Agendapunt Work ' (class names, space-delimited)
    date     TEXT NOT NULL DEFAULT '', -- decision date or document date, '' when none
    title    TEXT,
    soort    TEXT,                     -- code of eli:work_type / eli:type_subdivision / dct:type
    itemtype TEXT,                     -- 'nota' | 'mededeling' for decisions
    subject  TEXT,                     -- path of dct:subject (the section an evaluation judges)
    status   TEXT,                     -- code of bd:realisatiestatus (evaluations, findings)
    amount   {real}                    -- the largest euro amount it names (see above)
);
CREATE INDEX IF NOT EXISTS entity_index_path ON entity_index(kind, path);
CREATE INDEX IF NOT EXISTS entity_index_date ON entity_index(kind, date, path);
CREATE INDEX IF NOT EXISTS entity_index_subject ON entity_index(subject);
CREATE TABLE IF NOT EXISTS entity_amounts (
    path  TEXT NOT NULL,
    value {real} NOT NULL
);
CREATE INDEX IF NOT EXISTS entity_amounts_path ON entity_amounts(path, value);
CREATE TABLE IF NOT EXISTS citations (
    entity TEXT NOT NULL,
    cited  TEXT NOT NULL,
    PRIMARY KEY (entity, cited)
) {without_rowid};
CREATE INDEX IF NOT EXISTS citations_cited ON citations(cited, entity);
"""
LAYOUT = "3"  # SQLite: entity_fts rows keyed by the hash of their path (fulltext.text_row)
INDEX_TABLES = ("entity_index", "entity_amounts", "citations", "entity_fts")


def index_schema(kind: str) -> str:
    """The DDL of the index tables on a backend ("sqlite" or "postgresql")."""
    extra = {"without_rowid": "WITHOUT ROWID" if kind == "sqlite" else ""}
    return ddl(INDEX_SCHEMA + fts_schema(kind), kind, **extra)


_CITING = (DCT.references, ELI.refers_to, ELI.cites)
_TEXTS = (DCT.description, PROV.value, RDF.value, BD.conclusie, ELI.title)
_SOORT = (ELI.type_subdivision, ELI.work_type, DCT.type)
_ITEM_TYPES = {iri: name for name, iri in AGENDA_ITEM_TYPES.items()}
ITEM_TYPE_NAMES = tuple(AGENDA_ITEM_TYPES)  # nota, mededeling: ?agendapunttype=


@dataclass
class IndexEntry:
    """What the collections filter and sort on, for one entity."""

    types: tuple[str, ...]
    date: str = ""
    title: str | None = None
    text: str = ""
    soort: str | None = None
    itemtype: str | None = None
    subject: str | None = None
    amounts: tuple[Decimal, ...] = ()
    cites: tuple[str, ...] = field(default_factory=tuple)
    status: str | None = None

    @property
    def amount(self) -> Decimal | None:
        """The amount this entity counts for: the largest it names (module docstring)."""
        return max(self.amounts) if self.amounts else None


def _code(value: str) -> str:
    return value.rstrip("/").rsplit("/", 1)[-1]


def index_entry(entity: EntityDescription, id_root: str) -> IndexEntry:
    """The index row of an entity, read from its triples (``id_root``: ``{base}/id/``)."""
    from ..formats.context import CLASSES  # formats precede store in the flow

    names = {iri: name for name, iri in CLASSES.items()}

    def path(iri: str) -> str | None:
        return iri[len(id_root) :].split("#", 1)[0] if iri.startswith(id_root) else None

    root = entity.iri
    date = ""
    texts: list[str] = []
    cites: set[str] = set()
    amounts: set[Decimal] = set()
    for s, p, o in entity.triples:
        if isinstance(o, Literal) and (
            p == DOSSIER["Activiteit.startdatum"]
            or (p == ELI.date_document and s == root and not date)
        ):
            date = o.lexical
        elif p in _TEXTS and isinstance(o, Literal):
            texts.append(o.lexical)
        elif p in _CITING and isinstance(o, IRI):
            target = path(o)
            if target and target != entity.path:
                cites.add(target)
        elif p == SCHEMA.value and isinstance(o, Literal):
            with contextlib.suppress(InvalidOperation):
                amounts.add(Decimal(o.lexical))
    soort = None
    for predicate in _SOORT:
        codes = sorted(v for v in entity.values(predicate) if isinstance(v, IRI))
        if codes:
            soort = _code(codes[0])
            break
    item = [_ITEM_TYPES[v] for v in entity.values(BESLUIT["Agendapunt.type"]) if v in _ITEM_TYPES]
    subjects = sorted(
        found for v in entity.values(DCT.subject) if isinstance(v, IRI) and (found := path(v))
    )
    statuses = sorted(_code(v) for v in entity.values(BD.realisatiestatus) if isinstance(v, IRI))
    title = None
    for predicate in (DCT.title, SKOS.prefLabel, ELI.title):
        labels = [v for v in entity.values(predicate) if isinstance(v, Literal)]
        if labels:
            title = sorted(labels, key=lambda v: (v.lang != "nl", v.lexical))[0].lexical
            break
    return IndexEntry(
        types=tuple(sorted(names.get(t, t) for t in entity.types)),
        date=date,
        title=title,
        text="\n".join(sorted(set(texts))),
        soort=soort,
        itemtype=item[0] if item else None,
        subject=subjects[0] if subjects else None,
        amounts=tuple(sorted(amounts)),
        cites=tuple(sorted(cites)),
        status=statuses[0] if statuses else None,
    )


def write_index(conn: Database, iri: str, path: str, kind: str, entry: IndexEntry) -> None:
    """Replace the index rows of one entity (inside the caller's transaction)."""
    delete_index(conn, iri)
    amount = entry.amount
    conn.execute(
        "INSERT INTO entity_index(iri, path, kind, types, date, title, soort, itemtype, "
        "subject, status, amount) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            iri,
            path,
            kind,
            " " + " ".join(entry.types) + " ",
            entry.date,
            entry.title,
            entry.soort,
            entry.itemtype,
            entry.subject,
            entry.status,
            float(amount) if amount is not None else None,
        ),
    )
    conn.executemany(
        "INSERT INTO entity_amounts(path, value) VALUES (?, ?)",
        [(path, float(a)) for a in entry.amounts],
    )
    conn.executemany(
        "INSERT INTO citations(entity, cited) VALUES (?, ?) ON CONFLICT DO NOTHING",
        [(path, c) for c in entry.cites],
    )
    title, text = clean_text(entry.title or ""), clean_text(entry.text)
    put_text(conn, path, title, text, stems(title + "\n" + text))


def delete_index(conn: Database, iri: str) -> None:
    row = conn.one("SELECT path FROM entity_index WHERE iri = ?", (iri,))
    if row is None:
        return
    path = row[0]
    conn.execute("DELETE FROM entity_index WHERE iri = ?", (iri,))
    conn.execute("DELETE FROM entity_amounts WHERE path = ?", (path,))
    conn.execute("DELETE FROM citations WHERE entity = ?", (path,))
    delete_text(conn, path)


def ensure_layout(conn: Database, id_root: str) -> bool:
    """Rebuild the index tables when the store has an older layout (they are derived from
    the stored N-Triples of every current entity). True when they were rebuilt."""
    if getattr(conn, "readonly", False):
        return False
    row = conn.one("SELECT value FROM meta WHERE key = 'index_layout'")
    if row is not None and row[0] == LAYOUT:
        return False
    from ..mapping.terms import parse_ntriples

    with conn.transaction(wait=60):
        for table in INDEX_TABLES:
            conn.execute(f"DROP TABLE IF EXISTS {table}")
        conn.script(index_schema(conn.kind))
        rows = conn.query(
            "SELECT e.iri, e.path, e.kind, d.body FROM entities e JOIN documents d "
            "ON d.path = '/doc/' || e.path AND d.format = 'nt' WHERE e.hash IS NOT NULL"
        )
        for iri, path, kind, body in rows:
            text = bytes(body).decode() if not isinstance(body, str) else body
            entity = EntityDescription.build(iri, path, parse_ntriples(text))
            write_index(conn, iri, path, kind, index_entry(entity, id_root))
        conn.execute(
            "INSERT INTO meta(key, value) VALUES ('index_layout', ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (LAYOUT,),
        )
    return True
