"""The README's nginx cache in front of the service (tests/nginx/beleidsdata-cache.conf),
with Debian's nginx in front of a live server: repeated GETs are cache hits, Turtle and
JSON-LD stay apart, 304s pass, and after an ingest the open page is new within its
max-age."""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Iterator

import httpx
import pytest

from support import ROOT, SAMPLE, LiveServer, cli, free_port
from test_ldes_export import nginx_binary

CONF = ROOT / "tests" / "nginx" / "beleidsdata-cache.conf"
TURTLE = {"Accept": "text/turtle"}
JSONLD = {"Accept": "application/ld+json"}


@pytest.fixture(scope="module")
def cached(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, LiveServer]]:
    nginx = nginx_binary()
    tmp_path = tmp_path_factory.mktemp("cache")
    server = LiveServer(tmp_path / "store.sqlite", samples=False)
    made = cli("ingest", str(SAMPLE["strategie"]), "--db", str(server.db), "-q")
    assert made.returncode == 0, made.stderr
    port = free_port()
    config = (
        CONF.read_text()
        .replace("/var/cache/nginx/beleidsdata", str(tmp_path / "cache"))
        .replace("server 127.0.0.1:8000;", f"server 127.0.0.1:{server.port};")
        .replace("listen 80;", f"listen 127.0.0.1:{port};")
    )
    user = "user root;\n" if os.geteuid() == 0 else ""
    (tmp_path / "tmp").mkdir()
    (tmp_path / "nginx.conf").write_text(
        f"{user}worker_processes 1;\npid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\n"
        "events { worker_connections 256; }\n"
        f"http {{\n access_log off;\n client_body_temp_path {tmp_path}/tmp;\n"
        f" proxy_temp_path {tmp_path}/tmp;\n fastcgi_temp_path {tmp_path}/tmp;\n"
        f" uwsgi_temp_path {tmp_path}/tmp;\n scgi_temp_path {tmp_path}/tmp;\n{config}\n}}\n"
    )
    process = subprocess.Popen(
        [nginx, "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf"), "-g", "daemon off;"],
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 20
        while True:
            if process.poll() is not None:
                pytest.fail(f"nginx exited: {process.stderr.read().decode()}")  # type: ignore[union-attr]
            try:
                httpx.get(base + "/healthz", timeout=1)
                break
            except httpx.HTTPError:
                if time.monotonic() > deadline:
                    pytest.fail("nginx did not answer")
                time.sleep(0.1)
        yield base, server
    finally:
        process.terminate()
        process.wait(timeout=10)
        server.stop()


def test_a_second_get_is_a_hit_per_representation_and_304s_pass(
    cached: tuple[str, LiveServer],
) -> None:
    base, server = cached
    for path in ("/ldes", "/ldes/pagina/1"):
        for accept in (TURTLE, JSONLD):
            first = httpx.get(base + path, headers=accept)
            second = httpx.get(base + path, headers=accept)
            direct = httpx.get(server.url + path, headers=accept)
            assert first.status_code == second.status_code == 200
            assert first.headers["x-cache-status"] == "MISS"
            assert second.headers["x-cache-status"] == "HIT", (path, accept)
            assert second.content == direct.content  # Turtle and JSON-LD never mixed
            assert second.headers["etag"] == direct.headers["etag"]
            assert second.headers["cache-control"] == direct.headers["cache-control"]
            assert "Accept" in second.headers["vary"]
            conditional = {**accept, "If-None-Match": direct.headers["etag"]}
            not_modified = httpx.get(base + path, headers=conditional)
            assert not_modified.status_code == 304 and not not_modified.content


def test_after_an_ingest_the_open_page_is_new_within_its_max_age(
    cached: tuple[str, LiveServer],
) -> None:
    base, server = cached
    path = "/ldes/pagina/1"
    before = httpx.get(base + path, headers=TURTLE)
    assert httpx.get(base + path, headers=TURTLE).headers["x-cache-status"] == "HIT"
    max_age = int(before.headers["cache-control"].split("max-age=")[1].split(",")[0])
    added = cli("ingest", str(SAMPLE["resolutie"]), "--db", str(server.db), "-q")
    assert added.returncode == 0, added.stderr
    changed = time.monotonic()
    fresh = httpx.get(server.url + path, headers=TURTLE)
    assert fresh.content != before.content
    while httpx.get(base + path, headers=TURTLE).content != fresh.content:
        assert time.monotonic() - changed < max_age + 2, "the cache kept the old page"
        time.sleep(0.25)
    cached_now = httpx.get(base + path, headers=TURTLE)
    assert cached_now.content == fresh.content
    assert cached_now.headers["x-cache-status"] in ("HIT", "UPDATING", "REVALIDATED")
