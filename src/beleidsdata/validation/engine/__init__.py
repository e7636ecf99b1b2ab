"""A dedicated SHACL evaluator for the subset of SHACL Core our shapes use.

Our shapes are per resource: node shapes with ``sh:targetClass``, property shapes with
predicate or sequence paths, and a few logical conditions (``sh:or``/``sh:not`` over the
focus node's own triples). Such shapes can be evaluated focus node by focus node from an
index of the data by subject, built once, instead of pyshacl's generic graph queries.

The evaluator gives the *same results* as plain pyshacl with the options
:func:`beleidsdata.validation.validate_graph` uses (no inference, ``allow_warnings``): the
same focus nodes, paths, values, severities, messages, source shapes and constraint
components, and the same ``conforms`` (a shape whose severity is sh:Warning or sh:Info never
makes the data non-conforming; a nested shape conforms when it has no sh:Violation result).
Semantics follow pyshacl 0.40 where SHACL leaves room (what ``sh:datatype`` accepts, how
``sh:pattern`` reads a literal, one ``sh:uniqueLang`` result per duplicated language without
a value, literal comparison for ``sh:minInclusive``/``sh:lessThanOrEquals``).

The parts, each in its own module:

- :mod:`.index`: the data indexed by subject (:class:`DataIndex`), from an rdflib graph or
  straight from our own triples;
- :mod:`.compiler`: the shapes graph compiled into :class:`~.shape.Shape` objects, or
  refused with :class:`Unsupported` when it uses what is not implemented (other targets,
  other paths, SPARQL, ``sh:closed true``…); callers then fall back to pyshacl;
- :mod:`.components`: the registry of constraint components, keyed by parameter, one
  small builder each (as pySHACL's ``pyshacl/constraints``). Implemented:
  ``sh:targetClass`` (with ``rdfs:subClassOf`` in the data, as pyshacl), ``sh:property``,
  ``sh:path`` (IRI or sequence of IRIs), ``sh:minCount``, ``sh:maxCount``, ``sh:datatype``,
  ``sh:class``, ``sh:nodeKind``, ``sh:in``, ``sh:pattern`` (with ``sh:flags``),
  ``sh:languageIn``, ``sh:uniqueLang``, ``sh:hasValue``, ``sh:equals``,
  ``sh:lessThanOrEquals``, ``sh:minInclusive``, ``sh:or``, ``sh:and``, ``sh:not``,
  ``sh:node``, ``sh:closed false``;
- :mod:`.evaluate`: compiled shapes run on an index, findings turned into results.

One deliberate difference from pyshacl concerns only ``focus_nodes``: pyshacl also filters
the nodes that *nested* shapes (``sh:or`` members…) are checked on by its ``focus_nodes``
option, so a link checked with ``sh:or ( [ sh:class A ] [ sh:class B ] )`` always passes
there when the linked node is not itself a focus node. Here nested shapes always look at the
linked node, as SHACL says (and as whole-graph validation does in both engines).
"""

from __future__ import annotations

from ...errors import Unsupported
from .compiler import compile_shapes
from .components.value_type import datatype_matches
from .evaluate import Evaluator, to_results, validate
from .index import DataIndex, rdf_node, rdf_triples

__all__ = [
    "DataIndex",
    "Evaluator",
    "Unsupported",
    "compile_shapes",
    "datatype_matches",
    "rdf_node",
    "rdf_triples",
    "to_results",
    "validate",
]
