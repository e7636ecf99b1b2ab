"""The store backends the suite runs against: a pytest plugin.

Every test that asks for a store through :func:`new_db` (or the fixtures built on it:
``live_server`` and the modules' own) runs once per backend named by ``--backends``
(default ``sqlite,postgresql``; the ids read ``[sqlite]``/``[postgresql]``). An SQLite store
is a file in the test's temporary folder; a PostgreSQL store is a fresh database on the
local server (``$BELEIDSDATA_TEST_PG``, default ``postgresql://postgres@127.0.0.1:5432``),
created from ``template0`` and dropped when its fixture ends. PostgreSQL unreachable is a
failure, never a skip: CI must not pass without having run half the suite.

Database names carry the pid of the pytest process, so a run never drops another run's
databases; those of runs that died are dropped at the start of the next.
"""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg
import pytest

BACKENDS = ("sqlite", "postgresql")
SERVER = os.environ.get("BELEIDSDATA_TEST_PG", "postgresql://postgres@127.0.0.1:5432").rstrip("/")
PREFIX = "bdtest_"

NewDb = Callable[..., str]
_counter = itertools.count(1)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--backends",
        default=",".join(BACKENDS),
        help="Store backends to run the store-facing tests against, comma-separated "
        f"(default: {','.join(BACKENDS)}).",
    )


def selected(config: pytest.Config) -> list[str]:
    names = [n.strip() for n in str(config.getoption("--backends")).split(",") if n.strip()]
    unknown = sorted(set(names) - set(BACKENDS))
    if unknown or not names:
        raise pytest.UsageError(f"--backends: unknown {unknown}; choose from {BACKENDS}")
    return names


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "backend" in metafunc.fixturenames:
        # Session scope: a session fixture (the shared live server) exists once per backend.
        metafunc.parametrize("backend", selected(metafunc.config), scope="session")


def _admin() -> psycopg.Connection:
    try:
        return psycopg.connect(SERVER + "/postgres", autocommit=True, connect_timeout=5)
    except psycopg.Error as exc:
        pytest.fail(
            f"PostgreSQL is not reachable at {SERVER} ({str(exc).strip()}); the suite runs "
            "every store test on it too. Start it, point BELEIDSDATA_TEST_PG elsewhere, or "
            "choose --backends sqlite.",
            pytrace=False,
        )


def create_database(label: str) -> str:
    """A new, empty PostgreSQL database; its URL."""
    slug = re.sub(r"[^a-z0-9]+", "_", label.lower())[:30]
    name = f"{PREFIX}{os.getpid()}_{next(_counter)}_{slug}"
    conn = _admin()
    try:
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE template0')
    finally:
        conn.close()
    return f"{SERVER}/{name}"


def drop_databases(urls: list[str]) -> None:
    if not urls:
        return
    conn = _admin()
    try:
        for url in urls:
            name = url.rsplit("/", 1)[1]
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        conn.close()


def _drop_orphans() -> None:
    """Databases of earlier runs whose pytest process is gone."""
    conn = _admin()
    try:
        rows = conn.execute(
            "SELECT datname FROM pg_database WHERE datname LIKE %s", [PREFIX + "%"]
        ).fetchall()
        for (name,) in rows:
            pid = name[len(PREFIX) :].split("_", 1)[0]
            if pid.isdigit() and not Path(f"/proc/{pid}").exists():
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        conn.close()


class Databases:
    """Makes stores of one backend and removes them when its fixture ends."""

    def __init__(self, backend: str, folder: Callable[[], Path]) -> None:
        self.backend = backend
        self.folder = folder
        self.made: list[str] = []

    def __call__(self, name: str = "store") -> str:
        if self.backend == "sqlite":
            return str(self.folder() / f"{name}.sqlite")
        url = create_database(name)
        self.made.append(url)
        return url

    def close(self) -> None:
        drop_databases(self.made)


@pytest.fixture(scope="session", autouse=True)
def _postgres_ready(request: pytest.FixtureRequest) -> None:
    if "postgresql" in selected(request.config):
        _drop_orphans()  # also fails loudly, at once, when the server is not there


@pytest.fixture
def new_db(backend: str, tmp_path: Path) -> Iterator[NewDb]:
    """``new_db(name)``: the location of a new, empty store of this test's backend."""
    made = Databases(backend, lambda: tmp_path)
    yield made
    made.close()


@pytest.fixture(scope="module")
def module_db(backend: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[NewDb]:
    """As :func:`new_db`, for module-scoped fixtures: dropped when the module ends."""
    folder = tmp_path_factory.mktemp(backend)
    made = Databases(backend, lambda: folder)
    yield made
    made.close()


@pytest.fixture(scope="session")
def session_db(backend: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[NewDb]:
    """As :func:`new_db`, for session-scoped fixtures."""
    folder = tmp_path_factory.mktemp(backend)
    made = Databases(backend, lambda: folder)
    yield made
    made.close()
