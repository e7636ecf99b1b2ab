"""Parser benchmark: how long each kind's parser takes on the sample documents.

    .venv/bin/python benchmarks/parse_bench.py             # best of 5 runs per sample
    .venv/bin/python benchmarks/parse_bench.py --runs 20

Parsing is pure and in memory, so the figure is the parser alone: the sample is read once,
then detected and parsed ``--runs`` times. The baseline measured in the same run is reading
the same lines with ``str.splitlines`` and one compiled regex over each line, the least any
line-based parser has to do; the ratio shows how far above that floor each parser sits.
The former unit-test targets (strategy < 0.2 s, the others < 0.1 s) are printed beside it.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from beleidsdata import kinds  # noqa: E402
from beleidsdata.sources.base import SourceText  # noqa: E402

TARGETS = {"strategie": 0.2}
DEFAULT_TARGET = 0.1
_WORDS = re.compile(r"\w+")


def best_of(runs: int, job: Callable[[], object]) -> float:
    """The fastest of ``runs`` timings: the least disturbed by other work on the machine."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        job()
        times.append(time.perf_counter() - start)
    return min(times)


def words_per_line(text: str) -> list[list[str]]:
    return [_WORDS.findall(line) for line in text.splitlines()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="timings per sample (best is shown)")
    args = parser.parse_args()
    head = f"{'sample':48} {'kind':11} {'lines':>6} {'parse s':>9} {'floor s':>9} {'ratio':>6}"
    print(head, "target")
    for path in sorted((ROOT / "data" / "samples").iterdir()):
        source = SourceText.from_bytes(path.name, path.read_bytes())
        kind = kinds.detect(source).key
        seconds = best_of(args.runs, partial(kinds.parse, source, kind))
        text = source.text
        floor = best_of(args.runs, partial(words_per_line, text))
        target = TARGETS.get(kind, DEFAULT_TARGET)
        verdict = "met" if seconds < target else "NOT met"
        lines = text.count("\n") + 1
        print(
            f"{path.name:48} {kind:11} {lines:6d} {seconds:9.4f} {floor:9.4f} "
            f"{seconds / floor:6.1f} < {target} s {verdict}"
        )


if __name__ == "__main__":
    main()
