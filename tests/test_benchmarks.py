"""The event-stream benchmark's synthetic store is a valid stream (so the benchmark cannot
rot): ~500 members built by ``benchmarks/ldes_bench.py`` are served as closed pages that
parse as RDF, with members that are version objects of realistic size. No timings here."""

from __future__ import annotations

import sys

import pytest
import rdflib
from fastapi.testclient import TestClient

from support import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
import ldes_bench

BASE = "http://127.0.0.1:8999"
TREE = rdflib.Namespace("https://w3id.org/tree#")
DCT = rdflib.Namespace("http://purl.org/dc/terms/")
PROV = rdflib.Namespace("http://www.w3.org/ns/prov#")


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory):
    from beleidsdata.api.app import create_app

    db = tmp_path_factory.mktemp("bench") / "stream.sqlite"
    store = ldes_bench.build_store(db, 520, BASE)
    return store, TestClient(create_app(store))


def test_the_synthetic_store_has_realistic_members(synthetic) -> None:
    store, _ = synthetic
    assert store.last_seq() == 520
    members = list(store.iter_members())
    assert len({m.iri for m in members}) == 520
    assert {m.kind for m in members} >= {"beslissing", "evaluatie", "resolutie"}
    triples = [m.bodies["nt"].count(b"\n") for m in members]
    assert 25 <= sum(triples) / len(triples) <= 45
    assert all(
        ldes_bench.KEY.encode() not in m.bodies[f] and ldes_bench.TIME.encode() not in m.bodies[f]
        for m in members
        for f in ("nt", "ttl", "jsonld")
    )


def test_the_synthetic_store_serves_valid_closed_pages(synthetic) -> None:
    store, client = synthetic
    response = client.get("/ldes/pagina/2", headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    assert "immutable" in response.headers["cache-control"]
    graph = rdflib.Graph().parse(data=response.content, format="turtle")
    members = set(graph.objects(rdflib.URIRef(f"{store.base_iri}/ldes"), TREE.member))
    assert len(members) == ldes_bench.PAGE_SIZE
    for member in members:
        assert graph.value(member, DCT.isVersionOf) is not None
        assert graph.value(member, PROV.generatedAtTime) is not None
    again = client.get(
        "/ldes/pagina/2",
        headers={"Accept": "text/turtle", "If-None-Match": response.headers["etag"]},
    )
    assert again.status_code == 304
    jsonld = client.get("/ldes/beslissing/pagina/1", headers={"Accept": "application/ld+json"})
    assert jsonld.status_code == 200 and jsonld.json()["@graph"]


def test_the_benchmark_reads_wrk_output() -> None:
    assert ldes_bench._ms("1.50ms") == 1.5
    assert ldes_bench._ms("250.00us") == 0.25
    assert ldes_bench._ms("1.20s") == 1200.0


def test_synthetic_evaluation_reports_are_understood() -> None:
    from beleidsdata import kinds

    doc = kinds.parse(ldes_bench.evaluation_text(3, references=5))
    assert doc.kind == "evaluatie"
    assert len(doc.record.references) == 5
