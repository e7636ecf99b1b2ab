"""Slow clients cost sockets, not service: the connection limits on both uvicorn stacks.

A real ``beleidsdata serve`` holds 100 slowloris sockets (headers a byte at a time) and
100 slow-body sockets (a ``POST /validate`` body a byte at a time) from 127.0.0.1 while
another client, from 127.0.0.2, polls ``/ldes``: every poll is answered within a second,
and the server closes every slow socket within its timeouts.
"""

from __future__ import annotations

import select
import socket
import threading
import time
from pathlib import Path

import httpx
import pytest

from support import LiveServer

STACKS = ["httptools", "h11"]
HEADER_TIMEOUT = 2.0
BODY_TIMEOUT = 2.0
SLOW = 100  # sockets of each kind
POLLER = "127.0.0.2"  # another client address on the loopback network


class SlowClient:
    """One socket that trickles ``rest`` a byte per step after sending ``start``."""

    def __init__(self, port: int, start: bytes, rest: bytes) -> None:
        self.sock = socket.create_connection(("127.0.0.1", port))
        self.sock.setblocking(False)
        self.opened = time.monotonic()
        self.closed_at: float | None = None
        self.rest = rest
        self._send(start)

    def _send(self, data: bytes) -> None:
        try:
            self.sock.send(data)
        except OSError:
            self._mark()

    def _mark(self) -> None:
        if self.closed_at is None:
            self.closed_at = time.monotonic()

    def step(self) -> None:
        if self.closed_at is not None:
            return
        readable, _, _ = select.select([self.sock], [], [], 0)
        if readable:
            try:
                if not self.sock.recv(65536):
                    self._mark()  # the server closed it
                    return
            except OSError:
                self._mark()
                return
        if self.rest:
            self._send(self.rest[:1])
            self.rest = self.rest[1:]

    def close(self) -> None:
        self.sock.close()


def slowloris(port: int) -> SlowClient:
    return SlowClient(port, b"GET /ldes HTTP/1.1\r\nHost: x\r\n", b"X-Slow: " + b"a" * 200)


def slow_body(port: int) -> SlowClient:
    head = (
        b"POST /validate HTTP/1.1\r\nHost: x\r\nContent-Type: text/turtle\r\n"
        b"Content-Length: 100000\r\n\r\n"
    )
    return SlowClient(port, head, b"@prefix ex: <http://example.org/> .\n" * 3000)


@pytest.mark.parametrize("stack", STACKS)
def test_slow_sockets_are_closed_while_others_are_served(tmp_path: Path, stack: str) -> None:
    server = LiveServer(
        tmp_path / "store.sqlite",
        samples=False,
        options=(
            "--stack",
            stack,
            "--header-timeout",
            str(HEADER_TIMEOUT),
            "--body-timeout",
            str(BODY_TIMEOUT),
            "--min-body-rate",
            "100",
            "--max-connections-per-client",
            "500",
        ),
    )
    clients: list[SlowClient] = []
    stop = threading.Event()

    def trickle() -> None:
        while not stop.is_set():
            for client in list(clients):
                client.step()
            time.sleep(0.25)

    trickler = threading.Thread(target=trickle, daemon=True)
    try:
        for _ in range(SLOW):
            clients.append(slowloris(server.port))
            clients.append(slow_body(server.port))
        trickler.start()
        polls: list[tuple[int, float]] = []
        transport = httpx.HTTPTransport(local_address=POLLER)
        with httpx.Client(transport=transport, timeout=5) as poller:
            deadline = time.monotonic() + HEADER_TIMEOUT + BODY_TIMEOUT + 2
            while time.monotonic() < deadline:
                started = time.monotonic()
                answer = poller.get(server.url + "/ldes", headers={"Accept": "text/turtle"})
                polls.append((answer.status_code, time.monotonic() - started))
                time.sleep(0.1)
        stop.set()
        trickler.join()
        for client in clients:
            client.step()
        assert len(polls) > 20
        assert all(status == 200 for status, _ in polls), polls
        assert max(took for _, took in polls) < 1.0, polls
        lasted = [
            c.closed_at - c.opened if c.closed_at is not None else float("inf") for c in clients
        ]
        # closed by the server within its timeouts (checked every half second at most)
        limit = max(HEADER_TIMEOUT, BODY_TIMEOUT) + 1.5
        assert max(lasted) < limit, sorted(lasted)[-5:]
        assert min(lasted) > min(HEADER_TIMEOUT, BODY_TIMEOUT) - 0.5, sorted(lasted)[:5]
    finally:
        stop.set()
        for client in clients:
            client.close()
        server.stop()


@pytest.mark.parametrize("stack", STACKS)
def test_one_client_address_gets_at_most_its_share_of_connections(
    tmp_path: Path, stack: str
) -> None:
    server = LiveServer(
        tmp_path / "store.sqlite",
        samples=False,
        options=("--stack", stack, "--max-connections-per-client", "5", "--header-timeout", "8"),
    )
    sockets: list[socket.socket] = []
    try:
        for _ in range(8):
            sockets.append(socket.create_connection(("127.0.0.1", server.port)))
            time.sleep(0.05)  # accepted in this order
        time.sleep(0.5)
        closed = []
        for sock in sockets:
            readable, _, _ = select.select([sock], [], [], 0)
            try:
                closed.append(bool(readable) and not sock.recv(1))
            except OSError:
                closed.append(True)
        assert closed == [False] * 5 + [True] * 3
        transport = httpx.HTTPTransport(local_address=POLLER)
        with httpx.Client(transport=transport) as other:
            assert other.get(server.url + "/ldes").status_code == 200
        for sock in sockets:
            sock.close()
        time.sleep(0.2)
        assert httpx.get(server.url + "/ldes").status_code == 200  # its share is free again
    finally:
        for sock in sockets:
            sock.close()
        server.stop()
