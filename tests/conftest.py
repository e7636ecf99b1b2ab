"""Shared fixtures: the real sample documents and a live server on loopback."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from support import SAMPLES, LiveServer

pytest_plugins = ["backends"]


@pytest.fixture(scope="session")
def sample_paths() -> list[Path]:
    return sorted(SAMPLES.glob("*.txt"))


@pytest.fixture(scope="session")
def live_server(session_db: Callable[[str], str]) -> Iterator[LiveServer]:
    """One server per backend for the whole session (the samples loaded)."""
    server = LiveServer(session_db("live"))
    yield server
    server.stop()
