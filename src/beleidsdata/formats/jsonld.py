"""Compacted JSON-LD written straight from triples, using our v1 context.

A general JSON-LD compaction (pyld) costs milliseconds per resource; we know our context,
so we write the compacted form directly and prove in the tests that pyld and jsonld.js
expand it back to exactly the same triples. Nested ``#fragment`` nodes referenced once are
embedded where they are referenced, so a resource reads like ordinary JSON.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from functools import cache

from ..mapping.namespaces import PREFIXES, RDF, XSD
from ..mapping.terms import IRI, Literal, Term, Triple
from .context import CLASSES, ID, NL, PLAIN, TERMS, VOCAB, TermDef

_CLASS_NAMES = {iri: name for name, iri in CLASSES.items()}
_ORDER = {term.key: i for i, term in enumerate(TERMS)}


@cache
def _terms_by_iri() -> dict[str, tuple[TermDef, ...]]:
    index: dict[str, list[TermDef]] = defaultdict(list)
    for term in TERMS:
        index[term.iri].append(term)
    return {k: tuple(v) for k, v in index.items()}


def compact_iri(iri: str) -> str:
    """``prefix:local`` where a declared prefix fits, else the IRI itself."""
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def _matches(term: TermDef, value: Term) -> bool:
    if term.kind in (ID, VOCAB):
        return isinstance(value, IRI)
    if not isinstance(value, Literal):
        return False
    if term.kind == NL:
        return value.lang == "nl"
    if term.kind == PLAIN:
        return value.lang is None and value.datatype == XSD.string
    return value.lang is None and value.datatype == term.kind


def _key_for(predicate: str, value: Term) -> tuple[str, TermDef | None]:
    candidates = _terms_by_iri().get(predicate, ())
    for term in candidates:
        if _matches(term, value):
            return term.key, term
    if candidates:
        return candidates[0].key, None
    return compact_iri(predicate), None


def _literal_value(value: Literal, term: TermDef | None) -> object:
    if term is not None:
        if term.kind == XSD.integer:
            return int(value.lexical)
        return value.lexical
    if value.lang:
        return {"@value": value.lexical, "@language": value.lang}
    if value.datatype == XSD.string:
        # A value object: the context's default language does not apply to it.
        return {"@value": value.lexical}
    return {"@value": value.lexical, "@type": value.datatype}


class _Writer:
    def __init__(self, triples: Iterable[Triple]) -> None:
        self.by_subject: dict[str, list[tuple[str, Term]]] = defaultdict(list)
        self.references: dict[str, int] = defaultdict(int)
        for s, p, o in triples:
            self.by_subject[s].append((p, o))
            if isinstance(o, IRI) and p != RDF.type:
                self.references[o] += 1
        self.emitted: set[str] = set()

    def embeddable(self, iri: str, root: str) -> bool:
        return (
            "#" in iri
            and iri in self.by_subject
            and iri not in self.emitted
            and iri != root
            and self.references[iri] == 1
        )

    def node(self, subject: str, root: str) -> dict[str, object]:
        self.emitted.add(subject)
        obj: dict[str, object] = {"id": subject}
        types: list[str] = []
        props: dict[str, list[object]] = defaultdict(list)
        repeat: dict[str, bool] = {}
        for predicate, value in sorted(self.by_subject[subject], key=_sort_key):
            if predicate == RDF.type and isinstance(value, IRI):
                types.append(_CLASS_NAMES.get(value) or compact_iri(value))
                continue
            key, term = _key_for(predicate, value)
            out: object
            if term is None and isinstance(value, IRI):
                out = {"id": value}
            elif isinstance(value, IRI):
                out = self.node(value, root) if self.embeddable(value, root) else str(value)
            else:
                out = _literal_value(value, term)
            props[key].append(out)
            repeat[key] = repeat.get(key, False) or bool(term and term.repeat)
        if types:
            obj["type"] = sorted(types)
        for key in sorted(props, key=lambda k: (_ORDER.get(k, len(_ORDER)), k)):
            values = props[key]
            obj[key] = values if (repeat[key] or len(values) > 1) else values[0]
        return obj


def _sort_key(pair: tuple[str, Term]) -> tuple[str, str]:
    predicate, value = pair
    return predicate, value if isinstance(value, str) else value.lexical


def to_jsonld(triples: Iterable[Triple], root: str | None, context: str) -> dict[str, object]:
    """One compacted document: ``root`` with its nested nodes embedded, other subjects in
    ``@graph``. With ``root=None`` every subject is listed in ``@graph``."""
    writer = _Writer(triples)
    subjects = sorted(writer.by_subject)
    if root is not None and root in writer.by_subject:
        top = writer.node(root, root)
        rest = [writer.node(s, root) for s in subjects if s not in writer.emitted
                and not writer.embeddable(s, root)]
        rest += [writer.node(s, root) for s in subjects if s not in writer.emitted]
        if not rest:
            return {"@context": context, **top}
        return {"@context": context, "@graph": [top, *rest]}
    graph = [writer.node(s, "") for s in subjects if s not in writer.emitted]
    return {"@context": context, "@graph": graph}


def dumps(document: dict[str, object]) -> bytes:
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode()
