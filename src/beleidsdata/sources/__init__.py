"""Parsers, one module (or package) per document kind: text in, typed records out.

Every parser offers ``detect(source) -> float`` (how sure it is, 0..1) and
``parse(source) -> record`` (pure: frozen dataclasses, no RDF). Which parsers exist, and
which kind each reads, is declared once in the registry of kinds (:mod:`beleidsdata.kinds`),
which also detects the kind of a text.
"""

from __future__ import annotations

from ..errors import SourceError, UnknownKindError
from .base import ParsedDocument, Parser, SourceText, Span

__all__ = ["ParsedDocument", "Parser", "SourceError", "SourceText", "Span", "UnknownKindError"]
