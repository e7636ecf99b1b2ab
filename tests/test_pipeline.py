"""The pipeline: convert is deterministic and complete; ingest is one transaction that
records exactly what changed."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from backends import NewDb
from beleidsdata.mapping.namespaces import BESLUIT, ELI, MANDAAT, OA, PROV
from beleidsdata.mapping.terms import to_ntriples
from beleidsdata.pipeline import ValidationFailed, convert, ingest, read_source
from beleidsdata.sources import SourceText
from beleidsdata.store import Store, open_store
from support import SAMPLE

BASE = "http://localhost:8000"


@pytest.fixture(scope="module")
def corpus(sample_paths: list[Path]):
    return convert([read_source(p) for p in sample_paths], BASE)


def test_every_sample_contributes_resources_of_its_kind(corpus) -> None:
    kinds = Counter(e.kind for e in corpus.entities.values())
    types = Counter(t for e in corpus.entities.values() for t in e.types)
    assert kinds["beslissing"] == 26  # the two exports cite the same 26 decisions
    assert kinds["strategie"] > 50 and kinds["resolutie"] > 50 and kinds["mededeling"] > 9
    assert kinds["evaluatie"] >= 2 and kinds["regeerakkoord"] >= 2
    assert types[BESLUIT.Agendapunt] == 26
    assert types[ELI.LegalResource] == 1
    assert types[OA.Annotation] == 16  # 8 findings in each export
    assert types[MANDAAT.Mandataris] == 3


def test_every_resource_says_where_it_was_read(corpus) -> None:
    for entity in corpus.entities.values():
        if entity.kind == "bron":
            continue
        assert entity.values(PROV.wasDerivedFrom), entity.iri
        assert entity.values(PROV.qualifiedDerivation), entity.iri


def test_no_blank_nodes_and_all_subjects_under_our_base(corpus) -> None:
    for entity in corpus.entities.values():
        for s, _, o in entity.triples:
            assert s.startswith(BASE + "/id/")
            assert not str(o).startswith("_:")


def test_conversion_is_byte_identical_across_runs(sample_paths: list[Path]) -> None:
    first = to_ntriples(convert([read_source(p) for p in sample_paths], BASE).triples())
    second = to_ntriples(convert([read_source(p) for p in reversed(sample_paths)], BASE).triples())
    assert first == second


def test_a_decision_cited_by_both_exports_is_one_resource_with_what_both_know(corpus) -> None:
    [decision] = [
        e
        for e in corpus.entities.values()
        if "/beslissing/2021-06-04/" in e.iri and "Uitbouw Slimme Regio" in e.ntriples
    ]
    nt = decision.ntriples
    assert "beslissingenvlaamseregering.vlaanderen.be" in nt  # search link: export A
    assert "60B768D8364ED90008000645" in nt  # Kaleidos id: export B
    assert nt.count("<http://purl.org/dc/terms/title>") == 1


@pytest.fixture()
def store(new_db: NewDb) -> Store:
    s = open_store(new_db(), BASE)
    yield s
    s.close()


def test_reingesting_unchanged_documents_adds_nothing(store: Store) -> None:
    docs = [read_source(SAMPLE["resolutie"]), read_source(SAMPLE["mededeling"])]
    first = ingest(store, docs)
    assert len(first.members) == len(first.created) > 0
    again = ingest(store, docs)
    assert (again.members, again.created, again.updated, again.deleted) == ([], [], [], [])
    assert sorted(again.unchanged) == sorted(
        p.name for p in (SAMPLE["resolutie"], SAMPLE["mededeling"])
    )


def test_a_changed_document_adds_members_only_for_what_changed(store: Store) -> None:
    original = read_source(SAMPLE["resolutie"])
    ingest(store, [original])
    before = store.count_members()
    changed_text = original.text.replace(
        "12° een gedecentraliseerde", "12° een sterk gedecentraliseerde"
    )
    assert changed_text != original.text
    result = ingest(store, [SourceText.from_string(original.name, changed_text)])
    # The recital itself, and the source document (new content hash).
    assert len(result.updated) == 2, result.updated
    assert any(i.endswith("/overweging/12") for i in result.updated)
    assert store.count_members() == before + 2


def test_an_entity_that_disappeared_gets_a_delete_member(store: Store) -> None:
    original = read_source(SAMPLE["resolutie"])
    ingest(store, [original])
    lines = original.text.split("\n")
    shortened = "\n".join(
        line
        for line in lines
        if not line.startswith("12° een gedecentral")
        and not line.startswith("meer overkoepelend kader vergt")
    )
    result = ingest(store, [SourceText.from_string(original.name, shortened)])
    assert any(i.endswith("/overweging/12") for i in result.deleted)
    deletes = [m for m in store.members(0, 10_000) if m.event == "delete"]
    assert [m.entity for m in deletes] == result.deleted
    assert store.entity(deletes[0].entity.split("/id/", 1)[1]) is None


def test_ingest_order_does_not_matter(new_db: NewDb) -> None:
    a, b = read_source(SAMPLE["evaluatie-a"]), read_source(SAMPLE["evaluatie-b"])
    states = []
    for name, order in (("ab", [a, b]), ("ba", [b, a])):
        store = open_store(new_db(name), BASE)
        for doc in order:
            ingest(store, [doc])
        states.append({e.iri: e.content_hash for e in store.entities(limit=10_000)})
        store.close()
    assert states[0] == states[1]


def test_a_document_that_fails_to_parse_changes_nothing(store: Store) -> None:
    ingest(store, [read_source(SAMPLE["resolutie"])])
    before = (store.count_members(), store.count_entities())
    broken = SourceText.from_string("kapot.txt", "Het Vlaams Parlement,\n\n")
    with pytest.raises(Exception) as info:
        ingest(store, [broken])
    assert "kapot.txt" in str(info.value)
    assert (store.count_members(), store.count_entities()) == before


def test_validation_failures_name_the_source_lines(corpus) -> None:
    from beleidsdata.pipeline import locate_in
    from beleidsdata.validation import validate_triples

    [recital] = [e for e in corpus.entities.values() if e.iri.endswith("/overweging/3")]
    broken = [t for t in recital.triples if t[1] != PROV.wasDerivedFrom]
    report = validate_triples(broken)
    assert not report.conforms
    where = locate_in(corpus, recital.iri)
    assert where is not None and where.startswith("resolutie-slim-vlaanderen.txt:")
    failure = ValidationFailed(report, {recital.iri: where})
    assert any(line.startswith("resolutie-slim-vlaanderen.txt:") for line in failure.lines())


@pytest.mark.parametrize(
    "sample,old,new",
    [
        ("strategie", "Vlaanderen maakt werk van een", "Vlaanderen maakt snel werk van een"),
        ("mededeling", "De sterke bevolkingsgroei", "De zeer sterke bevolkingsgroei"),
        ("evaluatie-a", "Het project **Mobilidata**", "Het mooie project **Mobilidata**"),
        ("resolutie", "de wetenschapsbarometer", "de jaarlijkse wetenschapsbarometer"),
    ],
)
def test_iris_do_not_change_when_an_unrelated_part_changes(sample: str, old: str, new: str) -> None:
    original = read_source(SAMPLE[sample])
    assert old in original.text
    edited = SourceText.from_string(original.name, original.text.replace(old, new, 1))
    before = convert([original], BASE).entities
    after = convert([edited], BASE).entities
    assert set(before) == set(after)
    changed = {i for i in before if before[i].content_hash != after[i].content_hash}
    assert 1 < len(changed) <= 3, changed  # the part itself, its source document (hash)
