"""sh:equals and sh:lessThanOrEquals: a value compared with another property of the focus
node.

https://www.w3.org/TR/shacl/#core-components-property-pairs. sh:lessThanOrEquals compares
as pyshacl does: IRIs and strings by their text, other literals by rdflib's order, one
result per failing pair.
"""

from __future__ import annotations

from typing import Any

from rdflib.namespace import SH
from rdflib.term import BNode, Literal, Node, URIRef

from ..component import Context, component
from ..index import DataIndex
from ..shape import Check, Finding


def _comparable(n: Node) -> tuple[Any, bool]:
    """What is compared, and whether it is text: an IRI's string, a string literal's
    value, else the term itself (rdflib orders literals). ``Any``: a literal's Python value
    can be of any type."""
    if isinstance(n, URIRef):
        return str(n), True
    if isinstance(n, Literal) and isinstance(n.value, str):
        return n.value, True
    return n, False


def less_or_equal(v: Node, t: Node) -> bool:
    """pyshacl's sh:lessThanOrEquals comparison of one pair."""
    if isinstance(v, BNode) or isinstance(t, BNode):
        return False
    a, a_text = _comparable(v)
    b, b_text = _comparable(t)
    if a_text != b_text:
        return False
    try:
        return bool(a <= b)
    except TypeError:
        return False


@component(SH.equals, "Equals")
def equals(c: Context) -> Check:
    others = c.values()
    if not all(isinstance(o, URIRef) for o in others):
        raise c.unsupported("sh:equals with a path")
    report = c.report()

    def check(ix: DataIndex, f: Node, vs: list[Node], found: list[Finding]) -> None:
        mine = set(vs)
        for other in others:
            theirs = set(ix.objects(f, other))
            for v in mine - theirs:
                report(f, v, found)
            for v in theirs - mine:
                report(f, v, found)

    return check


@component(SH.lessThanOrEquals, "LessThanOrEquals")
def less_than_or_equals(c: Context) -> Check:
    if not c.is_property:
        raise c.unsupported("sh:lessThanOrEquals on a node shape")
    others, report = c.values(), c.report()

    def check(ix: DataIndex, f: Node, vs: list[Node], found: list[Finding]) -> None:
        for other in others:
            theirs = set(ix.objects(f, other))
            for v in dict.fromkeys(vs):
                for t in theirs:  # pyshacl: one result per failing pair
                    if not less_or_equal(v, t):
                        report(f, v, found)

    return check
