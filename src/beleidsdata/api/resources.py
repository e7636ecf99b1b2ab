"""``/id/{path}`` (303 to the description) and ``/doc/{path}`` (the description).

Each route's OpenAPI description (responses with real examples, parameters) is declared
with it; the shared builders are in ``openapi.py``, the examples in ``examples.py``.
"""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import RedirectResponse, Response

from ..errors import BadRequest
from ..formats import registry
from ..formats.embed import EMBEDDABLE, parse_embed
from . import openapi as oa
from .collection_query import DOC_PARAMS, check_names
from .deps import store_of
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
from .history import history_document, version_body, version_changes
from .negotiation import choose
from .problems import Problem, problem_response
from .responses import not_acceptable, not_found, respond
from .site_routes import language_of, site_of
from .stored import answer, split_suffix

router = APIRouter(tags=["resources"], default_response_class=Response)

# Representations of a resource, in our order of preference (first = default): HTML right
# after JSON-LD, so a browser (which asks for text/html first) gets the page.
DOC_TYPES = [
    "application/ld+json",
    "text/html",
    *(f.media_type for f in registry.document_formats() if f.key not in ("jsonld", "html")),
]
SUFFIXES = {f.suffix: f.media_type for f in registry.document_formats()}
VERSION_TYPES = [f.media_type for f in registry.stream_formats()]
FRAGMENT_FORMATS = tuple(f.key for f in registry.stream_formats())
HISTORY_TYPES = ["application/ld+json", "text/html", "application/json"]


def context_link(request: Request) -> str:
    link: str = request.app.state.context_link
    return link


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
    version = VERSION_PATH.match(path)
    if version is not None:
        known = store.member(f"{store.base_iri}/id/{path}") is not None
    else:
        known = bool(path) and store.entity_ever(path) is not None
    if not known:
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
    try:  # unknown parameters are refused as on collections (collection_query.py)
        check_names(list(request.query_params.multi_items()), DOC_PARAMS)
    except BadRequest as exc:
        instance = f"/doc/{path}"
        return problem_response(
            Problem(400, detail=str(exc), instance=instance), extra={"allowed": list(DOC_PARAMS)}
        )
    version = VERSION_PATH.match(path)
    if version is not None:
        return version_document(request, version.group(1), int(version.group(2)))
    if path.endswith("/" + HISTORY):
        return history(request, path[: -len(HISTORY) - 1])
    bare, suffix = split_suffix(f"/doc/{path}")
    bare = bare[len("/doc/") :]
    entity = store.entity(bare)
    if entity is None:
        status = 410 if store.was_deleted(bare) else 404
        return not_found(f"/doc/{bare}", f"no description at /doc/{bare}", status)
    accept = suffix.media_type if suffix is not None else request.headers.get("accept")
    media = choose(accept, DOC_TYPES)
    if media is None:
        return not_acceptable(DOC_TYPES, f"/doc/{bare}")
    fmt = registry.by_media_type(media)
    assert fmt is not None
    if fmt.key == "html":
        lang = language_of(request)
        body = site_of(request).resource(entity, lang)
        headers = {"Vary": "Accept, Accept-Language", "Content-Language": lang}
        return respond(body, fmt.media_type, request, headers=headers)
    if embed is None:
        return answer(request, f"/doc/{bare}{suffix.suffix if suffix else ''}")
    try:
        keys = parse_embed(embed)
    except ValueError as exc:
        return problem_response(
            Problem(
                400,
                detail=f"embed: unknown key {exc.args[0]!r}; allowed: "
                + ", ".join(("alles", *EMBEDDABLE)),
                instance=f"/doc/{bare}",
            ),
            extra={"allowed": ["alles", *EMBEDDABLE]},
        )
    stored = store.document(f"/doc/{bare}", "jsonld")
    assert stored is not None
    body = embedded(request, store, stored.body, bare, keys, fmt.storage)
    headers = {"Link": request.app.state.context_link} if fmt.key == "json" else {}
    return respond(body, fmt.media_type, request, headers=headers)


VERSION_PATH = re.compile(r"^(.+)/versie/(\d{1,9})(\.[a-z]+)?$")
HISTORY = "geschiedenis"


def version_document(request: Request, path: str, number: int) -> Response:
    """A version as it was published: its bookkeeping and its payload (immutable)."""
    store = store_of(request)
    iri = f"{store.base_iri}/id/{path}/versie/{number}"
    member = store.member(iri, formats=FRAGMENT_FORMATS)
    if member is None:
        return not_found(f"/doc/{path}/versie/{number}", f"no version {number} of /id/{path}")
    media = choose(request.headers.get("accept"), VERSION_TYPES)
    if media is None:
        return not_acceptable(VERSION_TYPES, f"/doc/{path}/versie/{number}")
    fmt = registry.by_media_type(media)
    assert fmt is not None
    body = version_body(member, fmt.key, request.app.state.layout.context)
    return respond(body, fmt.media_type, request, immutable=True)


def history(request: Request, path: str) -> Response:
    """Every version of a thing with its time, event and the triples it added and removed."""
    store = store_of(request)
    entity = store.entity_ever(path)
    if entity is None:
        return not_found(f"/doc/{path}/{HISTORY}", f"no thing at /id/{path}")
    members = store.history(entity.iri, formats=("nq",))
    media = choose(request.headers.get("accept"), HISTORY_TYPES)
    if media is None:
        return not_acceptable(HISTORY_TYPES, f"/doc/{path}/{HISTORY}")
    changes = version_changes(members)
    if media == "text/html":
        lang = language_of(request)
        body = site_of(request).history(entity, changes, lang)
        return respond(body, media, request, headers={"Vary": "Accept, Accept-Language"})
    doc = history_document(request.app.state.layout.context, entity.iri, path, changes)
    return respond(doc, media, request)
