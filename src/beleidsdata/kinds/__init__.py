"""Document kinds: the registry that joins each kind's parser, mapper, shapes and pages.

Stage three of the flow (sources → mapping → kinds → …): it knows every kind's parser and
mapper, and every later stage asks it instead of listing kinds. ``convert`` maps a batch of
documents together and combines what they say about shared entities.
"""

from __future__ import annotations

from . import builtin as _builtin  # noqa: F401  (registers the built-in kinds)
from .registry import (
    MIN_CONFIDENCE,
    Kind,
    Label,
    TemplateRule,
    all_kinds,
    areas,
    detect,
    get,
    keys,
    known,
    parse,
    primary_source,
    register,
    registered,
    shape_files,
    signature,
    unregister,
)

__all__ = [
    "MIN_CONFIDENCE",
    "Kind",
    "Label",
    "TemplateRule",
    "all_kinds",
    "areas",
    "detect",
    "get",
    "keys",
    "known",
    "parse",
    "primary_source",
    "register",
    "registered",
    "shape_files",
    "signature",
    "unregister",
]
