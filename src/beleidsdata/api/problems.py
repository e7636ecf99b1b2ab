"""Errors as ``application/problem+json`` (RFC 9457), the same shape everywhere."""

from __future__ import annotations

import json
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any

from fastapi.responses import Response

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
