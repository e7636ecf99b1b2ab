"""Loading the serving benchmark's store through the real ingest path, resumably.

    .venv/bin/python benchmarks/serve_load.py DIR --members 100000

Documents come from ``benchmarks/corpus.py`` (every kind, sharing decisions and sections
as real ones do), written into ``DIR/corpus`` and read back as the CLI reads them, then
ingested with validation (``pipeline.ingest``) in batches of :data:`BATCH` documents until
the store holds at least the members asked for. ``DIR/loaded.json`` records how many
documents are in, so a load that was stopped resumes where it was, and a kept folder is
reused by ``serve_bench.py --keep DIR`` (loaded further when it asks for more members).
At the end the current-state dumps are built, as ``beleidsdata ingest`` does, so the
server does not rebuild them while it is measured.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus

from beleidsdata.cli.ingest import build_dumps
from beleidsdata.pipeline.ingest import ingest
from beleidsdata.pipeline.reading import read_source
from beleidsdata.store import open_store

BASE_IRI = "http://127.0.0.1:8000"
BATCH = 250  # documents per ingest
MEMBERS_PER_DOCUMENT = 12  # about what the corpus gives; the corpus is made with room
SEED = 1


def store_path(folder: Path) -> Path:
    return folder / "store.sqlite"


def _documents(folder: Path, members: int) -> list[Path]:
    """The corpus for ``members`` (reused when a big enough one is on disk: the corpus
    is the same for a seed and size, so its record says which size it was made for)."""
    record = folder / "corpus.json"
    want = members // MEMBERS_PER_DOCUMENT * 2 + 100
    if record.exists():
        made = json.loads(record.read_text())
        if made["count"] >= want:
            return [folder / "corpus" / name for name in made["names"]]
    paths = corpus.write(folder / "corpus", want, SEED)
    record.write_text(json.dumps({"count": want, "names": [p.name for p in paths]}))
    return paths


def load(folder: Path, members: int, say: bool = True) -> int:
    """Ingest until the store in ``folder`` holds at least ``members`` members; how many
    it holds."""
    folder.mkdir(parents=True, exist_ok=True)
    progress = folder / "loaded.json"
    done = json.loads(progress.read_text())["documents"] if progress.exists() else 0
    store = open_store(store_path(folder), BASE_IRI)
    try:
        have = store.count_members()
        if have >= members:
            return have
        paths = _documents(folder, members)
        started = time.perf_counter()
        while have < members:
            if done >= len(paths):
                raise SystemExit(f"the corpus ran out at {have} members; ask for fewer")
            batch = paths[done : done + BATCH]
            ingest(store, [read_source(p) for p in batch])
            done += len(batch)
            progress.write_text(json.dumps({"documents": done}))
            have = store.count_members()
            if say:
                took = time.perf_counter() - started
                print(f"  {done} documents, {have} members, {took:.0f} s", file=sys.stderr)
        build_dumps(store)
        return have
    finally:
        store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--members", type=int, default=100_000)
    args = parser.parse_args()
    print(f"{load(args.folder, args.members)} members in {store_path(args.folder)}")


if __name__ == "__main__":
    main()
