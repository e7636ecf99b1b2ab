"""PostgreSQL against SQLite, in one run: ingest members/s and page throughput with 1 and 2
replicas, then how far PostgreSQL grows in a time budget.

    .venv/bin/python benchmarks/postgres_bench.py [--documents 500] [--batch 50]
        [--duration 8] [--grow-members 1000000] [--grow-minutes 20] [--seed 1] [--keep DIR]

1. The same corpus (``benchmarks/corpus.py``: ``--documents`` documents of every kind) is
   ingested through the real ``pipeline.ingest`` (validation on, ``--batch`` documents an
   ingest) into a new SQLite file and a new PostgreSQL database on the local server
   (``$BELEIDSDATA_BENCH_PG``, default ``postgresql://postgres@127.0.0.1:5432``):
   members written per second.
2. Each store is served by one, then two ``beleidsdata serve`` processes (replicas on
   one database, different ports) and loaded with wrk (16 connections per replica, a wrk
   per replica at the same time, requests/s summed) on three URLs: a closed stream page
   (Turtle, cached in the process once read), an entity document (JSON-LD, one database
   lookup a request) and a collection page (``/doc/beslissing``, an index query).
3. ``--grow-members``: a new PostgreSQL database is grown from empty with a larger corpus
   (one generated world, batches of 5 × ``--batch``) until it holds that many members or
   ``--grow-minutes`` have passed, whichever comes first; the members reached, the rate,
   and the same page loads at that size are reported.

Every process started here is stopped by its PID; the database is dropped at the end
(unless ``--keep``). The machine's CPU count limits what two replicas can add: wrk, the
replicas and PostgreSQL share it.
"""

from __future__ import annotations

import argparse
import itertools
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus

from beleidsdata.pipeline.ingest import ingest
from beleidsdata.pipeline.reading import read_source
from beleidsdata.store import Store, open_store

BIN = Path(sys.executable).parent
SERVER = os.environ.get("BELEIDSDATA_BENCH_PG", "postgresql://postgres@127.0.0.1:5432")
BASE = "http://127.0.0.1:8000"
PAGE_SIZE = 250


@dataclass
class Ingested:
    members: int = 0
    documents: int = 0
    seconds: float = 0.0

    @property
    def rate(self) -> float:
        return self.members / self.seconds if self.seconds else 0.0


@dataclass
class Loads:
    """Requests/s by URL label, for 1 and 2 replicas."""

    one: dict[str, float] = field(default_factory=dict)
    two: dict[str, float] = field(default_factory=dict)
    errors: int = 0


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def ingest_batches(store: Store, paths: list[Path], batch: int, into: Ingested) -> None:
    for first in range(0, len(paths), batch):
        texts = [read_source(p) for p in paths[first : first + batch]]
        started = time.perf_counter()
        result = ingest(store, texts)
        into.seconds += time.perf_counter() - started
        into.members += len(result.members)
        into.documents += len(texts)


class Replica:
    def __init__(self, db: str, log: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._log = log.open("ab")
        self.proc = subprocess.Popen(
            [
                *(str(BIN / "beleidsdata"), "serve", "--db", db, "--port", str(self.port)),
                *("--base-iri", BASE, "--no-samples"),
            ],
            stdout=self._log,
            stderr=self._log,
        )
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                sys.exit(f"error: serve exited; see {log}")
            try:
                if httpx.get(self.url + "/healthz", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        self.close()
        sys.exit(f"error: serve did not start; see {log}")

    def close(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self._log.close()


def wrk_start(url: str, duration: int, accept: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [
            *("wrk", "-t1", "-c16", f"-d{duration}s", "--timeout", "5s"),
            "-H",
            f"Accept: {accept}",
            url,
        ],
        stdout=subprocess.PIPE,
        text=True,
    )


def wrk_result(proc: subprocess.Popen[str]) -> tuple[float, int]:
    out, _ = proc.communicate(timeout=120)
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    return rps, int(bad.group(1)) if bad else 0


def targets(store: Store) -> dict[str, tuple[str, str]]:
    """label → (path, Accept)."""
    row = store.db.one("SELECT path FROM entities WHERE kind = 'beslissing' ORDER BY path")
    entity = f"/doc/{row[0]}" if row else "/doc/beslissing"
    return {
        "closed page": ("/ldes/pagina/1", "text/turtle"),
        "entity document": (entity, "application/ld+json"),
        "collection page": ("/doc/beslissing?aantal=20", "application/ld+json"),
    }


def load(db: str, store: Store, duration: int, work: Path) -> Loads:
    out = Loads()
    urls = targets(store)
    replicas = [Replica(db, work / "serve-1.log")]
    try:
        for count in (1, 2):
            if count == 2:
                replicas.append(Replica(db, work / "serve-2.log"))
            for label, (path, accept) in urls.items():
                for r in replicas:  # warm-up: connections, caches
                    wrk_result(wrk_start(r.url + path, 1, accept))
                runs = [wrk_start(r.url + path, duration, accept) for r in replicas]
                results = [wrk_result(p) for p in runs]
                (out.one if count == 1 else out.two)[label] = sum(r for r, _ in results)
                out.errors += sum(e for _, e in results)
                say(f"  {count} replica(s), {label}: {sum(r for r, _ in results):,.0f} req/s")
    finally:
        for r in replicas:
            r.close()
    return out


def new_pg(name: str) -> str:
    with psycopg.connect(SERVER + "/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE template0')
    return f"{SERVER}/{name}"


def drop_pg(name: str) -> None:
    with psycopg.connect(SERVER + "/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def table(rows: list[list[str]]) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = [
        "| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |" for r in rows
    ]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=500)
    parser.add_argument("--batch", type=int, default=50)
    parser.add_argument("--duration", type=int, default=8)
    parser.add_argument("--grow-members", type=int, default=0)
    parser.add_argument("--grow-minutes", type=float, default=20.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, default=None)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("error: wrk is not installed (apt-get install -y wrk)")
    work = args.keep or Path(tempfile.mkdtemp(prefix="pgbench-"))
    work.mkdir(parents=True, exist_ok=True)
    name = f"beleidsdata_bench_{os.getpid()}"
    started = time.time()
    say(f"writing {args.documents} documents to {work / 'corpus'}")
    paths = corpus.write(work / "corpus", args.documents, args.seed)
    locations = {"SQLite": str(work / "bench.sqlite"), "PostgreSQL": new_pg(name)}
    ingested: dict[str, Ingested] = {}
    loads: dict[str, Loads] = {}
    try:
        for backend, db in locations.items():
            say(f"{backend}: ingesting")
            store = open_store(db, BASE, page_size=PAGE_SIZE)
            ingested[backend] = done = Ingested()
            ingest_batches(store, paths, args.batch, done)
            say(f"  {done.members:,} members in {done.seconds:.1f} s: {done.rate:,.0f} members/s")
            loads[backend] = load(db, store, args.duration, work)
            store.close()
        grown = grown_loads = None
        print_comparison(args, ingested, loads)  # kept even if the growth is cut short
        if args.grow_members:
            grown, grown_loads = grow(args, name + "_grown", work)
    finally:
        if not args.keep:
            drop_pg(name)
            drop_pg(name + "_grown")
    if grown is not None and grown_loads is not None:
        print(
            f"\nGrowing a new PostgreSQL store from empty (target {args.grow_members:,} "
            f"members, budget {args.grow_minutes:g} min): reached **{grown.members:,} "
            f"members** from {grown.documents:,} documents, at {grown.rate:,.0f} members/s.\n"
        )
        rows = [["at that size", "1 replica (req/s)", "2 replicas (req/s)"]]
        for label in targets_labels():
            rows.append([label, f"{grown_loads.one[label]:,.0f}", f"{grown_loads.two[label]:,.0f}"])
        print(table(rows))
    print(f"\n(whole run {time.time() - started:,.0f} s)")


def grow(args: argparse.Namespace, name: str, work: Path) -> tuple[Ingested, Loads]:
    """A new database grown from empty with one larger corpus (one world: documents of two
    corpora would contradict each other about shared decisions), until the target or the
    budget; ~14 members a document, no more documents than the budget can ingest."""
    db = new_pg(name)
    grown = Ingested()
    store = open_store(db, BASE, page_size=PAGE_SIZE)
    deadline = time.monotonic() + args.grow_minutes * 60
    count = min(args.grow_members // 14 + 1, int(args.grow_minutes * 60 * 10))
    more = corpus.generate(count, args.seed)
    folder = work / "grow"
    total = 0
    while total < args.grow_members and time.monotonic() < deadline:
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir()
        chunk = []
        for file_name, text in itertools.islice(more, args.batch * 5):
            chunk.append(folder / file_name)
            chunk[-1].write_text(text, encoding="utf-8")
        if not chunk:
            break
        ingest_batches(store, chunk, args.batch * 5, grown)
        total = store.last_seq()
        say(f"  grown to {total:,} members ({grown.rate:,.0f} members/s)")
    loads = load(db, store, args.duration, work)
    grown.members = total
    store.close()
    return grown, loads


def print_comparison(
    args: argparse.Namespace, ingested: dict[str, Ingested], loads: dict[str, Loads]
) -> None:
    print(f"\n### PostgreSQL against SQLite ({time.strftime('%Y-%m-%d')}, {os.cpu_count()} CPUs)\n")
    print(
        f"{args.documents} documents (`benchmarks/corpus.py`, seed {args.seed}), ingested in "
        f"batches of {args.batch}; wrk 16 connections per replica, {args.duration} s a run.\n"
    )
    rows = [["", *ingested]]
    rows.append(["members", *(f"{i.members:,}" for i in ingested.values())])
    rows.append(["ingest (members/s)", *(f"{i.rate:,.0f}" for i in ingested.values())])
    for label in targets_labels():
        for count in ("one", "two"):
            n = 1 if count == "one" else 2
            rows.append(
                [f"{label}, {n} replica{'s' if n > 1 else ''} (req/s)"]
                + [f"{getattr(loads[b], count)[label]:,.0f}" for b in ingested]
            )
    rows.append(["non-2xx answers under load", *(str(loads[b].errors) for b in ingested)])
    print(table(rows), flush=True)


def targets_labels() -> tuple[str, ...]:
    return ("closed page", "entity document", "collection page")


if __name__ == "__main__":
    main()
