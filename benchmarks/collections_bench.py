"""Collections page in constant time: 100,000 synthetic decisions, pages at every depth.

    PYTHONPATH=src .venv/bin/python benchmarks/collections_bench.py [N] [--db FILE]

Builds a store of N synthetic decisions (index rows as ingest writes them, tiny bodies),
then walks to pages at growing depths with keyset cursors and times page queries (sorted
by path, by date, and date-filtered), printing the median per depth. Keyset pagination on
(sort key, path) makes a page an index range scan: the figures stay flat with depth,
where LIMIT/OFFSET would grow linearly.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from beleidsdata.store import SQLiteStore
from beleidsdata.store.base import ChangeSet, EntityWrite
from beleidsdata.store.index import IndexEntry
from beleidsdata.store.index_query import Filters, encode_cursor

BASE = "http://localhost:8000"


def build(store: SQLiteStore, n: int) -> None:
    rng = random.Random(6)
    start = date(2019, 10, 1)
    batch = 10_000
    for first in range(0, n, batch):
        changes = ChangeSet(time="2024-01-01T00:00:00.000Z")
        for i in range(first, min(n, first + batch)):
            day = (start + timedelta(days=rng.randrange(5 * 365))).isoformat()
            path = f"beslissing/{day}/{i:08x}"
            body = b"{}"
            changes.upserts.append(
                EntityWrite(
                    iri=f"{BASE}/id/{path}",
                    path=path,
                    kind="beslissing",
                    content_hash=str(i),
                    title=f"Beslissing {i}",
                    types=(),
                    bodies={"nt": body, "ttl": body, "jsonld": body},
                    index=IndexEntry(
                        types=("Agendapunt",),
                        date=day,
                        title=f"Beslissing {i}",
                        text=f"subsidie project {i % 97} digitaal",
                        itemtype=rng.choice(["nota", "mededeling"]),
                        amounts=(Decimal(rng.randrange(10_000, 10**8)),),
                    ),
                )
            )
        store.apply(changes)


def timed(fn, repeat: int = 7) -> float:
    samples = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - t0)
    return statistics.median(samples) * 1000


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("n", nargs="?", type=int, default=100_000)
    parser.add_argument("--db")
    args = parser.parse_args()
    db = Path(args.db or tempfile.mkdtemp()) / "bench.sqlite" if not args.db else Path(args.db)
    store = SQLiteStore(db, BASE)
    if store.count_entities("beslissing") < args.n:
        t0 = time.perf_counter()
        build(store, args.n)
        print(f"built {args.n:,} decisions in {time.perf_counter() - t0:.1f} s ({db})")
    conn = store._conn()
    limit = 20
    cases = {
        "by path": (
            "pad",
            Filters(),
            "SELECT path FROM entity_index WHERE kind='beslissing' ORDER BY path LIMIT 1 OFFSET ?",
            lambda r: (r[0],),
        ),
        "by date": (
            "datum",
            Filters(),
            "SELECT date, path FROM entity_index WHERE "
            "kind='beslissing' ORDER BY date, path LIMIT 1 OFFSET ?",
            tuple,
        ),
        "2021, by date": (
            "datum",
            Filters(date_from="2021-01-01", date_to="2021-12-31"),
            "SELECT date, path FROM entity_index WHERE kind='beslissing' AND "
            "date >= '2021-01-01' AND date <= '2021-12-31' ORDER BY date, path "
            "LIMIT 1 OFFSET ?",
            tuple,
        ),
    }
    print(
        f"\nmedian ms per page of {limit} (keyset cursor at the given depth; "
        "totalItems counted on every page)"
    )
    print(
        f"{'depth':>8}  " + "  ".join(f"{name:>14}" for name in cases) + f"  {'OFFSET (path)':>14}"
    )
    total = store.count_entities("beslissing")
    for depth in (0, 1_000, 10_000, 50_000, total - limit - 1):
        cells = []
        for sort, filters, cursor_sql, key in cases.values():
            row = conn.execute(cursor_sql, (max(depth - 1, 0),)).fetchone()
            after = tuple(key(row)) if (row and depth) else None
            ms = timed(
                lambda sort=sort, filters=filters, after=after: store.collection(
                    "beslissing", filters, sort=sort, after=after, limit=limit
                )
            )
            cells.append(f"{ms:14.2f}")
            encode_cursor(after or ("",))  # what a link would carry
        offset_ms = timed(
            lambda depth=depth: conn.execute(
                "SELECT path FROM entity_index WHERE kind='beslissing' ORDER BY path "
                "LIMIT ? OFFSET ?",
                (limit, depth),
            ).fetchall()
        )
        print(f"{depth:>8}  " + "  ".join(cells) + f"  {offset_ms:14.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
