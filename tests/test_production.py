"""The production layout, for real on one machine: a PostgreSQL database, two ``beleidsdata
serve`` replicas on it and Debian's nginx in front with ``tests/nginx/replicas.conf``.

While an ingest runs, a client reading the stream alternately from both replicas (and
through nginx) sees one consistent stream: it only ever grows at the end, in the order
the database holds. Both replicas answer the same bytes and ETags; nginx caches closed
pages and moves requests to the other replica when one goes down (a rolling deploy).
"""

from __future__ import annotations

import itertools
import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from backends import create_database, drop_databases
from support import FIXTURES, ROOT, SAMPLES, LiveServer, cli, db_rows, free_port
from test_ldes_export import nginx_binary

pytestmark = pytest.mark.external
CONF = ROOT / "tests" / "nginx" / "replicas.conf"
PAGE_SIZE = 20
MEMBER = re.compile(r"<[^>]+/ldes> <https://w3id.org/tree#member> <([^>]+)> \.")
NT = {"Accept": "application/n-triples"}


@dataclass
class Layout:
    db: str
    base: str  # nginx, and the base IRI of the store
    replicas: list[LiveServer]
    work: Path


def start_nginx(work: Path, port: int, upstreams: list[int]) -> subprocess.Popen[bytes]:
    nginx = nginx_binary()
    conf = CONF.read_text()
    conf = conf.replace("127.0.0.1:8001", f"127.0.0.1:{upstreams[0]}")
    conf = conf.replace("127.0.0.1:8002", f"127.0.0.1:{upstreams[1]}")
    conf = conf.replace("/var/cache/nginx/beleidsdata", str(work / "cache"))
    conf = conf.replace("listen 80;", f"listen 127.0.0.1:{port};")
    user = "user root;\n" if os.geteuid() == 0 else ""
    (work / "tmp").mkdir(exist_ok=True)
    (work / "nginx.conf").write_text(
        f"{user}worker_processes 1;\npid {work}/nginx.pid;\nerror_log {work}/error.log;\n"
        "events { worker_connections 256; }\n"
        f"http {{\n access_log off;\n client_body_temp_path {work}/tmp;\n"
        f" proxy_temp_path {work}/tmp;\n fastcgi_temp_path {work}/tmp;\n"
        f" uwsgi_temp_path {work}/tmp;\n scgi_temp_path {work}/tmp;\n{conf}\n}}\n"
    )
    process = subprocess.Popen(
        [nginx, "-p", str(work), "-c", str(work / "nginx.conf"), "-g", "daemon off;"],
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"nginx exited: {process.stderr.read().decode()}")  # type: ignore[union-attr]
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                return process
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    process.terminate()
    pytest.fail("nginx did not answer in time")


@pytest.fixture(scope="module")
def layout(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Layout]:
    work = tmp_path_factory.mktemp("production")
    db = create_database("production")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    prepared = cli("db", "upgrade", "--db", db, "--base-iri", base, "--page-size", str(PAGE_SIZE))
    assert prepared.returncode == 0, prepared.stderr
    replicas = [LiveServer(db, page_size=PAGE_SIZE, base_iri=base, samples=False) for _ in range(2)]
    nginx = start_nginx(work, port, [r.port for r in replicas])
    try:
        yield Layout(db, base, replicas, work)
    finally:
        nginx.terminate()
        nginx.wait(timeout=10)
        for replica in replicas:
            replica.stop()
        drop_databases([db])


def read_stream(url: str) -> list[str]:
    """The members of the time view in order, page by page, from one server."""
    members: list[str] = []
    n = 1
    with httpx.Client(base_url=url, timeout=30) as client:
        while True:
            page = client.get(f"/ldes/pagina/{n}", headers=NT)
            if page.status_code == 404:
                return members
            assert page.status_code == 200, (url, n, page.status_code)
            found = MEMBER.findall(page.text)
            members += found
            if len(found) < PAGE_SIZE:
                return members
            n += 1


def test_a_client_reading_both_replicas_while_an_ingest_runs_sees_one_stream(
    layout: Layout,
) -> None:
    sources = [str(p) for p in sorted(SAMPLES.glob("*.txt"))]
    sources += [str(p) for p in sorted((FIXTURES / "strategie").glob("*.txt"))]
    batches = [sources[:1], sources[1:3], sources[3:5], sources[5:]]

    def ingest(paths: list[str]) -> subprocess.Popen[str]:
        command = [sys.executable, "-m", "beleidsdata.cli", "ingest", "--db", layout.db, "-q"]
        return subprocess.Popen([*command, *paths], stderr=subprocess.PIPE, text=True)

    writer = ingest(batches.pop(0))
    readers = [r.url for r in layout.replicas] + [layout.base]  # replica 1, 2, nginx
    snapshots: list[list[str]] = []
    turn = 0
    while True:
        snapshots.append(read_stream(readers[turn % len(readers)]))
        turn += 1
        if writer.poll() is not None:
            assert writer.returncode == 0, writer.stderr.read() if writer.stderr else ""
            if not batches:
                break
            writer = ingest(batches.pop(0))
    final = db_rows(layout.db, "SELECT iri FROM members ORDER BY seq")
    expected = [iri for (iri,) in final]
    for reader in readers:
        snapshots.append(read_stream(reader))
    assert len(expected) > 10 * PAGE_SIZE and turn >= 4
    for earlier, later in itertools.pairwise(snapshots):
        # nginx may serve an open page up to 10 s old: a shorter stream, never another one
        assert later[: len(earlier)] == earlier or earlier[: len(later)] == later
        assert len(set(later)) == len(later)  # no member twice
    for snapshot in snapshots:
        assert snapshot == expected[: len(snapshot)]  # always the database's order
    assert snapshots[-2] == snapshots[-3] == expected  # both replicas: everything


def test_both_replicas_and_nginx_answer_the_same_bytes_and_etags(layout: Layout) -> None:
    if not db_rows(layout.db, "SELECT 1 FROM members LIMIT 1"):
        assert cli("ingest", str(SAMPLES), "--db", layout.db, "-q").returncode == 0
    paths = ["/ldes", "/ldes/pagina/1", "/ldes/pagina/2", "/doc/beslissing", "/catalog"]
    paths += [f"/doc/{p}" for (p,) in db_rows(layout.db, "SELECT path FROM entities LIMIT 40")]
    for path in paths:
        for accept in ("application/ld+json", "text/turtle"):
            answers = [
                httpx.get(url + path, headers={"Accept": accept}, timeout=30)
                for url in (*(r.url for r in layout.replicas), layout.base)
            ]
            assert {a.status_code for a in answers} == {200}, path
            assert len({a.content for a in answers}) == 1, path
            assert len({a.headers.get("etag") for a in answers}) == 1, path
    # nginx keeps closed pages: the second request does not reach a replica
    httpx.get(layout.base + "/ldes/pagina/1", headers=NT)
    cached = httpx.get(layout.base + "/ldes/pagina/1", headers=NT)
    assert cached.headers["x-cache-status"] == "HIT"
    assert "immutable" in cached.headers["cache-control"]


def test_health_and_metrics_through_nginx(layout: Layout) -> None:
    health = httpx.get(layout.base + "/healthz")
    assert health.status_code == 200 and health.headers["cache-control"] == "no-store"
    database = health.json()["database"]
    assert database["backend"] == "postgresql" and database["state"] == "ok"
    assert database["last_ingest"] and database["size_bytes"] > 0
    for replica in layout.replicas:
        text = httpx.get(replica.url + "/metrics").text
        assert 'beleidsdata_info{version="' in text and 'backend="postgresql"' in text
        assert "beleidsdata_database_up 1" in text
        assert re.search(r"^beleidsdata_store_members \d+$", text, re.M)
        assert re.search(r"^beleidsdata_last_ingest_timestamp_seconds \d", text, re.M)
        assert 'beleidsdata_http_requests_total{route="/ldes/…",method="GET",status="200"}' in text
        assert (
            'beleidsdata_http_request_duration_seconds_bucket{route="/healthz",le="+Inf"}' in text
        )


def test_a_replica_going_down_is_no_downtime_behind_nginx(layout: Layout) -> None:
    first, second = layout.replicas
    first.stop()  # a rolling deploy: one replica restarts
    try:
        for _ in range(10):
            r = httpx.get(layout.base + "/doc/beslissing", headers={"Accept": "text/csv"})
            assert r.status_code == 200
            assert httpx.get(layout.base + "/healthz").status_code == 200
    finally:
        layout.replicas[0] = LiveServer(
            layout.db, page_size=PAGE_SIZE, base_iri=layout.base, samples=False, port=first.port
        )
    assert httpx.get(layout.replicas[0].url + "/healthz").status_code == 200
    assert second.process.poll() is None
