"""sh:minInclusive: a lower bound on literal values.

https://www.w3.org/TR/shacl/#core-components-range. Literals compare as pyshacl compares
them; a string is only compared with a string bound, and a value that cannot be compared
fails.
"""

from __future__ import annotations

from datetime import datetime, time

from rdflib.namespace import SH
from rdflib.term import Literal, Node

from ..component import Context, component
from ..index import DataIndex
from ..shape import Check, Finding


def compare(v: Literal, bound: Literal) -> int | None:
    """pyshacl's literal order: -1, 0, 1, or None when the two cannot be compared."""
    try:
        if v.eq(bound):
            return 0
        if type(v.value) in (datetime, time):
            if v.value == bound.value:
                return 0
            if v.value > bound.value:
                return 1
        elif v > bound:
            return 1
        return -1
    except (TypeError, NotImplementedError):
        return None


@component(SH.minInclusive, "MinInclusive")
def min_inclusive(c: Context) -> Check:
    bounds: list[Literal] = []
    for b in c.values():
        if not isinstance(b, Literal):
            raise c.unsupported("sh:minInclusive with a non-literal")
        bounds.append(b)
    report = c.report()

    def check(ix: DataIndex, f: Node, vs: list[Node], found: list[Finding]) -> None:
        for b in bounds:
            b_is_string = isinstance(b.value, str)
            for v in vs:
                passed = False
                if isinstance(v, Literal) and isinstance(v.value, str) == b_is_string:
                    order = compare(v, b)
                    passed = order is not None and order >= 0
                if not passed:
                    report(f, v, found)

    return check
