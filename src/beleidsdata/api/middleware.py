"""The ASGI layers around the routes, and the order they are in.

From the outside in, a request passes:

1. :class:`OverloadGuard`: more than ``max_in_flight`` requests at once get ``429`` with
   ``Retry-After`` before anything else is spent on them (LDES clients retry a 429).
   Outermost, so it counts every request, including the fast path's.
2. :class:`VaryAccept`: ``Vary: Accept`` on every answer, and a problem+json 500 (never
   a traceback) when the application fails before it started a response; 503 with
   ``Retry-After`` when the database cannot be reached. Outside CORS,
   so CORS preflight answers carry ``Vary`` too.
3. CORS (Starlette's ``CORSMiddleware``, as :class:`OpenCORS`): reads are open to any
   origin, which may read our caching and context headers. A request without ``Origin``
   only gets ``Origin`` added to ``Vary``, done without Starlette's header objects.
4. :class:`~beleidsdata.api.stored.StoredDocuments`: every stored representation (entity
   documents, stream nodes, the catalogue) from memory or the documents table, without
   routing. Inside CORS and ``Vary`` so its answers get the same headers as the routes';
   the routes answer through the same module, so both give the same bytes.
5. :class:`BodySizeLimit` (added by the validation service's ``install``): a request
   body over the limit gets ``413`` problem+json, from its Content-Length at once or
   while a chunked body streams in, so no endpoint reads more than the limit into
   memory. Then the routes.

All are pure ASGI classes rather than ``@app.middleware`` functions: Starlette's
``BaseHTTPMiddleware`` costs a task group and a memory stream per request.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence

from fastapi import FastAPI
from starlette.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..errors import DatabaseUnavailable
from .problems import Problem, problem_response
from .stored import StoredDocuments
from .validate_settings import MB, ValidationSettings, settings_of

RETRY_AFTER_SECONDS = 1


def install(app: FastAPI, max_in_flight: int) -> None:
    """The layers of this module around ``app``'s routes, in the order described above."""
    # Starlette wraps the last one added around the others: innermost first.
    app.add_middleware(StoredDocuments)
    app.add_middleware(
        OpenCORS,
        allow_origins=["*"],
        allow_methods=["GET", "HEAD"],
        allow_headers=["*"],
        max_age=86400,
        expose_headers=["ETag", "Link", "Last-Modified", "Location", "Vary"],
    )
    app.add_middleware(VaryAccept)
    app.add_middleware(OverloadGuard, limit=max_in_flight)


class OverloadGuard:
    """More than ``limit`` requests in flight get ``429 Too Many Requests`` with
    ``Retry-After``, at once, instead of queueing until every client times out. Counts in
    the event loop, so no lock is needed."""

    def __init__(self, app: ASGIApp, limit: int = 512) -> None:
        self.app = app
        self.limit = limit
        self.in_flight = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if self.in_flight >= self.limit:
            detail = (
                f"more than {self.limit} requests in flight; retry after {RETRY_AFTER_SECONDS} s"
            )
            response = problem_response(
                Problem(429, detail=detail, instance=scope["path"]),
                # outside VaryAccept, so its own Vary
                headers={"Retry-After": str(RETRY_AFTER_SECONDS), "Vary": "Accept"},
            )
            await response(scope, receive, send)
            return
        self.in_flight += 1
        try:
            await self.app(scope, receive, send)
        finally:
            self.in_flight -= 1


class OpenCORS(CORSMiddleware):
    """Starlette's CORS, with a short way for the requests most clients send: those
    without ``Origin`` (a poller, a harvester) get only ``Origin`` appended to ``Vary``,
    exactly as Starlette does, without building its header objects (about 10 µs of a
    stored page's 30)."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] == "OPTIONS":
            await super().__call__(scope, receive, send)
            return
        for name, _ in scope["headers"]:
            if name == b"origin":
                await super().__call__(scope, receive, send)
                return

        async def send_vary(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = add_vary(message.get("headers", ()), "Origin")
            await send(message)

        await self.app(scope, receive, send_vary)


def add_vary(headers: Iterable[tuple[bytes, bytes]], name: str) -> list[tuple[bytes, bytes]]:
    """``headers`` with ``name`` in their (one) ``Vary``, appended if it is missing."""
    out: list[tuple[bytes, bytes]] = []
    vary: bytes | None = None
    for key, value in headers:
        if key.lower() == b"vary":
            vary = value if vary is None else vary + b", " + value
        else:
            out.append((key, value))
    if vary is None:
        out.append((b"vary", name.encode()))
    elif name.lower() not in vary.decode("latin-1").lower():
        out.append((b"vary", vary + b", " + name.encode()))
    else:
        out.append((b"vary", vary))
    return out


class VaryAccept:
    """``Vary: Accept`` on every response (added to a ``Vary`` that lacks it), since most
    URLs have several representations; and a problem+json 500, never a traceback, when
    the application fails before it started a response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_vary(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message = {**message, "headers": add_vary(message.get("headers", ()), "Accept")}
            await send(message)

        try:
            await self.app(scope, receive, send_vary)
        except DatabaseUnavailable as exc:  # a replica whose database is gone: retry later
            if started:
                raise
            print(f"error: {exc}", file=sys.stderr)  # the operator's detail, not the client's
            response = problem_response(
                Problem(
                    503,
                    detail="the database is unavailable; try again later",
                    instance=str(scope.get("path", "")),
                ),
                headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
            )
            await response(scope, receive, send_vary)
        except Exception:  # never a traceback to the client
            if started:
                raise
            response = problem_response(
                Problem(500, detail="internal error", instance=str(scope.get("path", "")))
            )
            await response(scope, receive, send_vary)


_DEFAULT_LIMIT = ValidationSettings().max_bytes  # for a scope without an application


class BodySizeLimit:
    """Pure ASGI middleware: a request body over the limit gets ``413`` problem+json, from
    its Content-Length at once, or while it streams in (chunked uploads)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = settings_of(scope["app"]).max_bytes if "app" in scope else _DEFAULT_LIMIT
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None and length.isdigit() and int(length) > limit:
            await self._too_large(scope, send, limit)
            return
        if length is not None or scope.get("method") not in ("POST", "PUT", "PATCH"):
            await self.app(scope, receive, send)  # the server holds the body to its length
            return
        # No Content-Length (chunked): read the body up to the limit first, then replay it.
        messages: list[Message] = []
        seen = 0
        while True:
            message = await receive()
            messages.append(message)
            if message["type"] != "http.request":
                break
            seen += len(message.get("body", b""))
            if seen > limit:
                await self._too_large(scope, send, limit)
                return
            if not message.get("more_body"):
                break

        async def replay() -> Message:
            return messages.pop(0) if messages else await receive()

        await self.app(scope, replay, send)

    @staticmethod
    async def _too_large(scope: Scope, send: Send, limit: int) -> None:
        await send_problem(
            send,
            {
                "type": "about:blank",
                "title": "Content Too Large",
                "status": 413,
                "detail": f"the request body is larger than the limit of {limit} bytes "
                f"({limit / MB:g} MB); validate a smaller file, or use the command "
                "line (beleidsdata validate), which has no limit",
                "limit": limit,
                "instance": scope.get("path", ""),
            },
            [(b"cache-control", b"no-store"), (b"connection", b"close")],
        )


async def send_problem(
    send: Send, problem: dict[str, object], headers: Sequence[tuple[bytes, bytes]] = ()
) -> None:
    """Answer with ``problem`` as application/problem+json from a pure ASGI layer, where
    no FastAPI response exists yet (the status is the problem's own)."""
    body = json.dumps(problem).encode()
    await send(
        {
            "type": "http.response.start",
            "status": problem["status"],
            "headers": [
                (b"content-type", b"application/problem+json"),
                *headers,
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
