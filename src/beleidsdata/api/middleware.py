"""The ASGI layers around the routes, and the order they are in.

From the outside in, a request passes:

1. :class:`OverloadGuard`: more than ``max_in_flight`` requests at once get ``429`` with
   ``Retry-After`` before anything else is spent on them (LDES clients retry a 429).
   Outermost, so it counts every request, including the fast path's.
2. :class:`VaryAccept`: ``Vary: Accept`` on every answer, and a problem+json 500 (never
   a traceback) when the application fails before it started a response. Outside CORS,
   so CORS preflight answers carry ``Vary`` too.
3. CORS (Starlette's ``CORSMiddleware``): reads are open to any origin, which may read
   our caching and context headers.
4. :class:`~beleidsdata.api.stored.StoredDocuments`: every stored representation (entity
   documents, stream nodes, the catalogue) straight from the documents table, without
   routing. Inside CORS and ``Vary`` so its answers get the same headers as the routes';
   the routes answer through the same module, so both give the same bytes.
5. Whatever the routers' own ``install`` adds (the validation service's request
   body-size limit), then the routes.

All are pure ASGI classes rather than ``@app.middleware`` functions: Starlette's
``BaseHTTPMiddleware`` costs a task group and a memory stream per request.
"""

from __future__ import annotations

from fastapi import FastAPI
from starlette.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .problems import Problem, problem_response
from .stored import StoredDocuments

RETRY_AFTER_SECONDS = 1


def install(app: FastAPI, max_in_flight: int) -> None:
    """The layers of this module around ``app``'s routes, in the order described above."""
    # Starlette wraps the last one added around the others: innermost first.
    app.add_middleware(StoredDocuments)
    app.add_middleware(
        CORSMiddleware,
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
                headers = list(message.get("headers", ()))
                varies = [v.decode("latin-1") for k, v in headers if k.lower() == b"vary"]
                vary = varies[0] if varies else ""
                if not vary or "accept" not in vary.lower():
                    value = vary + ", Accept" if vary else "Accept"
                    headers = [(k, v) for k, v in headers if k.lower() != b"vary"]
                    headers.append((b"vary", value.encode("latin-1")))
                    message = {**message, "headers": headers}
            await send(message)

        try:
            await self.app(scope, receive, send_vary)
        except Exception:  # never a traceback to the client
            if started:
                raise
            response = problem_response(
                Problem(500, detail="internal error", instance=str(scope.get("path", "")))
            )
            await response(scope, receive, send_vary)
