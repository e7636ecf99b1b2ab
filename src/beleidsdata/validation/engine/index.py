"""The data graph indexed once by subject, for shapes evaluated focus node by focus node.

Our shapes are per resource, so every check looks at one node's own triples: a dictionary
subject → predicate → objects answers that without rdflib's generic triple queries, which
is where most of pyshacl's time goes.
"""

from __future__ import annotations

from collections.abc import Iterable

import rdflib
from rdflib.namespace import RDF, RDFS
from rdflib.term import Node


class DataIndex:
    """The data graph indexed once: subject → predicate → objects, and types."""

    def __init__(self, graph: rdflib.Graph) -> None:
        spo: dict[Node, dict[Node, list[Node]]] = {}
        for s, p, o in graph:
            po = spo.get(s)
            if po is None:
                po = spo[s] = {}
            objs = po.get(p)
            if objs is None:
                po[p] = [o]
            else:
                objs.append(o)
        self.spo = spo
        self.size = len(graph)
        # rdfs:subClassOf in the data, as pyshacl reads it for targets and sh:class
        sub: dict[Node, set[Node]] = {}
        for s, po in spo.items():
            for o in po.get(RDFS.subClassOf, ()):
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
        types = self.objects(node, RDF.type)
        if not self._super:
            return cls in types
        return any(cls in self.superclasses(t) for t in types)

    def instances_of(self, classes: Iterable[Node]) -> dict[Node, list[Node]]:
        """class → its instances, for many classes in one pass over the subjects."""
        wanted = set(classes)
        out: dict[Node, list[Node]] = {c: [] for c in wanted}
        for s, po in self.spo.items():
            types = po.get(RDF.type)
            if not types:
                continue
            seen = set()
            for t in types:
                for c in self.superclasses(t) if self._super else (t,):
                    if c in wanted and c not in seen:
                        seen.add(c)
                        out[c].append(s)
        return out


__all__ = ["DataIndex"]
