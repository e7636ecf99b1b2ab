"""The broken-input corpus (tests/fixtures/broken/): real converted documents, each edited
once, with the exact results expected in manifest.json.

For every entry: our validation (the fast engine) gives exactly the listed results; plain
pyshacl gives them too; npm shacl-engine, an outside engine run with node on our shapes,
gives the same verdict and the same (focus node, path) set of violations, but for the
differences the manifest documents (``shacl_engine``: ``missing``/``extra`` violations and
a note saying why). The verdict compared is ours: sh:Warning and sh:Info results do not
make data non-conforming (shacl-engine's own ``conforms`` is false on any result).
Regenerate the corpus with ``tests/fixtures/broken/make_corpus.py``.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest
import rdflib

from beleidsdata.resources import shapes_dir
from beleidsdata.validation import validate_graph
from beleidsdata.validation.inputs import parse_bytes
from support import FIXTURES, ROOT, npm_package

BROKEN = FIXTURES / "broken"
MANIFEST = json.loads((BROKEN / "manifest.json").read_text())
ENTRIES = MANIFEST["entries"]
IDS = [e["file"] for e in ENTRIES]
SHACL_ENGINE = "shacl-engine@1.1.2"


def parsed(entry: dict) -> rdflib.Graph:
    graph = rdflib.Graph()
    path = BROKEN / entry["file"]
    parse_bytes(graph, path.read_bytes(), path.name, entry["syntax"])
    return graph


def listed(entry: dict) -> list[tuple]:
    return sorted(
        (
            r["focus"],
            r["path"] or "",
            r["constraint"],
            r["severity"],
            r["value"] or "",
            r["shape"] or "",
        )
        for r in entry["results"]
    )


def results_of(graph: rdflib.Graph, engine: str) -> tuple[bool, list[tuple]]:
    report = validate_graph(graph, provenance=False, engine=engine)
    return report.conforms, sorted(
        (r.focus, r.path or "", r.constraint, r.severity, r.value_n3 or "", r.shape or "")
        for r in report.results
    )


def test_the_corpus_covers_every_area_syntax_and_kind_of_error() -> None:
    assert len(ENTRIES) >= 30
    assert {e["area"] for e in ENTRIES} >= {
        "common",
        "besluiten",
        "regeerakkoord",
        "strategie",
        "resolutie",
        "mededeling",
        "evaluatie",
    }
    assert {e["syntax"] for e in ENTRIES} == {"turtle", "nt", "json-ld", "xml", "nquads", "trig"}
    kinds = Counter(i["constraint"] for e in ENTRIES for i in e["intended"])
    # Every kind of constraint our shapes use is broken at least once.
    used = set()
    for path in sorted(shapes_dir().glob("*.ttl")):
        text = path.read_text(encoding="utf-8")
        for parameter, kind in COMPONENT_OF.items():
            if f"sh:{parameter} " in text:
                used.add(kind)
    assert used >= {"MinCount", "MaxCount", "Datatype", "Class", "In", "Equals"}
    for kind in sorted(used):
        assert kinds[f"sh:{kind}ConstraintComponent"] >= 1, kind
    assert all((BROKEN / e["file"]).exists() for e in ENTRIES)
    listed_files = {p.name for p in BROKEN.iterdir()} - {"manifest.json", "make_corpus.py"}
    assert listed_files == set(IDS), "every broken input is in the manifest"


# SHACL parameters and the constraint component each one makes (SHACL Core §4).
COMPONENT_OF = {
    "minCount": "MinCount",
    "maxCount": "MaxCount",
    "datatype": "Datatype",
    "class": "Class",
    "nodeKind": "NodeKind",
    "in": "In",
    "pattern": "Pattern",
    "languageIn": "LanguageIn",
    "uniqueLang": "UniqueLang",
    "hasValue": "HasValue",
    "equals": "Equals",
    "lessThanOrEquals": "LessThanOrEquals",
    "minInclusive": "MinInclusive",
    "maxInclusive": "MaxInclusive",
    "or": "Or",
}


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_our_validation_gives_exactly_the_listed_results(entry: dict) -> None:
    conforms, results = results_of(parsed(entry), "fast")
    assert conforms is entry["conforms"] is False
    assert results == listed(entry)
    got = {(r[0], r[1] or None, r[2]) for r in results}
    for intended in entry["intended"]:
        assert (intended["focus"], intended["path"], intended["constraint"]) in got


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_pyshacl_gives_the_listed_results(entry: dict) -> None:
    assert results_of(parsed(entry), "pyshacl") == (entry["conforms"], listed(entry))


@pytest.fixture(scope="module")
def shacl_engine(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
    """shacl-engine's report on every entry (each converted to N-Triples first, so the
    engine's own parsers are not what is tested), in one node run."""
    tools = npm_package(SHACL_ENGINE)
    shutil.copy(ROOT / "tests" / "js" / "shacl_engine.mjs", tools / "shacl_engine.mjs")
    folder = tmp_path_factory.mktemp("shacl-engine")
    paths = {}
    for entry in ENTRIES:
        out = folder / (entry["file"] + ".nt")
        out.write_text(parsed(entry).serialize(format="nt", encoding="utf-8").decode())
        paths[entry["file"]] = str(out)
    (folder / "corpus.list").write_text("\n".join(paths.values()) + "\n")
    shapes = [str(p) for p in sorted(shapes_dir().glob("*.ttl"))]
    done = subprocess.run(
        ["node", "shacl_engine.mjs", str(folder / "corpus.list"), *shapes],
        cwd=tools,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    reports = json.loads(done.stdout)
    return {file: reports[path] for file, path in paths.items()}


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_shacl_engine_gives_the_same_verdict_and_violations(
    entry: dict, shacl_engine: dict
) -> None:
    theirs = shacl_engine[entry["file"]]
    ours = {(r["focus"], r["path"]) for r in entry["results"] if r["severity"] == "Violation"}
    difference = entry.get("shacl_engine", {})
    missing = {(d["focus"], d["path"]) for d in difference.get("missing", [])}
    extra = {(d["focus"], d["path"]) for d in difference.get("extra", [])}
    expected = (ours - missing) | extra
    assert {
        (r["focus"], r["path"]) for r in theirs["results"] if r["severity"] == "Violation"
    } == expected
    assert theirs["violationFree"] is (not expected)
    if not difference:
        assert theirs["violationFree"] is entry["conforms"]
    else:
        assert difference["note"]
    # SHACL's own verdict: any result (of any severity) means "does not conform"
    assert theirs["conforms"] is (not theirs["results"])


def test_the_unedited_documents_conform() -> None:
    """The documents the corpus was made from conform: each result is the edit's."""
    from beleidsdata.pipeline import convert, read_source

    for source in sorted({e["source"] for e in ENTRIES}):
        conversion = convert([read_source(Path(ROOT / source))], MANIFEST["base_iri"])
        graph = rdflib.Graph().parse(
            data="".join(f"{line}\n" for line in _nt(conversion.triples())), format="nt"
        )
        assert validate_graph(graph, provenance=False).conforms, source


def _nt(triples: list) -> list[str]:
    from beleidsdata.mapping.terms import nt_line

    return [nt_line(t) for t in triples]
