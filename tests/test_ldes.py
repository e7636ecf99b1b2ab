"""The event stream read by real clients: the reference LDES client (npm ``ldes-client``,
installed from the registry) and rdflib following the pages."""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import datetime
from pathlib import Path

import httpx
import pytest
import rdflib
import rdflib.compare

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
    result = subprocess.run(
        ["node", "replicate.mjs", url, ordered],
        cwd=client,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]


def stored_members(db: Path) -> list[tuple[str, str, str]]:
    import sqlite3

    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT iri, entity, time FROM members ORDER BY seq").fetchall()
    conn.close()
    return rows


def member_sizes(db: Path) -> dict[str, int]:
    """Quads per member as published in N-Quads: its bookkeeping and its payload."""
    import sqlite3

    conn = sqlite3.connect(db)
    rows = conn.execute(
        "SELECT m.iri, f.body FROM members m JOIN member_fragments f ON f.seq = m.seq "
        "WHERE f.format = 'nq'"
    ).fetchall()
    conn.close()
    return {iri: bytes(body).count(b"\n") for iri, body in rows}


def test_the_reference_client_replicates_every_member_once_in_order(
    ldes_client: Path, small_pages: LiveServer
) -> None:
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
    ldes_client: Path, small_pages: LiveServer, tmp_path: Path
) -> None:
    before = {m["id"] for m in replicate(ldes_client, small_pages.url + "/ldes")}
    original = SAMPLE["resolutie"].read_text(encoding="utf-8")
    changed = tmp_path / SAMPLE["resolutie"].name
    changed.write_text(
        original.replace("12° een gedecentraliseerde", "12° een sterk gedecentraliseerde"),
        encoding="utf-8",
    )
    result = cli("ingest", str(changed), "--db", str(small_pages.db), "-q")
    assert result.returncode == 0, result.stderr
    new = {iri for iri, _, _ in stored_members(small_pages.db)} - before
    assert len(new) == 2  # the changed recital and its source document
    after = {m["id"] for m in replicate(ldes_client, small_pages.url + "/ldes")}
    assert after - before == new
    assert before <= after


def test_full_pages_are_immutable_and_answer_304(small_pages: LiveServer) -> None:
    first = httpx.get(small_pages.url + "/ldes/pagina/1", headers={"Accept": "text/turtle"})
    assert first.status_code == 200
    assert "immutable" in first.headers["cache-control"]
    assert first.headers["etag"].startswith('"')
    graph = rdflib.Graph().parse(data=first.text, format="turtle")
    page = rdflib.URIRef(small_pages.url + "/ldes/pagina/1")
    assert (page, rdflib.URIRef("https://w3id.org/ldes#immutable"), rdflib.Literal(True)) in graph
    assert (
        len(list(graph.objects(rdflib.URIRef(small_pages.url + "/ldes"), TREE.member))) == PAGE_SIZE
    )
    again = httpx.get(
        small_pages.url + "/ldes/pagina/1",
        headers={"Accept": "text/turtle", "If-None-Match": first.headers["etag"]},
    )
    assert again.status_code == 304
    assert again.headers["etag"] == first.headers["etag"]


def test_every_page_format_parses(small_pages: LiveServer) -> None:
    for accept, fmt in (
        ("application/n-triples", "nt"),
        ("application/n-quads", "nquads"),
        ("application/trig", "trig"),
        ("text/turtle", "turtle"),
    ):
        response = httpx.get(small_pages.url + "/ldes/pagina/2", headers={"Accept": accept})
        assert response.headers["content-type"].startswith(accept)
        graph = rdflib.Dataset().parse(data=response.text, format=fmt)
        assert len(graph) > PAGE_SIZE * 3


def test_a_page_that_does_not_exist_is_a_404_problem(small_pages: LiveServer) -> None:
    response = httpx.get(small_pages.url + "/ldes/pagina/9999")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"


TREE = rdflib.Namespace("https://w3id.org/tree#")
LDES = rdflib.Namespace("https://w3id.org/ldes#")


def when(iso: str) -> datetime:
    return datetime.fromisoformat(iso.replace("Z", "+00:00"))


def turtle(url: str) -> rdflib.Graph:
    response = httpx.get(url, headers={"Accept": "text/turtle"})
    assert response.status_code == 200, (url, response.status_code)
    return rdflib.Graph().parse(data=response.text, format="turtle")


def test_the_view_is_a_tree_with_time_bounds_so_a_client_can_start_anywhere(
    small_pages: LiveServer,
) -> None:
    """Root → branches → pages, each node but the root with one parent; every relation
    bounds the times below it, inclusively (one ingest stamps its members with one time)."""
    root = rdflib.URIRef(small_pages.url + "/ldes/wortel")
    graph = turtle(str(root))
    branches = {graph.value(r, TREE.node) for r in graph.objects(root, TREE.relation)}
    assert branches == {rdflib.URIRef(small_pages.url + "/ldes/tak/1")}
    branch = turtle(small_pages.url + "/ldes/tak/1")
    tak = rdflib.URIRef(small_pages.url + "/ldes/tak/1")
    times = [t for _, _, t in stored_members(small_pages.db)]
    pages = -(-len(times) // PAGE_SIZE)
    bounds: dict[str, dict[rdflib.URIRef, datetime]] = {}
    for relation in branch.objects(tak, TREE.relation):
        target = str(branch.value(relation, TREE.node))
        kind = branch.value(relation, rdflib.RDF.type)
        bounds.setdefault(target, {})[kind] = branch.value(relation, TREE.value).toPython()
    assert sorted(bounds) == sorted(
        f"{small_pages.url}/ldes/pagina/{n}" for n in range(1, pages + 1)
    )
    for n in range(1, pages + 1):
        on_page = times[(n - 1) * PAGE_SIZE : n * PAGE_SIZE]
        found = bounds[f"{small_pages.url}/ldes/pagina/{n}"]
        assert found[TREE.GreaterThanOrEqualToRelation] == when(on_page[0])
        if n < pages:  # closed: bounded above by its last time too
            assert found[TREE.LessThanOrEqualToRelation] == when(on_page[-1])
        else:
            assert TREE.LessThanOrEqualToRelation not in found
    page = turtle(small_pages.url + "/ldes/pagina/2")
    assert not list(page.objects(None, TREE.relation)), "pages are leaves"


def test_the_tree_profile_is_turtle_with_the_profile_in_the_content_type(
    small_pages: LiveServer,
) -> None:
    profiled = httpx.get(
        small_pages.url + "/ldes/pagina/1",
        headers={"Accept": 'text/turtle;profile="https://w3id.org/tree/profile"'},
    )
    plain = httpx.get(small_pages.url + "/ldes/pagina/1", headers={"Accept": "text/turtle"})
    assert profiled.headers["content-type"].startswith("text/turtle")
    assert 'profile="https://w3id.org/tree/profile"' in profiled.headers["content-type"]
    assert "profile" not in plain.headers["content-type"]
    assert profiled.content == plain.content
    refused = httpx.get(small_pages.url + "/ldes/pagina/1", headers={"Accept": "image/png"})
    assert refused.status_code == 406
    assert "application/n-quads" in refused.json()["available"]


def test_the_root_has_one_view_and_describes_every_view(small_pages: LiveServer) -> None:
    graph = turtle(small_pages.url + "/ldes")
    stream = rdflib.URIRef(small_pages.url + "/ldes")
    dcat = rdflib.Namespace("http://www.w3.org/ns/dcat#")
    assert list(graph.objects(stream, TREE.view)) == [
        rdflib.URIRef(small_pages.url + "/ldes/wortel")
    ]  # exactly one: LDES §init
    parts = {str(p).rsplit("/", 1)[1] for p in graph.objects(stream, rdflib.DCTERMS.hasPart)}
    assert {
        "beslissing",
        "strategie",
        "resolutie",
        "mededeling",
        "evaluatie",
        "regeerakkoord",
    } <= parts
    services = set(graph.subjects(rdflib.RDF.type, dcat.DataService))
    assert len(services) == len(parts) + 2  # the log, the latest versions, each kind
    for service in services:
        assert graph.value(service, dcat.endpointURL) is not None
        assert graph.value(service, dcat.servesDataset) is not None
        assert graph.value(service, LDES.retentionPolicy) is not None
    latest = rdflib.URIRef(small_pages.url + "/ldes#weergave-laatste-retentie")
    assert graph.value(latest, LDES.versionAmount).toPython() == 1


def test_the_client_follows_one_kind_only(ldes_client: Path, small_pages: LiveServer) -> None:
    expected = {
        iri
        for iri, entity, _ in stored_members(small_pages.db)
        if entity.startswith(small_pages.url + "/id/strategie/")
    }
    assert len(expected) > 2 * PAGE_SIZE
    got = replicate(ldes_client, small_pages.url + "/ldes/strategie")
    ids = [m["id"] for m in got]
    assert len(ids) == len(set(ids))
    assert set(ids) == expected
    assert [m["timestamp"] for m in got] == sorted(m["timestamp"] for m in got)


def test_the_latest_version_view_has_one_member_per_thing(
    ldes_client: Path, small_pages: LiveServer
) -> None:
    latest: dict[str, str] = {}
    for iri, entity, _ in stored_members(small_pages.db):
        latest[entity] = iri  # in log order: the last one wins
    got = replicate(ldes_client, small_pages.url + "/ldes/laatste/wortel")
    ids = [m["id"] for m in got]
    assert len(ids) == len(set(ids))
    assert set(ids) == set(latest.values())


def test_the_catalogue_lists_the_stream_with_licence_and_distributions(
    small_pages: LiveServer,
) -> None:
    dcat = rdflib.Namespace("http://www.w3.org/ns/dcat#")
    graphs = {}
    for accept, fmt in (
        ("text/turtle", "turtle"),
        ("application/n-triples", "nt"),
        ("application/ld+json", "json-ld"),
    ):
        response = httpx.get(small_pages.url + "/catalog", headers={"Accept": accept})
        assert response.status_code == 200
        assert response.headers["content-type"].startswith(accept)
        graphs[fmt] = rdflib.Graph().parse(data=response.text, format=fmt)
    graph = graphs["turtle"]
    assert rdflib.compare.isomorphic(graph, graphs["nt"])
    assert rdflib.compare.isomorphic(graph, graphs["json-ld"])
    catalog = rdflib.URIRef(small_pages.url + "/catalog")
    stream = rdflib.URIRef(small_pages.url + "/ldes")
    assert (catalog, rdflib.RDF.type, dcat.Catalog) in graph
    assert (catalog, dcat.dataset, stream) in graph
    assert (stream, rdflib.DCTERMS.type, LDES.EventStream) in graph
    assert graph.value(stream, rdflib.DCTERMS.license) is not None
    assert graph.value(stream, rdflib.DCTERMS.publisher) is not None
    media = {
        str(graph.value(d, dcat.mediaType)).rsplit("media-types/", 1)[1]
        for d in graph.objects(stream, dcat.distribution)
    }
    assert media >= {
        "application/ld+json",
        "text/turtle",
        "application/n-triples",
        "application/n-quads",
        "application/trig",
    }
    streamed = [d for d in graph.objects(stream, dcat.distribution) if not str(d).count("#dump")]
    assert all(graph.value(d, dcat.accessURL) == stream for d in streamed)


@pytest.mark.parametrize(
    "headers",
    [
        {"Accept": "text/turtle;q=abc"},
        {"Accept": ";;;,,/,*/*;q=2"},
        {"Accept": "\x7f/\x7f"},
        {"Accept": "text/turtle;profile"},
        {"Accept": "a" * 10_000},
        {"If-None-Match": '"unterminated'},
        {"If-None-Match": "W/"},
        {"If-None-Match": ",,,*"},
        {"If-None-Match": '"x", W/"y", garbage'},
        {"If-None-Match": '"' * 5000},
    ],
)
def test_malformed_headers_never_cause_a_500(
    small_pages: LiveServer, headers: dict[str, str]
) -> None:
    for path in (
        "/ldes",
        "/ldes/pagina/1",
        "/ldes/pagina/999",
        "/ldes/wortel",
        "/ldes/tak/1",
        "/ldes/strategie/pagina/1",
        "/ldes/laatste/pagina/1",
        "/doc/regeerakkoord/2019-2024/sectie/2.3.5",
        "/catalog",
    ):
        response = httpx.get(small_pages.url + path, headers=headers)
        # 400: httptools refuses a control character in a header before we see it.
        assert response.status_code in (200, 304, 400, 404, 406), (path, response.status_code)


def test_an_overloaded_server_answers_429_with_retry_after(tmp_path: Path) -> None:
    import asyncio
    import sys

    from support import free_port

    port = free_port()
    url = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "beleidsdata.cli",
            "serve",
            "--port",
            str(port),
            "--db",
            str(tmp_path / "s.sqlite"),
            "--base-iri",
            url,
            "--max-in-flight",
            "2",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(300):
            try:
                if httpx.get(url + "/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            import time

            time.sleep(0.1)

        # A search runs on each request, in a worker thread, so the requests overlap;
        # stored pages come from memory at once and they might not.
        async def burst() -> list[httpx.Response]:
            limits = httpx.Limits(max_connections=64)
            async with httpx.AsyncClient(limits=limits, timeout=30) as client:
                return await asyncio.gather(
                    *(client.get(url + "/zoeken", params={"q": f"digitale {i}"}) for i in range(64))
                )

        responses = asyncio.run(burst())
        codes = [r.status_code for r in responses]
        assert set(codes) <= {200, 429}
        assert 429 in codes and 200 in codes
        refused = next(r for r in responses if r.status_code == 429)
        assert refused.headers["retry-after"] == "1"
        assert refused.headers["content-type"] == "application/problem+json"
        assert httpx.get(url + "/ldes/pagina/1").status_code == 200  # and it recovers
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_a_second_consumer_reading_json_ld_pages_with_pyld_gets_every_member(
    small_pages: LiveServer,
) -> None:
    """An independent reader: JSON-LD pages expanded by pyld, relations followed by hand."""
    from pyld import jsonld

    def loader(url: str, options: dict | None = None) -> dict:
        doc = httpx.get(url, headers={"Accept": "application/ld+json"}, timeout=30).json()
        return {"contextUrl": None, "documentUrl": url, "document": doc}

    tree, dct = "https://w3id.org/tree#", "http://purl.org/dc/terms/"
    root = jsonld.expand(loader(small_pages.url + "/ldes")["document"], {"documentLoader": loader})
    todo = [v["@id"] for node in root for v in node.get(tree + "view", [])]
    seen: set[str] = set()
    members: dict[str, str] = {}
    while todo:
        url = todo.pop()
        if url in seen:
            continue
        seen.add(url)
        nodes = jsonld.flatten(loader(url)["document"], None, {"documentLoader": loader})
        by_id = {node["@id"]: node for node in nodes}
        for node in nodes:
            for member in node.get(tree + "member", []):
                members.setdefault(member["@id"], "")
            for version in node.get(dct + "isVersionOf", []):
                members[node["@id"]] = version["@id"]
            for relation in node.get(tree + "relation", []):
                target = by_id.get(relation["@id"], {})
                todo += [n["@id"] for n in target.get(tree + "node", [])]
    expected = {iri: entity for iri, entity, _ in stored_members(small_pages.db)}
    assert members == expected
