"""The human-readable site: one object that renders every page from the store.

Pages are rendered from the JSON-LD stored at ingest (our context makes it plain JSON) and
from the ``entity_links`` index filled at ingest, never from an RDF graph: a page costs a
few indexed lookups and a template render. The live service (``api/site_routes.py``) and the
static build (:mod:`beleidsdata.web.build`) use the same :class:`SitePages`, so both give
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
from decimal import Decimal
from typing import Any

from markupsafe import Markup, escape

from ..mapping.uris import AGREEMENT
from ..store import Store
from ..store.records import EntityState
from ..store.search import AMOUNT_RANGES, MARK_END, MARK_START, Hit, SearchQuery
from .document import as_list, euro, root_of
from .glance import chart, figures, status_badge
from .i18n import Translator
from .kind_pages import VIEWS, Subject, template_for
from .labels import class_label
from .links import Links, Titles, kind_label, thing_label
from .properties import node, rows
from .render import DEFAULT_SERVICES, render
from .store_views import PART_PREDICATES, PROVENANCE_PREDICATES, StoreViews

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
        """The front page leads with the answers: per evaluated section of the agreement,
        its realisation status, the decisions cited over time and their amounts; the
        strategy's speerpunten with theirs; then what is here and what changed."""
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
                promises=self._promises(lang),
                strategy=self._strategy(lang),
                members=self.store.count_members(),
                entities=self.store.count_entities(),
                path="/",
            ),
        )

    def _promises(self, lang: str) -> list[dict[str, Any]]:
        """Every agreement section some evaluation judges, with its status and figures."""
        out = []
        for path, _kind, title in self.store.find_titles("", AGREEMENT, limit=None):
            iri = self.links.id_root + path
            evaluations = self.views.judged(iri)
            if not evaluations:
                continue
            citing = [ent.iri for ent, _ in evaluations]
            for _ent, doc in evaluations:
                citing += [str(f) for f in as_list(doc.get("delen"))]
            decisions = self.views.decisions_of(citing, lang)
            data = figures(decisions)
            out.append(
                {
                    "href": f"/doc/{path}.html",
                    "text": thing_label(path, title, lang),
                    "number": path.rsplit("/", 1)[-1],
                    "badge": self.views.badge(iri, lang),
                    "glance": chart(data, lang, ident="g-" + path.rsplit("/", 1)[-1]),
                }
            )
        return out

    def _strategy(self, lang: str) -> dict[str, Any] | None:
        """The strategy's speerpunten, each with its status and action points."""
        loaded = self.views.load(START_PATHS[1])
        if loaded is None:
            return None
        ent, root = loaded
        view = VIEWS["strategy.html.j2"](self.views, Subject(ent, root, {}, lang, {}))
        return {
            "href": f"/doc/{ent.path}.html",
            "text": thing_label(ent.path, ent.title, lang),
            **view,
        }

    def _latest(self, lang: str, count: int = 8) -> list[dict[str, Any]]:
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
                    "text": thing_label(path or "", ent.title if ent else None, lang),
                    "kind": kind_label(m.kind, lang),
                }
            )
        return latest

    def search(
        self,
        query: str,
        kind: str | None,
        lang: str,
        *,
        year: str | None = None,
        status: str | None = None,
        amount: str | None = None,
        page: int = 1,
    ) -> bytes:
        """The search page: results of the full-text engine (store/search.py) with facets;
        on a static site, every title by kind (the browser filters them)."""
        query = query.strip()
        t = Translator(lang)
        kinds = self.store.kinds()
        kind_labels = {k: kind_label(k, lang) for k in kinds}
        if self.static:
            groups: dict[str, dict[str, Any]] = {}
            for path, k, title in self.store.find_titles("", None, limit=None):
                g = groups.setdefault(k, {"kind": k, "label": kind_labels[k], "items": []})
                g["items"].append(
                    {"href": f"/doc/{path}.html", "text": thing_label(path, title, lang)}
                )
            return render(
                "search.html.j2",
                **self.common(lang, groups=list(groups.values()), path="/zoeken", query=""),
            )
        size = 20
        asked = SearchQuery(
            text=query,
            kind=kind if kind in kinds else None,
            year=year if year and year.isdigit() else None,
            status=status or None,
            amount=amount if amount in AMOUNT_RANGES else None,
            limit=size,
            offset=(max(page, 1) - 1) * size,
        )
        found = self.store.search(asked)
        hits = [self._hit(h, lang) for h in found.hits]
        facet_labels = {
            "kind": kind_labels,
            "status": {
                code: status_badge([code], lang)["label"] for code, _ in found.facets["status"]
            },
            "amount": {key: t(key) for key in AMOUNT_RANGES},
            "year": {y: y for y, _ in found.facets["year"]},
        }
        chosen = {
            "soort": asked.kind,
            "jaar": asked.year,
            "status": asked.status,
            "bedrag": asked.amount,
        }
        more = found.total > asked.offset + size
        return render(
            "search.html.j2",
            **self.common(
                lang,
                query=query,
                heading=t.plural(found.total, "one_result", "n_results_for"),
                total=found.total,
                hits=hits,
                facets=[
                    {
                        "name": param,
                        "title": t(title),
                        "chosen": chosen[param],
                        "values": [
                            (v, facet_labels[name].get(v, v), n) for v, n in found.facets[name]
                        ],
                    }
                    for name, param, title in (
                        ("kind", "soort", "kind"),
                        ("year", "jaar", "year"),
                        ("status", "status", "status"),
                        ("amount", "bedrag", "amount_range"),
                    )
                ],
                paging={
                    "q": query,
                    **{k: v for k, v in chosen.items() if v},
                    **({"lang": "en"} if lang == "en" else {}),
                },
                page=max(page, 1),
                more=more,
                path="/zoeken",
            ),
        )

    def _hit(self, hit: Hit, lang: str) -> dict[str, Any]:
        """One search result as the page shows it: escaped, matched words marked."""
        snippet = str(escape(hit.snippet))
        snippet = snippet.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
        return {
            "href": f"/doc/{hit.path}.html",
            "text": thing_label(hit.path, hit.title, lang),
            "kind": kind_label(hit.kind, lang),
            "date": hit.date,
            "amount": euro(_exact(hit.amount), lang) if hit.amount is not None else None,
            "badge": status_badge([hit.status], lang) if hit.status else None,
            "snippet": Markup(snippet),
        }

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
            title=entity.title or root.get("titel") or thing_label(entity.path, None, lang),
            types=[
                label
                for x in as_list(root.get("type"))
                if (label := class_label(x, lang)) != kind_label(entity.kind, lang)
            ],
            incomplete=bool(root.get("onvolledig")),
            props=rows(self.links, root, titles, lang, current),
            others=[node(self.links, n, titles, lang, current) for n in others],
            links_out=self.views.grouped(
                out_rows, lang, exclude=PROVENANCE_PREDICATES | PART_PREDICATES
            ),
            links_in=self.views.grouped(in_rows, lang, exclude=PART_PREDICATES, incoming=True),
            provenance=self.views.provenance(entity),
            jsonld=document.decode(),
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
                title=thing_label(entity.path, entity.title, lang),
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


def _exact(amount: float) -> Decimal:
    return Decimal(repr(amount)).normalize()
