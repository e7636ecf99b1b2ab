"""A compiled shape and what its checks find.

A :class:`Shape` is a SHACL shape read once from the shapes graph: its path, severity,
messages and targets, and one :data:`Check` per constraint component it uses. A check
appends a :class:`Finding` per failing value node; findings become
:class:`~beleidsdata.validation.model.ValidationResult` records only at the end, so a
nested shape (``sh:or``, ``sh:not``…) can be tried without building any.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from rdflib.namespace import SH
from rdflib.term import Node, URIRef

from ..model import SEQUENCE_SEPARATOR
from .index import DataIndex

#: Severities that never fail conformance (pyshacl with allow_warnings).
LENIENT = frozenset({SH.Warning, SH.Info})

#: A constraint component's check on one focus node: (data, focus node, its value nodes,
#: the findings to append to).
Check = Callable[[DataIndex, Node, list[Node], list["Finding"]], None]
#: Appends the finding of one component on (focus node, value or None).
Report = Callable[[Node, Node | None, list["Finding"]], None]


@dataclass
class Shape:
    node: Node
    severity: URIRef = SH.Violation
    messages: dict[str, str] = field(default_factory=dict)
    path: tuple[URIRef, ...] | None = None  # None: a node shape
    targets: tuple[Node, ...] = ()
    checks: list[tuple[str, Check]] = field(default_factory=list)

    @property
    def path_text(self) -> str | None:
        return SEQUENCE_SEPARATOR.join(str(p) for p in self.path) if self.path else None

    @property
    def allows_conform(self) -> bool:
        """pyshacl with allow_warnings: a Warning/Info shape never fails conformance."""
        return self.severity in LENIENT


@dataclass(frozen=True)
class Finding:
    """One result before it becomes a ValidationResult."""

    shape: Shape
    component: str
    focus: Node
    value: Node | None


__all__ = ["LENIENT", "Check", "Finding", "Report", "Shape"]
