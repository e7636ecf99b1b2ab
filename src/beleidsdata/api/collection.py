"""``/doc/{kind}``: every thing of a kind as a paged, filterable Hydra collection.

``{kind}`` is the first path segment of the members' IRIs (``/doc/beslissing`` lists
``/id/beslissing/…``). A page is a ``hydra:Collection`` (``totaalAantal``, ``leden``) with a
``hydra:PartialCollectionView`` (``weergave``: ``eerste``, ``vorige``, ``volgende``,
``laatste``). Pages are cut by keyset (cursor) pagination on (sort key, path), answered
from the index tables filled at ingest (store/index.py): the cost of a page does not
depend on how far into the collection it is. The triples of a page are written with our
own writers (JSON-LD, Turtle, N-Triples, RDF/XML): no rdflib on this path. The query
string (filters, sort, paging) is read by ``collection_query.py``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Path, Request
from fastapi.responses import Response

from ..errors import BadRequest
from ..formats import registry
from ..formats.context import context_url
from ..formats.jsonld import dumps as jsonld_dumps
from ..formats.jsonld import to_jsonld
from ..formats.plain import plain
from ..formats.rdfxml import to_rdfxml
from ..formats.tabular import cell, to_csv
from ..formats.ttl import to_turtle
from ..mapping.namespaces import HYDRA, RDF
from ..mapping.terms import IRI, Triple, integer, to_ntriples
from ..mapping.uris import EVALUATION, STRATEGY
from ..store import Store, etag_of
from ..store.index_query import Page, encode_cursor
from ..web.document import euro
from ..web.links import kind_label, thing_label
from ..web.render import render
from . import openapi as oa
from .collection_members import (
    csv_columns,
    csv_row,
    embedded_members,
    member_triples,
    stored_bodies,
)
from .collection_query import ALLOWED, PARAMS, CollectionQuery, openapi_parameters, parse
from .deps import store_of
from .embedding import merge_rdfxml
from .examples import DECISIONS_PAGE
from .first_pages import FirstPages, Rendered
from .negotiation import choose
from .problems import Problem, problem_response
from .resources import context_link
from .responses import not_acceptable, not_found, respond
from .site_routes import language_of

router = APIRouter(tags=["collections"], default_response_class=Response)

# A collection is offered in the document formats (HTML right after JSON-LD) and as CSV;
# media type → format key, in our order of preference.
TYPES = {
    "application/ld+json": "jsonld",
    "text/html": "html",
    **{
        f.media_type: f.key
        for f in registry.collection_formats()
        if f.key not in ("jsonld", "html")
    },
}
SUFFIXES = {f.suffix: f.media_type for f in registry.collection_formats()}
RDF_TEXT = [m for m, k in TYPES.items() if k not in ("jsonld", "json", "csv")]


def _url(base: str, kind: str, params: dict[str, str]) -> str:
    return f"{base}/doc/{kind}" + ("?" + urlencode(params) if params else "")


def page_triples(
    base: str, kind: str, req: CollectionQuery, page: Page
) -> tuple[list[Triple], str]:
    """The triples of one page, and the collection's IRI."""
    collection = IRI(_url(base, kind, req.canonical))
    paging = {**req.canonical, "aantal": str(req.limit)}
    here = dict(paging)
    if req.after:
        here["na"] = encode_cursor(req.after)
    elif req.before:
        here["voor"] = encode_cursor(req.before)
    elif req.last:
        here["voor"] = "einde"
    view = IRI(_url(base, kind, here))
    out: list[Triple] = [
        (collection, IRI(RDF.type), IRI(HYDRA.Collection)),
        (collection, IRI(HYDRA.totalItems), integer(page.total)),
        (collection, IRI(HYDRA.view), view),
        (view, IRI(RDF.type), IRI(HYDRA.PartialCollectionView)),
        (view, IRI(HYDRA.first), IRI(_url(base, kind, paging))),
        (view, IRI(HYDRA.last), IRI(_url(base, kind, {**paging, "voor": "einde"}))),
    ]
    if page.has_next and page.last_key:
        out.append(
            (
                view,
                IRI(HYDRA.next),
                IRI(_url(base, kind, {**paging, "na": encode_cursor(page.last_key)})),
            )
        )
    if page.has_previous and page.first_key:
        out.append(
            (
                view,
                IRI(HYDRA.previous),
                IRI(_url(base, kind, {**paging, "voor": encode_cursor(page.first_key)})),
            )
        )
    for row in page.rows:
        out.append((collection, IRI(HYDRA.member), IRI(f"{base}/id/{row.path}")))
        if not req.members:
            out += member_triples(base, row, req.fields)
    return out, collection


# A page as plain JSON: what a reader without JSON-LD needs to know.
COLLECTION_PAGE = {
    "type": "object",
    "description": "A `hydra:Collection`: `totaalAantal` members in all, the `leden` of "
    "this page, and `weergave` (the page) with `eerste`, `vorige`, "
    "`volgende` and `laatste` links.",
    "required": ["@context", "id", "type", "totaalAantal", "leden", "weergave"],
    "properties": {
        "@context": {"type": "string", "format": "uri"},
        "id": {"type": "string", "format": "uri"},
        "type": {"type": "array", "items": {"const": "Collection"}},
        "totaalAantal": {"type": "integer", "minimum": 0},
        "leden": {"type": "array", "items": {"type": "object", "required": ["id"]}},
        "weergave": {
            "type": "object",
            "required": ["id", "eerste", "laatste"],
            "properties": {
                k: {"type": "string", "format": "uri"}
                for k in ("id", "eerste", "vorige", "volgende", "laatste")
            },
        },
    },
}
KIND = Path(
    description="The first path segment of the members' identifiers, optionally "
    "with a format suffix (`beslissing.ttl`).",
    openapi_examples=oa.examples(
        decisions=("Government decisions", "beslissing"),
        evaluations=("Evaluations and their findings", EVALUATION),
        strategy=("The digital strategy and its parts", STRATEGY),
        turtle=("Decisions as Turtle", "beslissing.ttl"),
    ),
)


@router.get(
    "/doc/{kind}",
    summary="A paged, filterable collection of the things of a kind",
    description="Every thing of a kind as a paged Hydra collection, filterable and "
    "sortable without SPARQL. Filters (Dutch name / English alias):\n\n"
    + "\n".join(f"- `{p.name}` / `{p.alias}`: {p.doc}" for p in PARAMS)
    + "\n\nUnknown parameters and bad values give 400 problem+json listing "
    "what is allowed. Also by suffix: `/doc/beslissing.ttl`.",
    responses={
        200: oa.ok(
            "One page of the collection.",
            {
                **oa.media(
                    "application/ld+json",
                    "application/json",
                    schema=COLLECTION_PAGE,
                    example=DECISIONS_PAGE,
                ),
                **oa.media(*RDF_TEXT),
            },
            headers={
                "Link": {
                    "description": "`application/json` only: the JSON-LD context.",
                    "schema": {"type": "string"},
                }
            },
        ),
        304: oa.NOT_MODIFIED,
        400: oa.problem(
            "Unknown filter, a filter given twice, or a bad value; `allowed` lists "
            "the parameter names.",
            "van: expected a date YYYY-MM-DD, got '2021'",
            "/doc/beslissing",
            400,
            allowed=ALLOWED,
        ),
        404: oa.problem(
            "No collection of this kind (`detail` lists those there are).",
            "no collection /doc/nergens; there are: /doc/beslissing, …",
            "/doc/nergens",
            404,
        ),
        406: oa.not_acceptable(list(TYPES), "/doc/beslissing"),
    },
    # The filters are read from the query string by collection_query.parse, which answers
    # its own 400s; declared here for the description only.
    openapi_extra={"parameters": openapi_parameters()},
)
def collection(kind: Annotated[str, KIND], request: Request) -> Response:
    store = store_of(request)
    accept = request.headers.get("accept")
    kinds = store.kinds()
    if kind not in kinds:
        for suffix, suffix_type in SUFFIXES.items():
            if kind.endswith(suffix) and kind[: -len(suffix)] in kinds:
                kind, accept = kind[: -len(suffix)], suffix_type
                break
    if kind not in kinds:
        return not_found(
            f"/doc/{kind}",
            f"no collection /doc/{kind}; there are: " + ", ".join(f"/doc/{k}" for k in kinds),
        )
    base = store.base_iri
    try:
        req = parse(list(request.query_params.multi_items()), base)
    except BadRequest as exc:
        return problem_response(
            Problem(400, detail=str(exc), instance=f"/doc/{kind}"), extra={"allowed": ALLOWED}
        )
    offered = list(TYPES)
    media = choose(accept, offered)
    if media is None:
        return not_acceptable(offered, f"/doc/{kind}")
    first_pages: FirstPages = request.app.state.first_pages
    key = None
    if not request.url.query:  # the first page: kept until the store changes
        key = (kind, media, language_of(request) if TYPES[media] == "html" else "")
        version = first_pages.version()
        kept = first_pages.get(key)
        if kept is not None:
            return respond(kept.body, media, request, headers=kept.headers, etag=kept.etag)
    page = store.collection(
        kind,
        req.filters,
        sort=req.sort,
        after=req.after,
        before=req.before,
        last=req.last,
        limit=req.limit,
    )
    triples, iri = page_triples(base, kind, req, page)
    fmt = TYPES[media]
    headers: dict[str, str] = {}
    if fmt == "csv":
        if req.members:
            return problem_response(
                Problem(400, detail="embed: not available as CSV", instance=f"/doc/{kind}"),
                extra={"allowed": ALLOWED},
            )
        columns = csv_columns(req.fields)
        body = to_csv(columns, (csv_row(base, row, req.fields) for row in page.rows))
        links = _links(triples, base)
        if links:
            headers["Link"] = ", ".join(
                f'<{base}{href}>; rel="{REL[k]}"' for k, href in links.items()
            )
    elif fmt in ("jsonld", "json"):
        doc = _jsonld_page(store, triples, iri, req, page)
        if fmt == "json":
            doc = plain(doc)
            headers["Link"] = context_link(request)
        body = jsonld_dumps(doc, pretty=True)
    elif fmt in ("ttl", "nt", "rdf"):
        extra = stored_bodies(store, page.rows, fmt) if req.members else []
        if fmt == "ttl":
            body = b"\n".join([to_turtle(triples, first=iri).encode(), *extra])
        elif fmt == "nt":
            body = b"".join([to_ntriples(triples).encode(), *extra])
        else:
            body = merge_rdfxml([to_rdfxml(triples, first=iri).encode(), *extra])
    else:
        lang = language_of(request)
        body = render(
            "collection.html.j2",
            base=base,
            kind=kind,
            kind_label=kind_label(kind, lang),
            lang=lang,
            total=page.total,
            rows=[
                {
                    "href": f"/doc/{row.path}.html",
                    "text": thing_label(row.path, row.title, lang),
                    "date": row.date,
                    "amount": euro(Decimal(cell(row.amount)), lang) if row.amount else None,
                }
                for row in page.rows
            ],
            links=_links(triples, base),
            filters=req.canonical,
            params=PARAMS,
            path=f"/doc/{kind}",
        )
    if key is not None:
        first_pages.put(key, Rendered(body, etag_of(body), headers), version)
    return respond(body, media, request, headers=headers)


REL = {"eerste": "first", "vorige": "prev", "volgende": "next", "laatste": "last"}


def _links(triples: list[Triple], base: str) -> dict[str, str]:
    """The paging links of a page (``eerste``… → path and query)."""
    links = {}
    for key, predicate in (
        ("eerste", HYDRA.first),
        ("vorige", HYDRA.previous),
        ("volgende", HYDRA.next),
        ("laatste", HYDRA.last),
    ):
        found = [o for _, p, o in triples if p == predicate and isinstance(o, IRI)]
        if found:
            links[key] = found[0].removeprefix(base)
    return links


def _jsonld_page(
    store: Store, triples: list[Triple], iri: str, req: CollectionQuery, page: Page
) -> dict[str, Any]:
    """The page as compacted JSON-LD, members in page order (in full with ``embed=``)."""
    base = store.base_iri
    doc: dict[str, Any] = to_jsonld(triples, iri, context_url(base), nest_all=True)
    order = {f"{base}/id/{row.path}": i for i, row in enumerate(page.rows)}
    members = doc.get("leden")
    if req.members:
        members = embedded_members(store, page.rows, req.embed)
    if isinstance(members, list):
        members.sort(key=lambda m: order.get(m["id"] if isinstance(m, dict) else m, 0))
    # an empty page: still an array for plain-JSON readers (expands to nothing)
    view = doc.pop("weergave")
    doc["leden"] = members if isinstance(members, list) else []
    doc["weergave"] = view
    return doc
