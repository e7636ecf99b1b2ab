"""Validation for data stewards (issue 7): profile areas, inputs, reports, the CLI.

Everything here runs on the real sample documents, converted as the service does.
"""

from __future__ import annotations

import csv
import io
import json
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import rdflib
from rdflib.namespace import SH

from beleidsdata.pipeline import convert, read_source
from beleidsdata.validation import (
    AreaError,
    areas,
    normalise_areas,
    report_view,
    triples_to_graph,
    validate_graph,
    validate_triples,
    with_sources,
)
from beleidsdata.validation import reports as report_formats
from beleidsdata.validation.fetch import FetchError, fetch
from beleidsdata.validation.inputs import RDFSyntaxError, parse_bytes
from support import SAMPLE, cli

AREAS = [
    "beslissingenlijst",
    "besluiten",
    "evaluatie",
    "mededeling",
    "regeerakkoord",
    "resolutie",
    "strategie",
]
BASE = "http://localhost:8000"


@pytest.fixture(scope="module")
def resolution_nt(tmp_path_factory: pytest.TempPathFactory) -> str:
    return cli("convert", str(SAMPLE["resolutie"]), "--format", "nt").stdout


@pytest.fixture(scope="module")
def broken_resolution(tmp_path_factory: pytest.TempPathFactory, resolution_nt: str) -> Path:
    """The real resolution with one recital's source link removed (a violation)."""
    lines = [
        line
        for line in resolution_nt.splitlines()
        if "/overweging/3> <http://www.w3.org/ns/prov#wasDerivedFrom>" not in line
    ]
    path = tmp_path_factory.mktemp("broken") / "broken.nt"
    path.write_text("\n".join(lines) + "\n")
    return path


# --------------------------------------------------------------------------- areas


def test_the_profile_areas_are_the_shapes_files() -> None:
    assert areas() == AREAS
    assert normalise_areas(None) == ()
    assert normalise_areas(["all"]) == ()
    assert normalise_areas(["Resolutie", "besluiten", "resolutie"]) == ("besluiten", "resolutie")
    assert normalise_areas(AREAS) == ()  # every area is all of them
    with pytest.raises(AreaError, match="known areas: beslissingenlijst, besluiten"):
        normalise_areas(["common", "nope"])


def test_one_area_runs_only_its_own_shapes(broken_resolution: Path) -> None:
    graph = rdflib.Graph().parse(broken_resolution)
    everything = validate_graph(graph)
    own = validate_graph(graph, ["resolutie"])
    other = validate_graph(graph, ["besluiten"])
    assert not everything.conforms and not own.conforms
    assert own.areas == ("resolutie",)
    # the recital is an eli:LegalResourceSubdivision: its shape is in resolutie.ttl, so the
    # decisions area does not judge it at all
    assert {r.focus for r in own.violations} == {r.focus for r in everything.violations}
    assert other.conforms and not other.results
    shapes = {r.shape for r in everything.results}
    assert any("LegalResourceShape" in (s or "") for s in shapes)
    assert not any("LegalResourceShape" in (r.shape or "") for r in other.results)


def test_cli_validates_against_chosen_areas(broken_resolution: Path) -> None:
    own = cli(
        "validate",
        str(broken_resolution),
        "--area",
        "resolutie",
        "--area",
        "besluiten",
        "--format",
        "json",
    )
    assert own.returncode == 1
    assert json.loads(own.stdout)["areas"] == ["besluiten", "resolutie"]
    unknown = cli("validate", str(broken_resolution), "--area", "nope")
    assert unknown.returncode == 2 and "unknown profile area nope" in unknown.stderr
    assert "Traceback" not in unknown.stderr


# --------------------------------------------------------------------------- inputs


def _formats_of_the_resolution(resolution_nt: str) -> dict[str, tuple[str, bytes]]:
    graph = rdflib.Graph().parse(data=resolution_nt, format="nt")
    dataset = rdflib.Dataset()
    named = dataset.graph(rdflib.URIRef("urn:x-test:g"))
    for t in graph:
        named.add(t)
    return {
        "turtle": (".ttl", graph.serialize(format="turtle").encode()),
        "nt": (".nt", resolution_nt.encode()),
        "json-ld": (".jsonld", graph.serialize(format="json-ld").encode()),
        "xml": (".rdf", graph.serialize(format="xml").encode()),
        "nquads": (".nq", dataset.serialize(format="nquads").encode()),
        "trig": (".trig", dataset.serialize(format="trig").encode()),
    }


def test_every_rdf_syntax_gives_the_same_verdict(resolution_nt: str, tmp_path: Path) -> None:
    expected = validate_graph(rdflib.Graph().parse(data=resolution_nt, format="nt"))
    for fmt, (suffix, data) in _formats_of_the_resolution(resolution_nt).items():
        graph = rdflib.Graph()
        parse_bytes(graph, data, f"x{suffix}", fmt)
        got = validate_graph(graph)
        assert got.conforms == expected.conforms, fmt
        assert [(r.focus, r.path, r.shape) for r in got.results] == [
            (r.focus, r.path, r.shape) for r in expected.results
        ], fmt
        (tmp_path / f"resolutie{suffix}").write_bytes(data)
        result = cli("validate", str(tmp_path / f"resolutie{suffix}"))
        assert result.returncode == 0, (fmt, result.stderr)


@pytest.mark.parametrize(
    ("fmt", "data", "line"),
    [
        ("turtle", b'@prefix ex: <http://e/> .\nex:a ex:b ex:c .\n\nex:d ex:e "open .\n', 4),
        ("nt", b"<http://e/a> <http://e/b> <http://e/c> .\n<http://e/a> <http://e/b> oops .\n", 2),
        ("json-ld", b'{\n  "@id": "http://e/a",\n  "http://e/b": \n}\n', 4),
        ("trig", b"@prefix ex: <http://e/> .\nex:g {\n ex:a ex:b ex:c .\n ex:a ex:b \n}\n", 5),
    ],
)
def test_a_syntax_error_names_its_line(fmt: str, data: bytes, line: int) -> None:
    with pytest.raises(RDFSyntaxError, match=rf"^kapot:{line}:(\d+:)? "):
        parse_bytes(rdflib.Graph(), data, "kapot", fmt)


def test_cli_syntax_error_exit_2_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "kapot.nt"
    path.write_text("<http://e/a> <http://e/b> <http://e/c> .\n<http://e/a> <http://e/b> x .\n")
    result = cli("validate", str(path))
    assert result.returncode == 2 and "kapot.nt:2:" in result.stderr
    assert "Traceback" not in result.stderr


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def test_fetch_reads_a_url_within_limits_and_refuses_private_addresses(
    tmp_path: Path, resolution_nt: str
) -> None:
    (tmp_path / "r.nt").write_text(resolution_nt)
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(tmp_path)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/r.nt"
    try:
        with pytest.raises(FetchError, match="loopback"):
            fetch(url, max_bytes=10**8, timeout=5)
        got = fetch(url, max_bytes=10**8, timeout=5, allow_private=True)
        assert got.data == resolution_nt.encode()
        with pytest.raises(FetchError, match="limit of 1000 bytes"):
            fetch(url, max_bytes=1000, timeout=5, allow_private=True)
        with pytest.raises(FetchError, match="only http and https"):
            fetch("file:///etc/passwd", max_bytes=1000, timeout=5)
    finally:
        server.shutdown()


# --------------------------------------------------------------------------- reports


@pytest.fixture(scope="module")
def broken_report(broken_resolution: Path):  # type: ignore[no-untyped-def]
    """The report on the broken resolution, with the source text at hand (as when a
    source document is validated): results can name the lines they are about."""
    graph = rdflib.Graph().parse(broken_resolution)
    report = validate_graph(graph)
    text = read_source(SAMPLE["resolutie"])
    source = convert([text], BASE).minter.source(text.stem)
    report.results = with_sources(report.results, graph, {source: list(text.lines)})
    return report


def test_results_carry_the_source_lines_of_their_focus_node(broken_report) -> None:  # type: ignore[no-untyped-def]
    result = next(r for r in broken_report.violations if r.focus.endswith("/overweging/3"))
    assert result.sources, "the converted data says where the recital was read"
    lines = result.sources[0]
    assert lines.name == "resolutie-slim-vlaanderen.txt" and 1 <= lines.begin <= lines.end


def test_source_documents_quote_the_lines_themselves(tmp_path: Path) -> None:
    conversion = convert([read_source(SAMPLE["resolutie"])], BASE)
    text = SAMPLE["resolutie"].read_text(encoding="utf-8").splitlines()
    result = cli("validate", str(SAMPLE["resolutie"]), "--format", "json", "--lang", "nl")
    report = json.loads(result.stdout)
    assert result.returncode == 0 and report["results"], "the resolution has two warnings"
    for r in report["results"]:
        (lines,) = r["sourceLines"]
        assert lines["file"] == "resolutie-slim-vlaanderen.txt"
        assert lines["text"] == text[lines["begin"] - 1 : lines["end"]]
        assert "heeft geen" in r["message"]  # Dutch
    assert conversion.entities


def test_json_ld_and_turtle_reports_are_the_same_shacl_report(broken_report) -> None:  # type: ignore[no-untyped-def]
    from pyld import jsonld

    turtle = rdflib.Graph().parse(data=report_formats.to_turtle(broken_report), format="turtle")
    doc = json.loads(report_formats.to_jsonld(broken_report))
    nquads = jsonld.to_rdf(doc, {"format": "application/n-quads"})
    from_jsonld = rdflib.Graph().parse(data=nquads, format="nquads")
    from rdflib.compare import isomorphic

    assert isomorphic(turtle, from_jsonld), "JSON-LD and Turtle say the same"
    report = turtle.value(predicate=rdflib.RDF.type, object=SH.ValidationReport)
    assert turtle.value(report, SH.conforms) == rdflib.Literal(False)
    results = list(turtle.objects(report, SH.result))
    assert len(results) == len(broken_report.results)
    for node in results:
        for p in (SH.focusNode, SH.resultSeverity, SH.sourceShape, SH.sourceConstraintComponent):
            assert turtle.value(node, p) is not None, p
        assert {m.language for m in turtle.objects(node, SH.resultMessage)} == {"nl", "en"}


def test_csv_report_has_counts_on_top_and_a_row_per_result(broken_report) -> None:  # type: ignore[no-untyped-def]
    rows = list(csv.reader(io.StringIO(report_formats.to_csv(broken_report, "en"))))
    assert rows[0] == ["# conforms", "false"]
    assert rows[1] == ["# Violation", str(broken_report.counts()["Violation"])]
    assert rows[4] == list(report_formats.CSV_COLUMNS)
    assert len(rows) == 5 + len(broken_report.results)
    row = dict(zip(rows[4], rows[5], strict=True))
    assert row["severity"] in ("Violation", "Warning") and row["focus_node"].startswith("http")
    assert row["source_lines"].startswith("resolutie-slim-vlaanderen.txt:")


def test_the_view_groups_by_focus_node_and_by_rule(broken_report) -> None:  # type: ignore[no-untyped-def]
    view = report_view.view(broken_report, "en")
    assert view["counts"] == broken_report.counts() and view["total"] == len(broken_report.results)
    assert sum(len(g["results"]) for g in view["by_focus"]) == view["total"]
    assert sum(g["count"] for g in view["by_rule"]) == view["total"]
    assert view["by_focus"][0]["results"][0]["severity"] == "Violation"  # worst first
    for group in view["by_rule"]:
        assert len({(r["shape"], r["path"]) for r in group["results"]}) == 1


def test_cli_writes_every_report_format(broken_resolution: Path) -> None:
    for fmt, check in (
        ("jsonld", lambda s: json.loads(s)["@type"] == "sh:ValidationReport"),
        ("ttl", lambda s: "sh:ValidationReport" in s),
        ("csv", lambda s: s.startswith("# conforms,false")),
        ("html", lambda s: '<h2 id="rapport-titel">' in s and "overweging/3" in s),
        ("text", lambda s: s.startswith("does not conform")),
    ):
        result = cli("validate", str(broken_resolution), "--format", fmt)
        assert result.returncode == 1 and check(result.stdout), fmt


def test_focus_nodes_validate_only_those_nodes(resolution_nt: str) -> None:
    graph = rdflib.Graph().parse(data=resolution_nt, format="nt")
    whole = validate_graph(graph)
    resolution = next(r.focus for r in whole.results)
    focused = validate_graph(graph, focus_nodes=[resolution])
    assert [r.focus for r in focused.results] == [
        r.focus for r in whole.results if r.focus == resolution
    ]


def test_triples_and_graph_validation_agree() -> None:
    conversion = convert([read_source(SAMPLE["mededeling"])], BASE)
    a = validate_triples(conversion.triples())
    b = validate_graph(triples_to_graph(conversion.triples()))
    assert a.conforms == b.conforms and a.results == b.results


def test_ingest_focus_nodes_give_the_same_verdict_as_the_whole_description() -> None:
    """check_entities validates only the changed entity's nodes (pyshacl focus_nodes):
    a broken entity fails with the same results as validating its description plainly."""
    from beleidsdata.mapping.graph import EntityDescription
    from beleidsdata.mapping.namespaces import PROV
    from beleidsdata.pipeline import ValidationFailed, check_entities

    conversion = convert([read_source(SAMPLE["resolutie"])], BASE)
    iri = next(i for i in conversion.entities if i.endswith("/overweging/3"))
    ent = conversion.entities[iri]
    kept = tuple(t for t in ent.triples if not (str(t[0]) == iri and t[1] == PROV.wasDerivedFrom))
    broken = dict(conversion.entities)
    broken[iri] = EntityDescription.__new__(EntityDescription)
    broken[iri].__dict__.update({**ent.__dict__, "triples": kept})
    with pytest.raises(ValidationFailed) as failed:
        check_entities(broken, [iri], lambda _: {}, lambda _iri: None)
    plain = validate_triples([t for e in broken.values() for t in e.triples])
    expected = {
        (r.focus, r.path, r.shape) for r in plain.violations if r.focus.split("#", 1)[0] == iri
    }
    assert {(r.focus, r.path, r.shape) for r in failed.value.report.violations} == expected
