"""The publishing core, used as a publisher uses it: through the command line and HTTP.

Versions change only with meaning (a moved line, a blank line, a re-wrapped paragraph
make no member but the source document's); one writer at a time (a second one waits or
says busy, the stream has no gap); publishing over HTTP with tokens; lossless export and
import; a foreign database refused untouched; an older store upgraded in place.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from backends import NewDb
from beleidsdata.pipeline import ingest, read_source
from beleidsdata.sources.base import SourceText
from beleidsdata.store import open_store
from beleidsdata.store.index_query import Filters
from support import FIXTURES, SAMPLE, SAMPLES, LiveServer, cli, db_rows

BASE = "http://localhost:8000"


def fingerprint(db: Path) -> str:
    return hashlib.sha256(db.read_bytes()).hexdigest()


def members(db: str | Path) -> list[tuple[int, str]]:
    return [
        (int(seq), iri) for seq, iri in db_rows(db, "SELECT seq, iri FROM members ORDER BY seq")
    ]


def content(db: str) -> str:
    """What a store holds, as one hash, on either backend."""
    rows = []
    for table, order in (("members", "seq"), ("documents", "path, format"), ("sources", "iri")):
        rows += [repr(r) for r in db_rows(db, f"SELECT * FROM {table} ORDER BY {order}")]
    return hashlib.sha256("\n".join(rows).encode()).hexdigest()


# --------------------------------------------------------------------------- versions


@pytest.fixture()
def resolution_store(new_db: NewDb):  # type: ignore[no-untyped-def]
    store = open_store(new_db(), BASE)
    ingest(store, [read_source(SAMPLE["resolutie"])])
    yield store
    store.close()


def edited(text: str) -> SourceText:
    return SourceText.from_string(SAMPLE["resolutie"].name, text)


def test_a_blank_line_on_top_versions_only_the_source_document(resolution_store) -> None:  # type: ignore[no-untyped-def]
    original = read_source(SAMPLE["resolutie"])
    result = ingest(resolution_store, [edited("\n\n" + original.text)])
    assert result.updated == [BASE + "/id/bron/resolutie-slim-vlaanderen"]
    assert len(result.members) == 1


def test_a_re_wrapped_paragraph_versions_only_the_source_document(resolution_store) -> None:  # type: ignore[no-untyped-def]
    lines = read_source(SAMPLE["resolutie"]).text.split("\n")
    i = next(
        k for k, line in enumerate(lines) if len(line) > 60 and lines[k + 1].strip() and k > 30
    )
    rewrapped = [*lines[:i], lines[i] + " " + lines[i + 1], *lines[i + 2 :]]
    result = ingest(resolution_store, [edited("\n".join(rewrapped))])
    assert result.updated == [BASE + "/id/bron/resolutie-slim-vlaanderen"]


def test_inserting_one_list_item_versions_the_item_its_container_and_the_source(
    resolution_store,  # type: ignore[no-untyped-def]
) -> None:
    text = read_source(SAMPLE["resolutie"]).text
    anchor = "12° een gedecentraliseerde"
    assert anchor in text
    # a new recital 12 before the old one, which becomes 13 (numbers are identity)…
    # so instead add a new last recital: what a real amendment that appends does.
    lines = text.split("\n")
    last = max(k for k, line in enumerate(lines) if line.startswith("12°"))
    end = next(k for k in range(last, len(lines)) if not lines[k].strip())
    new = [*lines[:end], "13° het belang van open data voor lokale besturen;", *lines[end:]]
    result = ingest(resolution_store, [edited("\n".join(new))])
    assert any(i.endswith("/overweging/13") for i in result.created), result.created
    assert len(result.created) == 1
    # the source document (new text) and the containers whose own content changed (the
    # recitals' container, or the resolution, which lists its parts): nothing else
    assert BASE + "/id/bron/resolutie-slim-vlaanderen" in result.updated
    assert len(result.updated) <= 3, result.updated
    assert all("/overweging/1" not in i or i.endswith("/overweging/13") for i in result.updated)


# --------------------------------------------------------------------------- one writer


def test_a_second_writer_waits_or_says_busy_and_the_stream_has_no_gap(
    tmp_path: Path, new_db: NewDb
) -> None:
    db = new_db()
    assert cli("ingest", str(SAMPLE["resolutie"]), "--db", str(db), "-q").returncode == 0
    big = tmp_path / "big"
    big.mkdir()
    text = SAMPLE["mededeling"].read_text(encoding="utf-8")
    for i in range(25):
        (big / f"mededeling-{i:02}.txt").write_text(
            text.replace("Uitbouw van Slimme Regio Vlaanderen", f"Slimme Regio, deel {i}"),
            encoding="utf-8",
        )
    first = subprocess.Popen(
        [sys.executable, "-m", "beleidsdata.cli", "ingest", str(big), "--db", str(db)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert first.stderr is not None
    for line in first.stderr:  # wait until it holds the write lock (it maps inside it)
        if "mapping" in line:
            break
    busy = cli("ingest", str(SAMPLE["strategie"]), "--db", str(db), "--wait", "0")
    waiting = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "beleidsdata.cli",
            "ingest",
            str(SAMPLE["evaluatie-a"]),
            "--db",
            str(db),
            "--wait",
            "120",
            "-q",
        ],
        stderr=subprocess.PIPE,
        text=True,
    )
    assert first.wait(timeout=300) == 0
    assert waiting.wait(timeout=300) == 0, waiting.stderr.read() if waiting.stderr else ""
    assert busy.returncode == 3, busy.stderr
    assert busy.stderr.startswith("error: store is busy:"), busy.stderr
    assert "Traceback" not in busy.stderr and busy.stderr.count("\n") == 1
    rows = members(db)
    assert [seq for seq, _ in rows] == list(range(1, len(rows) + 1))  # no gap
    assert len({iri for _, iri in rows}) == len(rows)  # no duplicate


def test_readers_are_not_disturbed_by_a_write(new_db: NewDb) -> None:
    server = LiveServer(new_db())
    try:
        writer = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "beleidsdata.cli",
                "ingest",
                str(FIXTURES / "strategie"),
                "--db",
                str(server.db),
                "-q",
            ],
            stderr=subprocess.PIPE,
        )
        codes = set()
        while writer.poll() is None:
            codes.add(httpx.get(server.url + "/ldes/wortel", timeout=10).status_code)
            codes.add(httpx.get(server.url + "/doc/" + "beslissing", timeout=10).status_code)
        assert writer.returncode == 0
        assert codes == {200}
    finally:
        server.stop()


# --------------------------------------------------------------------------- the store knows itself


def test_a_foreign_sqlite_file_is_refused_and_left_untouched(tmp_path: Path) -> None:
    db = tmp_path / "other.sqlite"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    conn.execute("INSERT INTO invoices(total) VALUES (12.5)")
    conn.commit()
    conn.close()
    before = fingerprint(db)
    for args in (
        ("ingest", str(SAMPLE["resolutie"])),
        ("log",),
        ("export", "-o", str(tmp_path / "x")),
    ):
        result = cli(*args, "--db", str(db))
        assert result.returncode == 2, (args, result.stderr)
        assert "not a beleidsdata store" in result.stderr and "Traceback" not in result.stderr
    assert fingerprint(db) == before


def test_an_older_store_is_refused_until_db_upgrade_migrates_it(tmp_path: Path) -> None:
    db = tmp_path / "store.sqlite"
    shutil.copy(FIXTURES / "stores" / "v1-nota.sqlite", db)
    old = members(db)
    conn = sqlite3.connect(db)
    old_page = conn.execute(
        "SELECT body, etag FROM pages WHERE view = 'tijd' AND size = 5 AND number = 1 "
        "AND format = 'ttl'"
    ).fetchone()
    conn.close()
    refused = cli("ingest", str(SAMPLE["resolutie"]), "--db", str(db))
    assert refused.returncode == 2
    assert "beleidsdata db upgrade --db" in refused.stderr
    upgraded = cli("db", "upgrade", "--db", str(db))
    assert upgraded.returncode == 0, upgraded.stderr
    again = cli("db", "upgrade", "--db", str(db))
    assert again.returncode == 0 and "already current" in again.stdout
    kept = members(db)[: len(old)]
    assert kept == old  # every member a replica has seen, with its seq and IRI
    store = open_store(db)
    page = store.document("/ldes/pagina/1", "ttl")
    assert page is not None and (page.body, page.etag) == (bytes(old_page[0]), old_page[1])
    assert page.immutable and store.page_size == 5
    store.close()
    assert cli("ingest", str(SAMPLE["resolutie"]), "--db", str(db), "-q").returncode == 0


def _as_schema_2(db: Path) -> dict[tuple[str, str], tuple[bytes, str]]:
    """Turn a current store into one of schema 2 (pages stored whole, no composition
    column); the (path, format) → (body, ETag) of its stream pages as served."""
    store = open_store(db)
    paths = [
        (path, fmt)
        for path, fmt in db_rows(db, "SELECT path, format FROM documents WHERE path LIKE '/ldes%'")
    ]
    served = {}
    for path, fmt in paths:
        doc = store.document(path, fmt)
        assert doc is not None
        served[(path, fmt)] = (doc.body, doc.etag)
    store.close()
    conn = sqlite3.connect(db)
    with conn:
        for (path, fmt), (body, _etag) in served.items():
            conn.execute(
                "UPDATE documents SET body = ? WHERE path = ? AND format = ?", (body, path, fmt)
            )
        conn.execute("ALTER TABLE documents DROP COLUMN composition")
        conn.execute("DELETE FROM schema_migrations WHERE version = 3")
    conn.close()
    return served


def test_a_schema_2_store_keeps_its_pages_and_etags_through_the_upgrade(tmp_path: Path) -> None:
    db = tmp_path / "store.sqlite"
    first = cli("ingest", str(SAMPLE["mededeling"]), "--db", str(db), "--page-size", "5")
    assert first.returncode == 0, first.stderr
    served = _as_schema_2(db)
    assert "composition" not in {r[1] for r in db_rows(db, "PRAGMA table_info(documents)")}
    refused = cli("ingest", str(SAMPLE["resolutie"]), "--db", str(db))
    assert refused.returncode == 2 and "store schema 2 is older" in refused.stderr
    upgraded = cli("db", "upgrade", "--db", str(db))
    assert upgraded.returncode == 0 and "3: pages joined from member fragments" in upgraded.stderr
    store = open_store(db)
    closed = [key for key in served if store.document(*key).immutable]  # type: ignore[union-attr]
    assert closed
    for key, (body, etag) in served.items():
        doc = store.document(*key)
        assert doc is not None and (doc.body, doc.etag) == (body, etag), key
    store.close()
    # New pages are stored as compositions; the closed ones a replica holds never change.
    assert cli("ingest", str(SAMPLE["resolutie"]), "--db", str(db), "-q").returncode == 0
    store = open_store(db)
    for key in closed:
        doc = store.document(*key)
        assert doc is not None and (doc.body, doc.etag) == served[key], key
    store.close()
    assert db_rows(db, "SELECT count(*) FROM documents WHERE composition IS NOT NULL")[0][0] > 0


# --------------------------------------------------------------------------- backups


def test_export_then_import_gives_replicas_the_same_urls_bytes_and_etags(
    tmp_path: Path, new_db: NewDb
) -> None:
    db = new_db()
    assert cli("ingest", str(SAMPLES), "--db", str(db), "--page-size", "40", "-q").returncode == 0
    backup = tmp_path / "backup"
    exported = cli("export", "--db", str(db), "-o", str(backup))
    assert exported.returncode == 0, exported.stderr
    assert (backup / "manifest.json").is_file()
    restored = new_db("restored")
    imported = cli("import", str(backup), "--db", str(restored))
    assert imported.returncode == 0, imported.stderr

    def everything(db: str) -> list[tuple]:
        rows = db_rows(
            db,
            "SELECT path, format, etag, immutable, body, composition FROM documents "
            "ORDER BY path, format",
        )
        rows += db_rows(db, "SELECT * FROM members ORDER BY seq")
        rows += db_rows(db, "SELECT * FROM member_fragments ORDER BY seq, format")
        rows += db_rows(db, "SELECT * FROM sources ORDER BY iri")
        return rows

    assert everything(db) == everything(restored)
    # and the restored store is a working store: the index was rebuilt, ingest goes on
    store = open_store(restored)
    assert store.collection("beslissing", Filters()).total > 20
    store.close()
    assert cli("ingest", str(FIXTURES / "strategie"), "--db", str(restored), "-q").returncode == 0


# --------------------------------------------------------------------------- publishing over HTTP


def test_publishing_over_http_needs_a_token_and_is_recorded(new_db: NewDb) -> None:
    server = LiveServer(new_db(), samples=False)
    try:
        body = SAMPLE["resolutie"].read_bytes()
        url = server.url + "/bronnen?naam=" + SAMPLE["resolutie"].name
        assert httpx.post(url, content=body).status_code == 404  # no tokens: no writes
        added = cli("token", "add", "redactie", "--db", str(server.db))
        assert added.returncode == 0, added.stderr
        token = added.stdout.strip().splitlines()[-1]
        assert token.startswith("bd_")
        assert token not in str(db_rows(server.db, "SELECT * FROM tokens"))  # a hash only
        assert httpx.post(url, content=body).status_code == 401
        wrong = httpx.post(
            url, content=body, headers={"Authorization": "Bearer bd_000000000000_" + "x" * 43}
        )
        assert wrong.status_code == 401
        auth = {"Authorization": f"Bearer {token}"}
        created = httpx.post(url, content=body, headers=auth, timeout=120)
        assert created.status_code == 201, created.text
        summary = created.json()
        assert summary["aangemaakt"] and len(summary["leden"]) == len(summary["aangemaakt"])
        same = httpx.post(url, content=body, headers=auth, timeout=120)
        assert same.status_code == 200 and same.json()["leden"] == []
        broken = httpx.post(
            server.url + "/bronnen?naam=kapot.txt", content=b"\x00\x01binary", headers=auth
        )
        assert broken.status_code == 400
        assert broken.headers["content-type"] == "application/problem+json"
        # the member names who published it
        member = summary["leden"][0]
        path = member.split("/id/", 1)[1]
        version = httpx.get(f"{server.url}/doc/{path}", headers={"Accept": "application/n-quads"})
        assert "/ldes/uitgever/redactie>" in version.text
        log = cli("log", "--db", str(server.db))
        assert "redactie" in log.stdout and SAMPLE["resolutie"].name in log.stdout
        # withdrawing: what only it described is gone (410)
        thing = summary["aangemaakt"][0].split("/id/", 1)[1]
        gone = httpx.delete(f"{server.url}/bronnen/{SAMPLE['resolutie'].name}", headers=auth)
        assert gone.status_code == 200, gone.text
        assert httpx.get(f"{server.url}/doc/{thing}").status_code == 410
        assert httpx.delete(f"{server.url}/bronnen/nergens.txt", headers=auth).status_code == 404
        assert cli("token", "revoke", "redactie", "--db", str(server.db)).returncode == 0
        assert httpx.post(url, content=body, headers=auth).status_code == 404  # none active
    finally:
        server.stop()


def test_a_document_that_cannot_be_read_is_a_4xx_problem_and_changes_nothing(
    new_db: NewDb,
) -> None:
    server = LiveServer(new_db(), samples=False)
    try:
        token = cli("token", "add", "t", "--db", str(server.db)).stdout.strip().splitlines()[-1]
        auth = {"Authorization": f"Bearer {token}"}
        before = content(server.db), members(server.db)
        for name, body in (
            ("leeg.txt", b"   \n"),
            ("kapot.txt", b"Het Vlaams Parlement,\n\n"),
            ("onbekend.txt", b"Boodschappenlijst: brood, kaas, melk.\n"),
        ):
            response = httpx.post(f"{server.url}/bronnen?naam={name}", content=body, headers=auth)
            assert 400 <= response.status_code < 500, (name, response.status_code)
            assert response.headers["content-type"] == "application/problem+json"
            assert name in response.json()["detail"]
        assert members(server.db) == before[1]
    finally:
        server.stop()
