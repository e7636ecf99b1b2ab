"""sh:minCount and sh:maxCount: how many value nodes a property shape allows.

https://www.w3.org/TR/shacl/#core-components-count
"""

from __future__ import annotations

from rdflib.namespace import SH
from rdflib.term import Node

from ..component import Context, component
from ..index import DataIndex
from ..shape import Check, Finding


def _count(c: Context) -> int:
    try:
        return int(c.literal().value)
    except (TypeError, ValueError):
        raise c.unsupported(f"{c.parameter_name} is not an integer") from None


@component(SH.minCount, "MinCount")
def min_count(c: Context) -> Check:
    least, report = _count(c), c.report()

    def check(ix: DataIndex, f: Node, vs: list[Node], found: list[Finding]) -> None:
        if len(vs) < least:
            report(f, None, found)

    return check


@component(SH.maxCount, "MaxCount")
def max_count(c: Context) -> Check:
    most, report = _count(c), c.report()

    def check(ix: DataIndex, f: Node, vs: list[Node], found: list[Finding]) -> None:
        if len(vs) > most:
            report(f, None, found)

    return check
