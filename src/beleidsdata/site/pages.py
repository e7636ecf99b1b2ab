"""The human-readable site: one object that renders every page from the store.

Pages are rendered from the JSON-LD stored at ingest (our context makes it plain JSON) and
from the ``entity_links`` index filled at ingest, never from an RDF graph: a page costs a
few indexed lookups and a template render. The live service (``api/site.py``) and the
static build (:mod:`beleidsdata.site.build`) use the same :class:`SitePages`, so both give
the same pages; ``static=True`` only swaps links to things a static host cannot serve
(search with a query, the validator) for their static stand-ins.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from ..mapping.namespaces import DCT, OA, PROV
from ..store import SQLiteStore
from ..store.base import EntityState
from .i18n import Translator
from .labels import class_label, iri_label, key_definition, key_iri, key_label
from .render import render

# Keys shown in their own place on a resource page rather than in the property table.
SPECIAL = {"@context", "id", "type", "titel", "herkomst", "afgeleidVan"}
LONG_TEXT = {"tekst", "beschrijving", "conclusie", "inhoudstekst"}
CONCEPT_ROOT = "https://w3id.org/beleidsdata/concept/"
# Kinds whose label is a class label (the other kinds are document kinds in concepten.ttl).
KIND_CLASS = {
    "beslissing": "Agendapunt",
    "bron": "Bron",
    "persoon": "Persoon",
    "mandataris": "Mandataris",
    "mandaat": "Mandaat",
}
# Links that say where a thing was read, shown under provenance rather than as citations.
PROVENANCE_PREDICATES = {PROV.wasDerivedFrom, PROV.entity}
SERVICES = ("ldes", "catalog", "developers", "validate", "docs")


def concept_anchor(iri: str) -> str:
    """The fragment of a term or concept on the vocabulary pages."""
    tail = iri.removeprefix(CONCEPT_ROOT)
    return re.sub(r"[^A-Za-z0-9._-]+", "-", tail).strip("-")


def find_key(data: Any, key: str) -> Any:
    """The first value of ``key`` anywhere in a JSON tree (depth first), or None."""
    if isinstance(data, dict):
        if key in data:
            return data[key]
        for v in data.values():
            found = find_key(v, key)
            if found is not None:
                return found
    elif isinstance(data, list):
        for v in data:
            found = find_key(v, key)
            if found is not None:
                return found
    return None


def find_nodes(data: Any, type_name: str) -> list[dict[str, Any]]:
    """Every node of a JSON tree typed ``type_name``."""
    out: list[dict[str, Any]] = []
    if isinstance(data, dict):
        if type_name in as_list(data.get("type")):
            out.append(data)
        for v in data.values():
            out.extend(find_nodes(v, type_name))
    elif isinstance(data, list):
        for v in data:
            out.extend(find_nodes(v, type_name))
    return out


def as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def euro(value: Decimal | str | int, lang: str = "nl") -> str:
    """12000000 → "€ 12.000.000" (nl) or "€12,000,000" (en)."""
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    whole = f"{amount:,.2f}" if amount != amount.to_integral_value() else f"{amount:,.0f}"
    if lang == "nl":
        whole = whole.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
        return f"€ {whole}"
    return f"€{whole}"


@dataclass
class Ref:
    """A link to one of our resources, or to anything else, with a readable text."""

    href: str | None
    text: str
    iri: str = ""
    kind: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


class SitePages:
    def __init__(
        self,
        store: SQLiteStore,
        *,
        static: bool = False,
        services: dict[str, str | None] | None = None,
    ) -> None:
        self.store = store
        self.base = store.base_iri
        self.id_root = self.base + "/id/"
        self.static = static
        default = {
            "ldes": "/ldes",
            "catalog": "/catalog",
            "developers": "/developers",
            "validate": "/validate",
            "docs": "/docs",
        }
        self.services = (
            {**default, **(services or {})}
            if services is not None or not static
            else dict.fromkeys(SERVICES)
        )
        self._source_lines: dict[str, list[str]] = {}

    # ------------------------------------------------------------------ helpers
    def path_of(self, iri: str) -> str | None:
        if iri.startswith(self.id_root):
            return iri[len(self.id_root) :].split("#", 1)[0]
        return None

    def href(self, iri: str, current: str | None = None) -> str | None:
        """Where a link to ``iri`` goes: our own resources to their HTML page."""
        path = self.path_of(iri)
        if path is None:
            if iri.startswith(CONCEPT_ROOT):
                return "/vocab/concepten.html#" + concept_anchor(iri)
            return iri if iri.startswith(("http://", "https://")) else None
        fragment = iri.split("#", 1)[1] if "#" in iri else ""
        if current is not None and path == current and fragment:
            return "#" + fragment
        return f"/doc/{path}.html" + (f"#{fragment}" if fragment else "")

    def ref(
        self,
        iri: str,
        titles: dict[str, tuple[str, str, str | None]],
        lang: str,
        current: str | None = None,
    ) -> Ref:
        entity = iri.split("#", 1)[0]
        if entity in titles:
            path, kind, title = titles[entity]
            text = title or path
            if "#" in iri and entity != self.id_root + (current or ""):
                text = f"{text} ({iri.split('#', 1)[1]})"
            elif "#" in iri:
                text = "#" + iri.split("#", 1)[1]
            return Ref(self.href(iri, current), text, iri, kind)
        label = iri_label(iri, lang)
        path = self.path_of(iri)
        if path is not None and "#" in iri and path == current:
            return Ref("#" + iri.split("#", 1)[1], "#" + iri.split("#", 1)[1], iri)
        return Ref(self.href(iri, current), label or iri, iri)

    def kind_label(self, kind: str, lang: str) -> str:
        if kind in KIND_CLASS:
            return class_label(KIND_CLASS[kind], lang)
        return iri_label(f"{CONCEPT_ROOT}documentsoort/{kind}", lang) or kind

    def common(self, lang: str, **extra: Any) -> dict[str, Any]:
        return {
            "lang": lang,
            "t": Translator(lang),
            "services": self.services,
            "static": self.static,
            "base": self.base,
            **extra,
        }

    def load(self, path: str) -> tuple[EntityState, dict[str, Any]] | None:
        entity = self.store.entity(path)
        if entity is None:
            return None
        return entity, root_of(json.loads(entity.bodies["jsonld"]))

    # ------------------------------------------------------------------ values
    def values(self, key: str, value: Any, titles: dict, lang: str, current: str) -> list[dict]:
        out = []
        for v in as_list(value):
            out.append(self.value(key, v, titles, lang, current))
        return out

    def value(self, key: str, v: Any, titles: dict, lang: str, current: str) -> dict[str, Any]:
        if isinstance(v, dict):
            if "@value" in v:
                return {"kind": "text", "text": str(v["@value"])}
            if set(v) == {"id"}:
                r = self.ref(v["id"], titles, lang, current)
                return {"kind": "link", "href": r.href, "text": r.text}
            return {"kind": "node", **self.node(v, titles, lang, current)}
        if (
            isinstance(v, str)
            and v.startswith(("http://", "https://"))
            and key_iri(key) is not None
            and key not in ("munt",)
        ):
            r = self.ref(v, titles, lang, current)
            return {"kind": "link", "href": r.href, "text": r.text}
        if key == "waarde":
            return {"kind": "text", "text": euro(v, lang)}
        if isinstance(v, bool):
            return {"kind": "text", "text": "ja" if v and lang == "nl" else str(v).lower()}
        return {"kind": "long" if key in LONG_TEXT else "text", "text": str(v)}

    def node(self, data: dict[str, Any], titles: dict, lang: str, current: str) -> dict:
        iri = data.get("id", "")
        rows = []
        for key, value in data.items():
            if key in ("id", "type", "@context"):
                continue
            rows.append(
                {
                    "key": key,
                    "label": key_label(key, lang),
                    "definition": key_definition(key, lang),
                    "values": self.values(key, value, titles, lang, current),
                }
            )
        return {
            "anchor": iri.split("#", 1)[1] if "#" in iri else "",
            "iri": iri,
            "types": [class_label(t, lang) for t in as_list(data.get("type"))],
            "rows": rows,
        }

    # ------------------------------------------------------------------ pages
    def landing(self, lang: str) -> bytes:
        t = Translator(lang)
        kinds = [
            {
                "kind": k,
                "label": self.kind_label(k, lang),
                "count": n,
                "href": (f"/zoeken/#soort-{k}" if self.static else f"/zoeken?soort={k}"),
            }
            for k, n in self.store.kinds().items()
        ]
        last = self.store.last_seq()
        latest = []
        for m in reversed(self.store.members(max(0, last - 12), 12)):
            path = self.path_of(m.entity)
            ent = self.store.entity(path) if path else None
            latest.append(
                {
                    "time": m.time,
                    "event": t(m.event),
                    "href": self.href(m.entity) if ent else None,
                    "text": (ent.title if ent and ent.title else path) or m.entity,
                    "kind": self.kind_label(m.kind, lang),
                }
            )
        start = []
        for path in (
            "regeerakkoord/2019-2024/sectie/2.3.5",
            "strategie/vlaamse-digitale-strategie",
        ):
            ent = self.store.entity(path)
            if ent is not None:
                start.append(
                    {
                        "href": self.href(ent.iri),
                        "text": ent.title or path,
                        "kind": self.kind_label(ent.kind, lang),
                    }
                )
        for row in self.store.find_titles("", "regeerakkoord", limit=None):
            if (
                row[0].count("/") >= 3
                and row[0] != "regeerakkoord/2019-2024/sectie/2.3.5"
                and self.store.links_to(self.id_root + row[0])
            ):
                start.append(
                    {
                        "href": f"/doc/{row[0]}.html",
                        "text": row[2] or row[0],
                        "kind": self.kind_label("regeerakkoord", lang),
                    }
                )
        return render(
            "landing.html.j2",
            **self.common(
                lang,
                kinds=kinds,
                latest=latest,
                start=start,
                members=self.store.count_members(),
                entities=self.store.count_entities(),
                path="/",
            ),
        )

    def search(self, query: str, kind: str | None, lang: str) -> bytes:
        query = query.strip()
        limit = None if self.static else 500
        rows = self.store.find_titles(query, kind or None, limit=limit)
        groups: dict[str, dict[str, Any]] = {}
        for path, k, title in rows:
            g = groups.setdefault(k, {"kind": k, "label": self.kind_label(k, lang), "items": []})
            g["items"].append({"href": f"/doc/{path}.html", "text": title or path, "path": path})
        return render(
            "search.html.j2",
            **self.common(
                lang,
                query=query,
                kind=kind or "",
                groups=list(groups.values()),
                count=len(rows),
                limited=limit is not None and len(rows) >= limit,
                kinds=self.store.kinds(),
                kind_labels={k: self.kind_label(k, lang) for k in self.store.kinds()},
                path="/zoeken",
            ),
        )

    def resource(self, entity: EntityState, lang: str) -> bytes:
        document = entity.bodies["jsonld"]
        data = json.loads(document)
        root = root_of(data)
        others = data["@graph"][1:] if "@graph" in data else []
        current = entity.path
        out_rows = self.store.links_from(entity.iri)
        in_rows = self.store.links_to(entity.iri)
        titles = {iri: (path, kind, title) for iri, _, path, kind, title in out_rows}
        titles.update({iri: (path, kind, title) for iri, _, path, kind, title in in_rows})
        titles[entity.iri] = (entity.path, entity.kind, entity.title)
        props = []
        for key, value in root.items():
            if key in SPECIAL:
                continue
            props.append(
                {
                    "key": key,
                    "label": key_label(key, lang),
                    "definition": key_definition(key, lang),
                    "values": self.values(key, value, titles, lang, current),
                }
            )
        ctx = self.common(
            lang,
            path=f"/doc/{entity.path}",
            doc_path=entity.path,
            iri=entity.iri,
            kind=entity.kind,
            kind_label=self.kind_label(entity.kind, lang),
            title=entity.title or root.get("titel") or entity.path,
            types=[class_label(x, lang) for x in as_list(root.get("type"))],
            props=props,
            others=[self.node(n, titles, lang, current) for n in others],
            links_out=self.grouped(out_rows, lang, exclude=PROVENANCE_PREDICATES),
            links_in=self.grouped(in_rows, lang),
            provenance=self.provenance(root, lang),
            jsonld=_script_safe(document),
        )
        template = self.template_for(entity, root)
        extra = getattr(self, "_ctx_" + template.split(".")[0])(entity, root, titles, lang, ctx)
        return render(template, **ctx, **extra)

    def template_for(self, entity: EntityState, root: dict[str, Any]) -> str:
        types = as_list(root.get("type"))
        soort = str(root.get("soortOnderdeel", ""))
        if "Agendapunt" in types:
            return "decision.html.j2"
        if "Evaluatie" in types:
            return "evaluation.html.j2"
        if "Bevinding" in types or "Annotation" in types:
            return "finding.html.j2"
        if entity.kind == "regeerakkoord" and soort.endswith("/sectie"):
            return "section.html.j2"
        if entity.kind == "strategie" and "Work" in types:
            return "strategy.html.j2"
        if entity.kind in ("persoon", "mandataris", "mandaat"):
            return "person.html.j2"
        if entity.kind == "bron":
            return "source.html.j2"
        return "work.html.j2"

    def grouped(
        self, rows: Iterable[tuple], lang: str, exclude: set[str] | frozenset[str] = frozenset()
    ) -> list[dict[str, Any]]:
        groups: dict[str, dict[str, Any]] = {}
        for _iri, predicate, path, kind, title in rows:
            if predicate in exclude:
                continue
            label = iri_label(predicate, lang) or predicate
            g = groups.setdefault(predicate, {"label": label, "predicate": predicate, "items": []})
            g["items"].append(
                {
                    "href": f"/doc/{path}.html",
                    "text": title or path,
                    "kind": self.kind_label(kind, lang),
                }
            )
        return sorted(groups.values(), key=lambda g: g["label"])

    def provenance(self, root: dict[str, Any], lang: str) -> list[dict[str, Any]]:
        out = []
        for h in as_list(root.get("herkomst")):
            if not isinstance(h, dict):
                continue
            src_iri = h.get("bron", "")
            start, end = h.get("beginregel"), h.get("eindregel")
            lines = self.source_text(src_iri)
            if lines is None or not isinstance(start, int) or not isinstance(end, int):
                continue
            shown = lines[start - 1 : min(end, start + 199)]
            out.append(
                {
                    "href": self.href(src_iri),
                    "name": self._source_names.get(src_iri),
                    "start": start,
                    "end": end,
                    "lines": list(enumerate(shown, start)),
                    "cut": end - start + 1 > len(shown),
                    "line_href": f"{self.href(src_iri)}#r{start}",
                }
            )
        if not out:
            for s in as_list(root.get("afgeleidVan")):
                path = self.path_of(s)
                out.append(
                    {
                        "href": self.href(s),
                        "name": path,
                        "start": None,
                        "end": None,
                        "lines": [],
                        "cut": False,
                        "line_href": self.href(s),
                    }
                )
        return out

    _source_names: dict[str, str]

    def source_text(self, iri: str) -> list[str] | None:
        if not hasattr(self, "_source_names"):
            self._source_names = {}
        if iri not in self._source_lines:
            src = self.store.source(iri)
            if src is None:
                return None
            self._source_lines[iri] = src.text.split("\n")
            self._source_names[iri] = src.name
        return self._source_lines[iri]

    # ------------------------------------------------------------------ per kind
    def _ctx_work(self, entity, root, titles, lang, ctx) -> dict[str, Any]:
        parts = [self.ref(p, titles, lang) for p in as_list(root.get("onderdelen"))]
        parents = [self.ref(p, titles, lang) for p in as_list(root.get("onderdeelVan"))]
        authors = [self.ref(p, titles, lang) for p in as_list(root.get("auteurs"))]
        decisions = [g for g in ctx["links_in"] + ctx["links_out"]]
        related = sorted(
            {
                (i["href"], i["text"])
                for g in decisions
                for i in g["items"]
                if i["kind"] == self.kind_label("beslissing", lang)
            }
        )
        return {
            "parts": parts,
            "parents": parents,
            "authors": authors,
            "text": root.get("tekst"),
            "number": root.get("nummer"),
            "related": [{"href": h, "text": t} for h, t in related],
        }

    def _ctx_decision(self, entity, root, titles, lang, ctx) -> dict[str, Any]:
        data = json.loads(entity.bodies["jsonld"])
        info = decision_info(data, lang)
        return {"decision": info, "summary": root.get("beschrijving")}

    def _ctx_evaluation(self, entity, root, titles, lang, ctx) -> dict[str, Any]:
        findings = []
        for f in as_list(root.get("delen")):
            loaded = self.load(self.path_of(f) or "")
            if loaded is None:
                continue
            findings.append(self.finding_info(loaded[0], loaded[1], lang))
        decisions = self.decisions_of([entity.iri], lang)
        section = self.ref(root["onderwerp"], titles, lang) if root.get("onderwerp") else None
        status = iri_label(str(root.get("realisatiestatus", "")), lang)
        return {
            "findings": findings,
            "decisions": decisions,
            "section": section,
            "status": status,
            "summary": root.get("beschrijving"),
            "conclusion": root.get("conclusie"),
            "total": total_of(decisions, lang),
        }

    def _ctx_finding(self, entity, root, titles, lang, ctx) -> dict[str, Any]:
        info = self.finding_info(entity, root, lang)
        return {
            "finding": info,
            "decisions": self.decisions_of([entity.iri], lang),
            "report": self.ref(root["deelVan"], titles, lang) if root.get("deelVan") else None,
        }

    def _ctx_section(self, entity, root, titles, lang, ctx) -> dict[str, Any]:
        evaluations, findings, citing = [], [], []
        for iri, predicate, path, _kind, _title in self.store.links_to(entity.iri):
            loaded = self.load(path)
            if loaded is None:
                continue
            ent, data = loaded
            types = as_list(data.get("type"))
            if predicate == DCT.subject and "Evaluatie" in types:
                evaluations.append(
                    {
                        "href": f"/doc/{path}.html",
                        "text": ent.title or path,
                        "status": iri_label(str(data.get("realisatiestatus", "")), lang),
                        "summary": data.get("beschrijving"),
                        "conclusion": data.get("conclusie"),
                        "sources": [self.path_of(s) for s in as_list(data.get("afgeleidVan"))],
                        "findings": [],
                    }
                )
                citing.append(iri)
            elif predicate == OA.hasTarget:
                findings.append((data.get("deelVan"), self.finding_info(ent, data, lang)))
                citing.append(iri)
        for report, info in findings:
            for ev in evaluations:
                if report and ev["href"] == self.href(report):
                    ev["findings"].append(info)
        for ev in evaluations:
            ev["findings"].sort(key=lambda f: f["position"] or 0)
        decisions = self.decisions_of(citing, lang)
        return {
            "evaluations": evaluations,
            "decisions": decisions,
            "total": total_of(decisions, lang),
            "text": root.get("tekst"),
            "number": root.get("nummer"),
            "parents": [self.ref(p, titles, lang) for p in as_list(root.get("onderdeelVan"))],
            "parts": [self.ref(p, titles, lang) for p in as_list(root.get("onderdelen"))],
        }

    def _ctx_strategy(self, entity, root, titles, lang, ctx) -> dict[str, Any]:
        axes, speerpunten, other = [], [], []
        n_actions = 0
        for part in as_list(root.get("onderdelen")):
            loaded = self.load(self.path_of(part) or "")
            if loaded is None:
                continue
            ent, data = loaded
            soort = str(data.get("soortOnderdeel", "")).rsplit("/", 1)[-1]
            item = {
                "href": f"/doc/{ent.path}.html",
                "text": ent.title or ent.path,
                "number": data.get("nummer"),
                "position": data.get("positie") or 0,
                "soort": iri_label(str(data.get("soortOnderdeel", "")), lang) or soort,
            }
            if soort == "as":
                axes.append(item)
            elif soort == "speerpunt":
                item["actions"] = self.action_points(data, lang)
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

    def _ctx_person(self, entity, root, titles, lang, ctx) -> dict[str, Any]:
        return {"name": root.get("naam")}

    def _ctx_source(self, entity, root, titles, lang, ctx) -> dict[str, Any]:
        lines = self.source_text(entity.iri) or []
        derived = [
            g
            for g in self.grouped(self.store.links_to(entity.iri), lang)
            if g["predicate"] == PROV.wasDerivedFrom
        ]
        return {
            "source_lines": list(enumerate(lines, 1)),
            "derived": derived[0]["items"] if derived else [],
            "file_name": root.get("bestandsnaam"),
        }

    # ------------------------------------------------------------------ pieces
    def action_points(self, speerpunt: dict[str, Any], lang: str) -> list[dict[str, Any]]:
        out = []
        for part in as_list(speerpunt.get("onderdelen")):
            path = self.path_of(part)
            if path is None or "/actiepunt/" not in path:
                continue
            loaded = self.load(path)
            if loaded is None:
                continue
            ent, data = loaded
            if not str(data.get("soortOnderdeel", "")).endswith("/actiepunt"):
                continue
            related = [
                {"href": f"/doc/{p}.html", "text": t or p}
                for rows in (self.store.links_to(ent.iri), self.store.links_from(ent.iri))
                for _, _, p, k, t in rows
                if k == "beslissing"
            ]
            out.append(
                {
                    "href": f"/doc/{ent.path}.html",
                    "text": ent.title or ent.path,
                    "number": data.get("nummer"),
                    "position": data.get("positie") or 0,
                    "decisions": related,
                }
            )
        out.sort(key=lambda a: a["position"])
        return out

    def finding_info(self, entity: EntityState, data: dict[str, Any], lang: str) -> dict[str, Any]:
        body = [b.get("inhoudstekst") for b in as_list(data.get("inhoud")) if isinstance(b, dict)]
        return {
            "href": f"/doc/{entity.path}.html",
            "text": entity.title or data.get("thema") or entity.path,
            "theme": data.get("thema"),
            "position": data.get("positie"),
            "body": "\n".join(b for b in body if b),
            "status": iri_label(str(data.get("realisatiestatus", "")), lang),
            "cites": len(as_list(data.get("verwijstNaar"))),
        }

    def decisions_of(self, citing: Iterable[str], lang: str) -> list[dict[str, Any]]:
        """The decisions cited by these resources, with date and amounts, in time order."""
        seen: dict[str, dict[str, Any]] = {}
        for iri in citing:
            for target, _predicate, path, kind, _title in self.store.links_from(iri):
                if kind != "beslissing" or target in seen:
                    continue
                loaded = self.store.entity(path)
                if loaded is None:
                    continue
                info = decision_info(json.loads(loaded.bodies["jsonld"]), lang)
                info.update(href=f"/doc/{path}.html", text=loaded.title or path)
                seen[target] = info
        return sorted(seen.values(), key=lambda d: (d["date"] or "", d["text"]))


def root_of(data: dict[str, Any]) -> dict[str, Any]:
    return data["@graph"][0] if "@graph" in data else data


def decision_info(data: dict[str, Any], lang: str) -> dict[str, Any]:
    """Date, amounts, document identifiers and decider of a stored decision."""
    amounts = []
    for node in find_nodes(data, "Bedrag"):
        value = node.get("waarde")
        amounts.append(
            {
                "value": value,
                "text": node.get("bedragTekst"),
                "formatted": euro(value, lang) if value is not None else "",
                "currency": node.get("munt"),
            }
        )
    stukken = [i for node in find_nodes(data, "Stuk") for i in as_list(node.get("identificator"))]
    by = find_key(data, "genomenDoor")
    return {
        "date": find_key(data, "datum"),
        "amounts": amounts,
        "documents": stukken,
        "by": iri_label(by, lang) if isinstance(by, str) else None,
        "type": iri_label(str(find_key(data, "agendapuntType") or ""), lang),
        "see_also": as_list(root_of(data).get("zieOok")),
    }


def total_of(decisions: list[dict[str, Any]], lang: str) -> str | None:
    total = Decimal(0)
    found = False
    for d in decisions:
        for a in d["amounts"]:
            if a["value"] is not None and (a["currency"] in (None, "EUR")):
                try:
                    total += Decimal(str(a["value"]))
                    found = True
                except InvalidOperation:
                    continue
    return euro(total, lang) if found else None


def _script_safe(document: bytes) -> str:
    """JSON for a <script> element: no "</" can end it early."""
    return document.decode().replace("</", "<\\/")
