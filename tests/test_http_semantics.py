"""HTTP as users and caches expect (issue 15, item 5): ``HEAD`` on every ``GET`` route,
``ETag`` and ``Cache-Control`` on every answer (``/healthz`` and errors too), strict
dates and numbers in filters, byte-order marks decoded, a refused remote context named."""

from __future__ import annotations

import codecs
from typing import Any

import httpx
import pytest

from support import SAMPLE, LiveServer, cli

PROBLEM = "application/problem+json"
# Headers that may differ between two answers to the same request.
VOLATILE = {"date", "server", "content-length", "transfer-encoding", "connection"}


def _get_paths(server: LiveServer) -> list[str]:
    """Every GET route of the OpenAPI description, its path parameters filled with their
    documented examples (the sample corpus has them)."""
    description = httpx.get(server.url + "/openapi.json", timeout=30).json()
    out = []
    for path, operations in description["paths"].items():
        if "get" not in operations:
            continue
        for parameter in operations["get"].get("parameters", []):
            if parameter["in"] == "path":
                example: Any = next(iter(parameter["examples"].values()))["value"]
                path = path.replace("{" + parameter["name"] + "}", str(example))
        out.append(path)
    return out


def test_head_answers_every_get_route_with_its_headers_and_no_body(
    live_server: LiveServer,
) -> None:
    paths = _get_paths(live_server)
    assert len(paths) >= 20
    for path in paths:
        got = httpx.get(live_server.url + path, timeout=30)
        head = httpx.head(live_server.url + path, timeout=30)
        again = httpx.get(live_server.url + path, timeout=30)
        assert head.status_code == got.status_code, path
        assert got.status_code in (200, 303), (path, got.status_code)
        assert head.content == b"", path
        # a representation that changes by itself (counters) may differ in its tag
        skip = VOLATILE | ({"etag"} if got.content != again.content else set())
        same = {k: v for k, v in got.headers.items() if k not in skip}
        assert {k: v for k, v in head.headers.items() if k not in skip} == same, path
        if "content-length" in got.headers and got.content == again.content:
            assert head.headers["content-length"] == got.headers["content-length"], path


@pytest.mark.parametrize(
    "path",
    ["/healthz", "/nergens", "/doc/beslissing?van=2021-13-45", "/doc/beslissing/nergens"],
)
def test_every_answer_has_an_etag_and_cache_control(live_server: LiveServer, path: str) -> None:
    r = httpx.get(live_server.url + path, timeout=30)
    assert r.headers.get("etag", "").startswith('"'), path
    assert r.headers.get("cache-control"), path
    if r.status_code == 200:
        again = httpx.get(
            live_server.url + path, headers={"If-None-Match": r.headers["etag"]}, timeout=30
        )
        if again.status_code == 200:  # the answer changed by itself (a latency, a count)
            assert again.headers["etag"] != r.headers["etag"]
        else:
            assert again.status_code == 304 and again.content == b""
            assert again.headers["etag"] == r.headers["etag"]
    else:
        assert r.headers["content-type"] == PROBLEM and r.headers["cache-control"] == "no-store"


@pytest.mark.parametrize(
    "query",
    [
        "van=2021-13-45",
        "tot=2021-02-30",
        "van=21-1-1",
        "van=2021-01-01T00:00",
        "bedragVan=1e999",
        "bedragVan=-5",
        "bedragVan=1_000",
        "bedragTot=NaN",
        "aantal=1e3",
        "aantal=0",
        "aantal=abc",
    ],
)
def test_bad_dates_and_numbers_in_filters_are_400(live_server: LiveServer, query: str) -> None:
    r = httpx.get(f"{live_server.url}/doc/beslissing?{query}", timeout=30)
    assert r.status_code == 400, (query, r.status_code)
    assert r.headers["content-type"] == PROBLEM
    assert query.split("=")[0] in r.json()["detail"]


@pytest.mark.parametrize(
    "query", ["jaar=abcd", "jaar=99999", "bedrag=veel", "soort=%3Cscript%3E", "pagina=0"]
)
def test_bad_search_filters_are_400(live_server: LiveServer, query: str) -> None:
    r = httpx.get(f"{live_server.url}/zoeken/?{query}", timeout=30)
    assert r.status_code == 400, (query, r.status_code)


def test_good_filters_still_work(live_server: LiveServer) -> None:
    for query in ("van=2021-01-01&tot=2021-12-31", "bedragVan=1000.50", "aantal=5"):
        assert httpx.get(f"{live_server.url}/doc/beslissing?{query}", timeout=30).is_success
    assert httpx.get(f"{live_server.url}/zoeken/?jaar=2021&bedrag=1m-5m", timeout=30).is_success


@pytest.mark.parametrize(
    "bom,encoding",
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
    ],
)
def test_texts_with_a_byte_order_mark_are_decoded(tmp_path: Any, bom: bytes, encoding: str) -> None:
    text = SAMPLE["resolutie"].read_text(encoding="utf-8")
    source = tmp_path / SAMPLE["resolutie"].name
    source.write_bytes(bom + text.encode(encoding))
    done = cli("convert", str(source), "--format", "nt")
    assert done.returncode == 0, done.stderr
    plain = cli("convert", str(SAMPLE["resolutie"]), "--format", "nt")

    def facts(nt: str) -> list[str]:  # the checksum is of the bytes as sent
        return sorted(line for line in nt.splitlines() if "checksumValue" not in line)

    assert facts(done.stdout) == facts(plain.stdout)
    turtle = tmp_path / "data.ttl"
    turtle.write_bytes(
        bom + '@prefix ex: <http://example.org/> .\nex:a ex:p "é" .\n'.encode(encoding)
    )
    checked = cli("validate", str(turtle))
    assert checked.returncode == 0, checked.stderr


def test_a_refused_remote_context_is_named_as_such(tmp_path: Any) -> None:
    document = tmp_path / "remote.jsonld"
    document.write_text('{"@context": "https://example.org/ctx.jsonld", "@id": "http://e/a"}')
    done = cli("validate", str(document))
    assert done.returncode == 2
    assert "remote context https://example.org/ctx.jsonld was not loaded" in done.stderr
    assert "Could not expand" not in done.stderr


def test_a_utf16_upload_is_validated_over_http(live_server: LiveServer) -> None:
    text = SAMPLE["resolutie"].read_text(encoding="utf-8")
    r = httpx.post(
        live_server.url + "/validate",
        content=text.encode("utf-16"),  # with its byte-order mark
        headers={"Content-Type": "text/plain", "Accept": "application/json"},
        timeout=60,
    )
    assert r.status_code == 200, r.text
    turtle = '@prefix ex: <http://example.org/> .\nex:a ex:p "é" .\n'.encode("utf-16")
    r = httpx.post(
        live_server.url + "/validate",
        content=turtle,
        headers={"Content-Type": "text/turtle", "Accept": "application/json"},
        timeout=60,
    )
    assert r.status_code == 200, r.text
