"""The full-text index per backend: SQLite FTS5, PostgreSQL ``tsvector`` with a GIN index.

Both index the same things, computed here in Python so the backends cannot disagree: an
entity's title and text as written (folded: lower case, no accents) and the Dutch stems of
their words (:mod:`.words`). A query matches when every word occurs as a prefix of a
written word or by its stem; both rank title matches above text matches (FTS5's bm25,
PostgreSQL's ``ts_rank`` with the title weighted 8 to 1). Only the SQL differs, and all of
it is in this module; :mod:`.search` asks :func:`engine` for the one its database speaks.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from .database import Database
from .words import stem, words

MAX_WORDS = 12
# PostgreSQL refuses lexemes of 2 KiB and more; no real word is that long.
_MAX_LEXEME = 500


@dataclass(frozen=True)
class Match:
    """A query as SQL: what to join, the condition, and the order by relevance."""

    source: str  # FROM clause joining the text index (alias f) to entity_index (alias e)
    condition: str
    args: list[object]
    order: str
    order_args: list[object]
    subquery: str  # "path IN (…)" form for collection filters, with ``args``


def text_row(path: str) -> int:
    """The FTS5 row of ``path``'s text: a 63-bit number from the path's hash. FTS5 cannot
    index the path it keeps, so deleting by path reads the whole index (the cost of an
    ingest then grew with the store); by row it is one lookup. Two paths sharing a row
    would need a 64-bit hash collision. (PostgreSQL keys its rows by path.)"""
    digest = hashlib.blake2b(path.encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") >> 1


class SQLiteText:
    schema = """
CREATE VIRTUAL TABLE IF NOT EXISTS entity_fts USING fts5(
    path UNINDEXED, title, text, stems, tokenize = 'unicode61 remove_diacritics 2');
"""

    def put(self, conn: Database, path: str, title: str, text: str, stemmed: str) -> None:
        self.delete(conn, path)
        conn.execute(
            "INSERT INTO entity_fts(rowid, path, title, text, stems) VALUES (?, ?, ?, ?, ?)",
            (text_row(path), path, title, text, stemmed),
        )

    def delete(self, conn: Database, path: str) -> None:
        conn.execute("DELETE FROM entity_fts WHERE rowid = ?", (text_row(path),))

    def match(self, found: list[str], column: str) -> Match:
        # Words are quoted, so no input can be read as FTS syntax.
        expression = " AND ".join(f'("{w}"* OR stems : "{stem(w)}")' for w in found)
        return Match(
            source="entity_fts f JOIN entity_index e ON e.path = f.path",
            condition="entity_fts MATCH ?",
            args=[expression],
            order="bm25(entity_fts, 0.0, 8.0, 1.0, 1.0), e.path",
            order_args=[],
            subquery=f"{column} IN (SELECT path FROM entity_fts WHERE entity_fts MATCH ?)",
        )


class PostgresText:
    schema = """
CREATE TABLE IF NOT EXISTS entity_fts (
    path  TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    text  TEXT NOT NULL,
    stems TEXT NOT NULL,
    doc   TSVECTOR NOT NULL
);
CREATE INDEX IF NOT EXISTS entity_fts_doc ON entity_fts USING GIN (doc);
"""

    @staticmethod
    def _lexemes(text: str) -> list[str]:
        return sorted({w for w in words(text) if len(w) <= _MAX_LEXEME})

    def put(self, conn: Database, path: str, title: str, text: str, stemmed: str) -> None:
        # Weights: A the title, B the text, C the stems (ts_rank weighs them in match()).
        conn.execute(
            "INSERT INTO entity_fts(path, title, text, stems, doc) VALUES (?, ?, ?, ?, "
            "setweight(array_to_tsvector(?::text[]), 'A') || "
            "setweight(array_to_tsvector(?::text[]), 'B') || "
            "setweight(array_to_tsvector(?::text[]), 'C')) "
            "ON CONFLICT (path) DO UPDATE SET title = excluded.title, text = excluded.text, "
            "stems = excluded.stems, doc = excluded.doc",
            (
                path,
                title,
                text,
                stemmed,
                self._lexemes(title),
                self._lexemes(text),
                sorted({s for s in stemmed.split() if len(s) <= _MAX_LEXEME}),
            ),
        )

    def delete(self, conn: Database, path: str) -> None:
        conn.execute("DELETE FROM entity_fts WHERE path = ?", (path,))

    def match(self, found: list[str], column: str) -> Match:
        # Folded \w+ words hold no quote or operator, so quoting them is enough.
        query = " & ".join(f"('{w}':* | '{stem(w)}':C)" for w in found)
        return Match(
            source="entity_fts f JOIN entity_index e ON e.path = f.path",
            condition="f.doc @@ ?::tsquery",
            args=[query],
            order="ts_rank('{0, 0.125, 0.125, 1}', f.doc, ?::tsquery) DESC, e.path",
            order_args=[query],
            subquery=f"{column} IN (SELECT path FROM entity_fts WHERE doc @@ ?::tsquery)",
        )


Engine = SQLiteText | PostgresText


def engine(kind: str) -> Engine:
    """The text index of a backend ("sqlite" or "postgresql")."""
    return PostgresText() if kind == "postgresql" else SQLiteText()


def query_words(query: str) -> list[str]:
    """The words of a query that count (at most :data:`MAX_WORDS`)."""
    return words(query)[:MAX_WORDS]


__all__ = [
    "MAX_WORDS",
    "Engine",
    "Match",
    "PostgresText",
    "SQLiteText",
    "engine",
    "query_words",
    "text_row",
]
