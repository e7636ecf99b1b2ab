"""The data graph indexed once by subject, for shapes evaluated focus node by focus node.

Our shapes are per resource, so every check looks at one node's own triples: a dictionary
subject → predicate → objects answers that without rdflib's generic triple queries, which
is where most of pyshacl's time goes.

The index is built from an rdflib graph or straight from our own triples
(:mod:`beleidsdata.mapping.terms`): each term becomes the rdflib node an N-Triples parser
would make of its canonical N-Triples form (:func:`rdf_node`, cached), so ingest validates
without writing and re-parsing N-Triples and the results are the same.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import rdflib
from rdflib.namespace import RDF, RDFS, XSD
from rdflib.term import Node

from ...mapping.terms import Literal, Term, Triple, iri_text

_XSD_STRING = str(XSD.string)
# Module constants: each rdflib namespace attribute lookup builds a new URIRef.
_TYPE, _SUBCLASS_OF = RDF.type, RDFS.subClassOf


@lru_cache(maxsize=1 << 15)
def rdf_node(term: Term) -> Node:
    """The rdflib node of one of our terms, as parsing its N-Triples form gives it."""
    if isinstance(term, Literal):
        if term.lang:
            return rdflib.Literal(term.lexical, lang=term.lang)
        if term.datatype == _XSD_STRING:  # canonical N-Triples leaves xsd:string implicit
            return rdflib.Literal(term.lexical)
        return rdflib.Literal(term.lexical, datatype=rdflib.URIRef(term.datatype))
    return rdflib.URIRef(iri_text(term))


def rdf_triples(triples: Iterable[Triple]) -> list[tuple[Node, Node, Node]]:
    """Our triples as rdflib nodes, without duplicates (as a graph holds them)."""
    node = rdf_node
    return [(node(s), node(p), node(o)) for s, p, o in dict.fromkeys(triples)]


class DataIndex:
    """The data graph indexed once: subject → predicate → objects, and types."""

    def __init__(self, graph: rdflib.Graph | Iterable[tuple[Node, Node, Node]]) -> None:
        """From a graph, or from distinct triples of nodes (see :func:`rdf_triples`)."""
        spo: dict[Node, dict[Node, list[Node]]] = {}
        size = 0
        for s, p, o in graph:
            size += 1
            po = spo.get(s)
            if po is None:
                po = spo[s] = {}
            objs = po.get(p)
            if objs is None:
                po[p] = [o]
            else:
                objs.append(o)
        self.spo = spo
        self.size = size
        # rdfs:subClassOf in the data, as pyshacl reads it for targets and sh:class
        sub: dict[Node, set[Node]] = {}
        for s, po in spo.items():
            for o in po.get(_SUBCLASS_OF, ()):
                sub.setdefault(s, set()).add(o)
        self._super = sub
        self._closure: dict[Node, set[Node]] = {}

    def objects(self, s: Node, p: Node) -> list[Node]:
        po = self.spo.get(s)
        if po is None:
            return []
        return po.get(p, [])

    def superclasses(self, cls: Node) -> set[Node]:
        """``cls`` and everything it is a (transitive) rdfs:subClassOf of."""
        found = self._closure.get(cls)
        if found is None:
            found = {cls}
            todo = [cls]
            while todo:
                for sup in self._super.get(todo.pop(), ()):
                    if sup not in found:
                        found.add(sup)
                        todo.append(sup)
            self._closure[cls] = found
        return found

    def is_instance(self, node: Node, cls: Node) -> bool:
        types = self.objects(node, _TYPE)
        if not self._super:
            return cls in types
        return any(cls in self.superclasses(t) for t in types)

    def instances_of(self, classes: Iterable[Node]) -> dict[Node, list[Node]]:
        """class → its instances, for many classes in one pass over the subjects."""
        wanted = set(classes)
        out: dict[Node, list[Node]] = {c: [] for c in wanted}
        for s, po in self.spo.items():
            types = po.get(_TYPE)
            if not types:
                continue
            seen = set()
            for t in types:
                for c in self.superclasses(t) if self._super else (t,):
                    if c in wanted and c not in seen:
                        seen.add(c)
                        out[c].append(s)
        return out


__all__ = ["DataIndex", "rdf_node", "rdf_triples"]
