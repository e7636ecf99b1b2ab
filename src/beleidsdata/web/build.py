"""``beleidsdata site build``: the whole site as static files any web server can host.

Same URLs as the live service, chosen so a plain static server needs no rewrite rules:

    index.html                         the landing page (/)
    doc/{path}.html                    a resource page (links point here)
    doc/{path}.jsonld, .ttl, .nt       its other formats, the bytes stored at ingest
    zoeken/index.html                  every title, by kind (the search page without a query)
    vocab/index.html, vocab/{f}.html   vocabulary pages; vocab/{f}.ttl the Turtle
    shapes/index.html, shapes/{f}.html shape pages; shapes/{f}.ttl, shapes/beleidsdata.ttl
    context/v1.jsonld, static/…        the JSON-LD context and the style sheet

Links to what only the live service does (event stream, catalogue, validator, OpenAPI)
point at ``service_url`` when one is given, and are left out otherwise.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..formats.context import context_bytes
from ..resources import shapes_dir, site_dir, vocab_dir
from ..store import Store
from .docs import (
    shape_page,
    shape_stems,
    shapes_index_page,
    vocab_file_page,
    vocab_index_page,
    vocab_stems,
)
from .pages import SERVICES, SitePages

TWINS = ("jsonld", "ttl", "nt")


@dataclass
class BuildResult:
    pages: int
    files: int
    seconds: float

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.seconds if self.seconds else float("inf")


def build_site(
    store: Store,
    out: Path,
    *,
    lang: str = "nl",
    service_url: str | None = None,
    batch: int = 500,
    progress: Callable[[str], None] | None = None,
) -> BuildResult:
    """Write every page of ``store`` under ``out`` (created; existing files are replaced)."""
    say = progress or (lambda _msg: None)
    started = time.perf_counter()
    out.mkdir(parents=True, exist_ok=True)
    services = None
    if service_url:
        base = service_url.rstrip("/")
        services = {name: f"{base}/{name}" for name in SERVICES}
    site = SitePages(store, static=True, services=services)
    pages = files = 0

    def write(rel: str, body: bytes) -> None:
        nonlocal files
        target = out / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(body)
        files += 1

    write("index.html", site.landing(lang))
    write("zoeken/index.html", site.search("", None, lang))
    pages += 2
    chrome = tuple(sorted(site.services.items()))
    write("vocab/index.html", vocab_index_page(lang, chrome))
    for stem in vocab_stems():
        write(f"vocab/{stem}.html", vocab_file_page(stem, lang, chrome))
        write(f"vocab/{stem}.ttl", (vocab_dir() / f"{stem}.ttl").read_bytes())
        pages += 1
    write("shapes/index.html", shapes_index_page(lang, chrome))
    all_shapes = []
    for stem in shape_stems():
        write(f"shapes/{stem}.html", shape_page(stem, lang, chrome))
        raw = (shapes_dir() / f"{stem}.ttl").read_bytes()
        write(f"shapes/{stem}.ttl", raw)
        all_shapes.append(raw)
        pages += 1
    write("shapes/beleidsdata.ttl", b"\n".join(all_shapes))
    pages += 2
    write("context/v1.jsonld", context_bytes())
    static = site_dir() / "static"
    for path in sorted(static.rglob("*")):
        if path.is_file():
            target = out / "static" / path.relative_to(static)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
            files += 1

    total = store.count_entities()
    offset = 0
    while True:
        chunk = store.entities(offset=offset, limit=batch)
        if not chunk:
            break
        for entity in chunk:
            write(f"doc/{entity.path}.html", site.resource(entity, lang))
            for fmt in TWINS:
                stored = store.document(f"/doc/{entity.path}", fmt)
                if stored is not None:
                    write(f"doc/{entity.path}.{fmt}", stored.body)
            pages += 1
        offset += len(chunk)
        say(f"{offset}/{total} resources")
    return BuildResult(pages=pages, files=files, seconds=time.perf_counter() - started)
