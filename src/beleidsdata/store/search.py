"""The one full-text search engine: the site's search page and the collections' ``q`` both
ask it, so a word the site finds the API finds too.

Behind this small interface is SQLite FTS5 (every SQL statement about text is in this
module; a PostgreSQL backend replaces this module, not its callers). Each entity's title
and text are indexed as written, accent- and case-insensitively (``unicode61
remove_diacritics 2``), plus the Dutch stems of their words (:mod:`.words`). A query
matches when every word occurs, as a prefix of a written word or by its stem, in the
title or the text: "artificiele" finds "Artificiële", "investering" finds
"investeringen", "5G" finds "5G-netwerk".

Results carry what a reader needs to choose: kind, date, amount, realisation status and
a snippet with the matched words marked (:data:`MARK_START`/:data:`MARK_END`, for the
page to turn into ``<mark>`` after escaping). Facets count the matches by kind, year,
realisation status and amount range, each counted with the other facets' filters applied.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from .database import Database
from .words import fold, stem, words

_WORD = re.compile(r"\w+")

FTS_SCHEMA = """
CREATE VIRTUAL TABLE IF NOT EXISTS entity_fts USING fts5(
    path UNINDEXED, title, text, stems, tokenize = 'unicode61 remove_diacritics 2');
"""
MARK_START, MARK_END = "\ue000", "\ue001"  # private-use characters: never in a text
MAX_WORDS = 12

# Amount ranges (euro): key → (lowest, below); the facet a reader filters amounts by.
AMOUNT_RANGES: dict[str, tuple[float, float | None]] = {
    "tot-1m": (0, 1_000_000),
    "1m-5m": (1_000_000, 5_000_000),
    "5m-10m": (5_000_000, 10_000_000),
    "vanaf-10m": (10_000_000, None),
}
FACETS = ("kind", "year", "status", "amount")


def text_row(path: str) -> int:
    """The row of ``path``'s text: a 63-bit number from the path's hash. FTS5 cannot index
    the path it keeps, so deleting by path reads the whole index (the cost of an ingest
    then grew with the store); by row it is one lookup. Two paths sharing a row would need
    a 64-bit hash collision."""
    digest = hashlib.blake2b(path.encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") >> 1


def put_text(conn: Database, path: str, title: str, text: str, stemmed: str) -> None:
    """Index (or re-index) the title and text of one entity."""
    delete_text(conn, path)
    conn.execute(
        "INSERT INTO entity_fts(rowid, path, title, text, stems) VALUES (?, ?, ?, ?, ?)",
        (text_row(path), path, title, text, stemmed),
    )


def delete_text(conn: Database, path: str) -> None:
    conn.execute("DELETE FROM entity_fts WHERE rowid = ?", (text_row(path),))


def _matches(word: str, asked: list[str]) -> bool:
    folded = fold(word)
    return any(folded.startswith(a) or stem(folded) == stem(a) for a in asked)


def snippet(text: str, asked: list[str], size: int = 28) -> str:
    """The passage of ``size`` words of ``text`` with the most words matching the query
    (as the index matches them: by prefix or by stem), those words marked; "" when no
    word matches."""
    tokens = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    hits = [i for i, (a, b) in enumerate(tokens) if _matches(text[a:b], asked)]
    if not hits:
        return ""
    best = max(hits, key=lambda i: (sum(1 for h in hits if i <= h < i + size), -i))
    first = max(0, min(best - 3, len(tokens) - size))
    last = min(len(tokens), first + size) - 1
    out = ["…" if first > 0 else ""]
    position = tokens[first][0]
    for i in range(first, last + 1):
        a, b = tokens[i]
        out.append(text[position:a])
        out.append(MARK_START + text[a:b] + MARK_END if i in hits else text[a:b])
        position = b
    out.append("…" if last < len(tokens) - 1 else text[position:])
    return " ".join("".join(out).split())


def match_expression(query: str) -> str | None:
    """An FTS5 expression for a free-text query: every word, as a prefix of a written
    word or by its stem; None when the query has no word. Words are quoted, so no input
    can be read as FTS syntax."""
    found = words(query)[:MAX_WORDS]
    if not found:
        return None
    return " AND ".join(f'("{w}"* OR stems : "{stem(w)}")' for w in found)


def text_condition(query: str, column: str = "e.path") -> tuple[str, list[object]]:
    """A WHERE condition (and its argument) keeping the entities that match ``query``."""
    expression = match_expression(query)
    if expression is None:
        return "0", []
    return f"{column} IN (SELECT path FROM entity_fts WHERE entity_fts MATCH ?)", [expression]


@dataclass(frozen=True)
class SearchQuery:
    """What a reader asks: words, and facet values to narrow the results by."""

    text: str = ""
    kind: str | None = None
    year: str | None = None
    status: str | None = None
    amount: str | None = None  # a key of AMOUNT_RANGES
    limit: int = 20
    offset: int = 0


@dataclass(frozen=True)
class Hit:
    path: str
    kind: str
    title: str | None
    date: str
    amount: float | None
    status: str | None
    snippet: str  # with MARK_START/MARK_END around matched words; "" without a query


@dataclass(frozen=True)
class SearchResults:
    total: int
    hits: list[Hit]
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)


def _filters(q: SearchQuery, skip: str | None = None) -> tuple[list[str], list[object]]:
    sql: list[str] = []
    args: list[object] = []
    if q.kind and skip != "kind":
        sql.append("e.kind = ?")
        args.append(q.kind)
    if q.year and skip != "year":
        sql.append("substr(e.date, 1, 4) = ?")
        args.append(q.year)
    if q.status and skip != "status":
        sql.append("e.status = ?")
        args.append(q.status)
    if q.amount in AMOUNT_RANGES and skip != "amount":
        low, below = AMOUNT_RANGES[q.amount]
        sql.append("e.amount >= ?")
        args.append(low)
        if below is not None:
            sql.append("e.amount < ?")
            args.append(below)
    return sql, args


_FACET_VALUE = {
    "kind": "e.kind",
    "year": "substr(e.date, 1, 4)",
    "status": "e.status",
    "amount": "CASE "
    + " ".join(
        f"WHEN e.amount >= {low} " + (f"AND e.amount < {below} " if below else "") + f"THEN '{k}'"
        for k, (low, below) in AMOUNT_RANGES.items()
    )
    + " END",
}


def search(conn: Database, q: SearchQuery) -> SearchResults:
    """One page of results, best first (by title before text), with the facet counts."""
    expression = match_expression(q.text) if q.text.strip() else None
    if q.text.strip() and expression is None:
        return SearchResults(0, [], {f: [] for f in FACETS})
    source = "entity_index e"
    base: list[str] = []
    base_args: list[object] = []
    if expression is not None:
        source = "entity_fts f JOIN entity_index e ON e.path = f.path"
        base.append("entity_fts MATCH ?")
        base_args.append(expression)
    where, args = _filters(q)
    condition = " AND ".join(base + where) or "1"
    all_args = base_args + args
    if expression is not None:
        columns, order = "f.title, f.text", "bm25(entity_fts, 0.0, 8.0, 1.0, 1.0), e.path"
    else:
        columns, order = "'', ''", "e.kind, e.path"
    rows = conn.query(
        f"SELECT e.path, e.kind, e.title, e.date, e.amount, e.status, {columns} "
        f"FROM {source} WHERE {condition} ORDER BY {order} LIMIT ? OFFSET ?",
        [*all_args, q.limit, q.offset],
    )
    counted = conn.one(f"SELECT count(*) FROM {source} WHERE {condition}", all_args)
    asked = words(q.text)[:MAX_WORDS]
    hits = [
        Hit(
            path=r[0],
            kind=r[1],
            title=r[2],
            date=r[3] or "",
            amount=float(r[4]) if r[4] is not None else None,
            status=r[5],
            snippet=snippet(r[7] or "", asked) or snippet(r[6] or "", asked) if asked else "",
        )
        for r in rows
    ]
    facets: dict[str, list[tuple[str, int]]] = {}
    for name in FACETS:
        where, args = _filters(q, skip=name)
        cond = " AND ".join([*base, *where]) or "1"
        value = _FACET_VALUE[name]
        found = conn.query(
            f"SELECT {value} AS v, count(*) FROM {source} WHERE {cond} AND {value} IS NOT NULL "
            f"AND {value} <> '' GROUP BY v ORDER BY v",
            [*base_args, *args],
        )
        facets[name] = [(str(v), int(n)) for v, n in found]
    return SearchResults(int(counted[0]) if counted else 0, hits, facets)


__all__ = [
    "AMOUNT_RANGES",
    "FACETS",
    "FTS_SCHEMA",
    "MARK_END",
    "MARK_START",
    "Hit",
    "SearchQuery",
    "SearchResults",
    "delete_text",
    "match_expression",
    "put_text",
    "search",
    "snippet",
    "text_condition",
]
