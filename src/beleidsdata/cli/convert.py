"""``convert`` and ``validate``: work on files, no store."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..errors import BeleidsdataError, InputError
from ..formats import jsonld
from ..formats.context import context_url
from ..formats.turtle import to_turtle
from ..mapping.terms import to_ntriples
from ..mapping.uris import DEFAULT_BASE
from ..pipeline import Conversion, convert, expand_paths, explain, validation_graph
from .common import EXIT_INVALID, fail, fail_on, kind_option, partial_option, read_all, warn
from .main import main


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
@kind_option
@partial_option
def convert_command(
    paths: tuple[str, ...],
    fmt: str,
    output: str | None,
    base_iri: str,
    kind: str | None,
    explain: str | None,
    partial: bool,
) -> None:
    """Convert source documents to RDF.

    PATHS are text documents (.txt, .md) or folders of them. The kind of each document is
    detected from its content (use --kind to override). Documents given together are
    converted together: a decision cited by two reports, or a section quoted by both,
    comes out once, carrying what each document says of it. Output is deterministic:
    the same input gives the same bytes. What a document leaves out or could not
    identify (a reference without a date, say) is printed on standard error as
    "warning: FILE:LINE: …"; a text that stops short is refused unless --partial.
    """
    texts = read_all(paths)
    try:
        conversion = convert(texts, base_iri, kind, partial=partial)
    except BeleidsdataError as exc:
        fail_on(exc)
    except ValueError as exc:
        fail(str(exc))
    warn(conversion.warnings())
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


def _explain(conversion: Conversion, iri: str) -> None:
    try:
        excerpts = explain(conversion, iri)
    except KeyError:
        fail(f"{iri}: no such resource in the converted documents")
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
    help="Validate against the shapes of this profile area only (repeatable; see "
    "'beleidsdata --help' for the areas); common.ttl is always included. Default: all.",
)
@click.option(
    "--engine",
    type=click.Choice(["fast", "pyshacl"]),
    default="fast",
    show_default=True,
    help="fast: our evaluator for the SHACL subset the shapes use (the same "
    "results as pyshacl, several times sooner); pyshacl: plain pyshacl.",
)
@kind_option
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
    from ..site.report import report_html
    from ..validation import normalise_areas, validate_graph, with_sources
    from ..validation import reports as report_formats

    try:
        chosen = normalise_areas(areas)
        texts: dict[str, list[str]] = {}
        graph = validation_graph(expand_paths(paths), kind=kind, source_texts=texts)
    except InputError as exc:
        fail_on(exc)
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
        click.echo(report_html(report, lang).decode(), nl=False)
    else:
        click.echo(report.to_text(lang), nl=False)
    sys.exit(0 if report.conforms else EXIT_INVALID)
