"""PostgreSQL as the production backend: what SQLite does not need to show.

An unreachable database is one line and exit 2 on the command line, 503 problem+json on
the API; the pool serves more requests than it has connections; statements time out;
``db upgrade`` prepares an empty database on either backend; a store moves between the
backends without losing a byte; two replicas on one database answer the same bytes and
ETags for every URL, and a page closed through one is immutable on the other at once.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import psycopg
import pytest

from backends import NewDb, create_database, drop_databases
from beleidsdata.errors import DatabaseUnavailable
from beleidsdata.store import open_store
from beleidsdata.store.postgres import PostgresDatabase
from beleidsdata.store.schema import CURRENT
from support import FIXTURES, SAMPLE, SAMPLES, LiveServer, cli, db_rows, free_port

PAGE_SIZE = 40


@pytest.fixture
def pg() -> Iterator[str]:
    """A new, empty PostgreSQL database (also when --backends leaves PostgreSQL out)."""
    url = create_database("pg")
    yield url
    drop_databases([url])


def test_an_unreachable_database_is_one_line_and_exit_2() -> None:
    for args in (("ingest", str(SAMPLE["resolutie"])), ("log",), ("db", "upgrade")):
        result = cli(*args, "--db", "postgresql://postgres@127.0.0.1:1/nergens", timeout=60)
        assert result.returncode == 2, (args, result.stderr)
        assert result.stderr.startswith("error: postgresql://postgres@127.0.0.1:1/nergens: ")
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    hidden = cli("log", "--db", "postgresql://postgres:geheim@127.0.0.1:1/x", timeout=60)
    assert hidden.returncode == 2 and "geheim" not in hidden.stderr  # no password in messages


def test_a_database_that_goes_away_is_503_for_readers_and_on_healthz(pg: str) -> None:
    server = LiveServer(pg, samples=False)
    try:
        health = httpx.get(server.url + "/healthz").json()
        assert health["database"]["backend"] == "postgresql"
        assert health["database"]["state"] == "ok" and health["database"]["schema"] == CURRENT
        drop_databases([pg])  # every connection of the server is cut
        for path in ("/ldes", "/doc/beslissing", "/zoeken?q=digitaal"):
            r = httpx.get(server.url + path, headers={"Accept": "application/ld+json"})
            assert r.status_code == 503, (path, r.status_code, r.text)
            assert r.headers["content-type"] == "application/problem+json"
            assert r.json()["detail"] == "the database is unavailable; try again later"
            assert "Retry-After" in r.headers
            assert "postgres" not in r.text  # the detail is for the operator's log
        health = httpx.get(server.url + "/healthz")
        assert health.status_code == 503
        assert health.headers["content-type"] == "application/problem+json"
        assert health.json()["database"] == {"backend": "postgresql", "state": "unavailable"}
        metrics = httpx.get(server.url + "/metrics").text
        assert "beleidsdata_database_up 0" in metrics
    finally:
        server.stop()


def test_a_statement_over_the_timeout_is_cancelled_cleanly(pg: str) -> None:
    db = PostgresDatabase(pg, statement_timeout=0.2)
    try:
        with pytest.raises(DatabaseUnavailable, match=r"statement cancelled after 0\.2 s"):
            db.query("SELECT pg_sleep(2)")
        assert db.one("SELECT 1") == (1,)  # the connection is usable again
    finally:
        db.close()


def test_a_pool_of_two_serves_many_concurrent_searches_with_the_right_answers(pg: str) -> None:
    server = LiveServer(pg, env={"BELEIDSDATA_DB_POOL": "2"})
    words = ["digitale", "investering", "artificiele", "5G", "slimme regio", "gemeenten"]
    try:
        with httpx.Client(base_url=server.url, timeout=60) as client:

            def ask(word: str) -> tuple[int, str]:
                r = client.get("/doc/strategie", params={"q": word, "limit": 50})
                return r.status_code, r.text

            alone = {w: ask(w) for w in words}  # one at a time
            seen: list[int] = []
            stop = threading.Event()

            def watch() -> None:  # how many connections the server's pool holds, meanwhile
                with psycopg.connect(pg, autocommit=True) as conn:
                    while not stop.is_set():
                        row = conn.execute(
                            "SELECT count(*) FROM pg_stat_activity WHERE datname = "
                            "current_database() AND application_name = 'beleidsdata'"
                        ).fetchone()
                        seen.append(int(row[0]) if row else 0)

            watcher = threading.Thread(target=watch)
            watcher.start()
            with ThreadPoolExecutor(8) as pool:
                together = list(pool.map(ask, words * 8))
            stop.set()
            watcher.join()
        assert all(status == 200 for status, _ in together)
        assert together == [alone[w] for w in words * 8]  # concurrent = sequential answers
        assert max(seen) <= 2  # the pool's 2: the other requests waited for one
    finally:
        server.stop()


def test_db_upgrade_prepares_an_empty_database_and_is_idempotent(new_db: NewDb) -> None:
    db = new_db()
    created = cli("db", "upgrade", "--db", db, "--base-iri", "https://data.example.org")
    assert created.returncode == 0, created.stderr
    assert created.stdout.strip() == f"{db}: created, schema {CURRENT}"
    again = cli("db", "upgrade", "--db", db)
    assert again.returncode == 0 and f"schema {CURRENT} (already current)" in again.stdout
    versions = db_rows(db, "SELECT version FROM schema_migrations ORDER BY version")
    assert [int(v) for (v,) in versions] == list(range(1, CURRENT + 1))
    ingested = cli("ingest", str(SAMPLE["resolutie"]), "--db", db, "-q")
    assert ingested.returncode == 0, ingested.stderr
    assert "https://data.example.org/id/" in db_rows(db, "SELECT iri FROM members")[0][0]


def _everything(db: str) -> list[tuple[object, ...]]:
    rows = db_rows(
        db, "SELECT path, format, etag, immutable, body FROM documents ORDER BY path, format"
    )
    for table, order in (
        ("members", "seq"),
        ("member_fragments", "seq, format"),
        ("sources", "iri"),
        ("entities", "iri"),
        ("view_members", "view, position"),
        ("contributions", "source, entity"),
    ):
        rows += db_rows(db, f"SELECT * FROM {table} ORDER BY {order}")
    return [tuple(int(v) if isinstance(v, bool) else v for v in r) for r in rows]


def test_export_and_import_move_a_store_between_the_backends_losslessly(
    tmp_path: Path, pg: str
) -> None:
    lite = str(tmp_path / "store.sqlite")
    assert cli("ingest", str(SAMPLES), "--db", lite, "--page-size", "40", "-q").returncode == 0
    assert cli("export", "--db", lite, "-o", str(tmp_path / "a")).returncode == 0
    imported = cli("import", str(tmp_path / "a"), "--db", pg)
    assert imported.returncode == 0, imported.stderr
    assert _everything(lite) == _everything(pg)
    # and back: PostgreSQL → SQLite gives the same store again
    assert cli("export", "--db", pg, "-o", str(tmp_path / "b")).returncode == 0
    back = str(tmp_path / "back.sqlite")
    assert cli("import", str(tmp_path / "b"), "--db", back).returncode == 0
    assert _everything(back) == _everything(lite)
    # the imported store searches like the original (the text index was rebuilt)
    for store_db in (lite, pg):
        store = open_store(store_db)
        try:
            from beleidsdata.store.search import SearchQuery, search

            found = search(store.db, SearchQuery("investering"))
            assert found.total > 10, store_db
            totals = found.total, found.facets
        finally:
            store.close()
        if store_db == lite:
            expected = totals
    assert totals == expected


def crawl(url: str, base: str, start: list[str]) -> dict[str, tuple[int, str, bytes]]:
    """Every stream node, collection page and thing's document reachable from ``start``
    (links name ``base``), with the status, ETag and bytes each answers."""
    link = re.compile(re.escape(base) + r'(/(?:ldes|doc|id)/?[^"#<>\s]*)')
    seen: dict[str, tuple[int, str, bytes]] = {}
    todo = list(start)
    with httpx.Client(base_url=url, timeout=60) as client:
        while todo:
            path = todo.pop()
            if path in seen:
                continue
            r = client.get(path, headers={"Accept": "application/ld+json"})
            seen[path] = (r.status_code, r.headers.get("etag", ""), r.content)
            for found in link.findall(r.text):
                todo.append(
                    found.replace("/id/", "/doc/", 1) if found.startswith("/id/") else found
                )
    return seen


def test_two_replicas_on_one_database_answer_the_same_bytes_and_etags(pg: str) -> None:
    base = f"http://127.0.0.1:{free_port()}"
    first = LiveServer(pg, page_size=PAGE_SIZE, base_iri=base)
    second = LiveServer(pg, page_size=PAGE_SIZE, base_iri=base, samples=False)
    try:
        start = ["/ldes", "/doc/beslissing", "/doc/strategie", "/doc/evaluatie"]
        one = crawl(first.url, base, start)
        # the crawl follows the base IRI's links; replay every path on the other replica
        with httpx.Client(base_url=second.url, timeout=60) as client:
            two = {}
            for path in one:
                r = client.get(path, headers={"Accept": "application/ld+json"})
                two[path] = (r.status_code, r.headers.get("etag", ""), r.content)
        assert len(one) > 300, len(one)  # every thing, every page
        assert all(status == 200 for status, _, _ in one.values()), [
            (p, s) for p, (s, _, _) in one.items() if s != 200
        ][:5]
        assert one == two
        # a write through the command line closes the open page: immutable on both at once
        pages = sorted(p for p in one if re.fullmatch(r"/ldes/pagina/\d+", p))
        open_page = max(pages, key=lambda p: int(p.rsplit("/", 1)[1]))
        assert "immutable" not in httpx.get(first.url + open_page).headers["cache-control"]
        added = cli("ingest", str(FIXTURES / "strategie"), "--db", pg, "-q", timeout=300)
        assert added.returncode == 0, added.stderr
        answers = [httpx.get(s.url + open_page) for s in (first, second)]
        assert all("immutable" in a.headers["cache-control"] for a in answers), open_page
        assert answers[0].content == answers[1].content
        assert answers[0].headers["etag"] == answers[1].headers["etag"]
    finally:
        first.stop()
        second.stop()


@pytest.mark.external
def test_the_ldes_client_replicates_the_same_members_from_sqlite_and_postgresql(
    tmp_path: Path, pg: str
) -> None:
    """The same documents loaded into a SQLite-backed and a PostgreSQL-backed server: the
    reference client (npm ldes-client) replicates the same member set, each member whole."""
    from test_ldes import ldes_client_folder, replicate

    client = ldes_client_folder()
    servers = [
        LiveServer(str(tmp_path / "store.sqlite"), page_size=PAGE_SIZE),
        LiveServer(pg, page_size=PAGE_SIZE),
    ]
    try:
        sets = []
        for server in servers:
            got = replicate(client, server.url + "/ldes")
            assert len(got) > 5 * PAGE_SIZE  # several pages: relations were followed

            def local(iri: str | None, base: str = server.url) -> str | None:
                return iri[len(base) :] if iri else iri

            sets.append({(local(m["id"]), local(m["isVersionOf"]), m["quads"]) for m in got})
            assert len(sets[-1]) == len(got)  # each member once
        assert sets[0] == sets[1]
    finally:
        for server in servers:
            server.stop()
