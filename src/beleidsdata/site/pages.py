"""The human-readable site: one object that renders every page from the store.

Pages are rendered from the JSON-LD stored at ingest (our context makes it plain JSON) and
from the ``entity_links`` index filled at ingest, never from an RDF graph: a page costs a
few indexed lookups and a template render. The live service (``api/site.py``) and the
static build (:mod:`beleidsdata.site.build`) use the same :class:`SitePages`, so both give
the same pages; ``static=True`` only swaps links to things a static host cannot serve
(search with a query, the validator) for their static stand-ins.

The parts: ``links.py`` (where links go, what they say), ``properties.py`` (the property
table), ``store_views.py`` (related things, source lines, cited decisions),
``kind_pages.py`` (the template and view model of each kind of thing), ``document.py``
(facts of a stored document).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from ..store import Store
from ..store.records import EntityState
from .document import as_list, root_of
from .i18n import Translator
from .kind_pages import VIEWS, Subject, template_for
from .labels import class_label
from .links import Links, Titles, kind_label
from .properties import node, rows
from .render import DEFAULT_SERVICES, render
from .store_views import PROVENANCE_PREDICATES, StoreViews

SERVICES = tuple(DEFAULT_SERVICES)
# Where a reader starts: the section the evaluations are about, and the strategy.
START_PATHS = ("regeerakkoord/2019-2024/sectie/2.3.5", "strategie/vlaamse-digitale-strategie")


class SitePages:
    """The pages of one store; ``services`` are the links to the live service's other
    parts (None: not offered), by default this service's own paths, none on a static
    site."""

    def __init__(
        self,
        store: Store,
        *,
        static: bool = False,
        services: Mapping[str, str | None] | None = None,
    ) -> None:
        self.store = store
        self.base = store.base_iri
        self.static = static
        self.services: dict[str, str | None] = (
            {**DEFAULT_SERVICES, **(services or {})}
            if services is not None or not static
            else dict.fromkeys(SERVICES)
        )
        self.links = Links(self.base)
        self.views = StoreViews(store, self.links)

    def common(self, lang: str, **extra: Any) -> dict[str, Any]:
        """What the base layout of every page needs."""
        return {
            "lang": lang,
            "t": Translator(lang),
            "services": self.services,
            "static": self.static,
            "base": self.base,
            **extra,
        }

    def landing(self, lang: str) -> bytes:
        """The front page: the kinds with their counts, where to start, the latest changes."""
        kinds = [
            {
                "kind": k,
                "label": kind_label(k, lang),
                "count": n,
                "href": (f"/zoeken/#soort-{k}" if self.static else f"/zoeken?soort={k}"),
            }
            for k, n in self.store.kinds().items()
        ]
        return render(
            "landing.html.j2",
            **self.common(
                lang,
                kinds=kinds,
                latest=self._latest(lang),
                start=self._start(lang),
                members=self.store.count_members(),
                entities=self.store.count_entities(),
                path="/",
            ),
        )

    def _latest(self, lang: str, count: int = 12) -> list[dict[str, Any]]:
        """The last ``count`` events of the stream, newest first."""
        t = Translator(lang)
        latest = []
        last = self.store.last_seq()
        for m in reversed(self.store.members(max(0, last - count), count)):
            path = self.links.path_of(m.entity)
            ent = self.store.entity(path) if path else None
            latest.append(
                {
                    "time": m.time,
                    "event": t(m.event),
                    "href": self.links.href(m.entity) if ent else None,
                    "text": (ent.title if ent and ent.title else path) or m.entity,
                    "kind": kind_label(m.kind, lang),
                }
            )
        return latest

    def _start(self, lang: str) -> list[dict[str, Any]]:
        """Where to start: :data:`START_PATHS`, then the coalition-agreement sections that
        something cites."""
        start = []
        for path in START_PATHS:
            ent = self.store.entity(path)
            if ent is not None:
                start.append(
                    {
                        "href": self.links.href(ent.iri),
                        "text": ent.title or path,
                        "kind": kind_label(ent.kind, lang),
                    }
                )
        for path, _kind, title in self.store.find_titles("", "regeerakkoord", limit=None):
            if (
                path.count("/") >= 3
                and path not in START_PATHS
                and self.store.links_to(self.links.id_root + path)
            ):
                start.append(
                    {
                        "href": f"/doc/{path}.html",
                        "text": title or path,
                        "kind": kind_label("regeerakkoord", lang),
                    }
                )
        return start

    def search(self, query: str, kind: str | None, lang: str) -> bytes:
        """Titles that match ``query`` (all of them on a static site, which filters in the
        browser), grouped by kind."""
        query = query.strip()
        limit = None if self.static else 500
        found = self.store.find_titles(query, kind or None, limit=limit)
        groups: dict[str, dict[str, Any]] = {}
        for path, k, title in found:
            g = groups.setdefault(k, {"kind": k, "label": kind_label(k, lang), "items": []})
            g["items"].append({"href": f"/doc/{path}.html", "text": title or path, "path": path})
        return render(
            "search.html.j2",
            **self.common(
                lang,
                query=query,
                kind=kind or "",
                groups=list(groups.values()),
                count=len(found),
                limited=limit is not None and len(found) >= limit,
                kinds=self.store.kinds(),
                kind_labels={k: kind_label(k, lang) for k in self.store.kinds()},
                path="/zoeken",
            ),
        )

    def resource(self, entity: EntityState, lang: str) -> bytes:
        """The page of one thing: what every resource page has, plus its kind's view."""
        document = self.views.jsonld(entity.path)
        data = json.loads(document)
        root = root_of(data)
        others = data["@graph"][1:] if "@graph" in data else []
        current = entity.path
        out_rows = self.store.links_from(entity.iri)
        in_rows = self.store.links_to(entity.iri)
        titles: Titles = {iri: (path, kind, title) for iri, _, path, kind, title in out_rows}
        titles.update({iri: (path, kind, title) for iri, _, path, kind, title in in_rows})
        titles[entity.iri] = (entity.path, entity.kind, entity.title)
        ctx = self.common(
            lang,
            path=f"/doc/{entity.path}",
            doc_path=entity.path,
            iri=entity.iri,
            kind=entity.kind,
            kind_label=kind_label(entity.kind, lang),
            title=entity.title or root.get("titel") or entity.path,
            types=[class_label(x, lang) for x in as_list(root.get("type"))],
            props=rows(self.links, root, titles, lang, current),
            others=[node(self.links, n, titles, lang, current) for n in others],
            links_out=self.views.grouped(out_rows, lang, exclude=PROVENANCE_PREDICATES),
            links_in=self.views.grouped(in_rows, lang),
            provenance=self.views.provenance(entity),
            jsonld=_script_safe(document),
        )
        template = template_for(entity, root)
        extra = VIEWS[template](self.views, Subject(entity, root, titles, lang, ctx))
        return render(template, **ctx, **extra)

    def history(self, entity: EntityState, changes: Sequence[Any], lang: str) -> bytes:
        """Every version of a thing, newest last, with the triples each added and removed."""
        events = {"create": "Create", "update": "Update", "delete": "Delete"}
        return render(
            "history.html.j2",
            **self.common(
                lang,
                path=f"/doc/{entity.path}/geschiedenis",
                doc_path=entity.path,
                title=entity.title or entity.path,
                changes=[
                    {
                        "href": f"/doc/{entity.path}/versie/{c.member.version}",
                        "number": c.member.version,
                        "event": events[c.member.event],
                        "time": c.member.time,
                        "added": c.added,
                        "removed": c.removed,
                    }
                    for c in changes
                ],
            ),
        )


def _script_safe(document: bytes) -> str:
    """JSON for a <script> element: no "</" can end it early."""
    return document.decode().replace("</", "<\\/")
