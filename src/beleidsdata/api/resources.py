"""``/id/{path}`` (303 to the description) and ``/doc/{path}`` (the description).

Each route's OpenAPI description (responses with real examples, parameters) is declared
with it; the shared builders are in ``openapi.py``, the examples in ``examples.py``.
"""

from __future__ import annotations

from datetime import datetime
from email.utils import format_datetime, parsedate_to_datetime
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import RedirectResponse, Response

from ..formats.embed import EMBEDDABLE, parse_embed
from . import openapi as oa
from .deps import layout_of, store_of
from .embedding import embedded
from .examples import (
    DECISION,
    DECISION_JSONLD,
    DECISION_TURTLE,
    EVALUATION,
    RESOLUTION,
    SECTION,
    SPEERPUNT,
    STRATEGY,
)
from .negotiation import choose
from .problems import Problem, problem_response
from .responses import etag_of, not_acceptable, not_found, respond
from .site import language_of, site_of

router = APIRouter(tags=["resources"], default_response_class=Response)

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
# The RDF serialisations and HTML: string bodies in the description.
RDF_TEXT = ["text/turtle", "application/n-triples", "application/rdf+xml", "text/html"]


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


ID_PATH = Path(
    description="The identifier after `/id/`: `{kind}/{key}`, where `{kind}` is `beslissing`, "
    "`regeerakkoord`, `evaluatie`, `strategie`, `resolutie`, `mededeling`, `bron`, "
    "`persoon`, `mandaat` or `mandataris`.",
    openapi_examples=oa.examples(
        decision=("A government decision (agenda item)", DECISION),
        section=("Coalition-agreement section 2.3.5", SECTION),
        strategy=("The Vlaamse Digitale Strategie", STRATEGY),
    ),
)


@router.get(
    "/id/{path:path}",
    status_code=303,
    summary="Identifier of a thing: redirects to its description",
    description="The IRI of a thing is `{base}/id/{kind}/{key}`; it is not a document. "
    "A GET answers `303 See Other` with `Location: /doc/{kind}/{key}`, the "
    "description (the legislation.gov.uk /id → /doc pattern). A removed thing "
    "still redirects; its description then answers 410.",
    responses={
        303: {
            "description": "See the description: `Location` is `/doc/{path}`.",
            "headers": {
                "Location": {
                    "description": "The description of the thing.",
                    "schema": {"type": "string"},
                    "example": f"/doc/{DECISION}",
                }
            },
        },
        404: oa.problem(
            "No thing has this identifier.",
            "no thing is identified by /id/beslissing/nergens",
            "/id/beslissing/nergens",
            404,
        ),
    },
)
def identifier(path: Annotated[str, ID_PATH], request: Request) -> Response:
    store = store_of(request)
    if not path or (store.entity(path) is None and not store.was_deleted(path)):
        return not_found(f"/id/{path}", f"no thing is identified by /id/{path}")
    return RedirectResponse(f"/doc/{path}", status_code=303)


# The document a JSON-LD description is: plain JSON keys, documented in the context.
JSONLD_DOCUMENT = {
    "type": "object",
    "description": "A compacted JSON-LD document with our context: reads as plain JSON. "
    "Keys are documented in `/context/v1.jsonld` (and docs/context.md).",
    "required": ["@context"],
    "properties": {
        "@context": {"type": "string", "format": "uri"},
        "id": {"type": "string", "format": "uri"},
        "type": {"type": "array", "items": {"type": "string"}},
    },
}
DOC_PATH = Path(
    description="The path of a thing (`{kind}/{key}`), optionally with a format "
    "suffix: `.jsonld`, `.json`, `.ttl`, `.nt`, `.rdf`, `.html`.",
    openapi_examples=oa.examples(
        decision=("A government decision", DECISION),
        section=("Coalition-agreement section 2.3.5", SECTION),
        evaluation=("The evaluation of section 2.3.5", EVALUATION),
        speerpunt=("A speerpunt of the digital strategy", SPEERPUNT),
        resolution=("A Parliament resolution", RESOLUTION),
        turtle=("By suffix: the decision as Turtle", DECISION + ".ttl"),
    ),
)
_EMBED_KEY = "(" + "|".join(("alles", "all", *EMBEDDABLE)) + ")"
EMBED = Query(
    description="Inline related resources, one level, from their stored descriptions: a "
    "comma-separated list of keys of the context (e.g. `verwijstNaar,delen`), or "
    "`alles` (`all`) for every related thing. The part keys `onderdelen` and `delen` "
    "are followed down the whole part tree. Not applied to HTML.",
    # Documented, not enforced by FastAPI: parse_embed answers a 400 that lists the keys.
    json_schema_extra={"type": "string", "pattern": f"^{_EMBED_KEY}(,{_EMBED_KEY})*$"},
    openapi_examples={
        "all": {
            "summary": "The evaluation with its findings and cited decisions",
            "value": "alles",
        },
        "cited": {"summary": "Only what it refers to", "value": "verwijstNaar"},
    },
)


@router.get(
    "/doc/{path:path}",
    summary="Description of a thing, in the format asked for",
    description="The description of a thing in the format asked for by `Accept`, or by a "
    "suffix on the path (`.jsonld`, `.json`, `.ttl`, `.nt`, `.rdf`, `.html`). "
    "JSON-LD is compacted with our context (`/context/v1.jsonld`) and reads as "
    "plain JSON; `application/json` is the same document, the context also "
    "linked by a `Link` header (JSON-LD 1.1). `?embed=` inlines related things "
    "one level. Conditional requests: `If-None-Match` (ETag) and "
    "`If-Modified-Since` (`Last-Modified`) give 304.",
    responses={
        200: oa.ok(
            "The description.",
            {
                **oa.media(
                    "application/ld+json",
                    "application/json",
                    schema=JSONLD_DOCUMENT,
                    example=DECISION_JSONLD,
                ),
                **oa.media("text/turtle", example=DECISION_TURTLE),
                **oa.media("application/n-triples", "application/rdf+xml", "text/html"),
            },
            headers={
                "Last-Modified": {
                    "description": "When the thing last changed (not with ?embed= or HTML).",
                    "schema": {"type": "string"},
                },
                "Link": {
                    "description": "`application/json` only: the JSON-LD context "
                    '(`rel="http://www.w3.org/ns/json-ld#context"`).',
                    "schema": {"type": "string"},
                },
            },
        ),
        304: oa.NOT_MODIFIED,
        400: oa.problem(
            "Unknown key in `embed` (`allowed` lists the keys).",
            "embed: unknown key 'x'; allowed: alles, …",
            f"/doc/{EVALUATION}",
            400,
        ),
        404: oa.problem(
            "No description at this path.",
            "no description at /doc/beslissing/x",
            "/doc/beslissing/x",
            404,
        ),
        406: oa.not_acceptable(list(DOC_TYPES), f"/doc/{DECISION}"),
        410: oa.problem(
            "The thing was removed (its identifier stays reserved).",
            "no description at /doc/beslissing/2020-01-01/0000000000",
            "/doc/beslissing/2020-01-01/0000000000",
            410,
        ),
    },
)
def document(
    path: Annotated[str, DOC_PATH],
    request: Request,
    embed: Annotated[str | None, EMBED] = None,
) -> Response:
    store = store_of(request)
    accept = request.headers.get("accept")
    entity = store.entity(path)
    if entity is None:
        for suffix, suffix_type in SUFFIXES.items():
            if path.endswith(suffix):
                path, accept = path[: -len(suffix)], suffix_type
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


def _http_date(iso: str) -> str:
    return format_datetime(datetime.fromisoformat(iso.replace("Z", "+00:00")), usegmt=True)
