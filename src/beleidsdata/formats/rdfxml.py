"""RDF/XML written straight from triples: one ``rdf:Description`` per subject.

Flat and deterministic (subjects sorted, ``first`` first; predicates in IRI order), with
our prefixes as XML namespaces. Every predicate we publish ends in an XML name (checked
here: a predicate that cannot be written raises, it is never silently dropped).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache
from xml.sax.saxutils import escape, quoteattr

from ..mapping.namespaces import PREFIXES, RDF, XSD
from ..mapping.terms import Literal, Term, Triple, nt_term

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.\-]*$")
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


_ATTR_PLAIN = re.compile('[&<>"\n\r\t]')
_TEXT_PLAIN = re.compile("[&<>\x00-\x08\x0b\x0c\x0e-\x1f]")
_TYPE = RDF.type


@lru_cache(maxsize=1 << 12)
def _declared(iri: str) -> tuple[str, str] | None:
    """(prefix, local name) of a predicate in one of our prefixes (cached)."""
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and _NAME.fullmatch(iri[len(ns) :]):
            return prefix, iri[len(ns) :]
    return None


def _split(iri: str, extra: dict[str, str]) -> tuple[str, str]:
    """(prefix, local name) of a predicate."""
    found = _declared(iri)
    if found is not None:
        return found
    match = _NAME.search(iri)
    if not match or match.start() == 0:
        raise ValueError(f"cannot write predicate {iri} in RDF/XML")
    ns, local = iri[: match.start()], iri[match.start() :]
    prefix = extra.setdefault(ns, f"ns{len(extra) + 1}")
    return prefix, local


def _text(value: str) -> str:
    if not _TEXT_PLAIN.search(value):
        return value
    return escape(_XML_BAD.sub("\ufffd", value))


def _attr(value: str) -> str:
    """``quoteattr``, with a fast path for the common value that needs no escaping."""
    return quoteattr(value) if _ATTR_PLAIN.search(value) else f'"{value}"'


def to_rdfxml(triples: Iterable[Triple], first: str | None = None) -> str:
    by_subject: dict[str, list[tuple[str, Term]]] = defaultdict(list)
    for s, p, o in triples:
        by_subject[s].append((p, o))
    extra: dict[str, str] = {}
    used: set[str] = {"rdf"}
    blocks: list[str] = []
    for subject in sorted(by_subject, key=lambda s: (s != first, s)):
        lines = [f"  <rdf:Description rdf:about={_attr(subject)}>"]
        for predicate, value in sorted(
            by_subject[subject], key=lambda po: (po[0] != _TYPE, po[0], nt_term(po[1]))
        ):
            prefix, local = _split(predicate, extra)
            used.add(prefix)
            tag = f"{prefix}:{local}"
            if not isinstance(value, Literal):
                lines.append(f"    <{tag} rdf:resource={_attr(value)}/>")
            elif value.lang:
                lines.append(
                    f"    <{tag} xml:lang={_attr(value.lang)}>{_text(value.lexical)}</{tag}>"
                )
            elif value.datatype == XSD.string:
                lines.append(f"    <{tag}>{_text(value.lexical)}</{tag}>")
            else:
                lines.append(
                    f"    <{tag} rdf:datatype={_attr(value.datatype)}>"
                    f"{_text(value.lexical)}</{tag}>"
                )
        lines.append("  </rdf:Description>")
        blocks.append("\n".join(lines))
    namespaces = {p: ns for p, ns in PREFIXES.items() if p in used}
    namespaces.update({p: ns for ns, p in extra.items()})
    attrs = "".join(f"\n    xmlns:{p}={quoteattr(ns)}" for p, ns in sorted(namespaces.items()))
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f"<rdf:RDF{attrs}>\n" + "\n".join(blocks) + ("\n" if blocks else "") + "</rdf:RDF>\n"
    )
