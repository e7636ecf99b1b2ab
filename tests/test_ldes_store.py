"""The event stream in the store: per-view positions, closed pages stored as bytes at
ingest, and an ingest killed halfway that leaves nothing behind."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from beleidsdata.ldes.stream import (
    FORMATS,
    LATEST,
    TIME,
    StreamLayout,
    load_page,
    materialise,
    page_bytes,
)
from beleidsdata.store import SQLiteStore
from support import SAMPLE, SAMPLES, cli


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> SQLiteStore:
    db = tmp_path_factory.mktemp("ldes-store") / "store.sqlite"
    result = cli("ingest", str(SAMPLES), "--db", str(db), "-q")
    assert result.returncode == 0, result.stderr
    store = SQLiteStore(db)
    materialise(store, StreamLayout(store.base_iri, 20))
    return store


def test_every_member_has_one_position_in_its_kind_view(store: SQLiteStore) -> None:
    sizes = store.view_sizes()
    assert sum(sizes.values()) == store.last_seq() == store.count_members()
    for kind, n in sizes.items():
        members = store.view_members(kind, 1, n + 5)
        assert len(members) == n
        assert all(m.kind == kind for m in members)
        assert [m.seq for m in members] == sorted(m.seq for m in members)
        assert [m.seq for m in members] == [m.seq for m in store.members(0, 10_000, kind)]


def test_stored_closed_pages_are_the_assembled_bytes(store: SQLiteStore) -> None:
    layout = StreamLayout(store.base_iri, 20)
    checked = 0
    for view in (TIME, *store.view_sizes()):
        number = 1
        while (page := load_page(store, layout, number, view)) is not None:
            stored = {fmt: store.page(view, 20, number, fmt) for fmt in FORMATS}
            if page.closed:
                for fmt in FORMATS:
                    assert stored[fmt] is not None, (view, number, fmt)
                    assert stored[fmt][0] == page_bytes(layout, page, fmt)
                checked += 1
            else:
                assert set(stored.values()) == {None}  # the open page is assembled
            number += 1
    assert checked >= store.last_seq() // 20


def test_the_latest_view_holds_each_things_latest_version(store: SQLiteStore) -> None:
    layout = StreamLayout(store.base_iri, 20)
    latest = set()
    number = 1
    while (page := load_page(store, layout, number, LATEST)) is not None:
        assert not page.closed
        latest |= {m.iri for m in page.members}
        number += 1
    versions = store.entity_versions()
    assert latest == {f"{iri}/versie/{v}" for iri, (_, v) in versions.items()}


def _snapshot(db: Path) -> dict[str, object]:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return {
            "members": conn.execute("SELECT count(*), max(seq) FROM members").fetchone(),
            "entities": conn.execute(
                "SELECT iri, hash, version FROM entities ORDER BY iri"
            ).fetchall(),
            "views": conn.execute("SELECT * FROM views ORDER BY view").fetchall(),
            "positions": conn.execute("SELECT count(*) FROM view_members").fetchone(),
            "pages": conn.execute(
                "SELECT view, size, number, format, etag FROM pages ORDER BY 1, 2, 3, 4"
            ).fetchall(),
            "sources": conn.execute("SELECT iri, sha256 FROM sources ORDER BY iri").fetchall(),
        }
    finally:
        conn.close()


def test_an_ingest_killed_midway_leaves_the_store_as_it_was(tmp_path: Path) -> None:
    db = tmp_path / "store.sqlite"
    assert cli("ingest", str(SAMPLE["resolutie"]), "--db", str(db), "-q").returncode == 0
    before = _snapshot(db)
    # A big synthetic document set: the communication under many titles.
    docs = tmp_path / "docs"
    docs.mkdir()
    text = SAMPLE["mededeling"].read_text(encoding="utf-8")
    for i in range(40):
        (docs / f"mededeling-{i:03}.txt").write_text(
            text.replace(
                "Uitbouw van Slimme Regio Vlaanderen",
                f"Uitbouw van Slimme Regio Vlaanderen, deel {i}",
            ),
            encoding="utf-8",
        )
    wal = Path(str(db) + "-wal")
    wal_before = wal.stat().st_size if wal.exists() else 0
    process = subprocess.Popen(
        [sys.executable, "-m", "beleidsdata.cli", "ingest", str(docs), "--db", str(db)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stderr is not None
    for line in process.stderr:  # wait until it is writing its one transaction…
        if "writing" in line:
            break
    deadline = time.monotonic() + 120
    # …and has put a good part of it in the write-ahead log, then kill it outright.
    while time.monotonic() < deadline and process.poll() is None:
        if wal.exists() and wal.stat().st_size > wal_before + 2_000_000:
            break
        time.sleep(0.002)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL, "the ingest finished before it was killed"
    assert _snapshot(db) == before
    # And the store still works: the same ingest, run to the end, adds the members.
    assert cli("ingest", str(docs), "--db", str(db), "-q", timeout=300).returncode == 0
    after = _snapshot(db)
    assert after["members"][0] > before["members"][0]  # type: ignore[index]
