"""The mapping side of a document kind: records in, this document's triples out.

A mapper works in two explicit steps, so documents can be mapped one at a time and
still agree with each other:

1. ``collect(doc)``: the facts this document offers to the mapping of others (pure, from
   its own record; most kinds offer none);
2. ``map_document(doc, facts, out)``: its triples, asking other documents' facts through
   ``facts`` when it needs them.

:func:`map_one` runs step 2 for one document in a builder of its own and returns its
contribution per entity, plus which facts it asked for.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Generic, Protocol, TypeVar

from ..sources.base import Note, ParsedDocument
from . import terms
from .facts import Fact, FactKey, FactLookup, FactSource
from .graph import GraphBuilder
from .namespaces import BD
from .terms import IRI, Triple
from .uris import Minter

R = TypeVar("R")
R_contra = TypeVar("R_contra", contravariant=True)


class Mapper(Protocol[R_contra]):
    """Maps the records of one document kind to RDF."""

    def collect(self, doc: ParsedDocument[R_contra], minter: Minter) -> list[Fact]:
        """Facts this document offers to the mapping of other documents."""
        ...

    def map_document(
        self, doc: ParsedDocument[R_contra], facts: FactLookup, out: GraphBuilder
    ) -> None:
        """Add this document's triples to ``out``."""
        ...


@dataclass(frozen=True)
class SelfContained(Generic[R]):
    """A mapper for a kind whose documents need nothing from other documents."""

    map: Callable[[ParsedDocument[R], GraphBuilder], object]

    def collect(self, doc: ParsedDocument[R], minter: Minter) -> list[Fact]:
        return []

    def map_document(self, doc: ParsedDocument[R], facts: FactLookup, out: GraphBuilder) -> None:
        self.map(doc, out)


@dataclass(frozen=True)
class Mapped:
    """One document, mapped: what it says about each entity, and what it offered and
    asked of other documents."""

    source: str  # the source document's IRI
    kind: str
    entities: dict[str, frozenset[Triple]]
    facts: tuple[Fact, ...] = ()
    uses: frozenset[FactKey] = field(default_factory=frozenset)
    notes: tuple[Note, ...] = ()  # the parser's notes, then the mapper's


def map_one(mapper: Mapper[R], doc: ParsedDocument[R], facts: FactSource, minter: Minter) -> Mapped:
    """Map one document in a builder of its own (the source document described too).

    A document read as partial marks every entity it contributes ``bd:onvolledig true``:
    what it says of them may stop short of what the whole text would say.
    """
    out = GraphBuilder(minter)
    source_iri = out.describe_source(doc.source, doc.kind)
    lookup = FactLookup(facts, source_iri)
    mapper.map_document(doc, lookup, out)
    entities = out.contribution()
    if doc.partial:
        flag = terms.boolean(True)
        entities = {
            iri: triples | {(IRI(iri), IRI(BD.onvolledig), flag)}
            for iri, triples in entities.items()
        }
    return Mapped(
        source=source_iri,
        kind=doc.kind,
        entities=entities,
        facts=tuple(mapper.collect(doc, minter)),
        uses=frozenset(lookup.used),
        notes=doc.notes + tuple(out.notes),
    )
