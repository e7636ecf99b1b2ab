"""Which HTTP server runs the application (``serve --stack``), with how many workers.

- ``httptools`` (the default): uvicorn with the httptools parser and uvloop, the fastest
  of uvicorn's stacks;
- ``h11``: uvicorn with the pure-Python h11 parser (no compiled code);
- ``granian``: the Rust server granian (``pip install 'beleidsdata[granian]'``).

On both uvicorn stacks every connection is held to the connection limits
(:mod:`beleidsdata.api.connections`). granian has its own HTTP/1 implementation: of the
limits it applies the header timeout (its ``header_read_timeout``) and keep-alive, not the
body timeouts or the per-client cap; put a proxy in front for those.

One worker serves the application the command built on the store it opened; more
workers (or granian, which always runs the application in a worker) build it in each
process from the environment (:func:`beleidsdata.api.app.from_environment`), which
:func:`run` sets from the command's options first.
"""

from __future__ import annotations

import os
from dataclasses import fields
from typing import Any

from ..api.app import DB_ENV, MAX_IN_FLIGHT_ENV
from ..api.connection_limits import ENV as LIMITS_ENV
from ..api.connection_limits import ConnectionLimits
from ..api.connections import PROTOCOLS
from ..api.validate_settings import ValidationSettings
from ..errors import BeleidsdataError

STACKS = ("httptools", "h11", "granian")
FACTORY = "beleidsdata.api.app:from_environment"
VALIDATION_ENV = {
    "max_bytes": "BELEIDSDATA_VALIDATE_MAX_BYTES",
    "timeout": "BELEIDSDATA_VALIDATE_TIMEOUT",
    "concurrency": "BELEIDSDATA_VALIDATE_CONCURRENCY",
    "fetch": "BELEIDSDATA_VALIDATE_FETCH",
    "fetch_max_bytes": "BELEIDSDATA_VALIDATE_FETCH_MAX_BYTES",
    "fetch_timeout": "BELEIDSDATA_VALIDATE_FETCH_TIMEOUT",
    "fetch_allow_private": "BELEIDSDATA_VALIDATE_FETCH_ALLOW_PRIVATE",
}


def worker_environment(
    db: str, max_in_flight: int, validation: ValidationSettings, limits: ConnectionLimits
) -> dict[str, str]:
    """What a worker process needs to build the same application."""
    env = {DB_ENV: db, MAX_IN_FLIGHT_ENV: str(max_in_flight), LIMITS_ENV: limits.to_env()}
    for field in fields(ValidationSettings):
        value = getattr(validation, field.name)
        env[VALIDATION_ENV[field.name]] = (
            ("1" if value else "0") if value in (True, False) else str(value)
        )
    return env


def run(
    stack: str,
    app: Any,
    *,
    host: str,
    port: int,
    workers: int,
    environment: dict[str, str],
    limits: ConnectionLimits,
) -> None:
    """Serve until stopped: ``app`` itself with one uvicorn worker, else the factory."""
    if stack not in STACKS:
        raise BeleidsdataError(f"unknown stack {stack!r}; one of {', '.join(STACKS)}")
    os.environ.update(environment)  # for this process's protocols and for workers
    if stack == "granian":
        _granian(host, port, workers, limits)
        return
    import uvicorn

    uvicorn.run(
        app if workers == 1 else FACTORY,
        factory=workers > 1,
        host=host,
        port=port,
        workers=workers if workers > 1 else None,
        http=PROTOCOLS[stack],
        loop="uvloop" if stack == "httptools" else "asyncio",
        timeout_keep_alive=max(1, round(limits.keep_alive)),
        log_level="warning",
        access_log=False,
    )


def _granian(host: str, port: int, workers: int, limits: ConnectionLimits) -> None:
    try:
        from granian.constants import Interfaces
        from granian.http import HTTP1Settings
        from granian.server import Server
    except ImportError:
        raise BeleidsdataError(
            "--stack granian needs the granian package: pip install 'beleidsdata[granian]'"
        ) from None
    Server(
        FACTORY,
        address=host,
        port=port,
        interface=Interfaces.ASGI,
        workers=workers,
        factory=True,
        http1_settings=HTTP1Settings(header_read_timeout=int(limits.header_timeout * 1000)),
        log_level="warning",  # type: ignore[arg-type]
    ).serve()
