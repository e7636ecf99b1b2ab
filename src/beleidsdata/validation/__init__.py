"""SHACL validation against the shapes in ``shapes/``, with reports people can act on.

Shapes are per resource (one NodeShape per class), so validating a changed entity needs
only that entity's description plus the types of what it links to: ingest validates what
changed, never the whole store.

The package, by job:

- :mod:`.model`: the report model (results, report, their order) every engine fills;
- :mod:`.profiles`: the profile areas (the file stems of ``shapes/``: besluiten,
  regeerakkoord, strategie, resolutie, mededeling, evaluatie; ``common.ttl`` is always
  included) and their shapes graphs;
- :mod:`.run`: :func:`validate_graph`, which picks the engine: :mod:`.engine` (our
  evaluator) or :mod:`.pyshacl_runner` (plain pyshacl);
- :mod:`.provenance`: the source lines results are about (``prov:qualifiedDerivation`` →
  ``bd:beginregel``/``bd:eindregel``);
- :mod:`.reports`: report formats (JSON-LD, Turtle, CSV, the grouped views the HTML report
  is built from); :mod:`.inputs` and :mod:`.fetch`: what stewards give us to validate;
  :mod:`.worker`: validation in a child process with a time budget (the service).
"""

from __future__ import annotations

from ..errors import AreaError, EngineError
from .model import SourceLines, ValidationReport, ValidationResult, short_path
from .profiles import areas, normalise_areas, shapes_graph
from .provenance import source_lines, with_sources
from .run import ENGINES, fast_evaluator, triples_to_graph, validate_graph, validate_triples

__all__ = [
    "ENGINES",
    "AreaError",
    "EngineError",
    "SourceLines",
    "ValidationReport",
    "ValidationResult",
    "areas",
    "fast_evaluator",
    "normalise_areas",
    "shapes_graph",
    "short_path",
    "source_lines",
    "triples_to_graph",
    "validate_graph",
    "validate_triples",
    "with_sources",
]
