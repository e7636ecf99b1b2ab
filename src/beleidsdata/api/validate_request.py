"""What a ``POST /validate`` request gives to validate: uploads, pasted text, a URL or the
raw body, each with the syntax it is in.

A multipart or urlencoded form may hold files (``file``, repeatable), pasted text
(``text``, with ``syntax``) and a ``url`` the server fetches when that is enabled; any other
body is one document whose Content-Type names its syntax (``text/plain``: a source
document). Problems are :class:`~beleidsdata.errors.BadRequest` with their status.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from pathlib import PurePath

from fastapi import Request

from ..errors import BadRequest, FetchError
from ..validation.fetch import fetch
from ..validation.inputs import (
    FORMAT_NAMES,
    MEDIA_TYPES,
    RDF_FORMATS,
    TEXT_SUFFIXES,
    format_of_media_type,
    format_of_upload,
    sniff_format,
)
from ..validation.worker import Input
from .validate_settings import ValidationSettings

FORM_TYPES = ("multipart/form-data", "application/x-www-form-urlencoded")


@dataclass
class Received:
    """What the request held, filled as it is read: on an error the form is shown again
    with what was read so far."""

    inputs: list[Input] = field(default_factory=list)
    fields: dict[str, list[str]] = field(default_factory=dict)  # the form's text fields
    pasted: str = ""


async def read_inputs(request: Request, settings: ValidationSettings, into: Received) -> None:
    """Fill ``into`` from the request; :class:`BadRequest` when it cannot be used."""
    content_type = (request.headers.get("content-type") or "").split(";", 1)[0].strip().lower()
    if content_type in FORM_TYPES:
        await _read_form(request, settings, into)
        return
    url = request.query_params.get("url")
    if url and not content_type:
        into.inputs.append(await fetch_input(url, settings))
        return
    fmt = format_of_media_type(content_type)
    if fmt is None:
        raise BadRequest(
            f"Content-Type {content_type or '(none)'} names no syntax we read; "
            "use multipart/form-data, or one of " + ", ".join(sorted(MEDIA_TYPES)),
            415,
        )
    data = await request.body()
    into.inputs.append(Input(request.query_params.get("name") or "body", data, fmt))


async def _read_form(request: Request, settings: ValidationSettings, into: Received) -> None:
    form = await request.form(max_files=20, max_fields=100, max_part_size=settings.max_bytes)
    for key, value in form.multi_items():
        if isinstance(value, str):
            into.fields.setdefault(key, []).append(value)
        elif key == "file" and value.filename:
            data = await value.read()
            if data:
                fmt = format_of_upload(value.filename, value.content_type, data)
                into.inputs.append(Input(value.filename, data, fmt))
    into.pasted = (into.fields.get("text") or [""])[0]
    if into.pasted.strip():
        syntax = (into.fields.get("syntax") or ["auto"])[0]
        data = into.pasted.encode()
        known = syntax in FORMAT_NAMES or syntax == "text"
        into.inputs.append(Input("pasted", data, syntax if known else sniff_format(data) or "text"))
    url = (into.fields.get("url") or [""])[0].strip()
    if url:
        into.inputs.append(await fetch_input(url, settings))


async def fetch_input(url: str, settings: ValidationSettings) -> Input:
    """Fetch a URL to validate, when the server allows it (``403`` otherwise)."""
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
        fmt = format_of_upload(name, declared, got.data)
    else:
        fmt = format_of_media_type(declared) or sniff_format(got.data) or "text"
    return Input(got.url, got.data, fmt)


__all__ = ["Received", "fetch_input", "read_inputs"]
