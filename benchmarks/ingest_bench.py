"""Ingest benchmark: batch throughput, one-document latency as the store grows, re-ingest.

    .venv/bin/python benchmarks/ingest_bench.py [--sizes 100,1000,10000] [--batch 50]
        [--base 500] [--probes 3] [--seed 1] [--top 15] [--keep DIR]
    .venv/bin/python benchmarks/ingest_bench.py --quick      # about a minute

Everything goes through the real ingest path (``pipeline.ingest``, validation on, SQLite
files on disk) with documents from ``benchmarks/corpus.py`` (every kind, sharing decisions,
sections and ministers as real ones do), written to a folder and read back as the CLI
reads them. One run, one table:

1. **batch**: one ingest of ``--batch`` new documents into an empty store, and into a store
   of ``--base`` documents; members written per second;
2. **one new evaluation** (an export-A report, held out of the corpus) into stores of each
   of ``--sizes`` documents: the median of ``--probes`` single-document ingests, each
   withdrawn again before the store grows further (so every size ingests the same
   documents); the ratio largest/smallest. Once per size also through ``beleidsdata
   ingest`` in a subprocess (start-up and the dump rebuild included);
3. **unchanged re-ingest** of the whole largest corpus (same batches) against its first
   ingest;
4. the process's RSS after each size, and the top of a cProfile of the batch ingest.

Targets (issue 12): one new evaluation into 10,000 documents under 1 s and within 1.5×
of the same into 100; batch ingest at least 3,000 members/s; the unchanged re-ingest under
5 % of the first ingest.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus

from beleidsdata.pipeline.ingest import IngestResult, ingest, withdraw
from beleidsdata.pipeline.reading import read_source
from beleidsdata.sources import SourceText
from beleidsdata.store import Store, open_store

BASE_IRI = "http://127.0.0.1:8000"
GROW_BATCH = 250  # documents per ingest while a store is grown to a size


def rss_mb() -> float:
    """The process's resident memory now (VmRSS)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@dataclass
class Corpus:
    """The generated documents: the store's, in order, and the held-out evaluations."""

    folder: Path
    stored: list[Path]
    probes: list[Path]

    def texts(self, start: int, stop: int) -> list[SourceText]:
        return [read_source(p) for p in self.stored[start:stop]]


def make_corpus(folder: Path, size: int, probes: int, seed: int) -> Corpus:
    """``size`` documents for the store plus ``probes`` new evaluations held out of it
    (export-A reports from the end of the same corpus, so they cite decisions the store
    knows, as a new report does)."""
    paths = corpus.write(folder, size + 4 * probes + 8, seed)
    held: list[Path] = []
    siblings: set[Path] = set()
    for path in reversed(paths):
        if len(held) == probes:
            break
        if path.name.endswith("-export-a.txt"):
            held.append(path)
            siblings.add(path.with_name(path.name.replace("-export-a", "-export-b")))
    stored = [p for p in paths if p not in held and p not in siblings][:size]
    return Corpus(folder, stored, held)


def new_store(path: Path) -> Store:
    if path.exists():
        path.unlink()
    return open_store(path, BASE_IRI)


def timed(fn: Callable[[], IngestResult]) -> tuple[float, IngestResult]:
    started = time.perf_counter()
    result = fn()
    return time.perf_counter() - started, result


def fill(store: Store, docs: Corpus, start: int, stop: int, batch: int = GROW_BATCH) -> float:
    """Ingest stored documents [start, stop) in batches; the seconds it took."""
    total = 0.0
    for first in range(start, stop, batch):
        texts = docs.texts(first, min(stop, first + batch))
        seconds, _ = timed(lambda texts=texts: ingest(store, texts))
        total += seconds
    return total


@dataclass
class Batch:
    label: str
    documents: int
    members: int
    seconds: float

    @property
    def rate(self) -> float:
        return self.members / self.seconds


@dataclass
class Probe:
    size: int
    seconds: list[float]
    members: int
    cli_seconds: float | None
    cli_nodump_seconds: float | None
    rss: float

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)


@dataclass
class Report:
    batches: list[Batch] = field(default_factory=list)
    probes: list[Probe] = field(default_factory=list)
    first_ingest: float = 0.0
    reingest: float = 0.0
    reingest_one_call: float = 0.0
    profile: str = ""


def measure_batches(work: Path, docs: Corpus, batch: int, base: int, top: int) -> Report:
    report = Report()
    fresh = docs.texts(base, base + batch)  # not in either store before
    store = new_store(work / "batch-empty.sqlite")
    seconds, result = timed(lambda: ingest(store, fresh))
    report.batches.append(Batch("into an empty store", batch, len(result.members), seconds))
    store.close()
    store = new_store(work / "batch-base.sqlite")
    fill(store, docs, 0, base, batch)
    seconds, result = timed(lambda: ingest(store, fresh))
    report.batches.append(
        Batch(f"into a store of {base} documents", batch, len(result.members), seconds)
    )
    store.close()
    store = new_store(work / "batch-profile.sqlite")
    profile = cProfile.Profile()
    profile.enable()
    ingest(store, fresh)
    profile.disable()
    store.close()
    buf = io.StringIO()
    stats = pstats.Stats(profile, stream=buf)
    stats.sort_stats("tottime").print_stats(top)
    lines = [ln for ln in buf.getvalue().splitlines() if ln.strip()]
    start = next(i for i, ln in enumerate(lines) if "ncalls" in ln)
    report.profile = "\n".join(lines[start:])
    return report


def cli_ingest(db: Path, path: Path, *extra: str) -> float:
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "beleidsdata.cli",
            "ingest",
            str(path),
            "--db",
            str(db),
            "-q",
            *extra,
        ],
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - started


def measure_growth(work: Path, docs: Corpus, sizes: Sequence[int], report: Report) -> None:
    """One store grown through the sizes; at each, the held-out evaluations one by one."""
    db = work / "grow.sqlite"
    store = new_store(db)
    have = 0
    for size in sizes:
        report.first_ingest += fill(store, docs, have, size)
        have = size
        texts = [read_source(p) for p in docs.probes]
        seconds: list[float] = []
        members = 0
        for text in texts:
            took, result = timed(lambda text=text: ingest(store, [text]))
            seconds.append(took)
            members += len(result.members)
        withdraw(store, [p.name for p in docs.probes])
        cli = cli_ingest(db, docs.probes[0])
        withdraw(store, [docs.probes[0].name])
        nodump = cli_ingest(db, docs.probes[0], "--no-dump")
        withdraw(store, [docs.probes[0].name])
        report.probes.append(Probe(size, seconds, members // len(texts), cli, nodump, rss_mb()))
    # The unchanged corpus again, in the same batches, then in one call.
    report.reingest = fill(store, docs, 0, have)
    started = time.perf_counter()
    ingest(store, docs.texts(0, have))
    report.reingest_one_call = time.perf_counter() - started
    store.close()


def render(report: Report, sizes: Sequence[int], args: argparse.Namespace) -> str:
    out = [
        f"ingest benchmark: seed {args.seed}, {os.cpu_count()} cores, Python "
        f"{sys.version.split()[0]}, validation on, SQLite",
        "",
        "| measurement | documents | members | seconds | result |",
        "|---|---:|---:|---:|---|",
    ]
    for b in report.batches:
        out.append(
            f"| batch ingest {b.label} | {b.documents} | {b.members} | {b.seconds:.2f} | "
            f"**{b.rate:,.0f} members/s** (target ≥ 3,000) |"
        )
    for p in report.probes:
        cli = f"; CLI {p.cli_seconds:.2f} s, --no-dump {p.cli_nodump_seconds:.2f} s"
        out.append(
            f"| one new evaluation into {p.size:,} documents | 1 | {p.members} | "
            f"{p.median:.3f} | median of {len(p.seconds)}{cli}; RSS {p.rss:.0f} MB |"
        )
    if len(report.probes) > 1:
        small, large = report.probes[0], report.probes[-1]
        ratio = large.median / small.median
        out.append(
            f"| ratio {large.size:,} / {small.size:,} | | | | **{ratio:.2f}×** "
            f"(target ≤ 1.5×; {large.size:,}: {large.median:.3f} s, target < 1 s) |"
        )
    size = sizes[-1]
    share = report.reingest / report.first_ingest if report.first_ingest else 0.0
    out.append(
        f"| first ingest of {size:,} documents ({GROW_BATCH} a batch) | {size} | | "
        f"{report.first_ingest:.1f} | |"
    )
    out.append(
        f"| unchanged re-ingest, same batches | {size} | 0 | {report.reingest:.2f} | "
        f"**{share:.1%}** of the first ingest (target < 5 %) |"
    )
    out.append(
        f"| unchanged re-ingest, one call | {size} | 0 | {report.reingest_one_call:.2f} | "
        f"{report.reingest_one_call / max(report.first_ingest, 1e-9):.1%} |"
    )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out += ["", f"peak RSS of the benchmark process: {peak:.0f} MB", ""]
    out += ["cProfile of the batch ingest into an empty store (by own time):", "```"]
    out += [report.profile, "```"]
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,1000,10000", help="store sizes (documents)")
    parser.add_argument("--batch", type=int, default=50, help="documents in the timed batch")
    parser.add_argument("--base", type=int, default=500, help="store size for the 2nd batch")
    parser.add_argument("--probes", type=int, default=3, help="new evaluations per size")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--top", type=int, default=15, help="profile lines")
    parser.add_argument("--keep", type=Path, help="keep the corpus and stores here")
    parser.add_argument("--quick", action="store_true", help="--sizes 100,1000 --base 200")
    args = parser.parse_args()
    if args.quick:
        args.sizes, args.base = "100,1000", 200
    sizes = sorted(int(s) for s in args.sizes.split(","))
    with tempfile.TemporaryDirectory(prefix="ingest-bench-") as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        need = max(sizes[-1], args.base + args.batch)
        docs = make_corpus(work / "corpus", need, args.probes, args.seed)
        took = time.perf_counter() - started
        print(f"corpus: {len(docs.stored)} documents written in {took:.1f} s", file=sys.stderr)
        report = measure_batches(work, docs, args.batch, args.base, args.top)
        print("batches measured", file=sys.stderr)
        measure_growth(work, docs, sizes, report)
        print(render(report, sizes, args))


if __name__ == "__main__":
    main()
