"""The HTTP service: identifiers, documents, the event stream, vocabularies and shapes.

Every read is a lookup of bytes serialised at ingest plus a write; no rdflib, pyld or
pyshacl runs on a request path. Errors are ``application/problem+json`` (RFC 9457).
``Vary: Accept`` is on every response, since most URLs have several representations.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import RedirectResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.staticfiles import StaticFiles

from .. import __version__
from ..formats.context import context_bytes
from ..ldes.stream import DEFAULT_PAGE_SIZE, StreamLayout, load_page, page_bytes, stream_description
from ..resources import shapes_dir, site_dir, vocab_dir
from ..site.render import render, resource_page
from ..store import SQLiteStore
from .negotiation import choose
from .problems import Problem, problem_response

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
STREAM_TYPES = {"application/ld+json": "jsonld", "text/turtle": "ttl",
                "application/n-triples": "nt"}
CHARSET = {"text/turtle", "application/n-triples", "text/html"}


def create_app(store: SQLiteStore, *, page_size: int = DEFAULT_PAGE_SIZE) -> FastAPI:
    """The application for one store (its base IRI is the store's)."""
    base = store.base_iri
    layout = StreamLayout(base, page_size)
    app = FastAPI(
        title="beleidsdata",
        version=__version__,
        description=(
            "Flemish government policy documents as linked open data. Every thing has an "
            "identifier `/id/{kind}/{key}` that redirects (303) to its description "
            "`/doc/{kind}/{key}`, served as JSON-LD, Turtle, N-Triples or HTML by `Accept`. "
            "`/ldes` is a Linked Data Event Stream of every change."),
        docs_url="/docs",
        redoc_url=None,
    )
    app.state.store = store
    app.mount("/static", StaticFiles(directory=str(site_dir() / "static")), name="static")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        detail = exc.detail if isinstance(exc.detail, str) else None
        return problem_response(Problem(exc.status_code, detail=detail,
                                        instance=str(request.url.path)))

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        return problem_response(Problem(400, detail=str(exc.errors()[:3]),
                                        instance=str(request.url.path)))

    @app.middleware("http")
    async def vary_accept(request: Request, call_next: Any) -> Response:
        try:
            response = await call_next(request)
        except Exception:  # never a traceback to the client
            response = problem_response(Problem(500, detail="internal error",
                                                instance=str(request.url.path)))
        vary = response.headers.get("vary")
        if not vary:
            response.headers["Vary"] = "Accept"
        elif "accept" not in vary.lower():
            response.headers["Vary"] = vary + ", Accept"
        return response

    def respond(body: bytes, media_type: str, request: Request, *, max_age: int = 60,
                immutable: bool = False) -> Response:
        etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
        cache = (f"public, max-age={31536000 if immutable else max_age}"
                 + (", immutable" if immutable else ""))
        headers = {"ETag": etag, "Cache-Control": cache}
        if etag in _etags(request.headers.get("if-none-match")):
            return Response(status_code=304, headers=headers)
        content_type = media_type + ("; charset=utf-8" if media_type in CHARSET else "")
        return Response(body, media_type=content_type, headers=headers)

    def not_acceptable(offered: list[str], path: str) -> Response:
        return problem_response(Problem(
            406, detail="none of the requested media types is available; available: "
            + ", ".join(offered), instance=path), extra={"available": offered})

    @app.get("/healthz", tags=["service"], summary="Liveness and store counts")
    def healthz() -> dict[str, Any]:
        return {"status": "ok", "version": __version__, "base": base,
                "entities": store.count_entities(), "members": store.count_members()}

    @app.get("/", tags=["service"], summary="Landing page: what is here")
    def landing(request: Request) -> Response:
        kinds = store.kinds()
        chosen = choose(request.headers.get("accept"), ["text/html", "application/json"])
        if chosen is None:
            return not_acceptable(["text/html", "application/json"], "/")
        if chosen == "application/json":
            body = json.dumps({"base": base, "kinds": kinds, "ldes": layout.stream,
                               "context": layout.context}, indent=2).encode()
            return respond(body, "application/json", request)
        body = render("landing.html.j2", base=base, kinds=kinds,
                      members=store.count_members(), entities=store.count_entities())
        return respond(body, "text/html", request)

    @app.get("/id/{path:path}", tags=["resources"], status_code=303,
             summary="Identifier of a thing: redirects to its description",
             responses={303: {"description": "See the description at /doc/{path}"},
                        404: {"description": "Unknown identifier"}})
    def identifier(path: str) -> Response:
        if "#" in path or not path:
            return problem_response(Problem(404, instance=f"/id/{path}"))
        if store.entity(path) is None and not store.was_deleted(path):
            # Versions of an entity (…/versie/n) are stream members: they live in /ldes.
            return problem_response(Problem(404, detail=f"no thing is identified by /id/{path}",
                                            instance=f"/id/{path}"))
        return RedirectResponse(f"/doc/{path}", status_code=303)

    @app.get("/doc/{path:path}", tags=["resources"],
             summary="Description of a thing, in the format asked for",
             responses={200: {"content": {t: {} for t in DOC_TYPES}},
                        404: {"description": "Unknown resource"},
                        406: {"description": "No acceptable format"},
                        410: {"description": "The thing was removed"}})
    def document(path: str, request: Request) -> Response:
        accept = request.headers.get("accept")
        for suffix, media in SUFFIXES.items():
            if path.endswith(suffix) and store.entity(path) is None:
                path, accept = path[: -len(suffix)], media
                break
        entity = store.entity(path)
        if entity is None:
            status = 410 if store.was_deleted(path) else 404
            return problem_response(Problem(status, detail=f"no description at /doc/{path}",
                                            instance=f"/doc/{path}"))
        offered = list(DOC_TYPES)
        media = choose(accept, offered)
        if media is None:
            return not_acceptable(offered, f"/doc/{path}")
        fmt = DOC_TYPES[media]
        if fmt == "html":
            body = resource_page(entity.bodies["jsonld"], base=base, path=path,
                                 iri=entity.iri, kind=entity.kind, title=entity.title,
                                 source_lines=_source_lines(store, entity.bodies["jsonld"]))
        else:
            body = entity.bodies[fmt]
        response = respond(body, media, request)
        if media == "application/json":
            response.headers["Link"] = (f'<{layout.context}>; rel="http://www.w3.org/ns/'
                                        'json-ld#context"; type="application/ld+json"')
        return response

    @app.get("/context/v1.jsonld", tags=["resources"], summary="The JSON-LD context, v1")
    def context(request: Request) -> Response:
        return respond(context_bytes(), "application/ld+json", request, max_age=86400)

    @app.get("/ldes", tags=["event stream"], summary="The event stream and its view")
    def ldes_root(request: Request) -> Response:
        media = choose(request.headers.get("accept"), list(STREAM_TYPES))
        if media is None:
            return not_acceptable(list(STREAM_TYPES), "/ldes")
        body = stream_description(layout, STREAM_TYPES[media], store.count_members())
        return respond(body, media, request, max_age=60)

    @app.get("/ldes/pagina/{number}", tags=["event stream"], summary="One page of members")
    def ldes_page(number: int, request: Request) -> Response:
        media = choose(request.headers.get("accept"), list(STREAM_TYPES))
        if media is None:
            return not_acceptable(list(STREAM_TYPES), f"/ldes/pagina/{number}")
        page = load_page(store, layout, number)
        if page is None:
            return problem_response(Problem(404, detail=f"there is no page {number}",
                                            instance=f"/ldes/pagina/{number}"))
        body = page_bytes(layout, page, STREAM_TYPES[media])
        return respond(body, media, request, max_age=10, immutable=page.closed)

    @app.get("/vocab/{name}", tags=["vocabularies"],
             summary="A vocabulary or concept scheme (Turtle)")
    def vocab(name: str, request: Request) -> Response:
        return _turtle_file(vocab_dir(), name, request, respond)

    @app.get("/shapes/", tags=["vocabularies"], summary="List of SHACL shape files")
    def shapes_index() -> dict[str, list[str]]:
        return {"shapes": [f"/shapes/{p.name}" for p in sorted(shapes_dir().glob("*.ttl"))]}

    @app.get("/shapes/{name}", tags=["vocabularies"], summary="A SHACL shapes file (Turtle)")
    def shapes(name: str, request: Request) -> Response:
        if name == "beleidsdata.ttl":
            body = b"".join(p.read_bytes() for p in sorted(shapes_dir().glob("*.ttl")))
            return respond(body, "text/turtle", request, max_age=3600)
        return _turtle_file(shapes_dir(), name, request, respond)

    return app


def _turtle_file(folder: Path, name: str, request: Request, respond: Any) -> Response:
    path = folder / name
    if "/" in name or ".." in name or path.suffix != ".ttl" or not path.is_file():
        return problem_response(Problem(404, detail=f"no file {name}",
                                        instance=str(request.url.path)))
    return respond(path.read_bytes(), "text/turtle", request, max_age=3600)


def _etags(header: str | None) -> set[str]:
    if not header:
        return set()
    tags = {t.strip().removeprefix("W/") for t in header.split(",")}
    return {t for t in tags if t.startswith('"') and t.endswith('"') and len(t) > 1}


def _source_lines(store: SQLiteStore, document: bytes) -> list[dict[str, Any]]:
    """The source lines behind a resource, read from the stored source texts."""
    data = json.loads(document)
    root = data if "@graph" not in data else data["@graph"][0]
    out = []
    texts = {s.iri: s for s in store.sources()}
    herkomst = root.get("herkomst", [])
    for h in herkomst if isinstance(herkomst, list) else [herkomst]:
        if not isinstance(h, dict):
            continue
        src = texts.get(h.get("bron", ""))
        start, end = h.get("beginregel"), h.get("eindregel")
        if not src or not isinstance(start, int) or not isinstance(end, int):
            continue
        lines = src.text.split("\n")[start - 1 : min(end, start + 200)]
        out.append({"source": src.iri, "name": src.name, "start": start, "end": end,
                    "lines": list(enumerate(lines, start))})
    return out
