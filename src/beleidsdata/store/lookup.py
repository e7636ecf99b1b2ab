"""Links between entities, title search and the collection index."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from .common import Tables
from .index import IndexEntry, delete_index, write_index
from .index_query import Filters, Page, query_page
from .search import SearchQuery, SearchResults, search


class LookupTables(Tables):
    """Read paths that are not the stream: links, titles and filtered collections."""

    # ------------------------------------------------------------------ links, search, index

    def write_links(self, iri: str, links: Iterable[tuple[str, str]]) -> None:
        self.replace_links([(iri, links)])

    def replace_links(self, items: Sequence[tuple[str, Iterable[tuple[str, str]]]]) -> None:
        """:meth:`write_links` for many entities: (iri, [(target, predicate)])."""
        self.db.executemany("DELETE FROM entity_links WHERE source = ?", [(i,) for i, _ in items])
        self.db.executemany(
            "INSERT INTO entity_links(source, target, predicate) VALUES (?, ?, ?) "
            "ON CONFLICT DO NOTHING",
            [(iri, target, predicate) for iri, links in items for target, predicate in links],
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
