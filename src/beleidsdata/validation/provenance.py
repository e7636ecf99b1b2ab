"""The source lines a result is about, read from the data's own provenance.

A steward fixes a source document, not a graph: each result carries, where the data says
so, the file and lines its focus node (or the entity it is a ``#fragment`` of) was read
from. The data says *which passage* (``prov:qualifiedDerivation`` → ``oa:hasSelector``, a
text quote or range); the lines are found by resolving it in the source text when that
text is at hand (a source document being validated). Data from before schema 2 says the
lines itself (``bd:beginregel``/``bd:eindregel``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

import rdflib

from ..mapping.provenance import Quote, Selector, resolve
from ..sources.base import Span
from .model import SourceLines, ValidationResult

PROV = rdflib.Namespace("http://www.w3.org/ns/prov#")
BD = rdflib.Namespace("https://w3id.org/beleidsdata/ns#")
DCT = rdflib.Namespace("http://purl.org/dc/terms/")
OA = rdflib.Namespace("http://www.w3.org/ns/oa#")


def _quote(data: rdflib.Graph, node: rdflib.term.Node | None) -> Quote | None:
    if node is None:
        return None
    exact = data.value(node, OA.exact)
    if exact is None:
        return None
    prefix, suffix = data.value(node, OA.prefix), data.value(node, OA.suffix)
    return Quote(
        str(exact), str(prefix) if prefix is not None else None, str(suffix) if suffix else None
    )


def _selector(data: rdflib.Graph, derivation: rdflib.term.Node) -> Selector | None:
    node = data.value(derivation, OA.hasSelector)
    if node is None:
        return None
    single = _quote(data, node)
    if single is not None:
        return Selector(quote=single)
    start = _quote(data, data.value(node, OA.hasStartSelector))
    end = _quote(data, data.value(node, OA.hasEndSelector))
    return Selector(start=start, end=end) if start and end else None


def _old_lines(data: rdflib.Graph, derivation: rdflib.term.Node) -> Span | None:
    begin, end = data.value(derivation, BD.beginregel), data.value(derivation, BD.eindregel)
    try:  # an RDF term is a str: int() reads a literal; an IRI or a blank fails
        first = int(str(begin)) if begin is not None else 0
        last = int(str(end)) if end is not None else first
        return Span(first, last) if first >= 1 else None
    except (TypeError, ValueError):
        return None


def source_lines(
    data: rdflib.Graph, node: str, texts: Mapping[str, Sequence[str]] | None = None
) -> tuple[SourceLines, ...]:
    """Where a node (or the entity it is a ``#fragment`` of) was read, from its provenance."""
    out: list[SourceLines] = []
    for subject in dict.fromkeys((node, node.split("#", 1)[0])):
        for derivation in data.objects(rdflib.URIRef(subject), PROV.qualifiedDerivation):
            src = data.value(derivation, PROV.entity)
            if src is None:
                continue
            span = _old_lines(data, derivation)
            selector = _selector(data, derivation)
            lines = (texts or {}).get(str(src))
            if selector is not None and lines is not None:
                span = resolve("\n".join(lines), selector)
            if span is None:
                continue
            name = data.value(src, DCT.title)
            out.append(
                SourceLines(
                    str(src), str(name) if name is not None else str(src), span.start, span.end
                )
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
            found = source_lines(data, r.focus, texts)
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
