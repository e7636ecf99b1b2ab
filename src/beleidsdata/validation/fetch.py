"""Fetching data to validate from a URL, for the validation service.

Off unless the service enables it. Only http and https; every address a host name resolves
to (at each redirect) must be public unless private addresses are explicitly allowed (for
tests on loopback), so the validator cannot be used to probe an internal network. The
body is read up to a size limit and the whole fetch has a time limit.
"""

from __future__ import annotations

import ipaddress
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from email.message import Message
from typing import IO

from ..errors import FetchError

MAX_REDIRECTS = 5


@dataclass(frozen=True)
class Fetched:
    url: str
    data: bytes
    media_type: str | None


def _check_host(host: str, port: int, allow_private: bool) -> None:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror:
        raise FetchError(f"{host}: unknown host") from None
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
        if not allow_private and not address.is_global:
            raise FetchError(
                f"{host} resolves to {address}, a private, loopback or reserved address: refused"
            )


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Redirects come back as responses: :func:`fetch` checks each target itself."""

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: Message,
        newurl: str,
    ) -> urllib.request.Request | None:
        return None


def fetch(url: str, *, max_bytes: int, timeout: float, allow_private: bool = False) -> Fetched:
    """GET ``url`` (following up to five redirects, each checked) within the limits."""
    deadline = time.monotonic() + timeout
    opener = urllib.request.build_opener(_NoRedirect())
    for _ in range(MAX_REDIRECTS + 1):
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError(f"{url}: only http and https URLs can be fetched")
        _check_host(
            parts.hostname, parts.port or (443 if parts.scheme == "https" else 80), allow_private
        )
        left = deadline - time.monotonic()
        if left <= 0:
            raise FetchError(f"{url}: no answer within {timeout:g} s")
        request = urllib.request.Request(
            url,
            headers={
                "Accept": "text/turtle, application/n-triples, application/ld+json, "
                "application/rdf+xml, application/n-quads, application/trig, "
                "text/plain;q=0.5, */*;q=0.1",
                "User-Agent": "beleidsdata-validator",
            },
        )
        try:
            response = opener.open(request, timeout=left)
        except urllib.error.HTTPError as exc:
            if exc.code in (301, 302, 303, 307, 308) and exc.headers.get("location"):
                url = urllib.parse.urljoin(url, exc.headers["location"])
                continue
            raise FetchError(f"{url}: the server answered {exc.code}") from None
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise FetchError(f"{url}: cannot be fetched ({reason})") from None
        with response:
            length = response.headers.get("content-length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise FetchError(
                    f"{url}: {int(length)} bytes, more than the limit of {max_bytes} bytes"
                )
            chunks, size = [], 0
            while True:
                if time.monotonic() > deadline:
                    raise FetchError(f"{url}: not fetched within {timeout:g} s")
                try:
                    chunk = response.read(65536)
                except (OSError, TimeoutError):
                    raise FetchError(f"{url}: not fetched within {timeout:g} s") from None
                if not chunk:
                    break
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(f"{url}: more than the limit of {max_bytes} bytes")
                chunks.append(chunk)
            media_type = (
                response.headers.get_content_type()
                if response.headers.get("content-type")
                else None
            )
            return Fetched(url, b"".join(chunks), media_type)
    raise FetchError(f"{url}: more than {MAX_REDIRECTS} redirects")


__all__ = ["FetchError", "Fetched", "fetch"]
