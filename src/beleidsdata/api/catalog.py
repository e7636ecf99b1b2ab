"""``/catalog``: the DCAT catalogue listing the event stream and the current-state dumps.

Rendered at ingest and after each dump build (:mod:`beleidsdata.ldes.catalog`), served as
stored bytes like every stream node; ``/dump/{name}`` streams a dump's parts.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import APIRouter, Path, Request
from fastapi.responses import Response, StreamingResponse

from ..formats import registry
from ..ldes import dump
from . import openapi as oa
from .deps import store_of
from .responses import YEAR, if_none_match, not_found
from .stored import answer

router = APIRouter(tags=["event stream"], default_response_class=Response)
TYPES = [f.media_type for f in registry.stream_formats()]


@router.get(
    "/catalog",
    summary="DCAT catalogue: the event stream, its views, distributions, dumps",
    description="A DCAT catalogue (DCAT-AP style): each stream is a `dcat:Dataset` "
    "(`dct:type ldes:EventStream`) under the Modellicentie Gratis Hergebruik, "
    "with a `dcat:Distribution` per format and a `dcat:DataService` per view. The "
    "current-state dumps are distributions too, with `dcat:downloadURL`, `dcat:byteSize`, "
    "an `spdx:checksum` (SHA-256) and `dct:modified`.",
    responses={
        200: oa.ok(
            "The catalogue.",
            {
                **oa.media("application/ld+json", schema={"type": "object"}),
                **oa.media(*TYPES[1:]),
            },
        ),
        304: oa.NOT_MODIFIED,
        406: oa.not_acceptable(TYPES, "/catalog"),
    },
)
def catalog(request: Request) -> Response:
    return answer(request, "/catalog")


DUMP_NAME = Path(
    description="`actueel.nq.gz` (N-Quads, each thing in the graph named after it) or "
    "`actueel.jsonld.gz` (the same as JSON-LD named graphs).",
    openapi_examples=oa.examples(nquads=("N-Quads", dump.NQUADS), jsonld=("JSON-LD", dump.JSONLD)),
)


@router.get(
    "/dump/{name}",
    summary="The current state in one download (gzip)",
    description="Every current thing, as `/doc` serves it, each in the named graph of its "
    "own IRI, gzip-compressed. Rebuilt after each ingest; the catalogue lists its size, "
    "checksum and time. Load it, then follow the stream from that time.",
    responses={
        200: oa.ok(
            "The dump (Content-Encoding is not used: the file itself is gzip).",
            oa.media("application/gzip"),
        ),
        304: oa.NOT_MODIFIED,
        404: oa.problem("No such dump (yet).", None, "/dump/x", 404),
    },
)
def download(name: Annotated[str, DUMP_NAME], request: Request) -> Response:
    store = store_of(request)
    info = dump.current(store, name) if name in dump.PIECES else None
    if info is None:
        return not_found(f"/dump/{name}", "no such dump (yet)")
    etag = f'"{info.sha256[:32]}"'
    headers = {
        "ETag": etag,
        "Cache-Control": "public, max-age=60",
        "Content-Disposition": f'attachment; filename="{name}"',
    }
    if etag in if_none_match(request.headers.get("if-none-match")):
        return Response(status_code=304, headers=headers)

    def parts() -> Iterator[bytes]:
        for n in range(info.parts):
            chunk = store.dump_part(name, info.generation, n)
            if chunk is not None:
                yield chunk

    headers["Content-Length"] = str(info.size)
    return StreamingResponse(parts(), media_type="application/gzip", headers=headers)


__all__ = ["YEAR", "router"]
