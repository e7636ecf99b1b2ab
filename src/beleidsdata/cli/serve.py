"""``serve``: the HTTP service over a store, with the validation service's limits."""

from __future__ import annotations

import contextlib
import os
import threading
from typing import Any

import click

from ..api.validate_settings import ValidationSettings
from ..errors import BeleidsdataError
from ..pipeline import expand_paths, ingest, read_source
from ..store import Store
from . import stacks
from .common import F, db_option, fail, open_or_fail
from .connection_options import connection_limits, connection_options
from .ingest import build_dumps
from .main import main
from .stacks import STACKS, worker_environment


def _refresh_dumps(store: Store) -> None:
    with contextlib.suppress(BeleidsdataError):  # busy or unwritable: the next ingest will
        build_dumps(store)


def validation_options(f: F) -> F:
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


def validation_settings(values: dict[str, Any]) -> ValidationSettings:

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
@db_option
@click.option(
    "--base-iri",
    default=None,
    help="Base IRI of a new store; defaults to http://{host}:{port}. An existing "
    "store keeps its own.",
)
@click.option(
    "--page-size",
    default=None,
    type=click.IntRange(1, 10000),
    help="Members per event-stream page, for a new store (default 250); a store keeps the "
    "size it was created with.",
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
@click.option(
    "--stack",
    type=click.Choice(STACKS),
    default=lambda: os.environ.get("BELEIDSDATA_STACK", "httptools"),
    show_default="httptools",
    help="HTTP server: uvicorn with httptools and uvloop, uvicorn with h11, or granian "
    "(pip install 'beleidsdata[granian]'); $BELEIDSDATA_STACK.",
)
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=lambda: os.environ.get("BELEIDSDATA_WORKERS", 1),
    show_default="1",
    help="Worker processes, each serving the store (more use more cores); $BELEIDSDATA_WORKERS.",
)
@connection_options
@validation_options
def serve_command(
    host: str,
    port: int,
    db: str,
    base_iri: str | None,
    page_size: int | None,
    no_samples: bool,
    max_in_flight: int,
    stack: str,
    workers: int,
    **options: object,
) -> None:
    """Serve the store over HTTP: resources, the event stream, vocabularies, shapes.

    On an empty store the bundled sample corpus (data/samples/) is ingested first, so the
    first run shows real data. Endpoints: /id/{path} (303 to /doc/{path}), /doc/{path}
    (JSON-LD, Turtle, N-Triples or HTML by Accept), /ldes (event stream), /context/v1.jsonld,
    /vocab/{file}, /shapes/{file}, /healthz, OpenAPI at /docs.
    """
    from ..api.app import create_app
    from ..resources import samples_dir

    display_host = "localhost" if host in ("127.0.0.1", "0.0.0.0", "::") else host
    listening = f"http://{display_host}:{port}"
    store = open_or_fail(db, base_iri, page_size=page_size, default_base=listening)
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
        except BeleidsdataError as exc:
            fail(f"the bundled samples could not be loaded: {exc}")
        click.echo(f"loaded {len(result.created)} resources", err=True)
        build_dumps(store)
    click.echo(
        f"serving {db} as {store.base_iri} on http://{host}:{port}/ (Ctrl+C stops)", err=True
    )
    if not getattr(store.db, "readonly", False):
        # A dump older than the stream (an ingest ran without rebuilding it): rebuild it
        # beside the server, which answers at once.
        threading.Thread(target=_refresh_dumps, args=(store,), daemon=True).start()
    limits = connection_limits(options)
    validation = validation_settings(options)
    app = None
    if workers == 1 and stack != "granian":
        app = create_app(store, max_in_flight=max_in_flight)
        app.state.validation = validation
    environment = worker_environment(db, max_in_flight, validation, limits)
    try:
        stacks.run(
            stack,
            app,
            host=host,
            port=port,
            workers=workers,
            environment=environment,
            limits=limits,
        )
    except BeleidsdataError as exc:
        fail(str(exc))
