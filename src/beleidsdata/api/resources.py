"""``/id/{path}`` (303 to the description) and ``/doc/{path}`` (the description)."""

from __future__ import annotations

import json
import re
from collections import OrderedDict
from datetime import datetime
from email.utils import format_datetime, parsedate_to_datetime
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import RedirectResponse, Response

from ..formats.embed import EMBEDDABLE, embed, parse_embed
from ..formats.jsonld import dumps as jsonld_dumps
from ..store import SQLiteStore
from . import openapi as oa
from .deps import layout_of, store_of
from .http import etag_of, not_acceptable, not_found, respond
from .negotiation import choose
from .problems import Problem, problem_response

router = APIRouter(tags=["resources"])

# Representations of a resource, in our order of preference (first = default).
DOC_TYPES = {
    "application/ld+json": "jsonld",
    "text/html": "html",
    "text/turtle": "ttl",
    "application/n-triples": "nt",
    "application/rdf+xml": "rdf",
    "application/json": "jsonld",
}
SUFFIXES = {
    ".jsonld": "application/ld+json",
    ".ttl": "text/turtle",
    ".nt": "application/n-triples",
    ".rdf": "application/rdf+xml",
    ".html": "text/html",
    ".json": "application/json",
}
EMBED_CACHE_SIZE = 256


def context_link(request: Request) -> str:
    return (
        f'<{layout_of(request).context}>; rel="http://www.w3.org/ns/json-ld#context"; '
        'type="application/ld+json"'
    )


def not_modified_since(request: Request, updated_at: str) -> bool:
    """If-Modified-Since (only when there is no If-None-Match, RFC 9110 13.1.3)."""
    header = request.headers.get("if-modified-since")
    if not header or request.headers.get("if-none-match"):
        return False
    try:
        since = parsedate_to_datetime(header)
    except (TypeError, ValueError, IndexError):
        return False
    if since is None or since.tzinfo is None:
        return False
    changed = datetime.fromisoformat(updated_at.replace("Z", "+00:00")).replace(microsecond=0)
    return changed <= since


@router.get(
    "/id/{path:path}",
    status_code=303,
    summary="Identifier of a thing: redirects to its description",
    **oa.ID,
)
def identifier(path: str, request: Request) -> Response:
    store = store_of(request)
    if not path or (store.entity(path) is None and not store.was_deleted(path)):
        return not_found(f"/id/{path}", f"no thing is identified by /id/{path}")
    return RedirectResponse(f"/doc/{path}", status_code=303)


EMBED_DOC = (
    "Inline related resources, one level, from their stored descriptions: a "
    "comma-separated list of keys of the context (e.g. `verwijstNaar,delen`), or "
    "`alles` (`all`) for every related thing. The part keys `onderdelen` and `delen` "
    "are followed down the whole part tree. Not applied to HTML."
)


@router.get("/doc/{path:path}", summary="Description of a thing, in the format asked for", **oa.DOC)
def document(
    path: str, request: Request, embed: Annotated[str | None, Query(description=EMBED_DOC)] = None
) -> Response:
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
    keys: tuple[str, ...] = ()
    if embed is not None:
        try:
            keys = parse_embed(embed)
        except ValueError as exc:
            return problem_response(
                Problem(
                    400,
                    detail=f"embed: unknown key {exc.args[0]!r}; allowed: "
                    + ", ".join(("alles", *EMBEDDABLE)),
                    instance=f"/doc/{path}",
                ),
                extra={"allowed": ["alles", *EMBEDDABLE]},
            )
    offered = list(DOC_TYPES)
    media = choose(accept, offered)
    if media is None:
        return not_acceptable(offered, f"/doc/{path}")
    fmt = DOC_TYPES[media]
    headers = {"Last-Modified": _http_date(entity.updated_at)}
    if media == "application/json":
        headers["Link"] = context_link(request)
    if fmt == "html":
        from .site import language_of, site_of

        lang = language_of(request)
        body = site_of(request).resource(entity, lang)
        headers.pop("Last-Modified")  # the page shows related resources too
        headers.update({"Vary": "Accept, Accept-Language", "Content-Language": lang})
    elif keys:
        body = embedded(request, store, entity.bodies["jsonld"], path, keys, fmt)
        headers.pop("Last-Modified")  # depends on the related resources too
    elif fmt == "rdf":
        body = store.entity_rdfxml(path) or b""
    else:
        body = entity.bodies[fmt]
    if "Last-Modified" in headers and not_modified_since(request, entity.updated_at):
        return Response(status_code=304, headers={"ETag": etag_of(body), **headers})
    return respond(body, media, request, headers=headers)


def embedded(
    request: Request,
    store: SQLiteStore,
    document: bytes,
    path: str,
    keys: tuple[str, ...],
    fmt: str,
) -> bytes:
    """The resource with related resources inlined; cached per (path, embed, format) until
    the store changes."""
    cache: OrderedDict[tuple, bytes] = (
        getattr(request.app.state, "embed_cache", None) or OrderedDict()
    )
    request.app.state.embed_cache = cache
    key = (path, keys, fmt, store.last_seq())
    if key in cache:
        cache.move_to_end(key)
        return cache[key]
    id_root = store.base_iri + "/id/"

    def load(iri: str) -> dict | None:
        if not iri.startswith(id_root) or "#" in iri:
            return None
        related = store.entity(iri[len(id_root) :])
        return json.loads(related.bodies["jsonld"]) if related else None

    doc, inlined = embed(json.loads(document), keys, load)
    if fmt == "jsonld":
        body = jsonld_dumps(doc)
    else:
        parts = [document if fmt != "rdf" else (store.entity_rdfxml(path) or b"")]
        for iri in inlined:
            related_path = iri[len(id_root) :]
            if fmt == "rdf":
                parts.append(store.entity_rdfxml(related_path) or b"")
            else:
                related = store.entity(related_path)
                parts.append(related.bodies[fmt] if related else b"")
        if fmt == "ttl":
            parts[0] = store.entity(path).bodies["ttl"]  # type: ignore[union-attr]
            body = b"\n".join(parts)  # Turtle allows @prefix again further down
        elif fmt == "nt":
            parts[0] = store.entity(path).bodies["nt"]  # type: ignore[union-attr]
            body = b"".join(parts)
        else:
            body = merge_rdfxml(parts)
    cache[key] = body
    while len(cache) > EMBED_CACHE_SIZE:
        cache.popitem(last=False)
    return body


def merge_rdfxml(documents: list[bytes]) -> bytes:
    """Several of our RDF/XML documents as one: the descriptions under one rdf:RDF with the
    namespace declarations of all (our writer always uses the same prefixes)."""
    namespaces: dict[str, str] = {}
    bodies: list[str] = []
    for raw in documents:
        text = raw.decode()
        _, _, rest = text.partition("<rdf:RDF")
        decls, _, inner = rest.partition(">\n")
        for match in re.finditer(r'xmlns:([\w-]+)="([^"]*)"', decls):
            namespaces.setdefault(match.group(1), match.group(2))
        bodies.append(inner.rsplit("</rdf:RDF>", 1)[0])
    attrs = "".join(f'\n    xmlns:{p}="{ns}"' for p, ns in sorted(namespaces.items()))
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f"<rdf:RDF{attrs}>\n" + "".join(bodies) + "</rdf:RDF>\n"
    ).encode()


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
        out.append(
            {
                "source": src.iri,
                "name": src.name,
                "start": start,
                "end": end,
                "lines": list(enumerate(lines, start)),
            }
        )
    return out
