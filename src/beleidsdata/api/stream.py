"""``/ldes``: the event stream, its views and pages of members, served from stored bytes.

A closed page is one row of the ``pages`` table (stored when it closed, with its ETag);
the open page and the latest-version view are assembled from stored member bytes.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from ..ldes.stream import LATEST, TIME, TREE_PROFILE, load_page, page_bytes, stream_description
from . import openapi as oa
from .deps import layout_of, store_of
from .http import not_acceptable, not_found, respond
from .negotiation import choose, wants_profile

router = APIRouter(tags=["event stream"])

# Our pages have only a default graph, so N-Quads are our N-Triples and TriG our Turtle.
STREAM_TYPES = {"application/ld+json": "jsonld", "text/turtle": "ttl",
                "application/n-triples": "nt", "application/n-quads": "nt",
                "application/trig": "ttl"}
PROFILED = f'text/turtle; charset=utf-8; profile="{TREE_PROFILE}"'


def _negotiate(request: Request, path: str) -> tuple[str, str] | Response:
    """(media type to send, stored format) or a 406."""
    accept = request.headers.get("accept")
    media = choose(accept, list(STREAM_TYPES))
    if media is None:
        return not_acceptable(list(STREAM_TYPES), path)
    if media == "text/turtle" and wants_profile(accept, "text/turtle", TREE_PROFILE):
        # Our Turtle pages already are in TREE-profile order: member by member.
        return PROFILED, "ttl"
    return media, STREAM_TYPES[media]


@router.get("/ldes", summary="The event stream: what it is, its views, the kinds' streams",
            **oa.LDES_ROOT)
def ldes_root(request: Request) -> Response:
    chosen = _negotiate(request, "/ldes")
    if isinstance(chosen, Response):
        return chosen
    store = store_of(request)
    body = stream_description(layout_of(request), chosen[1], kinds=store.view_sizes())
    return respond(body, chosen[0], request, max_age=60)


@router.get("/ldes/pagina/{number}", summary="One page of the whole log, in time order",
            **oa.LDES_PAGE)
def ldes_page(number: int, request: Request) -> Response:
    return _page(request, TIME, number, f"/ldes/pagina/{number}")


@router.get("/ldes/{view}", summary="The stream of one kind of thing", **oa.KIND_STREAM)
def kind_stream(view: str, request: Request) -> Response:
    path = f"/ldes/{view}"
    chosen = _negotiate(request, path)
    if isinstance(chosen, Response):
        return chosen
    store = store_of(request)
    if store.view_size(view) == 0:
        return not_found(path, f"there is no stream of kind {view!r}")
    body = stream_description(layout_of(request), chosen[1], view=view)
    return respond(body, chosen[0], request, max_age=60)


@router.get("/ldes/{view}/pagina/{number}",
            summary="One page of a view: 'laatste' (latest versions) or a kind",
            **oa.VIEW_PAGE)
def view_page(view: str, number: int, request: Request) -> Response:
    return _page(request, view, number, f"/ldes/{view}/pagina/{number}")


def _page(request: Request, view: str, number: int, path: str) -> Response:
    chosen = _negotiate(request, path)
    if isinstance(chosen, Response):
        return chosen
    media, fmt = chosen
    if not 1 <= number <= 2**62:  # SQLite integers are 64-bit: no such page, not a 500
        return not_found(path, f"there is no page {number}")
    store, layout = store_of(request), layout_of(request)
    stored = store.page(view, layout.page_size, number, fmt)
    if stored is not None:  # a closed page: one row
        return respond(stored[0], media, request, immutable=True, etag=stored[1])
    if view not in (TIME, LATEST) and store.view_size(view) == 0:
        return not_found(path, f"there is no view {view!r}")
    page = load_page(store, layout, number, view)
    if page is None:
        return not_found(path, f"there is no page {number}")
    return respond(page_bytes(layout, page, fmt), media, request, max_age=10,
                   immutable=page.closed)
