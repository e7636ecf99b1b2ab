"""What every route's OpenAPI description shares, and the hook that finishes the document.

Each router declares its own operations next to its routes (FastAPI's "bigger
applications" pattern): ``APIRouter(responses=…)`` for what all its routes answer,
``Path``/``Query`` with ``openapi_examples`` for parameters, a dependency for a parameter
several routes take. This module holds the few pieces they share: the response builders
(a ``problem+json`` error with a real example, a 200 with its media types and caching
headers, 304, 406), the tags, the ``Problem`` schema (RFC 9457) and :func:`install`,
which finishes the generated document: the ``Problem`` schema for every error, FastAPI's
422 validation answer replaced by the 400 we really send, 429 on every operation (the
overload guard of ``middleware.py`` wraps them all, whichever router they come from),
and parameters declared in ``openapi_extra`` merged into the generated ones.
"""

from __future__ import annotations

import copy
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.models import Example
from fastapi.openapi.utils import get_openapi
from fastapi.responses import Response

from .problems import PROBLEM_TYPE

TAGS = [
    {
        "name": "resources",
        "description": "Things by identifier: `/id/…` redirects (303) to "
        "its description `/doc/…`, served as JSON-LD, plain JSON, Turtle, N-Triples, RDF/XML "
        "or HTML by `Accept` or suffix; the JSON-LD context.",
    },
    {
        "name": "collections",
        "description": "Every thing of a kind (`/doc/beslissing`, "
        "`/doc/evaluatie`, …) as a paged Hydra collection with filters; no SPARQL needed.",
    },
    {
        "name": "event stream",
        "description": "The Linked Data Event Stream (LDES 1.0, TREE) "
        "of every change, its views and pages, and the DCAT catalogue that lists it.",
    },
    {
        "name": "publishing",
        "description": "Publishing and withdrawing source documents over HTTP, as "
        "`beleidsdata ingest` and `withdraw` do; needs a token (`Authorization: Bearer`).",
    },
    {"name": "validation", "description": "SHACL validation of RDF or source documents."},
    {
        "name": "vocabularies",
        "description": "Our extension vocabulary, concept schemes and SHACL shapes as Turtle.",
    },
    {
        "name": "site",
        "description": "Human-readable HTML pages: search, vocabulary and shape "
        "documentation, the developers' guide.",
    },
    {"name": "service", "description": "Landing page and health."},
]

PROBLEM_SCHEMA: dict[str, Any] = {
    "title": "Problem",
    "description": "An error, as RFC 9457 problem details (`application/problem+json`).",
    "type": "object",
    "required": ["type", "title", "status"],
    "properties": {
        "type": {"type": "string", "description": "Always `about:blank`: the status says it."},
        "title": {"type": "string", "description": "The HTTP status phrase."},
        "status": {"type": "integer", "minimum": 400, "maximum": 599},
        "detail": {"type": "string", "description": "What is wrong, and what is allowed."},
        "instance": {"type": "string", "description": "The path that was asked for."},
        "allowed": {
            "type": "array",
            "items": {"type": "string"},
            "description": "400: the parameter names or values that are allowed.",
        },
        "available": {
            "type": "array",
            "items": {"type": "string"},
            "description": "406: the media types on offer.",
        },
        "limit": {"type": "integer", "description": "413: the body size limit in bytes."},
        "database": {
            "type": "object",
            "description": "503 on /healthz: the database's backend and state.",
        },
    },
}
PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}

# The answers of a route, by status code (FastAPI's ``responses=``).
Responses = dict[int | str, dict[str, Any]]

# --------------------------------------------------------------------------- builders

HEADERS = {
    "ETag": {
        "description": "Strong entity tag of these bytes; send it back in "
        "`If-None-Match` to get 304.",
        "schema": {"type": "string"},
    },
    "Cache-Control": {
        "description": "`public, max-age=…` (`immutable` for closed pages).",
        "schema": {"type": "string"},
    },
    "Vary": {
        "description": "`Accept` (and `Accept-Language` for HTML).",
        "schema": {"type": "string"},
    },
}


def problem(
    description: str,
    detail: str | None = None,
    instance: str | None = None,
    status: int | None = None,
    **extra: Any,
) -> dict[str, Any]:
    """A response entry whose body is problem+json, with an example when ``detail``."""
    content: dict[str, Any] = {"schema": PROBLEM_REF}
    if detail and status:
        content["example"] = {
            "type": "about:blank",
            "title": HTTPStatus(status).phrase,
            "status": status,
            "detail": detail,
            **({"instance": instance} if instance else {}),
            **extra,
        }
    return {"description": description, "content": {PROBLEM_TYPE: content}}


def ok(
    description: str, content: dict[str, dict[str, Any]], headers: dict[str, Any] | None = None
) -> dict[str, Any]:
    """A successful answer with its media types and our caching headers."""
    return {
        "description": description,
        "content": content,
        "headers": {**HEADERS, **(headers or {})},
    }


def media(
    *types: str, schema: dict[str, Any] | None = None, example: Any = None
) -> dict[str, dict[str, Any]]:
    """The same schema (a string body unless given) and example for several media types."""
    out = {}
    for t in types:
        entry: dict[str, Any] = {
            "schema": schema if schema is not None and "json" in t else {"type": "string"}
        }
        if example is not None:
            entry["example"] = example
        out[t] = entry
    return out


NOT_MODIFIED = {
    "description": "Not modified: the `If-None-Match` tag (or "
    "`If-Modified-Since` date) matches; no body.",
    "headers": {"ETag": HEADERS["ETag"]},
}


def not_acceptable(offered: list[str], instance: str) -> dict[str, Any]:
    return problem(
        "None of the media types in `Accept` is on offer; `available` lists them.",
        "none of the requested media types is available; available: " + ", ".join(offered),
        instance,
        406,
        available=offered,
    )


def examples(**named: tuple[str, Any]) -> dict[str, Example]:
    """``openapi_examples`` of a parameter: name=(summary, value)."""
    return {k: {"summary": summary, "value": value} for k, (summary, value) in named.items()}


HTML_PAGE: Responses = {200: ok("The page.", media("text/html"))}
NO_SUCH_PAGE = problem("No such page.")

# The validation form's declaration, splatted into its route by api/validate.py.
VALIDATE_FORM: dict[str, Any] = {
    "response_class": Response,
    "description": "The validation form (works without JavaScript).",
    "responses": HTML_PAGE,
}

# --------------------------------------------------------------------------- finishing

TOO_MANY = {
    **problem(
        "More requests in flight than the server takes (`serve "
        "--max-in-flight`), or too many validations at once: retry after "
        "`Retry-After` seconds.",
        "more than 512 requests in flight; retry after 1 s",
        "/ldes/pagina/1",
        429,
    ),
    "headers": {"Retry-After": {"description": "Seconds to wait.", "schema": {"type": "integer"}}},
}
BAD_PARAMETER = problem(
    "A parameter is not of its type (e.g. a page number that is not a whole number).",
    "path.number: Input should be a valid integer",
    "/ldes/pagina/x",
    400,
)


def _merge_parameters(params: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Parameters declared in ``openapi_extra`` complete the generated ones of that name."""
    merged: dict[tuple[str, str], dict[str, Any]] = {}
    for p in params:
        key = (p["name"], p.get("in", "query"))
        if key in merged:
            base = merged[key]
            for k, v in p.items():
                if k == "schema" and isinstance(base.get("schema"), dict):
                    base["schema"] = {**base["schema"], **v}
                else:
                    base[k] = v
        else:
            merged[key] = {"in": "query", **p}
    return list(merged.values())


def finish(schema: dict[str, Any]) -> dict[str, Any]:
    """Problem schema, 400 instead of FastAPI's 422, 429 everywhere, merged parameters."""
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    components.pop("HTTPValidationError", None)
    components.pop("ValidationError", None)
    components["Problem"] = PROBLEM_SCHEMA
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            if "parameters" in operation:
                operation["parameters"] = _merge_parameters(operation["parameters"])
            responses = operation.setdefault("responses", {})
            generated = responses.get("422", {})
            if generated.get("description") == "Validation Error":
                del responses["422"]
                responses.setdefault("400", copy.deepcopy(BAD_PARAMETER))
            for response in responses.values():
                for key, content in response.get("content", {}).items():
                    if key == PROBLEM_TYPE and not content.get("schema"):
                        content["schema"] = PROBLEM_REF
            responses.setdefault("429", copy.deepcopy(TOO_MANY))
            operation["responses"] = dict(sorted(responses.items()))
    return schema


def install(app: FastAPI) -> None:
    """Serve the finished description at /openapi.json (built once)."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = finish(
                get_openapi(
                    title=app.title,
                    version=app.version,
                    description=app.description,
                    routes=app.routes,
                    tags=TAGS,
                )
            )
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
