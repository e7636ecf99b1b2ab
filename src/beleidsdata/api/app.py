"""The HTTP service: identifiers, documents, the event stream, vocabularies and shapes.

Every read is a lookup of bytes serialised at ingest plus a write; no rdflib, pyld or
pyshacl runs on a request path. Errors are ``application/problem+json`` (RFC 9457).
``Vary: Accept`` is on every response, since most URLs have several representations.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.cors import CORSMiddleware
from starlette.staticfiles import StaticFiles

from .. import __version__
from ..ldes.stream import DEFAULT_PAGE_SIZE, StreamLayout, materialise
from ..resources import site_dir
from ..store import SQLiteStore
from . import catalog, collections, developers, meta, openapi, resources, site, stream
from . import validate as validation_service
from .overload import OverloadGuard
from .problems import Problem, problem_response

DESCRIPTION = """\
Flemish government policy documents as linked open data.

Every thing has an identifier `/id/{kind}/{key}` that redirects (303) to its description
`/doc/{kind}/{key}`, served as JSON-LD, Turtle, N-Triples or HTML by `Accept` (or by the
suffixes `.jsonld`, `.ttl`, `.nt`, `.html`). `/ldes` is a Linked Data Event Stream of every
change. Errors are `application/problem+json`.
"""


def create_app(
    store: SQLiteStore, *, page_size: int = DEFAULT_PAGE_SIZE, max_in_flight: int = 512
) -> FastAPI:
    """The application for one store (its base IRI is the store's)."""
    app = FastAPI(
        title="beleidsdata",
        version=__version__,
        description=DESCRIPTION,
        docs_url="/docs",
        redoc_url=None,
    )
    app.state.store = store
    app.state.layout = StreamLayout(store.base_iri, page_size)
    if not getattr(store, "_readonly", False):
        materialise(store, app.state.layout)  # closed pages of this size, as bytes
    app.mount("/static", StaticFiles(directory=str(site_dir() / "static")), name="static")
    # collections (/doc/{kind}) before resources (/doc/{path:path}), which would match too
    # site first: its /shapes/ and /vocab/*.html pages would match meta's Turtle routes
    for router in (
        site.router,
        meta.router,
        collections.router,
        resources.router,
        stream.router,
        catalog.router,
        developers.router,
    ):
        app.include_router(router)
    validation_service.install(app)  # POST/GET /validate and the request body-size limit
    openapi.install(app)  # problem+json schema, tags, examples (api/openapi.py)
    # Closed event-stream pages straight from the pages table (inside CORS and Vary).
    app.add_middleware(stream.StoredPages)
    # Reads are open: any origin may GET (CORS), and read our caching and context headers.
    app.add_middleware(
        CORSMiddleware,
        allow_origins=["*"],
        allow_methods=["GET", "HEAD"],
        allow_headers=["*"],
        max_age=86400,
        expose_headers=["ETag", "Link", "Last-Modified", "Location", "Vary"],
    )

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        detail = exc.detail if isinstance(exc.detail, str) else None
        return problem_response(
            Problem(exc.status_code, detail=detail, instance=str(request.url.path)),
            headers=dict(exc.headers or {}),
        )  # e.g. Allow on a 405

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()[:5]
        )
        return problem_response(Problem(400, detail=problems, instance=str(request.url.path)))

    app.add_middleware(VaryAccept)
    # Outermost: more than max_in_flight requests at once get 429 with Retry-After.
    app.add_middleware(OverloadGuard, limit=max_in_flight)
    return app


class VaryAccept:
    """Pure ASGI middleware: ``Vary: Accept`` on every response (added to a ``Vary`` that
    lacks it), and a problem+json 500, never a traceback, when the application fails
    before it started a response. (Pure ASGI rather than ``@app.middleware``: Starlette's
    BaseHTTPMiddleware costs a task group and a memory stream per request.)"""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_vary(message: dict) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = list(message.get("headers", ()))
                varies = [v.decode("latin-1") for k, v in headers if k.lower() == b"vary"]
                vary = varies[0] if varies else ""
                if not vary or "accept" not in vary.lower():
                    value = vary + ", Accept" if vary else "Accept"
                    headers = [(k, v) for k, v in headers if k.lower() != b"vary"]
                    headers.append((b"vary", value.encode("latin-1")))
                    message = {**message, "headers": headers}
            await send(message)

        try:
            await self.app(scope, receive, send_vary)
        except Exception:  # never a traceback to the client
            if started:
                raise
            response = problem_response(
                Problem(500, detail="internal error", instance=str(scope.get("path", "")))
            )
            await response(scope, receive, send_vary)
