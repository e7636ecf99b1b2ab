"""Specification of the mededeling/nota parser (``beleidsdata.sources.communication``).

The real sample fixes the facts the issue asks for; the fixtures in
``tests/fixtures/mededeling/`` fix the variants of the same family (a nota with a decision,
Windows line endings with plain headings, missing sections with four ministers, bold-only
headings). Small inline texts pin down single rules.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from beleidsdata.sources.base import SourceError, SourceText, Span
from beleidsdata.sources.communication import (
    KIND,
    LABEL,
    Communication,
    Section,
    detect,
    parse,
)

ROOT = Path(__file__).parents[2]
SAMPLE = ROOT / "data/samples/mededeling-slimme-regio-vlaanderen.txt"
FIXTURES = ROOT / "tests/fixtures/mededeling"


def load(path: Path) -> SourceText:
    return SourceText.from_bytes(path.name, path.read_bytes())


def text(body: str, name: str = "inline.txt") -> SourceText:
    return SourceText.from_string(name, body)


def titles(sections: tuple[Section, ...]) -> list[tuple[str | None, str]]:
    return [(s.number, s.title) for s in sections]


@pytest.fixture(scope="module")
def doc() -> Communication:
    return parse(load(SAMPLE))


# --------------------------------------------------------------------------- contract


def test_module_contract() -> None:
    assert KIND == "mededeling"
    assert LABEL == "Communication or note to the Flemish Government (mededeling/nota)"


def test_detect_claims_the_sample_and_fixtures() -> None:
    assert detect(load(SAMPLE)) >= 0.9
    for path in sorted(FIXTURES.glob("*.txt")):
        assert detect(load(path)) >= 0.9, path.name


@pytest.mark.parametrize(
    "name",
    [
        p.name
        for p in sorted((ROOT / "data/samples").glob("*"))
        if p.name != SAMPLE.name and p.is_file()
    ],
)
def test_detect_rejects_the_other_samples(name: str) -> None:
    assert detect(load(ROOT / "data/samples" / name)) < 0.3


def test_parse_is_deterministic() -> None:
    source = load(SAMPLE)
    assert parse(source) == parse(source)


# --------------------------------------------------------------------------- the sample


def test_sample_header(doc: Communication) -> None:
    assert doc.doc_type == "mededeling"
    assert doc.subject == "Uitbouw van Slimme Regio Vlaanderen"
    assert doc.subject_span == Span(9, 9)
    assert doc.span == Span(3, 351)
    assert doc.issuers == (
        "VLAAMS MINISTER VAN BUITENLANDSE ZAKEN, CULTUUR, ICT EN FACILITAIR MANAGEMENT",
        "VLAAMS MINISTER VAN ECONOMIE, INNOVATIE, WERK, SOCIALE ECONOMIE EN LANDBOUW",
        "VLAAMS MINISTER VAN BINNENLANDS BESTUUR, BESTUURSZAKEN, INBURGERING EN GELIJKE KANSEN",
    )
    assert doc.document_number is None
    assert doc.preamble == ""


def test_sample_summary(doc: Communication) -> None:
    assert doc.summary.startswith("Deze mededeling geeft duiding bij de aanpak")
    assert doc.summary.endswith("in de uitbouw van de slimme regio Vlaanderen.")
    assert doc.summary.count("\n\n") == 1  # two paragraphs
    assert doc.summary_span == Span(11, 15)


def test_sample_has_nine_top_level_sections_whatever_their_heading_level(
    doc: Communication,
) -> None:
    assert titles(doc.sections) == [
        ("1", "REGEERAKKOORD"),
        ("2", "ACHTERGROND"),
        ("3", "VISIE"),  # "### 3."
        ("4", "UITDAGINGEN"),
        ("5", "KANTELPUNT"),
        ("6", "STRATEGIE"),
        ("7", "PLAN VAN AANPAK"),  # "# 7."
        ("8", "GOVERNANCE"),
        ("9", "CONCLUSIE"),  # "## **9. CONCLUSIE**"
    ]
    assert [s.span for s in doc.sections] == [
        Span(17, 28),
        Span(31, 43),
        Span(45, 100),
        Span(102, 164),
        Span(166, 168),
        Span(170, 183),
        Span(186, 317),
        Span(319, 335),
        Span(337, 339),
    ]


def test_sample_nine_challenges_under_uitdagingen(doc: Communication) -> None:
    challenges = doc.section("4").subsections
    assert titles(challenges) == [
        ("A", "NOOD AAN EEN DUIDELIJKE RICHTING"),  # "### A."
        ("B", "NOOD AAN OPSCHALING EN VERDUURZAMING"),  # "## **B. …**"
        ("C", "NOOD AAN SAMENWERKING EN KENNISDELING"),
        ("D", "NOOD AAN INCLUSIE EN EEN SOCIALE DIMENSIE"),
        ("E", "NOOD AAN FOCUS EN PARTICIPATIE"),
        ("F", "NOOD AAN MEER ZICHTBAARHEID EN IMPACT"),
        ("G", "NOOD AAN COMMUNICATIE OVER MAATSCHAPPELIJKE VOORDELEN"),
        ("H", "NOOD AAN PERFORMANTE DATA-INFRASTRUCTUUR"),
        ("I", "NOOD AAN BETAALBARE OPLOSSINGEN"),  # letter I, not roman one
    ]
    assert challenges[0].span == Span(104, 110)
    assert challenges[-1].span == Span(162, 164)
    assert doc.section("4").text == ""
    # A paragraph cut by a page break is joined again, its hyphen kept.
    assert "elkaars smart city-werking te leren kennen" in doc.section("4.A").text
    assert "de bouw van Digital Twins van de steden" in doc.section("4.D").text


def test_sample_strategy_publishes_the_seven_points_it_lists(doc: Communication) -> None:
    strategy = doc.section("6")
    assert "streven we 8 strategische doelstellingen na:" in strategy.text  # announced
    assert [item.number for item in strategy.items] == ["1", "2", "3", "4", "5", "6", "7"]
    assert strategy.items[0].text.startswith("De Vlaamse overheid ondersteunt op basis van")
    assert strategy.items[0].span == Span(174, 174)
    assert strategy.items[1].span == Span(178, 178)
    assert strategy.items[-1].text.startswith("We ontzorgen de overheden in Vlaanderen")
    assert strategy.items[-1].span == Span(183, 183)
    assert strategy.subsections == ()
    assert "\n1. De Vlaamse overheid ondersteunt" in strategy.text  # items stay in the text


def test_sample_plan_van_aanpak(doc: Communication) -> None:
    plan = doc.section("7")
    assert titles(plan.subsections) == [
        ("A", "GOVERNANCE"),
        ("B", "WERKBANKEN"),
        ("C", "COMMUNICATIE"),
        ("D", "FINANCIERING EN ROLVERDELING"),
    ]
    assert titles(doc.section("7.B").subsections) == [
        ("1", "Werkbank Use Cases"),
        ("2", "Werkbank Digitaal Bouwplan"),
        ("3", "Werkbank Matchmaking"),
        ("4", "Werkbank Financiering"),  # "####"
    ]
    assert doc.section("7.B").span == Span(221, 271)
    assert doc.section("7.B.4").span == Span(259, 271)
    # "8. GOVERNANCE" continues the top level, it is not a fifth werkbank.
    assert doc.section("8").title == "GOVERNANCE"


def test_sample_minister_blocks_under_financiering(doc: Communication) -> None:
    blocks = doc.section("7.D").subsections
    assert titles(blocks) == [
        (None, "Voor de minister bevoegd voor ICT en AIV"),  # "### ➤ **…**"
        (None, "Voor de minister bevoegd voor Binnenlands Bestuur en ABB"),
        # written as a bold list line, recognised as the same series
        (None, "Voor de minister bevoegd voor Economie en Innovatie en VLAIO en departement EWI"),
    ]
    assert [b.span for b in blocks] == [Span(283, 287), Span(289, 299), Span(300, 317)]
    assert blocks[0].text.splitlines() == [
        "- Het actief werken op de totstandkoming van standaarden en interoperabiliteit",
        "- Het creëren van de Vlaamse dataspace;",
        "- Sterke betrokkenheid bij kernteam, stuurgroep en klankbordgroep Smart Flanders "
        "zodat de taken van deze organen gerealiseerd worden;",
    ]
    assert "\n  - Functioneren vanuit een quadruple helix-perspectief\n" in blocks[1].text
    assert doc.section("7.D").text.startswith("De drie betrokken kernpartners")


def test_sample_lists_tables_and_page_furniture(doc: Communication) -> None:
    governance = doc.section("7.A").text
    assert "- 5 overlegorganen, waarvan 3 organen" in governance  # "✓" marker dropped
    assert "\n  - Enerzijds toeziet op de uitvoer" in governance  # nested item indented
    assert "KPMG Advisory" not in governance  # "©2020 KPMG …" furniture
    assert "\n3\n" not in governance  # lone page number
    visie = doc.section("3").text
    assert "- Smart Mobility\n- Smart Environment\n- Smart Living" in visie
    assert "Strategie & Governance | Een lange termijn strategisch kader uitwerken" in visie
    assert "**" not in visie and "<b>" not in visie


def test_sample_signatories(doc: Communication) -> None:
    assert [(s.name, s.written_name, s.portfolio, s.span) for s in doc.signatories] == [
        (
            "Jan Jambon",
            "Jan JAMBON",
            "Vlaams minister van Buitenlandse Zaken, Cultuur, ICT en Facilitair Management",
            Span(341, 343),
        ),
        (
            "Hilde Crevits",
            "Hilde CREVITS",
            "Vlaams minister van Economie, Innovatie, Werk, Sociale economie en Landbouw",
            Span(345, 347),
        ),
        (
            "Bart Somers",
            "Bart SOMERS",
            "Vlaams minister van Binnenlands Bestuur, Bestuurszaken, Inburgering en Gelijke Kansen",
            Span(349, 351),
        ),
    ]
    assert (doc.signatories[0].given_name, doc.signatories[0].family_name) == ("Jan", "Jambon")
    assert "Jan JAMBON" not in doc.section("9").text


def test_sample_footnote_and_coalition_agreement_references(doc: Communication) -> None:
    assert len(doc.footnotes) == 1
    note = doc.footnotes[0]
    assert (note.number, note.cited_in, note.span) == ("1", "1", Span(23, 23))
    assert "Slimme Regio's[1]." in doc.section("1").text  # marker kept, definition moved
    assert "Uit het deel" not in doc.section("1").text

    refs = doc.agreement_references
    assert [(r.kind, r.section, r.span) for r in refs] == [
        ("section", "1", Span(17, 28)),
        ("footnote", "1", Span(23, 23)),
        ("mention", "3", Span(47, 47)),
        ("mention", "7.B.3", Span(249, 249)),
    ]
    section, footnote, visie, matchmaking = refs
    assert section.text.startswith("Het Vlaams regeerakkoord schuift een duidelijke ambitie")
    assert footnote.section_title == (
        "Vlaanderen verder uitbouwen tot een Slimme Regio met performante fysieke en "
        "digitale infrastructuur"
    )
    assert footnote.pages == "45-46"
    assert visie.text == "Dit is een duidelijke ambitie uit het Regeerakkoord 2019-2024."
    assert visie.section_title is None
    assert matchmaking.text.startswith("Hoewel de subsidiëring van de IBN's in het algemeen")


def test_sample_spans_nest(doc: Communication) -> None:
    def check(section: Section) -> None:
        assert doc.span.start <= section.span.start <= section.span.end <= doc.span.end
        for sub in section.subsections:
            assert section.span.start < sub.span.start <= sub.span.end <= section.span.end
            check(sub)
        for item in section.items:
            assert section.span.start < item.span.start <= item.span.end <= section.span.end

    for section in doc.sections:
        check(section)
    starts = [s.span.start for _, s in doc.walk()]
    assert starts == sorted(starts)


def test_walk_paths(doc: Communication) -> None:
    paths = [path for path, _ in doc.walk()]
    assert paths[:4] == ["1", "2", "3", "4"]
    assert paths.count("7.D") == 4  # the section and its three unnumbered blocks
    assert "7.B.4" in paths
    with pytest.raises(KeyError):
        doc.section("7.B.5")


# --------------------------------------------------------------------------- variants


def test_nota_with_one_minister_and_decision_points() -> None:
    nota = parse(load(FIXTURES / "nota-een-minister-beslissing.txt"))
    assert nota.doc_type == "nota"
    assert nota.subject == (
        "ontwerp van besluit van de Vlaamse Regering tot wijziging van het besluit over de "
        "subsidiëring van lokale digitale projecten - principiële goedkeuring"
    )
    assert nota.subject_span == Span(9, 10)
    assert nota.document_number == "VR 2021 0406 DOC.0345"
    assert nota.issuers == (
        "DE VLAAMSE MINISTER VAN FINANCIËN EN BEGROTING, WONEN EN ONROEREND ERFGOED",
    )
    assert nota.summary == "" and nota.summary_span is None
    assert titles(nota.sections) == [
        ("1", "SITUERING"),
        ("2", "INHOUD VAN HET ONTWERP"),
        ("3", "BEGROTINGSIMPACT"),
        ("4", "VOORSTEL VAN BESLISSING"),
    ]
    # The repeated "VLAAMSE REGERING" page header and "Pagina 2 van 3" are furniture.
    assert nota.section("3").text == "Het ontwerp heeft geen weerslag op de begroting van 2021."
    assert [i.text for i in nota.section("2").items] == [
        "de subsidiegrens wordt verhoogd;",
        "de indieningstermijn wordt verlengd;",
        "de rapportering wordt vereenvoudigd.",
    ]
    decision = nota.section("4")
    assert decision.subsections == ()  # short numbered lines stay decision points
    assert nota.decision_points == decision.items
    assert [(p.number, p.span) for p in nota.decision_points] == [
        ("1", Span(38, 38)),
        ("2", Span(40, 40)),
        ("3", Span(42, 42)),
    ]
    assert nota.decision_points[2].text == "Akte te nemen van deze nota"
    assert decision.text.startswith("De Vlaamse Regering beslist:\n\n1. Het ontwerp")
    assert [(s.name, s.portfolio, s.span) for s in nota.signatories] == [
        (
            "Matthias Diependaele",
            "Vlaamse minister van Financiën en Begroting, Wonen en Onroerend Erfgoed",
            Span(44, 46),
        )
    ]
    assert nota.attachments == ("ontwerp van besluit",)
    assert [(r.kind, r.section, r.section_title, r.pages) for r in nota.agreement_references] == [
        ("mention", "1", None, None),
        ("footnote", "1", "Een slimme overheid voor iedereen", "120"),
    ]


def test_windows_line_endings_extra_whitespace_and_plain_headings() -> None:
    path = FIXTURES / "mededeling-crlf-platte-koppen.txt"
    assert b"\r\n" in path.read_bytes()
    med = parse(load(path))
    assert med.doc_type == "mededeling"
    assert med.subject == "Stand van zaken van de Vlaamse dataspace"
    assert med.summary == (
        "Deze mededeling brengt verslag uit over de eerste fase van de Vlaamse dataspace en "
        "de verdere planning."
    )
    assert med.summary_span == Span(10, 13)
    assert titles(med.sections) == [
        ("1", "REGEERAKKOORD"),
        ("2", "STAND VAN ZAKEN"),
        ("3", "PLANNING"),  # "3.<tab>PLANNING", after a page number "4"
    ]
    assert titles(med.section("2").subsections) == [
        ("A", "TECHNISCHE BASIS"),
        ("B", "PILOOTPROJECTEN"),
    ]
    assert med.section("2.A").text == (
        "Er werd een eerste versie van de dataspace opgeleverd. De organisatiemodellen voor "
        "lokale besturen worden verder uitgewerkt."
    )
    assert med.section("2.B").text == (
        "Drie pilootprojecten zijn gestart:\n\n"
        "- luchtkwaliteit in Gent;\n- parkeerdata in Leuven;\n- waterstanden in de Denderregio."
    )
    planning = med.section("3")
    assert planning.span == Span(36, 41)
    assert [(i.number, i.text) for i in planning.items] == [
        ("1", "uitbreiding naar tien steden;"),
        ("2", "opening voor private partners."),
    ]
    assert planning.subsections == ()
    assert [s.name for s in med.signatories] == ["Jan Jambon", "Bart Somers"]
    assert [(r.kind, r.section) for r in med.agreement_references] == [("section", "1")]


def test_missing_sections_and_four_ministers() -> None:
    med = parse(load(FIXTURES / "mededeling-vier-ministers-ontbrekende-secties.txt"))
    assert med.subject == "Gezamenlijke aanpak van cyberveiligheid bij lokale besturen"
    assert len(med.issuers) == 6
    assert titles(med.sections) == [("1", "INLEIDING"), ("3", "AANPAK"), ("5", "CONCLUSIE")]
    assert titles(med.section("3").subsections) == [
        ("A", "SENSIBILISERING"),
        ("C", "ONDERSTEUNING"),
    ]
    assert titles(med.section("3.C").subsections) == [("1", "Helpdesk"), ("2", "Oefeningen")]
    assert med.section("5").span == Span(36, 38)
    assert [(s.name, s.family_name, s.portfolio) for s in med.signatories] == [
        (
            "Jan Jambon",
            "Jambon",
            "Minister-president van de Vlaamse Regering, Vlaams minister van Buitenlandse "
            "Zaken, Cultuur, ICT en Facilitair Management",
        ),
        (
            "Ben Weyts",
            "Weyts",
            "Viceminister-president van de Vlaamse Regering, Vlaams minister van Onderwijs, "
            "Sport, Dierenwelzijn en Vlaamse Rand",
        ),
        (
            "Zuhal Demir",
            "Demir",
            "Vlaamse minister van Justitie en Handhaving, Omgeving, Energie en Toerisme",
        ),
        (
            "Anna Van den Bossche",
            "Van den Bossche",
            "Vlaamse minister van Mobiliteit en Openbare Werken",
        ),
    ]
    assert med.signatories[0].span == Span(40, 43)
    assert med.signatories[3].written_name == "Anna VAN DEN BOSSCHE"
    assert med.summary == "" and med.agreement_references == ()


def test_bold_only_headings() -> None:
    med = parse(load(FIXTURES / "mededeling-vette-koppen.txt"))
    assert med.subject == "Digitale inclusie in de zorg"  # "**Betreft:** …"
    assert med.summary == "Deze mededeling schetst hoe de zorgsector digitale drempels wegwerkt."
    assert titles(med.sections) == [
        ("1", "CONTEXT"),
        ("2", "AANPAK"),
        (None, "VOORSTEL VAN BESLISSING"),
    ]
    assert titles(med.section("1").subsections) == [
        ("A", "Digitale drempels"),
        ("B", "Bestaande initiatieven"),
    ]
    assert med.section("1").text == "Steeds meer zorg verloopt digitaal. Niet iedereen kan volgen."
    aanpak = med.section("2")
    # A bold sentence is text, not a heading; short bold lines are unnumbered blocks.
    assert aanpak.text == "Deze aanpak wordt in 2022 geëvalueerd en waar nodig bijgestuurd."
    assert titles(aanpak.subsections) == [
        (None, "Voor de eerstelijnszones"),
        (None, "Voor de ziekenhuizen"),
    ]
    assert med.sections[2].text == "De Vlaamse Regering neemt kennis van deze mededeling."
    assert med.decision_points == ()
    assert [s.name for s in med.signatories] == ["Wouter Beke"]


# --------------------------------------------------------------------------- single rules

HEAD = "NOTA AAN DE VLAAMSE REGERING\n\nBetreft: proef\n\n"
SIGN = "\nDe Vlaamse minister van Proeven,\n\nAn PROEF\n"


def test_a_numbered_list_inside_a_subsection_does_not_swallow_the_next_section() -> None:
    body = "## 1. EERSTE\n\n## A. Luik\n\n" + "".join(
        f"### {n}. Punt {n}\n\ntekst {n}.\n\n" for n in range(1, 5)
    )
    med = parse(text(HEAD + body + "## 2. TWEEDE\n\nslot.\n" + SIGN))
    assert titles(med.sections) == [("1", "EERSTE"), ("2", "TWEEDE")]
    assert len(med.section("1.A").subsections) == 4
    # Both levels expect "2" after "1": the capitals decide.
    body = "## 1. EERSTE\n\n### 1. Punt een\n\ntekst.\n\n### 2. TWEEDE\n\ntekst.\n"
    med = parse(text(HEAD + body + SIGN))
    assert titles(med.sections) == [("1", "EERSTE"), ("2", "TWEEDE")]
    assert titles(med.section("1").subsections) == [("1", "Punt een")]


def test_dotted_and_roman_numbering() -> None:
    body = (
        "# I. EERSTE DEEL\n\n## 1. Inleiding\n\ntekst.\n\n## 1.1 Doel\n\ntekst.\n\n"
        "## 1.2 Scope\n\ntekst.\n\n## 2. Kader\n\ntekst.\n\n# II. TWEEDE DEEL\n\ntekst.\n"
    )
    med = parse(text(HEAD + body + SIGN))
    assert titles(med.sections) == [("I", "EERSTE DEEL"), ("II", "TWEEDE DEEL")]
    assert titles(med.section("I").subsections) == [("1", "Inleiding"), ("2", "Kader")]
    assert titles(med.section("I.1").subsections) == [("1.1", "Doel"), ("1.2", "Scope")]


def test_roman_numbering_reads_subtractive_numerals() -> None:
    numerals = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
    body = "".join(f"# {numeral}. DEEL\n\ntekst.\n\n" for numeral in numerals)
    med = parse(text(HEAD + body + SIGN))
    assert [s.number for s in med.sections] == list(numerals)


def test_letters_that_are_no_roman_numeral_stay_in_the_title() -> None:
    body = "# I. EERSTE DEEL\n\ntekst.\n\n# IIII. GEEN NUMMER\n\ntekst.\n"
    med = parse(text(HEAD + body + SIGN))
    # Not a numbered section: an unnumbered block in the section before it, text intact.
    assert titles(med.sections) == [("I", "EERSTE DEEL")]
    assert titles(med.section("I").subsections) == [(None, "IIII. GEEN NUMMER")]


def test_unnumbered_sections_before_the_numbering_and_decision_at_the_end() -> None:
    body = (
        "INLEIDING\n\nEen inleiding.\n\n1. Situering\n\nTekst.\n\n2. Inhoud\n\nTekst.\n\n"
        "VOORSTEL VAN BESLISSING\n\nDe Vlaamse Regering beslist:\n\n"
        "1° akte te nemen van deze nota\n\n2° de minister te gelasten met de uitvoering\n"
    )
    med = parse(text(HEAD + body + SIGN))
    assert titles(med.sections) == [
        (None, "INLEIDING"),
        ("1", "Situering"),
        ("2", "Inhoud"),
        (None, "VOORSTEL VAN BESLISSING"),
    ]
    assert [(p.number, p.text) for p in med.decision_points] == [
        ("1", "akte te nemen van deze nota"),
        ("2", "de minister te gelasten met de uitvoering"),
    ]


def test_text_before_the_first_heading_is_the_preamble() -> None:
    med = parse(text(HEAD + "Losse inleidende tekst.\n\n1. EERSTE\n\nTekst.\n" + SIGN))
    assert med.preamble == "Losse inleidende tekst."
    assert titles(med.sections) == [("1", "EERSTE")]


def test_footnotes_after_the_signatures() -> None:
    body = "1. REGEERAKKOORD\n\nZoals gevraagd<sup>2</sup>.\n"
    med = parse(text(HEAD + body + SIGN + '\n<sup>2</sup> Deel "Een veilig Vlaanderen", p. 12\n'))
    assert [s.name for s in med.signatories] == ["An Proef"]
    assert [(f.number, f.cited_in) for f in med.footnotes] == [("2", "1")]
    assert [(r.kind, r.section_title, r.pages) for r in med.agreement_references] == [
        ("section", None, None),
        ("footnote", "Een veilig Vlaanderen", "12"),
    ]


def test_no_signatures_is_allowed() -> None:
    med = parse(text(HEAD + "1. EERSTE\n\nTekst.\n"))
    assert med.signatories == ()
    assert med.section("1").text == "Tekst."


# --------------------------------------------------------------------------- errors


def test_missing_subject_is_an_error_naming_the_line() -> None:
    source = text("# MEDEDELING AAN DE VLAAMSE REGERING\n\n## 1. INLEIDING\n\nTekst.\n", "m.txt")
    with pytest.raises(SourceError) as caught:
        parse(source)
    assert caught.value.line == 2
    assert "Betreft" in caught.value.message
    assert str(caught.value).startswith("m.txt:2: expected a 'Betreft: <subject>' line")


def test_empty_subject_is_an_error() -> None:
    source = text("NOTA AAN DE VLAAMSE REGERING\n\nBetreft:\n\n## 1. INLEIDING\n\nTekst.\n")
    with pytest.raises(SourceError) as caught:
        parse(source)
    assert caught.value.line == 3
    assert "no subject" in caught.value.message


def test_missing_document_type_is_an_error() -> None:
    source = text("VLAAMS MINISTER VAN PROEVEN\n\nBetreft: iets\n\n1. EERSTE\n\nTekst.\n")
    with pytest.raises(SourceError) as caught:
        parse(source)
    assert caught.value.line == 3
    for form in ("MEDEDELING", "BISNOTA", "OMZENDBRIEF"):
        assert form in caught.value.message


@pytest.mark.parametrize(
    ("line", "form", "agenda"),
    [
        ("MEDEDELING AAN DE VLAAMSE REGERING", "mededeling", "mededeling"),
        ("NOTA AAN DE VLAAMSE REGERING", "nota", "nota"),
        ("NOTA AAN DE LEDEN VAN DE VLAAMSE REGERING", "nota", "nota"),
        ("BISNOTA AAN DE VLAAMSE REGERING", "bisnota", "nota"),
        ("Conceptnota aan de Vlaamse Regering", "conceptnota", "nota"),
        ("VISIENOTA VOOR DE VLAAMSE REGERING", "visienota", "nota"),
        ("OMZENDBRIEF", "omzendbrief", None),
        ("OMZENDBRIEF VO/2021/02", "omzendbrief", None),
    ],
)
def test_the_family_of_notes_keeps_its_form(line: str, form: str, agenda: str | None) -> None:
    record = parse(
        text(f"VLAAMS MINISTER VAN PROEVEN\n\n{line}\n\nBetreft: iets\n\n1. EERSTE\n\nTekst.\n")
    )
    assert (record.doc_type, record.agenda_type) == (form, agenda)


@pytest.mark.parametrize(
    "line", ["VERSLAG VAN DE VERGADERING", "ADVIES VAN DE SERV", "Omzendbrief van 3 mei"]
)
def test_what_is_truly_something_else_is_refused_with_the_known_forms(line: str) -> None:
    with pytest.raises(SourceError) as caught:
        parse(
            text(f"VLAAMS MINISTER VAN PROEVEN\n\n{line}\n\nBetreft: iets\n\n1. EERSTE\n\nTekst.\n")
        )
    assert "BISNOTA" in caught.value.message and caught.value.line == 5


def test_plain_text_export_with_tabs_and_dotted_numbers() -> None:
    source = text(
        "DE VLAAMSE MINISTER VAN FINANCIËN EN BEGROTING\n\nNOTA AAN DE VLAAMSE REGERING\n\n"
        "Betreft:\tOntwerp van decreet over de digitale overheid\n\t- Principiële goedkeuring\n\n"
        "1.\tSituering\n\nTekst over\nmeerdere regels.\n\n2.\tInhoud\n\n2.1\tDoelstelling\n\n"
        "Tekst.\n\n2.2\tBudget\n\nTekst.\n\n1. Een lijst\n2. Met punten\n\n"
        "3.\tVoorstel van beslissing\n\nDe Vlaamse Regering beslist:\n\n"
        "1°\tprincipieel goed te keuren;\n2°\tde minister te belasten met het advies.\n" + SIGN
    )
    med = parse(source)
    assert med.subject == "Ontwerp van decreet over de digitale overheid - Principiële goedkeuring"
    assert titles(med.sections) == [
        ("1", "Situering"),
        ("2", "Inhoud"),
        ("3", "Voorstel van beslissing"),
    ]
    assert med.section("1").text == "Tekst over meerdere regels."
    assert titles(med.section("2").subsections) == [("2.1", "Doelstelling"), ("2.2", "Budget")]
    assert [i.text for i in med.section("2.2").items] == ["Een lijst", "Met punten"]
    assert [p.text for p in med.decision_points] == [
        "principieel goed te keuren;",
        "de minister te belasten met het advies.",
    ]


def test_signatures_side_by_side() -> None:
    tail = (
        "\nDe Vlaamse minister van Proeven,\tDe Vlaamse minister van Testen,\n\n"
        "An PROEF\t\tBert VAN DER TEST\n"
    )
    med = parse(text(HEAD + "1. EERSTE\n\nTekst.\n" + tail))
    assert [(s.name, s.portfolio, s.span) for s in med.signatories] == [
        ("An Proef", "Vlaamse minister van Proeven", Span(9, 11)),
        ("Bert Van der Test", "Vlaamse minister van Testen", Span(9, 11)),
    ]
    assert med.section("1").text == "Tekst."


def test_a_note_cut_off_before_its_signatures_breaks_off_at_its_last_line() -> None:
    from beleidsdata import kinds

    body = (
        "MEDEDELING AAN DE VLAAMSE REGERING\n\nBetreft: iets\n\n1. EERSTE\n\nTekst die stopt in\n"
    )
    with pytest.raises(SourceError) as caught:
        kinds.parse(text(body), "mededeling")
    assert caught.value.line == 7 and "--partial" in caught.value.message
    # Ending cleanly without signatures is said, not refused.
    record = kinds.parse(text(body.replace("stopt in", "eindigt.")), "mededeling").record
    assert [n.message for n in record.notes] == ["no signing minister found at the end of the text"]
