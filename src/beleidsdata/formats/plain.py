"""Plain JSON (``application/json``): our JSON-LD with the numbers as JSON numbers.

JSON-LD writes an exact amount as a decimal string (``"waarde": "1200000"``), because a
JSON number is a binary float and an amount of money must keep its exact digits through
any JSON-LD processor. A developer who reads plain JSON wants to add amounts up without
parsing strings: in ``application/json`` every key typed ``xsd:decimal`` (or another
numeric type) in the context is a JSON number. Counts and positions (``xsd:integer``)
are JSON numbers in both. Everything else is the same document.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from ..mapping.namespaces import XSD
from .context import TERMS

NUMERIC = frozenset({XSD.decimal, XSD.integer})
NUMBER_KEYS = frozenset(t.key for t in TERMS if t.kind in NUMERIC)


def number(value: str | int | float | Decimal) -> int | float | str:
    """A decimal lexical form as a JSON number (an integer when it is whole); a value
    that is no number is left as it is."""
    if isinstance(value, int | float):
        return value
    try:
        exact = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    if not exact.is_finite():
        return str(value)
    return int(exact) if exact == exact.to_integral_value() else float(exact)


def plain(document: Any) -> Any:
    """A compacted JSON-LD tree with the values of numeric keys as JSON numbers."""
    if isinstance(document, list):
        return [plain(v) for v in document]
    if not isinstance(document, dict):
        return document
    out: dict[str, Any] = {}
    for key, value in document.items():
        if key in NUMBER_KEYS:
            out[key] = [number(v) for v in value] if isinstance(value, list) else number(value)
        else:
            out[key] = plain(value)
    return out


__all__ = ["NUMBER_KEYS", "number", "plain"]
