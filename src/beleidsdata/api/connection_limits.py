"""How long and how many: the limits every connection to ``beleidsdata serve`` is held to.

A public endpoint meets clients that open a socket and send nothing, trickle their headers
a byte at a time (slowloris) or upload a body at a few bytes a second. Each such socket
costs the server almost nothing if it is closed in time, and a request slot if it is not;
these limits make slow clients cost sockets, not service. They are set by ``serve``
options and reach every worker process through :data:`ENV` (a JSON object), since a
worker builds its connections without the command's arguments.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, fields
from functools import lru_cache

from ..errors import BeleidsdataError

ENV = "BELEIDSDATA_CONNECTION_LIMITS"


@dataclass(frozen=True)
class ConnectionLimits:
    """The limits of one server (README, "Connection limits")."""

    header_timeout: float = 10.0  # s from the first byte of a request to its last header
    body_timeout: float = 10.0  # s of silence allowed while a request body arrives
    min_body_rate: int = 1024  # bytes/s a body must average once it took body_timeout s
    keep_alive: float = 5.0  # s an idle connection is kept open between requests
    max_per_client: int = 64  # connections open at once from one client address

    def __post_init__(self) -> None:
        if min(self.header_timeout, self.body_timeout, self.keep_alive) <= 0:
            raise BeleidsdataError("connection timeouts must be more than 0 seconds")
        if self.min_body_rate < 0 or self.max_per_client < 1:
            raise BeleidsdataError(
                "the minimum body rate must be 0 or more, and connections per client 1 or more"
            )

    @property
    def tick(self) -> float:
        """How often a connection's clocks are looked at: a limit is enforced at most this
        much late."""
        return min(1.0, self.header_timeout / 4, self.body_timeout / 4)

    def to_env(self) -> str:
        return json.dumps(asdict(self), sort_keys=True)

    @classmethod
    def from_env(cls, text: str | None) -> ConnectionLimits:
        """The limits in :data:`ENV`'s value; the defaults when it is unset."""
        if not text:
            return cls()
        try:
            values = json.loads(text)
            known = {f.name for f in fields(cls)}
            return cls(**{k: v for k, v in values.items() if k in known})
        except (ValueError, TypeError, AttributeError) as exc:
            raise BeleidsdataError(f"{ENV}: not a set of connection limits ({exc})") from None


@lru_cache(maxsize=1)
def current() -> ConnectionLimits:
    """This process's limits (read from the environment once)."""
    return ConnectionLimits.from_env(os.environ.get(ENV))
