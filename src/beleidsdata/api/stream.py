"""``/ldes``: the event stream, its views and pages of members, served from stored bytes.

A closed page is one row of the ``pages`` table (stored when it closed, with its ETag);
the open page and the latest-version view are assembled from stored member bytes.
:class:`StoredPages` answers closed pages before routing (see ``middleware.py`` for where
it sits); it stays here, beside :func:`_page`, because both must give the same bytes and
headers for the same negotiation. Every route answers 304 to a matching ``If-None-Match``
(declared once on the router); the page number is one dependency for both page routes.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Receive, Scope, Send

from ..ldes.stream import LATEST, TIME, TREE_PROFILE, load_page, page_bytes, stream_description
from ..store import SQLiteStore
from . import openapi as oa
from .deps import layout_of, store_of
from .negotiation import choose, wants_profile
from .responses import CHARSET, YEAR, if_none_match, not_acceptable, not_found, respond

router = APIRouter(
    tags=["event stream"], default_response_class=Response, responses={304: oa.NOT_MODIFIED}
)

# Our pages have only a default graph, so N-Quads are our N-Triples and TriG our Turtle.
STREAM_TYPES = {
    "application/ld+json": "jsonld",
    "text/turtle": "ttl",
    "application/n-triples": "nt",
    "application/n-quads": "nt",
    "application/trig": "ttl",
}
PROFILED = f'text/turtle; charset=utf-8; profile="{TREE_PROFILE}"'


# --------------------------------------------------------------------------- description

CONTENT = {
    **oa.media("application/ld+json", schema={"type": "object"}),
    **oa.media(*list(STREAM_TYPES)[1:]),
}
TREE_PROFILE_DOC = (
    '`text/turtle;profile="https://w3id.org/tree/profile"` gives the TREE '
    "profile (members one after another)."
)
PAGE_RESPONSES: oa.Responses = {
    200: oa.ok(
        "A page of members with its `tree:relation`s. A closed page is `immutable` "
        "(cached for a year); the open (last) page for 10 seconds.",
        CONTENT,
    ),
    404: oa.problem("No such view or page.", "there is no page 99", "/ldes/pagina/99", 404),
    406: oa.not_acceptable(list(STREAM_TYPES), "/ldes/pagina/1"),
}


def page_number(
    number: Annotated[
        int,
        Path(
            description="Page number, from 1.",
            openapi_examples=oa.examples(first=("The first page", 1)),
        ),
    ],
) -> int:
    """The page number of both page routes: one declaration, one description."""
    return number


PageNumber = Annotated[int, Depends(page_number)]

# --------------------------------------------------------------------------- routes


def _choose(accept: str | None) -> tuple[str, str] | None:
    """(media type to send, stored format), or None when nothing is acceptable."""
    media = choose(accept, list(STREAM_TYPES))
    if media is None:
        return None
    if media == "text/turtle" and wants_profile(accept, "text/turtle", TREE_PROFILE):
        # Our Turtle pages already are in TREE-profile order: member by member.
        return PROFILED, "ttl"
    return media, STREAM_TYPES[media]


def _negotiate(request: Request, path: str) -> tuple[str, str] | Response:
    """(media type to send, stored format) or a 406."""
    chosen = _choose(request.headers.get("accept"))
    return chosen if chosen is not None else not_acceptable(list(STREAM_TYPES), path)


@router.get(
    "/ldes",
    summary="The event stream: what it is, its views, the kinds' streams",
    description="The `ldes:EventStream`: every create, change and removal of a thing is a "
    "member (a version IRI `{thing}/versie/{n}`). Lists its one `tree:view` "
    "(`/ldes/pagina/1`), the latest-version view, the streams per kind and "
    "every view's description. Replicate it with any LDES client. " + TREE_PROFILE_DOC,
    responses={
        200: oa.ok("The stream description.", CONTENT),
        406: oa.not_acceptable(list(STREAM_TYPES), "/ldes"),
    },
)
def ldes_root(request: Request) -> Response:
    chosen = _negotiate(request, "/ldes")
    if isinstance(chosen, Response):
        return chosen
    store = store_of(request)
    body = stream_description(layout_of(request), chosen[1], kinds=store.view_sizes())
    return respond(body, chosen[0], request, max_age=60)


@router.get(
    "/ldes/pagina/{number}",
    summary="One page of the whole log, in time order",
    description="A page of the whole log in time order. " + TREE_PROFILE_DOC,
    responses=PAGE_RESPONSES,
)
def ldes_page(number: PageNumber, request: Request) -> Response:
    return _page(request, TIME, number, f"/ldes/pagina/{number}")


@router.get(
    "/ldes/{view}",
    summary="The stream of one kind of thing",
    description="The event stream of one kind of thing (`dct:isPartOf` `/ldes`), with its "
    "view `/ldes/{kind}/pagina/1`.",
    responses={
        200: oa.ok("The stream of that kind.", CONTENT),
        404: oa.problem(
            "No stream of that kind.", "there is no stream of kind 'x'", "/ldes/x", 404
        ),
        406: oa.not_acceptable(list(STREAM_TYPES), "/ldes/beslissing"),
    },
)
def kind_stream(
    view: Annotated[
        str,
        Path(
            description="A kind: `beslissing`, `regeerakkoord`, `evaluatie`, `strategie`, "
            "`resolutie`, `mededeling`, …",
            openapi_examples=oa.examples(decisions=("Decisions", "beslissing")),
        ),
    ],
    request: Request,
) -> Response:
    path = f"/ldes/{view}"
    chosen = _negotiate(request, path)
    if isinstance(chosen, Response):
        return chosen
    store = store_of(request)
    if store.view_size(view) == 0:
        return not_found(path, f"there is no stream of kind {view!r}")
    body = stream_description(layout_of(request), chosen[1], view=view)
    return respond(body, chosen[0], request, max_age=60)


@router.get(
    "/ldes/{view}/pagina/{number}",
    summary="One page of a view: 'laatste' (latest versions) or a kind",
    description="A page of the latest-version view (`laatste`, `ldes:versionAmount 1`) or "
    "of a kind's stream. " + TREE_PROFILE_DOC,
    responses=PAGE_RESPONSES,
)
def view_page(
    view: Annotated[
        str,
        Path(
            description="`laatste` (latest versions) or a kind such as `beslissing`.",
            openapi_examples=oa.examples(
                latest=("Latest versions", "laatste"), decisions=("Decisions", "beslissing")
            ),
        ),
    ],
    number: PageNumber,
    request: Request,
) -> Response:
    return _page(request, view, number, f"/ldes/{view}/pagina/{number}")


def _page(request: Request, view: str, number: int, path: str) -> Response:
    chosen = _negotiate(request, path)
    if isinstance(chosen, Response):
        return chosen
    media, fmt = chosen
    if not 1 <= number <= 2**62:  # SQLite integers are 64-bit: no such page, not a 500
        return not_found(path, f"there is no page {number}")
    store, layout = store_of(request), layout_of(request)
    stored = store.page(view, layout.page_size, number, fmt)
    if stored is not None:  # a closed page: one row
        return respond(stored[0], media, request, immutable=True, etag=stored[1])
    if view not in (TIME, LATEST) and store.view_size(view) == 0:
        return not_found(path, f"there is no view {view!r}")
    page = load_page(store, layout, number, view)
    if page is None:
        return not_found(path, f"there is no page {number}")
    return respond(page_bytes(layout, page, fmt), media, request, max_age=10, immutable=page.closed)


# (view, page size, page number, stored format): a row of the pages table.
PageKey = tuple[str, int, int, str]
_PAGE_PATH = re.compile(r"^/ldes/(?:([^/]+)/)?pagina/(\d{1,18})$")


class StoredPages:
    """Pure ASGI fast path for closed pages: ``GET /ldes[/{view}]/pagina/{n}`` of a page in
    the ``pages`` table is answered with its stored bytes and ETag (or 304), without
    routing or dependency injection, and from memory for the few most recently served
    pages; the same headers as :func:`_page` (CORS and ``Vary`` are added by the
    middleware around it). Anything else (open pages, 406s, other methods, unknown
    pages) goes on to the application."""

    CACHED = 16  # closed pages never change: keep the most recently served few in memory

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self._recent: OrderedDict[PageKey, tuple[bytes, str]] = OrderedDict()

    async def _stored(self, store: SQLiteStore, key: PageKey) -> tuple[bytes, str] | None:
        found = self._recent.get(key)
        if found is not None:
            self._recent.move_to_end(key)
            return found
        # A read of up to a few MB: in a worker thread, as the routes do, not in the loop.
        found = await run_in_threadpool(store.page, *key)
        if found is not None:
            self._recent[key] = found
            if len(self._recent) > self.CACHED:
                self._recent.popitem(last=False)
        return found

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        match = (
            _PAGE_PATH.match(scope.get("path", ""))
            if scope["type"] == "http" and scope.get("method") == "GET"
            else None
        )
        if match is not None:
            accept = inm = None
            for name, value in scope.get("headers", ()):
                if name == b"accept" and accept is None:
                    accept = value.decode("latin-1")
                elif name == b"if-none-match" and inm is None:
                    inm = value.decode("latin-1")
            chosen = _choose(accept)
            state = scope["app"].state if "app" in scope else None
            if chosen is not None and state is not None:
                stored = await self._stored(
                    state.store,
                    (
                        match.group(1) or TIME,
                        state.layout.page_size,
                        int(match.group(2)),
                        chosen[1],
                    ),
                )
                if stored is not None:
                    await _send_stored(send, stored[0], stored[1], chosen[0], inm)
                    return
        await self.app(scope, receive, send)


async def _send_stored(send: Send, body: bytes, etag: str, media: str, if_none: str | None) -> None:
    """What :func:`respond` sends for an immutable page, as raw ASGI messages."""
    headers = [
        (b"etag", etag.encode()),
        (b"cache-control", f"public, max-age={YEAR}, immutable".encode()),
    ]
    if etag in if_none_match(if_none) or (if_none or "").strip() == "*":
        await send({"type": "http.response.start", "status": 304, "headers": headers})
        await send({"type": "http.response.body", "body": b""})
        return
    content_type = media + ("; charset=utf-8" if media in CHARSET else "")
    headers += [
        (b"content-length", str(len(body)).encode()),
        (b"content-type", content_type.encode("latin-1")),
    ]
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": body})
