"""Fetching data to validate from a URL, for the validation service.

Off unless the service enables it. Only http and https. The host is resolved once; every
address it resolves to must be public (not private, loopback, link-local, multicast,
reserved or unspecified, also when written as a decimal, octal or hexadecimal number or
as an IPv4-mapped IPv6 address) unless private addresses are explicitly allowed (for tests
on loopback); and the connection goes to an address that was checked, with the host name
kept for the ``Host`` header and TLS (SNI and the certificate). Resolving again to connect
would let a name that answers a public address first and ``127.0.0.1`` next (DNS
rebinding) reach the internal network. Every redirect is checked the same way. The body
is read up to a size limit and the whole fetch has a time limit.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass

from ..errors import FetchError

MAX_REDIRECTS = 5
REDIRECTS = (301, 302, 303, 307, 308)
ACCEPT = (
    "text/turtle, application/n-triples, application/ld+json, application/rdf+xml, "
    "application/n-quads, application/trig, text/plain;q=0.5, */*;q=0.1"
)
_NAT64 = ipaddress.ip_network("64:ff9b::/96")

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
#: Host name and port → the addresses it resolves to (a test passes its own).
Resolver = Callable[[str, int], list[str]]


@dataclass(frozen=True)
class Fetched:
    url: str
    data: bytes
    media_type: str | None


def system_resolve(host: str, port: int) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise FetchError(f"{host}: unknown host") from None
    return [str(info[4][0]) for info in infos]


def literal_address(host: str) -> Address | None:
    """The address a host names by itself, in any notation the C library would accept
    (``2130706433``, ``0177.0.0.1``, ``0x7f.1``, ``[::ffff:127.0.0.1]``); None for a name."""
    host = host.strip("[]").split("%", 1)[0]
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        pass
    try:
        return ipaddress.IPv4Address(socket.inet_aton(host))
    except (OSError, ValueError):
        return None


def is_public(address: Address) -> bool:
    """Whether an address is on the public internet; an IPv6 address that carries an IPv4
    one (mapped, NAT64) is judged by the IPv4 address."""
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return is_public(address.ipv4_mapped)
        if address in _NAT64:
            return is_public(ipaddress.IPv4Address(int(address) & 0xFFFFFFFF))
    return address.is_global and not address.is_multicast


def checked_addresses(host: str, port: int, allow_private: bool, resolve: Resolver) -> list[str]:
    """The addresses to connect to: resolved once, every one of them public."""
    literal = literal_address(host)
    answers = [str(literal)] if literal is not None else resolve(host, port)
    if not answers:
        raise FetchError(f"{host}: unknown host")
    out = []
    for answer in answers:
        address = ipaddress.ip_address(answer.split("%", 1)[0])
        if not allow_private and not is_public(address):
            raise FetchError(
                f"{host} resolves to {address}, a private, loopback, link-local, multicast "
                "or reserved address: refused"
            )
        out.append(answer)
    return out


class _PinnedHTTP(http.client.HTTPConnection):
    """An HTTP connection to a checked address; ``Host`` stays the URL's host."""

    def __init__(self, host: str, port: int, address: str, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self.address = address

    def connect(self) -> None:
        self.sock = socket.create_connection((self.address, self.port), self.timeout)


class _PinnedHTTPS(_PinnedHTTP):
    """TLS to a checked address, with SNI and the certificate checked for the host name."""

    def connect(self) -> None:
        super().connect()
        context = ssl.create_default_context()
        self.sock = context.wrap_socket(self.sock, server_hostname=self.host)


def fetch(
    url: str,
    *,
    max_bytes: int,
    timeout: float,
    allow_private: bool = False,
    resolve: Resolver = system_resolve,
) -> Fetched:
    """GET ``url`` (following up to five redirects, each checked) within the limits."""
    deadline = time.monotonic() + timeout
    for _ in range(MAX_REDIRECTS + 1):
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError(f"{url}: only http and https URLs can be fetched")
        try:
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError:
            raise FetchError(f"{url}: not a valid port") from None
        addresses = checked_addresses(parts.hostname, port, allow_private, resolve)
        response, connection = _open(url, parts, port, addresses, deadline, timeout)
        try:
            location = response.getheader("location")
            if response.status in REDIRECTS and location:
                url = urllib.parse.urljoin(url, location)
                continue
            if response.status >= 400:
                raise FetchError(f"{url}: the server answered {response.status}")
            return Fetched(url, _read(response, url, max_bytes, deadline, timeout), _type(response))
        finally:
            connection.close()
    raise FetchError(f"{url}: more than {MAX_REDIRECTS} redirects")


def _open(
    url: str,
    parts: urllib.parse.SplitResult,
    port: int,
    addresses: list[str],
    deadline: float,
    timeout: float,
) -> tuple[http.client.HTTPResponse, _PinnedHTTP]:
    """Send the request to the first checked address that answers."""
    pinned = _PinnedHTTPS if parts.scheme == "https" else _PinnedHTTP
    target = urllib.parse.urlunsplit(("", "", parts.path or "/", parts.query, ""))
    error: Exception | None = None
    for address in addresses:
        left = deadline - time.monotonic()
        if left <= 0:
            break
        connection = pinned(parts.hostname or "", port, address, left)
        try:
            connection.request(
                "GET", target, headers={"Accept": ACCEPT, "User-Agent": "beleidsdata-validator"}
            )
            return connection.getresponse(), connection
        except (OSError, http.client.HTTPException) as exc:
            connection.close()
            error = exc
    if error is None:
        raise FetchError(f"{url}: no answer within {timeout:g} s")
    raise FetchError(f"{url}: cannot be fetched ({error})")


def _read(
    response: http.client.HTTPResponse, url: str, max_bytes: int, deadline: float, timeout: float
) -> bytes:
    length = response.getheader("content-length")
    if length and length.isdigit() and int(length) > max_bytes:
        raise FetchError(f"{url}: {int(length)} bytes, more than the limit of {max_bytes} bytes")
    chunks: list[bytes] = []
    size = 0
    while True:
        if time.monotonic() > deadline:
            raise FetchError(f"{url}: not fetched within {timeout:g} s")
        try:
            chunk = response.read(65536)
        except (OSError, http.client.HTTPException):
            raise FetchError(f"{url}: not fetched within {timeout:g} s") from None
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"{url}: more than the limit of {max_bytes} bytes")
        chunks.append(chunk)


def _type(response: http.client.HTTPResponse) -> str | None:
    return response.headers.get_content_type() if response.getheader("content-type") else None


__all__ = [
    "FetchError",
    "Fetched",
    "checked_addresses",
    "fetch",
    "is_public",
    "literal_address",
    "system_resolve",
]
