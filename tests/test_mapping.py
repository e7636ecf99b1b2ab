"""What the published graph says about the sample documents: every element of every kind,
merged where documents overlap, traceable to its lines."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

from beleidsdata.mapping.namespaces import (
    BD,
    BESLUIT,
    DCT,
    DOSSIER,
    ELI,
    FOAF,
    MANDAAT,
    ORG,
    PROV,
    RDF,
    SCHEMA,
)
from beleidsdata.mapping.terms import IRI, Literal
from beleidsdata.pipeline import convert, explain, read_source
from support import FIXTURES, SAMPLE

BASE = "http://localhost:8000"
ID = BASE + "/id/"


@pytest.fixture(scope="module")
def corpus(sample_paths: list[Path]):
    return convert([read_source(p) for p in sample_paths], BASE)


def objects(conv, subject: str, predicate: str) -> list:
    entity = conv.entities[subject.split("#", 1)[0]]
    return sorted(o for s, p, o in entity.triples if s == subject and p == predicate)


def text_of(conv, subject: str, predicate: str = DCT.title) -> str:
    [value] = objects(conv, subject, predicate)
    return value.lexical


def of_type(conv, cls: str) -> list[str]:
    return sorted(
        s for e in conv.entities.values() for s, p, o in e.triples if p == RDF.type and o == cls
    )


# Decisions -------------------------------------------------------------------------------


def decisions(conv) -> list[str]:
    return of_type(conv, BESLUIT.Agendapunt)


def test_the_two_exports_cite_26_decisions_and_four_dates_carry_two(corpus) -> None:
    found = decisions(corpus)
    assert len(found) == 26
    per_date = Counter(iri.split("/")[-2] for iri in found)
    assert sorted(d for d, n in per_date.items() if n == 2) == [
        "2019-12-20",
        "2021-05-07",
        "2021-06-25",
        "2021-07-16",
    ]


def test_each_decision_carries_what_either_export_knows(corpus) -> None:
    for iri in decisions(corpus):
        sources = {str(o) for o in objects(corpus, iri, PROV.wasDerivedFrom)}
        # The communication is the document behind the 2020-07-17 decision: it says so too.
        behind = {ID + "bron/mededeling-slimme-regio-vlaanderen"} if "2020-07-17" in iri else set()
        assert (
            sources
            == {
                ID + "bron/evaluatie-2-3-5-export-a",
                ID + "bron/evaluatie-2-3-5-export-b",
            }
            | behind
        )
        assert len(objects(corpus, iri, DCT.title)) == 1
        assert objects(corpus, iri, BESLUIT["Agendapunt.type"])
        assert objects(corpus, iri + "#stuk", DCT.identifier)
        [activity] = objects(
            corpus,
            iri + "#behandeling",
            "https://data.vlaanderen.be/ns/besluitvorming#heeftBeslissing",
        )
        [day] = objects(corpus, activity, DOSSIER["Activiteit.startdatum"])
        assert iri.split("/")[-2] == day.lexical


def test_the_untitled_reference_merges_with_the_mededeling_of_the_other_export(corpus) -> None:
    [iri] = [d for d in decisions(corpus) if "/2020-07-17/" in d]
    assert text_of(corpus, iri) == "Uitbouw van Slimme Regio Vlaanderen"
    assert [o.lexical for o in objects(corpus, iri + "#stuk", DCT.identifier)] == [
        "e3d82170-0fe2-11eb-9a42-a101b41f0404"
    ]
    [kind] = objects(corpus, iri, BESLUIT["Agendapunt.type"])
    assert kind.endswith("8f8adcf0-58ef-4edc-9e36-0c9095fd76b0")  # Mededeling
    assert not objects(corpus, iri, "http://www.w3.org/2000/01/rdf-schema#seeAlso")


def test_kaleidos_ids_and_search_links_are_kept(corpus) -> None:
    [iri] = [d for d in decisions(corpus) if "/2021-06-04/" in d]
    assert [o.lexical for o in objects(corpus, iri + "#stuk", DCT.identifier)] == [
        "60B768D8364ED90008000645"
    ]
    [link] = objects(corpus, iri, "http://www.w3.org/2000/01/rdf-schema#seeAlso")
    assert link.startswith("https://beslissingenvlaamseregering.vlaanderen.be/?search=")


@pytest.mark.parametrize(
    "written,value",
    [
        ("1,2 miljoen euro", "1200000"),
        ("200.000 euro", "200000"),
        ("9 miljoen euro", "9000000"),
        ("12,185 miljoen euro", "12185000"),
    ],
)
def test_amounts_are_exact_monetary_amounts_of_their_decision(
    corpus, written: str, value: str
) -> None:
    nodes = [
        s
        for s in of_type(corpus, SCHEMA.MonetaryAmount)
        if Literal(written, RDF.langString, "nl") in objects(corpus, s, BD.bedragTekst)
    ]
    assert nodes, written
    for node in nodes:
        [amount] = objects(corpus, node, SCHEMA.value)
        assert Decimal(amount.lexical) == Decimal(value)
        assert [c.lexical for c in objects(corpus, node, SCHEMA.currency)] == ["EUR"]
        owner = node.split("#")[0]
        assert IRI(node) in objects(corpus, owner, BD.bedrag)


# Evaluations ---------------------------------------------------------------------------


def test_findings_cite_their_decisions_in_order(corpus) -> None:
    evaluations = of_type(corpus, BD.Evaluatie)
    assert len(evaluations) == 2
    for evaluation in evaluations:
        findings = sorted(objects(corpus, evaluation, DCT.hasPart))
        assert len(findings) == 8
        first = next(f for f in findings if f.endswith("/bevinding/1"))
        refs = sorted(
            objects(corpus, first, BD.verwijzing),
            key=lambda r: int(objects(corpus, r, SCHEMA.position)[0].lexical),
        )
        numbers = [objects(corpus, r, BD.referentienummer)[0].lexical for r in refs]
        assert numbers == ["0", "1", "2", "3", "4", "5", "6"]
    [status] = {o for e in evaluations for o in objects(corpus, e, BD.realisatiestatus)}
    assert status.endswith("/realisatiestatus/deels-nagekomen")


def test_the_quoted_section_is_its_own_resource_with_number_title_and_text(corpus) -> None:
    section = ID + "regeerakkoord/2019-2024/sectie/2.3.5"
    assert text_of(corpus, section, ELI.number) == "2.3.5"
    assert text_of(corpus, section).startswith("Vlaanderen verder uitbouwen tot een Slimme Regio")
    assert text_of(corpus, section, PROV.value).startswith("Met het economisch-")
    assert objects(corpus, section, ELI.is_part_of) == [ID + "regeerakkoord/2019-2024/sectie/2.3"]


def test_agreement_text_gives_the_same_section_resource(corpus) -> None:
    agreement = read_source(
        FIXTURES
        / "regeerakkoord"
        / next(
            p.name
            for p in sorted((FIXTURES / "regeerakkoord").iterdir())
            if "2.3.5" in p.read_text()
        )
    )
    alone = convert([agreement], BASE)
    assert ID + "regeerakkoord/2019-2024/sectie/2.3.5" in alone.entities


# Resolution, communication ---------------------------------------------------------------


def test_the_resolution_has_all_its_clauses_and_points(corpus) -> None:
    [resolution] = of_type(corpus, ELI.LegalResource)
    parts = {str(p).rsplit("/", 1)[-1]: p for p in objects(corpus, resolution, ELI.has_part)}
    assert sorted(parts) == ["gelet-op", "overweging", "verzoek"]
    assert len(objects(corpus, parts["gelet-op"], ELI.has_part)) == 12
    assert len(objects(corpus, parts["overweging"], ELI.has_part)) == 12
    requests = sorted(
        objects(corpus, parts["verzoek"], ELI.has_part),
        key=lambda r: int(str(r).rsplit("/", 1)[-1]),
    )
    assert [len(objects(corpus, r, ELI.has_part)) for r in requests] == [10, 10, 11, 4, 6]
    assert len(objects(corpus, requests[0] + "/b", ELI.has_part)) == 6
    assert objects(corpus, resolution, ELI.passed_by)


def test_the_communication_is_signed_by_three_ministers_and_is_the_decision_text(corpus) -> None:
    communication = ID + "mededeling/uitbouw-van-slimme-regio-vlaanderen"
    sections = objects(corpus, communication, ELI.has_part)
    assert len(sections) == 9
    challenges = objects(corpus, communication + "/sectie/4", ELI.has_part)
    assert sorted(str(c).rsplit("/", 1)[-1] for c in challenges) == list("ABCDEFGHI")
    assert len(objects(corpus, communication + "/sectie/6", ELI.has_part)) == 7
    assert len(objects(corpus, communication + "/sectie/7/B", ELI.has_part)) == 4
    ministers = objects(corpus, communication, DCT.creator)
    names = sorted(
        text_of(corpus, objects(corpus, m, MANDAAT.isBestuurlijkeAliasVan)[0], FOAF.name)
        for m in ministers
    )
    assert names == ["Bart Somers", "Hilde Crevits", "Jan Jambon"]
    assert all(objects(corpus, m, ORG.holds) for m in ministers)
    [decision] = [d for d in decisions(corpus) if "/2020-07-17/" in d]
    assert IRI(decision + "#beslissing") in objects(corpus, communication, DOSSIER.beschrijft)
    assert IRI(ID + "regeerakkoord/2019-2024/sectie/2.3.5") in objects(
        corpus, communication, ELI.refers_to
    )


# Provenance --------------------------------------------------------------------------------


def test_explain_gives_the_lines_a_resource_was_read_from(corpus) -> None:
    [recital] = [e for e in corpus.entities if e.endswith("/overweging/4")]
    [excerpt] = explain(corpus, recital)
    assert excerpt.name.endswith("resolutie-slim-vlaanderen.txt")
    assert excerpt.lines[0].lstrip().startswith("4° Vlaamse ondernemingen")
    lines = SAMPLE["resolutie"].read_text(encoding="utf-8").split("\n")
    assert excerpt.lines == lines[excerpt.start - 1 : excerpt.end]


def test_source_documents_carry_their_content_hash(corpus) -> None:
    import hashlib

    source = ID + "bron/resolutie-slim-vlaanderen"
    [checksum] = objects(corpus, source, "http://spdx.org/rdf/terms#checksum")
    [value] = objects(corpus, checksum, "http://spdx.org/rdf/terms#checksumValue")
    assert value.lexical == hashlib.sha256(SAMPLE["resolutie"].read_bytes()).hexdigest()


def test_every_nested_node_is_reachable_through_the_stream_member_shape(corpus) -> None:
    """Clients extract a member by following the stream's inline shape: a link to a nested
    node by any other property would silently drop that node from replicated members."""
    from beleidsdata.ldes.hypermedia import _NESTED_FORWARD

    allowed = {
        *_NESTED_FORWARD,
        "https://data.vlaanderen.be/ns/besluitvorming#heeftBeslissing",
        DOSSIER.beschrijft,
    }
    for entity in corpus.entities.values():
        for s, p, o in entity.triples:
            if isinstance(o, IRI) and o.startswith(entity.iri + "#"):
                assert p in allowed, (s, p, o)


def test_the_export_without_a_section_block_judges_the_same_section(corpus) -> None:
    section = IRI(ID + "regeerakkoord/2019-2024/sectie/2.3.5")
    evaluations = of_type(corpus, BD.Evaluatie)
    assert [objects(corpus, e, DCT.subject) for e in evaluations] == [[section], [section]]
    alone = convert([read_source(SAMPLE["evaluatie-b"])], BASE)
    [evaluation] = of_type(alone, BD.Evaluatie)
    assert objects(alone, evaluation, DCT.subject) == []  # nothing invented on its own
