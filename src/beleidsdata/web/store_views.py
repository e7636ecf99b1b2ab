"""What a page shows besides its own document, read from the store: related things grouped
by how they relate, the source lines a thing was read from, the decisions that documents
cite, the findings of an evaluation and the action points of a speerpunt.

Every lookup is indexed (``entity_links`` and stored bodies filled at ingest); source texts
are split into lines once per renderer and kept, since a source page and every page
read from it show its lines.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable
from typing import Any

from ..mapping.namespaces import DCT, ELI, PROV
from ..mapping.provenance import derivations, resolve
from ..mapping.terms import parse_ntriples
from ..mapping.uris import EVALUATION
from ..store import Store
from ..store.records import EntityState
from .document import as_list, decision_info, root_of
from .glance import status_badge
from .i18n import link_label
from .labels import iri_label
from .links import Links, kind_label, thing_label

# A row of store.links_from / links_to: (IRI, predicate, path, kind, title).
LinkRow = tuple[str, str, str, str, str | None]
# Links that say where a thing was read, shown under provenance rather than as citations.
PROVENANCE_PREDICATES = frozenset({PROV.wasDerivedFrom, PROV.entity})
# Links between a whole and its parts: the pages show them as parts and "part of".
PART_PREDICATES = frozenset({ELI.has_part, ELI.is_part_of, DCT.hasPart, DCT.isPartOf})
# A passage is quoted on a page up to this size; a longer one is a link to the source's page.
SHOWN_LINES, SHOWN_CHARS = 8, 1200


class StoreViews:
    """Lookups of the pages of one store."""

    def __init__(self, store: Store, links: Links) -> None:
        self.store = store
        self.links = links
        self._source_lines: dict[str, list[str]] = {}
        self._source_names: dict[str, str] = {}

    def jsonld(self, path: str) -> bytes:
        """The stored JSON-LD description of a current thing."""
        doc = self.store.document(f"/doc/{path}", "jsonld")
        return doc.body if doc is not None else b"{}"

    def load(self, path: str) -> tuple[EntityState, dict[str, Any]] | None:
        """A stored thing and the root node of its JSON-LD description."""
        entity = self.store.entity(path)
        if entity is None:
            return None
        return entity, root_of(json.loads(self.jsonld(path)))

    def source_text(self, iri: str) -> list[str] | None:
        """The lines of a stored source document, or None when there is no such source."""
        if iri not in self._source_lines:
            src = self.store.source(iri)
            if src is None:
                return None
            self._source_lines[iri] = src.text.split("\n")
            self._source_names[iri] = src.name
        return self._source_lines[iri]

    def grouped(
        self,
        rows: Iterable[LinkRow],
        lang: str,
        exclude: Collection[str] = frozenset(),
        incoming: bool = False,
    ) -> list[dict[str, Any]]:
        """Linked things grouped by how they relate (a label said from this page's side),
        groups in label order, each thing once per group."""
        groups: dict[str, dict[str, Any]] = {}
        for _iri, predicate, path, kind, title in rows:
            if predicate in exclude:
                continue
            label = (
                link_label(predicate, incoming, lang)
                or iri_label(predicate, lang)
                or predicate.rstrip("/#").rsplit("#", 1)[-1].rsplit("/", 1)[-1]
            )
            g = groups.setdefault(label, {"label": label, "predicate": predicate, "items": []})
            item = {
                "href": f"/doc/{path}.html",
                "text": thing_label(path, title, lang),
                "kind": kind_label(kind, lang),
            }
            if item not in g["items"]:
                g["items"].append(item)
        return sorted(groups.values(), key=lambda g: str(g["label"]))

    def provenance(self, entity: EntityState) -> list[dict[str, Any]]:
        """The source lines a thing was read from: its provenance selectors resolved in
        the stored source texts (line numbers are computed here, never published). A
        passage of at most :data:`SHOWN_LINES` lines is quoted; a longer one is a link to
        those lines on the source's page. Sources are named by their file name only."""
        href = self.links.href
        doc = self.store.document(f"/doc/{entity.path}", "nt")
        triples = parse_ntriples(doc.body.decode()) if doc is not None else []
        out: list[dict[str, Any]] = []
        for src_iri, selector in derivations(triples, entity.iri):
            lines = self.source_text(src_iri)
            span = resolve("\n".join(lines), selector) if lines and selector else None
            name = self._source_names.get(src_iri) or thing_label(
                self.links.path_of(src_iri) or "", None, "nl"
            )
            item: dict[str, Any] = {"href": href(src_iri), "name": name, "start": None}
            if lines is not None and span is not None:
                passage = lines[span.start - 1 : span.end]
                short = len(passage) <= SHOWN_LINES and sum(map(len, passage)) <= SHOWN_CHARS
                item.update(
                    start=span.start,
                    end=span.end,
                    count=len(passage),
                    lines=list(enumerate(passage, span.start)) if short else [],
                    line_href=f"{href(src_iri)}#r{span.start}",
                )
            if item not in out:
                out.append(item)
        return out

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
                info = decision_info(json.loads(self.jsonld(path)), lang)
                info.update(href=f"/doc/{path}.html", text=thing_label(path, loaded.title, lang))
                seen[target] = info
        return sorted(seen.values(), key=lambda d: (d["date"] or "", d["text"]))

    def finding_info(self, entity: EntityState, data: dict[str, Any], lang: str) -> dict[str, Any]:
        """A finding of an evaluation as its report and the section page list it."""
        body = [b.get("inhoudstekst") for b in as_list(data.get("inhoud")) if isinstance(b, dict)]
        return {
            "href": f"/doc/{entity.path}.html",
            "text": entity.title or data.get("thema") or thing_label(entity.path, None, lang),
            "theme": data.get("thema"),
            "position": data.get("positie"),
            "body": "\n".join(b for b in body if b),
            "status": iri_label(str(data.get("realisatiestatus", "")), lang),
            "badge": status_badge([str(data["realisatiestatus"])], lang)
            if data.get("realisatiestatus")
            else None,
            "cites": len(as_list(data.get("verwijstNaar"))),
        }

    def action_points(self, speerpunt: dict[str, Any]) -> list[dict[str, Any]]:
        """The action points of a speerpunt, in order, each with the decisions it relates to."""
        out: list[dict[str, Any]] = []
        for part in as_list(speerpunt.get("onderdelen")):
            path = self.links.path_of(part)
            if path is None or "/actiepunt/" not in path:
                continue
            loaded = self.load(path)
            if loaded is None:
                continue
            ent, data = loaded
            if not str(data.get("soortOnderdeel", "")).endswith("/actiepunt"):
                continue
            related = [
                {"href": f"/doc/{p}.html", "text": thing_label(p, t, "nl")}
                for rows in (self.store.links_to(ent.iri), self.store.links_from(ent.iri))
                for _, _, p, k, t in rows
                if k == "beslissing"
            ]
            out.append(
                {
                    "href": f"/doc/{ent.path}.html",
                    "text": thing_label(ent.path, ent.title, "nl"),
                    "number": data.get("nummer"),
                    "position": data.get("positie") or 0,
                    "decisions": related,
                }
            )
        out.sort(key=lambda a: a["position"])
        return out

    def judged(self, iri: str) -> list[tuple[EntityState, dict[str, Any]]]:
        """The evaluations whose subject is this thing, with their stored JSON."""
        out = []
        for _src, predicate, path, kind, _title in self.store.links_to(iri):
            if predicate != DCT.subject or kind != EVALUATION:
                continue
            loaded = self.load(path)
            if loaded is not None and "Evaluatie" in as_list(loaded[1].get("type")):
                out.append(loaded)
        return out

    def badge(self, iri: str, lang: str) -> dict[str, str]:
        """The realisation badge of a section or speerpunt (glance.status_badge)."""
        return status_badge([str(d.get("realisatiestatus", "")) for _, d in self.judged(iri)], lang)
