"""The fast engine (validation/engine/) gives exactly pyshacl's results.

Both run on the sample corpus, every test fixture, every broken input, a synthetic graph
made like the benchmark's, and a hand-made graph with the odd cases (blank nodes, ill-typed
literals, rdfs:subClassOf in the data, duplicates per language…); the result lists
(focus, path, value, severity, messages, shape, constraint) and ``conforms`` must be equal.
Shapes with a feature the engine does not implement are refused, and validation falls back
to pyshacl. No timing assertions here: see benchmarks/validation_bench.py.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
import rdflib

from beleidsdata.mapping.terms import to_ntriples
from beleidsdata.pipeline import convert, read_source
from beleidsdata.validation import (
    ValidationReport,
    areas,
    fast_evaluator,
    shapes_graph,
    triples_to_graph,
    validate_graph,
)
from beleidsdata.validation.engine import Unsupported, compile_shapes
from beleidsdata.validation.inputs import parse_bytes
from support import FIXTURES, ROOT, SAMPLES

BASE = "http://localhost:8000"
BROKEN = FIXTURES / "broken"
FIXTURE_TEXTS = sorted(FIXTURES.glob("*/*.txt"))


def both(graph: rdflib.Graph, **kwargs: object) -> tuple[ValidationReport, ValidationReport]:
    fast = validate_graph(graph, engine="fast", **kwargs)  # type: ignore[arg-type]
    plain = validate_graph(graph, engine="pyshacl", **kwargs)  # type: ignore[arg-type]
    return fast, plain


def assert_same(graph: rdflib.Graph, **kwargs: object) -> ValidationReport:
    fast, plain = both(graph, **kwargs)
    assert fast.conforms == plain.conforms
    assert fast.results == plain.results
    assert fast.focus_count == plain.focus_count
    return fast


def converted(paths: list[Path]) -> rdflib.Graph:
    # Texts cut off (fixtures/afgebroken) convert as partial documents only.
    partial = any(p.parent.name == "afgebroken" for p in paths)
    texts = [read_source(p) for p in paths]
    return triples_to_graph(convert(texts, BASE, partial=partial).triples())


def test_the_shapes_are_compiled_for_every_area() -> None:
    assert fast_evaluator(None) is not None
    for area in areas():
        assert fast_evaluator((area,)) is not None, area


def test_same_results_on_the_sample_corpus() -> None:
    report = assert_same(converted(sorted(SAMPLES.glob("*.txt"))))
    assert report.conforms and report.results  # the two warnings of the resolution


@pytest.mark.parametrize("area", areas())
def test_same_results_per_area(area: str) -> None:
    graph = converted(sorted(SAMPLES.glob("*.txt")))
    assert_same(graph, areas=[area])


@pytest.mark.parametrize("path", FIXTURE_TEXTS, ids=[p.name for p in FIXTURE_TEXTS])
def test_same_results_on_every_fixture(path: Path) -> None:
    assert_same(converted([path]))


def test_same_results_on_every_broken_input() -> None:
    entries = json.loads((BROKEN / "manifest.json").read_text())["entries"]
    for entry in entries:
        graph = rdflib.Graph()
        parse_bytes(graph, (BROKEN / entry["file"]).read_bytes(), entry["file"], entry["syntax"])
        report = assert_same(graph)
        assert not report.conforms, entry["file"]


def _bench():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "validation_bench", ROOT / "benchmarks" / "validation_bench.py"
    )
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def test_same_results_on_a_synthetic_graph() -> None:
    triples, planted = _bench().synthetic(12_000, seed=3, violations=5)
    graph = rdflib.Graph().parse(data=to_ntriples(triples), format="nt")
    report = assert_same(graph)
    assert len(planted) == 5 and not report.conforms


ODD = """
@prefix eli: <http://data.europa.eu/eli/ontology#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix bd: <https://w3id.org/beleidsdata/ns#> .
@prefix spdx: <http://spdx.org/rdf/terms#> .
@prefix schema: <https://schema.org/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix ex: <http://example.org/> .

ex:MijnWerk rdfs:subClassOf eli:Work .
ex:w1 a ex:MijnWerk ;                       # a Work by subclass only
    eli:work_type <https://w3id.org/beleidsdata/concept/documentsoort/strategie> ;
    dct:title "een"@nl, "twee"@NL, "three"@en-GB, "vier"@nl-BE, "geen taal" ;
    dct:description _:b1 ;
    eli:has_part ex:p1, _:b2 ;
    bd:aangekondigdAantalActiepunten "-3"^^xsd:integer, "7.5"^^xsd:decimal, "x"^^xsd:integer ;
    prov:wasDerivedFrom ex:bron, _:b3 ;
    prov:qualifiedDerivation ex:d1, ex:d2 .
ex:p1 a eli:WorkSubdivision ;
    eli:is_part_of ex:w1, ex:w2 ;
    eli:type_subdivision <https://w3id.org/beleidsdata/concept/onderdeelsoort/speerpunt>, _:b4 ;
    schema:position 0, "1"^^xsd:long, "2"^^xsd:string ;
    eli:number 12 ;
    prov:value "tekst"@nl, "text"@nl .
ex:w2 a eli:Work, eli:WorkSubdivision .
ex:d1 a prov:Derivation ; prov:entity ex:bron ;
    bd:beginregel 5, 9 ; bd:eindregel 7, "8"^^xsd:string .
ex:d2 a prov:Derivation ; prov:entity _:b3 ; bd:beginregel "3" ;
    bd:eindregel <http://example.org/x> .
ex:bron a bd:Bron ; dct:title "a.txt", "b.txt"@nl ; dct:type "regeerakkoord" ;
    spdx:checksum ex:sum, ex:sum2 .
ex:sum a spdx:Checksum ; spdx:algorithm spdx:checksumAlgorithm_sha256, "sha256" ;
    spdx:checksumValue "zz"^^xsd:hexBinary, "ABCDEF"^^xsd:hexBinary, _:b5 .
_:b3 a bd:Bron .
"""


def test_same_results_on_odd_data() -> None:
    graph = rdflib.Graph().parse(data=ODD, format="turtle")
    report = assert_same(graph)
    constraints = {r.constraint for r in report.results}
    assert len(constraints) >= 10, constraints


def test_focus_nodes_restrict_the_validation_as_pyshacl_does() -> None:
    graph = converted([FIXTURES / "regeerakkoord" / "regeerakkoord-hoofdstukken.txt"])
    work = next(
        str(s)
        for s in graph.subjects(
            rdflib.RDF.type, rdflib.URIRef("http://data.europa.eu/eli/ontology#Work")
        )
    )
    graph.remove((rdflib.URIRef(work), rdflib.URIRef("http://purl.org/dc/terms/title"), None))
    fast, plain = both(graph, focus_nodes=[work])
    assert fast.results == plain.results and fast.results
    assert {r.focus for r in fast.results} == {work}


def test_unsupported_features_are_refused_and_pyshacl_runs_instead() -> None:
    extra = """
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        @prefix ex: <http://example.org/> .
        ex:S a sh:NodeShape ; sh:targetClass ex:C ;
            sh:property [ sh:path ex:p ; sh:maxLength 3 ; sh:message "te lang"@nl ] .
    """
    shapes = rdflib.Graph()
    for t in shapes_graph(None):
        shapes.add(t)
    shapes.parse(data=extra, format="turtle")
    with pytest.raises(Unsupported, match="maxLength"):
        compile_shapes(shapes)
    for snippet in (
        "sh:targetNode ex:x",
        "sh:closed true",
        "sh:property [ sh:path [ sh:inversePath ex:p ] ; sh:minCount 1 ]",
        "sh:xone ( [ sh:class ex:C ] )",
    ):
        g = rdflib.Graph().parse(
            data=f"""
            @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/> .
            ex:S a sh:NodeShape ; sh:targetClass ex:C ; {snippet} .""",
            format="turtle",
        )
        with pytest.raises(Unsupported):
            compile_shapes(g)


def test_unknown_engine_is_an_error() -> None:
    from beleidsdata.validation import EngineError

    with pytest.raises(EngineError):
        validate_graph(rdflib.Graph(), engine="jena")


def test_ingest_uses_the_fast_engine_with_pyshacl_verdicts() -> None:
    """check_entities on each entity of the samples: the same results with either engine."""
    from beleidsdata.pipeline import ValidationFailed, check_entities

    conversion = convert([read_source(p) for p in sorted(SAMPLES.glob("*.txt"))], BASE)
    for iri in list(conversion.entities)[::7]:
        got = []
        for engine in ("fast", "pyshacl"):
            try:
                report = check_entities(
                    conversion.entities, [iri], lambda _: {}, lambda _iri: None, engine=engine
                )
                got.append((True, report.results))
            except ValidationFailed as failed:
                got.append((False, failed.report.results))
        assert got[0] == got[1], iri


def test_focus_mode_checks_linked_nodes_where_pyshacl_skips_them() -> None:
    """The one documented difference (engine/__init__.py docstring): with focus_nodes, pyshacl also
    filters the nodes nested shapes look at, so sh:or ( [sh:class A] [sh:class B] ) on a
    link passes whatever the link points to. Ours checks the linked node, as whole-graph
    validation does in both engines."""
    graph = rdflib.Graph()
    path = BROKEN / "sectie-deel-van-onbekend.nt"
    parse_bytes(graph, path.read_bytes(), path.name, "nt")
    section = "http://localhost:8000/id/regeerakkoord/2019-2024/sectie/2"
    fast, plain = both(graph, focus_nodes=[section], provenance=False)
    assert plain.conforms and not plain.results
    assert not fast.conforms
    assert [(r.focus, r.constraint) for r in fast.results] == [
        (section, "sh:OrConstraintComponent")
    ]
    whole = validate_graph(graph, engine="pyshacl", provenance=False)
    assert [r for r in whole.results if r.focus == section] == fast.results


def test_each_registered_component_is_the_one_pyshacl_has_for_its_parameter() -> None:
    """The registry is keyed by parameter, as pySHACL's: each of our components answers to
    the parameter and reports the constraint component pyshacl reports for it."""
    from pyshacl.constraints import ALL_CONSTRAINT_COMPONENTS

    from beleidsdata.validation.engine.components import ALL, COMPONENTS

    theirs = {
        p: cls.constraint_name()
        for cls in ALL_CONSTRAINT_COMPONENTS
        for p in cls.constraint_parameters()
    }
    assert len(COMPONENTS) == len(ALL)
    for parameter, component in COMPONENTS.items():
        assert component.parameter == parameter
        assert component.iri_name == f"sh:{theirs[parameter]}", parameter
