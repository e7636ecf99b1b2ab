"""The database under the store: connections, transactions and the one-writer lock.

Everything the store asks of a database goes through :class:`Database`, so the store's
SQL is written once (``?`` placeholders, ``INSERT … ON CONFLICT``, which SQLite and
PostgreSQL both speak) and a backend supplies only connections, column types and locking.

SQLite (the embedded default): one connection per thread, WAL so that readers never wait
for the writer, and ``BEGIN IMMEDIATE`` as the writer's lock, waited for up to the
caller's limit; a writer that does not get it in time gets :class:`StoreBusy`.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol

from ..errors import NotAStore, StoreBusy, StoreError

Row = tuple[Any, ...]
Params = Sequence[Any]


class Database(Protocol):
    """What the store needs of a database backend."""

    kind: str  # "sqlite" | "postgresql"
    location: str  # for messages: a file path or a URL without password

    def execute(self, sql: str, params: Params = ()) -> None: ...
    def executemany(self, sql: str, rows: Iterable[Params]) -> None: ...
    def query(self, sql: str, params: Params = ()) -> list[Row]: ...
    def one(self, sql: str, params: Params = ()) -> Row | None: ...
    def script(self, sql: str) -> None: ...
    def tables(self) -> set[str]: ...
    def columns(self, table: str) -> set[str]: ...
    def transaction(self, wait: float) -> Any: ...
    def snapshot(self) -> Any: ...
    def in_transaction(self) -> bool: ...
    def prepare(self) -> None: ...
    def close(self) -> None: ...


class SQLiteDatabase:
    """An SQLite file (see the module docstring)."""

    kind = "sqlite"

    def __init__(self, path: str | Path, *, readonly: bool = False) -> None:
        self.path = Path(path)
        self.location = str(self.path)
        self.readonly = readonly
        self._local = threading.local()
        if self.path.is_dir():
            raise StoreError(f"{self.path}: is a folder, not a store file")

    def _conn(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            uri = f"file:{self.path}?mode=ro" if self.readonly else f"file:{self.path}"
            try:
                # Autocommit: transactions are explicit (BEGIN IMMEDIATE in transaction()).
                conn = sqlite3.connect(
                    uri, uri=True, check_same_thread=False, isolation_level=None, timeout=5.0
                )
                conn.execute("PRAGMA synchronous=NORMAL")
                conn.execute("PRAGMA foreign_keys=ON")
            except sqlite3.DatabaseError as exc:
                if conn is not None:
                    conn.close()
                raise NotAStore(f"{self.path}: not a beleidsdata store ({exc})") from None
            self._local.conn = conn
            self._local.depth = 0
        return conn

    def prepare(self) -> None:
        """Write-ahead logging, so readers never wait for the writer. Persistent in the
        file; only switched on once the file is known to be ours (a foreign file is left
        byte for byte as it was)."""
        conn = self._conn()
        if not self.readonly and conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            conn.execute("PRAGMA journal_mode=WAL")

    def execute(self, sql: str, params: Params = ()) -> None:
        self._conn().execute(sql, params)

    def executemany(self, sql: str, rows: Iterable[Params]) -> None:
        self._conn().executemany(sql, rows)

    def query(self, sql: str, params: Params = ()) -> list[Row]:
        return self._conn().execute(sql, params).fetchall()

    def one(self, sql: str, params: Params = ()) -> Row | None:
        row: Row | None = self._conn().execute(sql, params).fetchone()
        return row

    def script(self, sql: str) -> None:
        # Statement by statement: executescript() would COMMIT an open transaction first.
        conn = self._conn()
        for statement in split_statements(sql):
            conn.execute(statement)

    def tables(self) -> set[str]:
        rows = self.query("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")
        return {r[0] for r in rows}

    def columns(self, table: str) -> set[str]:
        return {r[1] for r in self.query(f"PRAGMA table_info({table})")}

    def in_transaction(self) -> bool:
        return bool(getattr(self._local, "depth", 0))

    @contextmanager
    def transaction(self, wait: float) -> Iterator[None]:
        """The write lock and one transaction: all of it is written, or nothing.

        Nested use joins the outer transaction. Waits up to ``wait`` seconds for another
        writer to finish, then raises :class:`StoreBusy`.
        """
        conn = self._conn()
        if self._local.depth:
            self._local.depth += 1
            try:
                yield
            finally:
                self._local.depth -= 1
            return
        conn.execute(f"PRAGMA busy_timeout = {max(0, int(wait * 1000))}")
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise StoreBusy(
                    f"store is busy: another process is writing to {self.path} "
                    f"(waited {wait:g} s; try again, or use --wait)"
                ) from None
            raise
        finally:
            conn.execute("PRAGMA busy_timeout = 5000")
        self._local.depth = 1
        try:
            yield
        except BaseException:
            self._local.depth = 0
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        self._local.depth = 0
        conn.execute("COMMIT")

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """A consistent read of the whole database that does not block writers (WAL)."""
        conn = self._conn()
        if self._local.depth:
            yield
            return
        conn.execute("BEGIN")
        self._local.depth = 1
        try:
            yield
        finally:
            self._local.depth = 0
            conn.execute("ROLLBACK")

    def backup(self, target: str | Path) -> None:
        """A consistent copy of the live database (SQLite's online backup)."""
        dest = sqlite3.connect(str(target))
        try:
            self._conn().backup(dest)
        finally:
            dest.close()

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None


def split_statements(sql: str) -> list[str]:
    """A DDL script's statements (no semicolons inside our statements or comments)."""
    lines = [line for line in sql.splitlines() if not line.strip().startswith("--")]
    return [part.strip() for part in "\n".join(lines).split(";") if part.strip()]
