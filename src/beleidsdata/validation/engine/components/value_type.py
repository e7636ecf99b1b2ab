"""sh:datatype, sh:class and sh:nodeKind: what kind of term each value node is.

https://www.w3.org/TR/shacl/#core-components-value-type. What sh:datatype accepts follows
pyshacl: the literal's datatype must match and its lexical form must be valid for it.
"""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal

from rdflib.namespace import RDF, RDFS, SH, XSD
from rdflib.term import BNode, Literal, Node, URIRef

from ..component import Context, component
from ..index import DataIndex
from ..shape import Check, Finding

_NODE_KINDS: dict[Node, tuple[type[Node], ...]] = {
    SH.IRI: (URIRef,),
    SH.BlankNode: (BNode,),
    SH.Literal: (Literal,),
    SH.BlankNodeOrIRI: (BNode, URIRef),
    SH.BlankNodeOrLiteral: (BNode, Literal),
    SH.IRIOrLiteral: (URIRef, Literal),
}


def _literal_value_ok(v: Literal, dtype: URIRef) -> bool:
    """pyshacl's check that a literal's value really is of its datatype."""
    value = v.value
    if dtype in (XSD.string, RDF.langString):
        return isinstance(value, str | bytes)
    if dtype == XSD.integer:
        return isinstance(value, int)
    if dtype == XSD.float:
        return isinstance(value, float)
    if dtype == XSD.decimal:
        return isinstance(value, Decimal)
    if dtype == XSD.boolean:
        return isinstance(value, bool)
    if dtype == XSD.date:
        return isinstance(value, date)
    if dtype == XSD.time:
        return isinstance(value, time)
    if dtype == XSD.dateTime:
        return isinstance(value, datetime)
    return True


def datatype_matches(v: Node, dtype: URIRef) -> bool:
    """Does ``v`` satisfy ``sh:datatype dtype`` (as pyshacl decides)?"""
    if not isinstance(v, Literal):
        return False
    if v.datatype == dtype:
        return getattr(v, "ill_typed", None) is not True and _literal_value_ok(v, dtype)
    if dtype == RDFS.Literal:
        return True
    if dtype == RDFS.Datatype and v.datatype:
        return True
    if v.datatype is None and v.language is None and dtype == XSD.string:
        return _literal_value_ok(v, dtype)
    if dtype == RDF.langString and v.language:
        return _literal_value_ok(v, dtype)
    return False


@component(SH.datatype, "Datatype")
def datatype(c: Context) -> Check:
    dtype = c.one()
    if not isinstance(dtype, URIRef):
        raise c.unsupported("sh:datatype is not an IRI")
    report = c.report()

    def check(ix: DataIndex, f: Node, vs: list[Node], found: list[Finding]) -> None:
        for v in vs:
            if not datatype_matches(v, dtype):
                report(f, v, found)

    return check


@component(SH["class"], "Class")
def class_(c: Context) -> Check:
    classes, report = c.values(), c.report()

    def check(ix: DataIndex, f: Node, vs: list[Node], found: list[Finding]) -> None:
        for cls in classes:
            for v in vs:
                if isinstance(v, Literal) or not ix.is_instance(v, cls):
                    report(f, v, found)

    return check


@component(SH.nodeKind, "NodeKind")
def node_kind(c: Context) -> Check:
    kind = c.one()
    kinds = _NODE_KINDS.get(kind) if kind is not None else None
    if kinds is None:
        raise c.unsupported("unknown sh:nodeKind")
    report = c.report()

    def check(ix: DataIndex, f: Node, vs: list[Node], found: list[Finding]) -> None:
        for v in vs:
            if not isinstance(v, kinds):
                report(f, v, found)

    return check
