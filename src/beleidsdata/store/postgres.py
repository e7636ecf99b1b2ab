"""PostgreSQL under the store: the production backend, behind the same :class:`Database`.

The store's SQL is written once with ``?`` placeholders; here they become ``%s``, and a
literal ``%`` (``LIKE '/doc/%'``) becomes ``%%`` (no ``?`` occurs in our statements
otherwise). Connections come from a psycopg pool: a
single statement borrows one for just that statement, a transaction or a snapshot holds
one for its duration (per thread). So a pool of N connections serves any number of
request threads, at most N of them inside the database at a time; the others wait for a
free connection up to the pool timeout. Every connection is in autocommit mode with
explicit transactions and a statement timeout.

One writer at a time, across processes and machines: a write transaction first takes a
transaction-level advisory lock (``pg_advisory_xact_lock``), waiting at most the caller's
limit (``lock_timeout``); a writer that does not get it raises :class:`StoreBusy`. The
lock is released with the transaction, also when a process dies. Readers never wait:
every read sees the last committed state (a half-written page is never visible, since a
page is written in the transaction that closes it).

A server that cannot be reached, or a connection lost mid-way, raises
:class:`DatabaseUnavailable` (the CLI's one line, the API's 503), never a traceback.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg import errors as pg_errors
from psycopg_pool import ConnectionPool, PoolTimeout

from ..errors import DatabaseUnavailable, StoreBusy, StoreError
from .database import Params, Row, split_statements

# The advisory lock key of the store's one writer ("beleidsdata" as a 63-bit integer).
WRITER_LOCK = 0x62656C656964
CONNECT_TIMEOUT_S = 5


def _setting(name: str, default: float) -> float:
    """A positive number from the environment (the documented BELEIDSDATA_DB_* settings)."""
    text = os.environ.get(name, "")
    try:
        value = float(text) if text else default
    except ValueError:
        raise StoreError(f"{name}={text!r}: not a number") from None
    if value <= 0:
        raise StoreError(f"{name}={text!r}: must be more than 0")
    return value


def _redacted(url: str) -> str:
    parts = urlsplit(url)
    if parts.password:
        host = parts.hostname or ""
        user = f"{parts.username}:***@" if parts.username else ""
        port = f":{parts.port}" if parts.port else ""
        return urlunsplit((parts.scheme, user + host + port, parts.path, parts.query, ""))
    return url


def _reason(exc: BaseException) -> str:
    """The first line of a driver message (libpq's are several lines long)."""
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    return lines[0] if lines else type(exc).__name__


class PostgresDatabase:
    """A PostgreSQL database (see the module docstring)."""

    kind = "postgresql"

    def __init__(
        self,
        url: str,
        *,
        readonly: bool = False,
        pool_size: int | None = None,
        statement_timeout: float | None = None,
        pool_timeout: float | None = None,
    ) -> None:
        self.url = url
        self.location = _redacted(url)
        self.readonly = readonly
        self.pool_size = pool_size or int(_setting("BELEIDSDATA_DB_POOL", 8))
        self.statement_timeout = statement_timeout or _setting(
            "BELEIDSDATA_DB_STATEMENT_TIMEOUT", 60
        )
        self.pool_timeout = pool_timeout or _setting("BELEIDSDATA_DB_POOL_TIMEOUT", 30)
        self._local = threading.local()
        self._probe()
        self._pool = ConnectionPool(
            url,
            min_size=1,
            max_size=self.pool_size,
            kwargs={
                "autocommit": True,
                "connect_timeout": CONNECT_TIMEOUT_S,
                "application_name": "beleidsdata",  # pg_stat_activity: whose connections
            },
            configure=self._configure,
            check=ConnectionPool.check_connection,
            open=True,
            timeout=self.pool_timeout,
        )

    def _configure(self, conn: psycopg.Connection[Any]) -> None:
        conn.execute(f"SET statement_timeout = {int(self.statement_timeout * 1000)}")
        if self.readonly:
            conn.execute("SET default_transaction_read_only = on")

    @contextmanager
    def _use(self) -> Iterator[psycopg.Connection[Any]]:
        """The thread's held connection, or one borrowed from the pool for one statement."""
        held: psycopg.Connection[Any] | None = getattr(self._local, "conn", None)
        if held is not None:
            with self._errors():
                yield held
            return
        conn = self._borrow()
        try:
            with self._errors():
                yield conn
        finally:
            self._pool.putconn(conn)

    def _borrow(self) -> psycopg.Connection[Any]:
        """A connection from the pool. When none comes within a second, a direct connection
        tells a busy pool (wait on, up to the pool timeout) from a server that is gone
        (fail now with its reason, instead of every request waiting the whole timeout)."""
        first = min(1.0, self.pool_timeout)
        try:
            return self._pool.getconn(timeout=first)
        except PoolTimeout:
            self._probe()
        try:
            return self._pool.getconn(timeout=self.pool_timeout - first)
        except PoolTimeout:
            raise DatabaseUnavailable(
                f"{self.location}: no free database connection within {self.pool_timeout:g} s "
                f"(pool of {self.pool_size}; see BELEIDSDATA_DB_POOL)"
            ) from None

    def _probe(self) -> None:
        try:  # fail fast and in one line when the server is not there
            psycopg.connect(
                self.url, connect_timeout=CONNECT_TIMEOUT_S, application_name="beleidsdata-probe"
            ).close()
        except (psycopg.Error, ValueError) as exc:
            raise DatabaseUnavailable(f"{self.location}: cannot connect ({_reason(exc)})") from None

    @contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except pg_errors.LockNotAvailable:
            raise  # the writer lock not got in time: transaction() says busy
        except pg_errors.QueryCanceled as exc:
            raise DatabaseUnavailable(
                f"{self.location}: statement cancelled after {self.statement_timeout:g} s "
                f"(BELEIDSDATA_DB_STATEMENT_TIMEOUT; {_reason(exc)})"
            ) from None
        except psycopg.OperationalError as exc:
            raise DatabaseUnavailable(f"{self.location}: {_reason(exc)}") from None

    @staticmethod
    def _sql(sql: str) -> str:
        return sql.replace("%", "%%").replace("?", "%s")

    def execute(self, sql: str, params: Params = ()) -> None:
        with self._use() as conn:
            conn.execute(self._sql(sql), list(params))

    def executemany(self, sql: str, rows: Iterable[Params]) -> None:
        batch = [list(r) for r in rows]
        if batch:
            with self._use() as conn, conn.cursor() as cur:
                cur.executemany(self._sql(sql), batch)

    def query(self, sql: str, params: Params = ()) -> list[Row]:
        with self._use() as conn, conn.cursor() as cur:
            cur.execute(self._sql(sql), list(params))
            return [tuple(r) for r in cur.fetchall()]

    def one(self, sql: str, params: Params = ()) -> Row | None:
        with self._use() as conn, conn.cursor() as cur:
            cur.execute(self._sql(sql), list(params))
            row = cur.fetchone()
            return tuple(row) if row is not None else None

    def script(self, sql: str) -> None:
        with self._use() as conn:
            for statement in split_statements(sql):
                conn.execute(statement)

    def tables(self) -> set[str]:
        rows = self.query(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
        )
        return {r[0] for r in rows}

    def columns(self, table: str) -> set[str]:
        rows = self.query(
            "SELECT column_name FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND table_name = ?",
            (table,),
        )
        return {r[0] for r in rows}

    def prepare(self) -> None:
        """Nothing to switch on: PostgreSQL readers never wait for the writer."""

    def in_transaction(self) -> bool:
        return bool(getattr(self._local, "depth", 0))

    @contextmanager
    def _holding(self, begin: str) -> Iterator[psycopg.Connection[Any]]:
        """One connection held by this thread from ``begin`` to COMMIT or ROLLBACK."""
        conn = self._borrow()
        self._local.conn, self._local.depth = conn, 1
        try:
            with self._errors():
                conn.execute(begin)
            yield conn
        finally:
            self._local.conn, self._local.depth = None, 0
            idle = conn.info.transaction_status == psycopg.pq.TransactionStatus.IDLE
            if not conn.closed and not idle:
                with contextlib.suppress(psycopg.Error):  # a broken one: the pool drops it
                    conn.execute("ROLLBACK")
            self._pool.putconn(conn)

    @contextmanager
    def transaction(self, wait: float) -> Iterator[None]:
        """The one-writer lock (an advisory lock) and one transaction."""
        if getattr(self._local, "depth", 0):
            self._local.depth += 1
            try:
                yield
            finally:
                self._local.depth -= 1
            return
        with self._holding("BEGIN") as conn:
            try:
                with self._errors():
                    conn.execute(f"SET LOCAL lock_timeout = {max(1, int(wait * 1000))}")
                    conn.execute("SELECT pg_advisory_xact_lock(%s)", [WRITER_LOCK])
                    conn.execute("SET LOCAL lock_timeout = 0")
            except pg_errors.LockNotAvailable:
                raise StoreBusy(
                    f"store is busy: another process is writing to {self.location} "
                    f"(waited {wait:g} s; try again, or use --wait)"
                ) from None
            yield
            with self._errors():
                conn.execute("COMMIT")

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """A consistent read of the whole database that does not block writers."""
        if getattr(self._local, "depth", 0):
            yield
            return
        with self._holding("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"):
            yield

    def close(self) -> None:
        self._pool.close()
