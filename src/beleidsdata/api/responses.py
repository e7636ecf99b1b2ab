"""Response helpers shared by every router: caching headers, conditional GETs, 406s."""

from __future__ import annotations

import hashlib

from fastapi import Request
from fastapi.responses import Response

from .problems import Problem, problem_response

# Text formats get an explicit charset; JSON types are UTF-8 by definition.
CHARSET = {
    "text/turtle",
    "application/n-triples",
    "text/html",
    "application/trig",
    "application/n-quads",
    "text/csv",
}
YEAR = 31536000


def etag_of(body: bytes) -> str:
    """A strong ETag: the same bytes always give the same tag."""
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def if_none_match(header: str | None) -> set[str]:
    """The entity tags of an If-None-Match header; malformed parts are ignored."""
    if not header:
        return set()
    tags = {t.strip().removeprefix("W/") for t in header.split(",")}
    return {t for t in tags if len(t) > 1 and t.startswith('"') and t.endswith('"')}


def respond(
    body: bytes,
    media_type: str,
    request: Request,
    *,
    max_age: int = 60,
    immutable: bool = False,
    etag: str | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    """Bytes with ETag and Cache-Control; 304 when the client already has them."""
    tag = etag or etag_of(body)
    cache = f"public, max-age={YEAR}, immutable" if immutable else f"public, max-age={max_age}"
    out = {"ETag": tag, "Cache-Control": cache, **(headers or {})}
    if (
        tag in if_none_match(request.headers.get("if-none-match"))
        or (request.headers.get("if-none-match") or "").strip() == "*"
    ):
        return Response(status_code=304, headers=out)
    content_type = media_type + ("; charset=utf-8" if media_type in CHARSET else "")
    return Response(body, media_type=content_type, headers=out)


def not_acceptable(offered: list[str], path: str) -> Response:
    return problem_response(
        Problem(
            406,
            detail="none of the requested media types is available; available: "
            + ", ".join(offered),
            instance=path,
        ),
        extra={"available": offered},
    )


def not_found(path: str, detail: str | None = None, status: int = 404) -> Response:
    return problem_response(Problem(status, detail=detail, instance=path))
