"""The validation form in a real browser: headless Chromium (Debian's package, installed
with apt when missing) driven by npm playwright-core uploads a broken Turtle file from the
corpus with the file input, submits the form, and sees the HTML report with its violation.
The screenshot is saved under the pytest tmp dir."""

from __future__ import annotations

from pathlib import Path

import pytest

from support import FIXTURES, LiveServer, ensure_chromium, npm_package, run_node_script

BROKEN = FIXTURES / "broken" / "werk-twee-titels-nl.ttl"
FOCUS = "http://localhost:8000/id/regeerakkoord/2019-2024"


@pytest.fixture(scope="module")
def form_run(tmp_path_factory: pytest.TempPathFactory) -> dict:
    ensure_chromium()
    tools = npm_package("playwright-core@1.49.1")
    shots = tmp_path_factory.mktemp("validate-screenshots")
    server = LiveServer(tmp_path_factory.mktemp("validate-browser") / "store.sqlite", samples=False)
    try:
        return run_node_script(
            "validate_form.mjs", tools, server.url, str(BROKEN), str(shots / "validate-report.png")
        )
    finally:
        server.stop()


def test_the_form_uploads_a_file_and_shows_the_report(form_run: dict) -> None:
    assert form_run["formStatus"] == 200
    assert form_run["method"] == "POST" and form_run["url"].endswith("/validate")
    assert form_run["reportStatus"] == 200
    assert form_run["verdict"].strip() and form_run["violations"] == 1
    row = " ".join(form_run["rows"])
    assert "dct:title" in row and "at most one per language" in row
    assert any(FOCUS in focus for focus in form_run["focus"])


def test_the_screenshot_shows_the_report(form_run: dict) -> None:
    shot = Path(form_run["screenshot"])
    assert shot.stat().st_size > 10_000
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
