"""Operating a store: schema upgrades, tokens, backups, static exports."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import BeleidsdataError
from ..store import database, open_store, schema
from ..store.backup import export_store, import_store, read_manifest
from ..store.tokens import create_token, revoke_token
from .common import db_option, fail, fail_on, open_or_fail
from .main import main


def _say(message: str) -> None:
    click.echo(f"  {message}", err=True)


@main.group("db")
def db_group() -> None:
    """The store's schema: upgrade an older store in place."""


@db_group.command("upgrade")
@db_option
@click.option(
    "--base-iri",
    default=None,
    help="Base IRI when the database is still empty and a store is created (default "
    "http://localhost:8000); an existing store keeps its own.",
)
@click.option(
    "--page-size",
    type=click.IntRange(1, 10000),
    default=None,
    help="Members per event-stream page when a store is created (default 250).",
)
def db_upgrade_command(db: str, base_iri: str | None, page_size: int | None) -> None:
    """Create the store's schema, or migrate it to this version's, in place (safe to run
    again: a current store is left as it is).

    The same versioned migrations run on SQLite and PostgreSQL. An empty database (a new
    file, or a PostgreSQL database made with createdb) gets the current schema, so a
    deployment can prepare its database before the first serve or ingest. Stores
    written by an older beleidsdata are refused by serve and ingest until this has run.
    Back the store up first (beleidsdata export, pg_dump, or a copy of the file).
    """
    from ..pipeline.maintenance import remap_all

    try:
        probe = database(db)
        try:
            empty = schema.version_of(probe) is None
        finally:
            probe.close()
        if empty:
            open_store(db, base_iri, page_size=page_size).close()
            click.echo(f"{db}: created, schema {schema.CURRENT}")
            return
        store = open_store(db, create=False, check_schema=False)
    except BeleidsdataError as exc:
        fail_on(exc)
    try:
        done = schema.upgrade(store.db, _now())
        for name in done:
            click.echo(f"applied migration {name}", err=True)
    except BeleidsdataError as exc:
        fail_on(exc)
    finally:
        store.close()
    store = open_or_fail(db, create=False)  # as migrated: its page size, its base IRI
    try:
        if store.meta("needs_remap"):
            written = remap_all(store, progress=_say)
            click.echo(f"mapped every source again: {written} member(s) for what changed", err=True)
    except BeleidsdataError as exc:
        fail_on(exc)
    finally:
        store.close()
    click.echo(f"{db}: schema {schema.CURRENT}" + ("" if done else " (already current)"))


def _now() -> str:
    from ..store import utc_now

    return utc_now()


@main.group("token")
def token_group() -> None:
    """Tokens that may publish over HTTP (POST/DELETE /bronnen)."""


@token_group.command("add")
@click.argument("name")
@db_option
def token_add_command(name: str, db: str) -> None:
    """Create a token called NAME; it is printed once, alone on the last line.

    The store keeps only a hash. Members published with it name it as their publisher.
    """
    store = open_or_fail(db)
    try:
        token = create_token(store, name)
    except BeleidsdataError as exc:
        fail_on(exc)
    finally:
        store.close()
    click.echo(f"token {name!r} created; keep it secret, it is not shown again:", err=True)
    click.echo(token)


@token_group.command("list")
@db_option
def token_list_command(db: str) -> None:
    """Every token: name, key id, when created and when revoked."""
    store = open_or_fail(db, create=False, readonly=True)
    try:
        for t in store.tokens():
            state = f"revoked {t.revoked_at}" if t.revoked_at else "active"
            click.echo(f"{t.name:<24} {t.key_id}  created {t.created_at}  {state}")
    finally:
        store.close()


@token_group.command("revoke")
@click.argument("name")
@db_option
def token_revoke_command(name: str, db: str) -> None:
    """Revoke the token called NAME: it can no longer publish."""
    store = open_or_fail(db, create=False)
    try:
        if not revoke_token(store, name):
            fail(f"no active token named {name!r}")
    finally:
        store.close()
    click.echo(f"token {name!r} revoked", err=True)


@main.command("export")
@db_option
@click.option(
    "-o", "--output", required=True, type=click.Path(file_okay=False), help="A new folder."
)
def export_command(db: str, output: str) -> None:
    """Back the whole store up as a folder (lossless; docs/backup.md describes it).

    Sources, the event log with member IRIs, versions and times, every stored page and
    document with its ETag, tokens' hashes and the write log. Restoring it with
    'beleidsdata import' gives replicas exactly the same URLs, bytes and ETags. Safe on a
    live store: it reads one consistent snapshot while writers go on.
    """
    store = open_or_fail(db, create=False)
    try:
        counts = export_store(store, Path(output), progress=_say)
    except BeleidsdataError as exc:
        fail_on(exc)
    except OSError as exc:
        fail(f"{output}: cannot write ({exc.strerror})")
    finally:
        store.close()
    click.echo(f"exported {counts['members']} members and {counts['sources']} sources to {output}")


@main.command("import")
@click.argument("folder", type=click.Path(file_okay=False, exists=True))
@db_option
def import_command(folder: str, db: str) -> None:
    """Restore a backup made by 'beleidsdata export' into a new store (--db).

    The new store may use another backend (an SQLite file or PostgreSQL); it gets the
    backup's base IRI and page size.
    """
    from ..pipeline.maintenance import rebuild_index

    try:
        manifest = read_manifest(Path(folder))
    except BeleidsdataError as exc:
        fail_on(exc)
    store = open_or_fail(db, manifest["base_iri"], page_size=int(manifest["page_size"]))
    try:
        counts = import_store(store, Path(folder), rebuild_index, progress=_say)
    except BeleidsdataError as exc:
        fail_on(exc)
    finally:
        store.close()
    click.echo(f"imported {counts['members']} members and {counts['sources']} sources into {db}")


@main.group("ldes")
def ldes_group() -> None:
    """The event stream (LDES): export it as static files."""


@ldes_group.command("export")
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(file_okay=False),
    help="Folder to write the files to (created when missing).",
)
@db_option
def ldes_export_command(output: str, db: str) -> None:
    """Write the whole event stream as static files a web server can host at the same URLs.

    Every stream, root, branch and page in Turtle (.ttl), JSON-LD (.jsonld), N-Triples
    (.nt), N-Quads (.nq) and TriG (.trig), the catalogue, context/v1.jsonld, the shapes and
    mutable.map (the URLs that can still change, for the server's cache headers). IRIs are
    under the store's base IRI: serve the folder at that address (the README has an nginx
    configuration).
    """
    from ..ldes.export import export

    store = open_or_fail(db, create=False, readonly=True)
    try:
        counts = export(store, Path(output))
    except OSError as exc:
        fail(f"{output}: cannot write ({exc.strerror})")
    finally:
        store.close()
    click.echo(
        f"wrote {counts['documents']} documents ({counts['files']} files, "
        f"{counts['mutable']} still open) for {store.base_iri} to {output}",
        err=True,
    )


@main.group("site")
def site_group() -> None:
    """The human-readable site: build it as static files."""


@site_group.command("build")
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(file_okay=False),
    help="Folder to write the site to (created when missing).",
)
@db_option
@click.option(
    "--lang",
    type=click.Choice(["nl", "en"]),
    default="nl",
    show_default=True,
    help="Language of the pages.",
)
@click.option(
    "--service-url",
    default=None,
    metavar="URL",
    help="Where the live service runs: links to its event stream, catalogue, "
    "validator and API point there (left out without it).",
)
def site_build_command(output: str, db: str, lang: str, service_url: str | None) -> None:
    """Write every page of the site as static files with the same URLs as the service.

    index.html, doc/{path}.html with doc/{path}.jsonld, .ttl and .nt beside it,
    zoeken/index.html, vocab/ and shapes/ pages with their Turtle, context/v1.jsonld and
    static/. Any static web server can host the folder.
    """
    from ..web.build import build_site

    store = open_or_fail(db, create=False, readonly=True)
    try:
        result = build_site(store, Path(output), lang=lang, service_url=service_url)
    except OSError as exc:
        fail(f"{output}: cannot write ({exc.strerror})")
    finally:
        store.close()
    click.echo(
        f"wrote {result.pages} pages ({result.files} files) to {output} in "
        f"{result.seconds:.2f} s ({result.pages_per_second:.0f} pages/s)",
        err=True,
    )
