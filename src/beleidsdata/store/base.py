"""What every store backend offers: an append-only event log plus the current state.

The interface is small on purpose (SQLite now, PostgreSQL for scale-out later): the store
never builds RDF and never parses text. It keeps bytes that were serialised at ingest and
hands them back, so a read is a lookup plus a write.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Protocol

FORMATS = ("nt", "ttl", "jsonld")


@dataclass(frozen=True)
class EntityState:
    """The current description of one entity, ready to serve."""

    iri: str
    path: str
    kind: str
    content_hash: str
    version: int
    updated_at: str
    title: str | None
    types: tuple[str, ...]
    bodies: dict[str, bytes] = field(repr=False)


@dataclass(frozen=True)
class Member:
    """One event of the stream: a version of an entity (create, update or delete)."""

    seq: int
    iri: str
    entity: str
    kind: str
    event: str  # "create" | "update" | "delete"
    time: str
    content_hash: str
    bodies: dict[str, bytes] = field(repr=False)


@dataclass(frozen=True)
class SourceRecord:
    iri: str
    name: str
    kind: str
    sha256: str
    text: str = field(repr=False)


@dataclass
class EntityWrite:
    iri: str
    path: str
    kind: str
    content_hash: str
    title: str | None
    types: tuple[str, ...]
    bodies: dict[str, bytes]
    # The collections' index row (store.index.IndexEntry), written in the same transaction.
    index: object | None = None


@dataclass
class MemberWrite:
    iri: str
    entity: str
    kind: str
    event: str
    content_hash: str
    bodies: dict[str, bytes]


@dataclass
class PageWrite:
    """A closed event-stream page, serialised once, in every stored format."""

    view: str
    size: int
    number: int
    bodies: dict[str, bytes]


@dataclass
class ChangeSet:
    """Everything one ingest run changes, applied in one transaction or not at all."""

    time: str
    upserts: list[EntityWrite] = field(default_factory=list)
    deletes: list[str] = field(default_factory=list)
    members: list[MemberWrite] = field(default_factory=list)
    sources: list[SourceRecord] = field(default_factory=list)
    removed_sources: list[str] = field(default_factory=list)
    # entity IRI → (target entity IRI, predicate IRI) for each upserted entity: the links the
    # site shows both ways (what a resource cites, what cites it), replaced on every upsert.
    links: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    # Called inside the transaction with the members just written; returns the event-stream
    # pages those members closed, stored in the same transaction.
    close_pages: Callable[[list[Member]], list[PageWrite]] | None = None

    @property
    def empty(self) -> bool:
        return not (
            self.upserts or self.deletes or self.members or self.sources or self.removed_sources
        )


class Store(Protocol):
    base_iri: str

    def entity(self, path: str) -> EntityState | None: ...
    def entity_versions(self) -> dict[str, tuple[str | None, int]]: ...
    def entities(
        self, kind: str | None = None, offset: int = 0, limit: int = 100
    ) -> list[EntityState]: ...
    def count_entities(self, kind: str | None = None) -> int: ...
    def kinds(self) -> dict[str, int]: ...
    def sources(self) -> list[SourceRecord]: ...
    def source(self, iri: str) -> SourceRecord | None: ...
    def apply(self, changes: ChangeSet) -> list[Member]: ...
    def members(
        self, after_seq: int = 0, limit: int = 250, kind: str | None = None
    ) -> list[Member]: ...
    def count_members(self, kind: str | None = None) -> int: ...
    def last_seq(self) -> int: ...
    def iter_members(self, batch: int = 1000) -> Iterator[Member]: ...
    def close(self) -> None: ...
