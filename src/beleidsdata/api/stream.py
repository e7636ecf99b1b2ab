"""``/ldes``: the event stream, its views and pages of members, served from stored bytes.

A closed page is one row of the ``pages`` table (stored when it closed, with its ETag);
the open page and the latest-version view are assembled from stored member bytes.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from ..ldes.stream import LATEST, TIME, TREE_PROFILE, load_page, page_bytes, stream_description
from . import openapi as oa
from .deps import layout_of, store_of
from .http import CHARSET, YEAR, if_none_match, not_acceptable, not_found, respond
from .negotiation import choose, wants_profile

router = APIRouter(tags=["event stream"])

# Our pages have only a default graph, so N-Quads are our N-Triples and TriG our Turtle.
STREAM_TYPES = {
    "application/ld+json": "jsonld",
    "text/turtle": "ttl",
    "application/n-triples": "nt",
    "application/n-quads": "nt",
    "application/trig": "ttl",
}
PROFILED = f'text/turtle; charset=utf-8; profile="{TREE_PROFILE}"'


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
    "/ldes", summary="The event stream: what it is, its views, the kinds' streams", **oa.LDES_ROOT
)
def ldes_root(request: Request) -> Response:
    chosen = _negotiate(request, "/ldes")
    if isinstance(chosen, Response):
        return chosen
    store = store_of(request)
    body = stream_description(layout_of(request), chosen[1], kinds=store.view_sizes())
    return respond(body, chosen[0], request, max_age=60)


@router.get(
    "/ldes/pagina/{number}", summary="One page of the whole log, in time order", **oa.LDES_PAGE
)
def ldes_page(number: int, request: Request) -> Response:
    return _page(request, TIME, number, f"/ldes/pagina/{number}")


@router.get("/ldes/{view}", summary="The stream of one kind of thing", **oa.KIND_STREAM)
def kind_stream(view: str, request: Request) -> Response:
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
    **oa.VIEW_PAGE,
)
def view_page(view: str, number: int, request: Request) -> Response:
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


_PAGE_PATH = re.compile(r"^/ldes/(?:([^/]+)/)?pagina/(\d{1,18})$")


class StoredPages:
    """Pure ASGI fast path for closed pages: ``GET /ldes[/{view}]/pagina/{n}`` of a page in
    the ``pages`` table is answered with its stored bytes and ETag (or 304), without
    routing or dependency injection, and from memory for the few most recently served
    pages; the same headers as :func:`_page` (CORS and ``Vary`` are added by the
    middleware around it). Anything else (open pages, 406s, other methods, unknown
    pages) goes on to the application."""

    CACHED = 16  # closed pages never change: keep the most recently served few in memory

    def __init__(self, app: Any) -> None:
        self.app = app
        self._recent: OrderedDict[tuple, tuple[bytes, str]] = OrderedDict()

    async def _stored(self, store: Any, key: tuple[str, int, int, str]) -> tuple[bytes, str] | None:
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

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
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


async def _send_stored(send: Any, body: bytes, etag: str, media: str, if_none: str | None) -> None:
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
