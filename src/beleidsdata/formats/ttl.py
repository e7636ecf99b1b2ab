"""Readable Turtle written straight from triples: prefixes, one block per subject.

Output is deterministic (sorted subjects, ``a`` first, then predicates in IRI order) so
the stored bytes of an unchanged resource never change.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache

from ..mapping.namespaces import PREFIXES, RDF, XSD
from ..mapping.terms import IRI, Literal, Term, Triple, nt_term

_LOCAL = re.compile(r"^[A-Za-z_][A-Za-z0-9_\-]*(?:\.[A-Za-z0-9_\-]+)*$")
_INTEGER = re.compile(r"^[+-]?\d+$")
_PREFIX_ORDER = sorted(PREFIXES.items(), key=lambda kv: -len(kv[1]))
_TYPE = RDF.type


@lru_cache(maxsize=1 << 14)
def _prefix_of(iri: str) -> tuple[str, str] | None:
    """(prefix, ``prefix:local``) when a declared prefix fits the IRI (cached: the same
    predicates and classes recur in every description)."""
    for prefix, ns in _PREFIX_ORDER:
        if iri.startswith(ns):
            local = iri[len(ns) :]
            if local and _LOCAL.match(local):
                return prefix, f"{prefix}:{local}"
    return None


def _prefixed(iri: str, used: set[str]) -> str | None:
    found = _prefix_of(iri)
    if found is None:
        return None
    used.add(found[0])
    return found[1]


@lru_cache(maxsize=1 << 15)
def _written(term: Term) -> tuple[str, str | None]:
    """A term as Turtle writes it, and the prefix that needs (cached per term)."""
    if isinstance(term, Literal):
        if term.datatype == XSD.integer and not term.lang and _INTEGER.match(term.lexical):
            return term.lexical, None
        if term.lang or term.datatype == XSD.string:
            return nt_term(term), None
        body = nt_term(Literal(term.lexical))
        found = _prefix_of(term.datatype)
        if found is None:
            return f"{body}^^<{term.datatype}>", None
        return f"{body}^^{found[1]}", found[0]
    found = _prefix_of(term)
    return (nt_term(term), None) if found is None else (found[1], found[0])


def _term(term: Term, used: set[str]) -> str:
    text, prefix = _written(term)
    if prefix is not None:
        used.add(prefix)
    return text


def to_turtle(
    triples: Iterable[Triple], first: str | None = None, header: str | None = None
) -> str:
    """Turtle for a set of triples; ``first`` (the resource itself) is written first."""
    by_subject: dict[str, list[tuple[str, Term]]] = defaultdict(list)
    for s, p, o in triples:
        by_subject[s].append((p, o))
    used: set[str] = set()
    blocks: list[str] = []
    subjects = sorted(by_subject, key=lambda s: (s != first, s))
    for subject in subjects:
        pairs = sorted(by_subject[subject], key=lambda po: (po[0] != _TYPE, po[0], nt_term(po[1])))
        lines: list[str] = []
        current: str | None = None
        objects: list[str] = []
        for predicate, obj in pairs:
            if predicate != current:
                if current is not None:
                    lines.append(_predicate(current, used) + " " + ", ".join(objects))
                current, objects = predicate, []
            objects.append(_term(obj, used))
        if current is not None:
            lines.append(_predicate(current, used) + " " + ", ".join(objects))
        blocks.append(_term(IRI(subject), used) + "\n    " + " ;\n    ".join(lines) + " .\n")
    prologue = "".join(f"@prefix {p}: <{PREFIXES[p]}> .\n" for p in sorted(used))
    parts = [header or "", prologue, "\n" if prologue else "", "\n".join(blocks)]
    return "".join(parts)


def _predicate(iri: str, used: set[str]) -> str:
    return "a" if iri == _TYPE else _term(IRI(iri), used)
