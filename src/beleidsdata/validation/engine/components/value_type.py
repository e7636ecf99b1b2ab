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


# What a literal's Python value must be for its datatype (pyshacl's check); datatypes
# not listed accept any value. Module constants: rdflib's namespace lookups are slow.
_VALUE_TYPES: dict[Node, type | tuple[type, ...]] = {
    XSD.string: (str, bytes),
    RDF.langString: (str, bytes),
    XSD.integer: int,
    XSD.float: float,
    XSD.decimal: Decimal,
    XSD.boolean: bool,
    XSD.date: date,
    XSD.time: time,
    XSD.dateTime: datetime,
}
_STRING, _LANG_STRING = XSD.string, RDF.langString
_RDFS_LITERAL, _RDFS_DATATYPE = RDFS.Literal, RDFS.Datatype


def _literal_value_ok(v: Literal, dtype: URIRef) -> bool:
    """pyshacl's check that a literal's value really is of its datatype."""
    expected = _VALUE_TYPES.get(dtype)
    return expected is None or isinstance(v.value, expected)


def datatype_matches(v: Node, dtype: URIRef) -> bool:
    """Does ``v`` satisfy ``sh:datatype dtype`` (as pyshacl decides)?"""
    if not isinstance(v, Literal):
        return False
    if v.datatype == dtype:
        return getattr(v, "ill_typed", None) is not True and _literal_value_ok(v, dtype)
    if dtype == _RDFS_LITERAL:
        return True
    if dtype == _RDFS_DATATYPE and v.datatype:
        return True
    if v.datatype is None and v.language is None and dtype == _STRING:
        return _literal_value_ok(v, dtype)
    if dtype == _LANG_STRING and v.language:
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
