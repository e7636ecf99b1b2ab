"""sh:in and sh:hasValue: value nodes from a list, or a value that must be there.

https://www.w3.org/TR/shacl/#core-components-other
"""

from __future__ import annotations

from rdflib.namespace import SH
from rdflib.term import Node

from ..component import Context, component
from ..index import DataIndex
from ..shape import Check, Finding


@component(SH["in"], "In")
def in_(c: Context) -> Check:
    allowed: set[Node] = set()
    for lst in c.values():
        allowed.update(c.items(lst))
    report = c.report()

    def check(ix: DataIndex, f: Node, vs: list[Node], found: list[Finding]) -> None:
        for v in vs:
            if v not in allowed:
                report(f, v, found)

    return check


@component(SH.hasValue, "HasValue")
def has_value(c: Context) -> Check:
    wanted, report = c.values(), c.report()

    def check(ix: DataIndex, f: Node, vs: list[Node], found: list[Finding]) -> None:
        for w in wanted:
            if w not in vs:
                report(f, None, found)

    return check
