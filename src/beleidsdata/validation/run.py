"""The choice of engine: our evaluator when it can run the shapes, else plain pyshacl.

:mod:`.engine` gives pyshacl's results much sooner but implements only the SHACL subset
our shapes use; a shapes graph it refuses (:class:`~beleidsdata.errors.Unsupported`) is run
by pyshacl instead, so adding a shape never breaks validation, it only makes it slower.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache

import rdflib

from ..errors import EngineError, Unsupported
from ..mapping.terms import Triple, to_ntriples
from .engine import DataIndex, Evaluator, compile_shapes, rdf_triples
from .engine import validate as fast_validate
from .model import ValidationReport
from .profiles import normalise_areas, shapes_graph
from .provenance import with_sources
from .pyshacl_runner import run_pyshacl

ENGINES = ("fast", "pyshacl")


def fast_evaluator(areas: tuple[str, ...] | None = None) -> Evaluator | None:
    """The shapes of ``areas`` compiled for :mod:`.engine`; None when they use a SHACL
    feature it does not implement (then pyshacl runs). Compiled once per registry state."""
    from .. import kinds

    return _fast_evaluator(areas, kinds.signature())


@cache
def _fast_evaluator(areas: tuple[str, ...] | None, registry: tuple[str, ...]) -> Evaluator | None:
    try:
        return compile_shapes(shapes_graph(areas))
    except Unsupported:
        return None


def validate_graph(
    data: rdflib.Graph,
    areas: Sequence[str] | None = None,
    focus_nodes: Sequence[str] | None = None,
    provenance: bool = True,
    engine: str = "fast",
) -> ValidationReport:
    """Validate ``data`` against the shapes of ``areas`` (all if empty).

    ``engine`` is ``fast`` (default: :mod:`.engine`, our evaluator for the SHACL subset
    the shapes use, the same results as pyshacl; it falls back to pyshacl by itself when
    the shapes use anything else) or ``pyshacl`` (plain pyshacl).
    ``focus_nodes`` restricts validation to those nodes (pyshacl's ``focus_nodes``: only
    the shapes that target them run). With ``provenance`` each result gets the source lines
    of its focus node (or of the entity it is a ``#fragment`` of)."""
    if engine not in ENGINES:
        raise EngineError(f"unknown validation engine {engine!r}; known: {', '.join(ENGINES)}")
    chosen = normalise_areas(areas)
    if focus_nodes is not None and not focus_nodes:
        return ValidationReport(conforms=True, areas=chosen, triples=len(data))
    evaluator = fast_evaluator(chosen or None) if engine == "fast" else None
    if evaluator is not None:
        conforms, results = fast_validate(evaluator, data, focus_nodes)
    else:
        conforms, results = run_pyshacl(data, chosen, focus_nodes)
    if provenance:
        results = with_sources(results, data)
    return ValidationReport(
        conforms=bool(conforms),
        results=results,
        focus_count=len({r.focus for r in results}),
        areas=chosen,
        triples=len(data),
    )


def triples_to_graph(triples: Iterable[Triple]) -> rdflib.Graph:
    graph = rdflib.Graph()
    graph.parse(data=to_ntriples(list(triples)), format="nt")
    return graph


def validate_triples(
    triples: Iterable[Triple],
    areas: Sequence[str] | None = None,
    focus_nodes: Sequence[str] | None = None,
    engine: str = "fast",
    provenance: bool = True,
) -> ValidationReport:
    """:func:`validate_graph` on our own triples. The fast engine indexes them directly
    (no N-Triples written and parsed again); an rdflib graph is built only for pyshacl, or
    to find the source lines of results (``provenance``) when there are any."""
    if engine not in ENGINES:
        raise EngineError(f"unknown validation engine {engine!r}; known: {', '.join(ENGINES)}")
    chosen = normalise_areas(areas)
    if not isinstance(triples, list | tuple | set | frozenset):
        triples = list(triples)  # read twice when results need their source lines
    evaluator = fast_evaluator(chosen or None) if engine == "fast" else None
    if evaluator is None:
        return validate_graph(triples_to_graph(triples), areas, focus_nodes, provenance, engine)
    index = DataIndex(rdf_triples(triples))
    if focus_nodes is not None and not focus_nodes:
        return ValidationReport(conforms=True, areas=chosen, triples=index.size)
    conforms, results = fast_validate(evaluator, index, focus_nodes)
    if provenance and results:
        results = with_sources(results, triples_to_graph(triples))
    return ValidationReport(
        conforms=bool(conforms),
        results=results,
        focus_count=len({r.focus for r in results}),
        areas=chosen,
        triples=index.size,
    )


__all__ = ["ENGINES", "fast_evaluator", "triples_to_graph", "validate_graph", "validate_triples"]
