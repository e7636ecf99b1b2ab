"""Replicas of the event stream, as a municipality keeps one: outside tools only.

The reference LDES client (npm ``ldes-client`` 0.3.0, pinned in tools/package.json)
reads every member whole, with and without the stream's shape; the members, materialized
as the README documents and loaded into a real triple store (pyoxigraph), give exactly
what ``/doc`` serves for every thing, after creates, updates and deletes; the README's
sync commands run as written and a resumed client receives exactly the new members; the
current-state dump equals the union of ``/doc``; a version IRI answers.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
import rdflib
import rdflib.compare

from backends import NewDb
from support import ROOT, SAMPLE, LiveServer, cli, db_rows, npm_package

pytestmark = pytest.mark.external
PAGE_SIZE = 40
TOOLS = ROOT / "tools"


@pytest.fixture(scope="module")
def replica_tools(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tools/ with its pinned dependencies installed, as the README says."""
    folder = tmp_path_factory.mktemp("tools")
    for name in ("package.json", "ldes-replica.mjs"):
        shutil.copy(TOOLS / name, folder / name)
    subprocess.run(
        ["npm", "install", "--no-audit", "--no-fund", "--loglevel=error"],
        cwd=folder,
        check=True,
        capture_output=True,
        timeout=600,
    )
    return folder


@pytest.fixture(scope="module")
def ldes_client() -> Path:
    folder = npm_package("ldes-client@0.3.0")
    shutil.copy(ROOT / "tests" / "js" / "replicate.mjs", folder / "replicate.mjs")
    return folder


@pytest.fixture()
def server(new_db: NewDb):  # type: ignore[no-untyped-def]
    live = LiveServer(new_db(), page_size=PAGE_SIZE)
    yield live
    live.stop()


def doc_graph(server: LiveServer, iri: str) -> rdflib.Graph:
    path = iri.split("/id/", 1)[1]
    response = httpx.get(
        f"{server.url}/doc/{path}", headers={"Accept": "application/n-triples"}, timeout=30
    )
    assert response.status_code == 200, (path, response.status_code)
    return rdflib.Graph().parse(data=response.text, format="nt")


def oxigraph_graph(store: ox.Store, iri: str) -> rdflib.Graph:
    lines = [
        f"{q.subject} {q.predicate} {q.object} ."
        for q in store.quads_for_pattern(None, None, None, ox.NamedNode(iri))
    ]
    return rdflib.Graph().parse(data="\n".join(lines), format="nt")


def current_things(server: LiveServer) -> set[str]:
    return {r[0] for r in db_rows(server.db, "SELECT iri FROM entities WHERE hash IS NOT NULL")}


def stored_fragment_sizes(server: LiveServer) -> dict[str, int]:
    rows = db_rows(
        server.db,
        "SELECT m.iri, f.body FROM members m JOIN member_fragments f ON f.seq = m.seq "
        "WHERE f.format = 'nq'",
    )
    return {iri: bytes(body).count(b"\n") for iri, body in rows}


def replicate(client: Path, url: str, *flags: str) -> list[dict]:
    result = subprocess.run(
        ["node", "replicate.mjs", url, "ascending", *flags],
        cwd=client,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]


@pytest.mark.parametrize("flags", [(), ("--no-shape",)], ids=["with-shape", "no-shape"])
def test_the_reference_client_gets_every_member_whole(
    ldes_client: Path, server: LiveServer, flags: tuple[str, ...]
) -> None:
    """Whatever extraction rule the client uses, a member is its bookkeeping plus every
    quad of its payload, nested nodes included (nothing lost, nothing of another)."""
    expected = stored_fragment_sizes(server)
    got = replicate(ldes_client, server.url + "/ldes", *flags)
    assert {m["id"] for m in got} == set(expected)
    assert len(got) == len(expected)
    wrong = [
        (m["id"], m["quads"], expected[m["id"]]) for m in got if m["quads"] != expected[m["id"]]
    ]
    assert not wrong, wrong[:5]


def apply_updates(store: ox.Store, text: str) -> None:
    if text.strip():
        store.update(text)


def test_a_materialized_replay_equals_doc_after_updates_and_deletes(
    replica_tools: Path, server: LiveServer, tmp_path: Path
) -> None:
    state = tmp_path / "state"
    store = ox.Store()

    def sync() -> int:
        result = subprocess.run(
            ["node", "ldes-replica.mjs", server.url + "/ldes", "--state", str(state)],
            cwd=replica_tools,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert result.returncode == 0, result.stderr[-2000:]
        apply_updates(store, result.stdout)
        return result.stdout.count("DROP SILENT GRAPH")

    assert sync() == len(stored_fragment_sizes(server))
    # An update (one recital changes) and a delete (a document withdrawn).
    changed = tmp_path / SAMPLE["resolutie"].name
    changed.write_text(
        SAMPLE["resolutie"]
        .read_text(encoding="utf-8")
        .replace("12° een gedecentraliseerde", "12° een sterk gedecentraliseerde"),
        encoding="utf-8",
    )
    assert cli("ingest", str(changed), "--db", str(server.db), "-q").returncode == 0
    withdrawn = cli("withdraw", SAMPLE["mededeling"].name, "--db", str(server.db), "-q")
    assert withdrawn.returncode == 0, withdrawn.stderr
    before = len(stored_fragment_sizes(server))
    received = sync()
    assert 0 < received < before  # only what happened since the first sync
    things = current_things(server)
    graphs = {
        g.value
        for g in store.named_graphs()
        if len(list(store.quads_for_pattern(None, None, None, g)))
    }
    assert graphs == things, (sorted(graphs - things)[:3], sorted(things - graphs)[:3])
    for iri in sorted(things):
        assert rdflib.compare.isomorphic(oxigraph_graph(store, iri), doc_graph(server, iri)), iri


def readme_block(title: str) -> str:
    """The shell block under a README heading, run as it is written."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split(f"### {title}", 1)[1]
    match = re.search(r"```sh\n(.*?)```", section, re.S)
    assert match, f"no sh block under {title}"
    return match.group(1)


def test_the_readme_sync_commands_work_as_written(server: LiveServer, tmp_path: Path) -> None:
    work = tmp_path / "replica"
    work.mkdir()
    env = {**os.environ, "BASE": server.url, "BELEIDSDATA": str(ROOT)}

    def run(block: str) -> subprocess.CompletedProcess[str]:
        result = subprocess.run(
            ["bash", "-euo", "pipefail", "-c", block],
            cwd=work,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert result.returncode == 0, (block, result.stdout[-1000:], result.stderr[-2000:])
        return result

    run(readme_block("First copy"))
    store = ox.Store(str(work / "replica"))
    first = {g.value for g in store.named_graphs()}
    del store
    assert first == current_things(server)
    changed = tmp_path / SAMPLE["resolutie"].name
    changed.write_text(
        SAMPLE["resolutie"]
        .read_text(encoding="utf-8")
        .replace("12° een gedecentraliseerde", "12° een sterk gedecentraliseerde"),
        encoding="utf-8",
    )
    assert cli("ingest", str(changed), "--db", str(server.db), "-q").returncode == 0
    later = run(readme_block("Later: only what changed"))
    assert "2 member(s) since the last run" in later.stderr  # the recital and its source
    store = ox.Store(str(work / "replica"))
    for iri in sorted(current_things(server))[:40]:
        assert rdflib.compare.isomorphic(oxigraph_graph(store, iri), doc_graph(server, iri)), iri


def test_a_version_iri_answers_with_the_member_as_it_was(
    server: LiveServer, tmp_path: Path
) -> None:
    recital = next(i for i in current_things(server) if i.endswith("/overweging/12"))
    first = httpx.get(recital.replace("/id/", "/id/", 1) + "/versie/1", follow_redirects=False)
    assert first.status_code == 303
    assert first.headers["location"].endswith("/versie/1") and "/doc/" in first.headers["location"]
    original = httpx.get(
        server.url + first.headers["location"], headers={"Accept": "application/n-quads"}
    )
    assert original.status_code == 200
    assert "immutable" in original.headers["cache-control"]
    assert "gedecentraliseerde" in original.text
    changed = tmp_path / SAMPLE["resolutie"].name
    changed.write_text(
        SAMPLE["resolutie"]
        .read_text(encoding="utf-8")
        .replace("12° een gedecentraliseerde", "12° een sterk gedecentraliseerde"),
        encoding="utf-8",
    )
    assert cli("ingest", str(changed), "--db", str(server.db), "-q").returncode == 0
    again = httpx.get(
        server.url + first.headers["location"], headers={"Accept": "application/n-quads"}
    )
    assert again.content == original.content  # a version never changes
    path = recital.split("/id/", 1)[1]
    history = httpx.get(f"{server.url}/doc/{path}/geschiedenis").json()
    versions = history["versies"]
    assert [v["versienummer"] for v in versions] == [1, 2]
    assert [v["type"] for v in versions] == ["Create", "Update"]
    assert any("sterk" in line for line in versions[1]["toegevoegd"])
    assert any(
        "sterk" not in line and "gedecentraliseerde" in line for line in versions[1]["verwijderd"]
    )
    page = httpx.get(f"{server.url}/doc/{path}/geschiedenis", headers={"Accept": "text/html"})
    assert page.status_code == 200 and "versie/2" in page.text


def test_the_dump_in_the_catalogue_equals_the_union_of_doc(server: LiveServer) -> None:
    built = cli("dump", "--db", str(server.db))
    assert built.returncode == 0, built.stderr
    catalogue = rdflib.Graph().parse(
        data=httpx.get(server.url + "/catalog", headers={"Accept": "text/turtle"}).text,
        format="turtle",
    )
    dcat = rdflib.Namespace("http://www.w3.org/ns/dcat#")
    spdx = rdflib.Namespace("http://spdx.org/rdf/terms#")
    downloads = {str(u): d for d, u in catalogue.subject_objects(dcat.downloadURL)}
    url = server.url + "/dump/actueel.nq.gz"
    assert url in downloads
    dist = downloads[url]
    body = httpx.get(url).content
    assert int(catalogue.value(dist, dcat.byteSize)) == len(body)
    checksum = catalogue.value(catalogue.value(dist, spdx.checksum), spdx.checksumValue)
    import hashlib

    assert str(checksum) == hashlib.sha256(body).hexdigest()
    store = ox.Store()
    store.load(gzip.decompress(body), format=ox.RdfFormat.N_QUADS)
    graphs = {g.value for g in store.named_graphs()}
    things = current_things(server)
    assert graphs == things
    for iri in sorted(things)[::9]:
        assert rdflib.compare.isomorphic(oxigraph_graph(store, iri), doc_graph(server, iri)), iri
    as_jsonld = httpx.get(server.url + "/dump/actueel.jsonld.gz").content
    dataset = rdflib.Dataset().parse(data=gzip.decompress(as_jsonld), format="json-ld")
    assert {str(g.identifier) for g in dataset.graphs() if len(g)} >= things
