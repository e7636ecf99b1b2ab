"""Facts: the little that one document's mapping needs to know from another.

Almost everything a document says maps on its own. A few things need a neighbour: an
export of an evaluation that quotes no agreement section judges the section its sibling
export quotes; a bare reference ("(2020-07-17)", no title) gets its title from the
sibling's reference with the same number; a communication that names an agreement section
by its title links to the section an evaluation or the agreement text numbers.

A mapper states such facts in ``collect`` (pure, from its own record) and asks for them
while mapping through a :class:`FactLookup`, which records every key it asked. Incremental
ingest stores both, so when a document arrives that provides a fact another one asked for,
exactly those documents are mapped again, and the result never depends on the order in
which documents arrived.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

# A fact's value: plain JSON, so the store can keep it as text.
JSON = str | int | float | bool | None | Sequence["JSON"] | Mapping[str, "JSON"]

FactKey = tuple[str, str]  # (topic, key): ("rapport", content key), ("sectietitel", title)


@dataclass(frozen=True)
class Fact:
    """One statement a document offers to the mapping of other documents."""

    topic: str
    key: str
    value: JSON

    @property
    def ref(self) -> FactKey:
        return (self.topic, self.key)

    def encoded(self) -> str:
        """The value as canonical JSON (what the store keeps and compares)."""
        return json.dumps(self.value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


class FactSource(Protocol):
    """Where facts come from: the documents of one run, or the store's fact index."""

    def facts(self, topic: str, key: str) -> list[tuple[str, JSON]]:
        """(source IRI, value) of every document that states this fact, by source IRI."""
        ...


class FactLookup:
    """The view one document's mapping has of the facts of *other* documents.

    It remembers what was asked, found or not: a fact that is missing today may arrive
    with the next document, and then this document must be mapped again.
    """

    def __init__(self, source: FactSource, asking: str) -> None:
        self._source = source
        self._asking = asking
        self.used: set[FactKey] = set()

    def get(self, topic: str, key: str) -> list[JSON]:
        """Values other documents state for ``(topic, key)``, in a stable order."""
        self.used.add((topic, key))
        return [value for iri, value in self._source.facts(topic, key) if iri != self._asking]


class FactIndex:
    """The facts of a set of documents held in memory (one conversion run)."""

    def __init__(self) -> None:
        self._by_key: dict[FactKey, list[tuple[str, JSON]]] = {}

    def add(self, source: str, facts: Iterable[Fact]) -> None:
        for fact in facts:
            self._by_key.setdefault(fact.ref, []).append((source, fact.value))

    def facts(self, topic: str, key: str) -> list[tuple[str, JSON]]:
        return sorted(self._by_key.get((topic, key), []), key=lambda item: item[0])
