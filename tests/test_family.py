"""The whole family of each kind converts faithfully (issue 14): what breaks on unseen
documents of the same kinds, one class of difference at a time, on fixtures of our own."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from backends import NewDb
from beleidsdata import kinds
from beleidsdata.errors import SourceError
from beleidsdata.mapping.namespaces import BD, BESLUIT, DCT, RDF, RDFS
from beleidsdata.mapping.terms import IRI, Literal
from beleidsdata.pipeline import Conversion, convert, read_source
from beleidsdata.sources.base import SourceText
from beleidsdata.validation import validate_triples
from support import FIXTURES, SAMPLE

BASE = "http://localhost:8000"
EVAL = FIXTURES / "evaluatie"


def run(*paths: Path, partial: bool = False) -> Conversion:
    return convert([read_source(p) for p in paths], BASE, partial=partial)


def decisions(conv: Conversion) -> list[str]:
    return sorted(i for i, e in conv.entities.items() if BESLUIT.Agendapunt in e.types)


def values(conv: Conversion, subject: str, predicate: str) -> list[object]:
    entity = conv.entities[subject.split("#", 1)[0]]
    return sorted(o for s, p, o in entity.triples if s == subject and p == predicate)


def mandate_labels(conv: Conversion) -> list[str]:
    """The offices (mandaat:Mandaat labels) the documents name, sorted."""
    return sorted(
        str(o.lexical)
        for e in conv.entities.values()
        if "http://data.vlaanderen.be/ns/mandaat#Mandaat" in e.types
        for o in e.values(RDFS.label)
        if isinstance(o, Literal)
    )


def conforms(conv: Conversion) -> None:
    report = validate_triples(conv.triples())
    assert report.conforms, report.to_text("en")


# Title-less references ---------------------------------------------------------------------


def test_two_references_of_one_list_are_never_one_decision() -> None:
    # [5] and [6] name the same date and title (two projects of one relance meeting).
    conv = run(EVAL / "evaluatie-3.4.1-titel-niveau-2.txt")
    [evaluation] = [i for i, e in conv.entities.items() if BD.Evaluatie in e.types]
    cited = values(conv, evaluation, DCT.references)
    assert len(cited) == len(set(cited)) == 6
    on_the_day = [i for i in cited if "/2021-06-11/" in i]
    assert len(on_the_day) == 2
    conforms(conv)


def test_bare_dates_stay_their_own_decisions_and_say_so() -> None:
    conv = run(EVAL / "evaluatie-7.2.1-kale-datums-export-a.txt")
    found = decisions(conv)
    assert len(found) == 4  # one per reference, two of them on 2021-10-08
    bare = [i for i in found if values(conv, i, DCT.title) == []]
    assert len(bare) == 3
    for iri in bare:
        [note] = values(conv, iri, "http://www.w3.org/2004/02/skos/core#editorialNote")
        assert "Niet geïdentificeerd" in str(note)
    assert [w.split(": ", 1)[0] for w in conv.warnings()] == [
        "evaluatie-7.2.1-kale-datums-export-a.txt:29",
        "evaluatie-7.2.1-kale-datums-export-a.txt:31",
        "evaluatie-7.2.1-kale-datums-export-a.txt:33",
    ]
    conforms(conv)


def test_the_two_exports_of_one_report_align_reference_by_reference() -> None:
    a, b = (
        EVAL / "evaluatie-7.2.1-kale-datums-export-a.txt",
        EVAL / "evaluatie-7.2.1-kale-datums-export-b.txt",
    )
    together = run(a, b)
    found = decisions(together)
    # One decision per reference, the same four from either export: the bare dates got
    # their titles (and ids) from the sibling, number n of one being number n of the other.
    assert len(found) == 4
    assert all(values(together, i, DCT.title) for i in found)
    assert not together.warnings()
    ids = {
        str(o)
        for e in together.entities.values()
        for s, p, o in e.triples
        if p == DCT.identifier and s.endswith("#stuk")
    }
    assert len(ids) == 4  # distinct decisions == distinct source ids
    # The export B alone names them the same way as together: its titles are its own.
    assert set(decisions(run(b))) == set(found)
    conforms(together)


def test_no_identity_changes_when_unrelated_evaluations_arrive() -> None:
    alone = run(SAMPLE["evaluatie-a"], SAMPLE["evaluatie-b"])
    crowded = run(
        SAMPLE["evaluatie-a"],
        SAMPLE["evaluatie-b"],
        EVAL / "evaluatie-7.2.1-kale-datums-export-a.txt",
        EVAL / "evaluatie-3.4.1-titel-niveau-2.txt",
        EVAL / "evaluatie-8.3.2-verwijzingen-zonder-datum.txt",
        EVAL / "evaluatie-4.2.3-export-a.txt",
    )
    assert set(alone.entities) <= set(crowded.entities)
    for iri in decisions(alone):
        assert crowded.entities[iri].content_hash == alone.entities[iri].content_hash, iri


def test_decisions_per_evaluation_and_distinct_ids_over_the_fixtures() -> None:
    """Per evaluation one decision per dated reference; over a set of evaluations, as many
    distinct decisions as distinct source ids (where the exports give ids)."""
    reports = sorted(EVAL.glob("*.txt"))
    for path in reports:
        conv = run(path)
        [doc] = conv.documents
        dated = [r for r in doc.record.references if r.date]
        assert len(decisions(conv)) == len(dated), path.name
    with_ids = [
        SAMPLE["evaluatie-b"],
        EVAL / "evaluatie-6.1.2-export-b.txt",
        EVAL / "evaluatie-7.2.1-kale-datums-export-b.txt",
    ]
    conv = run(*with_ids)
    ids = {r.document_id for d in conv.documents for r in d.record.references if r.document_id}
    assert len(decisions(conv)) == len(ids)


# References without a date ---------------------------------------------------------------


def test_references_without_a_date_are_published_as_known_and_reported() -> None:
    conv = run(EVAL / "evaluatie-8.3.2-verwijzingen-zonder-datum.txt")
    [doc] = conv.documents
    by_number = {r.number: r for r in doc.record.references}
    # A date is read where the reference gives one: in the search link, or written out.
    assert by_number[1].date == "2020-11-20"
    assert (by_number[2].date, by_number[2].title) == (
        "2021-05-07",
        "Plan Vlaamse Veerkracht: sportinfrastructuur",
    )
    assert [r.number for r in doc.record.references if not r.date] == [3, 4, 5]
    assert len(decisions(conv)) == 2
    # Each undated reference is reported with its line …
    assert [w.split(": ", 1)[0].rsplit(":", 1)[1] for w in conv.warnings()] == ["31", "33", "35"]
    # … and kept as the citation of the finding, with the title or link it gives.
    citations = {
        s: e
        for e in conv.entities.values()
        for s, p, o in e.triples
        if p == RDF.type and o == BD.Verwijzing
    }
    titled = {
        str(o.lexical)
        for s in citations
        for o in values(conv, s, DCT.title)
        if isinstance(o, Literal)
    }
    assert titled == {
        "Projectoproep sportclubs voor kwetsbare groepen",
        "Decreet over de georganiseerde sportsector",
    }
    links = {str(o) for s in citations for o in values(conv, s, RDFS.seeAlso)}
    assert links == {
        "https://www.vlaanderen.be/sport/projectoproep-sportclubs",
        "https://www.sport.vlaanderen/onderzoek/sportparticipatie",
    }
    conforms(conv)


# Headings at any level -------------------------------------------------------------------


def test_a_report_titled_by_a_level_two_heading_converts() -> None:
    conv = run(EVAL / "evaluatie-3.4.1-titel-niveau-2.txt")
    [doc] = conv.documents
    assert doc.record.title == "Een kwaliteitsvolle en betaalbare kinderopvang voor elk gezin"
    assert [f.theme for f in doc.record.findings] == [
        "Bijkomende plaatsen",
        "Kwaliteit en begeleiding",
        "Algemene Bevindingen",
    ]
    assert doc.record.section is not None and doc.record.section.number == "3.4.1"
    assert doc.record.status == "deels-nagekomen"


def test_a_landmark_heading_is_never_taken_for_the_title() -> None:
    text = "## Samenvatting\nDe beloften zijn nagekomen.\n\n### Thema\n- Tekst \\[1\\].\n"
    with pytest.raises(SourceError) as caught:
        kinds.parse(SourceText.from_string("x.txt", text), "evaluatie")
    assert "no report title" in caught.value.message


# Realisation status ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "status"),
    [
        ("overwegend nagekomen", "grotendeels-nagekomen"),
        ("slechts beperkt nagekomen", "beperkt-nagekomen"),
        ("niet volledig nagekomen", "niet-volledig-nagekomen"),
        ("volledig nagekomen", "nagekomen"),
    ],
)
def test_the_status_is_published_as_written_never_rounded(phrase: str, status: str) -> None:
    text = (
        (EVAL / "evaluatie-3.4.1-titel-niveau-2.txt")
        .read_text(encoding="utf-8")
        .replace("deels nagekomen", phrase)
    )
    conv = convert([SourceText.from_string("status.txt", text)], BASE)
    [evaluation] = [i for i, e in conv.entities.items() if BD.Evaluatie in e.types]
    [concept] = values(conv, evaluation, BD.realisatiestatus)
    assert concept == IRI(f"https://w3id.org/beleidsdata/concept/realisatiestatus/{status}")
    conforms(conv)


def test_every_fixture_converts_with_its_warnings_counted() -> None:
    counts = Counter(path.name for path in sorted(EVAL.glob("*.txt")) for _ in run(path).warnings())
    # Bare dates ([2] of 4.2.3, three of 7.2.1) and undated references (8.3.2; the CRLF
    # export lists full texts only); an export B of paths names Kaleidos ids: no warning.
    assert counts == {
        "evaluatie-4.2.3-export-a.txt": 1,
        "evaluatie-7.2.1-kale-datums-export-a.txt": 3,
        "evaluatie-8.3.2-verwijzingen-zonder-datum.txt": 3,
        "evaluatie-crlf-zonder-sectie.txt": 2,
    }


# Parliament texts: signatories and kind -------------------------------------------------

RES = FIXTURES / "resolutie"


def test_submitters_after_the_last_request_are_people_not_text() -> None:
    conv = run(RES / "motie-2015-indieners-na-laatste-verzoek.txt")
    [doc] = conv.documents
    last = doc.record.clauses[-1].points[-1].text
    assert last.endswith("de netten en de instellingen.")
    assert "Caluwé" not in last
    people = sorted(
        str(o.lexical)
        for e in conv.entities.values()
        for s, p, o in e.triples
        if p == "http://xmlns.com/foaf/0.1/name" and isinstance(o, Literal)
    )
    assert people == ["Kathleen Helsen", "Koen Daniëls", "Ludwig Caluwé", "Peter Van Rompuy"]
    [work] = [i for i in conv.entities if i.endswith("/motie/412-2014-2015-3")]
    assert len(values(conv, work, DCT.creator)) == 4
    conforms(conv)


def test_signing_officers_set_side_by_side_hold_their_office() -> None:
    conv = run(RES / "tekst-zonder-soort-aangenomen.txt")
    [doc] = conv.documents
    assert [(s.name.name, s.role) for s in doc.record.signatories] == [
        ("Wilfried Vandaele", "griffier"),
        ("Jan Peumans", "voorzitter"),
    ]
    offices = mandate_labels(conv)
    assert offices == ["Griffier van het Vlaams Parlement", "Voorzitter van het Vlaams Parlement"]
    conforms(conv)


@pytest.mark.parametrize(
    ("name", "work_type"),
    [
        ("motie-2015-indieners-na-laatste-verzoek.txt", "motie"),  # "Gemotiveerde motie"
        ("motie-gehoord-stelt-vast.txt", "motie"),  # "Motie van aanbeveling"
        ("resolutie-stuk-opsomming.txt", "resolutie"),  # "Voorstel van resolutie"
        ("tekst-zonder-soort-aangenomen.txt", "parlementaire-tekst"),  # says neither
    ],
)
def test_a_parliament_text_is_typed_only_as_it_states(name: str, work_type: str) -> None:
    conv = run(RES / name)
    [work] = [
        i
        for i, e in conv.entities.items()
        if "http://data.europa.eu/eli/ontology#LegalResource" in e.types
    ]
    [kind] = values(conv, work, "http://data.europa.eu/eli/ontology#work_type")
    assert kind == IRI(f"https://w3id.org/beleidsdata/concept/documentsoort/{work_type}")
    typed = values(conv, work, "http://data.europa.eu/eli/ontology#type_document")
    assert bool(typed) == (work_type == "resolutie")


# The family of notes to the government ---------------------------------------------------


@pytest.mark.parametrize(
    ("name", "form", "agenda_type"),
    [
        ("bisnota-twee-ministers-2022.txt", "bisnota", "dd47a8f8-3ad2-4d5a-8318-66fc02fe80fd"),
        ("omzendbrief-2021-lokale-besturen.txt", "omzendbrief", None),
    ],
)
def test_every_form_of_note_converts_with_its_form(
    name: str, form: str, agenda_type: str | None
) -> None:
    conv = run(FIXTURES / "mededeling" / name)
    [work] = [
        i for i in conv.entities if i.split("/id/", 1)[1].count("/") == 1 and f"/{form}/" in i
    ]
    [kind] = values(conv, work, "http://data.europa.eu/eli/ontology#work_type")
    assert kind == IRI(f"https://w3id.org/beleidsdata/concept/documentsoort/{form}")
    items = [i for i in decisions(conv)]
    if agenda_type is None:
        assert items == []  # a circular is on no agenda
    else:
        [item] = items
        [typed] = values(conv, item, BESLUIT["Agendapunt.type"])
        assert typed.endswith(agenda_type)
    conforms(conv)


# A raw agreement section: its title and its first sub-heading ---------------------------

AGR = FIXTURES / "regeerakkoord"
SECTION = "2.3.5"
TITLE_235 = (
    "Vlaanderen verder uitbouwen tot een Slimme Regio met performante fysieke en digitale "
    "infrastructuur"
)


def section_titles(conv: Conversion, number: str) -> list[str]:
    [iri] = [i for i in conv.entities if i.endswith(f"/sectie/{number}")]
    return [str(o.lexical) for o in values(conv, iri, DCT.title) if isinstance(o, Literal)]


@pytest.mark.parametrize(
    ("name", "number", "title", "text_starts"),
    [
        ("regeerakkoord-2.3.5-tussenkop-op-een-regel.txt", SECTION, TITLE_235, "Artificiële"),
        (
            "regeerakkoord-2019-2024-tussenkoppen-in-hoofdletters.txt",
            SECTION,
            TITLE_235,
            "Digitale Vlaamse Overheid We maken",
        ),
        (
            "regeerakkoord-2019-2024-tussenkoppen-in-hoofdletters.txt",
            "2.3.6",
            "Een sterk ondernemersklimaat",
            "Administratieve vereenvoudiging We",
        ),
    ],
)
def test_the_title_stops_before_the_first_sub_heading(
    name: str, number: str, title: str, text_starts: str
) -> None:
    [section] = [s for s in run(AGR / name).documents[0].record.sections if s.number == number]
    assert section.title == title
    assert section.text.startswith(text_starts)


def test_one_title_per_section_when_an_agreement_and_an_evaluation_quote_it() -> None:
    for name in (
        "regeerakkoord-2.3.5-tussenkop-op-een-regel.txt",
        "regeerakkoord-2019-2024-tussenkoppen-in-hoofdletters.txt",
    ):
        together = run(AGR / name, SAMPLE["evaluatie-a"])
        assert section_titles(together, SECTION) == [TITLE_235]


def test_a_sub_heading_no_rule_sees_is_cut_where_the_evaluation_says_the_title_ends() -> None:
    # A one-word sub-heading reads as part of the title on its own …
    text = (AGR / "regeerakkoord-2.3.5-tussenkop-op-een-regel.txt").read_text(encoding="utf-8")
    text = text.replace("Artificiële intelligentie en cybersecurity Met", "Cybersecurity Met")
    source = SourceText.from_string("regeerakkoord-2.3.5-kort.txt", text)
    alone = convert([source], BASE)
    assert section_titles(alone, SECTION) == [TITLE_235 + " Cybersecurity"]
    # … and with an evaluation whose title heading states the title, the title ends there.
    together = convert([source, read_source(SAMPLE["evaluatie-a"])], BASE)
    assert section_titles(together, SECTION) == [TITLE_235]
    [iri] = [i for i in together.entities if i.endswith(f"/sectie/{SECTION}")]
    texts = [str(o.lexical) for o in values(together, iri, "http://www.w3.org/ns/prov#value")]
    assert any(t.startswith("Cybersecurity Met het economisch") for t in texts)
    conforms(together)


# The sixth kind: decision lists ----------------------------------------------------------

LISTS = FIXTURES / "beslissingenlijst"
MANDATARIS = "http://data.vlaanderen.be/ns/mandaat#Mandataris"


def test_a_decision_from_a_list_and_the_same_decision_cited_by_an_evaluation_are_one() -> None:
    alone = run(SAMPLE["evaluatie-a"], SAMPLE["evaluatie-b"])
    lists = [
        LISTS / "beslissingen-2020-04-10-webpagina.md",
        LISTS / "kortbestek-2021-05-07-harde-regels.txt",
        LISTS / "persbericht-2023-11-17-datumregel.txt",
        LISTS / "beslissingen-2019-12-20-zonder-titels.txt",
    ]
    together = run(SAMPLE["evaluatie-a"], SAMPLE["evaluatie-b"], *lists)
    cited = set(decisions(alone))
    listed = {
        str(o)
        for e in together.entities.values()
        if "/id/beslissingenlijst/" in e.iri
        for o in e.values(DCT.references)
    }
    # Four items carry the date and title of a decision the evaluations cite: one resource
    # each, enriched by both (the list's proposers, the evaluation's Kaleidos id).
    merged = sorted(cited & listed)
    assert [i.split("/beslissing/")[1].split("/")[0] for i in merged] == [
        "2020-04-10",
        "2021-05-07",
        "2021-05-07",
        "2023-11-17",
    ]
    for iri in merged:
        sources = {
            str(o) for o in values(together, iri, "http://www.w3.org/ns/prov#wasDerivedFrom")
        }
        assert any("/bron/evaluatie" in s for s in sources)
        assert any(
            "/bron/beslissingen" in s or "/bron/kortbestek" in s or "/bron/persbericht" in s
            for s in sources
        )
        assert values(together, iri, BD.voorgesteldDoor)
    # Otherwise two, never a wrong merge: same date, other title; untitled items.
    assert (len(listed), len(listed - cited)) == (10, 6)
    # The evaluations' decisions keep their IRIs: the lists only add to them.
    assert cited <= set(together.entities)
    conforms(together)


def test_list_items_carry_dates_proposers_amounts_and_approval_as_the_text_gives_them() -> None:
    conv = run(LISTS / "kortbestek-2021-05-07-harde-regels.txt")
    found = decisions(conv)
    assert len(found) == 3 and all("/beslissing/2021-05-07/" in i for i in found)
    [dossier57] = [
        i
        for i in found
        if values(conv, i, DCT.title)
        == [
            Literal(
                "Plan Vlaamse Veerkracht: dossier 57",
                "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString",
                "nl",
            )
        ]
    ]
    amounts = sorted(
        (str(o.lexical))
        for s in values(conv, dossier57, BD.bedrag)
        for o in values(conv, str(s), "https://schema.org/value")
    )
    assert amounts == ["1500000", "2500000"]  # "EUR 2.500.000", "€ 1,5 miljoen"
    proposers = values(conv, dossier57, BD.voorgesteldDoor)
    assert len(proposers) == 3
    offices = mandate_labels(conv)
    assert offices == [
        "Minister",
        "Minister-president",
        "Viceminister-president",
        "Vlaams minister van Welzijn, Volksgezondheid en Gezin",
    ]
    [kind] = values(conv, dossier57 + "#beslissing", BD.goedkeuringssoort)
    assert kind.endswith("/goedkeuringssoort/definitieve-goedkeuring")
    [date] = values(
        conv,
        dossier57 + "#beslissing",
        "https://data.vlaanderen.be/ns/dossier#Activiteit.startdatum",
    )
    assert date == Literal("2021-05-07", "http://www.w3.org/2001/XMLSchema#date")
    conforms(conv)


def test_no_approval_concept_where_the_text_states_none() -> None:
    text = (
        "Beslissingen van de Vlaamse Regering van 3 maart 2022\n\n"
        "Overleg met de sociale partners\n\n"
        "Op voorstel van minister Hilde Crevits\n\nDe Vlaamse Regering bespreekt het overleg.\n"
    )
    conv = convert([SourceText.from_string("lijst.txt", text)], BASE)
    [item] = decisions(conv)
    assert values(conv, item + "#beslissing", BD.goedkeuringssoort) == []
    assert (
        values(conv, item + "#beslissing", "https://data.vlaanderen.be/ns/besluitvorming#resultaat")
        == []
    )
    conforms(conv)


@pytest.mark.parametrize(
    ("text", "values_"),
    [
        ("1,2 miljoen euro", ["1200000"]),
        ("200.000 euro", ["200000"]),
        ("EUR 2.500.000", ["2500000"]),
        ("€ 3,5 miljard", ["3500000000"]),
        ("12 000 000 euro", ["12000000"]),
        ("€350.000,00", ["350000"]),
        ("850 k€", ["850000"]),
        ("1,5 mln. euro", ["1500000"]),
        ("5.000.000 EUR", ["5000000"]),
        ("14,75 miljoen euro", ["14750000"]),
    ],
)
def test_amounts_in_every_notation_are_exact(text: str, values_: list[str]) -> None:
    from beleidsdata.mapping.decisions import find_amounts
    from beleidsdata.mapping.terms import decimal

    assert [decimal(a.value).lexical for a in find_amounts(f"Er gaat {text} naar.")] == values_


# Incremental ingest agrees with converting everything at once ----------------------------


def test_a_third_export_of_a_report_moves_no_decision_of_the_first_two(new_db: NewDb) -> None:
    """When a document arrives that both exports of a report depend on, they are mapped
    again with each other's stored facts: the bare dates keep the titles the sibling gave."""
    from beleidsdata.pipeline import ingest
    from beleidsdata.store import open_store

    a = read_source(EVAL / "evaluatie-7.2.1-kale-datums-export-a.txt")
    b = read_source(EVAL / "evaluatie-7.2.1-kale-datums-export-b.txt")
    # A third export with bare dates only: the titles still come from export B alone.
    c = SourceText.from_string(
        "evaluatie-7.2.1-kale-datums-export-c.txt",
        a.text.replace("# Een slagkrachtige", "# Derde export: een slagkrachtige"),
    )
    store = open_store(new_db(), BASE)
    try:
        ingest(store, [a, b])
        third = ingest(store, [c])
        assert sorted(third.remapped) == sorted(Path(d.name).name for d in (a, b))
        assert not [i for i in third.deleted if "/beslissing/" in i]
        assert not third.warnings
        everything = run(
            EVAL / "evaluatie-7.2.1-kale-datums-export-a.txt",
            EVAL / "evaluatie-7.2.1-kale-datums-export-b.txt",
        )
        stored = store.entity_states(set(decisions(everything)))
        assert set(stored) == set(decisions(everything))
    finally:
        store.close()


# The command line: warnings on stderr, truncated texts refused unless --partial ------------


def test_convert_prints_each_note_as_a_warning_and_refuses_a_cut_text_unless_partial() -> None:
    from support import cli

    cut = FIXTURES / "afgebroken" / "resolutie-afgebroken-midden-in-punt.txt"
    refused = cli("convert", str(cut))
    assert refused.returncode == 2 and refused.stdout == ""
    [line] = refused.stderr.strip().splitlines()
    assert line.startswith(f"error: {cut}:15: the last clause stops mid-sentence")
    accepted = cli("convert", "--partial", "--format", "nt", str(cut))
    assert accepted.returncode == 0
    assert "https://w3id.org/beleidsdata/ns#onvolledig" in accepted.stdout
    assert accepted.stderr.splitlines() == [
        "warning: resolutie-afgebroken-midden-in-punt.txt:15: the last clause stops mid-sentence"
    ]
    bare = cli(
        "convert", "--format", "nt", str(EVAL / "evaluatie-8.3.2-verwijzingen-zonder-datum.txt")
    )
    assert bare.returncode == 0
    assert [w.split(": ")[1] for w in bare.stderr.splitlines()] == [
        "evaluatie-8.3.2-verwijzingen-zonder-datum.txt:31",
        "evaluatie-8.3.2-verwijzingen-zonder-datum.txt:33",
        "evaluatie-8.3.2-verwijzingen-zonder-datum.txt:35",
    ]
