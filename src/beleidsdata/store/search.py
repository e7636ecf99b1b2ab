"""The one full-text search engine: the site's search page and the collections' ``q`` both
ask it, so a word the site finds the API finds too.

Behind this small interface is the backend's text index (:mod:`.fulltext`: SQLite FTS5 or
PostgreSQL ``tsvector``; callers never see which). Each entity's title and text are
indexed as written, accent- and case-insensitively, plus the Dutch stems of their words
(:mod:`.words`). A query
matches when every word occurs, as a prefix of a written word or by its stem, in the
title or the text: "artificiele" finds "Artificiële", "investering" finds
"investeringen", "5G" finds "5G-netwerk".

Results carry what a reader needs to choose: kind, date, amount, realisation status and
a snippet with the matched words marked (:data:`MARK_START`/:data:`MARK_END`, for the
page to turn into ``<mark>`` after escaping). Facets count the matches by kind, year,
realisation status and amount range, each counted with the other facets' filters applied.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .database import Database
from .fulltext import engine, query_words
from .words import fold, stem

_WORD = re.compile(r"\w+")

MARK_START, MARK_END = "\ue000", "\ue001"  # private-use characters: never in a text

# Amount ranges (euro): key → (lowest, below); the facet a reader filters amounts by.
AMOUNT_RANGES: dict[str, tuple[float, float | None]] = {
    "tot-1m": (0, 1_000_000),
    "1m-5m": (1_000_000, 5_000_000),
    "5m-10m": (5_000_000, 10_000_000),
    "vanaf-10m": (10_000_000, None),
}
FACETS = ("kind", "year", "status", "amount")


def fts_schema(kind: str) -> str:
    """The DDL of the text index of a backend."""
    return engine(kind).schema


def put_text(conn: Database, path: str, title: str, text: str, stemmed: str) -> None:
    """Index (or re-index) the title and text of one entity."""
    engine(conn.kind).put(conn, path, title, text, stemmed)


def delete_text(conn: Database, path: str) -> None:
    engine(conn.kind).delete(conn, path)


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


def text_condition(conn: Database, query: str, column: str = "e.path") -> tuple[str, list[object]]:
    """A WHERE condition (and its arguments) keeping the entities that match ``query``."""
    found = query_words(query)
    if not found:
        return "1 = 0", []
    match = engine(conn.kind).match(found, column)
    return match.subquery, list(match.args)


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
    asked = query_words(q.text)
    if q.text.strip() and not asked:
        return SearchResults(0, [], {f: [] for f in FACETS})
    source = "entity_index e"
    base: list[str] = []
    base_args: list[object] = []
    columns, order, order_args = "'', ''", "e.kind, e.path", []
    if asked:
        match = engine(conn.kind).match(asked, "e.path")
        source = match.source
        base.append(match.condition)
        base_args += match.args
        columns, order, order_args = "f.title, f.text", match.order, list(match.order_args)
    where, args = _filters(q)
    condition = " AND ".join(base + where) or "1 = 1"
    all_args = base_args + args
    rows = conn.query(
        f"SELECT e.path, e.kind, e.title, e.date, e.amount, e.status, {columns} "
        f"FROM {source} WHERE {condition} ORDER BY {order} LIMIT ? OFFSET ?",
        [*all_args, *order_args, q.limit, q.offset],
    )
    counted = conn.one(f"SELECT count(*) FROM {source} WHERE {condition}", all_args)
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
        cond = " AND ".join([*base, *where]) or "1 = 1"
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
    "MARK_END",
    "MARK_START",
    "Hit",
    "SearchQuery",
    "SearchResults",
    "delete_text",
    "fts_schema",
    "put_text",
    "search",
    "snippet",
    "text_condition",
]
