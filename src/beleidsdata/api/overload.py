"""An overload guard: more than ``limit`` requests in flight get ``429 Too Many Requests``
with ``Retry-After``, at once, instead of queueing until every client times out. LDES
clients must retry a 429 (LDES 1.0, §HTTP)."""

from __future__ import annotations

import json
from typing import Any

RETRY_AFTER_SECONDS = 1


class OverloadGuard:
    """Pure ASGI middleware (counts in the event loop, so no lock is needed)."""

    def __init__(self, app: Any, limit: int = 512) -> None:
        self.app = app
        self.limit = limit
        self.in_flight = 0

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if self.in_flight >= self.limit:
            body = json.dumps(
                {
                    "type": "about:blank",
                    "title": "Too Many Requests",
                    "status": 429,
                    "detail": f"more than {self.limit} requests in flight; retry after "
                    f"{RETRY_AFTER_SECONDS} s",
                    "instance": scope.get("path", ""),
                }
            ).encode()
            await send(
                {
                    "type": "http.response.start",
                    "status": 429,
                    "headers": [
                        (b"content-type", b"application/problem+json"),
                        (b"retry-after", str(RETRY_AFTER_SECONDS).encode()),
                        (b"cache-control", b"no-store"),
                        (b"vary", b"Accept"),
                        (b"content-length", str(len(body)).encode()),
                    ],
                }
            )
            await send({"type": "http.response.body", "body": body})
            return
        self.in_flight += 1
        try:
            await self.app(scope, receive, send)
        finally:
            self.in_flight -= 1
