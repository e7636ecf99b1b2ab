"""Serving stored bytes from memory: an ingest by another process is seen at once, and
every HTTP stack answers the same bytes."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from support import SAMPLE, LiveServer, cli

TURTLE = {"Accept": "text/turtle"}


def test_pages_kept_in_memory_follow_an_ingest_by_another_process(tmp_path: Path) -> None:
    db = tmp_path / "store.sqlite"
    server = LiveServer(db, samples=False)
    try:
        paths = ("/ldes", "/ldes/wortel", "/ldes/pagina/1", "/ldes/laatste/pagina/1")
        before = {}
        for path in paths:
            first = httpx.get(server.url + path, headers=TURTLE)
            again = httpx.get(server.url + path, headers=TURTLE)  # from memory now
            assert first.status_code == again.status_code == 200
            assert first.content == again.content
            assert first.headers["etag"] == again.headers["etag"]
            before[path] = first
        ingested = cli("ingest", str(SAMPLE["strategie"]), "--db", str(db), "-q")
        assert ingested.returncode == 0, ingested.stderr
        for path in paths:
            old = before[path]
            now = httpx.get(server.url + path, headers=TURTLE)
            assert now.status_code == 200
            assert now.headers["etag"] != old.headers["etag"], path
            # the old validator no longer matches: a poller gets the new page, not a 304
            conditional = {**TURTLE, "If-None-Match": old.headers["etag"]}
            assert httpx.get(server.url + path, headers=conditional).status_code == 200
            fresh = {**TURTLE, "If-None-Match": now.headers["etag"]}
            assert httpx.get(server.url + path, headers=fresh).status_code == 304
        page = httpx.get(server.url + "/ldes/pagina/1", headers=TURTLE).text
        assert "tree:member" in page or "https://w3id.org/tree#member" in page
    finally:
        server.stop()


@pytest.mark.parametrize(
    ("stack", "workers"), [("httptools", 1), ("h11", 1), ("httptools", 2), ("granian", 1)]
)
def test_every_stack_serves_the_same_stored_bytes(tmp_path: Path, stack: str, workers: int) -> None:
    db = tmp_path / "store.sqlite"
    server = LiveServer(db, samples=False, options=("--stack", stack, "--workers", str(workers)))
    try:
        made = cli("ingest", str(SAMPLE["strategie"]), "--db", str(db), "-q")
        assert made.returncode == 0, made.stderr
        exported = cli("ldes", "export", "-o", str(tmp_path / "export"), "--db", str(db))
        assert exported.returncode == 0, exported.stderr
        for path in ("/ldes", "/ldes/wortel", "/ldes/pagina/1"):
            got = httpx.get(server.url + path, headers=TURTLE)
            assert got.status_code == 200, (stack, path)
            assert got.content == (tmp_path / "export" / f"{path.lstrip('/')}.ttl").read_bytes()
            assert got.headers["vary"].endswith("Accept")
            again = httpx.get(
                server.url + path, headers={**TURTLE, "If-None-Match": got.headers["etag"]}
            )
            assert again.status_code == 304 and again.content == b""
        # answered by the routes, not the stored path: still the same application
        assert httpx.get(server.url + "/healthz").status_code == 200
        assert httpx.get(server.url + "/ldes/x/pagina/1", headers=TURTLE).status_code == 404
    finally:
        server.stop()


def test_a_collections_first_page_is_kept_until_the_store_changes(tmp_path: Path) -> None:
    db = tmp_path / "store.sqlite"
    server = LiveServer(db, samples=False)
    jsonld = {"Accept": "application/ld+json"}
    try:
        made = cli("ingest", str(SAMPLE["strategie"]), "--db", str(db), "-q")
        assert made.returncode == 0, made.stderr
        first = httpx.get(server.url + "/doc/bron", headers=jsonld)
        again = httpx.get(server.url + "/doc/bron", headers=jsonld)
        assert first.json()["totaalAantal"] == 1
        assert again.content == first.content and again.headers["etag"] == first.headers["etag"]
        conditional = {**jsonld, "If-None-Match": first.headers["etag"]}
        assert httpx.get(server.url + "/doc/bron", headers=conditional).status_code == 304
        # other representations and a query are their own
        turtle = httpx.get(server.url + "/doc/bron", headers=TURTLE)
        assert turtle.headers["content-type"].startswith("text/turtle")
        assert httpx.get(server.url + "/doc/bron?aantal=1", headers=jsonld).status_code == 200
        made = cli("ingest", str(SAMPLE["resolutie"]), "--db", str(db), "-q")
        assert made.returncode == 0, made.stderr
        now = httpx.get(server.url + "/doc/bron", headers=jsonld)
        assert now.json()["totaalAantal"] == 2
        assert now.headers["etag"] != first.headers["etag"]
        assert httpx.get(server.url + "/doc/bron", headers=conditional).status_code == 200
        assert httpx.get(server.url + "/doc/bron", headers=TURTLE).content != turtle.content
    finally:
        server.stop()
