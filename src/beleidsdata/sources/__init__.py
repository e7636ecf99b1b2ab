"""Parsers, one module per document kind, and recognising which kind a text is.

Every parser module offers the same three names: ``KIND`` (the kind's key, also the first
segment of the IRIs it produces), ``detect(source) -> float`` (how sure it is, 0..1) and
``parse(source) -> record`` (pure: typed dataclasses, no RDF). Adding a kind means adding
a module here; nothing else needs to know the list.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from functools import cache
from types import ModuleType
from typing import Any

from ..errors import SourceError, UnknownKindError
from .base import SourceText, Span

# Order matters only for ties: the more specific kind first.
_MODULES = ("evaluation", "strategy", "resolution", "communication", "agreement")

# Below this, a text is not recognised as any kind.
MIN_CONFIDENCE = 0.3


@dataclass(frozen=True)
class ParsedDocument:
    """A source text, the kind it was read as, and the parser's record."""

    source: SourceText
    kind: str
    record: Any


@cache
def parsers() -> dict[str, ModuleType]:
    """Kind key → parser module, in detection order."""
    modules = [importlib.import_module(f"{__name__}.{name}") for name in _MODULES]
    return {module.KIND: module for module in modules}


def kinds() -> dict[str, str]:
    """Kind key → human label, for help texts and error messages."""
    return {kind: module.LABEL for kind, module in parsers().items()}


def detect(source: SourceText) -> str:
    """The kind this text most likely is; refuses when no parser is confident enough."""
    scores = {kind: module.detect(source) for kind, module in parsers().items()}
    best = max(scores, key=lambda k: scores[k])
    if scores[best] < MIN_CONFIDENCE:
        known = ", ".join(f"{k} ({label})" for k, label in kinds().items())
        raise UnknownKindError(
            source.name,
            f"cannot tell what kind of document this is; known kinds: {known}. "
            "Use --kind to say which it is.",
        )
    return best


def parse(source: SourceText, kind: str | None = None) -> ParsedDocument:
    """Parse a source text as ``kind`` (detected from the content when not given)."""
    if kind is None:
        kind = detect(source)
    elif kind not in parsers():
        raise UnknownKindError(
            source.name, f"unknown kind {kind!r}; known kinds: " + ", ".join(parsers())
        )
    try:
        record = parsers()[kind].parse(source)
    except SourceError:
        raise
    except (ValueError, IndexError, KeyError, AttributeError) as exc:
        # A parser bug on odd input must still come out as a one-line message.
        raise source.error(f"could not be read as {kind}: {exc}") from exc
    return ParsedDocument(source=source, kind=kind, record=record)


__all__ = [
    "MIN_CONFIDENCE",
    "ParsedDocument",
    "SourceError",
    "SourceText",
    "Span",
    "UnknownKindError",
    "detect",
    "kinds",
    "parse",
    "parsers",
]
