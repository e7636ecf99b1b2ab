"""Mapping pieces every document kind shares: works, their numbered parts, provenance.

One mechanism for every kind: a document is an ``eli:Work`` (or ``eli:LegalResource``)
and everything numbered inside it is a subdivision with ``eli:number`` (kept as written,
"2.3.5"), ``eli:type_subdivision`` from our concept scheme, ``schema:position`` for order,
``eli:is_part_of``/``eli:has_part`` both ways, ``dct:title`` and the text as ``prov:value``.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..sources.base import SourceText, Span
from . import terms
from .graph import GraphBuilder
from .namespaces import DCT, ELI, PROV, SCHEMA
from .terms import IRI
from .uris import concept

# Concept schemes published in vocab/concepten.ttl.
DOCUMENT_KINDS = "documentsoort"
PART_KINDS = "onderdeelsoort"
STATUS = "realisatiestatus"


@dataclass(frozen=True)
class Origin:
    """Where the things being mapped were read: the source text, for provenance."""

    source: SourceText

    def attach(self, out: GraphBuilder, iri: str, span: Span | None) -> None:
        out.derived_from(iri, self.source, span)


def work(
    out: GraphBuilder,
    origin: Origin,
    iri: IRI,
    classes: tuple[str, ...],
    document_kind: str,
    title: str | None,
    span: Span | None,
    description: str | None = None,
) -> IRI:
    """A whole document as an ELI work of the given document kind."""
    out.add_types(iri, *classes)
    out.add(iri, ELI.work_type, concept(DOCUMENT_KINDS, document_kind))
    if title:
        out.add(iri, DCT.title, terms.text(title))
    if description:
        out.add(iri, DCT.description, terms.text(description))
    origin.attach(out, iri, span)
    return iri


def part(
    out: GraphBuilder,
    origin: Origin,
    iri: IRI,
    parent: IRI,
    part_kind: str,
    *,
    number: str | None,
    title: str | None,
    text: str | None,
    position: int,
    span: Span | None,
    legal: bool = False,
) -> IRI:
    """A numbered (or ordered) part of a work, linked to its parent both ways."""
    cls = ELI.LegalResourceSubdivision if legal else ELI.WorkSubdivision
    out.add_types(iri, cls)
    out.add(iri, ELI.type_subdivision, concept(PART_KINDS, part_kind))
    out.add(iri, ELI.is_part_of, parent)
    out.add(parent, ELI.has_part, iri)
    out.add(iri, SCHEMA.position, terms.integer(position))
    if number:
        out.add(iri, ELI.number, terms.string(number))
    if title:
        out.add(iri, DCT.title, terms.text(title))
    if text:
        out.add(iri, PROV.value, terms.text(text))
    origin.attach(out, iri, span)
    return iri
