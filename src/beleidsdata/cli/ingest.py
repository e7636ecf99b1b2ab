"""``ingest``, ``withdraw`` and ``log``: changing what the store publishes, and its record."""

from __future__ import annotations

import click

from ..errors import BeleidsdataError
from ..ldes.catalog import render_catalog
from ..ldes.dump import build as build_dumps_only
from ..ldes.layout import StreamLayout
from ..pipeline import IngestResult, ValidationFailed, ingest, withdraw
from ..store import Store, utc_now
from .common import (
    EXIT_INVALID,
    db_option,
    fail,
    fail_on,
    kind_option,
    open_or_fail,
    partial_option,
    read_all,
    wait_option,
    warn,
)
from .main import main


def build_dumps(store: Store, progress: object = None) -> None:
    """Rebuild the current-state dumps and list them in the catalogue."""
    say = progress if callable(progress) else None
    build_dumps_only(store, say)
    with store.writing():
        render_catalog(store, StreamLayout(store.base_iri, store.page_size), utc_now())


@main.command("dump")
@db_option
def dump_command(db: str) -> None:
    """Rebuild the current-state dumps (/dump/actueel.nq.gz, /dump/actueel.jsonld.gz) if
    the stream moved on since they were built; the catalogue lists size and checksum."""
    store = open_or_fail(db, create=False)
    try:
        build_dumps(store, lambda m: click.echo(f"  {m}", err=True))
    except BeleidsdataError as exc:
        fail_on(exc)
    finally:
        store.close()


def _report(result: IngestResult, db: str, quiet: bool) -> None:
    if not quiet:
        for name in result.unchanged:
            click.echo(f"unchanged: {name}")
        for name in result.remapped:
            click.echo(f"read again: {name}")
        for label, items in (
            ("created", result.created),
            ("changed", result.updated),
            ("removed", result.deleted),
        ):
            for iri in items:
                click.echo(f"{label}: {iri}")
    click.echo(
        f"{len(result.created)} created, {len(result.updated)} changed, "
        f"{len(result.deleted)} removed; {len(result.members)} new member(s) in {db}",
        err=True,
    )


@main.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@db_option
@click.option(
    "--base-iri",
    default=None,
    help="Base IRI for a new store (default http://localhost:8000). A store keeps the "
    "base IRI it was created with; another value is refused.",
)
@click.option(
    "--page-size",
    type=click.IntRange(1, 10000),
    default=None,
    help="Members per event-stream page, for a new store (default 250). A page's URL keeps "
    "its members, so a store keeps the size it was created with.",
)
@kind_option
@partial_option
@wait_option
@click.option(
    "--no-dump",
    is_flag=True,
    help="Do not rebuild the current-state dumps afterwards (/dump/…; 'beleidsdata dump' "
    "rebuilds them later).",
)
@click.option("-q", "--quiet", is_flag=True, help="Print only the summary line.")
def ingest_command(
    paths: tuple[str, ...],
    db: str,
    base_iri: str | None,
    page_size: int | None,
    kind: str | None,
    partial: bool,
    wait: float,
    no_dump: bool,
    quiet: bool,
) -> None:
    """Convert, validate and store documents, in one transaction.

    A document that cannot be read, parsed or validated changes nothing. Re-ingesting an
    unchanged document is a no-op; a changed document adds members only for the
    resources whose meaning changed; a resource that disappeared from its document gets
    a delete member. A document replaces the stored document with the same file name.
    Only one writer works at a time: a second one waits up to --wait seconds.
    """
    texts = read_all(paths)
    store = open_or_fail(db, base_iri, page_size=page_size)
    progress = None if quiet else (lambda msg: click.echo(f"  {msg}", err=True))
    try:
        result = ingest(store, texts, kind=kind, progress=progress, wait=wait, partial=partial)
        if result.changed and not no_dump:
            build_dumps(store, progress)
    except ValidationFailed as exc:
        for line in exc.lines()[:50]:
            click.echo(f"invalid: {line}", err=True)
        fail(f"{len(exc.report.violations)} SHACL violation(s); nothing was stored", EXIT_INVALID)
    except BeleidsdataError as exc:
        fail_on(exc)
    finally:
        store.close()
    warn(result.warnings)
    _report(result, db, quiet)


@main.command("withdraw")
@click.argument("names", nargs=-1, required=True)
@db_option
@wait_option
@click.option("-q", "--quiet", is_flag=True, help="Print only the summary line.")
def withdraw_command(names: tuple[str, ...], db: str, wait: float, quiet: bool) -> None:
    """Withdraw published documents by the file name they were published under.

    What only they described gets a delete member (its /doc then answers 410 Gone); what
    other documents describe too is rebuilt without them. The withdrawn documents' texts
    stay out of the store from now on.
    """
    store = open_or_fail(db, create=False)
    try:
        result = withdraw(store, names, wait=wait)
    except BeleidsdataError as exc:
        fail_on(exc)
    finally:
        store.close()
    _report(result, db, quiet)


@main.command("log")
@db_option
@click.option("-n", "--limit", type=click.IntRange(1), default=20, show_default=True)
def log_command(db: str, limit: int) -> None:
    """Every write to the store, newest first: when, who (the token's name, or "lokaal"
    for the command line), what, which sources and which members."""
    store = open_or_fail(db, create=False, readonly=True)
    try:
        for w in store.writes(limit):
            members = f"members {w.first_seq}-{w.last_seq}" if w.first_seq else "no members"
            sources = ", ".join(w.sources) or "-"
            click.echo(
                f"{w.id:>5}  {w.time}  {w.actor:<12} {w.action:<9} {members:<20} "
                f"{w.summary}; {sources}"
            )
    finally:
        store.close()
