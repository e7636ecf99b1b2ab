"""The registry of the SHACL constraint components the engine implements.

As pySHACL lists its components (``ALL_CONSTRAINT_COMPONENTS`` in
``pyshacl/constraints/__init__.py``), :data:`ALL` lists ours, one module per group of the
SHACL specification; :data:`COMPONENTS` finds them by parameter. A shape whose parameters
include one that is neither here nor ignored (documentation, targets, paths) is refused
and pyshacl validates instead. To implement a component: write its builder with
:func:`~..component.component` in the module of its group and add it to :data:`ALL`.

The order of :data:`ALL` is the order in which a shape's checks run; the reported results
are sorted afterwards, so it does not change a report.
"""

from __future__ import annotations

from rdflib.term import URIRef

from ..component import Component
from .cardinality import max_count, min_count
from .logical import and_, not_, or_
from .other import has_value, in_
from .property_pair import equals, less_than_or_equals
from .shape_based import node, property_
from .string_based import language_in, pattern, unique_lang
from .value_range import min_inclusive
from .value_type import class_, datatype, node_kind

ALL: tuple[Component, ...] = (
    min_count,
    max_count,
    datatype,
    class_,
    node_kind,
    in_,
    pattern,
    language_in,
    unique_lang,
    has_value,
    equals,
    less_than_or_equals,
    min_inclusive,
    or_,
    and_,
    not_,
    node,
    property_,
)

#: parameter → component (``sh:minCount`` → MinCount).
COMPONENTS: dict[URIRef, Component] = {c.parameter: c for c in ALL}

#: Every parameter a component reads (``sh:flags`` with ``sh:pattern``).
PARAMETERS: frozenset[URIRef] = frozenset(p for c in ALL for p in (c.parameter, *c.also))

__all__ = ["ALL", "COMPONENTS", "PARAMETERS"]
