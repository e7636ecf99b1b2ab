"""Plain pyshacl, the reference engine, and the reading of its report graph.

pyshacl implements all of SHACL; it runs when asked for (``engine="pyshacl"``) and when
the shapes use something :mod:`.engine` does not implement. Its ``sh:ValidationReport``
graph is read into the same :class:`~.model.ValidationResult` records, in the same order,
so the two engines' reports compare field by field.
"""

from __future__ import annotations

from collections.abc import Sequence

import rdflib
from rdflib.collection import Collection
from rdflib.namespace import SH

from .model import SEQUENCE_SEPARATOR, SEVERITY_NAMES, ValidationResult, result_key, short_iri
from .profiles import shapes_graph


def run_pyshacl(
    data: rdflib.Graph, chosen: tuple[str, ...], focus_nodes: Sequence[str] | None
) -> tuple[bool, list[ValidationResult]]:
    """pyshacl with no inference and ``allow_warnings`` (Warning/Info never fail)."""
    from pyshacl import validate  # imported lazily: it is slow to import and only needed here

    focus: list[str | rdflib.URIRef] | None = (
        None if focus_nodes is None else [rdflib.URIRef(n) for n in focus_nodes]
    )
    conforms, report_graph, _ = validate(
        data,
        shacl_graph=shapes_graph(chosen or None),
        inference="none",
        abort_on_first=False,
        allow_warnings=True,
        advanced=False,
        meta_shacl=False,
        focus_nodes=focus,
    )
    return bool(conforms), read_results(report_graph)


def read_results(report: rdflib.Graph) -> list[ValidationResult]:
    """The results of a ``sh:ValidationReport`` graph, sorted by :func:`result_key`."""
    out: list[ValidationResult] = []
    for node in report.subjects(rdflib.RDF.type, SH.ValidationResult):
        messages: dict[str, str] = {}
        for msg in report.objects(node, SH.resultMessage):
            lang = msg.language if isinstance(msg, rdflib.Literal) else None
            messages[lang or ""] = str(msg)
        value = report.value(node, SH.value)
        path = report.value(node, SH.resultPath)
        shape = report.value(node, SH.sourceShape)
        constraint = report.value(node, SH.sourceConstraintComponent)
        severity = report.value(node, SH.resultSeverity)
        out.append(
            ValidationResult(
                severity=SEVERITY_NAMES.get(severity, "Violation")
                if isinstance(severity, rdflib.URIRef)
                else "Violation",
                focus=str(report.value(node, SH.focusNode)),
                path=str(path) if isinstance(path, rdflib.URIRef) else _path_text(report, path),
                value=str(value) if value is not None else None,
                messages=messages or {"": "constraint violated"},
                shape=str(shape) if isinstance(shape, rdflib.URIRef) else None,
                constraint=short_iri(str(constraint)) if constraint is not None else None,
                value_n3=value.n3() if isinstance(value, rdflib.URIRef | rdflib.Literal) else None,
            )
        )
    out.sort(key=result_key)
    return out


def _path_text(report: rdflib.Graph, path: rdflib.term.Node | None) -> str | None:
    """A sequence path (``( p1 p2 )``) as ``p1 / p2``; other complex paths as None."""
    if path is None or report.value(path, rdflib.RDF.first) is None:
        return None
    items = list(Collection(report, path))
    if all(isinstance(i, rdflib.URIRef) for i in items):
        return SEQUENCE_SEPARATOR.join(str(i) for i in items)
    return None


__all__ = ["read_results", "run_pyshacl"]
