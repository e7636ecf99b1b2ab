"""The page of each kind of thing: which template shows it, and what that template needs
beyond what every resource page has (title, property table, links, provenance).

A template's view model is a function of the store lookups and the thing; :data:`VIEWS`
finds it by template name, so a new page kind is a template, a function and a line.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..mapping.namespaces import PROV
from ..mapping.uris import AGREEMENT, STRATEGY
from ..store.records import EntityState
from ..store.words import clean_text
from .document import as_list, decision_info
from .glance import chart, figures, status_badge
from .labels import iri_label
from .links import Titles, external_label, kind_label, thing_label
from .store_views import StoreViews


@dataclass(frozen=True)
class Subject:
    """The thing whose page is made, and what its page already knows."""

    entity: EntityState
    root: dict[str, Any]  # the root node of its stored JSON-LD
    titles: Titles  # of the things it links to and that link to it
    lang: str
    page: dict[str, Any]  # what every resource page has: links_in, links_out, …


# What one template needs beyond the common page context.
ViewModel = Callable[[StoreViews, Subject], dict[str, Any]]


def template_for(entity: EntityState, root: dict[str, Any]) -> str:
    """The template of a thing's page, by its classes and kind."""
    types = as_list(root.get("type"))
    soort = str(root.get("soortOnderdeel", ""))
    if "Agendapunt" in types:
        return "decision.html.j2"
    if "Evaluatie" in types:
        return "evaluation.html.j2"
    if "Bevinding" in types or "Annotation" in types:
        return "finding.html.j2"
    if entity.kind == AGREEMENT and soort.endswith("/sectie"):
        return "section.html.j2"
    if entity.kind == STRATEGY and "Work" in types:
        return "strategy.html.j2"
    if entity.kind in ("persoon", "mandataris", "mandaat"):
        return "person.html.j2"
    if entity.kind == "bron":
        return "source.html.j2"
    return "work.html.j2"


def work(v: StoreViews, s: Subject) -> dict[str, Any]:
    root, titles, lang, ctx = s.root, s.titles, s.lang, s.page
    parts = [v.links.ref(p, titles, lang) for p in as_list(root.get("onderdelen"))]
    parents = [v.links.ref(p, titles, lang) for p in as_list(root.get("onderdeelVan"))]
    authors = [v.links.ref(p, titles, lang) for p in as_list(root.get("auteurs"))]
    related = sorted(
        {
            (i["href"], i["text"])
            for g in ctx["links_in"] + ctx["links_out"]
            for i in g["items"]
            if i["kind"] == kind_label("beslissing", lang)
        }
    )
    soort = str(root.get("soortOnderdeel", ""))
    return {
        "parts": parts,
        "parents": parents,
        "authors": authors,
        "text": clean_text(root["tekst"]) if root.get("tekst") else None,
        "number": root.get("nummer"),
        "related": [{"href": h, "text": t} for h, t in related],
        "badge": v.badge(s.entity.iri, lang) if soort.endswith("/speerpunt") else None,
    }


def decision(v: StoreViews, s: Subject) -> dict[str, Any]:
    entity, root, lang = s.entity, s.root, s.lang
    data = json.loads(v.jsonld(entity.path))
    info = decision_info(data, lang)
    see_also = [{"href": u, "host": external_label(u)} for u in info["see_also"]]
    return {"decision": info, "summary": root.get("beschrijving"), "see_also": see_also}


def _twins(v: StoreViews, entity: EntityState, root: dict[str, Any]) -> list[dict[str, Any]]:
    """The exports of one report: evaluations of the same subject with the same summary
    (each export is published as it is; a page shows the report once)."""
    out: list[dict[str, Any]] = []
    summary = " ".join(str(root.get("beschrijving", "")).split())
    for subject in as_list(root.get("onderwerp")):
        for ent, data in v.judged(subject):
            if " ".join(str(data.get("beschrijving", "")).split()) == summary and summary:
                out.append({"entity": ent, "data": data})
    if not any(t["entity"].iri == entity.iri for t in out):
        out.insert(0, {"entity": entity, "data": root})
    return out


def _sources(v: StoreViews, twins: list[dict[str, Any]], lang: str) -> list[dict[str, Any]]:
    """Each export of a report: its own page and the file it was read from."""
    out = []
    for twin in twins:
        ent, data = twin["entity"], twin["data"]
        files = []
        for src in as_list(data.get("afgeleidVan")):
            record = v.store.source(src)
            files.append(
                {
                    "href": v.links.href(src),
                    "name": record.name
                    if record
                    else thing_label(v.links.path_of(src) or "", None, lang),
                }
            )
        out.append({"href": f"/doc/{ent.path}.html", "text": ent.title, "files": files})
    return out


def evaluation(v: StoreViews, s: Subject) -> dict[str, Any]:
    entity, root, titles, lang = s.entity, s.root, s.titles, s.lang
    findings = []
    for f in as_list(root.get("delen")):
        loaded = v.load(v.links.path_of(f) or "")
        if loaded is None:
            continue
        findings.append(v.finding_info(loaded[0], loaded[1], lang))
    findings.sort(key=lambda f: f["position"] or 0)
    decisions = v.decisions_of([entity.iri], lang)
    section = v.links.ref(root["onderwerp"], titles, lang) if root.get("onderwerp") else None
    status = root.get("realisatiestatus")
    data = figures(decisions)
    return {
        "findings": findings,
        "decisions": decisions,
        "section": section,
        "badge": status_badge([str(status)], lang) if status else None,
        "summary": root.get("beschrijving"),
        "conclusion": root.get("conclusie"),
        "glance": chart(data, lang),
        "exports": _sources(v, _twins(v, entity, root), lang),
    }


def finding(v: StoreViews, s: Subject) -> dict[str, Any]:
    entity, root, titles, lang = s.entity, s.root, s.titles, s.lang
    info = v.finding_info(entity, root, lang)
    return {
        "finding": info,
        "decisions": v.decisions_of([entity.iri], lang),
        "report": v.links.ref(root["deelVan"], titles, lang) if root.get("deelVan") else None,
    }


def section(v: StoreViews, s: Subject) -> dict[str, Any]:
    entity, root, titles, lang = s.entity, s.root, s.titles, s.lang
    reports: dict[str, dict[str, Any]] = {}  # one per report, its exports together
    citing: list[str] = []
    for ent, data in v.judged(entity.iri):
        citing.append(ent.iri)
        key = " ".join(str(data.get("beschrijving", "")).split()) or ent.iri
        report = reports.setdefault(
            key,
            {
                "href": f"/doc/{ent.path}.html",
                "text": thing_label(ent.path, ent.title, lang),
                "badge": status_badge([str(data.get("realisatiestatus", ""))], lang),
                "summary": data.get("beschrijving"),
                "conclusion": data.get("conclusie"),
                "twins": [],
                "findings": [],
            },
        )
        report["twins"].append({"entity": ent, "data": data})
        if not report["findings"]:
            for f in as_list(data.get("delen")):
                loaded = v.load(v.links.path_of(f) or "")
                if loaded is not None:
                    citing.append(loaded[0].iri)
                    report["findings"].append(v.finding_info(loaded[0], loaded[1], lang))
            report["findings"].sort(key=lambda f: f["position"] or 0)
    evaluations = list(reports.values())
    for report in evaluations:
        report["exports"] = _sources(v, report.pop("twins"), lang)
    decisions = v.decisions_of(citing, lang)
    return {
        "evaluations": evaluations,
        "decisions": decisions,
        "badge": v.badge(entity.iri, lang),
        "glance": chart(figures(decisions), lang),
        "text": clean_text(root["tekst"]) if root.get("tekst") else None,
        "number": root.get("nummer"),
        "parents": [v.links.ref(p, titles, lang) for p in as_list(root.get("onderdeelVan"))],
        "parts": [v.links.ref(p, titles, lang) for p in as_list(root.get("onderdelen"))],
    }


def strategy(v: StoreViews, s: Subject) -> dict[str, Any]:
    root, lang = s.root, s.lang
    axes: list[dict[str, Any]] = []
    speerpunten: list[dict[str, Any]] = []
    other: list[dict[str, Any]] = []
    n_actions = 0
    for part in as_list(root.get("onderdelen")):
        loaded = v.load(v.links.path_of(part) or "")
        if loaded is None:
            continue
        ent, data = loaded
        soort = str(data.get("soortOnderdeel", "")).rsplit("/", 1)[-1]
        item: dict[str, Any] = {
            "href": f"/doc/{ent.path}.html",
            "text": thing_label(ent.path, ent.title, lang),
            "number": data.get("nummer"),
            "position": data.get("positie") or 0,
            "soort": iri_label(str(data.get("soortOnderdeel", "")), lang) or soort,
        }
        if soort == "as":
            axes.append(item)
        elif soort == "speerpunt":
            item["actions"] = v.action_points(data)
            item["badge"] = v.badge(ent.iri, lang)
            n_actions += len(item["actions"])
            speerpunten.append(item)
        else:
            other.append(item)
    for group in (axes, speerpunten, other):
        group.sort(key=lambda i: i["position"])
    return {
        "axes": axes,
        "speerpunten": speerpunten,
        "other_parts": other,
        "n_actions": n_actions,
        "announced": root.get("aangekondigdAantal"),
    }


def person(v: StoreViews, s: Subject) -> dict[str, Any]:
    root = s.root
    return {"name": root.get("naam")}


def source(v: StoreViews, s: Subject) -> dict[str, Any]:
    entity, root, lang = s.entity, s.root, s.lang
    lines = v.source_text(entity.iri) or []
    derived = [
        g
        for g in v.grouped(v.store.links_to(entity.iri), lang)
        if g["predicate"] == PROV.wasDerivedFrom
    ]
    return {
        "source_lines": list(enumerate(lines, 1)),
        "derived": derived[0]["items"] if derived else [],
        "file_name": root.get("bestandsnaam"),
    }


VIEWS: dict[str, ViewModel] = {
    "work.html.j2": work,
    "decision.html.j2": decision,
    "evaluation.html.j2": evaluation,
    "finding.html.j2": finding,
    "section.html.j2": section,
    "strategy.html.j2": strategy,
    "person.html.j2": person,
    "source.html.j2": source,
}
