"""Readable Turtle written straight from triples: prefixes, one block per subject.

Output is deterministic (sorted subjects, ``a`` first, then predicates in IRI order) so
the stored bytes of an unchanged resource never change.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from ..mapping.namespaces import PREFIXES, RDF, XSD
from ..mapping.terms import IRI, Literal, Term, Triple, nt_term

_LOCAL = re.compile(r"^[A-Za-z_][A-Za-z0-9_\-]*(?:\.[A-Za-z0-9_\-]+)*$")
_INTEGER = re.compile(r"^[+-]?\d+$")
_PREFIX_ORDER = sorted(PREFIXES.items(), key=lambda kv: -len(kv[1]))


def _prefixed(iri: str, used: set[str]) -> str | None:
    for prefix, ns in _PREFIX_ORDER:
        if iri.startswith(ns):
            local = iri[len(ns) :]
            if local and _LOCAL.match(local):
                used.add(prefix)
                return f"{prefix}:{local}"
    return None


def _term(term: Term, used: set[str]) -> str:
    if isinstance(term, Literal):
        if term.datatype == XSD.integer and not term.lang and _INTEGER.match(term.lexical):
            return term.lexical
        if term.lang or term.datatype == XSD.string:
            return nt_term(term)
        body = nt_term(Literal(term.lexical))
        datatype = _prefixed(term.datatype, used) or f"<{term.datatype}>"
        return f"{body}^^{datatype}"
    return _prefixed(term, used) or nt_term(term)


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
        pairs = sorted(
            by_subject[subject], key=lambda po: (po[0] != RDF.type, po[0], nt_term(po[1]))
        )
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
    return "a" if iri == RDF.type else _term(IRI(iri), used)
