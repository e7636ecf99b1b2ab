"""Compiling a shapes graph: each shape read once into a :class:`~.shape.Shape` with its
checks, or refused.

:func:`compile_shapes` refuses (raises :class:`~beleidsdata.errors.Unsupported`) a shapes
graph that uses anything not implemented here (other targets, other paths, constraint
components missing from :mod:`.components`, SPARQL, ``sh:closed true``…), and a reporting
shape without ``sh:message`` (pyshacl would write generic messages we do not imitate);
callers then fall back to pyshacl.
"""

from __future__ import annotations

import rdflib
from rdflib.namespace import RDF, RDFS, SH
from rdflib.term import BNode, Literal, Node, URIRef

from ...errors import Unsupported
from ..model import SEVERITY_NAMES, short_iri
from .component import Context, items, one
from .components import COMPONENTS, PARAMETERS
from .evaluate import Evaluator
from .shape import Check, Shape

# Shape parameters that carry no constraint (documentation, UI hints) or that are read
# while compiling the shape itself.
_IGNORED = {
    SH.name,
    SH.description,
    SH.order,
    SH.group,
    SH.defaultValue,
    SH.message,
    SH.severity,
    SH.path,
    SH.targetClass,
    SH.deactivated,
    SH.closed,
    SH.ignoredProperties,
    SH.declare,
    SH.prefixes,
}
# SHACL features used anywhere in a shapes graph that the engine does not implement.
_REFUSED = (
    SH.targetNode,
    SH.targetSubjectsOf,
    SH.targetObjectsOf,
    SH.target,
    SH.sparql,
    SH.rule,
    SH.js,
    SH.qualifiedValueShape,
    SH.xone,
    SH.disjoint,
    SH.lessThan,
    SH.minLength,
    SH.maxLength,
)
_SHAPE_TYPES = {SH.NodeShape, SH.PropertyShape, SH.Shape}


class _Compiler:
    def __init__(self, sg: rdflib.Graph) -> None:
        self.sg = sg
        self.shapes: dict[Node, Shape] = {}

    def path(self, node: Node) -> tuple[URIRef, ...]:
        p = one(self.sg, node, SH.path)
        if isinstance(p, URIRef):
            return (p,)
        if p is not None and self.sg.value(p, RDF.first) is not None:
            steps = items(self.sg, p)
            if steps and all(isinstance(i, URIRef) for i in steps):
                return tuple(i for i in steps if isinstance(i, URIRef))
        raise Unsupported(f"{node}: only predicate and sequence paths are implemented")

    def shape(self, node: Node) -> Shape:
        found = self.shapes.get(node)
        if found is not None:
            return found
        sg = self.sg
        for p, o in sg.predicate_objects(node):
            if p == SH.deactivated and o == Literal(True):
                raise Unsupported(f"{node}: sh:deactivated is not implemented")
            if p == SH.closed and o != Literal(False):
                raise Unsupported(f"{node}: sh:closed true is not implemented")
            if str(p).startswith(str(SH)) and p not in _IGNORED and p not in PARAMETERS:
                raise Unsupported(f"{node}: {short_iri(str(p))} is not implemented")
        severity = one(sg, node, SH.severity) or SH.Violation
        if not isinstance(severity, URIRef) or severity not in SEVERITY_NAMES:
            raise Unsupported(f"{node}: severity {severity}")
        messages = {}
        for m in sg.objects(node, SH.message):
            if not isinstance(m, Literal):
                raise Unsupported(f"{node}: a message that is not a literal")
            messages[m.language or ""] = str(m)
        shape = Shape(
            node=node,
            severity=severity,
            messages=messages,
            path=self.path(node) if (node, SH.path, None) in sg else None,
            targets=tuple(sg.objects(node, SH.targetClass)),
        )
        self.shapes[node] = shape  # before the checks: recursive shapes end here
        shape.checks = self.checks(shape)
        return shape

    def checks(self, shape: Shape) -> list[tuple[str, Check]]:
        """One check per constraint component whose parameter the shape has, in the
        registry's order."""
        params = set(self.sg.predicates(shape.node))
        out: list[tuple[str, Check]] = []
        reporting = False
        for parameter, comp in COMPONENTS.items():
            if parameter not in params:
                continue
            check = comp.build(Context(self.sg, shape, comp, self.shape))
            if check is not None:
                out.append((comp.name, check))
                reporting = reporting or comp.reports
        # reportable shapes need their messages: pyshacl would make generic ones
        if reporting and not shape.messages and not isinstance(shape.node, BNode):
            raise Unsupported(f"{shape.node}: no sh:message (pyshacl writes generic messages)")
        return out


def compile_shapes(sg: rdflib.Graph) -> Evaluator:
    """Compile the shapes graph; :class:`Unsupported` when it needs what is not here."""
    for p in _REFUSED:
        if (None, p, None) in sg:
            raise Unsupported(f"{short_iri(str(p))} is not implemented")
    # implicit class targets: a shape that is also an rdfs:Class
    for t in _SHAPE_TYPES:
        for s in sg.subjects(RDF.type, t):
            if (s, RDF.type, RDFS.Class) in sg:
                raise Unsupported(f"{s}: implicit class targets are not implemented")
    compiler = _Compiler(sg)
    top = [compiler.shape(s) for s in sorted(set(sg.subjects(SH.targetClass, None)), key=str)]
    return Evaluator(top)


__all__ = ["compile_shapes"]
