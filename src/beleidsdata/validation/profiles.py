"""Profile areas: which shapes a validation uses.

The areas are the shape files the registered kinds declare (besluiten, regeerakkoord,
strategie, resolutie, mededeling, evaluatie, beslissingenlijst…); ``common.ttl`` is part of
every area. The two closed lists of document kinds in ``common.ttl`` (a source's
``dct:type``, a work's ``eli:work_type``) are completed from the registry, so a kind added
through the registry alone validates. A shapes graph is parsed once per choice of areas
(and state of the registry) and kept, because both engines start from it.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

import rdflib
from rdflib.collection import Collection
from rdflib.namespace import SH

from ..errors import AreaError
from ..resources import shapes_dir


def areas() -> list[str]:
    """The profile areas: the shape files the kinds declare (common.ttl is in every area)."""
    from .. import kinds

    return list(kinds.areas())


def normalise_areas(names: Iterable[str] | None) -> tuple[str, ...]:
    """Sorted, unique area names; () for all. Unknown names raise :class:`AreaError`."""
    chosen = sorted({n.strip().lower() for n in names or () if n and n.strip()})
    if "all" in chosen or "alle" in chosen:
        return ()
    known = areas()
    unknown = [n for n in chosen if n not in known]
    if unknown:
        raise AreaError(
            f"unknown profile area {', '.join(unknown)}; known areas: {', '.join(known)} (or all)"
        )
    return tuple(chosen) if len(chosen) < len(known) else ()


DOCUMENT_KINDS = "https://w3id.org/beleidsdata/concept/documentsoort/"
BDS = "https://w3id.org/beleidsdata/shapes#"
_KIND_LISTS = ("BronShape-soort", "WorkShape-soort")


def shapes_graph(areas: tuple[str, ...] | None = None) -> rdflib.Graph:
    """All shapes (or those of some profile areas), parsed once per registry state."""
    from .. import kinds

    return _shapes_graph(areas, kinds.signature())


@cache
def _shapes_graph(areas: tuple[str, ...] | None, registry: tuple[str, ...]) -> rdflib.Graph:
    from .. import kinds

    graph = rdflib.Graph()
    graph.parse(shapes_dir() / "common.ttl", format="turtle")
    for area, path in kinds.shape_files().items():
        if not areas or area in areas:
            graph.parse(path, format="turtle")
    _complete_document_kinds(graph, registry)
    return graph


def _complete_document_kinds(graph: rdflib.Graph, registry: tuple[str, ...]) -> None:
    """Every registered kind's own concept in the closed lists of document kinds."""
    for name in _KIND_LISTS:
        head = graph.value(rdflib.URIRef(BDS + name), SH["in"])
        if head is None:
            continue
        members = Collection(graph, head)
        known = set(members)
        for key in registry:
            concept = rdflib.URIRef(DOCUMENT_KINDS + key)
            if concept not in known:
                members.append(concept)


__all__ = ["areas", "normalise_areas", "shapes_graph"]
