"""A small, fast RDF term model: IRIs, literals and triples as plain hashable values.

We do not build rdflib graphs while mapping: thousands of small entity descriptions are
grouped, hashed and serialised at ingest, and plain tuples make that cheap and exactly
reproducible. rdflib (and pyshacl) get the same triples through N-Triples when needed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple

from .namespaces import RDF, XSD


class IRI(str):
    """An absolute IRI. A ``str`` subclass so it sorts, hashes and formats like text."""

    __slots__ = ()


class Literal(NamedTuple):
    """An RDF literal: lexical form plus either a datatype IRI or a language tag."""

    lexical: str
    datatype: str = XSD.string
    lang: str | None = None


Term = IRI | Literal
Triple = tuple[IRI, IRI, Term]


def text(value: str, lang: str | None = "nl") -> Literal:
    """A human-language string; Dutch unless told otherwise."""
    if lang is None:
        return Literal(value)
    return Literal(value, RDF.langString, lang)


def string(value: str) -> Literal:
    """A plain xsd:string (identifiers, numbers written as text such as "2.3.5")."""
    return Literal(value)


def integer(value: int) -> Literal:
    return Literal(str(int(value)), XSD.integer)


def decimal(value: Decimal) -> Literal:
    """An exact xsd:decimal in canonical form (no exponent, no trailing zeros)."""
    normal = value.normalize()
    lexical = format(normal, "f")
    if "." in lexical:
        lexical = lexical.rstrip("0").rstrip(".")
    return Literal(lexical, XSD.decimal)


def date(value: str) -> Literal:
    return Literal(value, XSD.date)


def datetime(value: str) -> Literal:
    return Literal(value, XSD.dateTime)


def boolean(value: bool) -> Literal:
    return Literal("true" if value else "false", XSD.boolean)


def entity_of(iri: str) -> str:
    """The entity a node belongs to: nested nodes live under their owner's IRI after '#'."""
    return iri.split("#", 1)[0]


_NT_ESCAPES = {
    "\\": "\\\\",
    '"': '\\"',
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\b": "\\b",
    "\f": "\\f",
}


# What makes a string need escaping (every _NT_ESCAPES key is '\\', '"' or a control
# character) and what an IRI may not contain: one regex scan instead of a loop per character.
_STRING_NEEDS_ESCAPE = re.compile(r'[\\"\x00-\x1f\x7f]')
_IRI_FORBIDDEN = re.compile(r'[<>"{}|^`\\\x00-\x20]')


_ESCAPE_TABLE = str.maketrans(
    {
        **_NT_ESCAPES,
        **{chr(c): f"\\u{c:04X}" for c in [*range(0x20), 0x7F] if chr(c) not in _NT_ESCAPES},
    }
)


def _escape_string(value: str) -> str:
    if not _STRING_NEEDS_ESCAPE.search(value):
        return value
    return value.translate(_ESCAPE_TABLE)


def iri_text(value: str) -> str:
    """An IRI as N-Triples writes it: characters N-Triples forbids percent-encoded (the
    IRIs we mint already are)."""
    if _IRI_FORBIDDEN.search(value):
        return _IRI_FORBIDDEN.sub(lambda m: f"%{ord(m.group()):02X}", value)
    return value


@lru_cache(maxsize=1 << 15)  # bounded: memory stays flat as the store grows
def nt_term(term: Term) -> str:
    """One term in canonical N-Triples form (RDF 1.1: xsd:string is left implicit)."""
    if isinstance(term, Literal):
        body = f'"{_escape_string(term.lexical)}"'
        if term.lang:
            return f"{body}@{term.lang}"
        if term.datatype == XSD.string:
            return body
        return f"{body}^^<{term.datatype}>"
    return f"<{iri_text(term)}>"


def nt_line(triple: Triple) -> str:
    s, p, o = triple
    return f"{nt_term(s)} {nt_term(p)} {nt_term(o)} ."


def to_ntriples(triples: Iterable[Triple]) -> str:
    """Sorted, canonical N-Triples: the same triples always give the same bytes."""
    return "".join(line + "\n" for line in sorted(nt_line(t) for t in triples))


_NT_LINE = re.compile(
    r'<([^>]*)> <([^>]*)> (?:<([^>]*)>|"((?:[^"\\]|\\.)*)"(?:@([A-Za-z0-9-]+)|\^\^<([^>]*)>)?) \.'
)
_UNESCAPES = {"\\": "\\", '"': '"', "n": "\n", "r": "\r", "t": "\t", "b": "\b", "f": "\f"}
_ESCAPED = re.compile(r"\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)")


def _unescape(value: str) -> str:
    if "\\" not in value:
        return value

    def one(match: re.Match[str]) -> str:
        code = match.group(1)
        if code[0] in "uU" and len(code) > 1:
            return chr(int(code[1:], 16))
        return _UNESCAPES.get(code, code)

    return _ESCAPED.sub(one, value)


def parse_ntriples(text: str) -> list[Triple]:
    """Triples back from the canonical N-Triples this module writes (stored
    contributions); not a general N-Triples parser."""
    out: list[Triple] = []
    for line in text.splitlines():
        if not line:
            continue
        m = _NT_LINE.fullmatch(line)
        if m is None:
            raise ValueError(f"not canonical N-Triples: {line[:80]}")
        s, p, o_iri, lexical, lang, datatype = m.groups()
        obj: Term
        if o_iri is not None:
            obj = IRI(o_iri)
        elif lang:
            obj = Literal(_unescape(lexical), RDF.langString, lang)
        else:
            obj = Literal(_unescape(lexical), datatype or XSD.string)
        out.append((IRI(s), IRI(p), obj))
    return out
