"""The source lines a result is about, read from the data's own provenance.

A steward fixes a source document, not a graph: each result carries, where the data says
so (``prov:qualifiedDerivation`` → ``bd:beginregel``/``bd:eindregel``), the file and lines
its focus node (or the entity it is a ``#fragment`` of) was read from.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

import rdflib

from .model import SourceLines, ValidationResult

PROV = rdflib.Namespace("http://www.w3.org/ns/prov#")
BD = rdflib.Namespace("https://w3id.org/beleidsdata/ns#")
DCT = rdflib.Namespace("http://purl.org/dc/terms/")


def source_lines(data: rdflib.Graph, node: str) -> tuple[SourceLines, ...]:
    """Where a node (or the entity it is a ``#fragment`` of) was read, from its provenance."""
    out: list[SourceLines] = []
    for subject in dict.fromkeys((node, node.split("#", 1)[0])):
        for derivation in data.objects(rdflib.URIRef(subject), PROV.qualifiedDerivation):
            src = data.value(derivation, PROV.entity)
            begin = data.value(derivation, BD.beginregel)
            end = data.value(derivation, BD.eindregel)
            if src is None or begin is None:
                continue
            try:  # an RDF term is a str: int() reads a literal; an IRI or a blank fails
                first = int(str(begin))
                last = int(str(end)) if end is not None else first
            except (TypeError, ValueError):
                continue
            name = data.value(src, DCT.title)
            out.append(
                SourceLines(str(src), str(name) if name is not None else str(src), first, last)
            )
        if out:
            break
    return tuple(sorted(out, key=lambda s: (s.name, s.begin)))


def with_sources(
    results: list[ValidationResult],
    data: rdflib.Graph,
    texts: Mapping[str, Sequence[str]] | None = None,
) -> list[ValidationResult]:
    """Results with the source lines of their focus nodes; ``texts`` (source IRI → lines of
    that document) adds the lines themselves."""
    cache_: dict[str, tuple[SourceLines, ...]] = {}
    out = []
    for r in results:
        if r.focus not in cache_:
            found = source_lines(data, r.focus)
            if texts:
                found = tuple(
                    replace(s, text=tuple(texts[s.source][s.begin - 1 : s.end]))
                    if s.source in texts
                    else s
                    for s in found
                )
            cache_[r.focus] = found
        out.append(replace(r, sources=cache_[r.focus]) if cache_[r.focus] else r)
    return out


__all__ = ["BD", "DCT", "PROV", "source_lines", "with_sources"]
