"""``/catalog``: the DCAT catalogue listing the event stream (DCAT-AP 3 style)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from ..ldes.catalog import catalog_lines
from ..ldes.stream import render
from . import openapi as oa
from .deps import layout_of, store_of
from .negotiation import choose
from .responses import not_acceptable, respond

router = APIRouter(tags=["event stream"], default_response_class=Response)

CATALOG_TYPES = {
    "text/turtle": "ttl",
    "application/ld+json": "jsonld",
    "application/n-triples": "nt",
}


@router.get(
    "/catalog",
    summary="DCAT catalogue: the event stream, its views, distributions",
    description="A DCAT catalogue (DCAT-AP style): each stream is a `dcat:Dataset` "
    "(`dct:type ldes:EventStream`) under the Modellicentie Gratis Hergebruik, "
    "with a `dcat:Distribution` per format and a `dcat:DataService` per view.",
    responses={
        200: oa.ok(
            "The catalogue.",
            {
                **oa.media("text/turtle"),
                **oa.media("application/ld+json", schema={"type": "object"}),
                **oa.media("application/n-triples"),
            },
        ),
        304: oa.NOT_MODIFIED,
        406: oa.not_acceptable(list(CATALOG_TYPES), "/catalog"),
    },
)
def catalog(request: Request) -> Response:
    media = choose(request.headers.get("accept"), list(CATALOG_TYPES))
    if media is None:
        return not_acceptable(list(CATALOG_TYPES), "/catalog")
    layout = layout_of(request)
    lines = catalog_lines(layout, store_of(request).view_sizes())
    return respond(render(lines, CATALOG_TYPES[media], layout.context), media, request, max_age=300)
