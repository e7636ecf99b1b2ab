"""Labels of properties, classes and concepts, read once from the vocabularies.

Every label a page shows for a property, a class or a concept comes from ``vocab/*.ttl``
(``rdfs:label``, ``skos:prefLabel``, ``sh:name``), in Dutch or English: our own terms and
concept schemes, plus ``vocab/labels-*.ttl`` for the OSLO, ELI and W3C terms we reuse.
rdflib runs once, at start-up; a request looks labels up in a dict.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

import rdflib
from rdflib.namespace import DCTERMS, RDFS, SKOS

from ..formats.context import CLASSES, TERMS
from ..resources import vocab_dir


@dataclass
class Labels:
    """IRI → language → text, for labels and for definitions."""

    labels: dict[str, dict[str, str]] = field(default_factory=dict)
    definitions: dict[str, dict[str, str]] = field(default_factory=dict)

    def label(self, iri: str, lang: str = "nl") -> str | None:
        found = self.labels.get(iri)
        if not found:
            return None
        return found.get(lang) or found.get("nl") or found.get("en") or next(iter(found.values()))

    def definition(self, iri: str, lang: str = "nl") -> str | None:
        found = self.definitions.get(iri)
        if not found:
            return None
        return found.get(lang) or found.get("nl") or found.get("en")


def _collect(
    graph: rdflib.Graph, predicates: tuple[rdflib.URIRef, ...], into: dict[str, dict[str, str]]
) -> None:
    for predicate in predicates:
        for s, o in graph.subject_objects(predicate):
            if isinstance(s, rdflib.URIRef) and isinstance(o, rdflib.Literal):
                lang = o.language or "nl"
                into.setdefault(str(s), {}).setdefault(lang, str(o))


@cache
def vocabulary_labels() -> Labels:
    graph = rdflib.Graph()
    for path in sorted(vocab_dir().glob("*.ttl")):
        graph.parse(path, format="turtle")
    out = Labels()
    _collect(graph, (SKOS.prefLabel, RDFS.label, DCTERMS.title), out.labels)
    _collect(graph, (SKOS.definition, RDFS.comment), out.definitions)
    return out


_KEY_IRI = {t.key: t.iri for t in TERMS}
_REVERSE = {t.key for t in TERMS if t.reverse}
_KEY_DOC = {t.key: t.doc for t in TERMS}


def key_iri(key: str) -> str | None:
    """The property IRI behind one of our JSON keys."""
    return _KEY_IRI.get(key)


# Reverse keys nest the nodes that point here; they are named for what they hold.
REVERSE_LABELS = {
    "behandelingen": ("behandelingen", "treatments"),
    "stukken": ("stukken die dit beschrijven", "documents describing this"),
}


def key_label(key: str, lang: str = "nl") -> str:
    """A JSON key's label from the vocabulary (reverse keys: what they hold)."""
    if key in _REVERSE:
        names = REVERSE_LABELS.get(key, (key, key))
        return names[0 if lang == "nl" else 1]
    iri = _KEY_IRI.get(key)
    text = vocabulary_labels().label(iri, lang) if iri else None
    return key if text is None else text


def key_definition(key: str, lang: str = "nl") -> str:
    iri = _KEY_IRI.get(key)
    found = vocabulary_labels().definition(iri, lang) if iri else None
    return found or _KEY_DOC.get(key, "")


def class_label(name: str, lang: str = "nl") -> str:
    """A "type" value of our JSON (a class name, or an IRI) as a label."""
    iri = CLASSES.get(name, name)
    return vocabulary_labels().label(iri, lang) or name


def iri_label(iri: str, lang: str = "nl") -> str | None:
    """The label of a concept, a body or a term, when a vocabulary has one."""
    return vocabulary_labels().label(iri, lang)
