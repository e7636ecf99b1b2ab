"""The whole event stream as static files, laid out so that a web server or CDN can host
them at the same URLs (see the README's nginx configuration).

A URL ``{base}/P`` is written as ``DIR/P.{ext}`` for each format (``ttl``, ``jsonld``,
``nt``, ``nq``, ``trig``): ``ldes.ttl``, ``ldes/pagina/1.nq``, ``ldes/beslissing.jsonld``,
``ldes/beslissing/pagina/2.trig``, ``catalog.ttl``; the server picks the extension from
``Accept``. ``context/v1.jsonld`` and the shapes (``shapes/*.ttl``) are written as they are
served. ``mutable.map`` lists, in nginx ``map`` syntax, the URLs whose content can still
change (the open pages and the latest-version view); every other page is immutable.

Closed pages are copied from the ``pages`` table; others are assembled, one at a time, so
memory stays flat however long the stream is.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..formats.context import context_bytes
from ..store.base import Store
from .catalog import catalog_lines
from .stream import LATEST, TIME, StreamLayout, load_page, page_bytes, render, stream_description

# file extension → stored format (our pages have only a default graph: N-Quads are our
# N-Triples and TriG our Turtle)
EXTENSIONS = {"ttl": "ttl", "jsonld": "jsonld", "nt": "nt", "nq": "nt", "trig": "ttl"}


def _write(out: Path, path: str, bodies: dict[str, bytes]) -> int:
    target = out / path
    target.parent.mkdir(parents=True, exist_ok=True)
    for ext, fmt in EXTENSIONS.items():
        target.with_name(f"{target.name}.{ext}").write_bytes(bodies[fmt])
    return len(EXTENSIONS)


def _pages(
    store: Store, layout: StreamLayout, view: str
) -> Iterator[tuple[str, int, dict[str, bytes], bool]]:
    number = 1
    while True:
        path = layout.page(number, view)[len(layout.base) + 1 :]
        stored = {
            fmt: store.page(view, layout.page_size, number, fmt)  # type: ignore[attr-defined]
            for fmt in ("ttl", "jsonld", "nt")
        }
        if all(stored.values()):
            yield path, number, {f: b[0] for f, b in stored.items() if b}, True
        else:
            page = load_page(store, layout, number, view)
            if page is None:
                return
            yield (
                path,
                number,
                {f: page_bytes(layout, page, f) for f in ("ttl", "jsonld", "nt")},
                page.closed,
            )
        number += 1


def export(store: Store, layout: StreamLayout, out: Path) -> dict[str, int]:
    """Write every representation of the stream under ``out``; returns counts."""
    from ..resources import shapes_dir

    out.mkdir(parents=True, exist_ok=True)
    kinds = list(store.view_sizes())  # type: ignore[attr-defined]
    files = pages = 0
    fmts = ("ttl", "jsonld", "nt")
    files += _write(out, "ldes", {f: stream_description(layout, f, kinds=kinds) for f in fmts})
    for kind in kinds:
        files += _write(
            out, f"ldes/{kind}", {f: stream_description(layout, f, view=kind) for f in fmts}
        )
    lines = catalog_lines(layout, kinds)
    files += _write(out, "catalog", {f: render(lines, f, layout.context) for f in fmts})
    mutable: list[str] = []
    for view in (TIME, LATEST, *kinds):
        for path, _number, bodies, closed in _pages(store, layout, view):
            files += _write(out, path, bodies)
            pages += 1
            if not closed:
                mutable.append(f"/{path}")
    (out / "context").mkdir(exist_ok=True)
    (out / "context" / "v1.jsonld").write_bytes(context_bytes())
    (out / "shapes").mkdir(exist_ok=True)
    shapes = sorted(shapes_dir().glob("*.ttl"))
    for shape in shapes:
        (out / "shapes" / shape.name).write_bytes(shape.read_bytes())
    (out / "shapes" / "beleidsdata.ttl").write_bytes(b"\n".join(p.read_bytes() for p in shapes))
    (out / "mutable.map").write_text(
        "".join(
            f'"{u}{ext}" 1;\n' for u in mutable for ext in ("", *(f".{e}" for e in EXTENSIONS))
        ),
        encoding="utf-8",
    )
    return {"pages": pages, "files": files + len(shapes) + 3, "mutable": len(mutable)}
