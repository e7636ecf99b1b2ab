"""A corpus of N distinct, realistic policy documents of every kind, deterministic by seed.

    .venv/bin/python benchmarks/corpus.py N DIR [--seed 1]

Writes N ``.txt`` files into DIR. The documents are variants of the samples and fixtures
(``data/samples/``, ``tests/fixtures/``) in their real layouts: evaluation reports in both
export layouts (A, with the quoted agreement section and linked references, and B, with
Kaleidos file names and full texts) in pairs, coalition-agreement chapters, strategies,
resolutions and motions of the Parliament, notes and communications to the government,
and the government's decision lists. What varies: section numbers and titles, dates over
four legislatures (2004-2024), titles, Kaleidos ids, stuk numbers, ministers, amounts in
every notation the texts use, and how many themes, findings, references, items and
clauses a document has.

Documents share what real ones share, from one model of the world built from the seed:

- the decisions of the government, met on Fridays: several evaluation reports cite some
  of the same decisions (a few popular ones by many), the decision list of a meeting lists
  the decisions taken there, and a note to the government names its decision by subject;
- every evaluation of a legislature quotes a section of the same agreement (and so its
  chapter), and the agreement's chapters are documents of their own;
- ministers (people, mandates) sign notes and propose decisions across documents;
- a communication names the agreement section it implements by its title.

The same generator feeds ``tests/test_corpus.py`` and ``benchmarks/ingest_bench.py``.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from corpus_texts import (
    agreement_chapter,
    communication,
    decision_list,
    evaluation_pair,
    motion,
    note,
    resolution,
    strategy,
)
from corpus_world import World

# One round of the mix (25 documents), in the proportions of a real archive: mostly notes
# to the government (one behind most decisions), evaluation reports in pairs, the decision
# lists of meetings, communications, Parliament texts, and now and then a strategy or a
# chapter of an agreement. Every kind comes up in the first ten documents.
MIX = (
    "evaluatie",
    "beslissingenlijst",
    "nota",
    "mededeling",
    "resolutie",
    "motie",
    "strategie",
    "regeerakkoord",
    "nota",
    "evaluatie",
    "nota",
    "mededeling",
    "nota",
    "beslissingenlijst",
    "nota",
    "evaluatie",
    "nota",
    "resolutie",
    "nota",
    "mededeling",
    "nota",
    "nota",
)
SECTIONS_PER_LEGISLATURE = 600  # of the 729 numbers c.s.k, so a fresh one is quick to find
STRATEGIES = 512  # distinct strategy names


def generate(count: int, seed: int = 1) -> Iterator[tuple[str, str]]:
    """(file name, text) of ``count`` distinct documents, every kind among the first ten.

    Documents come in a fixed order for a seed: a later document may cite decisions and
    sections an earlier one introduced, as a real archive grows."""
    world = World(seed, count)
    rnd = world.rnd
    made = 0
    index = 0
    lists: set[date] = set()
    strategies = 0
    chapters: set[tuple[str, str]] = set()
    pending: list[tuple[str, str]] = []
    while made < count:
        if pending:
            yield pending.pop(0)
            made += 1
            continue
        kind = MIX[index % len(MIX)]
        index += 1
        leg = world.legislatures[rnd.randrange(len(world.legislatures))]
        if kind == "evaluatie" and len(leg.sections) >= SECTIONS_PER_LEGISLATURE:
            open_legs = [
                x for x in world.legislatures if len(x.sections) < SECTIONS_PER_LEGISLATURE
            ]
            if not open_legs:
                kind = "nota"
            else:
                leg = rnd.choice(open_legs)
        if kind == "beslissingenlijst" and all(m in lists for m in leg.meetings):
            kind = "nota"
        if kind == "strategie" and strategies >= STRATEGIES:
            kind = "nota"
        if kind == "evaluatie":
            a, b = evaluation_pair(world, leg, index)
            key = f"{leg.period}-{leg.sections[-1].number}-{index:05d}"
            pending = [(f"evaluatie-{key}-export-a.txt", a), (f"evaluatie-{key}-export-b.txt", b)]
            continue
        if kind == "beslissingenlijst":
            open_days = [m for m in leg.meetings if m in leg.decisions and m not in lists]
            day = rnd.choice(open_days or [m for m in leg.meetings if m not in lists])
            lists.add(day)
            yield f"beslissingen-{day.isoformat()}-{index:05d}.txt", decision_list(world, leg, day)
        elif kind == "regeerakkoord":
            free = [c for c in map(str, range(1, 10)) if (leg.period, c) not in chapters]
            if not free:
                continue
            chapter = min(free, key=lambda c: (-sum(s.number[0] == c for s in leg.sections), c))
            chapters.add((leg.period, chapter))
            name = f"regeerakkoord-{leg.period}-hoofdstuk-{chapter}-{index:05d}.txt"
            yield name, agreement_chapter(world, leg, chapter)
        elif kind == "strategie":
            yield f"strategie-{index:05d}.txt", strategy(world, strategies)
            strategies += 1
        elif kind == "resolutie":
            yield f"resolutie-{leg.period}-{index:05d}.txt", resolution(world, leg, index)
        elif kind == "motie":
            yield f"motie-{leg.period}-{index:05d}.txt", motion(world, leg, index)
        elif kind == "nota":
            yield f"nota-{leg.period}-{index:05d}.txt", note(world, leg, index)
        else:
            yield f"mededeling-{leg.period}-{index:05d}.txt", communication(world, leg, index)
        made += 1


def write(folder: Path, count: int, seed: int = 1) -> list[Path]:
    """Write the corpus as ``.txt`` files into ``folder``; their paths, in corpus order."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for name, text in generate(count, seed):
        path = folder / name
        path.write_text(text, encoding="utf-8")
        out.append(path)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", type=int)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    paths = write(args.folder, args.count, args.seed)
    print(f"{len(paths)} documents in {args.folder}")


if __name__ == "__main__":
    main()
