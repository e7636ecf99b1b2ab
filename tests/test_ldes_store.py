"""The event stream in the store: per-view positions, every node of every view stored as
bytes at ingest (closed nodes immutable), and an ingest killed halfway that leaves
nothing behind."""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from backends import NewDb
from beleidsdata.ldes.layout import BRANCH, LATEST, TIME, StreamLayout
from beleidsdata.ldes.render import FORMATS
from beleidsdata.store import Store, open_store
from support import SAMPLE, SAMPLES, cli

PAGE_SIZE = 20
MEMBER = re.compile(r"<[^>]+/ldes(?:/[a-z]+)?> <https://w3id.org/tree#member> <([^>]+)> \.")


@pytest.fixture(scope="module")
def store(module_db: NewDb) -> Iterator[Store]:
    db = module_db("ldes-store")
    result = cli("ingest", str(SAMPLES), "--db", str(db), "--page-size", str(PAGE_SIZE), "-q")
    assert result.returncode == 0, result.stderr
    opened = open_store(db, readonly=True)
    yield opened
    opened.close()


def members_on(store: Store, path: str) -> list[str]:
    doc = store.document(path, "nt")
    assert doc is not None, path
    return MEMBER.findall(doc.body.decode())


def test_every_member_has_one_position_in_its_kind_view(store: Store) -> None:
    sizes = store.view_sizes()
    assert sum(sizes.values()) == store.last_seq() == store.count_members()
    everything = store.members(0, 10_000)
    for kind, n in sizes.items():
        members = store.view_members(kind, 1, n + 5)
        assert len(members) == n
        assert all(m.kind == kind for m in members)
        assert [m.seq for m in members] == [m.seq for m in everything if m.kind == kind]


def test_every_node_of_every_view_is_stored_in_every_format(store: Store) -> None:
    layout = StreamLayout(store.base_iri, PAGE_SIZE)
    for view, total in ((TIME, store.last_seq()), *store.view_sizes().items()):
        pages = layout.page_count(total)
        paths = [layout.root_path(view), *(layout.page_path(n, view) for n in range(1, pages + 1))]
        paths += [layout.branch_path(b, view) for b in range(1, layout.branch_count(total) + 1)]
        for path in paths:
            for fmt in FORMATS:
                assert store.document(path, fmt) is not None, (path, fmt)
        # Pages hold the view's members in order, page_size each; only the last is open.
        seen: list[str] = []
        for n in range(1, pages + 1):
            on_page = members_on(store, layout.page_path(n, view))
            closed = store.document(layout.page_path(n, view), "nt")
            assert closed is not None
            assert closed.immutable == (n < pages), (view, n)
            if n < pages:
                assert len(on_page) == PAGE_SIZE
            seen += on_page
        expected = [m.iri for m in store.members(0, 10_000) if view == TIME or m.kind == view]
        assert seen == expected


def test_the_root_links_to_branches_and_branches_to_pages(store: Store) -> None:
    layout = StreamLayout(store.base_iri, PAGE_SIZE)
    total = store.last_seq()
    root = store.document(layout.root_path(), "nt")
    assert root is not None and not root.immutable
    text = root.body.decode()
    for b in range(1, layout.branch_count(total) + 1):
        assert f"<{layout.branch(b)}>" in text
    branch = store.document(layout.branch_path(1), "nt")
    assert branch is not None
    for n in range(1, min(BRANCH, layout.page_count(total)) + 1):
        assert f"<https://w3id.org/tree#node> <{layout.page(n)}>" in branch.body.decode()
    # A page never links to another page: every node but the root has one parent.
    page = store.document(layout.page_path(1), "nt")
    assert page is not None and "tree#relation" not in page.body.decode()


def test_the_latest_view_holds_each_things_latest_version(store: Store) -> None:
    layout = StreamLayout(store.base_iri, PAGE_SIZE)
    latest: set[str] = set()
    for n in range(1, layout.page_count(store.last_seq()) + 1):
        doc = store.document(layout.page_path(n, LATEST), "nt")
        assert doc is not None and not doc.immutable
        latest |= set(members_on(store, layout.page_path(n, LATEST)))
    current = {
        f"{m.entity}/versie/{m.version}"
        for m in store.members(0, 10_000)
        if store.entity_states([m.entity])[m.entity].version == m.version
    }
    assert latest == current


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
            "documents": conn.execute(
                "SELECT path, format, etag FROM documents ORDER BY 1, 2"
            ).fetchall(),
            "contributions": conn.execute("SELECT count(*) FROM contributions").fetchone(),
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
