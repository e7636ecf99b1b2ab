"""Conversion without a store: texts in, entity descriptions out (``beleidsdata convert``).

Documents given together are mapped together (:mod:`beleidsdata.kinds.convert`), so a
decision cited by two reports comes out once, carrying what both say of it. The same
texts always give the same IRIs and the same bytes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import rdflib

from .. import kinds
from ..kinds.convert import combine_all, map_batch
from ..mapping.graph import EntityDescription
from ..mapping.provenance import derivations, resolve
from ..mapping.terms import Triple, to_ntriples
from ..mapping.uris import DEFAULT_BASE, Minter
from ..sources.base import Note, ParsedDocument, SourceText
from ..validation.inputs import parse_rdf, rdf_format
from .reading import read_source


@dataclass
class Conversion:
    documents: list[ParsedDocument[Any]]
    entities: dict[str, EntityDescription]
    minter: Minter
    notes: list[tuple[str, Note]] = field(default_factory=list)  # (file name, note)

    def warnings(self) -> list[str]:
        """Each note as ``FILE:LINE: message``, in document order."""
        return [note.where(name) for name, note in self.notes]

    def triples(self) -> list[Triple]:
        return [t for e in self.entities.values() for t in e.triples]


def parse_all(
    texts: Sequence[SourceText], kind: str | None = None, *, partial: bool = False
) -> list[ParsedDocument[Any]]:
    """Every text read as its kind; bad input fails here, before anything is touched.
    ``partial`` accepts texts that stop short, marking what is read from them."""
    return [kinds.parse(text, kind, partial=partial) for text in texts]


def convert(
    texts: Sequence[SourceText],
    base_iri: str,
    kind: str | None = None,
    *,
    partial: bool = False,
) -> Conversion:
    """Parse and map documents together, so shared resources come out once."""
    minter = Minter(base_iri)
    documents = parse_all(texts, kind, partial=partial)
    mapped = map_batch(documents, minter)
    notes = [
        (Path(doc.source.name).name, note)
        for doc, one in zip(documents, mapped, strict=True)
        for note in one.notes
    ]
    entities = combine_all(mapped, minter)
    return Conversion(documents=documents, entities=entities, minter=minter, notes=notes)


@dataclass(frozen=True)
class Excerpt:
    """Lines of a source document that a resource was read from."""

    name: str
    start: int
    end: int
    lines: list[str]


def explain(conversion: Conversion, iri: str) -> list[Excerpt]:
    """The source lines behind a resource (an IRI, or a path such as ``beslissing/…``),
    found by resolving its provenance selectors in the texts. KeyError when unknown."""
    if not iri.startswith(("http://", "https://")):
        iri = conversion.minter.iri_of(iri.removeprefix("/").removeprefix("id/"))
    entity = conversion.entities.get(iri.split("#", 1)[0])
    if entity is None:
        raise KeyError(iri)
    texts: dict[str, SourceText] = {
        conversion.minter.source(d.source.stem): d.source for d in conversion.documents
    }
    out = []
    for source, selector in derivations(entity.triples, iri):
        text = texts.get(source)
        if text is None or selector is None:
            continue
        span = resolve(text.text, selector)
        if span is not None:
            name = Path(text.name).name
            out.append(
                Excerpt(name, span.start, span.end, list(text.lines[span.start - 1 : span.end]))
            )
    return sorted(out, key=lambda e: (e.name, e.start))


def locate_in(conversion: Conversion, iri: str) -> str | None:
    """``file:first-last`` of where a resource was read, for messages."""
    excerpts = explain(conversion, iri) if iri.split("#", 1)[0] in conversion.entities else []
    if not excerpts:
        return None
    e = excerpts[0]
    return f"{e.name}:{e.start}" + (f"-{e.end}" if e.end != e.start else "")


def validation_graph(
    paths: Sequence[Path],
    kind: str | None = None,
    base_iri: str = DEFAULT_BASE,
    source_texts: dict[str, list[str]] | None = None,
) -> rdflib.Graph:
    """One graph of every input to validate: RDF files parsed as they are, source
    documents converted (together, as ``convert`` does). ``source_texts``, when given, is
    filled with source IRI → lines of each converted document (for reports that quote
    the lines a result came from)."""
    graph = rdflib.Graph()
    texts = []
    for path in paths:
        fmt = rdf_format(path)
        if fmt is None:
            texts.append(read_source(path))
        else:
            parse_rdf(graph, path, fmt)
    if texts:
        triples, lines = convert_to_validate(texts, base_iri, kind)
        graph.parse(data=to_ntriples(triples), format="nt")
        if source_texts is not None:
            source_texts.update(lines)
    return graph


def convert_to_validate(
    texts: Sequence[SourceText], base_iri: str, kind: str | None = None
) -> tuple[list[Triple], dict[str, list[str]]]:
    """Source documents converted (together) for validation: their triples, and source IRI
    → lines of each document, so that a report can quote the lines a result is about."""
    conversion = convert(texts, base_iri, kind)
    lines: dict[str, list[str]] = {
        conversion.minter.source(doc.source.stem): list(doc.source.lines)
        for doc in conversion.documents
    }
    return conversion.triples(), lines
