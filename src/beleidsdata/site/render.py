"""HTML pages rendered with the jinja2 templates in ``site/templates``.

Pages are rendered from the JSON-LD we stored at ingest (our context makes it plain JSON),
never from an RDF graph: a page costs a template render, not RDF work.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

from ..formats.context import TERMS
from ..resources import site_dir

_DOCS = {t.key: t.doc for t in TERMS}
# Keys shown in their own place on a resource page rather than in the property table.
_SPECIAL = {"@context", "id", "type", "titel", "herkomst", "afgeleidVan"}


@cache
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(site_dir() / "templates")),
        autoescape=select_autoescape(["html", "j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["is_link"] = lambda v: isinstance(v, str) and v.startswith(("http://", "https://"))
    env.filters["as_list"] = lambda v: v if isinstance(v, list) else [v]
    env.filters["key_doc"] = lambda k: _DOCS.get(k, "")
    env.filters["local"] = to_local
    return env


def render(template: str, **context: Any) -> bytes:
    return environment().get_template(template).render(**context).encode()


def resource_page(document: bytes, *, base: str, path: str, iri: str, kind: str,
                  title: str | None, source_lines: list[dict[str, Any]] | None = None) -> bytes:
    """The HTML twin of a resource: its properties, where it was read, its other formats."""
    data = json.loads(document)
    root = data if "@graph" not in data else data["@graph"][0]
    others = [] if "@graph" not in data else data["@graph"][1:]
    props = [(k, v) for k, v in root.items() if k not in _SPECIAL]
    return render(
        "resource.html.j2", base=base, path=path, iri=iri, kind=kind,
        title=title or root.get("titel") or path, types=root.get("type", []),
        props=props, others=others, provenance=root.get("herkomst", []),
        sources=root.get("afgeleidVan", []), source_lines=source_lines or [],
        jsonld=document.decode(),
    )


def to_local(value: str, base: str) -> str:
    """Links to our own resources point at their /doc page on this server."""
    prefix = base + "/id/"
    if value.startswith(prefix):
        return "/doc/" + value[len(prefix):]
    return value
