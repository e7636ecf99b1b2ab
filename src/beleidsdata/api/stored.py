"""Serving stored bytes: the one path every entity document and stream node takes.

Ingest renders every representation a client polls (entity documents, the stream's
roots, branches and pages, open or closed, the catalogue) and stores it with its ETag.
Serving one is a negotiation (which formats this kind of path offers, from the format
registry), one lookup and a write; a conditional GET is a header comparison. The routes
use :func:`answer`; :class:`StoredDocuments` answers the same requests before routing
(pure ASGI: no dependency injection, no thread hop for a cached immutable node), so a
GET costs about what a static file costs. Anything it cannot answer from the store
(HTML, ``?embed=``, unknown paths, 406s) goes on to the routes.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime, parsedate_to_datetime
from functools import lru_cache

from fastapi import Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Receive, Scope, Send

from ..formats import registry
from ..formats.registry import Format
from ..ldes.layout import TREE_PROFILE
from ..store.core import Store
from ..store.records import Document
from .negotiation import choose, wants_profile
from .responses import YEAR, if_none_match, not_acceptable, not_found

DOC_MAX_AGE = 60  # entity documents change at most once per ingest
STREAM_MAX_AGE = 10  # open pages and roots: pollers may come back after this
CATALOG_MAX_AGE = 300


@dataclass(frozen=True)
class Offer:
    """What one kind of path offers: formats in our order of preference, and caching."""

    formats: tuple[Format, ...]
    max_age: int
    profile: bool = False  # Turtle with the TREE profile parameter


DOC_OFFER = Offer(tuple(f for f in registry.document_formats() if f.key != "html"), DOC_MAX_AGE)
STREAM_OFFER = Offer(registry.stream_formats(), STREAM_MAX_AGE, profile=True)
CATALOG_OFFER = Offer(registry.stream_formats(), CATALOG_MAX_AGE)
PROFILED = f'text/turtle; charset=utf-8; profile="{TREE_PROFILE}"'


def offer_for(path: str) -> Offer | None:
    if path.startswith("/doc/"):
        return DOC_OFFER
    if path == "/ldes" or path.startswith("/ldes/"):
        return STREAM_OFFER
    if path == "/catalog":
        return CATALOG_OFFER
    return None


@lru_cache(maxsize=512)
def negotiate(accept: str | None, path_kind: str) -> tuple[Format, str] | None:
    """(format, Content-Type) for an Accept header; None when nothing is acceptable.

    ``path_kind`` is ``doc``, ``ldes`` or ``catalog`` (cached per header: pollers send
    the same Accept every time)."""
    offer = {"doc": DOC_OFFER, "ldes": STREAM_OFFER, "catalog": CATALOG_OFFER}[path_kind]
    media = choose(accept, [f.media_type for f in offer.formats])
    if media is None:
        return None
    fmt = next(f for f in offer.formats if f.media_type == media)
    if offer.profile and fmt.key == "ttl" and wants_profile(accept, "text/turtle", TREE_PROFILE):
        return fmt, PROFILED  # our Turtle pages already are in TREE-profile order
    return fmt, fmt.content_type


def path_kind(path: str) -> str:
    return "doc" if path.startswith("/doc/") else "catalog" if path == "/catalog" else "ldes"


def split_suffix(path: str) -> tuple[str, Format | None]:
    """``/doc/x.ttl`` → (``/doc/x``, Turtle); paths without a known suffix unchanged."""
    dot = path.rfind(".")
    if dot > path.rfind("/"):
        fmt = registry.BY_SUFFIX.get(path[dot:])
        if fmt is not None:
            return path[:dot], fmt
    return path, None


def http_date(iso: str) -> str:
    return format_datetime(datetime.fromisoformat(iso.replace("Z", "+00:00")), usegmt=True)


def not_modified_since(header: str | None, updated_at: str) -> bool:
    """If-Modified-Since against a stored time (RFC 9110 13.1.3)."""
    if not header or not updated_at:
        return False
    try:
        since = parsedate_to_datetime(header)
    except (TypeError, ValueError, IndexError):
        return False
    if since is None or since.tzinfo is None:
        return False
    changed = datetime.fromisoformat(updated_at.replace("Z", "+00:00")).replace(microsecond=0)
    return changed <= since


def headers_for(
    doc: Document, content_type: str, max_age: int, context_link: str | None, fmt: Format
) -> list[tuple[bytes, bytes]]:
    cache = f"public, max-age={YEAR}, immutable" if doc.immutable else f"public, max-age={max_age}"
    out = [
        (b"etag", doc.etag.encode()),
        (b"cache-control", cache.encode()),
        (b"content-type", content_type.encode("latin-1")),
    ]
    if doc.updated_at and not doc.immutable:
        out.append((b"last-modified", http_date(doc.updated_at).encode()))
    if fmt.key == "json" and context_link:
        out.append((b"link", context_link.encode()))
    return out


def is_fresh(doc: Document, if_none: str | None, if_modified: str | None) -> bool:
    if if_none is not None:
        return doc.etag in if_none_match(if_none) or if_none.strip() == "*"
    return not_modified_since(if_modified, doc.updated_at)


class StoredDocuments:
    """Pure ASGI: GET and HEAD of a stored representation, answered before routing (see
    the module docstring). Immutable nodes are kept in a small in-memory cache."""

    CACHED = 64

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self._recent: OrderedDict[tuple[str, str], Document] = OrderedDict()

    async def _lookup(self, store: Store, path: str, storage: str) -> Document | None:
        key = (path, storage)
        found = self._recent.get(key)
        if found is not None:
            self._recent.move_to_end(key)
            return found
        doc = await run_in_threadpool(store.document, path, storage)
        if doc is not None and doc.immutable:
            self._recent[key] = doc
            if len(self._recent) > self.CACHED:
                self._recent.popitem(last=False)
        return doc

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope.get("method") not in ("GET", "HEAD")
            or scope.get("query_string")
            or "app" not in scope
        ):
            await self.app(scope, receive, send)
            return
        raw_path: str = scope["path"]
        path, suffix = split_suffix(raw_path)
        offer = offer_for(path)
        if offer is None:
            await self.app(scope, receive, send)
            return
        accept = if_none = if_modified = None
        for name, value in scope.get("headers", ()):
            if name == b"accept":
                accept = value.decode("latin-1")
            elif name == b"if-none-match":
                if_none = value.decode("latin-1")
            elif name == b"if-modified-since":
                if_modified = value.decode("latin-1")
        if suffix is not None:
            chosen = (suffix, suffix.content_type) if suffix in offer.formats else None
        else:
            chosen = negotiate(accept, path_kind(path))
        if chosen is None:
            await self.app(scope, receive, send)  # HTML, or a 406 the route explains
            return
        fmt, content_type = chosen
        state = scope["app"].state
        doc = await self._lookup(state.store, path, fmt.storage)
        if doc is None:
            await self.app(scope, receive, send)  # 404, 410: the routes say which
            return
        headers = headers_for(doc, content_type, offer.max_age, state.context_link, fmt)
        if is_fresh(doc, if_none, if_modified):
            await send({"type": "http.response.start", "status": 304, "headers": headers})
            await send({"type": "http.response.body", "body": b""})
            return
        headers.append((b"content-length", str(len(doc.body)).encode()))
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        body = b"" if scope["method"] == "HEAD" else doc.body
        await send({"type": "http.response.body", "body": body})


def answer(request: Request, path: str, gone: bool = False) -> Response:
    """The route's answer for a stored path: the same bytes and headers as the fast path,
    or the problem that explains why there are none (406 with what is on offer, 404, or
    410 when ``gone``)."""
    path, suffix = split_suffix(path)
    offer = offer_for(path)
    assert offer is not None, path
    offered = [f.media_type for f in offer.formats]
    if suffix is not None:
        chosen = (suffix, suffix.content_type) if suffix in offer.formats else None
    else:
        chosen = negotiate(request.headers.get("accept"), path_kind(path))
    if chosen is None:
        return not_acceptable(offered, path)
    fmt, content_type = chosen
    store: Store = request.app.state.store
    doc = store.document(path, fmt.storage)
    if doc is None:
        status = 410 if gone else 404
        return not_found(path, f"no description at {path}" if status == 410 else None, status)
    headers = dict(
        (k.decode(), v.decode("latin-1"))
        for k, v in headers_for(
            doc, content_type, offer.max_age, request.app.state.context_link, fmt
        )
    )
    if is_fresh(
        doc, request.headers.get("if-none-match"), request.headers.get("if-modified-since")
    ):
        return Response(status_code=304, headers=headers)
    return Response(doc.body, headers=headers)
