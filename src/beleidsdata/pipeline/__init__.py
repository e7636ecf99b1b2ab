"""The jobs everything else is built on: convert documents, ingest and withdraw them.

``convert`` is pure apart from reading files: texts in, entity descriptions out.
``ingest`` and ``withdraw`` turn a change of the set of documents into one store
transaction whose cost follows what changed (see :mod:`.ingest`).
"""

from __future__ import annotations

from .checks import ValidationFailed, check_entities
from .convert import (
    Conversion,
    Excerpt,
    convert,
    convert_to_validate,
    explain,
    locate_in,
    parse_all,
    validation_graph,
)
from .ingest import LOCAL, IngestResult, ingest, withdraw
from .reading import expand_paths, read_source

__all__ = [
    "LOCAL",
    "Conversion",
    "Excerpt",
    "IngestResult",
    "ValidationFailed",
    "check_entities",
    "convert",
    "convert_to_validate",
    "expand_paths",
    "explain",
    "ingest",
    "locate_in",
    "parse_all",
    "read_source",
    "validation_graph",
    "withdraw",
]
