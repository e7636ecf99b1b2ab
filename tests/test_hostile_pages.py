"""HTML that no data can break (issue 15, item 3): a source whose title and body hold
``<!--<script>``, ``</script>``, ``<img onerror>`` and line separators is ingested and its
pages open in real Chromium whole, with no script of the data run; every answer carries
the security headers, /docs still works under the Content-Security-Policy."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from beleidsdata.web.policy import HEADERS, script_json
from support import SAMPLE, LiveServer, cli, ensure_chromium, npm_package, run_node_script

HOSTILE = (
    '<!--<script>window.pwned=1</script> </script><img src=x onerror="window.pwned=2">'
    "<script>alert(3)</script> & \u2028\u2029 <b>vet</b> ]]> '\""
)


def test_script_json_leaves_nothing_for_the_html_parser_and_reads_back_the_same() -> None:
    document = json.dumps({"titel": HOSTILE}, ensure_ascii=False)
    safe = str(script_json(document))
    assert not set("<>&\u2028\u2029") & set(safe)
    assert json.loads(safe) == {"titel": HOSTILE}


def _hostile_copy(folder: Path) -> Path:
    """The evaluation sample with the hostile text in its title and summary."""
    lines = SAMPLE["evaluatie-a"].read_text(encoding="utf-8").split("\n")
    assert lines[0].startswith("# ")
    lines[0] = f"{lines[0]} {HOSTILE}"
    at = lines.index("Samenvatting") + 1
    lines[at] = f"{HOSTILE} {lines[at]}"
    path = folder / SAMPLE["evaluatie-a"].name
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def _paths(ingested: str, base: str) -> list[str]:
    """The evaluation, the section it evaluates and the source document, as /id/ paths."""
    created = re.findall(r"created: (\S+)", ingested) + re.findall(r"changed: (\S+)", ingested)
    wanted = [
        next(i for i in created if re.search(r"/id/evaluatie/[^/]+$", i)),
        next(i for i in created if i.endswith("/sectie/2.3.5")),
        next(i for i in created if "/id/bron/" in i),
    ]
    return [i.removeprefix(base) for i in wanted]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    s = LiveServer(tmp_path_factory.mktemp("hostile") / "store.sqlite", samples=False)
    yield s
    s.stop()


def test_hostile_titles_render_whole_and_run_nothing_in_chromium(
    server: LiveServer, tmp_path: Path
) -> None:
    ensure_chromium()
    tools = npm_package("playwright-core@1.49.1")
    plain = cli("ingest", str(SAMPLE["evaluatie-a"]), "--db", str(server.db))
    assert plain.returncode == 0, plain.stderr
    paths = _paths(plain.stdout, server.url)
    before = run_node_script("hostile_pages.mjs", tools, server.url, *paths)
    hostile = cli("ingest", str(_hostile_copy(tmp_path)), "--db", str(server.db))
    assert hostile.returncode == 0, hostile.stderr
    paths = _paths(hostile.stdout + plain.stdout, server.url)
    after = run_node_script("hostile_pages.mjs", tools, server.url, *paths)
    for (path, page), was in zip(after["pages"].items(), before["pages"].values(), strict=True):
        assert page["status"] == 200, path
        assert page["pwned"] is None and page["dialogs"] == [] and page["violations"] == []
        assert page["footer"] and page["images"] == was["images"], path
        assert page["headings"] == was["headings"], path  # every section is there
        assert page["csp"] == HEADERS["Content-Security-Policy"]
        assert page["scripts"] == was["scripts"]
    evaluation = next(iter(after["pages"].values()))
    assert HOSTILE.split("<img")[0] in evaluation["h1"]  # shown as text
    assert "<!--<script>" in evaluation["jsonldTitle"]  # the JSON-LD block reads back whole
    assert after["docs"]["operations"] > 10, after["docs"]
    assert not [e for e in after["docs"]["errors"] if "Content Security Policy" in e]
    # every other kind of page lives within the policy too: nothing it needs is blocked
    others = ["/", "/zoeken/?q=slimme", "/validate", "/developers", "/vocab/", "/shapes/"]
    pages = run_node_script("hostile_pages.mjs", tools, server.url, *others)["pages"]
    for path, page in pages.items():
        assert page["status"] == 200 and page["violations"] == [] and page["footer"], path


def test_every_answer_carries_the_security_headers(server: LiveServer) -> None:
    for method, path in (
        ("GET", "/"),
        ("GET", "/healthz"),
        ("GET", "/docs"),
        ("GET", "/docs/assets/start.js"),
        ("GET", "/nergens"),
        ("GET", "/ldes"),
        ("POST", "/validate"),
        ("HEAD", "/"),
    ):
        r = httpx.request(method, server.url + path, timeout=30)
        for name, value in HEADERS.items():
            assert r.headers.get(name) == value, (method, path, name)
    page = httpx.get(server.url + "/docs", timeout=30).text
    assert "<script>" not in page and 'src="/docs/assets/start.js"' in page
