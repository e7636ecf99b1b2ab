"""``POST /validate`` and the form at ``GET /validate``, on a real ``beleidsdata serve``."""

from __future__ import annotations

import csv
import io
import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import rdflib

from support import SAMPLE, LiveServer, cli

PROBLEM = "application/problem+json"


def Server(db: Path, *options: str) -> LiveServer:
    """``beleidsdata serve --no-samples`` with extra options (the validation limits)."""
    return LiveServer(db, samples=False, options=options)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    s = Server(tmp_path_factory.mktemp("validate") / "store.sqlite")
    yield s
    s.stop()


@pytest.fixture(scope="module")
def broken_nt() -> bytes:
    nt = cli("convert", str(SAMPLE["resolutie"]), "--format", "nt").stdout
    return (
        "\n".join(
            line
            for line in nt.splitlines()
            if "/overweging/3> <http://www.w3.org/ns/prov#wasDerivedFrom>" not in line
        )
        + "\n"
    ).encode()


def test_raw_body_and_accept_pick_the_report(server: Server, broken_nt: bytes) -> None:
    post = lambda accept: httpx.post(  # noqa: E731
        server.url + "/validate",
        content=broken_nt,
        timeout=60,
        headers={"Content-Type": "application/n-triples", "Accept": accept},
    )
    r = post("application/ld+json")
    assert r.status_code == 200 and r.headers["content-type"] == "application/ld+json"
    doc = r.json()
    assert doc["@type"] == "sh:ValidationReport" and doc["conforms"] is False
    r = post("text/turtle")
    report = rdflib.Graph().parse(data=r.text, format="turtle")
    assert (None, rdflib.SH.conforms, rdflib.Literal(False)) in report
    r = post("text/csv")
    rows = list(csv.reader(io.StringIO(r.text)))
    assert rows[0] == ["# conforms", "false"] and r.headers["content-type"].startswith("text/csv")
    r = post("application/json")
    assert r.json()["counts"]["Violation"] >= 1
    r = post("text/html")
    assert r.status_code == 200 and "overweging/3" in r.text and "<form" in r.text
    assert post("image/png").status_code == 406


def test_language_by_accept_language_or_lang(server: Server, broken_nt: bytes) -> None:
    url = server.url + "/validate"
    headers = {"Content-Type": "application/n-triples", "Accept": "application/json"}
    nl = httpx.post(
        url, content=broken_nt, headers={**headers, "Accept-Language": "nl-BE"}, timeout=60
    ).json()
    en = httpx.post(url + "?lang=en", content=broken_nt, headers=headers, timeout=60).json()

    def message(d: dict) -> str:
        return next(
            r["message"]
            for r in d["results"]
            if r["focusNode"].endswith("overweging/3") and r["path"].endswith("wasDerivedFrom")
        )

    assert message(nl) != message(en) and "Every resource" in message(en)


def test_multipart_upload_and_areas(server: Server, broken_nt: bytes) -> None:
    r = httpx.post(
        server.url + "/validate",
        timeout=60,
        headers={"Accept": "application/json"},
        files={"file": ("broken.nt", broken_nt, "application/octet-stream")},
        data={"area": ["besluiten"]},
    )
    assert r.status_code == 200 and r.json()["areas"] == ["besluiten"]
    assert r.json()["conforms"] is True  # the decisions area does not judge resolutions


def test_a_source_document_is_converted_and_results_quote_its_lines(server: Server) -> None:
    text = SAMPLE["resolutie"].read_bytes()
    r = httpx.post(
        server.url + "/validate?name=resolutie-slim-vlaanderen.txt",
        content=text,
        headers={"Content-Type": "text/plain", "Accept": "application/json"},
        timeout=60,
    )
    assert r.status_code == 200, r.text
    results = r.json()["results"]
    assert results and all(x["sourceLines"][0]["text"] for x in results)


def test_malformed_rdf_is_a_400_naming_the_line(server: Server) -> None:
    r = httpx.post(
        server.url + "/validate",
        timeout=30,
        content=b'@prefix ex: <http://e/> .\nex:a ex:b ex:c .\nex:d ex:e "open .\n',
        headers={"Content-Type": "text/turtle"},
    )
    assert r.status_code == 400 and r.headers["content-type"] == PROBLEM
    # the parser's full message, with line and column
    assert r.json()["detail"].startswith(
        "body:3:18: Turtle syntax error: newline found in string literal"
    )
    r = httpx.post(
        server.url + "/validate",
        timeout=30,
        files={"file": ("kapot.jsonld", b'{\n "@id": "http://e/a",\n "http://e/b": \n}', "")},
    )
    assert r.status_code == 400 and "kapot.jsonld:4: JSON syntax error" in r.json()["detail"]
    r = httpx.post(
        server.url + "/validate", content=b"x", timeout=30, headers={"Content-Type": "image/png"}
    )
    assert r.status_code == 415 and r.headers["content-type"] == PROBLEM
    r = httpx.post(server.url + "/validate", data={"lang": "en"}, timeout=30)
    assert r.status_code == 400 and "nothing to validate" in r.json()["detail"]


def test_fetching_a_url_is_off_by_default(server: Server) -> None:
    r = httpx.post(server.url + "/validate", data={"url": server.url + "/healthz"}, timeout=30)
    assert r.status_code == 403 and "not enabled" in r.json()["detail"]


def test_the_form_works_without_javascript(server: Server, broken_nt: bytes) -> None:
    form = httpx.get(server.url + "/validate?lang=en", timeout=30)
    assert form.status_code == 200 and 'enctype="multipart/form-data"' in form.text
    assert "<script" not in form.text
    for name in ("file", "text", "area", "lang", "format"):
        assert f'name="{name}"' in form.text
    r = httpx.post(
        server.url + "/validate",
        timeout=60,
        headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"},
        data={"text": broken_nt.decode(), "syntax": "auto", "lang": "en"},
    )
    assert r.status_code == 200 and "does not conform" in r.text
    bad = httpx.post(
        server.url + "/validate",
        timeout=60,
        headers={"Accept": "text/html"},
        data={"text": "ex:a ex:b", "lang": "en"},
    )
    assert bad.status_code == 400 and 'role="alert"' in bad.text


# --------------------------------------------------------------------------- limits


def _big_input(seed: bytes, copies: int) -> bytes:
    """The real converted resolution, repeated under other IRIs: a slow, valid input."""
    text = seed.decode()
    return "".join(text.replace("/id/", f"/id/kopie{i}/") for i in range(copies)).encode()


@pytest.fixture(scope="module")
def limited(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    s = Server(
        tmp_path_factory.mktemp("limited") / "store.sqlite",
        "--validate-concurrency",
        "1",
        "--validate-timeout",
        "1",
        "--validate-max-bytes",
        str(20 * 1024 * 1024),
    )
    yield s
    s.stop()


def test_a_body_over_the_limit_is_a_413(limited: Server) -> None:
    body = b"#" * (21 * 1024 * 1024)
    r = httpx.post(
        limited.url + "/validate", content=body, timeout=60, headers={"Content-Type": "text/turtle"}
    )
    assert r.status_code == 413 and r.headers["content-type"] == PROBLEM
    assert "larger than the limit" in r.json()["detail"]

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it streams in
        for _ in range(22):
            yield b"#" * (1024 * 1024)

    r = httpx.post(
        limited.url + "/validate",
        content=chunks(),
        timeout=60,
        headers={"Content-Type": "text/turtle"},
    )
    assert r.status_code == 413


def test_one_validation_at_a_time_then_429_and_a_time_budget(
    limited: Server, broken_nt: bytes
) -> None:
    slow = _big_input(broken_nt, 60)  # ~70k triples, ~18 MB: parsing alone takes over 1 s
    first: dict[str, httpx.Response] = {}

    def run() -> None:
        first["r"] = httpx.post(
            limited.url + "/validate",
            content=slow,
            timeout=60,
            headers={"Content-Type": "application/n-triples"},
        )

    thread = threading.Thread(target=run)
    thread.start()
    time.sleep(1.0)
    second = httpx.post(
        limited.url + "/validate",
        content=broken_nt,
        timeout=60,
        headers={"Content-Type": "application/n-triples"},
    )
    thread.join(60)
    assert second.status_code == 429 and second.headers["content-type"] == PROBLEM
    assert int(second.headers["retry-after"]) >= 1
    r = first["r"]
    assert r.status_code == 422 and r.headers["content-type"] == PROBLEM
    assert "time budget of 1 s" in json.loads(r.text)["detail"]
    # the slot is free again, the killed worker left nothing behind
    again = httpx.post(
        limited.url + "/validate",
        content=broken_nt,
        timeout=60,
        headers={"Content-Type": "application/n-triples"},
    )
    assert again.status_code == 200, again.text
