"""``/validate``: SHACL validation for data stewards, as an API and as an HTML form.

``POST /validate`` takes RDF (Turtle, N-Triples, N-Quads, TriG, JSON-LD, RDF/XML) or a source
document (converted first): as a multipart upload (field ``file``, repeatable; or ``text``,
pasted; or ``url``, fetched by the server when that is enabled), or as the raw body with a
``Content-Type`` naming the syntax (``text/plain`` for a source document). ``area``
(repeatable) picks profile areas, ``lang`` (or ``Accept-Language``) the language of the
messages, ``Accept`` (or ``format``) the report: JSON-LD or Turtle ``sh:ValidationReport``,
CSV, HTML or plain JSON. ``GET /validate`` is the form; it works without JavaScript.

Reading the request is :mod:`.validate_request`; the validation runs in a child process
(:mod:`beleidsdata.validation.worker`) that is killed when it exceeds its time budget; at
most ``concurrency`` validations run at once, more get ``429`` with ``Retry-After``.
Request bodies are limited in size (``413``, :class:`.middleware.BodySizeLimit`); the
limits are :mod:`.validate_settings`. The pages are rendered by
:mod:`beleidsdata.web.report`.
"""

from __future__ import annotations

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import Response

from ..errors import AreaError, BadRequest, InputError, TooLargeError, ValidationTimeout
from ..pipeline import convert_to_validate
from ..validation import ValidationReport, normalise_areas
from ..validation import reports as report_formats
from ..validation.guards import precheck
from ..validation.pdf import to_pdf
from ..validation.worker import Failed, Job, Refused, run_validation
from ..web.i18n import pick_language
from ..web.report import form_html
from . import openapi as oa
from .middleware import BodySizeLimit
from .negotiation import choose
from .problems import Problem, problem_response
from .validate_request import Received, read_inputs
from .validate_settings import ValidationSettings, settings_of

router = APIRouter()

REPORT_TYPES = [
    "application/ld+json",
    "application/json",
    "text/turtle",
    "text/csv",
    "text/html",
    "application/pdf",
]
FORMAT_PARAM = {
    "jsonld": "application/ld+json",
    "json": "application/json",
    "ttl": "text/turtle",
    "turtle": "text/turtle",
    "csv": "text/csv",
    "html": "text/html",
    "pdf": "application/pdf",
}
SEVERITY_PARAM = {"violation": "Violation", "warning": "Warning", "info": "Info"}


def install(app: FastAPI) -> None:
    """Register the router and the body-size limit on an application."""
    settings_of(app)
    app.state.validations_running = 0
    app.include_router(router)
    app.add_middleware(BodySizeLimit)


def _language(request: Request, form_lang: str | None = None) -> str:
    return pick_language(
        form_lang or request.query_params.get("lang"), request.headers.get("accept-language")
    )


@router.get(
    "/validate",
    summary="The validation form (HTML, works without JavaScript)",
    tags=["validation"],
    **oa.VALIDATE_FORM,
)
def validate_form(request: Request) -> Response:
    lang = _language(request)
    body = form_html(lang, fetch=settings_of(request.app).fetch)
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
        413: {"description": "body too large, or a source document over its budget"},
        415: {"description": "Content-Type names no syntax we read"},
        422: {"description": "too slow"},
        429: {"description": "too many validations at once"},
    },
)
async def validate_post(request: Request) -> Response:
    settings = settings_of(request.app)
    accept = request.headers.get("accept")
    received = Received()
    try:
        await read_inputs(request, settings, received)
    except BadRequest as exc:
        return _error(request, exc.status, str(exc), accept, received.fields)

    def field(name: str) -> list[str]:
        return received.fields.get(name) or request.query_params.getlist(name)

    def first(name: str) -> str | None:
        return next(iter(field(name)), None)

    lang = _language(request, first("lang"))
    media_type = FORMAT_PARAM.get(first("format") or "") or choose(accept, REPORT_TYPES)
    if media_type is None:
        return problem_response(
            Problem(
                406,
                detail="available report types: " + ", ".join(REPORT_TYPES),
                instance="/validate",
            ),
            extra={"available": REPORT_TYPES},
        )

    def error(status: int, detail: str) -> Response:
        return _error(request, status, detail, accept, received.fields, lang)

    try:
        chosen = normalise_areas([a for v in field("area") for a in v.split(",")])
    except AreaError as exc:
        return error(400, str(exc))
    if not received.inputs:
        return error(400, "nothing to validate: give a file, pasted text or a URL")
    try:
        for item in received.inputs:
            precheck(item.name, item.data, item.fmt)
    except InputError as exc:
        return error(413 if isinstance(exc, TooLargeError) else 400, str(exc))

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
    job = Job(
        tuple(received.inputs),
        chosen,
        first("kind") or None,
        request.app.state.store.base_iri,
        convert_to_validate,
    )
    try:
        outcome = await run_validation(job, settings.timeout)
    except ValidationTimeout:
        return error(
            422,
            f"the validation took longer than its time budget of "
            f"{settings.timeout:g} s and was stopped; validate a smaller file, "
            "fewer areas, or use the command line (beleidsdata validate)",
        )
    finally:
        request.app.state.validations_running -= 1
    if isinstance(outcome, Refused):
        return error(outcome.status, outcome.reason)
    if isinstance(outcome, Failed):
        return error(500, f"validation failed: {outcome.reason}")
    severity = SEVERITY_PARAM.get((first("severity") or "info").lower())
    if severity is None:
        return error(400, "severity: expected violation, warning or info")
    return _report_response(
        outcome.report, media_type, lang, chosen, received.pasted, settings, severity
    )


def _error(
    request: Request,
    status: int,
    detail: str,
    accept: str | None,
    form_fields: dict[str, list[str]],
    lang: str | None = None,
) -> Response:
    """problem+json, or the form again with the error when the client asked for HTML."""
    formats = form_fields.get("format") or request.query_params.getlist("format")
    wanted = formats[0] if formats else None
    html = wanted == "html" or (
        wanted is None
        and choose(accept, REPORT_TYPES) == "text/html"
        and "text/html" in (accept or "")
    )
    if not html:
        return problem_response(Problem(status, detail=detail, instance="/validate"))
    lang = lang or _language(request)
    try:
        chosen = normalise_areas(form_fields.get("area") or [])
    except AreaError:
        chosen = ()
    body = form_html(
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


def _report_response(
    report: ValidationReport,
    media_type: str,
    lang: str,
    chosen: tuple[str, ...],
    pasted: str,
    settings: ValidationSettings,
    severity: str = "Info",
) -> Response:
    headers = {
        "Cache-Control": "no-store",
        "Content-Language": lang,
        "Vary": "Accept, Accept-Language",
    }
    full = report
    report = ValidationReport(  # what is shown: this severity and worse (the verdict stays)
        full.conforms,
        report_formats.at_least(full, severity),
        full.focus_count,
        full.areas,
        full.triples,
    )
    if media_type == "application/pdf":
        body = to_pdf(full, lang, severity)
        headers["Content-Disposition"] = 'attachment; filename="validatierapport.pdf"'
    elif media_type == "application/ld+json":
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
        body = form_html(
            lang, report=full, chosen=chosen, text=pasted, fetch=settings.fetch, severity=severity
        )
        media_type = "text/html; charset=utf-8"
    return Response(body, media_type=media_type, headers=headers)


__all__ = ["REPORT_TYPES", "ValidationSettings", "install", "router"]
