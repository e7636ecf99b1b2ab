"""Errors as ``application/problem+json`` (RFC 9457), the same shape everywhere: ours,
and FastAPI's own (an unknown path, a wrong method, a parameter not of its type)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from starlette.exceptions import HTTPException as StarletteHTTPException

PROBLEM_TYPE = "application/problem+json"


@dataclass(frozen=True)
class Problem:
    status: int
    detail: str | None = None
    instance: str | None = None
    title: str | None = None

    def body(self, extra: dict[str, Any] | None = None) -> dict[str, Any]:
        try:
            phrase = HTTPStatus(self.status).phrase
        except ValueError:
            phrase = "Error"
        out: dict[str, Any] = {
            "type": "about:blank",
            "title": self.title or phrase,
            "status": self.status,
        }
        if self.detail:
            out["detail"] = self.detail
        if self.instance:
            out["instance"] = self.instance
        out.update(extra or {})
        return out


def problem_response(
    problem: Problem, extra: dict[str, Any] | None = None, headers: dict[str, str] | None = None
) -> Response:
    body = json.dumps(problem.body(extra), ensure_ascii=False).encode()
    return Response(
        body,
        status_code=problem.status,
        media_type=PROBLEM_TYPE,
        headers={"Cache-Control": "no-store", **(headers or {})},
    )


def install_handlers(app: FastAPI) -> None:
    """FastAPI's errors as problems: 404, 405 (with ``Allow``), and 400 instead of 422."""

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        detail = exc.detail if isinstance(exc.detail, str) else None
        return problem_response(
            Problem(exc.status_code, detail=detail, instance=str(request.url.path)),
            headers=dict(exc.headers or {}),
        )  # e.g. Allow on a 405

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()[:5]
        )
        return problem_response(Problem(400, detail=problems, instance=str(request.url.path)))
