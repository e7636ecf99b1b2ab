"""Validation benchmark: our engine vs plain pyshacl vs npm shacl-engine, and ingest's
one-changed-member validation vs the whole store.

    .venv/bin/python benchmarks/validation_bench.py            # 100k triples + 100k members
    .venv/bin/python benchmarks/validation_bench.py --million  # also 1M triples (pyshacl: minutes)

Synthetic, realistic data: the converted sample documents and test fixtures, copied under
new IRIs (``{base}/c{n}/id/…``, so IRI patterns still hold) in a varying mix until the size
is reached, with a few violations planted (a checksum removed, a line number 0, a second
work type, a currency "euro", a title without language). Every engine validates the same
graph; the verdicts and results are asserted equal (ours = pyshacl exactly; shacl-engine:
same verdict and same (focus, path) violations). Times are wall-clock seconds of the
validation itself; loading (parsing N-Triples) is shown apart. shacl-engine is installed
with npm into the test tools cache (tests/support.npm_package) and run with node.

Second part: a store of 100k members (entities); ingest validates one changed member with
``check_entities`` (its triples plus the types of what it links to, only its own nodes as
focus nodes); compared with validating the whole store with our engine.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))

import rdflib  # noqa: E402

from beleidsdata.mapping.terms import IRI, Literal, Triple, nt_line  # noqa: E402
from beleidsdata.pipeline import check_entities, convert, read_source  # noqa: E402
from beleidsdata.resources import shapes_dir  # noqa: E402
from beleidsdata.validation import validate_graph  # noqa: E402

BASE = "http://localhost:8000"
SHACL_ENGINE = "shacl-engine@1.1.2"
XSD = "http://www.w3.org/2001/XMLSchema#"
SPDX_CHECKSUM = "http://spdx.org/rdf/terms#checksum"
EXACT = "http://www.w3.org/ns/oa#exact"
WORK_TYPE = "http://data.europa.eu/eli/ontology#work_type"
CURRENCY = "https://schema.org/currency"
TITLE = "http://purl.org/dc/terms/title"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
ELI_WORK = "http://data.europa.eu/eli/ontology#Work"
RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


def pool() -> list[tuple[list[Triple], dict[str, tuple[Triple, ...]]]]:
    """The documents copies are made of: the five samples converted together (they link to
    each other) and every test fixture on its own. Each: triples, entity → its triples."""
    groups = [sorted((ROOT / "data" / "samples").glob("*.txt"))]
    groups += [[p] for p in sorted((ROOT / "tests" / "fixtures").glob("*/*.txt"))]
    out = []
    for paths in groups:
        # the cut-off fixtures (afgebroken/) are read as the partial texts they are
        partial = any(p.parent.name == "afgebroken" for p in paths)
        conversion = convert([read_source(p) for p in paths], BASE, partial=partial)
        out.append(
            (conversion.triples(), {iri: e.triples for iri, e in conversion.entities.items()})
        )
    return out


def _rename(term: object, prefix: str) -> object:
    if isinstance(term, IRI) and term.startswith(BASE + "/"):
        return IRI(prefix + term[len(BASE) + 1 :])
    return term


def copies(target: int, seed: int = 7, *, members: bool = False):  # type: ignore[no-untyped-def]
    """Yield (copy number, triples or entities) under fresh IRIs until ``target`` triples
    (or, with ``members``, entities) are reached. The mix of documents varies per copy."""
    rng = random.Random(seed)
    docs = pool()
    size = n = 0
    while size < target:
        triples, entities = docs[0] if n % 3 == 0 else rng.choice(docs[1:])
        prefix = f"{BASE}/c{n}/"
        if members:
            renamed = {
                str(_rename(IRI(iri), prefix)): tuple(
                    (_rename(s, prefix), p, _rename(o, prefix)) for s, p, o in ts
                )
                for iri, ts in entities.items()
            }
            size += len(renamed)
            yield n, renamed
        else:
            renamed_triples = [(_rename(s, prefix), p, _rename(o, prefix)) for s, p, o in triples]
            size += len(renamed_triples)
            yield n, renamed_triples
        n += 1


def plant(triples: list[Triple], rng: random.Random, count: int = 5) -> list[str]:
    """Plant ``count`` violations (different kinds) in place; returns what was planted."""
    planted = []
    kinds = ["no-checksum", "quote-with-lang", "two-work-types", "currency", "title-no-lang"]
    for i in range(count):
        kind = kinds[i % len(kinds)]
        if kind == "no-checksum":
            cands = [j for j, t in enumerate(triples) if t[1] == SPDX_CHECKSUM]
            j = rng.choice(cands)
            planted.append(f"{kind} {triples[j][0]}")
            del triples[j]
        elif kind == "quote-with-lang":
            j = rng.choice([j for j, t in enumerate(triples) if t[1] == EXACT])
            lexical = triples[j][2].lexical  # type: ignore[union-attr]
            triples[j] = (triples[j][0], triples[j][1], Literal(lexical, RDF_LANGSTRING, "nl"))
            planted.append(f"{kind} {triples[j][0]}")
        elif kind == "two-work-types":
            s = rng.choice([t[0] for t in triples if t[1] == RDF_TYPE and t[2] == ELI_WORK])
            triples.append(
                (s, IRI(WORK_TYPE), IRI("https://w3id.org/beleidsdata/concept/documentsoort/nota"))
            )
            planted.append(f"{kind} {s}")
        elif kind == "currency":
            cands = [j for j, t in enumerate(triples) if t[1] == CURRENCY]
            if not cands:
                continue
            j = rng.choice(cands)
            triples[j] = (triples[j][0], triples[j][1], Literal("euro"))
            planted.append(f"{kind} {triples[j][0]}")
        elif kind == "title-no-lang":
            works = {t[0] for t in triples if t[1] == RDF_TYPE and t[2] == ELI_WORK}
            j = rng.choice([j for j, t in enumerate(triples) if t[1] == TITLE and t[0] in works])
            triples[j] = (triples[j][0], triples[j][1], Literal(triples[j][2].lexical))
            planted.append(f"{kind} {triples[j][0]}")
    return planted


def synthetic(target: int, seed: int = 7, violations: int = 5) -> tuple[list[Triple], list[str]]:
    """About ``target`` triples of realistic data with ``violations`` planted."""
    triples: list[Triple] = []
    for _, part in copies(target, seed):
        triples.extend(part)
    planted = plant(triples, random.Random(seed), violations) if violations else []
    return triples, planted


def load(triples: list[Triple], path: Path) -> tuple[rdflib.Graph, float]:
    with path.open("w", encoding="utf-8") as f:
        for t in triples:
            f.write(nt_line(t) + "\n")
    t0 = time.perf_counter()
    graph = rdflib.Graph()
    graph.parse(path, format="nt")
    return graph, time.perf_counter() - t0


def shacl_engine_run(nt: Path) -> dict:
    from support import npm_package

    tools = npm_package(SHACL_ENGINE)
    shutil.copy(ROOT / "tests" / "js" / "shacl_engine.mjs", tools / "shacl_engine.mjs")
    shapes = [str(p) for p in sorted(shapes_dir().glob("*.ttl"))]
    done = subprocess.run(
        ["node", "--max-old-space-size=12000", "shacl_engine.mjs", str(nt), *shapes],
        cwd=tools,
        capture_output=True,
        text=True,
        timeout=3600,
    )
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-2000:])
    return json.loads(done.stdout)


def timed(fn):  # type: ignore[no-untyped-def]
    t0 = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t0


def compare_engines(size: int, work: Path) -> dict:
    triples, planted = synthetic(size)
    graph, load_s = load(triples, work / f"synthetic-{size}.nt")
    ours, ours_s = timed(lambda: validate_graph(graph, provenance=False, engine="fast"))
    plain, plain_s = timed(lambda: validate_graph(graph, provenance=False, engine="pyshacl"))
    outside = shacl_engine_run(work / f"synthetic-{size}.nt")
    assert ours.conforms is plain.conforms is False
    assert ours.results == plain.results, "our engine and pyshacl disagree"
    theirs = {(r["focus"], r["path"]) for r in outside["results"] if r["severity"] == "Violation"}
    assert theirs == {(r.focus, r.path) for r in ours.violations}, "shacl-engine disagrees"
    assert outside["violationFree"] is ours.conforms
    return {
        "size": len(graph),
        "load": load_s,
        "ours": ours_s,
        "pyshacl": plain_s,
        "shacl_engine": outside["seconds"]["validate"],
        "shacl_engine_load": outside["seconds"]["parse"],
        "violations": len(ours.violations),
        "results": len(ours.results),
        "planted": planted,
    }


def member_store(members: int, work: Path, samples: int = 25) -> dict:
    """check_entities on one changed member of a ``members``-member store vs the store."""
    entities: dict[str, SimpleNamespace] = {}
    for _, part in copies(members, members=True):
        for iri, ts in part.items():
            entities[iri] = SimpleNamespace(triples=ts)
    all_triples = [t for e in entities.values() for t in e.triples]
    graph, load_s = load(all_triples, work / "store.nt")
    del all_triples
    full, full_s = timed(lambda: validate_graph(graph, provenance=False, engine="fast"))
    rng = random.Random(11)
    # members whose validation passes (ingest of a valid change)
    bad = {r.focus.split("#", 1)[0] for r in full.violations}
    choices = rng.sample([i for i in entities if i not in bad], samples)
    times = []
    for iri in choices:
        report, seconds = timed(lambda iri=iri: check_entities(entities, [iri], [], None))
        assert not report.violations
        times.append(seconds)
    return {
        "members": len(entities),
        "triples": len(graph),
        "load": load_s,
        "full": full_s,
        "full_conforms": full.conforms,
        "one": statistics.median(times),
        "one_max": max(times),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--million",
        action="store_true",
        help="also compare on 1M triples (pyshacl takes several minutes)",
    )
    parser.add_argument(
        "--members",
        type=int,
        default=100_000,
        help="members in the ingest store (0: skip that part)",
    )
    parser.add_argument(
        "--sizes",
        type=int,
        nargs="*",
        default=None,
        help="triple counts to compare engines on (default 100000)",
    )
    args = parser.parse_args()
    sizes = args.sizes or ([100_000, 1_000_000] if args.million else [100_000])
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        print("engine comparison (seconds of validation; loading N-Triples apart)")
        print(
            f"{'triples':>9} {'load':>7} {'ours':>7} {'pyshacl':>8} {'shacl-engine':>13}"
            f" {'ours vs pyshacl':>16} {'violations':>10}"
        )
        for size in sizes:
            r = compare_engines(size, work)
            print(
                f"{r['size']:>9} {r['load']:>7.2f} {r['ours']:>7.2f} {r['pyshacl']:>8.2f} "
                f"{r['shacl_engine']:>13.2f} {r['pyshacl'] / r['ours']:>15.1f}× "
                f"{r['violations']:>10}",
                flush=True,
            )
        print("same verdict and results in all three engines (asserted)")
        if not args.members:
            return
        m = member_store(args.members, work)
        print(
            f"\ningest: one changed member of a {m['members']}-member store "
            f"({m['triples']} triples)"
        )
        print(f"  whole store, our engine: {m['full']:.2f} s (+ {m['load']:.2f} s loading)")
        print(
            f"  one member (check_entities): median {m['one'] * 1000:.1f} ms, "
            f"max {m['one_max'] * 1000:.1f} ms = {100 * m['one'] / m['full']:.3f}% of the "
            f"whole-store validation"
        )


if __name__ == "__main__":
    main()
