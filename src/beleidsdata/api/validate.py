"""``/validate``: SHACL validation for data stewards, as an API and as an HTML form.

``POST /validate`` takes RDF (Turtle, N-Triples, N-Quads, TriG, JSON-LD, RDF/XML) or a source
document (converted first): as a multipart upload (field ``file``, repeatable; or ``text``,
pasted; or ``url``, fetched by the server when that is enabled), or as the raw body with a
``Content-Type`` naming the syntax (``text/plain`` for a source document). ``area``
(repeatable) picks profile areas, ``lang`` (or ``Accept-Language``) the language of the
messages, ``Accept`` (or ``format``) the report: JSON-LD or Turtle ``sh:ValidationReport``,
CSV, HTML or plain JSON. ``GET /validate`` is the form; it works without JavaScript.

Validation runs in a separate process (a forkserver child) that is killed when it exceeds
its time budget; at most ``concurrency`` validations run at once, more get ``429`` with
``Retry-After``. Request bodies are limited in size (``413``).
"""

from __future__ import annotations

import asyncio
import json
import multiprocessing
import os
import time
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from ..errors import BadRequest, ValidationTimeout
from ..validation import AreaError, ValidationReport, areas, normalise_areas
from ..validation import reports as report_formats
from ..validation.inputs import (
    FORMAT_NAMES,
    RDF_FORMATS,
    TEXT_SUFFIXES,
    RDFSyntaxError,
    format_of_media_type,
    sniff_format,
)
from . import openapi as oa
from .negotiation import choose
from .problems import Problem, problem_response

router = APIRouter()

REPORT_TYPES = ["application/ld+json", "application/json", "text/turtle", "text/csv", "text/html"]
FORMAT_PARAM = {
    "jsonld": "application/ld+json",
    "json": "application/json",
    "ttl": "text/turtle",
    "turtle": "text/turtle",
    "csv": "text/csv",
    "html": "text/html",
}
MB = 1024 * 1024


def _env_int(name: str, default: int) -> int:
    try:
        return int(os.environ.get(name, "") or default)
    except ValueError:
        return default


def _env_float(name: str, default: float) -> float:
    try:
        return float(os.environ.get(name, "") or default)
    except ValueError:
        return default


def _env_flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in ("1", "true", "yes", "on")


@dataclass(frozen=True)
class ValidationSettings:
    """Limits of the validation service (``serve`` options, or these environment
    variables: BELEIDSDATA_VALIDATE_MAX_BYTES, _TIMEOUT, _CONCURRENCY, _FETCH,
    _FETCH_MAX_BYTES, _FETCH_TIMEOUT, _FETCH_ALLOW_PRIVATE)."""

    max_bytes: int = 50 * MB  # request body limit (every request), 413 beyond
    timeout: float = 60.0  # seconds a validation may take
    concurrency: int = 2  # validations at once; 429 beyond
    fetch: bool = False  # may the server fetch a URL to validate?
    fetch_max_bytes: int = 20 * MB
    fetch_timeout: float = 20.0
    fetch_allow_private: bool = False  # loopback/private addresses (tests only)

    @classmethod
    def from_env(cls) -> ValidationSettings:
        d = cls()
        return cls(
            max_bytes=_env_int("BELEIDSDATA_VALIDATE_MAX_BYTES", d.max_bytes),
            timeout=_env_float("BELEIDSDATA_VALIDATE_TIMEOUT", d.timeout),
            concurrency=max(1, _env_int("BELEIDSDATA_VALIDATE_CONCURRENCY", d.concurrency)),
            fetch=_env_flag("BELEIDSDATA_VALIDATE_FETCH"),
            fetch_max_bytes=_env_int("BELEIDSDATA_VALIDATE_FETCH_MAX_BYTES", d.fetch_max_bytes),
            fetch_timeout=_env_float("BELEIDSDATA_VALIDATE_FETCH_TIMEOUT", d.fetch_timeout),
            fetch_allow_private=_env_flag("BELEIDSDATA_VALIDATE_FETCH_ALLOW_PRIVATE"),
        )


def settings_of(app: Any) -> ValidationSettings:
    settings = getattr(app.state, "validation", None)
    if settings is None:
        settings = app.state.validation = ValidationSettings.from_env()
    return settings


# --------------------------------------------------------------------------- body size


class BodySizeLimit:
    """Pure ASGI middleware: a request body over the limit gets ``413`` problem+json, from
    its Content-Length at once, or while it streams in (chunked uploads)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = settings_of(scope["app"]).max_bytes if "app" in scope else 50 * MB
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None and length.isdigit() and int(length) > limit:
            await self._too_large(scope, send, limit)
            return
        if length is not None or scope.get("method") not in ("POST", "PUT", "PATCH"):
            await self.app(scope, receive, send)  # the server holds the body to its length
            return
        # No Content-Length (chunked): read the body up to the limit first, then replay it.
        messages, seen = [], 0
        while True:
            message = await receive()
            messages.append(message)
            if message["type"] != "http.request":
                break
            seen += len(message.get("body", b""))
            if seen > limit:
                await self._too_large(scope, send, limit)
                return
            if not message.get("more_body"):
                break

        async def replay() -> dict:
            return messages.pop(0) if messages else await receive()

        await self.app(scope, replay, send)

    @staticmethod
    async def _too_large(scope: dict, send: Any, limit: int) -> None:
        body = json.dumps(
            {
                "type": "about:blank",
                "title": "Content Too Large",
                "status": 413,
                "detail": f"the request body is larger than the limit of {limit} bytes "
                f"({limit / MB:g} MB); validate a smaller file, or use the command "
                "line (beleidsdata validate), which has no limit",
                "limit": limit,
                "instance": scope.get("path", ""),
            }
        ).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", b"application/problem+json"),
                    (b"cache-control", b"no-store"),
                    (b"connection", b"close"),
                    (b"content-length", str(len(body)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})


def install(app: Any) -> None:
    """Register the router and the body-size limit on an application."""
    settings_of(app)
    app.state.validations_running = 0
    app.include_router(router)
    app.add_middleware(BodySizeLimit)


# --------------------------------------------------------------------------- the work


@dataclass(frozen=True)
class Input:
    name: str
    data: bytes
    fmt: str  # an rdflib syntax, or "text" for a source document


def _job(
    inputs: list[Input], chosen: tuple[str, ...], kind: str | None, base_iri: str
) -> tuple[str, Any]:
    """Parse, convert and validate; runs in the worker process."""
    import rdflib

    from ..pipeline import convert
    from ..sources import SourceError, SourceText
    from ..validation import validate_graph, with_sources
    from ..validation.inputs import parse_bytes

    try:
        graph = rdflib.Graph()
        texts = []
        for item in inputs:
            if item.fmt == "text":
                texts.append(SourceText.from_bytes(item.name, item.data))
            else:
                parse_bytes(graph, item.data, item.name, item.fmt)
        lines: dict[str, list[str]] = {}
        if texts:
            from ..mapping.terms import to_ntriples

            conversion = convert(texts, base_iri, kind)
            graph.parse(data=to_ntriples(conversion.triples()), format="nt")
            for doc in conversion.documents:
                lines[conversion.minter.source(doc.source.stem)] = list(doc.source.lines)
    except (RDFSyntaxError, SourceError) as exc:
        return "input", str(exc)
    except ValueError as exc:
        return "input", str(exc)
    # the fast engine (validation.engine): the same results as pyshacl, much sooner
    report = validate_graph(graph, chosen, provenance=False, engine="fast")
    report.results = with_sources(report.results, graph, lines)
    return "ok", report


def _child(conn: Any, args: tuple) -> None:
    try:
        conn.send(_job(*args))
    except BaseException as exc:  # report, never hang the parent
        conn.send(("error", f"{type(exc).__name__}: {str(exc)[:300]}"))
    finally:
        conn.close()


_CONTEXT: Any = None


def _context() -> Any:
    global _CONTEXT
    if _CONTEXT is None:
        _CONTEXT = multiprocessing.get_context("forkserver")
        _CONTEXT.set_forkserver_preload(["beleidsdata.api.validate", "pyshacl", "rdflib"])
    return _CONTEXT


async def run_validation(
    inputs: list[Input], chosen: tuple[str, ...], kind: str | None, base_iri: str, timeout: float
) -> tuple[str, Any]:
    """Run :func:`_job` in a child process; kill it when it takes longer than ``timeout``."""
    ctx = _context()
    parent, child = ctx.Pipe(duplex=False)
    process = ctx.Process(
        target=_child, args=(child, (inputs, chosen, kind, base_iri)), daemon=True
    )
    deadline = time.monotonic() + timeout
    try:
        await asyncio.to_thread(process.start)
        child.close()
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise ValidationTimeout
            if await asyncio.to_thread(parent.poll, min(left, 0.5)):
                try:
                    return await asyncio.to_thread(parent.recv)
                except EOFError:
                    return "error", "the validation process ended without an answer"
            if not process.is_alive() and not parent.poll():
                return "error", f"the validation process died (exit code {process.exitcode})"
    finally:
        if process.is_alive():
            process.kill()
        await asyncio.to_thread(process.join, 5)
        parent.close()


# --------------------------------------------------------------------------- requests


WORDS: dict[str, dict[str, str]] = {
    "title": {"nl": "Valideer gegevens", "en": "Validate data"},
    "intro": {
        "nl": "Controleer RDF-gegevens (Turtle, N-Triples, JSON-LD, RDF/XML, N-Quads, "
        "TriG) of een brondocument tegen de SHACL-shapes van beleidsdata.",
        "en": "Check RDF data (Turtle, N-Triples, JSON-LD, RDF/XML, N-Quads, TriG) or "
        "a source document against the beleidsdata SHACL shapes.",
    },
    "file": {"nl": "Bestand", "en": "File"},
    "paste": {"nl": "Of plak de gegevens hier", "en": "Or paste the data here"},
    "syntax": {"nl": "Formaat van de geplakte tekst", "en": "Format of the pasted text"},
    "auto": {"nl": "automatisch herkennen", "en": "detect automatically"},
    "source": {"nl": "brondocument (tekst)", "en": "source document (text)"},
    "url": {"nl": "Of een URL (de server haalt ze op)", "en": "Or a URL (fetched by the server)"},
    "areas": {"nl": "Profielgebieden", "en": "Profile areas"},
    "all_areas": {"nl": "alle (niets aangevinkt)", "en": "all (none ticked)"},
    "language": {"nl": "Taal van de meldingen", "en": "Language of the messages"},
    "format": {"nl": "Rapport", "en": "Report"},
    "submit": {"nl": "Valideer", "en": "Validate"},
    "report": {"nl": "Validatierapport", "en": "Validation report"},
    "conforms": {
        "nl": "De gegevens voldoen aan de shapes.",
        "en": "The data conforms to the shapes.",
    },
    "not_conforms": {
        "nl": "De gegevens voldoen niet aan de shapes.",
        "en": "The data does not conform to the shapes.",
    },
    "Violation": {"nl": "Overtredingen", "en": "Violations"},
    "Warning": {"nl": "Waarschuwingen", "en": "Warnings"},
    "Info": {"nl": "Info", "en": "Info"},
    "severity": {"nl": "Ernst", "en": "Severity"},
    "focus": {"nl": "Knoop", "en": "Focus node"},
    "path": {"nl": "Pad", "en": "Path"},
    "value": {"nl": "Waarde", "en": "Value"},
    "message": {"nl": "Melding", "en": "Message"},
    "rule": {"nl": "Regel (shape)", "en": "Rule (shape)"},
    "lines": {"nl": "Bronregels", "en": "Source lines"},
    "by_focus": {"nl": "Per knoop", "en": "By focus node"},
    "by_rule": {"nl": "Per regel", "en": "By rule"},
    "results": {"nl": "resultaten", "en": "results"},
    "nodes": {"nl": "knopen", "en": "nodes"},
    "triples": {"nl": "triples gevalideerd", "en": "triples validated"},
    "area_used": {"nl": "Gebieden", "en": "Areas"},
    "all": {"nl": "alle", "en": "all"},
    "error": {"nl": "Fout", "en": "Error"},
}


def words(lang: str) -> dict[str, str]:
    return {k: v.get(lang, v["en"]) for k, v in WORDS.items()}


def report_html(report: ValidationReport, lang: str = "nl", **context: Any) -> bytes:
    """The HTML report as a page of its own (also ``beleidsdata validate --format html``)."""
    from ..site.render import render

    return render(
        "report.html.j2",
        lang=lang,
        w=words(lang),
        report=report_formats.view(report, lang),
        **context,
    )


def _form_html(
    lang: str,
    *,
    report: ValidationReport | None = None,
    error: str | None = None,
    chosen: tuple[str, ...] = (),
    text: str = "",
    fetch: bool = False,
) -> bytes:
    from ..site.render import render

    return render(
        "validate.html.j2",
        lang=lang,
        w=words(lang),
        areas=areas(),
        path="/validate",
        chosen=list(chosen),
        error=error,
        text=text,
        fetch=fetch,
        formats=[("auto", None), *FORMAT_NAMES.items(), ("text", None)],
        report=report_formats.view(report, lang) if report else None,
    )


def _language(request: Request, form_lang: str | None = None) -> str:
    from ..site.i18n import pick_language

    return pick_language(
        form_lang or request.query_params.get("lang"), request.headers.get("accept-language")
    )


def _format_of_upload(name: str, declared: str | None, data: bytes) -> str:
    suffix = PurePath(name).suffix.lower()
    if suffix in RDF_FORMATS:
        return RDF_FORMATS[suffix]
    if suffix in TEXT_SUFFIXES:
        return "text"
    by_type = format_of_media_type(declared)
    if by_type and by_type != "text":
        return by_type
    return sniff_format(data) or "text"


@router.get(
    "/validate",
    summary="The validation form (HTML, works without JavaScript)",
    tags=["validation"],
    **oa.VALIDATE_FORM,
)
def validate_form(request: Request) -> Response:
    lang = _language(request)
    body = _form_html(lang, fetch=settings_of(request.app).fetch)
    return Response(
        body,
        media_type="text/html; charset=utf-8",
        headers={
            "Content-Language": lang,
            "Cache-Control": "public, max-age=300",
            "Vary": "Accept, Accept-Language",
        },
    )


@router.post(
    "/validate",
    tags=["validation"],
    summary="Validate RDF or a source document against the SHACL shapes",
    description="Multipart (`file`, `text` + `syntax`, `url`; `area`, `lang`, `format`, "
    "`kind`) or a raw body whose Content-Type names the RDF syntax "
    "(`text/plain`: a source document; query parameters `area`, `lang`, "
    "`kind`, `format`). `Accept` picks the report: " + ", ".join(REPORT_TYPES) + ".",
    responses={
        200: {"content": {t: {} for t in REPORT_TYPES}},
        400: {"description": "unreadable input (names the line)"},
        403: {"description": "fetching a URL is not enabled"},
        406: {"description": "no acceptable report type"},
        413: {"description": "body too large"},
        415: {"description": "Content-Type names no syntax we read"},
        422: {"description": "too slow"},
        429: {"description": "too many validations at once"},
    },
)
async def validate_post(request: Request) -> Response:
    settings = settings_of(request.app)
    params = request.query_params
    form_fields: dict[str, list[str]] = {}
    inputs: list[Input] = []
    pasted = ""
    content_type = (request.headers.get("content-type") or "").split(";", 1)[0].strip().lower()
    accept = request.headers.get("accept")
    try:
        if content_type in ("multipart/form-data", "application/x-www-form-urlencoded"):
            form = await request.form(
                max_files=20, max_fields=100, max_part_size=settings.max_bytes
            )
            for key, value in form.multi_items():
                if isinstance(value, str):
                    form_fields.setdefault(key, []).append(value)
                elif key == "file" and value.filename:
                    data = await value.read()
                    if data:
                        inputs.append(
                            Input(
                                value.filename,
                                data,
                                _format_of_upload(value.filename, value.content_type, data),
                            )
                        )
            pasted = (form_fields.get("text") or [""])[0]
            if pasted.strip():
                syntax = (form_fields.get("syntax") or ["auto"])[0]
                data = pasted.encode()
                fmt = (
                    syntax
                    if syntax in FORMAT_NAMES or syntax == "text"
                    else (sniff_format(data) or "text")
                )
                inputs.append(Input("pasted", data, fmt))
            url = (form_fields.get("url") or [""])[0].strip()
            if url:
                inputs.append(await _fetch_input(url, settings))
        else:
            fmt = format_of_media_type(content_type)
            url = params.get("url")
            if url and not content_type:
                inputs.append(await _fetch_input(url, settings))
            else:
                if fmt is None:
                    raise BadRequest(
                        f"Content-Type {content_type or '(none)'} names no syntax we read; "
                        "use multipart/form-data, or one of "
                        + ", ".join(sorted(t for t in _media_types())),
                        415,
                    )
                data = await request.body()
                inputs.append(Input(params.get("name") or "body", data, fmt))
    except BadRequest as exc:
        return _error(request, exc.status, str(exc), accept, form_fields)

    def field(name: str) -> list[str]:
        return form_fields.get(name) or params.getlist(name)

    lang = _language(request, (field("lang") or [None])[0])
    wanted = (field("format") or [None])[0]
    media_type = FORMAT_PARAM.get(wanted or "") or choose(accept, REPORT_TYPES)
    if media_type is None:
        return problem_response(
            Problem(
                406,
                detail="available report types: " + ", ".join(REPORT_TYPES),
                instance="/validate",
            ),
            extra={"available": REPORT_TYPES},
        )
    try:
        chosen = normalise_areas([a for v in field("area") for a in v.split(",")])
    except AreaError as exc:
        return _error(request, 400, str(exc), accept, form_fields, lang)
    kind = (field("kind") or [None])[0] or None
    if not inputs:
        return _error(
            request,
            400,
            "nothing to validate: give a file, pasted text or a URL",
            accept,
            form_fields,
            lang,
        )

    running = getattr(request.app.state, "validations_running", 0)
    if running >= settings.concurrency:
        retry = max(1, int(settings.timeout // 4) or 1)
        return problem_response(
            Problem(
                429,
                detail=f"{running} validation(s) running, the limit is "
                f"{settings.concurrency}; retry after {retry} s",
                instance="/validate",
            ),
            headers={"Retry-After": str(retry)},
        )
    request.app.state.validations_running = running + 1
    try:
        status, payload = await run_validation(
            inputs, chosen, kind, request.app.state.store.base_iri, settings.timeout
        )
    except ValidationTimeout:
        return _error(
            request,
            422,
            f"the validation took longer than its time budget of "
            f"{settings.timeout:g} s and was stopped; validate a smaller file, "
            "fewer areas, or use the command line (beleidsdata validate)",
            accept,
            form_fields,
            lang,
        )
    finally:
        request.app.state.validations_running -= 1
    if status == "input":
        return _error(request, 400, payload, accept, form_fields, lang)
    if status != "ok":
        return _error(request, 500, f"validation failed: {payload}", accept, form_fields, lang)
    report: ValidationReport = payload
    return _report_response(report, media_type, lang, chosen, pasted, settings)


def _media_types() -> list[str]:
    from ..validation.inputs import MEDIA_TYPES

    return list(MEDIA_TYPES)


async def _fetch_input(url: str, settings: ValidationSettings) -> Input:
    from ..validation.fetch import FetchError, fetch

    if not settings.fetch:
        raise BadRequest(
            "fetching a URL is not enabled on this server (serve "
            "--validate-fetch); upload the file instead",
            403,
        )
    try:
        got = await asyncio.to_thread(
            fetch,
            url,
            max_bytes=settings.fetch_max_bytes,
            timeout=settings.fetch_timeout,
            allow_private=settings.fetch_allow_private,
        )
    except FetchError as exc:
        raise BadRequest(str(exc), 400) from None
    name = PurePath(got.url.split("?", 1)[0]).name or got.url
    declared = got.media_type if got.media_type not in (None, "application/octet-stream") else None
    suffix = PurePath(name).suffix.lower()
    if suffix in RDF_FORMATS or suffix in TEXT_SUFFIXES or declared is None:
        fmt = _format_of_upload(name, declared, got.data)
    else:
        fmt = format_of_media_type(declared) or sniff_format(got.data) or "text"
    return Input(got.url, got.data, fmt)


def _error(
    request: Request,
    status: int,
    detail: str,
    accept: str | None,
    form_fields: dict[str, list[str]],
    lang: str | None = None,
) -> Response:
    wanted = (form_fields.get("format") or request.query_params.getlist("format") or [None])[0]
    html = wanted == "html" or (
        wanted is None
        and choose(accept, REPORT_TYPES) == "text/html"
        and "text/html" in (accept or "")
    )
    if html:
        lang = lang or _language(request)
        try:
            chosen = normalise_areas(form_fields.get("area") or [])
        except AreaError:
            chosen = ()
        body = _form_html(
            lang,
            error=detail,
            chosen=chosen,
            text=(form_fields.get("text") or [""])[0],
            fetch=settings_of(request.app).fetch,
        )
        return Response(
            body,
            status_code=status,
            media_type="text/html; charset=utf-8",
            headers={"Cache-Control": "no-store", "Content-Language": lang},
        )
    return problem_response(Problem(status, detail=detail, instance="/validate"))


def _report_response(
    report: ValidationReport,
    media_type: str,
    lang: str,
    chosen: tuple[str, ...],
    pasted: str,
    settings: ValidationSettings,
) -> Response:
    headers = {
        "Cache-Control": "no-store",
        "Content-Language": lang,
        "Vary": "Accept, Accept-Language",
    }
    if media_type == "application/ld+json":
        body = report_formats.to_jsonld(report).encode()
    elif media_type == "application/json":
        body = report.to_json(lang).encode()
    elif media_type == "text/turtle":
        body = report_formats.to_turtle(report).encode()
        media_type += "; charset=utf-8"
    elif media_type == "text/csv":
        body = report_formats.to_csv(report, lang).encode()
        media_type += "; charset=utf-8"
        headers["Content-Disposition"] = 'attachment; filename="validatierapport.csv"'
    else:
        body = _form_html(lang, report=report, chosen=chosen, text=pasted, fetch=settings.fetch)
        media_type = "text/html; charset=utf-8"
    return Response(body, media_type=media_type, headers=headers)


__all__ = ["BodySizeLimit", "ValidationSettings", "install", "report_html", "router"]
