"""Parsers with budgets (issue 15, item 2): hostile documents are refused in one line on
the command line (exit 2) and as a 4xx problem over HTTP, and nothing is stored.

The documents are the hostile benchmark's (benchmarks/hostile_bench.py), smaller where
size is not the point; how fast each is refused is measured there, not here.
"""

from __future__ import annotations

import re
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import rdflib

from beleidsdata.errors import RDFSyntaxError, TooLargeError
from beleidsdata.sources.base import SourceText
from beleidsdata.sources.budget import time_budget
from beleidsdata.sources.decision_list import approvals_in
from beleidsdata.store import open_store
from beleidsdata.validation.guards import MAX_DEPTH
from beleidsdata.validation.inputs import parse_bytes
from support import ROOT, LiveServer, cli

sys.path.insert(0, str(ROOT / "benchmarks"))
import hostile_bench

PROBLEM = "application/problem+json"


@pytest.fixture(scope="module")
def cases(tmp_path_factory: pytest.TempPathFactory) -> list[hostile_bench.Case]:
    folder = tmp_path_factory.mktemp("hostile")
    return hostile_bench.make_cases(folder, depth=100_000, big_mb=3, repeats=5_000)


def test_each_hostile_document_is_one_line_and_exit_2_on_the_cli(
    cases: list[hostile_bench.Case],
) -> None:
    for case in cases:
        done = cli("validate", str(case.path), timeout=60)
        if not case.expect:  # the hostile decision list is read, quickly
            assert done.returncode in (0, 1), done.stderr
            continue
        assert done.returncode == 2, (case.name, done.stderr)
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"error: {case.path}"), done.stderr
        assert case.expect in lines[0] and "Traceback" not in done.stderr


def test_a_text_over_the_size_budget_is_refused_by_ingest_and_the_env_raises_it(
    tmp_path: Path, cases: list[hostile_bench.Case]
) -> None:
    big = next(c for c in cases if c.path.name == "big.txt").path
    db = tmp_path / "store.sqlite"
    done = cli("ingest", str(big), "--db", str(db))
    assert done.returncode == 2
    assert "3.0 MB, over the 2 MB a source document may have" in done.stderr
    assert "BELEIDSDATA_MAX_SOURCE_MB" in done.stderr
    raised = cli("ingest", str(big), "--db", str(db), env={"BELEIDSDATA_MAX_SOURCE_MB": "4"})
    assert "over the" not in raised.stderr  # past the size check: read as a document


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    s = LiveServer(tmp_path_factory.mktemp("budget") / "store.sqlite", samples=False)
    yield s
    s.stop()


def test_each_hostile_document_is_a_4xx_problem_over_http_and_stores_nothing(
    server: LiveServer, cases: list[hostile_bench.Case]
) -> None:
    token = cli("token", "add", "t", "--db", str(server.db)).stdout.strip().splitlines()[-1]
    auth = {"Authorization": f"Bearer {token}"}
    for case in cases:
        data = case.path.read_bytes()
        r = httpx.post(
            server.url + "/validate",
            content=data,
            headers={"Content-Type": case.media_type},
            timeout=60,
        )
        if not case.expect:
            assert r.status_code == 200, r.text
            continue
        assert 400 <= r.status_code < 500 and r.headers["content-type"] == PROBLEM, case.name
        assert case.expect in r.json()["detail"]
        if case.media_type == "text/plain":
            published = httpx.post(
                f"{server.url}/bronnen?naam=groot.txt", content=data, headers=auth, timeout=60
            )
            assert published.status_code == 413, published.text
            assert published.headers["content-type"] == PROBLEM
            assert "MB a source document may have" in published.json()["detail"]
    store = open_store(server.db, readonly=True)
    try:
        assert store.count_sources() == 0
    finally:
        store.close()


def test_nesting_up_to_the_limit_parses_and_past_it_is_refused() -> None:
    ok = "@prefix ex: <http://example.org/> .\nex:a ex:p " + "[ ex:q " * MAX_DEPTH
    ok += "ex:b " + "] " * MAX_DEPTH + ".\n"
    graph = rdflib.Graph()
    parse_bytes(graph, ok.encode(), "ok.ttl", "turtle")
    assert len(graph) == MAX_DEPTH + 1
    # brackets inside strings, IRIs and comments do not count
    hidden = '@prefix ex: <http://example.org/> .\n# ((((\nex:a ex:p "[[[[((((" , <http://e/((> .\n'
    parse_bytes(rdflib.Graph(), hidden.replace("((((", "(" * 500).encode(), "h.ttl", "turtle")
    jsonld = '{"@id": "http://e/a", "http://e/p": ' + '{"http://e/p": ' * MAX_DEPTH
    too_deep = jsonld + '"x"' + "}" * (MAX_DEPTH + 1)
    with pytest.raises(RDFSyntaxError, match="nests deeper than 100 levels"):
        parse_bytes(rdflib.Graph(), too_deep.encode(), "deep.jsonld", "json-ld")
    fine = '{"@id": "http://e/a", "http://e/p": "[[[[{{{{' + "[" * 500 + '"}'
    parse_bytes(rdflib.Graph(), fine.encode(), "s.jsonld", "json-ld")


def test_rdf_xml_without_entities_still_parses() -> None:
    doc = (
        '<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF>\n'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns:ex="http://example.org/"><rdf:Description rdf:about="http://example.org/a">'
        "<ex:p>&amp;&lt;</ex:p></rdf:Description></rdf:RDF>\n"
    )
    graph = rdflib.Graph()
    parse_bytes(graph, doc.encode(), "ok.rdf", "xml")
    assert [str(o) for o in graph.objects()] == ["&<"]


def test_the_time_budget_stops_python_and_a_backtracking_pattern_on_any_thread() -> None:
    start = time.monotonic()
    with pytest.raises(TooLargeError, match=r"time budget of 0\.3 s"), time_budget("x.txt", 0.3):
        re.match(r"(a+)+$", "a" * 40 + "b")  # exponential: stopped by the signal
    assert time.monotonic() - start < 5
    caught: list[BaseException] = []

    def spin() -> None:
        try:
            with time_budget("y.txt", 0.3):
                while True:
                    pass
        except TooLargeError as exc:
            caught.append(exc)

    worker = threading.Thread(target=spin)
    worker.start()
    worker.join(10)
    assert not worker.is_alive() and "y.txt" in str(caught[0])
    with time_budget("z.txt", 0.2):  # a block that ends in time: nothing reaches later code
        pass
    time.sleep(0.4)


def test_approvals_are_read_as_before_and_a_hostile_sentence_is_linear() -> None:
    assert approvals_in("De Vlaamse Regering keurt het ontwerp principieel goed.") == (
        "principiele-goedkeuring",
        "goedkeuring",
    )
    assert approvals_in("Zij kent een subsidie van 1.350.000 euro toe.") == ("subsidie-toekenning",)
    assert approvals_in("Zij kent het toe. Een subsidie.") == ()
    assert approvals_in("hecht haar definitieve goedkeuring. neemt kennis") == (
        "definitieve-goedkeuring",
        "kennisname",
    )
    with time_budget("hostile", 10):  # quadratic before: minutes at this size
        assert approvals_in("keurt de Vlaamse Regering " * 20_000) == ()
    with pytest.raises(TooLargeError):
        SourceText.from_bytes("big.txt", b"x" * (3 * 1024 * 1024))


def test_the_hostile_benchmark_times_old_and_new_patterns() -> None:
    rows = hostile_bench.measure_patterns(repeats=300, cap=5)
    assert [name for name, _, _ in rows] == list(hostile_bench.OLD_PATTERNS)
    assert all(after is not None and after < 5 for _, _, after in rows)
