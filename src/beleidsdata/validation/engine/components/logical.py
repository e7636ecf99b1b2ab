"""sh:or, sh:and and sh:not: conditions made of other shapes.

https://www.w3.org/TR/shacl/#core-components-logical. A member shape is tried on each value
node with a findings list of its own: only whether it conforms counts, its findings are
not reported.
"""

from __future__ import annotations

from rdflib.namespace import SH
from rdflib.term import Node

from ..component import Context, component
from ..evaluate import conforms_on
from ..index import DataIndex
from ..shape import Check, Finding


def _list_check(c: Context, need_all: bool) -> Check:
    groups = [[c.nested(m) for m in c.items(lst)] for lst in c.values()]
    report = c.report()

    def check(ix: DataIndex, f: Node, vs: list[Node], found: list[Finding]) -> None:
        for members in groups:
            for v in vs:
                results = (conforms_on(m, ix, v) for m in members)
                if not (all(results) if need_all else any(results)):
                    report(f, v, found)

    return check


@component(SH["or"], "Or")
def or_(c: Context) -> Check:
    return _list_check(c, need_all=False)


@component(SH["and"], "And")
def and_(c: Context) -> Check:
    return _list_check(c, need_all=True)


@component(SH["not"], "Not")
def not_(c: Context) -> Check:
    members, report = [c.nested(m) for m in c.values()], c.report()

    def check(ix: DataIndex, f: Node, vs: list[Node], found: list[Finding]) -> None:
        for m in members:
            for v in vs:
                if conforms_on(m, ix, v):
                    report(f, v, found)

    return check
