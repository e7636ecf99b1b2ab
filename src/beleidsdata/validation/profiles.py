"""Profile areas: which shapes a validation uses.

The areas are the file stems of ``shapes/`` (besluiten, regeerakkoord, strategie,
resolutie, mededeling, evaluatie); ``common.ttl`` is part of every area. A shapes graph is
parsed once per choice of areas and kept, because both engines start from it.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

import rdflib

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


@cache
def shapes_graph(areas: tuple[str, ...] | None = None) -> rdflib.Graph:
    """All shapes (or those of some profile areas: file names without .ttl), parsed once."""
    graph = rdflib.Graph()
    files = sorted(shapes_dir().glob("*.ttl"))
    if areas:
        files = [f for f in files if f.stem in areas or f.stem == "common"]
    for path in files:
        graph.parse(path, format="turtle")
    return graph


__all__ = ["areas", "normalise_areas", "shapes_graph"]
