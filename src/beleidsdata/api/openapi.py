"""The OpenAPI description: what each route declares, and the finishing touches.

Routes declare their documentation as decorator arguments: ``@router.get(path,
summary=…, **openapi.DOC)``. The dictionaries here hold their descriptions, parameters
(with examples from the sample corpus, so ``/docs`` "Try it out" and schemathesis reach real
data), response media types, status codes and examples. :func:`install` finishes the
document: tag descriptions, the ``Problem`` schema (RFC 9457) for every error, FastAPI's
422 validation answer replaced by the 400 we really send, 429 (overload) on every
operation, and parameters declared in ``openapi_extra`` merged into the generated ones.

Examples are real: the IRIs and bodies are those of the bundled samples
(``data/samples/``) served with the default base IRI ``http://localhost:8000``.
"""

from __future__ import annotations

import copy
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from fastapi.responses import Response

from ..formats.embed import EMBEDDABLE
from .problems import PROBLEM_TYPE

BASE = "http://localhost:8000"

# Real things of the sample corpus (their paths do not depend on the base IRI).
DECISION = "beslissing/2020-04-10/c893381a1d"
SECTION = "regeerakkoord/2019-2024/sectie/2.3.5"
EVALUATION = "evaluatie/2.3.5-d9e4a424ac"
FINDING = "evaluatie/2.3.5-d9e4a424ac/bevinding/1"
STRATEGY = "strategie/vlaamse-digitale-strategie"
SPEERPUNT = "strategie/vlaamse-digitale-strategie/speerpunt/2.1"
RESOLUTION = "resolutie/86220afeb2d5"
COMMUNICATION = "mededeling/uitbouw-van-slimme-regio-vlaanderen"

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
    },
}
PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}

_JSONLD_DOC = {
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
_COLLECTION = {
    "type": "object",
    "description": "A `hydra:Collection`: `totaalAantal` members in all, the `leden` of "
    "this page, and `weergave` (the page) with `eerste`, `vorige`, "
    "`volgende` and `laatste` links.",
    "required": ["@context", "id", "type", "totaalAantal", "leden", "weergave"],
    "properties": {
        "@context": {"type": "string", "format": "uri"},
        "id": {"type": "string", "format": "uri"},
        "type": {"type": "array", "items": {"const": "Collection"}},
        "totaalAantal": {"type": "integer", "minimum": 0},
        "leden": {"type": "array", "items": {"type": "object", "required": ["id"]}},
        "weergave": {
            "type": "object",
            "required": ["id", "eerste", "laatste"],
            "properties": {
                k: {"type": "string", "format": "uri"}
                for k in ("id", "eerste", "vorige", "volgende", "laatste")
            },
        },
    },
}

EXAMPLE_DECISION = {
    "@context": f"{BASE}/context/v1.jsonld",
    "id": f"{BASE}/id/{DECISION}",
    "type": ["Agendapunt"],
    "titel": "Subsidie Kenniscentrum Data en Maatschappij",
    "beschrijving": "Naar aanleiding van het Vlaams Beleidsplan Artificiële Intelligentie "
    "werd de oprichting van het Vlaams Kenniscentrum Data & Maatschappij "
    "op 24 mei 2019 door de Vlaamse Regering goedgekeurd. […] Ze kent "
    "750.000 euro subsidie toe voor het werkingsjaar 2020.",
    "agendapuntType": "http://themis.vlaanderen.be/id/concept/agendapunt-type/"
    "dd47a8f8-3ad2-4d5a-8318-66fc02fe80fd",
    "bedrag": [
        {
            "id": f"{BASE}/id/{DECISION}#bedrag-750000",
            "type": ["Bedrag"],
            "waarde": "750000",
            "munt": "EUR",
            "bedragTekst": "750.000 euro",
        }
    ],
    "behandelingen": [
        {
            "id": f"{BASE}/id/{DECISION}#behandeling",
            "type": ["BehandelingVanAgendapunt"],
            "beslissing": {
                "id": f"{BASE}/id/{DECISION}#beslissing",
                "type": ["Beslissingsactiviteit"],
                "datum": "2020-04-10",
            },
        }
    ],
    "afgeleidVan": [
        f"{BASE}/id/bron/evaluatie-2-3-5-export-a",
        f"{BASE}/id/bron/evaluatie-2-3-5-export-b",
    ],
}
EXAMPLE_TURTLE = f"""@prefix besluit: <http://data.vlaanderen.be/ns/besluit#> .
@prefix dct: <http://purl.org/dc/terms/> .

<{BASE}/id/{DECISION}> a besluit:Agendapunt ;
    dct:title "Subsidie Kenniscentrum Data en Maatschappij"@nl .
"""


def _member(path: str, date: str, title: str) -> dict[str, Any]:
    iri = f"{BASE}/id/{path}"
    return {
        "id": iri,
        "type": ["Agendapunt"],
        "titel": title,
        "behandelingen": [
            {"id": iri + "#behandeling", "beslissing": {"id": iri + "#beslissing", "datum": date}}
        ],
    }


EXAMPLE_COLLECTION = {
    "@context": f"{BASE}/context/v1.jsonld",
    "id": f"{BASE}/doc/beslissing?sorteer=-datum",
    "type": ["Collection"],
    "totaalAantal": 26,
    "leden": [
        _member(
            "beslissing/2023-12-22/b4a8b77b9d",
            "2023-12-22",
            "Vlaams Beleidsplan Artificiële Intelligentie (AI), Luik opleidingen: "
            "verlenging Vlaamse AI Academie – Werkjaar 2024",
        ),
        _member(
            "beslissing/2023-11-17/96451ae144",
            "2023-11-17",
            "Programma Vlaanderen Radicaal Digitaal: exploitatiebudget begrotingsjaar 2024",
        ),
    ],
    "weergave": {
        "id": f"{BASE}/doc/beslissing?sorteer=-datum&aantal=2",
        "type": ["PartialCollectionView"],
        "eerste": f"{BASE}/doc/beslissing?sorteer=-datum&aantal=2",
        "volgende": f"{BASE}/doc/beslissing?sorteer=-datum&aantal=2&na=WyIyMDIzLTExLTE3Iiwg"
        "ImJlc2xpc3NpbmcvMjAyMy0xMS0xNy85NjQ1MWFlMTQ0Il0",
        "laatste": f"{BASE}/doc/beslissing?sorteer=-datum&aantal=2&voor=einde",
    },
}

# --------------------------------------------------------------------------- helpers

_HEADERS = {
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
    media: dict[str, Any] = {"schema": PROBLEM_REF}
    if detail and status:
        from http import HTTPStatus

        media["example"] = {
            "type": "about:blank",
            "title": HTTPStatus(status).phrase,
            "status": status,
            "detail": detail,
            **({"instance": instance} if instance else {}),
            **extra,
        }
    return {"description": description, "content": {PROBLEM_TYPE: media}}


def ok(
    description: str, content: dict[str, dict[str, Any]], headers: dict[str, Any] | None = None
) -> dict[str, Any]:
    return {
        "description": description,
        "content": content,
        "headers": {**_HEADERS, **(headers or {})},
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
    "headers": {"ETag": _HEADERS["ETag"]},
}


def not_acceptable(offered: list[str], instance: str) -> dict[str, Any]:
    return problem(
        "None of the media types in `Accept` is on offer; `available` lists them.",
        "none of the requested media types is available; available: " + ", ".join(offered),
        instance,
        406,
        available=offered,
    )


def path_param(
    name: str,
    description: str,
    examples: dict[str, tuple[str, Any]],
    schema: dict[str, Any] | None = None,
) -> dict[str, Any]:
    return {
        "name": name,
        "in": "path",
        "required": True,
        "description": description,
        "schema": schema or {"type": "string"},
        "examples": {k: {"summary": s, "value": v} for k, (s, v) in examples.items()},
    }


def query_param(
    name: str,
    description: str,
    schema: dict[str, Any],
    examples: dict[str, tuple[str, Any]] | None = None,
) -> dict[str, Any]:
    out: dict[str, Any] = {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema,
    }
    if examples:
        out["examples"] = {k: {"summary": s, "value": v} for k, (s, v) in examples.items()}
    return out


# --------------------------------------------------------------------------- resources

DOC_TYPES = [
    "application/ld+json",
    "application/json",
    "text/turtle",
    "application/n-triples",
    "application/rdf+xml",
    "text/html",
]
RDF_TEXT = ["text/turtle", "application/n-triples", "application/rdf+xml", "text/html"]

ID = {
    "response_class": Response,
    "description": "The IRI of a thing is `{base}/id/{kind}/{key}`; it is not a document. "
    "A GET answers `303 See Other` with `Location: /doc/{kind}/{key}`, the "
    "description (the legislation.gov.uk /id → /doc pattern). A removed thing "
    "still redirects; its description then answers 410.",
    "responses": {
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
        404: problem(
            "No thing has this identifier.",
            "no thing is identified by /id/beslissing/nergens",
            "/id/beslissing/nergens",
            404,
        ),
    },
    "openapi_extra": {
        "parameters": [
            path_param(
                "path",
                "The identifier after `/id/`: `{kind}/{key}`, where `{kind}` is `beslissing`, "
                "`regeerakkoord`, `evaluatie`, `strategie`, `resolutie`, `mededeling`, `bron`, "
                "`persoon`, `mandaat` or `mandataris`.",
                {
                    "decision": ("A government decision (agenda item)", DECISION),
                    "section": ("Coalition-agreement section 2.3.5", SECTION),
                    "strategy": ("The Vlaamse Digitale Strategie", STRATEGY),
                },
            )
        ]
    },
}

_EMBED_KEY = "(" + "|".join(("alles", "all", *EMBEDDABLE)) + ")"
_EMBED = f"^{_EMBED_KEY}(,{_EMBED_KEY})*$"

DOC = {
    "response_class": Response,
    "description": "The description of a thing in the format asked for by `Accept`, or by a "
    "suffix on the path (`.jsonld`, `.json`, `.ttl`, `.nt`, `.rdf`, `.html`). "
    "JSON-LD is compacted with our context (`/context/v1.jsonld`) and reads as "
    "plain JSON; `application/json` is the same document, the context also "
    "linked by a `Link` header (JSON-LD 1.1). `?embed=` inlines related things "
    "one level. Conditional requests: `If-None-Match` (ETag) and "
    "`If-Modified-Since` (`Last-Modified`) give 304.",
    "responses": {
        200: ok(
            "The description.",
            {
                **media(
                    "application/ld+json",
                    "application/json",
                    schema=_JSONLD_DOC,
                    example=EXAMPLE_DECISION,
                ),
                **media("text/turtle", example=EXAMPLE_TURTLE),
                **media("application/n-triples", "application/rdf+xml", "text/html"),
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
        304: NOT_MODIFIED,
        400: problem(
            "Unknown key in `embed` (`allowed` lists the keys).",
            "embed: unknown key 'x'; allowed: alles, …",
            f"/doc/{EVALUATION}",
            400,
        ),
        404: problem(
            "No description at this path.",
            "no description at /doc/beslissing/x",
            "/doc/beslissing/x",
            404,
        ),
        406: not_acceptable(DOC_TYPES, f"/doc/{DECISION}"),
        410: problem(
            "The thing was removed (its identifier stays reserved).",
            "no description at /doc/beslissing/2020-01-01/0000000000",
            "/doc/beslissing/2020-01-01/0000000000",
            410,
        ),
    },
    "openapi_extra": {
        "parameters": [
            path_param(
                "path",
                "The path of a thing (`{kind}/{key}`), optionally with a format "
                "suffix: `.jsonld`, `.json`, `.ttl`, `.nt`, `.rdf`, `.html`.",
                {
                    "decision": ("A government decision", DECISION),
                    "section": ("Coalition-agreement section 2.3.5", SECTION),
                    "evaluation": ("The evaluation of section 2.3.5", EVALUATION),
                    "speerpunt": ("A speerpunt of the digital strategy", SPEERPUNT),
                    "resolution": ("A Parliament resolution", RESOLUTION),
                    "turtle": ("By suffix: the decision as Turtle", DECISION + ".ttl"),
                },
            ),
            {
                "name": "embed",
                "in": "query",
                "schema": {"type": "string", "pattern": _EMBED},
                "examples": {
                    "all": {
                        "summary": "The evaluation with its findings and cited decisions",
                        "value": "alles",
                    },
                    "cited": {"summary": "Only what it refers to", "value": "verwijstNaar"},
                },
            },
        ]
    },
}

CONTEXT = {
    "response_class": Response,
    "description": "The JSON-LD context of every document we serve: short Dutch keys (with "
    "English aliases), `id`/`type` for `@id`/`@type`, type coercion of dates, "
    "numbers and IRIs. Versioned: v1 never changes incompatibly. Every key is "
    "documented in docs/context.md.",
    "responses": {
        200: ok(
            "The context.",
            media(
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
        304: NOT_MODIFIED,
    },
}

# --------------------------------------------------------------------------- collections

_FILTER_SCHEMAS: dict[str, tuple[dict[str, Any], dict[str, tuple[str, Any]]]] = {
    "van": (
        {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
        {"2021": ("From 1 January 2021", "2021-01-01")},
    ),
    "tot": (
        {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
        {"2021": ("Up to 31 December 2021", "2021-12-31")},
    ),
    "q": (
        {"type": "string", "minLength": 1, "maxLength": 200, "pattern": r"\S"},
        {"ai": ("Titles or texts with AI", "AI")},
    ),
    "agendapunttype": (
        {"type": "string", "enum": ["nota", "mededeling"]},
        {"nota": ("Decisions on a nota", "nota")},
    ),
    "soort": (
        {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]*$"},
        {"speerpunt": ("The 9 speerpunten of the strategy", "speerpunt")},
    ),
    "klasse": ({"type": "string"}, {"agendapunt": ("Agenda items", "Agendapunt")}),
    "geciteerdDoor": (
        {"type": "string", "minLength": 1},
        {"evaluation": ("Cited by the evaluation of 2.3.5", EVALUATION)},
    ),
    "sectie": (
        {"type": "string", "pattern": r"^[\w.\-/]+$"},
        {"section": ("Cited by the evaluations of section 2.3.5", "2.3.5")},
    ),
    "bedragVan": (
        {"type": "string", "pattern": r"^\d+(\.\d+)?$"},
        {"million": ("At least one million euro", "1000000")},
    ),
    "bedragTot": (
        {"type": "string", "pattern": r"^\d+(\.\d+)?$"},
        {"small": ("At most 500,000 euro", "500000")},
    ),
    "sorteer": (
        {"type": "string", "enum": ["pad", "datum", "-datum", "path", "date", "-date"]},
        {"newest": ("Newest first", "-datum")},
    ),
    "aantal": (
        {"type": "integer", "minimum": 1, "maximum": 100, "default": 20},
        {"ten": ("Ten per page", 10)},
    ),
    "na": ({"type": "string"}, {}),
    "voor": ({"type": "string"}, {"end": ("The last page", "einde")}),
}


def _filter_parameters(params: Any) -> list[dict[str, Any]]:
    out = []
    for p in params:
        schema, examples = _FILTER_SCHEMAS[p.name]
        out.append(query_param(p.name, f"{p.doc} English alias: `{p.alias}`.", schema, examples))
        out.append(
            query_param(p.alias, f"English alias of `{p.name}`: {p.doc}", copy.deepcopy(schema))
        )
    return out


COLLECTION_TYPES = DOC_TYPES


def collection(params: Any) -> dict[str, Any]:
    """The declaration of ``/doc/{kind}``; ``params`` are the filters of collections.py."""
    return {
        "response_class": Response,
        "responses": {
            200: ok(
                "One page of the collection.",
                {
                    **media(
                        "application/ld+json",
                        "application/json",
                        schema=_COLLECTION,
                        example=EXAMPLE_COLLECTION,
                    ),
                    **media(*RDF_TEXT),
                },
                headers={
                    "Link": {
                        "description": "`application/json` only: the JSON-LD context.",
                        "schema": {"type": "string"},
                    }
                },
            ),
            304: NOT_MODIFIED,
            400: problem(
                "Unknown filter, a filter given twice, or a bad value; `allowed` lists "
                "the parameter names.",
                "van: expected a date YYYY-MM-DD, got '2021'",
                "/doc/beslissing",
                400,
                allowed=[p.name for p in params] + [p.alias for p in params],
            ),
            404: problem(
                "No collection of this kind (`detail` lists those there are).",
                "no collection /doc/nergens; there are: /doc/beslissing, …",
                "/doc/nergens",
                404,
            ),
            406: not_acceptable(COLLECTION_TYPES, "/doc/beslissing"),
        },
        "openapi_extra": {
            "parameters": [
                path_param(
                    "kind",
                    "The first path segment of the members' identifiers, optionally "
                    "with a format suffix (`beslissing.ttl`).",
                    {
                        "decisions": ("Government decisions", "beslissing"),
                        "evaluations": ("Evaluations and their findings", "evaluatie"),
                        "strategy": ("The digital strategy and its parts", "strategie"),
                        "turtle": ("Decisions as Turtle", "beslissing.ttl"),
                    },
                ),
                *_filter_parameters(params),
            ]
        },
    }


# --------------------------------------------------------------------------- event stream

STREAM_TYPES = [
    "application/ld+json",
    "text/turtle",
    "application/n-triples",
    "application/n-quads",
    "application/trig",
]
_STREAM_CONTENT = {
    **media("application/ld+json", schema={"type": "object"}),
    **media(*STREAM_TYPES[1:]),
}
_TREE_PROFILE = (
    '`text/turtle;profile="https://w3id.org/tree/profile"` gives the TREE '
    "profile (members one after another)."
)

LDES_ROOT = {
    "response_class": Response,
    "description": "The `ldes:EventStream`: every create, change and removal of a thing is a "
    "member (a version IRI `{thing}/versie/{n}`). Lists its one `tree:view` "
    "(`/ldes/pagina/1`), the latest-version view, the streams per kind and "
    "every view's description. Replicate it with any LDES client. " + _TREE_PROFILE,
    "responses": {
        200: ok("The stream description.", _STREAM_CONTENT),
        304: NOT_MODIFIED,
        406: not_acceptable(STREAM_TYPES, "/ldes"),
    },
}

_NUMBER = path_param(
    "number", "Page number, from 1.", {"first": ("The first page", 1)}, {"type": "integer"}
)
_VIEW_PAGE_RESPONSES = {
    200: ok(
        "A page of members with its `tree:relation`s. A closed page is `immutable` "
        "(cached for a year); the open (last) page for 10 seconds.",
        _STREAM_CONTENT,
    ),
    304: NOT_MODIFIED,
    404: problem("No such view or page.", "there is no page 99", "/ldes/pagina/99", 404),
    406: not_acceptable(STREAM_TYPES, "/ldes/pagina/1"),
}

LDES_PAGE = {
    "response_class": Response,
    "description": "A page of the whole log in time order. " + _TREE_PROFILE,
    "responses": _VIEW_PAGE_RESPONSES,
    "openapi_extra": {"parameters": [_NUMBER]},
}

KIND_STREAM = {
    "response_class": Response,
    "description": "The event stream of one kind of thing (`dct:isPartOf` `/ldes`), with its "
    "view `/ldes/{kind}/pagina/1`.",
    "responses": {
        200: ok("The stream of that kind.", _STREAM_CONTENT),
        304: NOT_MODIFIED,
        404: problem("No stream of that kind.", "there is no stream of kind 'x'", "/ldes/x", 404),
        406: not_acceptable(STREAM_TYPES, "/ldes/beslissing"),
    },
    "openapi_extra": {
        "parameters": [
            path_param(
                "view",
                "A kind: `beslissing`, `regeerakkoord`, `evaluatie`, `strategie`, "
                "`resolutie`, `mededeling`, …",
                {"decisions": ("Decisions", "beslissing")},
            )
        ]
    },
}

VIEW_PAGE = {
    "response_class": Response,
    "description": "A page of the latest-version view (`laatste`, `ldes:versionAmount 1`) or "
    "of a kind's stream. " + _TREE_PROFILE,
    "responses": _VIEW_PAGE_RESPONSES,
    "openapi_extra": {
        "parameters": [
            path_param(
                "view",
                "`laatste` (latest versions) or a kind such as `beslissing`.",
                {
                    "latest": ("Latest versions", "laatste"),
                    "decisions": ("Decisions", "beslissing"),
                },
            ),
            _NUMBER,
        ]
    },
}

CATALOG_TYPES = ["text/turtle", "application/ld+json", "application/n-triples"]
CATALOG = {
    "response_class": Response,
    "description": "A DCAT catalogue (DCAT-AP style): each stream is a `dcat:Dataset` "
    "(`dct:type ldes:EventStream`) under the Modellicentie Gratis Hergebruik, "
    "with a `dcat:Distribution` per format and a `dcat:DataService` per view.",
    "responses": {
        200: ok(
            "The catalogue.",
            {
                **media("text/turtle"),
                **media("application/ld+json", schema={"type": "object"}),
                **media("application/n-triples"),
            },
        ),
        304: NOT_MODIFIED,
        406: not_acceptable(CATALOG_TYPES, "/catalog"),
    },
}

# --------------------------------------------------------------------------- the rest

HEALTHZ = {
    "description": "Whether the service is up, its version and base IRI, and how many "
    "things and event-stream members the store holds.",
    "responses": {
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
                        },
                    },
                    "example": {
                        "status": "ok",
                        "version": "0.1.0",
                        "base": BASE,
                        "entities": 310,
                        "members": 310,
                    },
                }
            }
        }
    },
}

LANDING = {
    "response_class": Response,
    "description": "What is here: an HTML page, or with `Accept: application/json` the base "
    "IRI, the kinds with their counts, the stream and the context.",
    "responses": {
        200: ok(
            "The landing page.",
            {
                **media("text/html"),
                **media(
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
                            "beslissing": 26,
                            "evaluatie": 18,
                            "regeerakkoord": 4,
                            "strategie": 121,
                        },
                        "ldes": f"{BASE}/ldes",
                        "context": f"{BASE}/context/v1.jsonld",
                    },
                ),
            },
        ),
        304: NOT_MODIFIED,
        406: not_acceptable(["text/html", "application/json"], "/"),
    },
}


def turtle_file(
    kind: str, examples: dict[str, tuple[str, Any]], param: str = "name"
) -> dict[str, Any]:
    return {
        "response_class": Response,
        "description": f"{kind}, as Turtle.",
        "responses": {
            200: ok("The file.", media("text/turtle")),
            304: NOT_MODIFIED,
            404: problem("No such file.", "no file x.ttl", None, 404),
        },
        "openapi_extra": {
            "parameters": [path_param(param, "A file name ending in `.ttl`.", examples)]
        },
    }


VOCAB = turtle_file(
    "Our extension vocabulary or one of our concept schemes",
    {"vocabulary": ("The extension vocabulary", "beleidsdata.ttl")},
)
SHAPES = turtle_file(
    "A SHACL shapes file; `beleidsdata.ttl` holds all of them",
    {"all": ("Every shape", "beleidsdata.ttl")},
)


def html_page(
    description: str,
    param: str | None = None,
    examples: dict[str, tuple[str, Any]] | None = None,
    not_found: bool = False,
    conditional: bool = True,
) -> dict[str, Any]:
    responses: dict[Any, Any] = {200: ok("The page.", media("text/html"))}
    if conditional:
        responses[304] = NOT_MODIFIED
    if not_found:
        responses[404] = problem("No such page.")
    out: dict[str, Any] = {
        "response_class": Response,
        "description": description,
        "responses": responses,
    }
    if param:
        out["openapi_extra"] = {
            "parameters": [path_param(param, "The file's name without extension.", examples or {})]
        }
    return out


VOCAB_INDEX = html_page(
    "Our vocabulary and concept schemes as documentation pages, Dutch or English (`?lang=en`)."
)
VOCAB_PAGE = html_page(
    "One vocabulary file as a documentation page.",
    "stem",
    {"vocabulary": ("The extension vocabulary", "beleidsdata")},
    True,
)
SHAPE_PAGE = html_page(
    "One SHACL shapes file as a documentation page.",
    "stem",
    {"decisions": ("The shapes of decisions", "besluiten")},
    True,
)
SEARCH = {
    **html_page(
        "Search the titles of every thing (HTML). For data, use the `q` filter "
        "of a collection (`/doc/beslissing?q=AI`)."
    ),
    "openapi_extra": {
        "parameters": [
            {
                "name": "q",
                "in": "query",
                "description": "Words to find in titles.",
                "examples": {"ai": {"summary": "AI", "value": "AI"}},
            },
            {
                "name": "soort",
                "in": "query",
                "description": "Only things of this kind (first path segment), e.g. `beslissing`.",
            },
        ]
    },
}
SHAPES_INDEX = {
    "response_class": Response,
    "description": "The SHACL shapes: a documentation page (HTML) or the list of files "
    "(`Accept: application/json`).",
    "responses": {
        200: ok(
            "The index.",
            {
                **media(
                    "application/json",
                    schema={
                        "type": "object",
                        "required": ["shapes"],
                        "properties": {"shapes": {"type": "array", "items": {"type": "string"}}},
                    },
                    example={"shapes": ["/shapes/beleidsdata.ttl", "/shapes/besluiten.ttl"]},
                ),
                **media("text/html"),
            },
        ),
        304: NOT_MODIFIED,
        406: not_acceptable(["application/json", "text/html"], "/shapes/"),
    },
}
DEVELOPERS = html_page(
    "The developers' guide: the /id → /doc pattern, content negotiation, "
    "the context, collections and filters, `?embed=`, the event stream, "
    "conditional requests and CORS, with curl, Python and JavaScript "
    "examples that run against this server."
)
VALIDATE_FORM = html_page("The validation form (works without JavaScript).", conditional=False)

# --------------------------------------------------------------------------- finishing


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


def finish(schema: dict[str, Any]) -> dict[str, Any]:
    """Problem schema, 400 instead of FastAPI's 422, 429 everywhere, merged parameters."""
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    components.pop("HTTPValidationError", None)
    components.pop("ValidationError", None)
    components["Problem"] = PROBLEM_SCHEMA
    if not schema["components"]["schemas"]:
        schema["components"].pop("schemas")
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            if "parameters" in operation:
                operation["parameters"] = _merge_parameters(operation["parameters"])
            responses = operation.setdefault("responses", {})
            generated = responses.get("422", {})
            if generated.get("description") == "Validation Error":
                del responses["422"]
                responses.setdefault(
                    "400",
                    problem(
                        "A parameter is not of its type (e.g. a page number that is not a "
                        "whole number).",
                        "path.number: Input should be a valid integer",
                        "/ldes/pagina/x",
                        400,
                    ),
                )
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
