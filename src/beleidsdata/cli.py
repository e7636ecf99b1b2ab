"""The ``beleidsdata`` command: convert, validate, ingest and serve policy documents.

Exit codes, for every command:
  0  done (for validate: the data conforms)
  1  the data does not conform to the shapes (validate, ingest)
  2  unreadable or unrecognised input, or a usage error; nothing was changed
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

import click

from . import __version__
from .formats import jsonld
from .formats.context import context_url
from .formats.turtle import to_turtle
from .mapping.terms import to_ntriples
from .mapping.uris import DEFAULT_BASE
from .pipeline import (
    ValidationFailed,
    convert,
    expand_paths,
    ingest,
    read_source,
)
from .sources import SourceError, kinds
from .store import SQLiteStore, StoreError

DEFAULT_DB = "beleidsdata.sqlite"
EXIT_INVALID = 1
EXIT_USAGE = 2


def _fail(message: str, code: int = EXIT_USAGE) -> None:
    click.echo(f"error: {message}", err=True)
    sys.exit(code)


def _kind_help() -> str:
    return "; ".join(f"{k}: {label}" for k, label in kinds().items())


def _read_all(paths: Sequence[str]) -> list:
    files = expand_paths(paths)
    if not files:
        _fail("no documents given (a folder with no .txt or .md files?)")
    try:
        return [read_source(p) for p in files]
    except SourceError as exc:
        _fail(str(exc))
    return []


def _db_option(f):  # type: ignore[no-untyped-def]
    return click.option(
        "--db",
        "db",
        default=lambda: os.environ.get("BELEIDSDATA_DB", DEFAULT_DB),
        show_default=f"$BELEIDSDATA_DB or {DEFAULT_DB}",
        type=click.Path(dir_okay=False),
        help="The store: an SQLite file, created when missing.",
    )(f)


def _kind_option(f):  # type: ignore[no-untyped-def]
    return click.option(
        "--kind",
        type=click.Choice(sorted(kinds())),
        default=None,
        help="Read every document as this kind instead of detecting it from the content.",
    )(f)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="beleidsdata")
def main() -> None:
    """Flemish government policy documents as linked open data.

    beleidsdata reads policy texts (coalition-agreement sections, the Vlaamse Digitale
    Strategie, government decisions cited in evaluation reports, Parliament resolutions,
    communications to the government), maps them to RDF with the OSLO vocabularies and
    ELI, validates them with SHACL and publishes them: plain JSON-LD per resource, Turtle,
    N-Triples, HTML pages and a Linked Data Event Stream (LDES) of every change.

    \b
    Typical use:
      beleidsdata serve                          # samples on http://127.0.0.1:8000
      beleidsdata convert doc.txt --format ttl   # one document to Turtle
      beleidsdata validate data.ttl              # check data against our shapes
      beleidsdata ingest docs/ --db store.sqlite # add or update documents

    \b
    Exit codes: 0 done (validate: conforms), 1 does not conform to the shapes,
    2 unreadable or unrecognised input or a usage error (nothing was changed).
    """


@main.command("convert")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["ttl", "nt", "jsonld"]),
    default="ttl",
    show_default=True,
    help="RDF serialisation to write.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True),
    help="Write to this file instead of standard output.",
)
@click.option(
    "--base-iri",
    default=DEFAULT_BASE,
    show_default=True,
    help="Base of the IRIs minted: {base}/id/{kind}/{key}.",
)
@click.option(
    "--explain",
    metavar="IRI",
    help="Instead of RDF, print the source lines a resource was read from "
    "(an IRI, or a path such as regeerakkoord/2019-2024/sectie/2.3.5).",
)
@_kind_option
def convert_command(
    paths: tuple[str, ...],
    fmt: str,
    output: str | None,
    base_iri: str,
    kind: str | None,
    explain: str | None,
) -> None:
    """Convert source documents to RDF.

    PATHS are text documents (.txt, .md) or folders of them. The kind of each document is
    detected from its content (use --kind to override). Documents given together are
    converted together: a decision cited by two reports, or a section quoted by both,
    comes out once, carrying what each document says of it. Output is deterministic:
    the same input gives the same bytes.
    """
    texts = _read_all(paths)
    try:
        conversion = convert(texts, base_iri, kind)
    except SourceError as exc:
        _fail(str(exc))
    except ValueError as exc:
        _fail(str(exc))
    if explain:
        _explain(conversion, explain)
        return
    triples = conversion.triples()
    if fmt == "nt":
        data = to_ntriples(triples)
    elif fmt == "jsonld":
        data = jsonld.dumps(jsonld.to_jsonld(triples, None, context_url(base_iri))).decode()
    else:
        data = to_turtle(triples)
    if output:
        Path(output).write_text(data, encoding="utf-8")
        click.echo(
            f"wrote {len(triples)} triples about {len(conversion.entities)} resources to {output}",
            err=True,
        )
    else:
        click.echo(data, nl=False)


def _explain(conversion, iri: str) -> None:  # type: ignore[no-untyped-def]
    from .pipeline import explain

    try:
        excerpts = explain(conversion, iri)
    except KeyError:
        _fail(f"{iri}: no such resource in the converted documents")
    for excerpt in excerpts:
        click.echo(f"{excerpt.name}:{excerpt.start}-{excerpt.end}")
        for number, line in enumerate(excerpt.lines, excerpt.start):
            click.echo(f"{number:>6}  {line}")


@main.command("validate")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "ttl", "jsonld", "csv", "html"]),
    default="text",
    show_default=True,
    help="Report format: text, json (plain JSON), ttl or jsonld (a "
    "sh:ValidationReport), csv (one row per result), html (a page).",
)
@click.option(
    "--lang",
    type=click.Choice(["nl", "en"]),
    default="en",
    show_default=True,
    help="Language of the messages.",
)
@click.option(
    "--area",
    "areas",
    multiple=True,
    metavar="AREA",
    help="Validate against the shapes of this profile area only (repeatable): "
    "besluiten, regeerakkoord, strategie, resolutie, mededeling, evaluatie; "
    "common.ttl is always included. Default: all areas.",
)
@click.option(
    "--engine",
    type=click.Choice(["fast", "pyshacl"]),
    default="fast",
    show_default=True,
    help="fast: our evaluator for the SHACL subset the shapes use (the same "
    "results as pyshacl, several times sooner); pyshacl: plain pyshacl.",
)
@_kind_option
def validate_command(
    paths: tuple[str, ...],
    fmt: str,
    lang: str,
    kind: str | None,
    areas: tuple[str, ...],
    engine: str,
) -> None:
    """Validate RDF data or source documents against the SHACL shapes.

    PATHS are RDF files (Turtle .ttl, N-Triples .nt, N-Quads .nq, TriG .trig, JSON-LD
    .jsonld/.json, RDF/XML .rdf/.xml/.owl; the format is taken from the extension, or
    from the content when the extension says nothing) or source documents (.txt, .md),
    which are converted first. All inputs are validated together.

    Exit code 0 when the data conforms, 1 when it does not (the report is printed),
    2 when an input cannot be read or parsed.
    """
    from .pipeline import validation_graph
    from .validation import AreaError, normalise_areas, validate_graph, with_sources
    from .validation import reports as report_formats
    from .validation.inputs import RDFSyntaxError

    try:
        chosen = normalise_areas(areas)
    except AreaError as exc:
        _fail(str(exc))
    texts: dict[str, list[str]] = {}
    try:
        graph = validation_graph(expand_paths(paths), kind=kind, source_texts=texts)
    except (RDFSyntaxError, SourceError) as exc:
        _fail(str(exc))
    report = validate_graph(graph, chosen, provenance=False, engine=engine)
    report.results = with_sources(report.results, graph, texts)
    if fmt == "json":
        click.echo(report.to_json(lang), nl=False)
    elif fmt == "ttl":
        click.echo(report_formats.to_turtle(report), nl=False)
    elif fmt == "jsonld":
        click.echo(report_formats.to_jsonld(report), nl=False)
    elif fmt == "csv":
        click.echo(report_formats.to_csv(report, lang), nl=False)
    elif fmt == "html":
        from .site.report import report_html

        click.echo(report_html(report, lang).decode(), nl=False)
    else:
        click.echo(report.to_text(lang), nl=False)
    sys.exit(0 if report.conforms else EXIT_INVALID)


@main.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@_db_option
@click.option(
    "--base-iri",
    default=None,
    help=f"Base IRI for a new store (default {DEFAULT_BASE}). A store keeps the "
    "base IRI it was created with; another value is refused.",
)
@_kind_option
@click.option("-q", "--quiet", is_flag=True, help="Print only the summary line.")
def ingest_command(
    paths: tuple[str, ...], db: str, base_iri: str | None, kind: str | None, quiet: bool
) -> None:
    """Convert, validate and store documents, in one transaction.

    A document that cannot be read, parsed or validated changes nothing. Re-ingesting an
    unchanged document adds nothing to the event stream; a changed document adds members
    only for what changed; a resource that disappeared from its document gets a delete
    member. A document replaces the stored document with the same file name.
    """
    texts = _read_all(paths)
    try:
        store = SQLiteStore(db, base_iri)
    except StoreError as exc:
        _fail(str(exc))
    progress = None if quiet else (lambda msg: click.echo(f"  {msg}", err=True))
    try:
        result = ingest(store, texts, kind, progress=progress)
    except SourceError as exc:
        _fail(str(exc))
    except ValidationFailed as exc:
        for line in exc.lines()[:50]:
            click.echo(f"invalid: {line}", err=True)
        _fail(f"{len(exc.report.violations)} SHACL violation(s); nothing was stored", EXIT_INVALID)
    finally:
        store.close()
    if not quiet:
        for label, items in (
            ("created", result.created),
            ("changed", result.updated),
            ("removed", result.deleted),
        ):
            for iri in items:
                click.echo(f"{label}: {iri}")
    click.echo(
        f"{len(result.created)} created, {len(result.updated)} changed, "
        f"{len(result.deleted)} removed; {result.members} new member(s) in {db}",
        err=True,
    )


def _validation_options(f):  # type: ignore[no-untyped-def]
    """The limits of POST /validate (defaults from BELEIDSDATA_VALIDATE_* variables)."""
    env = os.environ.get
    options = [
        click.option(
            "--validate-max-bytes",
            type=click.IntRange(1),
            default=lambda: env("BELEIDSDATA_VALIDATE_MAX_BYTES", 50 * 1024 * 1024),
            show_default="50 MB",
            help="Largest request body accepted (413 beyond); $BELEIDSDATA_VALIDATE_MAX_BYTES.",
        ),
        click.option(
            "--validate-timeout",
            type=click.FloatRange(0.1),
            default=lambda: env("BELEIDSDATA_VALIDATE_TIMEOUT", 60),
            show_default="60",
            help="Seconds a validation may take before it is stopped (422); "
            "$BELEIDSDATA_VALIDATE_TIMEOUT.",
        ),
        click.option(
            "--validate-concurrency",
            type=click.IntRange(1),
            default=lambda: env("BELEIDSDATA_VALIDATE_CONCURRENCY", 2),
            show_default="2",
            help="Validations at once; more get 429 with Retry-After; "
            "$BELEIDSDATA_VALIDATE_CONCURRENCY.",
        ),
        click.option(
            "--validate-fetch/--no-validate-fetch",
            default=lambda: (
                env("BELEIDSDATA_VALIDATE_FETCH", "").lower() in ("1", "true", "yes", "on")
            ),
            help="Let POST /validate fetch a URL (off by default; $BELEIDSDATA_VALIDATE_FETCH). "
            "Public addresses only, at most --validate-fetch-max-bytes, in "
            "--validate-fetch-timeout seconds.",
        ),
        click.option(
            "--validate-fetch-max-bytes",
            type=click.IntRange(1),
            default=lambda: env("BELEIDSDATA_VALIDATE_FETCH_MAX_BYTES", 20 * 1024 * 1024),
            show_default="20 MB",
            help="Largest document fetched; $BELEIDSDATA_VALIDATE_FETCH_MAX_BYTES.",
        ),
        click.option(
            "--validate-fetch-timeout",
            type=click.FloatRange(0.1),
            default=lambda: env("BELEIDSDATA_VALIDATE_FETCH_TIMEOUT", 20),
            show_default="20",
            help="Seconds a fetch may take; $BELEIDSDATA_VALIDATE_FETCH_TIMEOUT.",
        ),
        click.option(
            "--validate-fetch-allow-private",
            is_flag=True,
            default=lambda: (
                env("BELEIDSDATA_VALIDATE_FETCH_ALLOW_PRIVATE", "").lower() in ("1", "true", "yes")
            ),
            help="Also fetch from loopback and private addresses (for tests only); "
            "$BELEIDSDATA_VALIDATE_FETCH_ALLOW_PRIVATE.",
        ),
    ]
    for option in reversed(options):
        f = option(f)
    return f


def _validation_settings(values: dict):  # type: ignore[no-untyped-def]
    from .api.validate_settings import ValidationSettings

    return ValidationSettings(
        max_bytes=int(values["validate_max_bytes"]),
        timeout=float(values["validate_timeout"]),
        concurrency=int(values["validate_concurrency"]),
        fetch=bool(values["validate_fetch"]),
        fetch_max_bytes=int(values["validate_fetch_max_bytes"]),
        fetch_timeout=float(values["validate_fetch_timeout"]),
        fetch_allow_private=bool(values["validate_fetch_allow_private"]),
    )


@main.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
@_db_option
@click.option(
    "--base-iri",
    default=None,
    help="Base IRI of a new store; defaults to http://{host}:{port}. An existing "
    "store keeps its own.",
)
@click.option(
    "--page-size",
    default=250,
    show_default=True,
    type=click.IntRange(1, 10000),
    help="Members per event-stream page.",
)
@click.option(
    "--no-samples",
    is_flag=True,
    help="Do not load the bundled sample documents into an empty store.",
)
@click.option(
    "--max-in-flight",
    default=512,
    show_default=True,
    type=click.IntRange(1),
    help="Requests handled at once; more get 429 Too Many Requests with Retry-After.",
)
@_validation_options
def serve_command(
    host: str,
    port: int,
    db: str,
    base_iri: str | None,
    page_size: int,
    no_samples: bool,
    max_in_flight: int,
    **validation: object,
) -> None:
    """Serve the store over HTTP: resources, the event stream, vocabularies, shapes.

    On an empty store the bundled sample corpus (data/samples/) is ingested first, so the
    first run shows real data. Endpoints: /id/{path} (303 to /doc/{path}), /doc/{path}
    (JSON-LD, Turtle, N-Triples or HTML by Accept), /ldes (event stream), /context/v1.jsonld,
    /vocab/{file}, /shapes/{file}, /healthz, OpenAPI at /docs.
    """
    import uvicorn

    from .api.app import create_app
    from .resources import samples_dir

    display_host = "localhost" if host in ("127.0.0.1", "0.0.0.0", "::") else host
    listening = f"http://{display_host}:{port}"
    new_store = not Path(db).exists()
    try:
        store = SQLiteStore(db, base_iri or (listening if new_store else None))
    except StoreError as exc:
        _fail(str(exc))
    if store.base_iri != listening and not base_iri:
        click.echo(
            f"note: {db} names its resources under {store.base_iri}; links and the "
            f"event stream point there, not at {listening}",
            err=True,
        )
    if store.count_members() == 0 and not no_samples:
        samples = expand_paths([samples_dir()])
        click.echo(
            f"empty store: loading {len(samples)} sample documents from {samples_dir()}", err=True
        )
        try:
            result = ingest(
                store,
                [read_source(p) for p in samples],
                progress=lambda m: click.echo(f"  {m}", err=True),
            )
        except (SourceError, ValidationFailed) as exc:
            _fail(f"the bundled samples could not be loaded: {exc}")
        click.echo(f"loaded {len(result.created)} resources", err=True)
    click.echo(
        f"serving {db} as {store.base_iri} on http://{host}:{port}/ (Ctrl+C stops)", err=True
    )
    app = create_app(store, page_size=page_size, max_in_flight=max_in_flight)
    app.state.validation = _validation_settings(validation)
    uvicorn.run(app, host=host, port=port, log_level="warning")


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
@_db_option
@click.option(
    "--page-size",
    default=250,
    show_default=True,
    type=click.IntRange(1, 10000),
    help="Members per event-stream page.",
)
def ldes_export_command(output: str, db: str, page_size: int) -> None:
    """Write the whole event stream as static files a web server can host at the same URLs.

    Every view, page, stream description and the catalogue in Turtle (.ttl), JSON-LD
    (.jsonld), N-Triples (.nt), N-Quads (.nq) and TriG (.trig), plus context/v1.jsonld, the
    shapes and mutable.map (the URLs that can still change, for the server's cache
    headers). IRIs are under the store's base IRI: serve the folder at that address (the
    README has an nginx configuration).
    """
    from .ldes.export import export
    from .ldes.stream import StreamLayout, materialise

    if not Path(db).exists():
        _fail(f"{db}: no store here (run 'beleidsdata ingest' first)")
    try:
        store = SQLiteStore(db)
    except StoreError as exc:
        _fail(str(exc))
    layout = StreamLayout(store.base_iri, page_size)
    try:
        materialise(store, layout)
        counts = export(store, layout, Path(output))
    except OSError as exc:
        _fail(f"{output}: cannot write ({exc.strerror})")
    finally:
        store.close()
    click.echo(
        f"wrote {counts['pages']} pages ({counts['files']} files, "
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
@_db_option
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
    zoeken/index.html (every title), vocab/ and shapes/ pages with their Turtle,
    context/v1.jsonld and static/. Any static web server can host the folder.
    """
    from .site.build import build_site

    if not Path(db).exists():
        _fail(f"{db}: no store here (run 'beleidsdata ingest' first)")
    try:
        store = SQLiteStore(db, readonly=True)
    except StoreError as exc:
        _fail(str(exc))
    try:
        result = build_site(store, Path(output), lang=lang, service_url=service_url)
    except OSError as exc:
        _fail(f"{output}: cannot write ({exc.strerror})")
    finally:
        store.close()
    click.echo(
        f"wrote {result.pages} pages ({result.files} files) to {output} in "
        f"{result.seconds:.2f} s ({result.pages_per_second:.0f} pages/s)",
        err=True,
    )


def run(args: list[str] | None = None) -> None:
    """The console entry point: usage errors as one line, exit code 2, no traceback."""
    try:
        code = main.main(args=args, prog_name="beleidsdata", standalone_mode=False)
    except click.UsageError as exc:
        if type(exc).__name__ == "NoArgsIsHelpError":  # plain `beleidsdata`: the manual
            click.echo(exc.format_message())
            sys.exit(0)
        hint = (
            f" (see 'beleidsdata {exc.ctx.info_name} --help')"
            if exc.ctx and exc.ctx.parent
            else " (see 'beleidsdata --help')"
        )
        click.echo(f"error: {exc.format_message()}{hint}", err=True)
        sys.exit(EXIT_USAGE)
    except click.ClickException as exc:
        click.echo(f"error: {exc.format_message()}", err=True)
        sys.exit(exc.exit_code)
    except click.Abort:
        click.echo("aborted", err=True)
        sys.exit(130)
    except KeyboardInterrupt:
        sys.exit(130)
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":  # pragma: no cover
    run()


__all__ = ["main"]
