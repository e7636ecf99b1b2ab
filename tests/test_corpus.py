"""The benchmark corpus (``benchmarks/corpus.py``) is a corpus a publisher could have:
distinct documents of every kind that convert, conform and ingest, that share decisions,
sections and ministers as real ones do, and whose stored state does not depend on the
order or the batches in which they arrive. No timings here."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

from backends import NewDb
from support import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
import corpus

from beleidsdata import kinds
from beleidsdata.kinds.convert import contributions, map_batch
from beleidsdata.mapping.uris import Minter
from beleidsdata.pipeline.convert import convert, parse_all
from beleidsdata.pipeline.ingest import ingest, withdraw
from beleidsdata.sources import SourceText
from beleidsdata.store import Store, open_store
from beleidsdata.validation import validate_triples

BASE = "http://127.0.0.1:8000"
COUNT = 40


@pytest.fixture(scope="module")
def texts() -> list[SourceText]:
    return [SourceText.from_string(name, text) for name, text in corpus.generate(COUNT)]


def test_documents_are_distinct_and_deterministic_by_seed() -> None:
    first = list(corpus.generate(COUNT, seed=1))
    assert first == list(corpus.generate(COUNT, seed=1))
    assert len({name for name, _ in first}) == COUNT
    assert len({text for _, text in first}) == COUNT
    assert first != list(corpus.generate(COUNT, seed=2))
    assert all(name.endswith(".txt") for name, _ in first)


def test_write_puts_the_documents_in_a_folder(tmp_path: Path) -> None:
    paths = corpus.write(tmp_path / "corpus", 12, seed=3)
    assert [p.name for p in paths] == [name for name, _ in corpus.generate(12, seed=3)]
    assert all(p.read_text(encoding="utf-8") for p in paths)


def test_every_kind_is_there_and_read_as_that_kind(texts: list[SourceText]) -> None:
    detected = Counter(kinds.detect(t).key for t in texts[:10])
    assert set(detected) == {k.key for k in kinds.all_kinds()}
    names = Counter(t.name.split("-")[0] for t in texts)
    b_exports = [t.name for t in texts if t.name.endswith("-export-b.txt")]
    assert b_exports
    for name in b_exports:  # exports A and B of one report come in pairs
        assert name.replace("-export-b", "-export-a") in {t.name for t in texts}
    assert {"nota", "mededeling", "motie", "resolutie"} <= set(names)


def test_the_corpus_converts_and_conforms(texts: list[SourceText]) -> None:
    conversion = convert(texts, BASE)
    report = validate_triples(conversion.triples(), provenance=False)
    assert report.conforms, [r.message("en") for r in report.violations][:5]
    entity_kinds = Counter(e.kind for e in conversion.entities.values())
    for kind in ("beslissing", "evaluatie", "regeerakkoord", "strategie", "persoon"):
        assert entity_kinds[kind] > 0, kind


def test_documents_share_decisions_sections_and_people(texts: list[SourceText]) -> None:
    minter = Minter(BASE)
    shared = contributions(map_batch(parse_all(texts), minter), minter)

    def sources(kind: str) -> list[set[str]]:
        return [
            {c.source.rsplit("/", 1)[1].split("-")[0] for c in parts}
            for iri, parts in shared.items()
            if minter.kind_of_path(minter.path_of(iri)) == kind
        ]

    decisions = sources("beslissing")
    assert any({"evaluatie", "beslissingen"} <= s for s in decisions)  # cited and listed
    counts = Counter(
        len({c.source for c in parts}) for iri, parts in shared.items() if "/beslissing/" in iri
    )
    assert max(counts) >= 4  # a popular decision: several reports and a list
    agreements = [
        {c.source for c in parts} for iri, parts in shared.items() if iri.endswith("/2019-2024")
    ]
    assert agreements and len(agreements[0]) >= 2
    assert any(len(s) > 1 for s in sources("persoon"))  # a minister signs twice


def _state(store: Store) -> tuple[list[tuple[str, str]], list[tuple[str, str, bytes]]]:
    """What the store publishes now: each entity's content, and every /doc document."""
    entities = store.db.query("SELECT iri, coalesce(hash, '') FROM entities ORDER BY iri")
    documents = store.db.query(
        "SELECT path, format, body FROM documents WHERE path LIKE '/doc/%' "
        "AND format NOT LIKE '%.gz' ORDER BY path, format"
    )
    return [tuple(r) for r in entities], [tuple(r) for r in documents]  # type: ignore[misc]


def test_two_batches_in_either_order_give_the_same_store(
    texts: list[SourceText], new_db: NewDb
) -> None:
    half = COUNT // 2
    forward = open_store(new_db("forward"), BASE)
    ingest(forward, texts[:half])
    ingest(forward, texts[half:])
    backward = open_store(new_db("backward"), BASE)
    ingest(backward, texts[half:][::-1])
    ingest(backward, texts[:half][::-1])
    try:
        assert forward.count_sources() == backward.count_sources() == COUNT
        assert _state(forward) == _state(backward)
        again = ingest(forward, texts)
        assert not again.changed and len(again.unchanged) == COUNT
    finally:
        forward.close()
        backward.close()


def _sources_of(store: Store, iri: str) -> set[str]:
    """The documents an entity's /doc lists as where it was read."""
    path = iri.split("/id/", 1)[1]
    doc = store.document(f"/doc/{path}", "nt")
    assert doc is not None, iri
    wanted = "<http://www.w3.org/ns/prov#wasDerivedFrom> <"
    return {
        line.split(wanted, 1)[1].split(">", 1)[0].rsplit("/", 1)[1]
        for line in doc.body.decode().splitlines()
        if line.startswith(f"<{iri}> ") and wanted in line
    }


def test_a_document_that_repeats_the_primary_source_does_not_version_a_shared_entity(
    texts: list[SourceText], new_db: NewDb
) -> None:
    """Every evaluation quotes its agreement's sections as the agreement's chapters give
    them: the sections and the agreement keep the chapters as their sources and get no new
    version; once the chapter is withdrawn, the evaluations are their sources again."""
    store = open_store(new_db(), BASE)
    try:
        ingest(store, texts)
        minter = Minter(BASE)
        mapped = map_batch(parse_all(texts), minter)
        shared = contributions(mapped, minter)
        # A section that a chapter (primary) and at least one evaluation both describe.
        section, parts = next(
            (iri, parts)
            for iri, parts in sorted(shared.items())
            if "/sectie/" in iri
            and any(p.primary for p in parts)
            and any("evaluatie" in p.source for p in parts)
        )
        chapter = next(p.source for p in parts if p.primary).rsplit("/", 1)[1]
        evaluations = {p.source.rsplit("/", 1)[1] for p in parts if "evaluatie" in p.source}
        assert _sources_of(store, section) == {chapter}
        agreement = section.split("/sectie/", 1)[0]
        assert not (_sources_of(store, agreement) & evaluations)
        # Re-publishing one of those evaluations, edited, versions neither.
        one = next(p.source for p in parts if "evaluatie" in p.source)
        text = next(t for t in texts if minter.source(t.stem) == one)
        edited = SourceText.from_string(text.name, text.text + "\nEen nieuwe slotzin.\n")
        result = ingest(store, [edited])
        assert result.sources == [text.name] and result.updated
        assert section not in result.updated and agreement not in result.updated
        # Without the chapter, the evaluations are the section's sources again: the one
        # with the smallest IRI, and any that says something it does not.
        chapter_text = next(t for t in texts if minter.source(t.stem).endswith("/" + chapter))
        withdrawn = withdraw(store, [chapter_text.name])
        assert section in withdrawn.updated
        assert min(evaluations) in _sources_of(store, section) <= evaluations
    finally:
        store.close()


def test_an_entity_without_a_primary_source_is_not_versioned_by_documents_that_repeat_it(
    texts: list[SourceText], new_db: NewDb
) -> None:
    """A minister's mandate is named the same way by every document the minister signs:
    its source is the document with the smallest IRI, and the others neither add a
    derivation nor make a version when they are published again."""
    store = open_store(new_db(), BASE)
    try:
        ingest(store, texts)
        minter = Minter(BASE)
        shared = contributions(map_batch(parse_all(texts), minter), minter)
        mandate, parts = next(
            (iri, parts)
            for iri, parts in sorted(shared.items())
            if "/mandaat/" in iri and len(parts) >= 3 and not any(p.primary for p in parts)
        )
        names = {p.source.rsplit("/", 1)[1] for p in parts}
        assert _sources_of(store, mandate) == {min(names)}
        latest = store.entity_states([mandate])[mandate].version
        other = max(p.source for p in parts)
        text = next(t for t in texts if minter.source(t.stem) == other)
        result = ingest(store, [SourceText.from_string(text.name, text.text + "\nSlot.\n")])
        assert result.updated and mandate not in result.updated
        assert store.entity_states([mandate])[mandate].version == latest
    finally:
        store.close()


def test_a_note_about_a_known_decision_validates_against_the_stored_decision(
    new_db: NewDb,
) -> None:
    """Two notes about one decision, published one after the other: the second only
    repeats what the first said of the decision, so the decision is not rebuilt, and the
    second note's link to its ``#beslissing`` node is checked against the stored one."""
    texts = {name: text for name, text in corpus.generate(300)}
    first, second = "nota-2004-2009-00163.txt", "nota-2004-2009-00237.txt"
    decision = "http://127.0.0.1:8000/id/beslissing/2005-01-28/de6a6b5fc0"
    store = open_store(new_db(), BASE)
    try:
        assert decision in ingest(store, [SourceText.from_string(first, texts[first])]).created
        result = ingest(store, [SourceText.from_string(second, texts[second])])
        assert result.created and decision not in result.updated
        note = next(i for i in result.created if "/nota/" in i)
        assert (
            f"<{decision}#beslissing>"
            in store.document("/doc/" + note.split("/id/", 1)[1], "nt").body.decode()
        )  # type: ignore[union-attr]
    finally:
        store.close()
