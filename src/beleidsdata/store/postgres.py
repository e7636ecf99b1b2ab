"""PostgreSQL under the store: the production backend, behind the same :class:`Database`.

The store's SQL is written once with ``?`` placeholders; here they become ``%s`` (no ``%``
or ``?`` occurs in our statements otherwise). Connections come from a psycopg pool, one
held per thread for as long as the thread uses it (ASGI worker threads, the ingest
thread), each in autocommit mode with explicit transactions and a statement timeout.

One writer at a time, across processes and machines: a write transaction first takes a
transaction-level advisory lock (``pg_advisory_xact_lock``), waiting at most the caller's
limit (``lock_timeout``); a writer that does not get it raises :class:`StoreBusy`. The
lock is released with the transaction, also when a process dies. Readers never wait:
every read sees the last committed state (a half-written page is never visible, since a
page is written in the transaction that closes it).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg import errors as pg_errors
from psycopg_pool import ConnectionPool

from ..errors import StoreBusy, StoreError
from .database import Params, Row, split_statements

# The advisory lock key of the store's one writer ("beleidsdata" as a 63-bit integer).
WRITER_LOCK = 0x62656C656964
STATEMENT_TIMEOUT_MS = 60_000


def _redacted(url: str) -> str:
    parts = urlsplit(url)
    if parts.password:
        host = parts.hostname or ""
        user = f"{parts.username}:***@" if parts.username else ""
        port = f":{parts.port}" if parts.port else ""
        return urlunsplit((parts.scheme, user + host + port, parts.path, parts.query, ""))
    return url


class PostgresDatabase:
    """A PostgreSQL database (see the module docstring)."""

    kind = "postgresql"

    def __init__(self, url: str, *, readonly: bool = False, pool_size: int = 8) -> None:
        self.url = url
        self.location = _redacted(url)
        self.readonly = readonly
        self._local = threading.local()
        try:
            self._pool = ConnectionPool(
                url,
                min_size=1,
                max_size=pool_size,
                kwargs={"autocommit": True},
                configure=self._configure,
                open=True,
                timeout=30,
            )
            self._pool.wait(timeout=30)
        except (psycopg.Error, Exception) as exc:  # a bad URL or no server
            raise StoreError(f"{self.location}: cannot connect ({exc})") from None

    @staticmethod
    def _configure(conn: psycopg.Connection[Any]) -> None:
        conn.execute(f"SET statement_timeout = {STATEMENT_TIMEOUT_MS}")

    def _conn(self) -> psycopg.Connection[Any]:
        conn: psycopg.Connection[Any] | None = getattr(self._local, "conn", None)
        if conn is None or conn.closed:
            conn = self._pool.getconn()
            self._local.conn = conn
            self._local.depth = 0
        return conn

    @staticmethod
    def _sql(sql: str) -> str:
        return sql.replace("?", "%s")

    def execute(self, sql: str, params: Params = ()) -> None:
        self._conn().execute(self._sql(sql), list(params))

    def executemany(self, sql: str, rows: Iterable[Params]) -> None:
        batch = [list(r) for r in rows]
        if batch:
            with self._conn().cursor() as cur:
                cur.executemany(self._sql(sql), batch)

    def query(self, sql: str, params: Params = ()) -> list[Row]:
        with self._conn().cursor() as cur:
            cur.execute(self._sql(sql), list(params))
            return [tuple(r) for r in cur.fetchall()]

    def one(self, sql: str, params: Params = ()) -> Row | None:
        with self._conn().cursor() as cur:
            cur.execute(self._sql(sql), list(params))
            row = cur.fetchone()
            return tuple(row) if row is not None else None

    def script(self, sql: str) -> None:
        for statement in split_statements(sql):
            self._conn().execute(statement)

    def tables(self) -> set[str]:
        rows = self.query(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
        )
        return {r[0] for r in rows}

    def prepare(self) -> None:
        """Nothing to switch on: PostgreSQL readers never wait for the writer."""

    def in_transaction(self) -> bool:
        return bool(getattr(self._local, "depth", 0))

    @contextmanager
    def transaction(self, wait: float) -> Iterator[None]:
        """The one-writer lock (an advisory lock) and one transaction."""
        conn = self._conn()
        if self._local.depth:
            self._local.depth += 1
            try:
                yield
            finally:
                self._local.depth -= 1
            return
        conn.execute("BEGIN")
        try:
            conn.execute(f"SET LOCAL lock_timeout = {max(1, int(wait * 1000))}")
            conn.execute("SELECT pg_advisory_xact_lock(%s)", [WRITER_LOCK])
        except pg_errors.LockNotAvailable:
            conn.execute("ROLLBACK")
            raise StoreBusy(
                f"store is busy: another process is writing to {self.location} "
                f"(waited {wait:g} s; try again, or use --wait)"
            ) from None
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        self._local.depth = 1
        try:
            yield
        except BaseException:
            self._local.depth = 0
            conn.execute("ROLLBACK")
            raise
        self._local.depth = 0
        conn.execute("COMMIT")

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """A consistent read of the whole database that does not block writers."""
        conn = self._conn()
        if self._local.depth:
            yield
            return
        conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        self._local.depth = 1
        try:
            yield
        finally:
            self._local.depth = 0
            conn.execute("ROLLBACK")

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            self._pool.putconn(conn)
            self._local.conn = None
        self._pool.close()
