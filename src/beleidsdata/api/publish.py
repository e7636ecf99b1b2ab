"""``POST /bronnen`` and ``DELETE /bronnen/{name}``: publishing over HTTP.

Exactly what ``beleidsdata ingest`` and ``withdraw`` do, for a publisher without a shell on
the server: the same parsing, validation, one-writer lock and change summary. Both need
``Authorization: Bearer TOKEN`` (``beleidsdata token add NAME``); a server with no token
at all does not offer them (404), so a fresh install publishes nothing by accident. Every
write is in the store's log under the token's name, and its members name it as their
publisher. The work runs in a worker thread (the event loop keeps serving reads).
"""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from ..errors import BeleidsdataError, InputError, StoreBusy, TooLargeError
from ..ldes.dump import build as build_dumps
from ..pipeline import IngestResult, ValidationFailed, ingest, withdraw
from ..sources.base import SourceText
from ..sources.budget import check_size
from ..store.tokens import check_token
from . import openapi as oa
from .deps import store_of
from .problems import Problem, problem_response

router = APIRouter(tags=["publishing"], default_response_class=Response)
WAIT = 30.0  # seconds a publication waits for another writer before answering 503

SUMMARY_SCHEMA = {
    "type": "object",
    "properties": {
        "bronnen": {"type": "array", "items": {"type": "string"}},
        "ongewijzigd": {"type": "array", "items": {"type": "string"}},
        "opnieuwGelezen": {"type": "array", "items": {"type": "string"}},
        "aangemaakt": {"type": "array", "items": {"type": "string", "format": "uri"}},
        "gewijzigd": {"type": "array", "items": {"type": "string", "format": "uri"}},
        "verwijderd": {"type": "array", "items": {"type": "string", "format": "uri"}},
        "leden": {"type": "array", "items": {"type": "string", "format": "uri"}},
    },
}
AUTH_HEADER = {"Authorization": "Bearer"}
UNAUTHORIZED = oa.problem("No valid `Authorization: Bearer TOKEN`.", None, "/bronnen", 401)
NO_PUBLISHING = oa.problem(
    "This server has no publishing tokens, so it offers no write endpoints.", None, "/bronnen", 404
)


def _publisher(request: Request) -> str | Response:
    """The token's name, or the problem that says why not (404, 401)."""
    store = store_of(request)
    if store.active_tokens() == 0:
        return problem_response(Problem(404, instance=request.url.path))
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    name = check_token(store, token) if scheme.lower() == "bearer" else None
    if name is None:
        return problem_response(
            Problem(401, detail="a valid publishing token is needed", instance=request.url.path),
            headers={"WWW-Authenticate": 'Bearer realm="beleidsdata"'},
        )
    return name


def _summary(result: IngestResult, status: int) -> Response:
    return JSONResponse(result.summary(), status_code=status)


def _failure(exc: BeleidsdataError, instance: str) -> Response:
    if isinstance(exc, ValidationFailed):
        report = exc.report
        return problem_response(
            Problem(
                422,
                detail=f"{len(report.violations)} SHACL violation(s); nothing was stored",
                instance=instance,
            ),
            extra={
                "violations": exc.lines()[:200],
                "report": json.loads(report.to_json("en")),
            },
        )
    if isinstance(exc, StoreBusy):
        return problem_response(
            Problem(503, detail=str(exc), instance=instance), headers={"Retry-After": "5"}
        )
    status = exc.status if isinstance(exc, InputError) else 400
    return problem_response(Problem(status, detail=str(exc), instance=instance))


async def _source(request: Request, name: str | None) -> SourceText | Response:
    """The uploaded document: the raw body (``naam=`` or ``Content-Disposition`` names
    it), or a multipart form field ``file``."""
    content_type = request.headers.get("content-type", "")
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and not content_type.startswith("multipart/form-data"):
        try:  # refuse a document over the size budget before reading its body
            check_size(name or "body", int(declared))
        except TooLargeError as exc:
            return _failure(exc, "/bronnen")
    if content_type.startswith("multipart/form-data"):
        form = await request.form()
        upload: Any = form.get("file")
        if upload is None or not hasattr(upload, "read"):
            return problem_response(
                Problem(400, detail="multipart: no 'file' field", instance="/bronnen")
            )
        data = await upload.read()
        name = name or upload.filename
    else:
        data = await request.body()
        disposition = request.headers.get("content-disposition", "")
        if not name and "filename=" in disposition:
            name = disposition.split("filename=", 1)[1].strip().strip('"')
    if not name:
        return problem_response(
            Problem(
                400,
                detail="name the document: ?naam=file.txt or a file name in "
                "Content-Disposition / the multipart part",
                instance="/bronnen",
            )
        )
    try:
        return SourceText.from_bytes(name, data)
    except BeleidsdataError as exc:
        return _failure(exc, "/bronnen")


@router.post(
    "/bronnen",
    summary="Publish a source document (as beleidsdata ingest does)",
    description="Ingests one document: the text as the body (`text/plain`, named by "
    "`?naam=` or `Content-Disposition: attachment; filename=…`) or as the `file` field of "
    "a multipart form. A document replaces the published one of the same file name. "
    "Answers with the change summary: `201` when the name is new, `200` otherwise "
    "(also when nothing changed), `422` with the violations when the data does not "
    "conform, `400` when the document cannot be read. Needs `Authorization: Bearer TOKEN`.",
    responses={
        200: oa.ok(
            "Published (or unchanged): the change summary.",
            oa.media("application/json", schema=SUMMARY_SCHEMA),
        ),
        201: oa.ok(
            "A new document, published: the change summary.",
            oa.media("application/json", schema=SUMMARY_SCHEMA),
        ),
        400: oa.problem("The document cannot be read.", None, "/bronnen", 400),
        401: UNAUTHORIZED,
        404: NO_PUBLISHING,
        413: oa.problem("The document is too large.", None, "/bronnen", 413),
        422: oa.problem(
            "The data does not conform to the shapes; nothing was stored.", None, "/bronnen", 422
        ),
        503: oa.problem("Another writer holds the store; try again.", None, "/bronnen", 503),
    },
)
async def publish(
    request: Request,
    naam: Annotated[str | None, Query(description="The document's file name.")] = None,
    soort: Annotated[
        str | None, Query(description="Read it as this kind (default: detect).")
    ] = None,
) -> Response:
    who = _publisher(request)
    if isinstance(who, Response):
        return who
    source = await _source(request, naam)
    if isinstance(source, Response):
        return source
    store = store_of(request)
    try:
        result = await run_in_threadpool(
            ingest, store, [source], kind=soort, wait=WAIT, publisher=who
        )
    except BeleidsdataError as exc:
        return _failure(exc, "/bronnen")
    if result.changed:
        await run_in_threadpool(_refresh_dumps, request)
    return _summary(result, 201 if result.new_sources else 200)


@router.delete(
    "/bronnen/{name}",
    summary="Withdraw a published document",
    description="What only this document described gets a delete member (its `/doc` then "
    "answers `410 Gone`); what other documents describe too is rebuilt without it. "
    "Needs `Authorization: Bearer TOKEN`.",
    responses={
        200: oa.ok(
            "Withdrawn: the change summary.", oa.media("application/json", schema=SUMMARY_SCHEMA)
        ),
        401: UNAUTHORIZED,
        404: oa.problem(
            "No document of this name is published (or no tokens).", None, "/bronnen/x.txt", 404
        ),
        503: oa.problem("Another writer holds the store; try again.", None, "/bronnen/x.txt", 503),
    },
)
async def withdraw_source(
    name: Annotated[str, Path(description="The file name it was published under.")],
    request: Request,
) -> Response:
    who = _publisher(request)
    if isinstance(who, Response):
        return who
    store = store_of(request)
    try:
        result = await run_in_threadpool(withdraw, store, [name], wait=WAIT, publisher=who)
    except InputError as exc:
        return problem_response(Problem(404, detail=str(exc), instance=f"/bronnen/{name}"))
    except BeleidsdataError as exc:
        return _failure(exc, f"/bronnen/{name}")
    await run_in_threadpool(_refresh_dumps, request)
    return _summary(result, 200)


def _refresh_dumps(request: Request) -> None:
    """The dumps and the catalogue that lists them, after a publication."""
    from ..ldes.catalog import render_catalog
    from ..store import utc_now

    store = store_of(request)
    try:
        build_dumps(store)
        with store.writing(wait=WAIT):
            render_catalog(store, request.app.state.layout, utc_now())
    except StoreBusy:
        pass  # the next publication rebuilds them
