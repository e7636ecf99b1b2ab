"""Specification of the Flemish Parliament resolution/motion parser.

The real sample (a PDF-extracted resolution on a "Slim Vlaanderen") fixes the exact
structure; the fixtures under tests/fixtures/resolutie/ cover the rest of the family:
motions, other clause phrases, other numbering, title blocks, Windows line endings and
OCR noise.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from beleidsdata.sources import resolution
from beleidsdata.sources.base import SourceError, SourceText, Span
from beleidsdata.sources.resolution import Clause, Point, Resolution, detect, parse

ROOT = Path(__file__).parents[2]
SAMPLES = ROOT / "data/samples"
SAMPLE = SAMPLES / "resolutie-slim-vlaanderen.txt"
FIXTURES = ROOT / "tests/fixtures/resolutie"


def load(path: Path) -> SourceText:
    return SourceText.from_bytes(path.name, path.read_bytes())


def text_source(text: str) -> SourceText:
    return SourceText.from_string("inline.txt", text)


def walk(points: tuple[Point, ...]) -> Iterator[Point]:
    for point in points:
        yield point
        yield from walk(point.parts)


def shape(res: Resolution) -> list[tuple[str, str, str, list[tuple[str, ...]]]]:
    """What a resolution says, without where it says it (spans) or how labels look."""

    def flat(points: tuple[Point, ...], prefix: str = "") -> list[tuple[str, ...]]:
        out: list[tuple[str, ...]] = []
        for p in points:
            out.append((prefix + p.number, p.text))
            out.extend(flat(p.parts, prefix + p.number + "."))
        return out

    return [(c.type, c.intro, c.text, flat(c.points)) for c in res.clauses]


@pytest.fixture(scope="module")
def sample() -> Resolution:
    return parse(load(SAMPLE))


@pytest.fixture(scope="module")
def citations(sample: Resolution) -> tuple[Point, ...]:
    return sample.clauses[0].points


@pytest.fixture(scope="module")
def recitals(sample: Resolution) -> tuple[Point, ...]:
    return sample.clauses[1].points


@pytest.fixture(scope="module")
def requests(sample: Resolution) -> tuple[Point, ...]:
    return sample.clauses[2].points


# --------------------------------------------------------------------------- contract


def test_module_contract() -> None:
    assert resolution.KIND == "resolutie"
    assert resolution.LABEL == "Flemish Parliament resolution or motion"


def test_records_are_frozen_and_use_tuples(sample: Resolution) -> None:
    assert isinstance(sample.clauses, tuple)
    assert all(isinstance(c, Clause) and isinstance(c.points, tuple) for c in sample.clauses)
    assert all(
        isinstance(p.parts, tuple) and isinstance(p.span, Span)
        for c in sample.clauses
        for p in walk(c.points)
    )
    with pytest.raises(dataclasses.FrozenInstanceError):
        sample.clauses[0].points[0].text = "changed"  # type: ignore[misc]


# --------------------------------------------------------------------------- detection


def test_detects_the_sample_resolution() -> None:
    assert detect(load(SAMPLE)) >= 0.8


@pytest.mark.parametrize(
    "name", sorted(p.name for p in SAMPLES.glob("*.txt") if p.name != SAMPLE.name)
)
def test_does_not_claim_the_other_samples(name: str) -> None:
    assert detect(load(SAMPLES / name)) < 0.3


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.txt")))
def test_detects_every_variant(name: str) -> None:
    assert detect(load(FIXTURES / name)) >= 0.8


def test_the_preamble_without_clauses_is_not_enough() -> None:
    source = text_source("Het Vlaams Parlement, dat vandaag vergadert, keurde niets goed.\n")
    assert detect(source) < 0.3


# --------------------------------------------------------------------------- the sample


def test_sample_document_level_fields(sample: Resolution) -> None:
    assert sample.kind == "resolutie"
    assert sample.author == "Vlaams Parlement"
    assert sample.preamble == "Het Vlaams Parlement,"
    assert sample.title is None and sample.document_number is None and sample.date is None
    assert sample.span == Span(1, 315)


def test_sample_has_three_clauses_in_order(sample: Resolution) -> None:
    assert [(c.type, c.intro, c.text) for c in sample.clauses] == [
        ("citation", "gelet op", ""),
        ("recital", "overwegende dat", ""),
        ("request", "vraagt de Vlaamse Regering om", ""),
    ]
    assert [c.span for c in sample.clauses] == [Span(3, 59), Span(61, 114), Span(116, 315)]
    assert sample.of_type("recital") == (sample.clauses[1],)


def test_sample_key_is_a_stable_short_hash(sample: Resolution) -> None:
    assert re.fullmatch(r"[0-9a-f]{12}", sample.key)
    assert parse(load(SAMPLE)).key == sample.key


def test_sample_key_ignores_line_wrapping_and_line_endings(sample: Resolution) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    rewrapped = "\r\n".join(line for line in text.split("\n") if line.strip())
    assert parse(text_source(rewrapped)).key == sample.key


def test_twelve_citations_numbered_in_order(citations: tuple[Point, ...]) -> None:
    assert [p.number for p in citations] == [str(n) for n in range(1, 13)]
    assert [p.label for p in citations][:2] == ["1°", "2°"]


def test_first_citation_has_lettered_and_roman_sub_points(citations: tuple[Point, ...]) -> None:
    first = citations[0]
    assert first.text == (
        "de ‘Visie 2050. Een langetermijnstrategie voor Vlaanderen’, die onder meer bestaat uit:"
    )
    assert first.span == Span(4, 25)
    a, b = first.parts
    assert (a.number, b.number) == ("a", "b")
    assert [p.number for p in a.parts] == ["i", "ii", "iii"]
    assert [p.number for p in b.parts] == ["i", "ii", "iii", "iv", "v"]
    # A blank line in the middle of a sentence does not end the point.
    assert a.text == (
        "de volgende duurzame ontwikkelingsdoelen (sustainable development goals of SDG’s):"
    )
    assert a.parts[1].text == (
        "SDG 9: bouw veerkrachtige infrastructuur uit, bevorder inclusieve en duurzame "
        "industrialisatie en promoot innovatie;"
    )
    assert a.parts[1].span == Span(13, 15)
    assert b.text == "transitieprioriteiten zoals:"
    assert b.parts[-1].text == "werken aan een vlot en veilig mobiliteitssysteem;"
    assert b.parts[-1].span == Span(25, 25)


def test_other_citations_have_their_own_text_only(citations: tuple[Point, ...]) -> None:
    assert citations[1].text == (
        "het beleidsplan Binnenlands Bestuur en Stedenbeleid 2014-2019 – Vlaanderen;"
    )
    assert citations[2].text == (
        "de beleidsnota Werk, Economie, Wetenschap en Innovatie 2014-2019 "
        "(Parl. St. Vl.Parl. 2014-15, nr. 144/1);"
    )
    assert citations[-1].text == (
        "de hoorzittingen van 14 juni en 5 juli 2018 met sectororganisaties, academici, "
        "lokale besturen en praktijkexperts (Parl.St. Vl.Parl. 2016-17, nr. 1099/2);"
    )
    assert citations[-1].span == Span(57, 59)
    assert all(not p.parts for p in citations[1:])


def test_twelve_recitals(recitals: tuple[Point, ...]) -> None:
    assert [p.number for p in recitals] == [str(n) for n in range(1, 13)]
    assert recitals[0].text == (
        "de Vlaamse overheid het voortouw moet nemen in nieuwe digitale toepassingen en "
        "transformaties, met een nieuwe en verhoogde focus op technologie, digitalisering "
        "en netwerkinfrastructuur;"
    )
    assert recitals[-1].text == (
        "een gedecentraliseerde uitwerking van slimme steden en gemeenten een meer "
        "overkoepelend kader vergt op Vlaams niveau;"
    )


def test_a_number_after_a_leading_space_is_not_lost(recitals: tuple[Point, ...]) -> None:
    third, fourth = recitals[2], recitals[3]
    assert third.text.endswith(
        "Niet-persoonsgebonden overheidsdata worden algemeen bruikbaar en ze worden "
        "opengesteld voor de ontwikkeling van nieuwe toepassingen;"
    )
    assert third.span == Span(72, 76)
    # " 4° Vlaamse ondernemingen…" starts with a space; "organisa-" + "tiemodellen" joins.
    assert fourth.text == (
        "Vlaamse ondernemingen ondersteuning nodig hebben in de complexiteit van nieuwe "
        "technologieën. Dankzij gerichte kennisdiffusie en een slim ondersteuningsbeleid "
        "kunnen de grote en vooral ook de kleine ondernemers een automatische "
        "innovatiereflex ontwikkelen voor producten en organisatiemodellen;"
    )
    assert fourth.span == Span(77, 81)


def test_five_requests_with_their_lettered_sub_points(requests: tuple[Point, ...]) -> None:
    assert [p.number for p in requests] == ["1", "2", "3", "4", "5"]
    assert [len(p.parts) for p in requests] == [10, 10, 11, 4, 6]
    letters = "abcdefghijk"
    for request in requests:
        assert [p.number for p in request.parts] == list(letters[: len(request.parts)])


def test_request_texts(requests: tuple[Point, ...]) -> None:
    assert requests[0].text.startswith(
        "een versterkt ‘Slim Vlaanderen’-beleid te voeren, een voortrekkers- en regierol op "
        "te nemen, en Vlaanderen verder uit te bouwen"
    )
    assert requests[0].text.endswith("Dat houdt onder meer in:")
    assert requests[1].text == "open science en open data verder uit te bouwen door:"
    assert requests[3].parts[-1].text == (
        "het Programma Innovatieve Overheidsopdrachten (PIO) voor slimme innovatie in de "
        "publieke sector te laten aansluiten bij de ‘Smart Flanders’-doelstellingen;"
    )
    # " 5° de Vlaamse burger…" starts with a space.
    assert requests[4].text == (
        "de Vlaamse burger mee te krijgen in het ‘Slim Vlaanderen’-verhaal door:"
    )
    assert requests[4].span == Span(287, 315)
    last = requests[4].parts[-1]
    assert last.number == "f"
    assert last.text.endswith("voor het uitbouwen van de nodige studierichtingen.")
    assert last.span == Span(311, 315)


def test_roman_sub_points_of_request_1b(requests: tuple[Point, ...]) -> None:
    b = requests[0].parts[1]
    assert b.number == "b"
    assert b.text.endswith(
        "waarbij alle pijlers voor een Slim Vlaanderen worden uitgebouwd, onder meer:"
    )
    assert [p.number for p in b.parts] == ["i", "ii", "iii", "iv", "v", "vi"]
    assert [p.text for p in b.parts] == [
        "slimme mobiliteit;",
        "slimme energie en duurzaamheid;",
        "slimme veiligheid;",
        "slimme infrastructuur en dienstverlening;",
        "slimme ruimtelijke ordening en slim vastgoedbeheer;",
        "slimme citymarketing enzovoort;",
    ]
    assert b.parts[0].span == Span(132, 132)
    # The letters go on after the roman numerals.
    assert requests[0].parts[2].number == "c"


def test_a_letter_after_a_leading_space_is_not_lost(requests: tuple[Point, ...]) -> None:
    e = requests[0].parts[4]
    assert e.number == "e"
    assert e.text.startswith("fragmentatie en divergentie in het beleid tegen te gaan")
    assert e.text.endswith(
        "een virtuele ‘Slim Vlaanderen’-organisatie op te richten die een adviserende en "
        "ondersteunende rol speelt voor alle beleidsdomeinen en alle agentschappen;"
    )
    assert e.span == Span(147, 151)


def test_i_after_h_is_the_ninth_letter(requests: tuple[Point, ...]) -> None:
    second, third = requests[1], requests[2]
    ninth = second.parts[8]
    assert (ninth.number, ninth.label) == ("i", "i)")
    assert ninth.parts == ()
    assert ninth.text.startswith(
        "voldoende aandacht te besteden en initiatieven te nemen om de privacy te waarborgen"
    )
    assert ninth.span == Span(213, 219)
    assert second.parts[9].number == "j"
    assert [p.number for p in third.parts] == list("abcdefghijk")
    assert third.parts[8].text == (
        "investeert in projectoproepen naar steden en gemeenten om na te gaan in welke mate "
        "slimme toepassingen of technologische innovaties een meerwaarde kunnen betekenen;"
    )


def test_labels_inside_a_sentence_stay_text(requests: tuple[Point, ...]) -> None:
    g = requests[1].parts[6]
    assert g.text.startswith("bij de acties, vermeld in punt a) tot en met f), steeds OSLO")
    c = requests[0].parts[2]
    # A line starting with a dash inside a sentence is not a bullet.
    assert c.text == (
        "een ‘quadruple helix’-model te hanteren dat alle betrokken actoren ‒ de "
        "kennisinstellingen en onderzoekscentra, de grote en kleine ondernemingen, de "
        "burgers, de overheid en de lokale besturen ‒ connecteert als stakeholders van "
        "Slim Vlaanderen;"
    )


def test_hyphenation_is_undone_but_real_hyphens_kept(requests: tuple[Point, ...]) -> None:
    f = requests[1].parts[5]
    assert "zo veel mogelijk niet-persoonsgebonden data te ontsluiten" in f.text
    assert "Research Information Space (FRIS)" in f.text
    assert "persoonsgebonden en niet-persoonsgebonden gegevens" in requests[4].parts[2].text
    assert "Vlaanderen internationaal te laten erkennen" in requests[0].parts[9].text


def test_every_label_at_a_line_start_opens_a_point(sample: Resolution) -> None:
    """No point is lost: each line of the sample that starts with a label (after any
    leading space) is where exactly one point starts."""
    lines = load(SAMPLE).lines
    labelled = {
        n for n, line in enumerate(lines, start=1) if re.match(r"\s*(\d+°|[a-z]{1,4}\))", line)
    }
    starts = [p.span.start for c in sample.clauses for p in walk(c.points)]
    assert len(starts) == len(set(starts)) == (12 + 2 + 3 + 5) + 12 + (5 + 41 + 6)
    assert set(starts) == labelled


def test_spans_nest_and_follow_document_order(sample: Resolution) -> None:
    def check(points: tuple[Point, ...], outer: Span) -> None:
        previous_end = outer.start
        for p in points:
            assert outer.start <= p.span.start <= p.span.end <= outer.end
            assert p.span.start >= previous_end
            previous_end = p.span.end
            check(p.parts, p.span)

    for clause in sample.clauses:
        assert sample.span.start <= clause.span.start <= clause.span.end <= sample.span.end
        check(clause.points, clause.span)


def test_parsing_is_deterministic() -> None:
    source = load(SAMPLE)
    assert parse(source) == parse(source)


# --------------------------------------------------------------------------- variants


def test_motion_with_hearings_findings_and_request_without_om() -> None:
    res = parse(load(FIXTURES / "motie-gehoord-stelt-vast.txt"))
    assert res.kind == "motie"
    assert res.title == (
        "Motie van aanbeveling van mevrouw An Peeters en de heer Jan Janssens tot besluit "
        "van de interpellatie van mevrouw An Peeters tot de Vlaamse minister van Mobiliteit "
        "en Openbare Werken over de toegankelijkheid van het openbaar vervoer"
    )
    assert res.document_number == "Stuk 2345 (2019-2020) – Nr. 2"
    assert res.key == "2345-2019-2020-2"
    assert res.date == "2020-02-12"
    assert res.submitted_by == "mevrouw An Peeters en de heer Jan Janssens"
    assert [(c.type, c.intro) for c in res.clauses] == [
        ("hearing", "gehoord"),
        ("hearing", "gehoord"),
        ("finding", "stelt vast dat"),
        ("finding", "stelt vast dat"),
        ("request", "vraagt de Vlaamse Regering"),
    ]
    hearing = res.clauses[0]
    assert hearing.points == ()
    assert hearing.text == (
        "de interpellatie van mevrouw An Peeters tot de Vlaamse minister van Mobiliteit en "
        "Openbare Werken over de toegankelijkheid van het openbaar vervoer;"
    )
    assert hearing.span == Span(15, 18)
    assert res.clauses[1].text == "het antwoord van de minister;"
    assert res.clauses[2].text == (
        "nog maar een derde van de haltes toegankelijk is voor personen met een beperking;"
    )
    assert [p.text for p in res.clauses[3].points] == [
        "de reizigersinformatie onvoldoende digitaal beschikbaar is;",
        "klachten over de toegankelijkheid niet centraal worden opgevolgd;",
    ]
    request = res.clauses[4]
    assert [p.number for p in request.points] == ["1", "2", "3"]
    first = request.points[0]
    assert first.text == (
        "een actieplan op te stellen voor de toegankelijkheid van alle haltes, met:"
    )
    assert [(p.number, p.text) for p in first.parts] == [
        ("a", "een inventaris van de haltes per vervoerregio;"),
        ("b", "een tijdpad met tussentijdse doelen;"),
    ]
    assert request.points[-1].text.endswith("rapporteren over de voortgang.")
    assert res.span == Span(1, 35)


def test_windows_line_endings_and_extra_whitespace() -> None:
    path = FIXTURES / "resolutie-crlf-witruimte.txt"
    data = path.read_bytes()
    assert b"\r\n" in data and b"\t" in data
    res = parse(load(path))
    assert [(c.type, c.intro) for c in res.clauses] == [
        ("citation", "gelet op"),
        ("recital", "overwegende dat"),
        ("request", "verzoekt de Vlaamse Regering om"),
        ("recommendation", "beveelt de Vlaamse Regering aan om"),
    ]
    citation, recital, request, recommendation = res.clauses
    # A number following text on the same line, after ";", is a point of its own.
    assert [(p.number, p.text, p.span) for p in citation.points] == [
        ("1", "het Vlaams Klimaatbeleidsplan 2021-2030;", Span(5, 5)),
        (
            "2",
            "het decreet van 18 mei 1999 betreffende de organisatie van de ruimtelijke ordening;",
            Span(5, 6),
        ),
    ]
    # A first number right after the clause's colon, on the same line.
    assert [(p.number, p.text) for p in recital.points] == [
        ("1", "de zeespiegel stijgt;"),
        ("2", "de kust kwetsbaar is voor stormvloeden;"),
    ]
    assert [p.number for p in request.points] == ["1", "2", "3"]
    assert [(p.number, p.text) for p in request.points[1].parts] == [
        ("a", "de stranden op te hogen;"),
        ("b", "de duinen te beschermen;"),
    ]
    assert request.points[2].text == "jaarlijks te rapporteren;"
    assert recommendation.points == ()
    assert recommendation.text == "het overleg met Nederland te versterken."
    assert recommendation.span == Span(18, 19)


def test_line_endings_do_not_change_the_records() -> None:
    data = (FIXTURES / "resolutie-crlf-witruimte.txt").read_bytes()
    crlf = parse(SourceText.from_bytes("a.txt", data))
    lf = parse(SourceText.from_bytes("a.txt", data.replace(b"\r\n", b"\n")))
    assert crlf == lf


def test_title_block_dotted_numbers_bullets_and_page_furniture() -> None:
    res = parse(load(FIXTURES / "resolutie-stuk-opsomming.txt"))
    assert res.kind == "resolutie"
    # The two-digit session year is written out in full.
    assert res.document_number == "Stuk 1234 (2018-2019) – Nr. 5"
    assert res.key == "1234-2018-2019-5"
    assert res.date == "2018-12-19"
    assert res.title == (
        "Voorstel van resolutie van de heren Pieter De Smet en Koen Maes en mevrouw Els "
        "Claes betreffende de uitbouw van fietssnelwegen in Vlaanderen"
    )
    assert res.submitted_by == "de heren Pieter De Smet en Koen Maes en mevrouw Els Claes"
    citation, recital, request = res.clauses
    assert (citation.type, citation.intro, citation.text) == (
        "citation",
        "gelet op",
        "het Fietsbeleidsplan Vlaanderen van 2016;",
    )
    assert [(p.number, p.label) for p in recital.points] == [("1", "1."), ("2", "2."), ("3", "3.")]
    bullets = recital.points[1].parts
    assert [(p.number, p.label, p.text) for p in bullets] == [
        ("1", "-", "gevaarlijke kruispunten met gewestwegen;"),
        ("2", "-", "ontbrekende bruggen over kanalen en spoorlijnen;"),
    ]
    # The running head and footer between "pro-" and "jecten" are dropped.
    assert recital.points[2].text == (
        "de investeringen verspreid zijn over te veel kleine projecten;"
    )
    assert recital.points[2].span == Span(24, 30)
    assert [p.text for p in request.points[1].parts] == [
        "een jaarlijkse prioriteitenlijst;",
        "een publiek dashboard met de voortgang;",
    ]
    assert request.points[1].parts[0].label == "•"
    # The signature block after the last clause is not part of it.
    assert request.points[-1].text == (
        "samen met de provincies een uniforme bewegwijzering in te voeren."
    )
    assert res.span == Span(1, 38)


def test_ocr_noise() -> None:
    res = parse(load(FIXTURES / "resolutie-ocr-ruis.txt"))
    assert res.preamble == "Het VIaams Parlement ,"
    assert res.title == "RESOLUTIE betreffende de digitale inclusie van ouderen"
    assert res.submitted_by == "Jan Peeters, An Claes"
    assert res.date == "2023-03-03"
    citation, recital, request = res.clauses
    assert (citation.intro, recital.intro) == ("gelet op", "overwegende dat")
    assert [(p.number, p.label) for p in citation.points] == [("1", "1 °"), ("2", "2º")]
    # A soft hyphen at the end of a line is a hyphenation point.
    assert recital.points[1].text == "de digitalisering van de dienstverlening ouderen uitsluit;"
    letters = request.points[0].parts
    assert [p.number for p in letters] == list("abcdefghij")
    assert (letters[0].label, letters[0].text) == ("a )", "een fysiek loket in elke gemeente;")
    # "i)" right after "h) …:" and followed by "ii)" is roman; after "ii)" it is the ninth
    # letter again, since roman numerals are already open.
    h = letters[7]
    assert h.text == "de volgende offline alternatieven:"
    assert [(p.number, p.text) for p in h.parts] == [
        ("i", "een papieren formulier;"),
        ("ii", "een telefonische aanvraag;"),
    ]
    assert letters[8].text == "een financiële tegemoetkoming;"
    # A form feed and a bare page number inside a point are dropped; NBSP is a space.
    assert request.points[1].text == (
        "de ervaringen van ouderen mee te nemen in het ontwerp van digitale diensten."
    )
    assert request.points[1].span == Span(29, 32)


def test_ocr_noise_does_not_change_content_or_key() -> None:
    noisy = parse(load(FIXTURES / "resolutie-ocr-ruis.txt"))
    clean = parse(load(FIXTURES / "resolutie-ocr-schoon.txt"))
    assert shape(noisy) == shape(clean)
    assert noisy.key == clean.key


# --------------------------------------------------------------------------- edge cases


def test_motion_on_the_preamble_line_closing_the_interpellation() -> None:
    res = parse(
        text_source(
            "Het Vlaams Parlement, gehoord de interpellatie van de heer X tot minister Y over Z,\n"
            "gaat over tot de orde van de dag.\n"
        )
    )
    assert res.kind == "motie"
    assert res.preamble == "Het Vlaams Parlement,"
    assert [(c.type, c.intro, c.text) for c in res.clauses] == [
        ("hearing", "gehoord", "de interpellatie van de heer X tot minister Y over Z,"),
        ("decision", "gaat over tot de orde van de dag", "."),
    ]
    assert [c.span for c in res.clauses] == [Span(1, 1), Span(2, 2)]


def test_other_request_phrases_and_numbering_in_parentheses() -> None:
    res = parse(
        text_source(
            "Het Vlaams Parlement,\n"
            "– roept de Vlaamse Regering op om:\n1) x;\n2) y;\n"
            "– dringt er bij de federale regering op aan om de accijnzen te verlagen;\n"
            "– spreekt zijn steun uit voor de vrijwilligers.\n"
        )
    )
    assert [(c.type, c.intro, c.text) for c in res.clauses] == [
        ("request", "roept de Vlaamse Regering op om", ""),
        ("request", "dringt er bij de federale regering op aan om", "de accijnzen te verlagen;"),
        ("declaration", "spreekt zijn steun uit", "voor de vrijwilligers."),
    ]
    assert [(p.number, p.label) for p in res.clauses[0].points] == [("1", "1)"), ("2", "2)")]


def test_a_label_alone_on_its_line_takes_the_text_below() -> None:
    res = parse(
        text_source(
            "Het Vlaams Parlement,\n– vraagt de Vlaamse Regering om:\n1°\n\nde tekst;\n2°\nmeer.\n"
        )
    )
    assert [(p.number, p.text, p.span) for p in res.clauses[0].points] == [
        ("1", "de tekst;", Span(3, 5)),
        ("2", "meer.", Span(6, 7)),
    ]


def test_a_wrapped_line_starting_with_a_label_out_of_sequence_is_text() -> None:
    res = parse(
        text_source(
            "Het Vlaams Parlement,\n– vraagt de Vlaamse Regering om:\n1° x:\na) een;\n"
            "b) bij de acties, vermeld in punt\na) tot en met f), steeds iets;\nc) drie.\n"
        )
    )
    parts = res.clauses[0].points[0].parts
    assert [p.number for p in parts] == ["a", "b", "c"]
    assert parts[1].text == "bij de acties, vermeld in punt a) tot en met f), steeds iets;"


def test_i_after_h_colon_is_a_letter_when_j_follows() -> None:
    letters = "".join(f"{ch}) {ch};\n" for ch in "abcdefg")
    res = parse(
        text_source(
            "Het Vlaams Parlement,\n– vraagt de Vlaamse Regering om:\n1° x:\n"
            f"{letters}h) de volgende:\ni) negen;\nj) tien.\n"
        )
    )
    parts = res.clauses[0].points[0].parts
    assert [p.number for p in parts] == list("abcdefghij")
    assert parts[7].parts == ()


def test_a_gap_in_the_numbering_keeps_the_points() -> None:
    res = parse(
        text_source(
            "Het Vlaams Parlement,\n– vraagt de Vlaamse Regering om:\n1° x;\n2° y;\n4° z;\n5° w.\n"
        )
    )
    assert [p.number for p in res.clauses[0].points] == ["1", "2", "4", "5"]


def test_key_without_document_number_depends_on_the_clauses() -> None:
    base = "Het Vlaams Parlement,\n– vraagt de Vlaamse Regering om:\n1° x;\n2° y.\n"
    changed = base.replace("2° y.", "2° z.")
    assert parse(text_source(base)).key != parse(text_source(changed)).key
    assert parse(text_source(base)).key == parse(text_source(base.replace("1° x;", "1°  x ;"))).key


# --------------------------------------------------------------------------- errors


def test_error_when_nothing_looks_like_a_parliament_text() -> None:
    with pytest.raises(SourceError) as info:
        parse(text_source("Een gewone tekst.\nZonder clausules.\n"))
    assert info.value.line == 1
    assert "Het Vlaams Parlement" in info.value.message


def test_error_when_no_clause_follows_the_preamble() -> None:
    with pytest.raises(SourceError) as info:
        parse(text_source("Het Vlaams Parlement,\n\nDit is geen clausule.\n"))
    assert info.value.line == 3
    assert "expected a clause" in info.value.message
    assert "Dit is geen clausule." in info.value.message
    assert str(info.value).startswith("inline.txt:3: ")


def test_error_when_a_numbered_point_precedes_every_clause() -> None:
    with pytest.raises(SourceError) as info:
        parse(text_source("Het Vlaams Parlement,\n1° iets;\n– gelet op het decreet;\n"))
    assert info.value.line == 2
    assert "comes before any clause" in info.value.message


def test_error_when_a_clause_announces_points_but_has_none() -> None:
    with pytest.raises(SourceError) as info:
        parse(
            text_source(
                "Het Vlaams Parlement,\n\n– gelet op:\n1° iets;\n"
                "– vraagt de Vlaamse Regering om:\n\n"
            )
        )
    assert info.value.line == 5
    assert "expected numbered points" in info.value.message


def test_a_stray_label_at_the_start_of_a_wrapped_line_is_text() -> None:
    res = parse(
        text_source(
            "Het Vlaams Parlement,\n"
            "– gelet op het decreet van 7 mei 2004 betreffende het\n(2) agentschap;\n"
        )
    )
    (citation,) = res.clauses
    assert citation.points == ()
    assert citation.text == "het decreet van 7 mei 2004 betreffende het (2) agentschap;"
