"""HTML pages rendered with the jinja2 templates in ``site/templates``.

Pages are rendered from the JSON-LD we stored at ingest (our context makes it plain JSON),
never from an RDF graph: a page costs a template render, not RDF work. What goes into the
templates is built in :mod:`beleidsdata.web.pages`.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

from ..resources import site_dir
from .i18n import DEFAULT, Translator
from .policy import script_json


def _paragraphs(text: str) -> list[str]:
    parts = [p.strip() for p in str(text).replace("\r\n", "\n").split("\n\n")]
    return [p for p in parts if p]


@cache
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(site_dir() / "templates")),
        autoescape=select_autoescape(["html", "j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["paragraphs"] = _paragraphs
    env.filters["as_list"] = lambda v: v if isinstance(v, list) else [v]
    env.filters["script_json"] = script_json  # the one way data goes into a <script>
    return env


DEFAULT_SERVICES = {
    "ldes": "/ldes",
    "catalog": "/catalog",
    "developers": "/developers",
    "validate": "/validate",
    "docs": "/docs",
}


def render(template: str, **context: Any) -> bytes:
    """Render a page; the base layout's words and links get defaults (Dutch, live service)
    so any router can render a template that extends it."""
    lang = context.setdefault("lang", DEFAULT)
    context.setdefault("t", Translator(lang))
    context.setdefault("services", DEFAULT_SERVICES)
    context.setdefault("static", False)
    context.setdefault("path", "")
    return environment().get_template(template).render(**context).encode()
