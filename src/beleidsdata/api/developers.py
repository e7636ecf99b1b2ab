"""``/developers``: the developers' guide, with examples that run against this server.

Every example is a complete program (curl, Python with the standard library, JavaScript
for Node 20) with the server's own base IRI filled in, and the page shows what it prints on
the bundled sample corpus. ``tests/test_developers.py`` runs each one against a live server
and compares its output with the page: the examples cannot go stale.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from ..formats import registry
from ..web.render import render
from . import openapi as oa
from .collection_query import PARAMS
from .deps import store_of
from .developer_examples import EXAMPLES
from .examples import DECISION, EVALUATION, SECTION
from .resources import DOC_TYPES, SUFFIXES
from .responses import respond
from .site_routes import language_of

DOC_FORMATS = {m: (registry.by_media_type(m) or registry.get("jsonld")).key for m in DOC_TYPES}
router = APIRouter(tags=["site"], default_response_class=Response)


def sections(base: str) -> dict[str, tuple[str, str, str]]:
    """id → (language, code, output) for the template."""
    return {e.id: (e.lang, *e.render(base)) for e in EXAMPLES.values()}


@router.get(
    "/developers",
    summary="The developers' guide (HTML)",
    description="The developers' guide: the /id → /doc pattern, content negotiation, "
    "the context, collections and filters, `?embed=`, the event stream, "
    "conditional requests and CORS, with curl, Python and JavaScript "
    "examples that run against this server.",
    responses={**oa.HTML_PAGE, 304: oa.NOT_MODIFIED},
)
def developers(request: Request) -> Response:
    lang = language_of(request)
    base = store_of(request).base_iri
    body = render(
        "developers.html.j2",
        lang=lang,
        path="/developers",
        base=base,
        examples=sections(base),
        params=PARAMS,
        doc_types=DOC_FORMATS,
        suffixes=SUFFIXES,
        kinds=store_of(request).kinds(),
        decision=DECISION,
        section=SECTION,
        evaluation=EVALUATION,
    )
    return respond(
        body,
        "text/html",
        request,
        max_age=300,
        headers={"Vary": "Accept, Accept-Language", "Content-Language": lang},
    )
