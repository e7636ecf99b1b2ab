"""What every command shares: exit codes, one-line errors, the common options.

Exit codes are the same everywhere and documented in ``beleidsdata --help``:

* 0 done (``validate``: the data conforms)
* 1 the data does not conform to the shapes (nothing was stored)
* 2 unreadable or unrecognised input, a usage error, or a store that cannot be used as
  asked (not a beleidsdata store, an older schema, another base IRI); nothing was changed
* 3 the store is busy: another writer did not finish within ``--wait``
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn, TypeVar

import click

from .. import kinds
from ..errors import BeleidsdataError, InputError, StoreBusy, StoreError
from ..pipeline import expand_paths, read_source
from ..sources.base import SourceText
from ..store import DEFAULT_WAIT, Store, open_store

EXIT_INVALID = 1
EXIT_USAGE = 2
EXIT_BUSY = 3
DEFAULT_DB = "beleidsdata.sqlite"

F = TypeVar("F", bound=Callable[..., Any])


def fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    click.echo(f"error: {message}", err=True)
    sys.exit(code)


def fail_on(exc: BeleidsdataError) -> NoReturn:
    """The one line and exit code for an error of ours."""
    if isinstance(exc, StoreBusy):
        fail(str(exc), EXIT_BUSY)
    if isinstance(exc, StoreError):
        fail(str(exc), EXIT_USAGE)
    if isinstance(exc, InputError):
        fail(str(exc), EXIT_USAGE)
    fail(str(exc), EXIT_INVALID)


def read_all(paths: Sequence[str]) -> list[SourceText]:
    files = expand_paths(paths)
    if not files:
        fail("no documents given (a folder with no .txt or .md files?)")
    try:
        return [read_source(p) for p in files]
    except InputError as exc:
        fail_on(exc)


def open_or_fail(
    db: str,
    base_iri: str | None = None,
    *,
    page_size: int | None = None,
    create: bool = True,
    readonly: bool = False,
    default_base: str | None = None,
) -> Store:
    """The store at ``db``, or one line and exit code 2."""
    try:
        return open_store(
            db,
            base_iri,
            page_size=page_size,
            create=create,
            readonly=readonly,
            default_base=default_base,
        )
    except StoreError as exc:
        fail_on(exc)


def db_option(f: F) -> F:
    return click.option(
        "--db",
        "db",
        default=lambda: os.environ.get("BELEIDSDATA_DB", DEFAULT_DB),
        show_default=f"$BELEIDSDATA_DB or {DEFAULT_DB}",
        metavar="DB",
        help="The store: an SQLite file (created when missing), sqlite:///path, or "
        "postgresql://user@host/database (connections: BELEIDSDATA_DB_POOL, "
        "BELEIDSDATA_DB_POOL_TIMEOUT, BELEIDSDATA_DB_STATEMENT_TIMEOUT; see the README).",
    )(f)


def kind_option(f: F) -> F:
    return click.option(
        "--kind",
        type=click.Choice(sorted(kinds.keys())),
        default=None,
        help="Read every document as this kind instead of detecting it from the content.",
    )(f)


def partial_option(f: F) -> F:
    return click.option(
        "--partial",
        is_flag=True,
        help="Accept documents that stop short (an excerpt, a text cut off mid-clause or "
        "before the parts its kind requires); every resource read from them is marked "
        "incomplete (bd:onvolledig).",
    )(f)


def warn(lines: Sequence[str]) -> None:
    """Notes about the documents (skipped or unidentified parts), one line each on stderr."""
    for line in lines:
        click.echo(f"warning: {line}", err=True)


def wait_option(f: F) -> F:
    return click.option(
        "--wait",
        type=click.FloatRange(0),
        default=DEFAULT_WAIT,
        show_default=True,
        metavar="SECONDS",
        help="How long to wait for another writer to finish before giving up with exit "
        "code 3 (store is busy).",
    )(f)


def kind_help() -> str:
    return "; ".join(f"{k.key}: {k.label.en}" for k in kinds.all_kinds())
