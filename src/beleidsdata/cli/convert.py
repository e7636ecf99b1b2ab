"""``convert`` and ``validate``: work on files, no store."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..errors import BeleidsdataError, InputError
from ..formats import jsonld
from ..formats.context import context_url
from ..formats.ttl import to_turtle
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
    type=click.Choice(["text", "json", "ttl", "jsonld", "csv", "html", "pdf"]),
    default="text",
    show_default=True,
    help="Report format: text, json (plain JSON), ttl or jsonld (a "
    "sh:ValidationReport), csv (one row per result), html (a page), pdf (a document; "
    "with -o, or redirect standard output to a file).",
)
@click.option(
    "--severity",
    type=click.Choice(["violation", "warning", "info"]),
    default="info",
    show_default=True,
    help="Show results of this severity and worse: violation (violations only), warning "
    "(violations and warnings) or info (all). The verdict and the exit code do not change.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True),
    help="Write the report to this file instead of standard output.",
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
    severity: str,
    output: str | None,
) -> None:
    """Validate RDF data or source documents against the SHACL shapes.

    PATHS are RDF files (Turtle .ttl, N-Triples .nt, N-Quads .nq, TriG .trig, JSON-LD
    .jsonld/.json, RDF/XML .rdf/.xml/.owl; the format is taken from the extension, or
    from the content when the extension says nothing) or source documents (.txt, .md),
    which are converted first. All inputs are validated together.

    Results about RDF files name the lines of that file where the focus node's
    statements are (Turtle, TriG, N-Triples, N-Quads); results about source documents
    name the lines of the source text. Every word follows --lang.

    Exit code 0 when the data conforms, 1 when it does not (the report is printed),
    2 when an input cannot be read or parsed (the parser's message with line and column).
    """
    from ..validation import ValidationReport, normalise_areas, validate_graph, with_sources
    from ..validation import reports as report_formats
    from ..validation.pdf import to_pdf
    from ..validation.provenance import with_file_lines
    from ..validation.reports import at_least
    from ..web.report import report_html

    try:
        chosen = normalise_areas(areas)
        texts: dict[str, list[str]] = {}
        graph = validation_graph(expand_paths(paths), kind=kind, source_texts=texts)
    except InputError as exc:
        fail_on(exc)
    report = validate_graph(graph, chosen, provenance=False, engine=engine)
    report.results = with_sources(report.results, graph, texts)
    report.results = with_file_lines(report.results, _rdf_texts(paths))
    level = severity.capitalize()
    shown = ValidationReport(
        report.conforms, at_least(report, level), report.focus_count, report.areas, report.triples
    )
    body: str | bytes
    if fmt == "json":
        body = shown.to_json(lang)
    elif fmt == "ttl":
        body = report_formats.to_turtle(shown)
    elif fmt == "jsonld":
        body = report_formats.to_jsonld(shown)
    elif fmt == "csv":
        body = report_formats.to_csv(shown, lang)
    elif fmt == "html":
        body = report_html(report, lang, severity=level).decode()
    elif fmt == "pdf":
        body = to_pdf(report, lang, level)
    else:
        body = report_formats.to_text(report, lang, level)
    if output:
        data = body if isinstance(body, bytes) else body.encode()
        Path(output).write_bytes(data)
        click.echo(report_formats.summary(report, lang), err=True)
    elif isinstance(body, bytes):
        sys.stdout.buffer.write(body)
        sys.stdout.flush()
    else:
        click.echo(body, nl=False)
    sys.exit(0 if report.conforms else EXIT_INVALID)


def _rdf_texts(paths: tuple[str, ...]) -> dict[str, str]:
    """The text of each RDF input whose lines a report can name (Turtle, N-Triples…)."""
    from ..validation.inputs import rdf_format
    from ..validation.provenance import LINED

    out = {}
    for path in expand_paths(paths):
        if rdf_format(path) in LINED:
            out[str(path)] = path.read_text(encoding="utf-8-sig", errors="replace")
    return out
