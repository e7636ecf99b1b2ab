"""The service around the data: landing page, health, context, vocabularies, shapes.

Each route's OpenAPI description is declared with it (builders in ``openapi.py``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Request
from fastapi import Path as PathParam
from fastapi.responses import JSONResponse, Response

from .. import __version__
from ..errors import DatabaseUnavailable
from ..formats.context import context_bytes
from ..mapping.uris import AGREEMENT, DECISION, EVALUATION, STRATEGY
from ..resources import shapes_dir, vocab_dir
from ..store.health import database_state
from . import openapi as oa
from .deps import layout_of, store_of
from .examples import BASE
from .negotiation import choose
from .problems import Problem, problem_response
from .responses import not_acceptable, not_found, respond
from .site_routes import language_of, site_of

router = APIRouter(default_response_class=Response)


_DATABASE_SCHEMA = {
    "type": "object",
    "required": ["backend", "state"],
    "properties": {
        "backend": {"enum": ["sqlite", "postgresql"]},
        "state": {"enum": ["ok", "unavailable"]},
        "schema": {"type": "integer"},
        "size_bytes": {"type": "integer"},
        "latency_ms": {"type": "number"},
        "last_ingest": {"type": ["string", "null"]},
    },
}


@router.get(
    "/healthz",
    tags=["service"],
    summary="Liveness, the database's state and store counts",
    description="Whether the service is up and its database reachable (for a load "
    "balancer: 503 when it is not), its version and base IRI, how many things and "
    "event-stream members the store holds, and the database's backend, schema version, "
    "size, the time of the last ingest and how long these queries took.",
    response_class=JSONResponse,
    responses={
        200: {
            "content": {
                "application/json": {
                    "schema": {
                        "type": "object",
                        "required": ["status", "version", "base", "entities", "members"],
                        "properties": {
                            "status": {"const": "ok"},
                            "version": {"type": "string"},
                            "base": {"type": "string"},
                            "entities": {"type": "integer"},
                            "members": {"type": "integer"},
                            "database": _DATABASE_SCHEMA,
                        },
                    },
                    "example": {
                        "status": "ok",
                        "version": "0.1.0",
                        "base": BASE,
                        "entities": 310,
                        "members": 310,
                        "database": {
                            "backend": "postgresql",
                            "state": "ok",
                            "schema": 2,
                            "size_bytes": 9846575,
                            "latency_ms": 1.4,
                            "last_ingest": "2026-12-05T11:56:59.135Z",
                        },
                    },
                }
            }
        },
        503: oa.problem(
            "The database cannot be reached: this replica cannot serve (a load balancer "
            "takes it out). `database` says which backend.",
            "the database is unavailable",
            "/healthz",
            503,
            database={"backend": "postgresql", "state": "unavailable"},
        ),
    },
)
def healthz(request: Request) -> Response:
    store = store_of(request)
    head = {"version": __version__, "base": store.base_iri}
    headers = {"Cache-Control": "no-store"}
    try:
        state = database_state(store)
        members = store.count_members()
    except DatabaseUnavailable:
        database = {"backend": store.db.kind, "state": "unavailable"}
        problem = Problem(503, detail="the database is unavailable", instance="/healthz")
        return problem_response(problem, {**head, "database": database}, headers)
    return JSONResponse(
        {
            "status": "ok",
            **head,
            "entities": state.entities,
            "members": members,
            "database": {
                "backend": state.backend,
                "state": "ok",
                "schema": state.schema,
                "size_bytes": state.size_bytes,
                "latency_ms": state.latency_ms,
                "last_ingest": state.last_ingest,
            },
        },
        headers=headers,
    )


LANDING_TYPES = ["text/html", "application/json"]


@router.get(
    "/",
    tags=["service"],
    summary="Landing page: what is here",
    description="What is here: an HTML page, or with `Accept: application/json` the base "
    "IRI, the kinds with their counts, the stream and the context.",
    responses={
        200: oa.ok(
            "The landing page.",
            {
                **oa.media("text/html"),
                **oa.media(
                    "application/json",
                    schema={
                        "type": "object",
                        "required": ["base", "kinds", "ldes", "context"],
                        "properties": {
                            "base": {"type": "string"},
                            "kinds": {
                                "type": "object",
                                "additionalProperties": {"type": "integer"},
                            },
                            "ldes": {"type": "string"},
                            "context": {"type": "string"},
                        },
                    },
                    example={
                        "base": BASE,
                        "kinds": {
                            DECISION: 26,
                            EVALUATION: 18,
                            AGREEMENT: 4,
                            STRATEGY: 121,
                        },
                        "ldes": f"{BASE}/ldes",
                        "context": f"{BASE}/context/v1.jsonld",
                    },
                ),
            },
        ),
        304: oa.NOT_MODIFIED,
        406: oa.not_acceptable(LANDING_TYPES, "/"),
    },
)
def landing(request: Request) -> Response:
    store, layout = store_of(request), layout_of(request)
    chosen = choose(request.headers.get("accept"), LANDING_TYPES)
    if chosen is None:
        return not_acceptable(LANDING_TYPES, "/")
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
    lang = language_of(request)
    body = site_of(request).landing(lang)
    return respond(
        body,
        "text/html",
        request,
        headers={"Vary": "Accept, Accept-Language", "Content-Language": lang},
    )


@router.get(
    "/context/v1.jsonld",
    tags=["resources"],
    summary="The JSON-LD context, v1",
    description="The JSON-LD context of every document we serve: short Dutch keys (with "
    "English aliases), `id`/`type` for `@id`/`@type`, type coercion of dates, "
    "numbers and IRIs. Versioned: v1 never changes incompatibly. Every key is "
    "documented in docs/context.md.",
    responses={
        200: oa.ok(
            "The context.",
            oa.media(
                "application/ld+json",
                schema={"type": "object", "required": ["@context"]},
                example={
                    "@context": {
                        "@version": 1.1,
                        "@language": "nl",
                        "id": "@id",
                        "type": "@type",
                        "titel": "…",
                    }
                },
            ),
        ),
        304: oa.NOT_MODIFIED,
    },
)
def context(request: Request) -> Response:
    return respond(context_bytes(), "application/ld+json", request, max_age=86400)


# Vocabulary and shapes files as Turtle: the same answers, different folders.
TURTLE_FILE: oa.Responses = {
    200: oa.ok("The file.", oa.media("text/turtle")),
    304: oa.NOT_MODIFIED,
    404: oa.problem("No such file.", "no file x.ttl", None, 404),
}
FILE_NAME = "A file name ending in `.ttl`."


@router.get(
    "/vocab/{name}",
    tags=["vocabularies"],
    summary="Our extension vocabulary or a concept scheme (Turtle)",
    description="Our extension vocabulary or one of our concept schemes, as Turtle.",
    responses=TURTLE_FILE,
)
def vocab(
    name: Annotated[
        str,
        PathParam(
            description=FILE_NAME,
            openapi_examples=oa.examples(
                vocabulary=("The extension vocabulary", "beleidsdata.ttl")
            ),
        ),
    ],
    request: Request,
) -> Response:
    return _turtle_file(vocab_dir(), name, request)


@router.get(
    "/shapes/{name}",
    tags=["vocabularies"],
    summary="A SHACL shapes file (Turtle); beleidsdata.ttl holds them all",
    description="A SHACL shapes file; `beleidsdata.ttl` holds all of them, as Turtle.",
    responses=TURTLE_FILE,
)
def shapes(
    name: Annotated[
        str,
        PathParam(
            description=FILE_NAME,
            openapi_examples=oa.examples(all=("Every shape", "beleidsdata.ttl")),
        ),
    ],
    request: Request,
) -> Response:
    if name == "beleidsdata.ttl":
        body = b"\n".join(p.read_bytes() for p in sorted(shapes_dir().glob("*.ttl")))
        return respond(body, "text/turtle", request, max_age=3600)
    return _turtle_file(shapes_dir(), name, request)


def _turtle_file(folder: Path, name: str, request: Request) -> Response:
    path = folder / name
    if "/" in name or ".." in name or path.suffix != ".ttl" or not path.is_file():
        return not_found(str(request.url.path), f"no file {name}")
    return respond(path.read_bytes(), "text/turtle", request, max_age=3600)
