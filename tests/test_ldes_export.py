"""The static export, hosted by a real nginx at the store's base IRI, replicated by the
reference LDES client (npm ``ldes-client``)."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import httpx
import pytest

from beleidsdata.web.policy import HEADERS
from support import ROOT, SAMPLES, cli, free_port
from test_ldes import replicate, stored_members

pytestmark = pytest.mark.external
PAGE_SIZE = 40
CONF = ROOT / "tests" / "nginx" / "beleidsdata.conf"


def nginx_binary() -> str:
    found = shutil.which("nginx") or (os.path.exists("/usr/sbin/nginx") and "/usr/sbin/nginx")
    if not found:
        subprocess.run(["apt-get", "update", "-qq"], check=False, capture_output=True)
        subprocess.run(
            ["apt-get", "install", "-y", "-qq", "nginx"],
            check=False,
            capture_output=True,
            timeout=600,
        )
        found = shutil.which("nginx") or (os.path.exists("/usr/sbin/nginx") and "/usr/sbin/nginx")
    if not found:
        pytest.fail("nginx is not installed and cannot be installed with apt-get")
    return str(found)


@pytest.fixture(scope="module")
def hosted(tmp_path_factory: pytest.TempPathFactory):
    nginx = nginx_binary()
    work = tmp_path_factory.mktemp("export")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    db, site = work / "store.sqlite", work / "site"
    ingested = cli(
        "ingest", str(SAMPLES), "--db", str(db), "--base-iri", base, "--page-size", str(PAGE_SIZE)
    )
    assert ingested.returncode == 0, ingested.stderr
    result = cli("ldes", "export", "-o", str(site), "--db", str(db))
    assert result.returncode == 0, result.stderr
    # The README's configuration, pointed at this export and port.
    server = (
        CONF.read_text()
        .replace("/srv/beleidsdata", str(site))
        .replace("listen 80;", f"listen 127.0.0.1:{port};")
    )
    user = "user root;\n" if os.geteuid() == 0 else ""
    (work / "nginx.conf").write_text(
        f"{user}worker_processes 1;\npid {work}/nginx.pid;\nerror_log {work}/error.log;\n"
        "events { worker_connections 256; }\n"
        f"http {{\n access_log off;\n client_body_temp_path {work}/tmp;\n"
        f" proxy_temp_path {work}/tmp;\n fastcgi_temp_path {work}/tmp;\n"
        f" uwsgi_temp_path {work}/tmp;\n scgi_temp_path {work}/tmp;\n{server}\n}}\n"
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
            httpx.get(base + "/ldes", timeout=1)
            break
        except httpx.HTTPError:
            time.sleep(0.1)
    yield base, db, site
    process.terminate()
    process.wait(timeout=10)


def test_nginx_serves_the_export_by_accept_with_the_right_headers(hosted) -> None:
    base, _, _ = hosted
    for accept, media in (
        ("application/n-quads", "application/n-quads"),
        ("text/turtle", "text/turtle"),
        ("application/trig", "application/trig"),
        ("application/ld+json", "application/ld+json"),
        ("application/n-triples", "application/n-triples"),
    ):
        response = httpx.get(base + "/ldes/pagina/1", headers={"Accept": accept})
        assert response.status_code == 200
        assert response.headers["content-type"].startswith(media)
        assert response.headers["cache-control"] == "public, max-age=31536000, immutable"
        assert "Accept" in response.headers["vary"]
    by_suffix = httpx.get(base + "/ldes/pagina/1.ttl")
    assert by_suffix.headers["content-type"].startswith("text/turtle")
    root = httpx.get(base + "/ldes", headers={"Accept": "text/turtle"})
    assert "max-age=60" in root.headers["cache-control"]
    tree_root = httpx.get(base + "/ldes/wortel", headers={"Accept": "text/turtle"})
    assert tree_root.headers["cache-control"] == "public, max-age=10"  # a root can change
    last = sorted(int(p.stem) for p in (hosted[2] / "ldes" / "pagina").glob("*.ttl"))[-1]
    open_page = httpx.get(f"{base}/ldes/pagina/{last}", headers={"Accept": "text/turtle"})
    assert open_page.headers["cache-control"] == "public, max-age=10"
    assert httpx.get(base + "/context/v1.jsonld").status_code == 200
    for name, value in HEADERS.items():  # the service's security headers, from nginx too
        assert root.headers[name] == value and open_page.headers[name] == value, name
    assert httpx.get(base + "/ldes/pagina/9999").status_code == 404


@pytest.fixture(scope="module")
def ldes_client() -> Path:
    from support import npm_package

    folder = npm_package("ldes-client@0.3.0")
    shutil.copy(ROOT / "tests" / "js" / "replicate.mjs", folder / "replicate.mjs")
    return folder


def test_the_reference_client_replicates_the_export_from_nginx(ldes_client: Path, hosted) -> None:
    base, db, _ = hosted
    expected = {iri for iri, _, _ in stored_members(db)}
    got = [m["id"] for m in replicate(ldes_client, base + "/ldes")]
    assert len(got) == len(set(got)), "a member was emitted twice"
    assert set(got) == expected
    kind = [m["id"] for m in replicate(ldes_client, base + "/ldes/beslissing")]
    assert set(kind) == {
        iri for iri, entity, _ in stored_members(db) if entity.startswith(base + "/id/beslissing/")
    }
