"""HTML-only routes of the human-readable site: search, vocabulary and shape pages.

Resource pages (``/doc/…`` as ``text/html``) and the landing page are served by the
resource and meta routers through the same :class:`~beleidsdata.site.pages.SitePages`;
pages are rendered from stored JSON and vocabulary labels loaded once at start-up.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from ..resources import shapes_dir, vocab_dir
from ..site.docs import shape_page, shapes_index_page, vocab_file_page, vocab_index_page
from ..site.i18n import pick_language
from ..site.pages import SitePages
from . import openapi as oa
from .deps import store_of
from .http import not_acceptable, not_found, respond
from .negotiation import choose

router = APIRouter(tags=["site"])
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
@router.get("/zoeken/", summary="Search titles (HTML page)", **oa.SEARCH)
def search(request: Request, q: str = "", soort: str = "") -> Response:
    lang = language_of(request)
    return html(site_of(request).search(q[:200], soort or None, lang), request, lang)


@router.get(
    "/vocab/",
    summary="Our vocabulary and concept schemes, as documentation (HTML)",
    **oa.VOCAB_INDEX,
)
def vocab_index(request: Request) -> Response:
    lang = language_of(request)
    return html(vocab_index_page(lang), request, lang, max_age=3600)


@router.get(
    "/vocab/{stem}.html", summary="One vocabulary file as a documentation page", **oa.VOCAB_PAGE
)
def vocab_page(stem: str, request: Request) -> Response:
    if not (vocab_dir() / f"{stem}.ttl").is_file() or "/" in stem or ".." in stem:
        return not_found(str(request.url.path), f"no vocabulary {stem}")
    lang = language_of(request)
    return html(vocab_file_page(stem, lang), request, lang, max_age=3600)


@router.get(
    "/shapes/",
    summary="The SHACL shapes: a documentation page (HTML) or the list of files (JSON)",
    **oa.SHAPES_INDEX,
)
def shapes_index(request: Request) -> Response:
    offered = ["application/json", "text/html"]
    chosen = choose(request.headers.get("accept"), offered)
    if chosen is None:
        return not_acceptable(offered, "/shapes/")
    if chosen == "text/html":
        lang = language_of(request)
        return html(shapes_index_page(lang), request, lang, max_age=3600)
    import json

    files = [f"/shapes/{p.name}" for p in sorted(shapes_dir().glob("*.ttl"))]
    return respond(
        json.dumps({"shapes": ["/shapes/beleidsdata.ttl", *files]}).encode(),
        "application/json",
        request,
        max_age=3600,
    )


@router.get(
    "/shapes/{stem}.html", summary="One SHACL shapes file as a documentation page", **oa.SHAPE_PAGE
)
def shape_file_page(stem: str, request: Request) -> Response:
    if not (shapes_dir() / f"{stem}.ttl").is_file() or "/" in stem or ".." in stem:
        return not_found(str(request.url.path), f"no shapes file {stem}")
    lang = language_of(request)
    return html(shape_page(stem, lang), request, lang, max_age=3600)
