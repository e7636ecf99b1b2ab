"""Collecting one document's triples and cutting them into entity descriptions.

An *entity* is a thing with an ``/id/`` IRI of its own; its *description* is every triple
whose subject is the entity or one of its ``#fragment`` nodes. Descriptions are the unit
the store diffs, validates, versions and serialises: one description, one LDES member.

Each document is mapped into a builder of its own; what it says about each entity is its
*contribution*, and an entity several documents speak of is combined from theirs
(:mod:`.combine`), so a document can be mapped again without touching the others.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..sources.base import Note, SourceText, Span
from . import provenance, terms
from .namespaces import BD, DCT, OA, PROV, RDF, SPDX, XSD
from .terms import IRI, Literal, Term, Triple
from .uris import Minter, concept, fragment


@dataclass(frozen=True)
class EntityDescription:
    """One entity and the nodes under its IRI, in canonical (sorted) order."""

    iri: str
    path: str
    kind: str
    triples: tuple[Triple, ...]
    ntriples: str = field(repr=False)
    content_hash: str

    @classmethod
    def build(cls, iri: str, path: str, triples: Iterable[Triple]) -> EntityDescription:
        ordered = tuple(sorted(set(triples), key=terms.nt_line))
        nt = "".join(terms.nt_line(t) + "\n" for t in ordered)
        return cls(
            iri=iri,
            path=path,
            kind=Minter.kind_of_path(path),
            triples=ordered,
            ntriples=nt,
            content_hash=hashlib.sha256(nt.encode()).hexdigest(),
        )

    @property
    def types(self) -> tuple[str, ...]:
        return tuple(sorted(str(o) for s, p, o in self.triples if s == self.iri and p == RDF.type))

    def values(self, predicate: str, subject: str | None = None) -> list[Term]:
        subject = subject or self.iri
        return [o for s, p, o in self.triples if s == subject and p == predicate]


class GraphBuilder:
    """Accumulates the triples of one document and cuts them into entities."""

    def __init__(self, minter: Minter) -> None:
        self.minter = minter
        self._triples: set[Triple] = set()
        # (resource, source IRI) → the lines it was read from, widened when a resource
        # is stated several times from one document (a parent implied by each child).
        self._spans: dict[tuple[str, IRI], Span] = {}
        self._sources: dict[IRI, SourceText] = {}
        self.notes: list[Note] = []  # what the mapping tells the reader (see Note)

    def __len__(self) -> int:
        return len(self._triples)

    def note(self, line: int | None, message: str) -> None:
        """Tell the reader something about this document (a skipped or unidentified part)."""
        self.notes.append(Note(line, message))

    def add(self, subject: str, predicate: str, obj: Term | str | None) -> None:
        """Add one triple; ``None`` objects and empty strings are skipped, plain ``str``
        objects are IRIs (literals must be built with the helpers in :mod:`terms`)."""
        if obj is None:
            return
        if isinstance(obj, Literal):
            if not obj.lexical.strip():
                return
        elif not isinstance(obj, IRI):
            obj = IRI(obj)
        self._triples.add((IRI(subject), IRI(predicate), obj))

    def add_types(self, subject: str, *classes: str) -> None:
        for cls in classes:
            self.add(subject, RDF.type, IRI(cls))

    def add_many(self, subject: str, predicate: str, objects: Iterable[Term | str]) -> None:
        for obj in objects:
            self.add(subject, predicate, obj)

    def triples(self) -> frozenset[Triple]:
        return frozenset(self._triples | self._derivations())

    def derived_from(self, subject: str, source: SourceText, span: Span | None) -> None:
        """Record where a resource was read: the source document and the line range.

        The qualified derivation sits under the resource's own IRI and is named after the
        source, so a resource read from two documents carries two traceable records.
        """
        source_iri = self.minter.source(source.stem)
        self._sources[source_iri] = source
        self.add(subject, PROV.wasDerivedFrom, source_iri)
        if span is None or "#" in subject:
            return
        key = (subject, source_iri)
        known = self._spans.get(key)
        self._spans[key] = span if known is None else known.union(span)

    def _derivations(self) -> set[Triple]:
        """Each resource's qualified derivation: the source, and the passage it was read
        from as a W3C Web Annotation selector (:mod:`.provenance`), never line numbers."""
        out: set[Triple] = set()
        for (subject, source_iri), span in self._spans.items():
            source = self._sources[source_iri]
            node = fragment(subject, f"herkomst-{source_iri.rsplit('/', 1)[-1]}")
            out.add((IRI(subject), IRI(PROV.qualifiedDerivation), node))
            out.add((node, IRI(RDF.type), IRI(PROV.Derivation)))
            out.add((node, IRI(RDF.type), IRI(OA.ResourceSelection)))
            out.add((node, IRI(PROV.entity), source_iri))
            out.add((node, IRI(OA.hasSource), source_iri))
            selector = provenance.select(source, span)
            if selector is not None:
                out.update(_selector_triples(node, selector))
        return out

    def describe_source(self, source: SourceText, kind: str) -> IRI:
        """The source document itself: a resource with its file name and content hash."""
        iri = self.minter.source(source.stem)
        checksum = fragment(iri, "sha256")
        self.add_types(iri, PROV.Entity, BD.Bron)
        self.add(iri, DCT.title, terms.string(source.name.rsplit("/", 1)[-1]))
        self.add(iri, DCT.type, concept("documentsoort", kind))
        self.add(iri, SPDX.checksum, checksum)
        self.add_types(checksum, SPDX.Checksum)
        self.add(checksum, SPDX.algorithm, IRI(SPDX.checksumAlgorithm_sha256))
        self.add(checksum, SPDX.checksumValue, Literal(source.sha256, XSD.hexBinary))
        return iri

    def contribution(self) -> dict[str, frozenset[Triple]]:
        """Every triple grouped under the entity its subject belongs to: what this
        document says about each entity (its own, and shared ones such as a decision)."""
        grouped: dict[str, set[Triple]] = defaultdict(set)
        for triple in self._triples | self._derivations():
            owner = terms.entity_of(triple[0])
            if not self.minter.is_ours(owner):
                raise ValueError(f"triple about {triple[0]}, which is not one of our IRIs")
            grouped[owner].add(triple)
        return {iri: frozenset(triples) for iri, triples in sorted(grouped.items())}


def _quote_triples(node: IRI, quote: provenance.Quote) -> list[Triple]:
    out: list[Triple] = [
        (node, IRI(RDF.type), IRI(OA.TextQuoteSelector)),
        (node, IRI(OA.exact), terms.string(quote.exact)),
    ]
    if quote.prefix is not None:
        out.append((node, IRI(OA["prefix"]), terms.string(quote.prefix)))
    if quote.suffix is not None:
        out.append((node, IRI(OA.suffix), terms.string(quote.suffix)))
    return out


def _selector_triples(derivation: IRI, selector: provenance.Selector) -> list[Triple]:
    """``derivation oa:hasSelector`` a text quote, or a range of two quotes."""
    node = IRI(derivation + "-selectie")
    out: list[Triple] = [(derivation, IRI(OA.hasSelector), node)]
    if selector.quote is not None:
        return out + _quote_triples(node, selector.quote)
    assert selector.start is not None and selector.end is not None
    start, end = IRI(derivation + "-begin"), IRI(derivation + "-einde")
    out += [
        (node, IRI(RDF.type), IRI(OA.RangeSelector)),
        (node, IRI(OA.hasStartSelector), start),
        (node, IRI(OA.hasEndSelector), end),
    ]
    return out + _quote_triples(start, selector.start) + _quote_triples(end, selector.end)
