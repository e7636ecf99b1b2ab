"""``/docs``: the interactive API documentation, working without internet.

Swagger UI's script and style sheet come from a registry package (``fastapi-offline``
ships them) and are served by this service under ``/docs/assets/``, with the few lines
that start it (``start.js``: our Content-Security-Policy allows no inline script); the
page names no other host, so it works on a closed network and leaks no visit to a CDN.
Swagger UI's badge that would send the description to an online validator is switched
off.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import fastapi_offline
from fastapi import APIRouter, Request
from fastapi import Path as PathParam
from fastapi.responses import FileResponse, Response

from .responses import not_found, respond

ASSETS = Path(fastapi_offline.__file__).parent / "static"
FILES = {
    "swagger-ui-bundle.js": "text/javascript",
    "swagger-ui.css": "text/css",
    "favicon.png": "image/png",
}
router = APIRouter(include_in_schema=False)

PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>beleidsdata · API (OpenAPI)</title>
<link rel="icon" type="image/png" href="/docs/assets/favicon.png">
<link rel="stylesheet" href="/docs/assets/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<noscript><p>This page needs JavaScript. The description itself is
<a href="/openapi.json">/openapi.json</a>; the guide is <a href="/developers">/developers</a>.</p>
</noscript>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/assets/start.js"></script>
</body>
</html>
"""
# Swagger UI's start, as a file of ours: the Content-Security-Policy allows no inline script.
START = b"""window.ui = SwaggerUIBundle({
  url: "/openapi.json",
  dom_id: "#swagger-ui",
  validatorUrl: null,
  deepLinking: true,
  layout: "BaseLayout",
  presets: [SwaggerUIBundle.presets.apis],
});
"""


@router.get("/docs")
def docs(request: Request) -> Response:
    return respond(PAGE.encode(), "text/html", request, max_age=3600)


@router.get("/docs/assets/{name}")
def asset(name: Annotated[str, PathParam()], request: Request) -> Response:
    if name == "start.js":
        return respond(START, "text/javascript", request, max_age=3600)
    if name not in FILES:
        return not_found(f"/docs/assets/{name}", f"no asset {name}")
    return FileResponse(
        ASSETS / name,
        media_type=FILES[name],
        headers={"Cache-Control": "public, max-age=86400"},
    )


__all__ = ["ASSETS", "router"]
