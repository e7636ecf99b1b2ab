"""The developers' page: rendered by a live server, every code block on it is run against that
server (curl in a shell, Python with the venv's interpreter, JavaScript with Node 20) and
must print exactly what the page says it prints."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from beleidsdata.api.collection_query import PARAMS
from support import LiveServer

CODE = re.compile(r'<code data-lang="(\w+)" data-example="([\w-]+)">(.*?)</code>', re.S)
OUTPUT = re.compile(r'<samp data-output="([\w-]+)">(.*?)</samp>', re.S)


@pytest.fixture(scope="module")
def page(live_server: LiveServer) -> str:
    response = httpx.get(live_server.url + "/developers", timeout=30)
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    return response.text


@pytest.fixture(scope="module")
def blocks(page: str) -> dict[str, tuple[str, str, str]]:
    """example id → (language, code, expected output), as a reader copies them."""
    outputs = {i: html.unescape(text) for i, text in OUTPUT.findall(page)}
    found = {}
    for lang, ident, code in CODE.findall(page):
        assert ident in outputs, f"no output shown for {ident}"
        found[ident] = (lang, html.unescape(code), outputs[ident])
    return found


def test_the_page_covers_the_api(page: str, blocks: dict, live_server: LiveServer) -> None:
    assert {lang for lang, _, _ in blocks.values()} == {"sh", "python", "javascript"}
    assert len(blocks) >= 12
    for topic in (
        "/id/",
        "303",
        "Accept",
        ".ttl",
        "/context/v1.jsonld",
        "?embed=",
        "/ldes",
        "/catalog",
        "If-None-Match",
        "304",
        "Access-Control-Allow-Origin",
        "problem+json",
        "/openapi.json",
        "hydra:Collection",
        "volgende",
    ):
        assert topic in html.unescape(page), topic
    for p in PARAMS:  # every filter, with its alias
        assert f"<code>{p.name}</code>" in page and f"<code>{p.alias}</code>" in page, p.name
    # the examples use this server's own address
    assert all(live_server.url in code for _, code, _ in blocks.values())
    assert '<a href="/developers">' in page  # linked from the navigation


def _run(lang: str, code: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    if lang == "sh":
        if shutil.which("curl") is None:
            pytest.fail("curl is not installed: the README examples need it")
        cmd = ["bash", "-c", "set -o pipefail\n" + code]
    elif lang == "python":
        cmd = [sys.executable, "-c", code]
    else:
        if shutil.which("node") is None:
            pytest.fail("node is not installed: the JavaScript examples need it")
        script = tmp_path / "example.mjs"
        script.write_text(code)
        cmd = ["node", str(script)]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=60, cwd=tmp_path)


def test_every_example_runs_and_prints_what_the_page_says(blocks: dict, tmp_path: Path) -> None:
    failures = []
    for ident, (lang, code, expected) in blocks.items():
        run = _run(lang, code, tmp_path)
        if run.returncode != 0 or run.stdout != expected:
            failures.append(
                f"{ident} ({lang}): exit {run.returncode}\n--- page says\n"
                f"{expected}--- printed\n{run.stdout}{run.stderr[-500:]}"
            )
    assert not failures, "\n\n".join(failures)


def test_english_and_dutch_chrome(live_server: LiveServer) -> None:
    nl = httpx.get(live_server.url + "/developers").text
    en = httpx.get(live_server.url + "/developers?lang=en").text
    assert '<html lang="nl">' in nl and '<div lang="en">' in nl  # the guide is in English
    assert '<html lang="en">' in en and '<div lang="en">' not in en
