"""sh:node and sh:property: shapes that value nodes must conform to.

https://www.w3.org/TR/shacl/#core-components-shape. sh:node reports on the value node
that fails the named shape; sh:property does not report itself: its property shape's own
findings are the results.
"""

from __future__ import annotations

from rdflib.namespace import SH
from rdflib.term import Node

from ....errors import Unsupported
from ..component import Context, component
from ..evaluate import conforms_on, evaluate
from ..index import DataIndex
from ..shape import Check, Finding


@component(SH.node, "Node")
def node(c: Context) -> Check:
    members, report = [c.nested(m) for m in c.values()], c.report()

    def check(ix: DataIndex, f: Node, vs: list[Node], found: list[Finding]) -> None:
        for m in members:
            for v in vs:
                if not conforms_on(m, ix, v):
                    report(f, v, found)

    return check


@component(SH.property, "Property", reports=False)
def property_(c: Context) -> Check:
    props = [c.nested(p) for p in c.values()]
    for p in props:
        if p.path is None:
            raise Unsupported(f"{p.node}: a property shape without sh:path")

    def check(ix: DataIndex, f: Node, vs: list[Node], found: list[Finding]) -> None:
        for p in props:
            for v in vs:
                evaluate(p, ix, v, found)

    return check
