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

import base64
import binascii
import contextlib
import json
from collections.abc import Sequence
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
from .search import FTS_SCHEMA, delete_text, put_text, text_condition
from .words import clean_text, stems

INDEX_SCHEMA = (
    """
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
    amount   REAL                      -- the largest euro amount it names (see above)
);
CREATE INDEX IF NOT EXISTS entity_index_path ON entity_index(kind, path);
CREATE INDEX IF NOT EXISTS entity_index_date ON entity_index(kind, date, path);
CREATE INDEX IF NOT EXISTS entity_index_subject ON entity_index(subject);
CREATE TABLE IF NOT EXISTS entity_amounts (
    path  TEXT NOT NULL,
    value REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS entity_amounts_path ON entity_amounts(path, value);
CREATE TABLE IF NOT EXISTS citations (
    entity TEXT NOT NULL,
    cited  TEXT NOT NULL,
    PRIMARY KEY (entity, cited)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS citations_cited ON citations(cited, entity);
"""
    + FTS_SCHEMA
)
LAYOUT = "2"  # entity_index with status and amount; entity_fts with stems
INDEX_TABLES = ("entity_index", "entity_amounts", "citations", "entity_fts")

_CITING = (DCT.references, ELI.refers_to, ELI.cites)
_TEXTS = (DCT.description, PROV.value, RDF.value, BD.conclusie, ELI.title)
_SOORT = (ELI.type_subdivision, ELI.work_type, DCT.type)
_ITEM_TYPES = {iri: name for name, iri in AGENDA_ITEM_TYPES.items()}


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
    if conn.kind != "sqlite" or getattr(conn, "readonly", False):
        return False
    row = conn.one("SELECT value FROM meta WHERE key = 'index_layout'")
    if row is not None and row[0] == LAYOUT:
        return False
    from ..mapping.terms import parse_ntriples

    with conn.transaction(wait=60):
        for table in INDEX_TABLES:
            conn.execute(f"DROP TABLE IF EXISTS {table}")
        conn.script(INDEX_SCHEMA)
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


# Reading: one page of a collection.


@dataclass(frozen=True)
class Filters:
    """Validated filters of a collection request (see api/collection_query.py for the names)."""

    date_from: str | None = None
    date_to: str | None = None
    q: str | None = None
    itemtype: str | None = None
    soort: str | None = None
    rdf_type: str | None = None
    cited_by: str | None = None
    section: str | None = None
    amount_min: Decimal | None = None
    amount_max: Decimal | None = None


@dataclass(frozen=True)
class Row:
    """One member of a collection page, with the fields a client lists it by."""

    path: str
    types: tuple[str, ...]
    date: str
    title: str | None
    soort: str | None = None
    itemtype: str | None = None
    status: str | None = None
    amount: float | None = None
    amounts: tuple[float, ...] = ()


@dataclass(frozen=True)
class Page:
    rows: list[Row]
    total: int
    first_key: tuple[str, ...] | None  # cursor of the first row, for "previous"
    last_key: tuple[str, ...] | None  # cursor of the last row, for "next"
    has_previous: bool
    has_next: bool


# Sort orders: name → key columns (SQL) and whether they run descending.
SORTS: dict[str, tuple[tuple[str, ...], bool]] = {
    "pad": (("e.path",), False),
    "datum": (("e.date", "e.path"), False),
    "-datum": (("e.date", "e.path"), True),
    "bedrag": (("coalesce(e.amount, -1)", "e.path"), False),
    "-bedrag": (("coalesce(e.amount, -1)", "e.path"), True),
}


def _where(kind: str, f: Filters) -> tuple[str, list[object]]:
    sql = ["e.kind = ?"]
    args: list[object] = [kind]
    if f.date_from:
        sql.append("e.date >= ?")
        args.append(f.date_from)
    if f.date_to:
        sql.append("e.date <> '' AND e.date <= ?")
        args.append(f.date_to)
    if f.itemtype:
        sql.append("e.itemtype = ?")
        args.append(f.itemtype)
    if f.soort:
        sql.append("e.soort = ?")
        args.append(f.soort)
    if f.rdf_type:
        sql.append("e.types LIKE ?")
        args.append(f"% {f.rdf_type} %")
    if f.q:
        condition, more = text_condition(f.q)
        sql.append(condition)
        args += more
    if f.cited_by:
        sql.append("e.path IN (SELECT cited FROM citations WHERE entity = ?)")
        args.append(f.cited_by)
    if f.section:
        exact = "/" in f.section
        sql.append(
            "e.path IN (SELECT c.cited FROM citations c JOIN entity_index s "
            f"ON s.path = c.entity WHERE s.subject {'=' if exact else 'LIKE'} ?)"
        )
        args.append(f.section if exact else "%/sectie/" + f.section.replace("%", ""))
    if f.amount_min is not None or f.amount_max is not None:
        cond = ["a.path = e.path"]
        if f.amount_min is not None:
            cond.append("a.value >= ?")
            args.append(float(f.amount_min))
        if f.amount_max is not None:
            cond.append("a.value <= ?")
            args.append(float(f.amount_max))
        sql.append(f"EXISTS (SELECT 1 FROM entity_amounts a WHERE {' AND '.join(cond)})")
    return " AND ".join(sql), args


def encode_cursor(key: Sequence[str]) -> str:
    return base64.urlsafe_b64encode(json.dumps(list(key)).encode()).decode().rstrip("=")


def decode_cursor(token: str, width: int) -> tuple[str, ...] | None:
    """The key a cursor stands for, or None when it is not one of ours."""
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        key = json.loads(raw)
    except (binascii.Error, ValueError, UnicodeDecodeError):
        return None
    if not (isinstance(key, list) and len(key) == width and all(isinstance(k, str) for k in key)):
        return None
    return tuple(key)


def _cursor_args(sort: str, key: tuple[str, ...]) -> list[object]:
    """A cursor's values as SQL arguments (an amount key compares as a number)."""
    if sort in ("bedrag", "-bedrag"):
        try:
            return [float(key[0]), key[1]]
        except ValueError:
            return [-1.0, key[1]]
    return list(key)


def _amounts(conn: Database, paths: list[str]) -> dict[str, tuple[float, ...]]:
    """Every amount each of these entities names, smallest first."""
    out: dict[str, list[float]] = {}
    if paths:
        found = conn.query(
            "SELECT path, value FROM entity_amounts WHERE path IN "
            f"({', '.join('?' * len(paths))}) ORDER BY path, value",
            paths,
        )
        for path, value in found:
            out.setdefault(path, []).append(float(value))
    return {path: tuple(values) for path, values in out.items()}


def query_page(
    conn: Database,
    kind: str,
    filters: Filters,
    *,
    sort: str = "pad",
    after: tuple[str, ...] | None = None,
    before: tuple[str, ...] | None = None,
    last: bool = False,
    limit: int = 20,
) -> Page:
    """One page in keyset order; ``sort`` is a key of :data:`SORTS`."""
    where, args = _where(kind, filters)
    columns, descending = SORTS[sort]
    key_sql = "(" + ", ".join(columns) + ")"
    asc, desc = ("DESC", "ASC") if descending else ("ASC", "DESC")
    backwards = before is not None or last
    cond, cargs = where, list(args)
    marks = ", ".join("?" * len(columns))
    if after is not None:
        cond += f" AND {key_sql} {'<' if descending else '>'} ({marks})"
        cargs += _cursor_args(sort, after)
    if before is not None:
        cond += f" AND {key_sql} {'>' if descending else '<'} ({marks})"
        cargs += _cursor_args(sort, before)
    order = ", ".join(f"{c} {desc if backwards else asc}" for c in columns)
    rows = conn.query(
        "SELECT e.path, e.types, e.date, e.title, e.soort, e.itemtype, e.status, e.amount "
        f"FROM entity_index e WHERE {cond} ORDER BY {order} LIMIT ?",
        [*cargs, limit + 1],
    )
    more = len(rows) > limit
    rows = rows[:limit]
    if backwards:
        rows.reverse()
    counted = conn.one(f"SELECT count(*) FROM entity_index e WHERE {where}", args)
    total = int(counted[0]) if counted else 0
    amounts = _amounts(conn, [r[0] for r in rows])
    out = [
        Row(
            path=r[0],
            types=tuple(r[1].split()),
            date=r[2],
            title=r[3],
            soort=r[4],
            itemtype=r[5],
            status=r[6],
            amount=float(r[7]) if r[7] is not None else None,
            amounts=amounts.get(r[0], ()),
        )
        for r in rows
    ]

    def key(row: Row) -> tuple[str, ...]:
        if sort == "pad":
            return (row.path,)
        if sort in ("bedrag", "-bedrag"):
            return (repr(row.amount if row.amount is not None else -1.0), row.path)
        return (row.date, row.path)

    if backwards:
        has_previous, has_next = more, bool(out) and not last
    else:
        has_previous, has_next = after is not None and bool(out), more
    return Page(
        rows=out,
        total=total,
        first_key=key(out[0]) if out else None,
        last_key=key(out[-1]) if out else None,
        has_previous=has_previous,
        has_next=has_next,
    )
