"""Fetch by URL (issue 15, item 4): the host is resolved once, every address checked in
every notation, the connection goes to the checked address, each redirect is checked.

A resolver that answers a public address first and 127.0.0.1 after (DNS rebinding) must not
bring the fetch to a server on loopback."""

from __future__ import annotations

import shutil
import socket
import ssl
import subprocess
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from beleidsdata.errors import FetchError
from beleidsdata.validation.fetch import checked_addresses, fetch, is_public, literal_address


class _Secret(BaseHTTPRequestHandler):
    """An internal service: answers with a secret, a redirect, or says who asked for it."""

    hits: list[str] = []  # noqa: RUF012

    def do_GET(self) -> None:
        self.hits.append(f"{self.headers.get('Host')} {self.path}")
        if self.path.startswith("/redirect"):
            self.send_response(302)
            self.send_header("Location", self.path.split("to=", 1)[1])
            self.end_headers()
            return
        body = b"<http://e/a> <http://e/p> <http://e/secret> .\n"
        self.send_response(200)
        self.send_header("Content-Type", "application/n-triples")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def internal() -> Iterator[int]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Secret)
    _Secret.hits = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield int(server.server_address[1])
    server.shutdown()


def test_a_rebinding_resolver_never_reaches_loopback(internal: int) -> None:
    asked: list[str] = []

    def rebinding(host: str, port: int) -> list[str]:
        asked.append(host)  # public to the check, loopback to whoever asks again
        return ["192.0.43.10"] if len(asked) == 1 else ["127.0.0.1"]

    with pytest.raises(FetchError, match=r"cannot be fetched|no answer"):
        fetch(
            f"http://rebind.example:{internal}/data.nt",
            max_bytes=10**6,
            timeout=1.5,
            resolve=rebinding,
        )
    assert asked == ["rebind.example"]  # resolved once: the connection used the checked one
    assert _Secret.hits == []

    def mixed(host: str, port: int) -> list[str]:
        return ["192.0.43.10", "127.0.0.1"]

    with pytest.raises(FetchError, match=r"resolves to 127\.0\.0\.1"):
        fetch(f"http://mixed.example:{internal}/", max_bytes=10**6, timeout=2, resolve=mixed)
    assert _Secret.hits == []


def test_the_connection_goes_to_the_checked_address_with_the_host_kept(internal: int) -> None:
    def pinned(host: str, port: int) -> list[str]:
        return ["127.0.0.1"]

    got = fetch(
        f"http://data.example:{internal}/r.nt",
        max_bytes=10**6,
        timeout=5,
        allow_private=True,
        resolve=pinned,
    )
    assert b"secret" in got.data and got.media_type == "application/n-triples"
    assert _Secret.hits == [f"data.example:{internal} /r.nt"]


@pytest.mark.parametrize(
    "host",
    [
        "127.0.0.1",
        "2130706433",  # decimal
        "0177.0.0.1",  # octal
        "0x7f.0.0.1",  # hexadecimal
        "0x7f000001",
        "127.1",
        "[::1]",
        "[::ffff:127.0.0.1]",  # IPv4-mapped
        "[::ffff:7f00:1]",
        "[64:ff9b::7f00:1]",  # NAT64 of loopback
        "10.0.0.1",
        "172.16.5.4",
        "192.168.1.1",
        "169.254.169.254",  # link-local (cloud metadata)
        "[fe80::1]",
        "224.0.0.1",  # multicast
        "[ff02::1]",
        "0.0.0.0",
        "100.64.0.1",  # shared address space
        "240.0.0.1",  # reserved
    ],
)
def test_every_notation_of_a_private_address_is_refused(host: str) -> None:
    with pytest.raises(FetchError, match="refused"):
        fetch(f"http://{host}:9/", max_bytes=1000, timeout=1)


def test_public_addresses_pass_and_names_are_resolved_once() -> None:
    assert literal_address("2130706433") == literal_address("127.0.0.1")
    assert literal_address("data.vlaanderen.be") is None
    public = literal_address("192.0.43.10")
    assert public is not None and is_public(public)
    calls: list[str] = []

    def resolver(host: str, port: int) -> list[str]:
        calls.append(host)
        return ["192.0.43.10", "2001:500:88:200::10"]

    assert checked_addresses("example.org", 80, False, resolver) == [
        "192.0.43.10",
        "2001:500:88:200::10",
    ]
    assert calls == ["example.org"]


def test_every_redirect_is_resolved_and_checked_again(internal: int) -> None:
    asked: list[str] = []

    def resolver(host: str, port: int) -> list[str]:
        asked.append(host)
        return ["127.0.0.1"]

    target = f"http://second.example:{internal}/r.nt"
    got = fetch(
        f"http://start.example:{internal}/redirect?to={target}",
        max_bytes=10**6,
        timeout=5,
        allow_private=True,  # both hops on loopback here; the check itself is shown above
        resolve=resolver,
    )
    assert got.url == target and b"secret" in got.data
    assert asked == ["start.example", "second.example"]
    assert _Secret.hits[-1] == f"second.example:{internal} /r.nt"
    with pytest.raises(FetchError, match="refused"):  # the same hop, not allowed: refused
        fetch(target, max_bytes=10**6, timeout=5, resolve=resolver)


def test_https_to_the_checked_address_keeps_the_host_for_sni_and_the_certificate(
    tmp_path: Path,
) -> None:
    """A TLS server on loopback with a certificate for another name: the client names
    ``data.example`` in SNI (the pinned address is not the name) and refuses the
    certificate, which is not for it."""
    if shutil.which("openssl") is None:
        pytest.fail("openssl is needed to make the test certificate")
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    request = [
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "1",
        "-subj",
        "/CN=other.example",
    ]
    subprocess.run(
        ["openssl", *request, "-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    names: list[str | None] = []
    context.sni_callback = lambda sock, name, ctx: names.append(name)  # type: ignore[assignment,misc,return-value]
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]

    def serve_one() -> None:
        conn, _ = listener.accept()
        try:
            with context.wrap_socket(conn, server_side=True):
                pass
        except (ssl.SSLError, OSError):
            pass  # the client gives up on the certificate

    thread = threading.Thread(target=serve_one, daemon=True)
    thread.start()
    try:
        with pytest.raises(FetchError, match="certificate"):
            fetch(
                f"https://data.example:{port}/r.nt",
                max_bytes=1000,
                timeout=5,
                allow_private=True,
                resolve=lambda host, p: ["127.0.0.1"],
            )
        thread.join(5)
        assert names == ["data.example"]
    finally:
        listener.close()
