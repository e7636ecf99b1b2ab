"""Pure ASGI middlewares of the API.

:class:`BodySizeLimit` runs for every endpoint, before routing: a request body over the
limit of the validation service settings (:mod:`.validate_settings`) gets ``413``
problem+json, from its Content-Length at once, or while a chunked body streams in, so that
no endpoint ever reads more than the limit into memory.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .validate_settings import MB, ValidationSettings, settings_of

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


__all__ = ["BodySizeLimit", "send_problem"]
