"""The site in a real browser: headless Chromium (Debian's package) driven by playwright-core,
with axe-core checking accessibility (WCAG 2.1 AA rules)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from support import FIXTURES, LiveServer, ensure_chromium, npm_package, run_node_script


@pytest.fixture(scope="module")
def browser_run(tmp_path_factory: pytest.TempPathFactory) -> dict:
    ensure_chromium()
    tools = npm_package("playwright-core@1.49.1")
    axe = npm_package("axe-core@4.10.2") / "node_modules" / "axe-core" / "axe.min.js"
    shots = tmp_path_factory.mktemp("screenshots")
    server = LiveServer(tmp_path_factory.mktemp("browser") / "store.sqlite")
    try:
        broken = FIXTURES / "broken" / "bedrag-munt-euro.ttl"
        return run_node_script(
            "browser_site.mjs", tools, server.url, str(shots), str(axe), str(broken)
        )
    finally:
        server.stop()


def test_browser_follows_links_to_a_decision_and_uses_the_search_box(browser_run: dict) -> None:
    steps = {k: v for step in browser_run["steps"] for k, v in step.items()}
    assert steps["landing"] == "Vlaamse beleidsdocumenten als linked open data"
    assert steps["firstTab"] == "Naar de inhoud"
    assert steps["decisions"] == 26
    decision = next(s for s in browser_run["steps"] if "decision" in s)
    assert decision["url"].endswith(decision["href"]) and "/doc/beslissing/" in decision["href"]
    search = next(s for s in browser_run["steps"] if "search" in s)
    assert "q=AI+Academie" in search["url"] and search["results"] >= 1
    assert steps["speerpunten"] == 9 and steps["actiepunten"] == 44
    for shot in browser_run["screenshots"]:
        assert Path(shot).stat().st_size > 10_000


def test_axe_finds_no_serious_or_critical_violation(browser_run: dict) -> None:
    assert set(browser_run["axe"]) >= {"landing", "decision", "section", "strategy"}
    bad = {
        page: [v for v in found if v["impact"] in ("serious", "critical")]
        for page, found in browser_run["axe"].items()
    }
    assert not any(bad.values()), json.dumps(bad, indent=1)


def test_no_page_is_wider_than_its_window(browser_run: dict) -> None:
    widths = browser_run["widths"]
    assert len(widths) == 12
    too_wide = {k: w for k, w in widths.items() if w > int(k.rsplit("@", 1)[1])}
    assert not too_wide, too_wide


def test_the_validation_report_filters_severities(browser_run: dict) -> None:
    step = next(s for s in browser_run["steps"] if "validation" in s)
    assert "voldoen niet" in step["validation"]
    assert step["results"] == 10 and step["shown"] == 1


def test_docs_load_from_this_server_only(browser_run: dict) -> None:
    docs = browser_run["docs"]
    assert docs["operations"] > 10
    assert len(docs["hosts"]) == 1 and docs["hosts"][0].startswith("127.0.0.1:"), docs
