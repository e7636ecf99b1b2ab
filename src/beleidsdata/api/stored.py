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

import time
from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime, parsedate_to_datetime
from functools import lru_cache
from typing import Any

from fastapi import Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Receive, Scope, Send

from ..formats import registry
from ..formats.registry import Format
from ..ldes.layout import TREE_PROFILE
from ..store.changes import ChangeWatch
from ..store.core import Store
from ..store.records import Document
from .negotiation import choose, wants_profile
from .responses import YEAR, if_none_match, not_acceptable, not_found

DOC_MAX_AGE = 60  # entity documents change at most once per ingest
STREAM_MAX_AGE = 10  # open pages and roots: pollers may come back after this
CATALOG_MAX_AGE = 300
RECHECK = 0.001  # s between two reads of the store's change counter


@dataclass(frozen=True)
class Offer:
    """What one kind of path offers: formats in our order of preference, and caching."""

    formats: tuple[Format, ...]
    max_age: int
    profile: bool = False  # Turtle with the TREE profile parameter
    shared_bytes: bool = False  # formats with ``stored_as`` serve another format's bytes

    def key(self, fmt: Format) -> str:
        """The stored format: entity documents keep N-Quads and TriG as their N-Triples
        and Turtle bytes; stream nodes have their own (members in named graphs)."""
        return fmt.storage if self.shared_bytes else fmt.key


# Documents: HTML right after JSON-LD (a browser asks for text/html first); an HTML page is
# rendered by the site's route, not stored, so the fast path hands it on.
DOC_OFFER = Offer(
    tuple(sorted(registry.document_formats(), key=lambda f: (f.key != "jsonld", f.key != "html"))),
    DOC_MAX_AGE,
    shared_bytes=True,
)
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


@dataclass(frozen=True)
class Entry:
    """A representation ready to send: its validators and both header lists built once."""

    doc: Document
    not_modified: list[tuple[bytes, bytes]]
    ok: list[tuple[bytes, bytes]]

    @classmethod
    def of(cls, doc: Document, headers: list[tuple[bytes, bytes]]) -> Entry:
        return cls(doc, headers, [*headers, (b"content-length", str(len(doc.body)).encode())])


class StoredDocuments:
    """Pure ASGI: GET and HEAD of a stored representation, answered before routing (see
    the module docstring).

    What it served is kept in memory, up to ``cache_bytes`` (least recently used out
    first), ready to send: immutable nodes for good, mutable ones (roots, open pages,
    entity documents) until the store's change counter moves, which it reads on each
    request (:mod:`beleidsdata.store.changes`; a backend without one caches only the
    immutable). A poller's GET is then a dictionary lookup and its 304 a comparison."""

    def __init__(self, app: ASGIApp, cache_bytes: int = 64 * 1024 * 1024) -> None:
        self.app = app
        self.cache_bytes = cache_bytes
        self._cached = 0
        self._entries: OrderedDict[tuple[str, str, str], Entry] = OrderedDict()
        self._version: int | None = None
        self._checked = -RECHECK  # when the change counter was last read

    def _current(self, state: Any) -> bool:
        """Drop the mutable entries when the store changed; whether mutable ones may be
        kept at all. The counter is read at most every :data:`RECHECK` seconds, and after
        every request that may have written (this process's own writes are seen at once;
        another process's within a millisecond)."""
        watch: ChangeWatch | None = getattr(state, "changes", None)
        if watch is None:
            return False
        now = time.monotonic()
        if now - self._checked < RECHECK:
            return True
        self._checked = now
        version = watch.version()
        if version != self._version:
            self._version = version
            for key in [k for k, e in self._entries.items() if not e.doc.immutable]:
                self._cached -= len(self._entries.pop(key).doc.body)
        return True

    def _keep(self, key: tuple[str, str, str], entry: Entry) -> None:
        size = len(entry.doc.body)
        if size > self.cache_bytes // 8:
            return  # one huge node would push out hundreds of small ones
        self._entries[key] = entry
        self._cached += size
        while self._cached > self.cache_bytes:
            _, old = self._entries.popitem(last=False)
            self._cached -= len(old.doc.body)

    async def _lookup(
        self, state: Any, path: str, offer: Offer, fmt: Format, content_type: str
    ) -> Entry | None:
        storage = offer.key(fmt)
        key = (path, storage, content_type)
        keep_mutable = self._current(state)
        found = self._entries.get(key)
        if found is not None:
            self._entries.move_to_end(key)
            return found
        doc = await run_in_threadpool(state.store.document, path, storage)
        if doc is None:
            return None
        entry = Entry.of(
            doc, headers_for(doc, content_type, offer.max_age, state.context_link, fmt)
        )
        if doc.immutable or keep_mutable:
            self._keep(key, entry)
        return entry

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or "app" not in scope:
            await self.app(scope, receive, send)
            return
        if scope["method"] not in ("GET", "HEAD"):
            try:
                await self.app(scope, receive, send)
            finally:
                self._checked = -RECHECK  # it may have written: look again next time
            return
        if scope.get("query_string"):
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
        if chosen is None or chosen[0].key == "html":
            await self.app(scope, receive, send)  # HTML, or a 406 the route explains
            return
        fmt, content_type = chosen
        entry = await self._lookup(scope["app"].state, path, offer, fmt, content_type)
        if entry is None:
            await self.app(scope, receive, send)  # 404, 410: the routes say which
            return
        # Copies of the header lists: an outer layer may add to the list it is sent.
        if is_fresh(entry.doc, if_none, if_modified):
            await send(
                {"type": "http.response.start", "status": 304, "headers": [*entry.not_modified]}
            )
            await send({"type": "http.response.body", "body": b""})
            return
        await send({"type": "http.response.start", "status": 200, "headers": [*entry.ok]})
        body = b"" if scope["method"] == "HEAD" else entry.doc.body
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
    doc = store.document(path, offer.key(fmt))
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
