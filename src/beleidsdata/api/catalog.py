"""``/catalog``: the DCAT catalogue listing the event stream (DCAT-AP 3 style)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from ..ldes.catalog import catalog_lines
from ..ldes.stream import render
from . import openapi as oa
from .deps import layout_of, store_of
from .http import not_acceptable, respond
from .negotiation import choose

router = APIRouter(tags=["event stream"])

CATALOG_TYPES = {
    "text/turtle": "ttl",
    "application/ld+json": "jsonld",
    "application/n-triples": "nt",
}


@router.get(
    "/catalog", summary="DCAT catalogue: the event stream, its views, distributions", **oa.CATALOG
)
def catalog(request: Request) -> Response:
    media = choose(request.headers.get("accept"), list(CATALOG_TYPES))
    if media is None:
        return not_acceptable(list(CATALOG_TYPES), "/catalog")
    layout = layout_of(request)
    lines = catalog_lines(layout, store_of(request).view_sizes())
    return respond(render(lines, CATALOG_TYPES[media], layout.context), media, request, max_age=300)
