"""HTML-only routes of the human-readable site: search, vocabulary and shape pages.

Resource pages (``/doc/…`` as ``text/html``) and the landing page are served by the
resource and meta routers through the same :class:`~beleidsdata.web.pages.SitePages`;
pages are rendered from stored JSON and vocabulary labels loaded once at start-up. Every
page here answers 304 to a matching ``If-None-Match``: the router declares that once.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path as FilePath
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response

from ..resources import shapes_dir, vocab_dir
from ..web.docs import shape_page, shapes_index_page, vocab_file_page, vocab_index_page
from ..web.i18n import pick_language
from ..web.pages import SitePages
from . import openapi as oa
from .deps import store_of
from .negotiation import choose
from .responses import not_acceptable, not_found, respond

router = APIRouter(tags=["site"], default_response_class=Response, responses={304: oa.NOT_MODIFIED})
HTML_HEADERS = {"Vary": "Accept, Accept-Language"}


def site_of(request: Request) -> SitePages:
    """The page renderer of this application (one per store, made on first use)."""
    pages = getattr(request.app.state, "site_pages", None)
    if pages is None or pages.store is not store_of(request):
        pages = SitePages(store_of(request))
        request.app.state.site_pages = pages
    return pages


def language_of(request: Request) -> str:
    return pick_language(request.query_params.get("lang"), request.headers.get("accept-language"))


def html(body: bytes, request: Request, lang: str, max_age: int = 60) -> Response:
    return respond(
        body,
        "text/html",
        request,
        max_age=max_age,
        headers={**HTML_HEADERS, "Content-Language": lang},
    )


@router.get("/zoeken", include_in_schema=False)
@router.get(
    "/zoeken/",
    summary="Search titles and texts (HTML page)",
    description="Full-text search over titles and texts (HTML): accent- and "
    "case-insensitive, Dutch inflections found; results with kind, date, amount, "
    "realisation status and a snippet, facets to narrow them. The same engine answers "
    "the `q` filter of a collection (`/doc/beslissing?q=AI`) for data.",
    responses=oa.HTML_PAGE,
)
def search(
    request: Request,
    q: Annotated[
        str,
        Query(
            description="Words to find in titles and texts.",
            openapi_examples=oa.examples(
                ai=("AI", "AI"), accents=("Without accents", "artificiele")
            ),
        ),
    ] = "",
    soort: Annotated[
        str,
        Query(
            description="Only things of this kind (first path segment), e.g. `beslissing`.",
            pattern=r"^[a-z][a-z0-9-]{0,40}$|^$",
        ),
    ] = "",
    jaar: Annotated[
        str, Query(description="Only things dated in this year.", pattern=r"^\d{4}$|^$")
    ] = "",
    status: Annotated[
        str,
        Query(
            description="Only evaluations with this realisation status (its code).",
            pattern=r"^[\w-]{1,60}$|^$",
        ),
    ] = "",
    bedrag: Annotated[
        str,
        Query(
            description="Amount range: `tot-1m`, `1m-5m`, `5m-10m` or `vanaf-10m`.",
            pattern=r"^(tot-1m|1m-5m|5m-10m|vanaf-10m)?$",
        ),
    ] = "",
    pagina: Annotated[int, Query(ge=1, le=1000, description="Page of results.")] = 1,
) -> Response:
    lang = language_of(request)
    body = site_of(request).search(
        q[:200], soort or None, lang, year=jaar, status=status, amount=bedrag, page=pagina
    )
    return html(body, request, lang)


@router.get(
    "/vocab/",
    summary="Our vocabulary and concept schemes, as documentation (HTML)",
    description="Our vocabulary and concept schemes as documentation pages, Dutch or "
    "English (`?lang=en`).",
    responses=oa.HTML_PAGE,
)
def vocab_index(request: Request) -> Response:
    lang = language_of(request)
    return html(vocab_index_page(lang), request, lang, max_age=3600)


STEM = "The file's name without extension."


@router.get(
    "/vocab/{stem}.html",
    summary="One vocabulary file as a documentation page",
    description="One vocabulary file as a documentation page.",
    responses={**oa.HTML_PAGE, 404: oa.NO_SUCH_PAGE},
)
def vocab_page(
    stem: Annotated[
        str,
        Path(
            description=STEM,
            openapi_examples=oa.examples(vocabulary=("The extension vocabulary", "beleidsdata")),
        ),
    ],
    request: Request,
) -> Response:
    return _file_page(vocab_dir(), stem, request, vocab_file_page, "no vocabulary")


SHAPES_INDEX_TYPES = ["application/json", "text/html"]


@router.get(
    "/shapes/",
    summary="The SHACL shapes: a documentation page (HTML) or the list of files (JSON)",
    description="The SHACL shapes: a documentation page (HTML) or the list of files "
    "(`Accept: application/json`).",
    responses={
        200: oa.ok(
            "The index.",
            {
                **oa.media(
                    "application/json",
                    schema={
                        "type": "object",
                        "required": ["shapes"],
                        "properties": {"shapes": {"type": "array", "items": {"type": "string"}}},
                    },
                    example={"shapes": ["/shapes/beleidsdata.ttl", "/shapes/besluiten.ttl"]},
                ),
                **oa.media("text/html"),
            },
        ),
        406: oa.not_acceptable(SHAPES_INDEX_TYPES, "/shapes/"),
    },
)
def shapes_index(request: Request) -> Response:
    chosen = choose(request.headers.get("accept"), SHAPES_INDEX_TYPES)
    if chosen is None:
        return not_acceptable(SHAPES_INDEX_TYPES, "/shapes/")
    if chosen == "text/html":
        lang = language_of(request)
        return html(shapes_index_page(lang), request, lang, max_age=3600)
    files = [f"/shapes/{p.name}" for p in sorted(shapes_dir().glob("*.ttl"))]
    return respond(
        json.dumps({"shapes": ["/shapes/beleidsdata.ttl", *files]}).encode(),
        "application/json",
        request,
        max_age=3600,
    )


@router.get(
    "/shapes/{stem}.html",
    summary="One SHACL shapes file as a documentation page",
    description="One SHACL shapes file as a documentation page.",
    responses={**oa.HTML_PAGE, 404: oa.NO_SUCH_PAGE},
)
def shape_file_page(
    stem: Annotated[
        str,
        Path(
            description=STEM,
            openapi_examples=oa.examples(decisions=("The shapes of decisions", "besluiten")),
        ),
    ],
    request: Request,
) -> Response:
    return _file_page(shapes_dir(), stem, request, shape_page, "no shapes file")


def _file_page(
    folder: FilePath, stem: str, request: Request, page: Callable[[str, str], bytes], missing: str
) -> Response:
    """The documentation page of ``folder/{stem}.ttl`` (``page(stem, lang)``), or a 404."""
    if not (folder / f"{stem}.ttl").is_file() or "/" in stem or ".." in stem:
        return not_found(str(request.url.path), f"{missing} {stem}")
    lang = language_of(request)
    return html(page(stem, lang), request, lang, max_age=3600)
