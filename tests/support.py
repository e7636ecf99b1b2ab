"""Helpers for the tests: the real sample documents, the CLI and a live server."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data" / "samples"
FIXTURES = ROOT / "tests" / "fixtures"

SAMPLE = {
    "evaluatie-a": SAMPLES / "evaluatie-2.3.5-export-a.txt",
    "evaluatie-b": SAMPLES / "evaluatie-2.3.5-export-b.txt",
    "strategie": SAMPLES / "vlaamse-digitale-strategie.txt",
    "resolutie": SAMPLES / "resolutie-slim-vlaanderen.txt",
    "mededeling": SAMPLES / "mededeling-slimme-regio-vlaanderen.txt",
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def cli(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """Run the real ``beleidsdata`` command in a subprocess."""
    return subprocess.run(
        [sys.executable, "-m", "beleidsdata.cli", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
    )


class LiveServer:
    """``beleidsdata serve`` running on loopback, its base IRI equal to its URL."""

    def __init__(
        self,
        db: Path | str,
        page_size: int = 250,
        samples: bool = True,
        options: tuple[str, ...] = (),
        base_iri: str | None = None,
        port: int | None = None,
        env: dict[str, str] | None = None,
    ) -> None:
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.db = db
        args = [
            sys.executable,
            "-m",
            "beleidsdata.cli",
            "serve",
            "--port",
            str(self.port),
            "--db",
            str(db),
            "--base-iri",
            base_iri or self.url,
            "--page-size",
            str(page_size),
            *options,
        ]
        if not samples:
            args.append("--no-samples")
        self.process = subprocess.Popen(
            args,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env={**os.environ, **(env or {})},
        )
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited: {self.process.stdout.read()}")  # type: ignore[union-attr]
            try:
                if httpx.get(self.url + "/healthz", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("server did not start in time")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


NPM_CACHE = Path.home() / ".cache" / "beleidsdata-tests" / "npm"


def npm_package(spec: str) -> Path:
    """Install an npm package (``name@version``) from the registry once per machine and
    return its folder (with node_modules/). Installs Node.js with apt when it is missing."""
    import shutil

    if shutil.which("npm") is None:
        subprocess.run(["apt-get", "update", "-qq"], check=False)
        subprocess.run(["apt-get", "install", "-y", "-qq", "nodejs", "npm"], check=True)
    folder = NPM_CACHE / spec.replace("/", "+").replace("@", "_")
    marker = folder / ".installed"
    if not marker.exists():
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "package.json").write_text('{"name": "beleidsdata-test-tools", "private": true}')
        subprocess.run(
            ["npm", "install", "--no-audit", "--no-fund", "--loglevel=error", spec],
            cwd=folder,
            check=True,
            capture_output=True,
            timeout=600,
        )
        marker.write_text(spec)
    return folder


CHROMIUM = Path("/usr/bin/chromium")


def ensure_chromium() -> None:
    """Install Debian's chromium when missing (a test tool's own browser download does not
    work here)."""
    import pytest

    if CHROMIUM.exists():
        return
    subprocess.run(["apt-get", "update", "-qq"], check=False, capture_output=True)
    installed = subprocess.run(
        ["apt-get", "install", "-y", "-qq", "chromium"],
        check=False,
        capture_output=True,
        text=True,
        env={"DEBIAN_FRONTEND": "noninteractive", "PATH": "/usr/sbin:/usr/bin:/sbin:/bin"},
    )
    if not CHROMIUM.exists():
        # The browser tests are part of the specification: failing loudly, never skipping.
        pytest.fail(f"chromium could not be installed with apt-get: {installed.stderr[-2000:]}")


def run_node_script(script: str, package: Path, *args: str, timeout: float = 300) -> dict:
    """Run one of tests/js/*.mjs with node inside an installed npm package folder (so its
    imports resolve) and return the JSON object on its last line of output."""
    import json
    import shutil

    shutil.copy(ROOT / "tests" / "js" / script, package / script)
    done = subprocess.run(
        ["node", script, *args], cwd=package, capture_output=True, text=True, timeout=timeout
    )
    assert done.stdout.strip(), done.stderr[-3000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert "error" not in result, result["error"]
    return result


def db_rows(location: str | Path, sql: str, params: tuple[object, ...] = ()) -> list[tuple]:
    """Rows of a query on a store of either backend (bytea read as bytes), for checks."""
    from beleidsdata.store import database

    db = database(location)
    try:
        return [
            tuple(bytes(v) if isinstance(v, memoryview) else v for v in row)
            for row in db.query(sql, params)
        ]
    finally:
        db.close()
