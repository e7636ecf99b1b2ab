"""Running compiled shapes on a data index: value nodes, checks, conformance, results.

Evaluation goes target by target and focus node by focus node; a shape's value nodes are
read from the index along its path, then each of its checks runs on them. Nested shapes
(``sh:property``, ``sh:or``…) run through the same :func:`evaluate`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import rdflib
from rdflib.term import Literal, Node, URIRef

from ..model import SEVERITY_NAMES, ValidationResult, result_key
from .index import DataIndex
from .shape import LENIENT, Finding, Shape


def value_nodes(shape: Shape, index: DataIndex, focus: Node) -> list[Node]:
    if shape.path is None:
        return [focus]
    if len(shape.path) == 1:
        # One step: the index's list has no duplicates (it holds distinct triples).
        return index.objects(focus, shape.path[0])
    nodes = [focus]
    for p in shape.path:
        nxt: dict[Node, None] = {}
        for n in nodes:
            for o in index.objects(n, p):
                nxt[o] = None
        nodes = list(nxt)
    return nodes


def evaluate(shape: Shape, index: DataIndex, focus: Node, out: list[Finding]) -> bool:
    """Append the findings of ``shape`` on ``focus`` to ``out``; True when it conforms
    (no sh:Violation among its findings, or the shape is a Warning/Info shape)."""
    values = value_nodes(shape, index, focus)
    start = len(out)
    for _, check in shape.checks:
        check(index, focus, values, out)
    if len(out) == start or shape.allows_conform:
        return True
    return not any(f.shape.severity not in LENIENT for f in out[start:])


def conforms_on(shape: Shape, index: DataIndex, node: Node) -> bool:
    return evaluate(shape, index, node, [])


class Evaluator:
    """Compiled shapes, ready to run on data indexes."""

    def __init__(self, top: list[Shape]) -> None:
        self.top = top

    def run(
        self, index: DataIndex, focus_nodes: Iterable[str] | None = None
    ) -> tuple[bool, list[Finding]]:
        wanted = None if focus_nodes is None else {URIRef(n) for n in focus_nodes}
        classes = {c for s in self.top for c in s.targets}
        instances = index.instances_of(classes)
        findings: list[Finding] = []
        conforms = True
        for shape in self.top:
            focus: dict[Node, None] = {}
            for c in shape.targets:
                for n in instances.get(c, ()):
                    focus[n] = None
            for n in focus:
                if wanted is not None and (not isinstance(n, URIRef) or n not in wanted):
                    continue
                if not evaluate(shape, index, n, findings):
                    conforms = False
        return conforms, findings


def to_results(findings: Sequence[Finding]) -> list[ValidationResult]:
    out = []
    for f in findings:
        value = f.value
        out.append(
            ValidationResult(
                severity=SEVERITY_NAMES.get(f.shape.severity, "Violation"),
                focus=str(f.focus),
                path=f.shape.path_text,
                value=str(value) if value is not None else None,
                messages=dict(f.shape.messages) or {"": "constraint violated"},
                shape=str(f.shape.node) if isinstance(f.shape.node, URIRef) else None,
                constraint=f.component,
                value_n3=value.n3() if isinstance(value, URIRef | Literal) else None,
            )
        )
    out.sort(key=result_key)
    return out


def validate(
    evaluator: Evaluator,
    data: rdflib.Graph | DataIndex,
    focus_nodes: Iterable[str] | None = None,
) -> tuple[bool, list[ValidationResult]]:
    """Run compiled shapes on ``data`` (a graph, or an index built without one):
    (conforms, results sorted as validate_graph sorts)."""
    index = data if isinstance(data, DataIndex) else DataIndex(data)
    conforms, findings = evaluator.run(index, focus_nodes)
    return conforms, to_results(findings)


__all__ = ["Evaluator", "conforms_on", "evaluate", "to_results", "validate", "value_nodes"]
