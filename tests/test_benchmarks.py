"""The ingest benchmark (``benchmarks/ingest_bench.py``) runs end to end on a tiny corpus,
so it cannot rot: it builds its stores through the real ingest path and the CLI, holds
its probe documents out of the corpus, and prints the table the README shows. Nothing
here is timed: the targets are checked by running the benchmark itself."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from support import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
import ingest_bench

from beleidsdata.store import open_store


def test_probes_are_new_evaluations_held_out_of_the_corpus(tmp_path: Path) -> None:
    docs = ingest_bench.make_corpus(tmp_path / "corpus", 20, probes=2, seed=1)
    assert len(docs.stored) == 20 and len(docs.probes) == 2
    assert all(p.name.endswith("-export-a.txt") for p in docs.probes)
    held = {p.name for p in docs.probes}
    siblings = {n.replace("-export-a", "-export-b") for n in held}
    assert not {p.name for p in docs.stored} & (held | siblings)


def test_the_benchmark_runs_and_prints_its_table(tmp_path: Path) -> None:
    docs = ingest_bench.make_corpus(tmp_path / "corpus", 12, probes=1, seed=2)
    report = ingest_bench.measure_batches(tmp_path, docs, batch=4, base=6, top=5)
    assert [b.documents for b in report.batches] == [4, 4]
    assert all(b.members > 0 for b in report.batches)
    assert "ncalls" in report.profile
    ingest_bench.measure_growth(tmp_path, docs, [6, 12], report)
    assert [p.size for p in report.probes] == [6, 12]
    assert all(p.members > 0 and p.cli_seconds and p.rss > 0 for p in report.probes)
    store = open_store(tmp_path / "grow.sqlite")
    try:  # the probes were withdrawn again: the store holds the corpus only
        assert store.count_sources() == 12
    finally:
        store.close()
    args = argparse.Namespace(seed=2)
    table = ingest_bench.render(report, [6, 12], args)
    assert "| batch ingest into an empty store | 4 |" in table
    assert "| one new evaluation into 12 documents | 1 |" in table
    assert "| unchanged re-ingest, same batches | 12 | 0 |" in table
    assert "ratio 12 / 6" in table
