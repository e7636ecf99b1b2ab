"""``/id/{path}`` (303 to the description) and ``/doc/{path}`` (the description)."""

from __future__ import annotations

import json
from datetime import datetime
from email.utils import format_datetime
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from ..site.render import resource_page
from ..store import SQLiteStore
from .deps import layout_of, store_of
from .http import not_acceptable, not_found, respond
from .negotiation import choose

router = APIRouter(tags=["resources"])

# Representations of a resource, in our order of preference (first = default).
DOC_TYPES = {
    "application/ld+json": "jsonld",
    "text/html": "html",
    "text/turtle": "ttl",
    "application/n-triples": "nt",
    "application/json": "jsonld",
}
SUFFIXES = {".jsonld": "application/ld+json", ".ttl": "text/turtle",
            ".nt": "application/n-triples", ".html": "text/html", ".json": "application/json"}


@router.get("/id/{path:path}", status_code=303,
            summary="Identifier of a thing: redirects to its description",
            responses={303: {"description": "See the description at /doc/{path}"},
                       404: {"description": "Unknown identifier"}})
def identifier(path: str, request: Request) -> Response:
    store = store_of(request)
    if not path or (store.entity(path) is None and not store.was_deleted(path)):
        return not_found(f"/id/{path}", f"no thing is identified by /id/{path}")
    return RedirectResponse(f"/doc/{path}", status_code=303)


@router.get("/doc/{path:path}", summary="Description of a thing, in the format asked for",
            responses={200: {"content": {t: {} for t in DOC_TYPES}},
                       404: {"description": "Unknown resource"},
                       406: {"description": "No acceptable format"},
                       410: {"description": "The thing was removed"}})
def document(path: str, request: Request) -> Response:
    store = store_of(request)
    accept = request.headers.get("accept")
    entity = store.entity(path)
    if entity is None:
        for suffix, media in SUFFIXES.items():
            if path.endswith(suffix):
                path, accept = path[: -len(suffix)], media
                entity = store.entity(path)
                break
    if entity is None:
        status = 410 if store.was_deleted(path) else 404
        return not_found(f"/doc/{path}", f"no description at /doc/{path}", status)
    offered = list(DOC_TYPES)
    media = choose(accept, offered)
    if media is None:
        return not_acceptable(offered, f"/doc/{path}")
    fmt = DOC_TYPES[media]
    if fmt == "html":
        body = resource_page(entity.bodies["jsonld"], base=store.base_iri, path=path,
                             iri=entity.iri, kind=entity.kind, title=entity.title,
                             source_lines=source_lines(store, entity.bodies["jsonld"]))
    else:
        body = entity.bodies[fmt]
    headers = {"Last-Modified": _http_date(entity.updated_at)}
    if media == "application/json":
        headers["Link"] = (f'<{layout_of(request).context}>; '
                           'rel="http://www.w3.org/ns/json-ld#context"; '
                           'type="application/ld+json"')
    return respond(body, media, request, headers=headers)


def _http_date(iso: str) -> str:
    return format_datetime(datetime.fromisoformat(iso.replace("Z", "+00:00")), usegmt=True)


def source_lines(store: SQLiteStore, document: bytes) -> list[dict[str, Any]]:
    """The source lines behind a resource, read from the stored source texts."""
    data = json.loads(document)
    root = data if "@graph" not in data else data["@graph"][0]
    out = []
    herkomst = root.get("herkomst", [])
    if not herkomst:
        return out
    for h in herkomst if isinstance(herkomst, list) else [herkomst]:
        if not isinstance(h, dict):
            continue
        src = store.source(h.get("bron", ""))
        start, end = h.get("beginregel"), h.get("eindregel")
        if not src or not isinstance(start, int) or not isinstance(end, int):
            continue
        lines = src.text.split("\n")[start - 1 : min(end, start + 200)]
        out.append({"source": src.iri, "name": src.name, "start": start, "end": end,
                    "lines": list(enumerate(lines, start))})
    return out
