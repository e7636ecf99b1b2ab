"""The limits of the validation service, from ``serve`` options or the environment.

They live on the application (``app.state.validation``) so that the router, the request
body-size limit (:mod:`.middleware`) and the CLI's ``serve`` read one set of values.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from starlette.applications import Starlette

MB = 1024 * 1024


def _env_int(name: str, default: int) -> int:
    try:
        return int(os.environ.get(name, "") or default)
    except ValueError:
        return default


def _env_float(name: str, default: float) -> float:
    try:
        return float(os.environ.get(name, "") or default)
    except ValueError:
        return default


def _env_flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in ("1", "true", "yes", "on")


@dataclass(frozen=True)
class ValidationSettings:
    """Limits of the validation service (``serve`` options, or these environment
    variables: BELEIDSDATA_VALIDATE_MAX_BYTES, _TIMEOUT, _CONCURRENCY, _FETCH,
    _FETCH_MAX_BYTES, _FETCH_TIMEOUT, _FETCH_ALLOW_PRIVATE)."""

    max_bytes: int = 50 * MB  # request body limit (every request), 413 beyond
    timeout: float = 60.0  # seconds a validation may take
    concurrency: int = 2  # validations at once; 429 beyond
    fetch: bool = False  # may the server fetch a URL to validate?
    fetch_max_bytes: int = 20 * MB
    fetch_timeout: float = 20.0
    fetch_allow_private: bool = False  # loopback/private addresses (tests only)

    @classmethod
    def from_env(cls) -> ValidationSettings:
        d = cls()
        return cls(
            max_bytes=_env_int("BELEIDSDATA_VALIDATE_MAX_BYTES", d.max_bytes),
            timeout=_env_float("BELEIDSDATA_VALIDATE_TIMEOUT", d.timeout),
            concurrency=max(1, _env_int("BELEIDSDATA_VALIDATE_CONCURRENCY", d.concurrency)),
            fetch=_env_flag("BELEIDSDATA_VALIDATE_FETCH"),
            fetch_max_bytes=_env_int("BELEIDSDATA_VALIDATE_FETCH_MAX_BYTES", d.fetch_max_bytes),
            fetch_timeout=_env_float("BELEIDSDATA_VALIDATE_FETCH_TIMEOUT", d.fetch_timeout),
            fetch_allow_private=_env_flag("BELEIDSDATA_VALIDATE_FETCH_ALLOW_PRIVATE"),
        )


def settings_of(app: Starlette) -> ValidationSettings:
    """The application's settings; read from the environment the first time if ``serve``
    set none."""
    settings: ValidationSettings | None = getattr(app.state, "validation", None)
    if settings is None:
        settings = app.state.validation = ValidationSettings.from_env()
    return settings


__all__ = ["MB", "ValidationSettings", "settings_of"]
