"""The whole event stream as static files, laid out so that a web server or CDN can host
them at the same URLs (see the README's nginx configuration).

A URL ``{base}/P`` is written as ``DIR/P.{ext}`` for each format (``ttl``, ``jsonld``,
``nt``, ``nq``, ``trig``): ``ldes.ttl``, ``ldes/wortel.nq``, ``ldes/pagina/1.nq``,
``ldes/beslissing.jsonld``, ``ldes/beslissing/pagina/2.trig``, ``catalog.ttl``; the
server picks the extension from ``Accept``. ``context/v1.jsonld`` and the shapes
(``shapes/*.ttl``) are written as they are served. ``mutable.map`` lists, in nginx ``map``
syntax, the URLs whose content can still change (roots, open branches and pages, the
latest-version view); every other node is immutable.

Every node is copied from the stored documents, one at a time, so memory stays flat
however long the stream is: the export is exactly what the service serves.
"""

from __future__ import annotations

from pathlib import Path

from ..formats.context import context_bytes
from ..resources import shapes_dir
from ..store.core import Store
from .render import FORMATS


def export(store: Store, out: Path) -> dict[str, int]:
    out.mkdir(parents=True, exist_ok=True)
    files = documents = 0
    mutable: list[str] = []
    seen: set[str] = set()
    with store.db.snapshot():
        for prefix in ("/ldes", "/catalog"):
            for fmt in FORMATS:
                for path, body, immutable in store.iter_documents(fmt, prefix):
                    target = out / path.lstrip("/")
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.with_name(f"{target.name}.{fmt}").write_bytes(body)
                    files += 1
                    if path not in seen:
                        seen.add(path)
                        documents += 1
                        if not immutable:
                            mutable.append(path)
    (out / "context").mkdir(exist_ok=True)
    (out / "context" / "v1.jsonld").write_bytes(context_bytes())
    (out / "shapes").mkdir(exist_ok=True)
    shapes = sorted(shapes_dir().glob("*.ttl"))
    for shape in shapes:
        (out / "shapes" / shape.name).write_bytes(shape.read_bytes())
    (out / "shapes" / "beleidsdata.ttl").write_bytes(b"\n".join(p.read_bytes() for p in shapes))
    # nginx matches $uri after try_files found the file, so each path with every extension.
    (out / "mutable.map").write_text(
        "".join(
            f'"{p}{ext}" 1;\n' for p in sorted(mutable) for ext in ("", *(f".{f}" for f in FORMATS))
        )
    )
    return {"documents": documents, "files": files, "mutable": len(mutable)}
