"""Documentation pages for ``vocab/`` and ``shapes/``, in the style of the OSLO specifications.

The Turtle files are read with rdflib once per process (the first time a page is asked
for) and the rendered pages are kept: they change only with a new release.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

import rdflib
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SH, SKOS

from ..mapping.namespaces import PREFIXES
from ..resources import shapes_dir, vocab_dir
from .i18n import Translator
from .labels import iri_label
from .links import concept_anchor
from .render import render

_EXTRA = {
    "owl": str(OWL),
    "vann": "http://purl.org/vocab/vann/",
    "themis": "http://themis.vlaanderen.be/id/",
}


def curie(iri: Any) -> str:
    text = str(iri)
    best = ""
    prefix_found = ""
    for prefix, ns in {**PREFIXES, **_EXTRA}.items():
        if text.startswith(ns) and len(ns) > len(best):
            best, prefix_found = ns, prefix
    return f"{prefix_found}:{text[len(best) :]}" if best and text != best else text


def _text(graph: rdflib.Graph, s: Any, p: Any, lang: str) -> str | None:
    found: dict[str, str] = {}
    for o in graph.objects(s, p):
        if isinstance(o, rdflib.Literal):
            found.setdefault(o.language or "", str(o))
    return (
        found.get(lang)
        or found.get("nl")
        or found.get("")
        or found.get("en")
        or (next(iter(found.values())) if found else None)
    )


def _labels(graph: rdflib.Graph, s: Any) -> dict[str, str]:
    out: dict[str, str] = {}
    for p in (RDFS.label, SKOS.prefLabel, SH.name):
        for o in graph.objects(s, p):
            if isinstance(o, rdflib.Literal):
                out.setdefault(o.language or "nl", str(o))
    return out


def term_ref(iri: Any, lang: str) -> dict[str, Any]:
    """A term as shown on a documentation page: its CURIE, label and where to read more."""
    text = str(iri)
    if text.startswith("https://w3id.org/beleidsdata/ns#"):
        href = "/vocab/beleidsdata.html#" + text.rsplit("#", 1)[1]
    elif text.startswith("https://w3id.org/beleidsdata/concept/"):
        href = "/vocab/concepten.html#" + concept_anchor(text)
    elif text.startswith(("http://", "https://")):
        href = text
    else:
        href = None
    return {"curie": curie(iri), "iri": text, "href": href, "label": iri_label(text, lang)}


@dataclass
class Term:
    iri: str
    anchor: str
    curie: str
    labels: dict[str, str]
    definition: str | None
    comment: str | None
    scope: str | None
    extends: list[dict[str, Any]] = field(default_factory=list)
    domain: list[dict[str, Any]] = field(default_factory=list)
    range: list[dict[str, Any]] = field(default_factory=list)
    notation: str | None = None


@cache
def _graph(folder: str, stem: str) -> rdflib.Graph:
    base = vocab_dir() if folder == "vocab" else shapes_dir()
    return rdflib.Graph().parse(base / f"{stem}.ttl", format="turtle")


def _term(graph: rdflib.Graph, s: Any, lang: str) -> Term:
    text = str(s)
    anchor = text.rsplit("#", 1)[1] if "#" in text else concept_anchor(text)
    extends = [
        term_ref(o, lang)
        for p in (RDFS.subClassOf, RDFS.subPropertyOf)
        for o in graph.objects(s, p)
    ]
    return Term(
        iri=text,
        anchor=anchor,
        curie=curie(s),
        labels=_labels(graph, s),
        definition=_text(graph, s, SKOS.definition, lang),
        comment=_text(graph, s, RDFS.comment, lang),
        scope=_text(graph, s, SKOS.scopeNote, lang),
        extends=extends,
        domain=[term_ref(o, lang) for o in graph.objects(s, RDFS.domain)],
        range=[term_ref(o, lang) for o in graph.objects(s, RDFS.range)],
        notation=_text(graph, s, SKOS.notation, lang),
    )


def vocab_model(stem: str, lang: str) -> dict[str, Any]:
    g = _graph("vocab", stem)
    classes = sorted({s for t in (OWL.Class, RDFS.Class) for s in g.subjects(RDF.type, t)}, key=str)
    props = sorted(
        {
            s
            for t in (RDF.Property, OWL.ObjectProperty, OWL.DatatypeProperty)
            for s in g.subjects(RDF.type, t)
        },
        key=str,
    )
    schemes = []
    for scheme in sorted(g.subjects(RDF.type, SKOS.ConceptScheme), key=str):
        concepts = sorted(g.subjects(SKOS.inScheme, scheme), key=str)
        schemes.append(
            {"term": _term(g, scheme, lang), "concepts": [_term(g, c, lang) for c in concepts]}
        )
    others = []
    typed = (
        set(classes)
        | set(props)
        | set(g.subjects(RDF.type, SKOS.ConceptScheme))
        | set(g.subjects(RDF.type, SKOS.Concept))
        | set(g.subjects(RDF.type, OWL.Ontology))
    )
    for s in sorted({s for s in g.subjects() if isinstance(s, rdflib.URIRef)} - typed, key=str):
        others.append(_term(g, s, lang))
    ontology = next(iter(g.subjects(RDF.type, OWL.Ontology)), None)
    return {
        "stem": stem,
        "title": (_text(g, ontology, DCTERMS.title, lang) if ontology else None) or stem,
        "description": _text(g, ontology, DCTERMS.description, lang) if ontology else None,
        "namespace": str(ontology) if ontology else None,
        "classes": [_term(g, c, lang) for c in classes],
        "properties": [_term(g, p, lang) for p in props],
        "schemes": schemes,
        "others": others,
    }


def vocab_stems() -> list[str]:
    return [p.stem for p in sorted(vocab_dir().glob("*.ttl"))]


def shape_stems() -> list[str]:
    return [p.stem for p in sorted(shapes_dir().glob("*.ttl"))]


Services = tuple[tuple[str, str | None], ...] | None


def _chrome(lang: str, services: Services) -> dict[str, Any]:
    """The layout's words and links: live service by default, a static build's otherwise."""
    out: dict[str, Any] = {"lang": lang, "t": Translator(lang)}
    if services is not None:
        out.update(services=dict(services), static=True)
    return out


@cache
def vocab_index_page(lang: str, services: Services = None) -> bytes:
    files = [{"stem": s, "model": vocab_model(s, lang)} for s in vocab_stems()]
    return render("vocab_index.html.j2", **_chrome(lang, services), files=files, path="/vocab/")


@cache
def vocab_file_page(stem: str, lang: str, services: Services = None) -> bytes:
    return render(
        "vocab.html.j2",
        **_chrome(lang, services),
        v=vocab_model(stem, lang),
        path=f"/vocab/{stem}.html",
    )


def _path_text(g: rdflib.Graph, path: Any, lang: str) -> dict[str, Any]:
    if isinstance(path, rdflib.URIRef):
        return term_ref(path, lang)
    inverse = g.value(path, SH.inversePath)
    if inverse is not None:
        ref = term_ref(inverse, lang)
        return {**ref, "curie": "^" + ref["curie"]}
    if (path, RDF.first, None) in g:
        parts = [term_ref(p, lang) for p in Collection(g, path)]
        return {
            "curie": " / ".join(p["curie"] for p in parts),
            "href": None,
            "label": None,
            "iri": "",
        }
    return {"curie": "(…)", "href": None, "label": None, "iri": ""}


def _constraints(g: rdflib.Graph, ps: Any, lang: str) -> dict[str, Any]:
    def one(p: Any) -> Any:
        return g.value(ps, p)

    lo, hi = one(SH.minCount), one(SH.maxCount)
    card = f"{lo if lo is not None else 0}..{hi if hi is not None else '*'}"
    kinds = []
    for p, word in ((SH.datatype, ""), (SH["class"], ""), (SH.node, "node "), (SH.nodeKind, "")):
        for o in g.objects(ps, p):
            kinds.append({**term_ref(o, lang), "prefix": word})
    values = []
    for o in g.objects(ps, SH["in"]):
        values = [
            term_ref(x, lang)
            if isinstance(x, rdflib.URIRef)
            else {"curie": str(x), "href": None, "label": None}
            for x in Collection(g, o)
        ]
    has = [term_ref(o, lang) for o in g.objects(ps, SH.hasValue)]
    severity = one(SH.severity)
    messages = {}
    for o in g.objects(ps, SH.message):
        if isinstance(o, rdflib.Literal):
            messages[o.language or ""] = str(o)
    pattern = one(SH.pattern)
    return {
        "cardinality": card,
        "kinds": kinds,
        "values": values + has,
        "severity": curie(severity).removeprefix("sh:") if severity else "Violation",
        "message": messages.get(lang)
        or messages.get("nl")
        or messages.get("")
        or next(iter(messages.values()), None),
        "pattern": str(pattern) if pattern else None,
    }


def shapes_model(stem: str, lang: str) -> dict[str, Any]:
    g = _graph("shapes", stem)
    shapes = []
    for ns in sorted(g.subjects(RDF.type, SH.NodeShape), key=str):
        props = []
        for ps in g.objects(ns, SH.property):
            path = g.value(ps, SH.path)
            if path is None:
                continue
            props.append(
                {
                    "path": _path_text(g, path, lang),
                    "name": _text(g, ps, SH.name, lang),
                    "description": _text(g, ps, SH.description, lang),
                    **_constraints(g, ps, lang),
                }
            )
        props.sort(key=lambda p: (p["path"]["curie"], p["cardinality"]))
        targets = [
            term_ref(o, lang)
            for p in (SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.targetNode)
            for o in g.objects(ns, p)
        ]
        own = {
            k: v
            for k, v in _constraints(g, ns, lang).items()
            if k in ("kinds", "values", "message")
        }
        label = _text(g, ns, RDFS.label, lang)
        shapes.append(
            {
                "iri": str(ns),
                "anchor": str(ns).rsplit("#", 1)[-1],
                "curie": curie(ns),
                "label": label,
                "targets": targets,
                "comment": _text(g, ns, RDFS.comment, lang),
                "properties": props,
                "closed": str(g.value(ns, SH.closed)) == "true",
                **own,
            }
        )
    return {"stem": stem, "shapes": shapes}


@cache
def shapes_index_page(lang: str, services: Services = None) -> bytes:
    files = [shapes_model(s, lang) for s in shape_stems()]
    return render("shapes_index.html.j2", **_chrome(lang, services), files=files, path="/shapes/")


@cache
def shape_page(stem: str, lang: str, services: Services = None) -> bytes:
    return render(
        "shapes.html.j2",
        **_chrome(lang, services),
        s=shapes_model(stem, lang),
        path=f"/shapes/{stem}.html",
    )
