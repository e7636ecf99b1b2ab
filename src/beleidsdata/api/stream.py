"""``/ldes``: the event stream, its pages of members, served from stored bytes."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from ..ldes.stream import load_page, page_bytes, stream_description
from .deps import layout_of, store_of
from .http import not_acceptable, not_found, respond
from .negotiation import choose

router = APIRouter(tags=["event stream"])

# Our pages have only a default graph, so N-Quads are our N-Triples and TriG our Turtle.
STREAM_TYPES = {"application/ld+json": "jsonld", "text/turtle": "ttl",
                "application/n-triples": "nt", "application/n-quads": "nt",
                "application/trig": "ttl"}


@router.get("/ldes", summary="The event stream: what it is and where its view starts",
            responses={200: {"content": {t: {} for t in STREAM_TYPES}}})
def ldes_root(request: Request) -> Response:
    media = choose(request.headers.get("accept"), list(STREAM_TYPES))
    if media is None:
        return not_acceptable(list(STREAM_TYPES), "/ldes")
    body = stream_description(layout_of(request), STREAM_TYPES[media],
                              store_of(request).count_members())
    return respond(body, media, request, max_age=60)


@router.get("/ldes/pagina/{number}", summary="One page of members, in time order",
            responses={200: {"content": {t: {} for t in STREAM_TYPES}},
                       404: {"description": "No such page"}})
def ldes_page(number: int, request: Request) -> Response:
    media = choose(request.headers.get("accept"), list(STREAM_TYPES))
    if media is None:
        return not_acceptable(list(STREAM_TYPES), f"/ldes/pagina/{number}")
    layout = layout_of(request)
    page = load_page(store_of(request), layout, number)
    if page is None:
        return not_found(f"/ldes/pagina/{number}", f"there is no page {number}")
    body = page_bytes(layout, page, STREAM_TYPES[media])
    return respond(body, media, request, max_age=10, immutable=page.closed)
