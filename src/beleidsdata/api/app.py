"""The HTTP service: identifiers, documents, the event stream, vocabularies and shapes.

Every read is a lookup of bytes serialised at ingest plus a write; no rdflib, pyld or
pyshacl runs on a request path. Errors are ``application/problem+json`` (RFC 9457), see
``problems.py``; the ASGI layers around the routes and their order are in
``middleware.py``; each router describes its own operations for OpenAPI, and
``openapi.py`` finishes the document.
"""

from __future__ import annotations

import inspect
import os
from typing import Any

from fastapi import FastAPI
from starlette.staticfiles import StaticFiles

from .. import __version__
from ..errors import StoreBusy, StoreError
from ..ldes.layout import StreamLayout
from ..ldes.publish import publish_empty
from ..resources import site_dir
from ..store import Store, open_store, utc_now
from ..store.changes import watch
from . import (
    catalog,
    collection,
    developers,
    docs_page,
    meta,
    metrics,
    middleware,
    openapi,
    publish,
    resources,
    site_routes,
    stream,
)
from . import validate as validation_service
from .first_pages import FirstPages
from .problems import install_handlers
from .validate_settings import ValidationSettings

DESCRIPTION = """\
Flemish government policy documents as linked open data.

Every thing has an identifier `/id/{kind}/{key}` that redirects (303) to its description
`/doc/{kind}/{key}`, served as JSON-LD, Turtle, N-Triples or HTML by `Accept` (or by the
suffixes `.jsonld`, `.ttl`, `.nt`, `.html`). `/ldes` is a Linked Data Event Stream of every
change. Errors are `application/problem+json`.
"""


# FastAPI's built-in OpenTelemetry hook asks the environment and the providers on every
# request (about 15 µs, half of a stored page's cost); we export no traces.
_NO_TELEMETRY: dict[str, Any] = (
    {"telemetry": {"tracing": False, "metrics": False, "logs": False}}
    if "telemetry" in inspect.signature(FastAPI.__init__).parameters
    else {}
)


def create_app(store: Store, *, max_in_flight: int = 512) -> FastAPI:
    """The application for one store (its base IRI is the store's)."""
    app = FastAPI(
        **_NO_TELEMETRY,
        title="beleidsdata",
        version=__version__,
        description=DESCRIPTION,
        docs_url=None,  # our own /docs serves Swagger UI from this service (docs_page.py)
        redoc_url=None,
    )
    app.state.store = store
    app.state.changes = watch(store.db)  # when the stored pages kept in memory are stale
    app.state.first_pages = FirstPages(watch(store.db))  # its own connection: other threads
    app.state.layout = layout = StreamLayout(store.base_iri, store.page_size)
    app.state.context_link = (
        f'<{layout.context}>; rel="http://www.w3.org/ns/json-ld#context"; '
        'type="application/ld+json"'
    )
    if not store.has_document("/ldes") and not getattr(store.db, "readonly", False):
        try:  # a store with no members yet still has a stream to describe
            with store.writing(wait=5):
                publish_empty(store, layout, utc_now())
        except StoreBusy:
            pass  # another process is writing; it renders the stream
    app.mount("/static", StaticFiles(directory=str(site_dir() / "static")), name="static")
    # collection (/doc/{kind}) before resources (/doc/{path:path}), which would match too
    # site first: its /shapes/ and /vocab/*.html pages would match meta's Turtle routes
    for router in (
        site_routes.router,
        meta.router,
        collection.router,
        resources.router,
        stream.router,
        catalog.router,
        publish.router,
        developers.router,
        docs_page.router,
    ):
        app.include_router(router)
    validation_service.install(app)  # POST/GET /validate and the request body-size limit
    openapi.install(app)  # the finished description at /openapi.json
    install_handlers(app)  # FastAPI's own errors as problem+json
    middleware.install(app, max_in_flight)  # overload guard, Vary, CORS, stored pages
    metrics.install(app)  # /metrics, counting every request: outermost
    return app


DB_ENV = "BELEIDSDATA_DB"
MAX_IN_FLIGHT_ENV = "BELEIDSDATA_MAX_IN_FLIGHT"


def from_environment() -> FastAPI:
    """The application a worker process builds (``serve --workers N``, ``--stack
    granian``): the store at ``$BELEIDSDATA_DB``, the in-flight limit of
    ``$BELEIDSDATA_MAX_IN_FLIGHT`` and the validation limits of the
    ``BELEIDSDATA_VALIDATE_*`` variables, which ``serve`` sets from its options."""
    location = os.environ.get(DB_ENV)
    if not location:
        raise StoreError(f"${DB_ENV} names no store to serve")
    store = open_store(location, create=False)
    app = create_app(store, max_in_flight=int(os.environ.get(MAX_IN_FLIGHT_ENV) or 512))
    app.state.validation = ValidationSettings.from_env()
    return app
