"""The command line: what each command prints and returns, on real documents, and that
bad input gives one line naming the file and the problem, never a traceback, and changes
nothing in the store."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import rdflib
from rdflib.compare import isomorphic

from backends import NewDb
from support import SAMPLE, SAMPLES, cli, db_rows


def store_fingerprint(db: str) -> str:
    """Everything a store holds, as one hash (members, entities, sources)."""
    rows = []
    for table in ("members", "entities", "sources", "meta"):
        rows += [repr(r) for r in db_rows(db, f"SELECT * FROM {table} ORDER BY 1")]
    return hashlib.sha256("\n".join(rows).encode()).hexdigest()


def test_convert_writes_ntriples_that_a_second_parser_reads() -> None:
    result = cli("convert", str(SAMPLES), "--format", "nt")
    assert result.returncode == 0, result.stderr
    graph = rdflib.Graph().parse(data=result.stdout, format="nt")
    assert len(graph) > 3000


@pytest.mark.parametrize("fmt,parser", [("ttl", "turtle"), ("jsonld", None)])
def test_convert_formats_carry_the_same_triples(
    fmt: str, parser: str | None, tmp_path: Path
) -> None:
    nt = cli("convert", str(SAMPLE["resolutie"]), "--format", "nt").stdout
    other = cli("convert", str(SAMPLE["resolutie"]), "--format", fmt)
    assert other.returncode == 0, other.stderr
    reference = rdflib.Graph().parse(data=nt, format="nt")
    if parser:
        graph = rdflib.Graph().parse(data=other.stdout, format=parser)
    else:
        from beleidsdata.validation.inputs import parse_rdf

        path = tmp_path / "out.jsonld"
        path.write_text(other.stdout)
        graph = rdflib.Graph()
        parse_rdf(graph, path, "json-ld")
    assert isomorphic(reference, graph)


def test_convert_writes_to_a_file_with_a_summary(tmp_path: Path) -> None:
    out = tmp_path / "mededeling.ttl"
    result = cli("convert", str(SAMPLE["mededeling"]), "-o", str(out))
    assert result.returncode == 0
    assert "wrote" in result.stderr and str(out) in result.stderr
    assert len(rdflib.Graph().parse(out, format="turtle")) > 100


def test_the_kind_can_be_forced() -> None:
    result = cli("convert", str(SAMPLE["resolutie"]), "--kind", "mededeling")
    assert result.returncode == 2
    assert "resolutie-slim-vlaanderen.txt" in result.stderr


BAD_INPUTS = {
    "empty": (b"", "empty"),
    "binary": (bytes(range(256)) * 8, "binary"),
    "truncated": (SAMPLE["resolutie"].read_bytes()[:40], ""),
    "unknown kind": (b"Een boodschappenlijst\nmelk\nbrood\n", "known kinds"),
    "not utf-8": ("Het Vlaams Parlement, gelet op: caf\xe9".encode("latin-1"), "UTF-8"),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_gives_one_line_naming_the_file_and_leaves_the_store_alone(
    name: str, tmp_path: Path, new_db: NewDb
) -> None:
    db = new_db()
    assert cli("ingest", str(SAMPLE["mededeling"]), "--db", str(db), "-q").returncode == 0
    before = store_fingerprint(db)
    data, words = BAD_INPUTS[name]
    bad = tmp_path / "slecht document.txt"
    bad.write_bytes(data)
    for command in (
        ["convert", str(bad)],
        ["ingest", str(bad), "--db", str(db)],
        ["validate", str(bad)],
    ):
        result = cli(*command)
        assert result.returncode == 2, (command, result.stderr)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1, result.stderr
        assert "Traceback" not in result.stderr
        assert lines[0].startswith("error: ") and "slecht document.txt" in lines[0]
        assert words in lines[0]
    assert store_fingerprint(db) == before


def test_a_missing_file_and_an_unknown_format_are_usage_errors(tmp_path: Path) -> None:
    missing = cli("convert", str(tmp_path / "nergens.txt"))
    assert missing.returncode == 2 and "nergens.txt: no such file" in missing.stderr
    wrong = cli("convert", str(SAMPLE["resolutie"]), "--format", "xml")
    assert wrong.returncode == 2 and "xml" in wrong.stderr
    assert len(wrong.stderr.strip().splitlines()) == 1 and wrong.stderr.startswith("error: ")
    unknown = cli("convrt", str(SAMPLE["resolutie"]))
    assert unknown.returncode == 2 and len(unknown.stderr.strip().splitlines()) == 1
    assert "Traceback" not in missing.stderr + wrong.stderr


def test_ingest_reports_what_changed_and_is_idempotent(new_db: NewDb) -> None:
    db = new_db()
    first = cli("ingest", str(SAMPLE["resolutie"]), "--db", str(db))
    assert first.returncode == 0, first.stderr
    assert first.stdout.count("created: ") > 80
    assert "created, 0 changed, 0 removed" in first.stderr
    again = cli("ingest", str(SAMPLE["resolutie"]), "--db", str(db))
    assert again.returncode == 0
    assert "0 created, 0 changed, 0 removed; 0 new member(s)" in again.stderr


def test_a_store_keeps_its_base_iri(new_db: NewDb) -> None:
    db = new_db()
    assert (
        cli(
            "ingest",
            str(SAMPLE["resolutie"]),
            "--db",
            str(db),
            "--base-iri",
            "https://data.example.org",
            "-q",
        ).returncode
        == 0
    )
    refused = cli(
        "ingest",
        str(SAMPLE["resolutie"]),
        "--db",
        str(db),
        "--base-iri",
        "https://other.example.org",
    )
    assert refused.returncode == 2
    assert "created with base IRI https://data.example.org" in refused.stderr


def test_validate_source_documents_conform(tmp_path: Path) -> None:
    result = cli("validate", str(SAMPLE["resolutie"]), str(SAMPLE["mededeling"]))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("conforms")


def test_validate_reports_a_missing_required_property(tmp_path: Path) -> None:
    nt = cli("convert", str(SAMPLE["resolutie"]), "--format", "nt").stdout
    broken = "\n".join(
        line
        for line in nt.splitlines()
        if "/overweging/3> <http://www.w3.org/ns/prov#wasDerivedFrom>" not in line
    )
    path = tmp_path / "broken.nt"
    path.write_text(broken + "\n")
    result = cli("validate", str(path))
    assert result.returncode == 1
    assert "overweging/3" in result.stdout and "prov:wasDerivedFrom" in result.stdout
    as_json = cli("validate", str(path), "--format", "json")
    assert as_json.returncode == 1 and '"conforms": false' in as_json.stdout
    as_ttl = cli("validate", str(path), "--format", "ttl")
    report = rdflib.Graph().parse(data=as_ttl.stdout, format="turtle")
    assert (None, rdflib.SH.conforms, rdflib.Literal(False)) in report


def test_validate_names_the_line_of_a_syntax_error(tmp_path: Path) -> None:
    path = tmp_path / "kapot.ttl"
    path.write_text('@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\nex:d ex:e "open .\n')
    result = cli("validate", str(path))
    assert result.returncode == 2
    assert "kapot.ttl:3" in result.stderr and "Traceback" not in result.stderr


def test_help_is_a_manual() -> None:
    top = cli("--help").stdout
    for command in ("convert", "validate", "ingest", "serve"):
        assert command in top
        text = cli(command, "--help").stdout
        assert "Usage:" in text and len(text.splitlines()) > 8
    assert "Exit codes" in top
