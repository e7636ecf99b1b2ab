"""Compacted JSON-LD written straight from triples, using our v1 context.

A general JSON-LD compaction (pyld) costs milliseconds per resource; we know our context,
so we write the compacted form directly and prove in the tests that pyld and jsonld.js
expand it back to exactly the same triples. Nested ``#fragment`` nodes referenced once are
embedded where they are referenced, so a resource reads like ordinary JSON. A fragment
node that nothing points to but that itself points (with a property that has a reverse
term in the context) to another node is nested under that node with the reverse key: a
decision is one tree (item → ``behandelingen`` → ``beslissing`` → ``stukken``), not a flat
``@graph``.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from functools import cache, lru_cache

from ..mapping.namespaces import PREFIXES, RDF, XSD
from ..mapping.terms import IRI, Literal, Term, Triple
from .context import CLASSES, ID, NL, PLAIN, TERMS, VOCAB, TermDef

_CLASS_NAMES = {iri: name for name, iri in CLASSES.items()}
_ORDER = {term.key: i for i, term in enumerate(TERMS)}


@cache
def _terms_by_iri() -> dict[str, tuple[TermDef, ...]]:
    index: dict[str, list[TermDef]] = defaultdict(list)
    for term in TERMS:
        if not term.reverse:
            index[term.iri].append(term)
    return {k: tuple(v) for k, v in index.items()}


_REVERSE = {term.iri: term.key for term in TERMS if term.reverse}


def compact_iri(iri: str) -> str:
    """``prefix:local`` where a declared prefix fits, else the IRI itself."""
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns) :]}"
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
    if isinstance(value, Literal):
        return _key_for_kind(predicate, False, value.lang, value.datatype)
    return _key_for_kind(predicate, True, None, None)


@lru_cache(maxsize=1 << 12)
def _key_for_kind(
    predicate: str, iri: bool, lang: str | None, datatype: str | None
) -> tuple[str, TermDef | None]:
    """The context term for a predicate and a kind of value (cached: what decides is the
    value's kind, IRI or literal of a language or datatype, never its text)."""
    value: Term = IRI("") if iri else Literal("", datatype or XSD.string, lang)
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
    def __init__(self, triples: Iterable[Triple], nest_all: bool = False) -> None:
        self.nest_all = nest_all
        self.by_subject: dict[str, list[tuple[str, Term]]] = defaultdict(list)
        self.references: dict[str, int] = defaultdict(int)
        for s, p, o in triples:
            self.by_subject[s].append((p, o))
            if isinstance(o, IRI) and p != RDF.type and o != s:
                self.references[o] += 1
        self.emitted: set[str] = set()
        self._ordered: dict[str, list[tuple[str, Term]]] = {}
        # Fragment nodes nested under the node they point to, with a reverse key.
        self.reverse_children: dict[str, list[tuple[str, str]]] = defaultdict(list)
        self.reverse_parent: dict[str, tuple[str, str]] = {}  # child → (predicate, parent)
        for subject in sorted(self.by_subject):
            if "#" not in subject or self.references[subject]:
                continue
            for predicate, value in self.ordered(subject):
                if (
                    predicate in _REVERSE
                    and isinstance(value, IRI)
                    and value != subject
                    and value in self.by_subject
                ):
                    self.reverse_children[value].append((_REVERSE[predicate], subject))
                    self.reverse_parent[subject] = (predicate, value)
                    self.references[value] -= 1
                    break

    def ordered(self, subject: str) -> list[tuple[str, Term]]:
        """A subject's pairs in output order, sorted once (a fragment node is read both
        when finding its reverse parent and when written)."""
        pairs = self._ordered.get(subject)
        if pairs is None:
            pairs = self._ordered[subject] = _ordered(self.by_subject[subject])
        return pairs

    def embeddable(self, iri: str, root: str) -> bool:
        return (
            ("#" in iri or self.nest_all)
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
        skip = self.reverse_parent.get(subject)
        for predicate, value in self.ordered(subject):
            if skip is not None and (predicate, value) == skip:
                continue  # said by the reverse key this node is nested under
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
        for key, child in self.reverse_children.get(subject, ()):
            if child not in self.emitted:
                props[key].append(self.node(child, root))
                repeat[key] = True
        if types:
            obj["type"] = sorted(types)
        for key in sorted(props, key=lambda k: (_ORDER.get(k, len(_ORDER)), k)):
            values = props[key]
            obj[key] = values if (repeat[key] or len(values) > 1) else values[0]
        return obj


_DIGITS = re.compile(r"(\d+)")


@lru_cache(maxsize=1 << 14)
def _natural(text: str) -> tuple[tuple[int, str], ...]:
    """Numbers in IRIs compare as numbers: …/actiepunt/9 before …/actiepunt/10."""
    return tuple((int(part), "") if part.isdigit() else (-1, part) for part in _DIGITS.split(text))


def _value_key(pair: tuple[str, Term]) -> tuple[tuple[int, str], ...]:
    value = pair[1]
    return _natural(value if isinstance(value, str) else value.lexical)


def _ordered(pairs: list[tuple[str, Term]]) -> list[tuple[str, Term]]:
    """The pairs by predicate, then by the natural order of their values: the same order
    (ties included: both sorts are stable) as sorting on ``(predicate, natural key)``, but
    natural keys, costly for long texts, are made only for predicates said more than once.
    """
    by_predicate: dict[str, list[tuple[str, Term]]] = {}
    for pair in pairs:
        group = by_predicate.get(pair[0])
        if group is None:
            by_predicate[pair[0]] = [pair]
        else:
            group.append(pair)
    out: list[tuple[str, Term]] = []
    for predicate in sorted(by_predicate):
        group = by_predicate[predicate]
        if len(group) > 1:
            group.sort(key=_value_key)
        out += group
    return out


def to_jsonld(
    triples: Iterable[Triple], root: str | None, context: str, nest_all: bool = False
) -> dict[str, object]:
    """One compacted document: ``root`` with its nested nodes embedded, other subjects in
    ``@graph``. With ``root=None`` every subject is listed in ``@graph``. ``nest_all``
    nests any node referenced once, not only ``#fragment`` nodes (collection pages)."""
    writer = _Writer(triples, nest_all)
    subjects = sorted(writer.by_subject)
    if root is not None and root in writer.by_subject:
        top = writer.node(root, root)
        rest = [
            writer.node(s, root)
            for s in subjects
            if s not in writer.emitted
            and not writer.embeddable(s, root)
            and s not in writer.reverse_parent
        ]
        rest += [writer.node(s, root) for s in subjects if s not in writer.emitted]
        if not rest:
            return {"@context": context, **top}
        return {"@context": context, "@graph": [top, *rest]}
    graph = [
        writer.node(s, "")
        for s in subjects
        if s not in writer.emitted and s not in writer.reverse_parent
    ]
    graph += [writer.node(s, "") for s in subjects if s not in writer.emitted]
    return {"@context": context, "@graph": graph}


def dumps(document: dict[str, object], pretty: bool = False) -> bytes:
    """JSON text: one line by default (the C encoder, several times faster than indenting:
    what ingest stores), indented for answers computed per request that people read."""
    if pretty:
        return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode()
    return (json.dumps(document, ensure_ascii=False) + "\n").encode()
