"""Static-site build benchmark: 100,000 synthetic resources, pages per second.

    .venv/bin/python benchmarks/site_bench.py [--resources 100000] [--keep DIR]

Synthetic decisions (with amounts, a date and a source line) are written straight into a
fresh SQLite store through the store's own change-set API (ingesting 100,000 texts through
the parser would benchmark the pipeline, not the site), with the entity_links an ingest
would write: every tenth decision is cited by a synthetic evaluation. Then the whole site
is built with ``build_site`` and the figures are printed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import tempfile
import time
from pathlib import Path

from beleidsdata.store import ChangeSet, SourceRecord, SQLiteStore, utc_now
from beleidsdata.store.base import EntityWrite
from beleidsdata.web.build import build_site

BASE = "http://localhost:8000"
AGENDAPUNT = "http://data.vlaanderen.be/ns/besluit#Agendapunt"
REFERENCES = "http://purl.org/dc/terms/references"
SOURCE = BASE + "/id/bron/synthetisch"


def decision(i: int) -> EntityWrite:
    day = f"20{20 + i % 5}-{1 + i % 12:02d}-{1 + i % 28:02d}"
    path = f"beslissing/{day}/{i:08x}"
    iri = f"{BASE}/id/{path}"
    doc = {
        "@context": BASE + "/context/v1.jsonld",
        "@graph": [
            {
                "id": iri,
                "type": ["Agendapunt"],
                "titel": f"Synthetische beslissing {i}",
                "beschrijving": f"Samenvatting van beslissing {i} met {i % 90 + 1} miljoen euro.",
                "bedrag": [
                    {
                        "id": iri + "#bedrag-1",
                        "type": ["Bedrag"],
                        "waarde": str((i % 90 + 1) * 1_000_000),
                        "munt": "EUR",
                        "bedragTekst": f"{i % 90 + 1} miljoen euro",
                    }
                ],
                "afgeleidVan": [SOURCE],
                "herkomst": [
                    {
                        "id": iri + "#herkomst",
                        "type": ["Derivation"],
                        "bron": SOURCE,
                        "beginregel": i % 1000 + 1,
                        "eindregel": i % 1000 + 1,
                    }
                ],
            },
            {"id": iri + "#beslissing", "type": ["Beslissingsactiviteit"], "datum": day},
        ],
    }
    body = json.dumps(doc, ensure_ascii=False, indent=2).encode()
    return EntityWrite(
        iri=iri,
        path=path,
        kind="beslissing",
        content_hash=hashlib.sha256(body).hexdigest(),
        title=f"Synthetische beslissing {i}",
        types=(AGENDAPUNT,),
        bodies={"jsonld": body, "ttl": b"# synthetic\n", "nt": b""},
    )


def evaluation(j: int, cited: list[str]) -> EntityWrite:
    path = f"evaluatie/synthetisch-{j}"
    iri = f"{BASE}/id/{path}"
    doc = {
        "@context": BASE + "/context/v1.jsonld",
        "id": iri,
        "type": ["Evaluatie", "Work"],
        "titel": f"Synthetische evaluatie {j}",
        "verwijstNaar": cited,
        "afgeleidVan": [SOURCE],
    }
    body = json.dumps(doc, indent=2).encode()
    return EntityWrite(
        iri=iri,
        path=path,
        kind="evaluatie",
        content_hash=hashlib.sha256(body).hexdigest(),
        title=f"Synthetische evaluatie {j}",
        types=("https://w3id.org/beleidsdata/ns#Evaluatie",),
        bodies={"jsonld": body, "ttl": b"# synthetic\n", "nt": b""},
    )


def fill(store: SQLiteStore, n: int, batch: int = 10_000) -> None:
    text = "\n".join(f"regel {k}" for k in range(1, 1001))
    first = ChangeSet(
        time=utc_now(),
        sources=[
            SourceRecord(
                SOURCE,
                "synthetisch.txt",
                "evaluatie",
                hashlib.sha256(text.encode()).hexdigest(),
                text,
            )
        ],
    )
    store.apply(first)
    made = 0
    while made < n:
        changes = ChangeSet(time=utc_now())
        decisions = [decision(i) for i in range(made, min(n, made + batch))]
        changes.upserts += decisions
        for k in range(0, len(decisions), 100):
            group = [d.iri for d in decisions[k : k + 100] if int(d.path[-8:], 16) % 10 == 0]
            ev = evaluation((made + k) // 100, group)
            changes.upserts.append(ev)
            changes.links[ev.iri] = [(g, REFERENCES) for g in group]
        store.apply(changes)
        made += len(decisions)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--resources", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, default=None, help="build into this folder")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="site-bench-"))
    try:
        store = SQLiteStore(work / "bench.sqlite", BASE)
        started = time.perf_counter()
        fill(store, args.resources)
        print(f"store: {store.count_entities()} resources in {time.perf_counter() - started:.1f} s")
        out = args.keep or work / "site"
        result = build_site(store, out)
        print(
            f"site: {result.pages} pages, {result.files} files in {result.seconds:.1f} s "
            f"= {result.pages_per_second:.0f} pages/s"
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
