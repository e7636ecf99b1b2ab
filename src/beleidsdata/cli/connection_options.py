"""``serve``'s connection-limit options (README, "Connection limits")."""

from __future__ import annotations

from typing import Any

import click

from ..api.connection_limits import ConnectionLimits
from ..errors import BeleidsdataError
from .common import F, fail

_D = ConnectionLimits()


def connection_options(f: F) -> F:
    """--header-timeout, --body-timeout, --min-body-rate, --keep-alive and
    --max-connections-per-client, with the defaults of :class:`ConnectionLimits`."""
    options = [
        click.option(
            "--header-timeout",
            type=click.FloatRange(0.1),
            default=_D.header_timeout,
            show_default=True,
            help="Seconds from a request's first byte to its last header (and for a new "
            "connection to send anything); the connection is closed after that.",
        ),
        click.option(
            "--body-timeout",
            type=click.FloatRange(0.1),
            default=_D.body_timeout,
            show_default=True,
            help="Longest silence, in seconds, while a request body arrives.",
        ),
        click.option(
            "--min-body-rate",
            type=click.IntRange(0),
            default=_D.min_body_rate,
            show_default=True,
            help="Bytes per second a request body must average once it took "
            "--body-timeout seconds (0: no minimum).",
        ),
        click.option(
            "--keep-alive",
            type=click.FloatRange(1),
            default=_D.keep_alive,
            show_default=True,
            help="Seconds an idle connection stays open between requests.",
        ),
        click.option(
            "--max-connections-per-client",
            type=click.IntRange(1),
            default=_D.max_per_client,
            show_default=True,
            help="Connections open at once from one client address (per worker); one more "
            "is closed when it is accepted.",
        ),
    ]
    for option in reversed(options):
        f = option(f)
    return f


def connection_limits(values: dict[str, Any]) -> ConnectionLimits:
    try:
        return ConnectionLimits(
            header_timeout=float(values["header_timeout"]),
            body_timeout=float(values["body_timeout"]),
            min_body_rate=int(values["min_body_rate"]),
            keep_alive=float(values["keep_alive"]),
            max_per_client=int(values["max_connections_per_client"]),
        )
    except BeleidsdataError as exc:
        fail(str(exc))
