"""What a SHACL constraint component is here: a parameter, a name and a builder.

As in pySHACL (``pyshacl/constraints``), each constraint component is its own small unit
found through a registry keyed by its parameter (``sh:minCount`` → MinCount). Unlike
pySHACL's, a component does not evaluate a whole shape: its builder reads the parameter's
values once, at compile time, and returns a :data:`~.shape.Check`, a plain closure that
runs per focus node. A builder that meets a value it does not implement raises
:class:`~beleidsdata.errors.Unsupported`, and pyshacl validates instead.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import rdflib
from rdflib.collection import Collection
from rdflib.namespace import RDF
from rdflib.term import Literal, Node, URIRef

from ...errors import Unsupported
from ..model import short_iri
from .shape import Check, Finding, Report, Shape


def one(sg: rdflib.Graph, node: Node, p: URIRef) -> Node | None:
    """The value of a parameter that SHACL allows once (None when absent)."""
    values = list(sg.objects(node, p))
    if len(values) > 1:
        raise Unsupported(f"{node} has more than one {short_iri(str(p))}")
    return values[0] if values else None


def items(sg: rdflib.Graph, lst: Node) -> list[Node]:
    """The members of an RDF list (``sh:in``, ``sh:or``…)."""
    if lst != RDF.nil and sg.value(lst, RDF.first) is None:
        raise Unsupported(f"{lst} is not an RDF list")
    return list(Collection(sg, lst))


@dataclass(frozen=True)
class Context:
    """One shape's parameters as a component's builder reads them."""

    sg: rdflib.Graph
    shape: Shape
    component: Component
    nested: Callable[[Node], Shape]  # compiles a shape a parameter names (sh:or members…)

    @property
    def node(self) -> Node:
        return self.shape.node

    @property
    def parameter_name(self) -> str:
        return short_iri(str(self.component.parameter))

    @property
    def is_property(self) -> bool:
        return self.shape.path is not None

    def values(self, p: URIRef | None = None) -> list[Node]:
        """Every value of ``p`` (default: the component's own parameter) on the shape."""
        return list(self.sg.objects(self.shape.node, p or self.component.parameter))

    def one(self, p: URIRef | None = None) -> Node | None:
        return one(self.sg, self.shape.node, p or self.component.parameter)

    def literal(self) -> Literal:
        """The component's parameter as its single literal value."""
        value = self.one()
        if not isinstance(value, Literal):
            raise self.unsupported(f"{self.parameter_name} is not a literal")
        return value

    def items(self, lst: Node) -> list[Node]:
        return items(self.sg, lst)

    def report(self) -> Report:
        """What a check calls to record one finding of this component on this shape."""
        shape, component = self.shape, self.component.iri_name

        def report(focus: Node, value: Node | None, found: list[Finding]) -> None:
            found.append(Finding(shape, component, focus, value))

        return report

    def unsupported(self, what: str) -> Unsupported:
        return Unsupported(f"{self.shape.node}: {what}")


#: Reads a shape's parameter values and returns the check, or None when the values ask
#: for nothing to be checked (``sh:uniqueLang false``).
Builder = Callable[[Context], Check | None]


@dataclass(frozen=True)
class Component:
    """A SHACL constraint component: found by ``parameter``, reported as ``name``."""

    parameter: URIRef
    name: str  # "MinCount": results name sh:MinCountConstraintComponent
    build: Builder
    also: tuple[URIRef, ...] = ()  # further parameters it reads (sh:flags for sh:pattern)
    reports: bool = True  # False for sh:property: its nested shapes report, not itself

    @property
    def iri_name(self) -> str:
        return f"sh:{self.name}ConstraintComponent"


def component(
    parameter: URIRef, name: str, *, also: tuple[URIRef, ...] = (), reports: bool = True
) -> Callable[[Builder], Component]:
    """Declare a builder as the component of ``parameter``; list it in
    :data:`~.components.ALL` to register it."""

    def declare(build: Builder) -> Component:
        return Component(parameter, name, build, also, reports)

    return declare


__all__ = ["Builder", "Component", "Context", "component", "items", "one"]
