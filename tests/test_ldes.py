"""The event stream read by real clients: the reference LDES client (npm ``ldes-client``,
installed from the registry) and rdflib following the pages."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import httpx
import pytest
import rdflib
from support import ROOT, SAMPLE, LiveServer, cli, npm_package

pytestmark = pytest.mark.external
PAGE_SIZE = 40


@pytest.fixture(scope="module")
def ldes_client() -> Path:
    folder = npm_package("ldes-client@0.3.0")
    shutil.copy(ROOT / "tests" / "js" / "replicate.mjs", folder / "replicate.mjs")
    return folder


@pytest.fixture(scope="module")
def small_pages(tmp_path_factory: pytest.TempPathFactory):
    server = LiveServer(tmp_path_factory.mktemp("ldes") / "store.sqlite", page_size=PAGE_SIZE)
    yield server
    server.stop()


def replicate(client: Path, url: str, ordered: str = "ascending") -> list[dict]:
    result = subprocess.run(["node", "replicate.mjs", url, ordered], cwd=client,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    return [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]


def stored_members(db: Path) -> list[tuple[str, str, str]]:
    import sqlite3

    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT iri, entity, time FROM members ORDER BY seq").fetchall()
    conn.close()
    return rows


def member_sizes(db: Path) -> dict[str, int]:
    import sqlite3

    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT iri, nt FROM members").fetchall()
    conn.close()
    return {iri: nt.count(b"\n") for iri, nt in rows}


def test_the_reference_client_replicates_every_member_once_in_order(
        ldes_client: Path, small_pages: LiveServer) -> None:
    expected = stored_members(small_pages.db)
    assert len(expected) > 5 * PAGE_SIZE  # several pages, so relations are followed
    got = replicate(ldes_client, small_pages.url + "/ldes")
    ids = [m["id"] for m in got]
    assert len(ids) == len(set(ids)), "a member was emitted twice"
    assert set(ids) == {iri for iri, _, _ in expected}
    times = [m["timestamp"] for m in got]
    assert times == sorted(times)
    by_id = {iri: entity for iri, entity, _ in expected}
    assert all(m["isVersionOf"] == by_id[m["id"]] for m in got)
    # Each member arrives whole: its nested nodes (provenance, amounts, the decision's
    # treatment and document) come along, found through the stream's inline shape.
    sizes = member_sizes(small_pages.db)
    incomplete = [m["id"] for m in got if m["quads"] != sizes[m["id"]]]
    assert not incomplete, incomplete[:5]


def test_after_a_change_the_client_receives_exactly_the_new_members(
        ldes_client: Path, small_pages: LiveServer, tmp_path: Path) -> None:
    before = {m["id"] for m in replicate(ldes_client, small_pages.url + "/ldes")}
    original = SAMPLE["resolutie"].read_text(encoding="utf-8")
    changed = tmp_path / SAMPLE["resolutie"].name
    changed.write_text(original.replace("12° een gedecentraliseerde",
                                        "12° een sterk gedecentraliseerde"), encoding="utf-8")
    result = cli("ingest", str(changed), "--db", str(small_pages.db), "-q")
    assert result.returncode == 0, result.stderr
    new = {iri for iri, _, _ in stored_members(small_pages.db)} - before
    assert len(new) == 2  # the changed recital and its source document
    after = {m["id"] for m in replicate(ldes_client, small_pages.url + "/ldes")}
    assert after - before == new
    assert before <= after


def test_pages_link_onward_and_full_pages_are_immutable(small_pages: LiveServer) -> None:
    tree = rdflib.Namespace("https://w3id.org/tree#")
    first = httpx.get(small_pages.url + "/ldes/pagina/1", headers={"Accept": "text/turtle"})
    assert first.status_code == 200
    assert "immutable" in first.headers["cache-control"]
    assert first.headers["etag"].startswith('"')
    graph = rdflib.Graph().parse(data=first.text, format="turtle")
    page = rdflib.URIRef(small_pages.url + "/ldes/pagina/1")
    assert (page, rdflib.URIRef("https://w3id.org/ldes#immutable"), rdflib.Literal(True)) in graph
    [relation] = graph.objects(page, tree.relation)
    assert (relation, rdflib.RDF.type, tree.GreaterThanOrEqualToRelation) in graph
    assert len(list(graph.objects(rdflib.URIRef(small_pages.url + "/ldes"), tree.member))) \
        == PAGE_SIZE
    again = httpx.get(small_pages.url + "/ldes/pagina/1",
                      headers={"Accept": "text/turtle", "If-None-Match": first.headers["etag"]})
    assert again.status_code == 304


def test_every_page_format_parses(small_pages: LiveServer) -> None:
    for accept, fmt in (("application/n-triples", "nt"), ("application/n-quads", "nquads"),
                        ("application/trig", "trig"), ("text/turtle", "turtle")):
        response = httpx.get(small_pages.url + "/ldes/pagina/2", headers={"Accept": accept})
        assert response.headers["content-type"].startswith(accept)
        graph = rdflib.Dataset().parse(data=response.text, format=fmt)
        assert len(graph) > PAGE_SIZE * 3


def test_a_page_that_does_not_exist_is_a_404_problem(small_pages: LiveServer) -> None:
    response = httpx.get(small_pages.url + "/ldes/pagina/9999")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
