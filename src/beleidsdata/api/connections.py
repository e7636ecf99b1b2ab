"""Connection limits inside uvicorn's HTTP protocols (both stacks: httptools and h11).

The limits of :mod:`.connection_limits` concern bytes on a socket before any request
reaches the application, so they are enforced where the bytes arrive: in the asyncio
protocol that parses them. :class:`Guard` is a mixin over uvicorn's two protocols that
keeps a few clocks per connection and looks at them every ``tick`` (one
``loop.call_later`` per connection); an offender's transport is closed, which uvicorn
reports to a waiting application as a disconnect. A connection is in one of three states:

- **waiting for a request** (none started, or the last one answered): a request begins
  with its first byte, and must have all its headers within ``header_timeout``. A
  connection that sends nothing at all gets the same time; an idle one between requests
  is closed after ``keep_alive`` seconds (uvicorn's own keep-alive timer, set from it);
- **receiving a body**: no silence longer than ``body_timeout``, and once the body has
  taken that long, an average of at least ``min_body_rate`` bytes a second. A body the
  application is not reading yet (uvicorn stopped reading the socket) is not held to it;
- **answering**: the application's own limits apply.

At most ``max_per_client`` connections from one address are open at once in a worker;
one more is closed as soon as it is accepted, before it costs a request slot.
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from typing import Any

from uvicorn.protocols.http.h11_impl import H11Protocol
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from .connection_limits import ConnectionLimits, current

# Connections open per client address, in this process (one event loop).
OPEN: Counter[str] = Counter()


class Guard:
    """The clocks and checks; mixed in before a uvicorn protocol (see the module)."""

    limits: ConnectionLimits
    transport: asyncio.Transport
    cycle: Any
    flow: Any
    loop: asyncio.AbstractEventLoop

    def _guard_start(self) -> None:
        self.limits = current()
        now = time.monotonic()
        self._waiting = True  # between requests: none is being read or answered
        self._started = now  # the request's first byte (at first: the connection's start)
        self._before: Any = None  # the cycle before the request being read
        self._body_started: float | None = None  # when its headers were complete
        self._body_bytes = 0
        self._last_data = now
        self._address: str | None = None
        self._timer: asyncio.TimerHandle | None = None
        peer = self.transport.get_extra_info("peername")
        if isinstance(peer, tuple) and peer:
            self._address = str(peer[0])
            OPEN[self._address] += 1
            if OPEN[self._address] > self.limits.max_per_client:
                self.transport.close()
                return
        self._timer = self.loop.call_later(self.limits.tick, self._guard_check)

    def _guard_stop(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        if self._address is not None:
            OPEN[self._address] -= 1
            if OPEN[self._address] <= 0:
                del OPEN[self._address]
            self._address = None

    def _guard_before(self, size: int) -> None:
        """Bytes arrived (before the parser sees them)."""
        now = time.monotonic()
        self._last_data = now
        if self._waiting:
            self._waiting = False
            self._started = now
            self._before = self.cycle
            self._body_started = None
        elif self._body_started is not None:
            self._body_bytes += size

    def _guard_after(self) -> None:
        """The parser saw them: were the headers completed?"""
        if not self._waiting and self._body_started is None and self.cycle is not self._before:
            self._body_started = time.monotonic()
            self._body_bytes = 0

    def _guard_answered(self) -> None:
        """The response went out: wait for the next request (keep-alive)."""
        self._waiting = True
        self._body_started = None

    def _guard_check(self) -> None:
        self._timer = None
        if self.transport.is_closing():
            return
        now = time.monotonic()
        limits = self.limits
        cycle = self.cycle
        if self._waiting:
            # A connection that never sent a byte is held to the header timeout; an idle
            # one after a response, to uvicorn's keep-alive timer.
            late = cycle is None and now - self._started > limits.header_timeout
        elif self._body_started is None:
            late = now - self._started > limits.header_timeout
        elif cycle.more_body and not cycle.response_complete and not self.flow.read_paused:
            took = now - self._body_started
            silent = now - self._last_data > limits.body_timeout
            late = silent or (
                took > limits.body_timeout and self._body_bytes < limits.min_body_rate * took
            )
        else:
            late = False  # answering: the application's own limits apply
        if late:
            self.transport.close()
            return
        self._timer = self.loop.call_later(limits.tick, self._guard_check)

    # The protocol's hooks, ahead of uvicorn's in the method order of both protocols.

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        super().connection_made(transport)  # type: ignore[misc]
        self._guard_start()

    def connection_lost(self, exc: Exception | None) -> None:
        self._guard_stop()
        super().connection_lost(exc)  # type: ignore[misc]

    def data_received(self, data: bytes) -> None:
        self._guard_before(len(data))
        super().data_received(data)  # type: ignore[misc]
        self._guard_after()

    def on_response_complete(self) -> None:
        self._guard_answered()
        super().on_response_complete()  # type: ignore[misc]


class GuardedHttpToolsProtocol(Guard, HttpToolsProtocol):
    """uvicorn's httptools protocol under the connection limits."""


class GuardedH11Protocol(Guard, H11Protocol):
    """uvicorn's h11 protocol under the connection limits."""


PROTOCOLS = {
    "httptools": f"{__name__}:GuardedHttpToolsProtocol",
    "h11": f"{__name__}:GuardedH11Protocol",
}
