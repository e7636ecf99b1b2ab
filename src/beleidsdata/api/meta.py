"""The service around the data: landing page, health, context, vocabularies, shapes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from .. import __version__
from ..formats.context import context_bytes
from ..resources import shapes_dir, vocab_dir
from . import openapi as oa
from .deps import layout_of, store_of
from .http import not_acceptable, not_found, respond
from .negotiation import choose

router = APIRouter()


@router.get("/healthz", tags=["service"], summary="Liveness and store counts", **oa.HEALTHZ)
def healthz(request: Request) -> dict[str, Any]:
    store = store_of(request)
    return {
        "status": "ok",
        "version": __version__,
        "base": store.base_iri,
        "entities": store.count_entities(),
        "members": store.count_members(),
    }


@router.get("/", tags=["service"], summary="Landing page: what is here", **oa.LANDING)
def landing(request: Request) -> Response:
    store, layout = store_of(request), layout_of(request)
    offered = ["text/html", "application/json"]
    chosen = choose(request.headers.get("accept"), offered)
    if chosen is None:
        return not_acceptable(offered, "/")
    kinds = store.kinds()
    if chosen == "application/json":
        body = json.dumps(
            {
                "base": store.base_iri,
                "kinds": kinds,
                "ldes": layout.stream,
                "context": layout.context,
            },
            indent=2,
        ).encode()
        return respond(body, "application/json", request)
    from .site import language_of, site_of

    lang = language_of(request)
    body = site_of(request).landing(lang)
    return respond(
        body,
        "text/html",
        request,
        headers={"Vary": "Accept, Accept-Language", "Content-Language": lang},
    )


@router.get(
    "/context/v1.jsonld", tags=["resources"], summary="The JSON-LD context, v1", **oa.CONTEXT
)
def context(request: Request) -> Response:
    return respond(context_bytes(), "application/ld+json", request, max_age=86400)


@router.get(
    "/vocab/{name}",
    tags=["vocabularies"],
    summary="Our extension vocabulary or a concept scheme (Turtle)",
    **oa.VOCAB,
)
def vocab(name: str, request: Request) -> Response:
    return _turtle_file(vocab_dir(), name, request)


# Served by site.shapes_index (registered first), which also answers JSON.
@router.get(
    "/shapes/", tags=["vocabularies"], summary="The SHACL shape files", include_in_schema=False
)
def shapes_index() -> dict[str, list[str]]:
    files = [f"/shapes/{p.name}" for p in sorted(shapes_dir().glob("*.ttl"))]
    return {"shapes": ["/shapes/beleidsdata.ttl", *files]}


@router.get(
    "/shapes/{name}",
    tags=["vocabularies"],
    summary="A SHACL shapes file (Turtle); beleidsdata.ttl holds them all",
    **oa.SHAPES,
)
def shapes(name: str, request: Request) -> Response:
    if name == "beleidsdata.ttl":
        body = b"\n".join(p.read_bytes() for p in sorted(shapes_dir().glob("*.ttl")))
        return respond(body, "text/turtle", request, max_age=3600)
    return _turtle_file(shapes_dir(), name, request)


def _turtle_file(folder: Path, name: str, request: Request) -> Response:
    path = folder / name
    if "/" in name or ".." in name or path.suffix != ".ttl" or not path.is_file():
        return not_found(str(request.url.path), f"no file {name}")
    return respond(path.read_bytes(), "text/turtle", request, max_age=3600)
