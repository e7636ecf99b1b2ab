"""Specification of the strategy parser (Vlaamse Digitale Strategie and its family).

The real sample (an OCR'd PDF) fixes the exact structure: 4 axes, 9 speerpunten, 44 headed
action points where the introduction announces 36, 10 principles. The fixtures under
tests/fixtures/strategie/ cover the rest of the family: fewer speerpunten and other
action-point counts, Windows line endings and extra whitespace, other OCR noise with missing
"lopende initiatieven" sections, and other numbering depths.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from beleidsdata.sources import strategy
from beleidsdata.sources.base import SourceError, SourceText, Span
from beleidsdata.sources.strategy import (
    ActionPoint,
    Box,
    Speerpunt,
    Strategy,
    detect,
    parse,
)
from beleidsdata.sources.text import fix_ocr

ROOT = Path(__file__).parents[2]
SAMPLES = ROOT / "data/samples"
SAMPLE = SAMPLES / "vlaamse-digitale-strategie.txt"
FIXTURES = ROOT / "tests/fixtures/strategie"
SHORT = FIXTURES / "strategie-kort-drie-speerpunten.txt"
CRLF = FIXTURES / "strategie-crlf-witruimte.txt"
NOISY = FIXTURES / "strategie-ocr-ruis-zonder-initiatieven.txt"
DEPTH_ONE = FIXTURES / "strategie-nummering-een-niveau.txt"
DEPTH_THREE = FIXTURES / "strategie-nummering-drie-niveaus.txt"


def load(path: Path) -> SourceText:
    return SourceText.from_bytes(path.name, path.read_bytes())


def text_source(text: str) -> SourceText:
    return SourceText.from_string("inline.txt", text)


@pytest.fixture(scope="module")
def sample() -> Strategy:
    return parse(load(SAMPLE))


def speerpunt(doc: Strategy, number: str) -> Speerpunt:
    return next(sp for sp in doc.speerpunten if sp.number == number)


def all_texts(doc: Strategy) -> Iterator[str]:
    """Every text and title the records carry."""
    yield doc.title
    yield doc.introduction
    for sp in doc.speerpunten:
        yield from (
            sp.title,
            sp.heading,
            sp.summary or "",
            sp.introduction,
            sp.ambitions,
            sp.challenges_title or "",
            sp.challenges,
            sp.initiatives,
            sp.action_points_title or "",
            sp.action_points_intro,
            sp.principles_title or "",
            sp.principles_closing,
        )
        for ap in sp.action_points:
            yield from (ap.heading, ap.text)
        for pr in sp.principles:
            yield from (pr.title, pr.text)
        for box in sp.examples + sp.boxes:
            yield from (box.title or "", box.text)


def spans(doc: Strategy) -> Iterator[Span]:
    yield doc.span
    for axis in doc.axes:
        yield axis.span
    for sp in doc.speerpunten:
        yield sp.span
        for record in (*sp.action_points, *sp.principles, *sp.examples, *sp.boxes, *sp.subsections):
            yield record.span


# --------------------------------------------------------------------------- detection


def test_the_sample_strategy_is_recognised_with_high_confidence() -> None:
    assert detect(load(SAMPLE)) >= 0.9


@pytest.mark.parametrize(
    "path",
    sorted(p for p in SAMPLES.glob("*.txt") if p != SAMPLE)
    + sorted(
        p
        for d in ("evaluatie", "mededeling", "regeerakkoord", "resolutie")
        for p in (ROOT / "tests/fixtures" / d).glob("*.txt")
    ),
    ids=lambda p: p.name,
)
def test_evaluations_resolutions_communications_and_agreements_score_below_0_3(path: Path) -> None:
    assert detect(load(path)) < 0.3


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.txt")), ids=lambda p: p.name)
def test_every_variant_fixture_is_recognised_as_a_strategy(path: Path) -> None:
    assert detect(load(path)) >= 0.5


def test_module_contract_names() -> None:
    assert strategy.KIND == "strategie"
    assert strategy.LABEL == "Vlaamse Digitale Strategie (strategy document)"


# --------------------------------------------------------------------------- the sample


def test_title_is_taken_from_the_text(sample: Strategy) -> None:
    assert sample.title == "Vlaamse Digitale Strategie"


def test_introduction_announces_36_action_points_while_the_body_holds_44(sample: Strategy) -> None:
    assert sample.announced_action_point_count == 36
    assert len(sample.action_points) == 44


def test_introduction_is_the_signed_foreword(sample: Strategy) -> None:
    assert sample.introduction.startswith("De impact van digitaal en technologie")
    assert sample.introduction.endswith("ten voordele van de Vlaming.\n\nMatthias Diependaele")
    assert "Inleiding" not in sample.introduction


def test_four_axes_as_the_axes_section_names_them(sample: Strategy) -> None:
    assert [(a.number, a.label) for a in sample.axes] == [
        (1, "burger"),
        (2, "onderneming"),
        (3, "overheid"),
        (4, "infrastructuur"),
    ]
    assert all(a.span == Span(43, 43) for a in sample.axes)


def test_nine_speerpunten_numbered_2_1_to_2_9_with_the_titles_of_the_list(sample: Strategy) -> None:
    assert [(sp.number, sp.title) for sp in sample.speerpunten] == [
        ("2.1", "Iedereen (continu) voorbereid op de digitale toekomst"),
        ("2.2", "Sterke digitale ondernemingen en organisaties in Vlaanderen"),
        ("2.3", "Datagedreven overheid"),
        ("2.4", "De kracht van AI omarmen op een verantwoorde manier"),
        (
            "2.5",
            "Gebruiker centraal: Inclusieve digitale dienstverlening met proactieve en "
            "slimme diensten",
        ),
        ("2.6", "Digitaal veilig Vlaanderen"),
        ("2.7", "Duurzame infrastructuur"),
        ("2.8", "Versneld digitaal transformeren naar overheid als platform"),
        ("2.9", "Met oog voor maatschappelijke impact"),
    ]


def test_headings_keep_their_printed_capitals_with_ocr_repaired(sample: Strategy) -> None:
    assert (
        speerpunt(sample, "2.1").heading == "IEDEREEN (CONTINU) VOORBEREID OP DE DIGITALE TOEKOMST"
    )
    assert speerpunt(sample, "2.5").heading == (
        "GEBRUIKER CENTRAAL: INCLUSIEVE DIGITALE DIENSTVERLENING MET PROACTIEVE EN SLIMME DIENSTEN"
    )
    assert (
        speerpunt(sample, "2.8").heading
        == "VERSNELD DIGITAAL TRANSFORMEREN NAAR OVERHEID ALS PLATFORM"
    )  # not "… ONDERNEMING"
    assert speerpunt(sample, "2.9").heading == "MET OOG VOOR MAATSCHAPPELIJKE IMPACT"


def test_each_speerpunt_carries_the_description_of_the_list(sample: Strategy) -> None:
    assert speerpunt(sample, "2.3").summary == (
        "Met het oog op de vorming van een datagedreven overheid en samenleving willen de "
        "Vlaamse overheid en lokale besturen sterker inzetten op het ongehinderd laten stromen "
        "van data over beleidsdomeinen en overheidsniveaus heen om het potentieel die "
        "databronnen bieden maximaal te benutten op een ethische verantwoorde en "
        "privacyvriendelijke manier."
    )
    assert speerpunt(sample, "2.9").summary is not None
    assert "In de volgende secties" not in (speerpunt(sample, "2.9").summary or "")


def test_speerpunten_2_1_to_2_8_have_ambitions_challenges_and_running_initiatives(
    sample: Strategy,
) -> None:
    for sp in sample.speerpunten[:8]:
        assert sp.ambitions and sp.challenges and sp.initiatives, sp.number
        assert [s.kind for s in sp.subsections] == [
            "ambities",
            "uitdagingen",
            "initiatieven",
            "actiepunten",
        ]


def test_ambitions_keep_their_bullets_and_paragraphs(sample: Strategy) -> None:
    assert speerpunt(sample, "2.1").ambitions.split("\n\n")[:3] == [
        "De Vlaamse overheid ondersteunt het verwerven van digitale vaardigheden en kennis door:",
        "• het stimuleren van levenslang leren via onderwijs en op de werkvloer,",
        "• het continu aanpassen van het onderwijs- en opleidingsaanbod aan de evoluerende "
        "noden van het werkveld",
    ]


def test_challenge_titles_are_the_part_after_the_colon(sample: Strategy) -> None:
    assert [sp.challenges_title for sp in sample.speerpunten[:8]] == [
        "een degelijke basis, maar weinig ICT-talent",
        "sterk in innoveren, maar niet bij iedereen",
        "datafundamenten in orde zetten en meer samenwerken",
        "enorme mogelijkheden, maar verantwoord is de sleutel",
        "niet enkel digitale producten, maar ook gebruiksgemak",
        "veiligheid waarborgen in complexe context",
        "achterstand op het vlak van infrastructuur",  # "g.]bz" heading, "ijbenen" debris
        "ontzorgen in de digitale complexiteit",
    ]


def test_subsection_numbers_garbled_by_ocr_are_normalised(sample: Strategy) -> None:
    numbers = [s.number for sp in sample.speerpunten for s in sp.subsections]
    assert numbers == [f"2.{i}.{k}" for i in range(1, 9) for k in range(1, 5)] + ["2.9.1"]
    assert speerpunt(sample, "2.1").subsections[0].span.start == 228  # "211 Ambities"
    assert speerpunt(sample, "2.4").subsections[0].span.start == 860  # "2.41 Ambities"
    assert speerpunt(sample, "2.7").subsections[1].span.start == 1565  # "g.]bz Een schets"


def test_action_point_counts_per_speerpunt(sample: Strategy) -> None:
    assert [len(sp.action_points) for sp in sample.speerpunten] == [7, 7, 5, 5, 7, 4, 4, 5, 0]


def test_action_points_are_numbered_in_order_within_their_speerpunt(sample: Strategy) -> None:
    for sp in sample.speerpunten:
        assert [ap.number for ap in sp.action_points] == list(range(1, len(sp.action_points) + 1))
        assert all(
            sp.span.start <= ap.span.start <= ap.span.end <= sp.span.end for ap in sp.action_points
        )


def test_action_point_headings_of_the_first_speerpunt(sample: Strategy) -> None:
    assert [ap.heading for ap in speerpunt(sample, "2.1").action_points] == [
        "We ontwikkelen een actieplan digitale vaardigheden",
        "We betrekken de partnerorganisaties digitale inclusie ter ondersteuning van Vlaamse "
        "entiteiten en lokale besturen",
        "We versterken de lokale ondersteuningsplekken",
        "We passen het onderwijs aan aan digitale noden",
        "We zetten in op levenslang leren op de werkvloer",
        "We zorgen dat werkzoekenden over de juiste digitale vaardigheden beschikken",
        "We investeren in nieuwe technologieën voor cultuur, media, sport en sociale betrokkenheid",
    ]


def test_a_heading_wrapped_over_two_lines_is_one_action_point(sample: Strategy) -> None:
    ap = speerpunt(sample, "2.1").action_points[1]
    assert ap.heading == (
        "We betrekken de partnerorganisaties digitale inclusie ter "
        "ondersteuning van Vlaamse entiteiten en lokale besturen"
    )
    assert ap.span == Span(298, 303)
    assert ap.text == (
        "Partnerorganisaties digitale inclusie van het gelijkekansenbeleid, het kenniscentrum "
        "Mediawijs en VVSG, zorgen door hun centrale rol voor ondersteuning van Vlaamse "
        "entiteiten en lokale besturen bij digitale inclusiethema’s via netwerken en "
        "kennisdeling, opleidingen, tools en adviesverlening."
    )
    assert speerpunt(sample, "2.5").action_points[0].heading == (
        "We ontwikkelen een samenhangende en inclusieve overheidservaring voor de digitale "
        "dienstverlening voor burgers, ondernemingen, verenigingen en lokale besturen"
    )


def test_exactly_four_action_point_headings_do_not_start_with_we(sample: Strategy) -> None:
    assert [
        (sp.number, ap.number, ap.heading)
        for sp in sample.speerpunten
        for ap in sp.action_points
        if not ap.heading.startswith("We ")
    ] == [
        ("2.2", 5, "Administratieve vereenvoudiging en verlaging regeldruk voor ondernemingen"),
        (
            "2.2",
            7,
            "Flanders Technology & Innovation pakt structureel de grote vragen van morgen aan",
        ),
        ("2.3", 5, "Standaardisatie van dataruimtes"),
        ("2.4", 5, "Flankerend AI-beleid upgraden in samenwerking met het AI Expertisecentrum"),
    ]


def test_headings_that_end_with_a_period_keep_it(sample: Strategy) -> None:
    assert (
        speerpunt(sample, "2.8").action_points[1].heading
        == "We maken de centrale bouwstenen dé norm in elk digitaal project."
    )
    assert speerpunt(sample, "2.3").action_points[3].heading == (
        "We geven burgers meer regie over hun zorggegevens en maken veilige "
        "gegevensuitwisseling de norm binnen zorg en ondersteuning."
    )


def test_action_point_text_runs_across_page_breaks_and_ocr_blank_lines(sample: Strategy) -> None:
    text = speerpunt(sample, "2.8").action_points[2].text
    assert (
        "lokale besturen zou ontstaan waarin de Lokaal Digitaal filosofie wordt verankerd." in text
    )
    assert "verbeelding" not in text
    assert text.count("\n\n") == 2  # three paragraphs
    four = speerpunt(sample, "2.1").action_points[3].text
    assert "Kenniscentrum Digisprong dat scholen en educatieve partners ondersteunt" in four
    assert four.endswith("Kwaliteit van leermiddelen wordt gewaarborgd via o.a. keurmerken.")


def test_no_action_point_heading_is_an_example_box_quote_or_body_sentence(sample: Strategy) -> None:
    headings = {ap.heading for ap in sample.action_points}
    kept_apart = {box.title for sp in sample.speerpunten for box in sp.examples + sp.boxes}
    assert not headings & kept_apart
    for not_an_action_point in (
        "We stimuleren innovatie in de agrifood industrie",  # example
        "We gebruiken AI om werkzoekenden sneller aan een job te helpen",  # example
        "We zorgen voor automatische rechtentoekenning in het Groeipakket",  # example
        "Zes leidende principes",  # text box
        "Digitale Tweelingen",  # text box
        "AI Richtlijnen",  # a running initiative the OCR moved below 2.4.4
        "Leidende principes voor AI binnen de Vlaamse overheid",  # caption
        "Alle entiteiten maken een plan",  # diagram
        "Hoe werkt Vlaanderen samen met andere overheden?",
    ):
        assert not_an_action_point not in headings
    assert not any(
        h.startswith(
            (
                "We positioneren Smart Region Office",  # cooperation bullet
                "We verzekeren daarbij altijd",  # body sentence
                "We activeren (waar nodig)",  # cooperation paragraph
                "We kiezen voor een publieke",
            )
        )
        for h in headings
    )


def test_examples_under_strategie_in_de_praktijk_are_kept_apart(sample: Strategy) -> None:
    assert [len(sp.examples) for sp in sample.speerpunten] == [0, 1, 2, 3, 2, 0, 1, 0, 0]
    assert all(box.kind == "voorbeeld" for sp in sample.speerpunten for box in sp.examples)
    example = speerpunt(sample, "2.4").examples[0]
    assert example.title == "ILVO test en valideert AI use cases in de landbouw en voedingssector"
    assert example.text.startswith(
        "Het Instituut voor Landbouw-, Visserij- en Voedingsonderzoek (ILVO)"
    )
    assert "hun AI- en robotica-oplossingen" in example.text


def test_each_speerpunt_with_action_points_has_one_cooperation_box(sample: Strategy) -> None:
    for sp in sample.speerpunten[:8]:
        boxes = [b for b in sp.boxes if b.kind == "samenwerking"]
        assert len(boxes) == 1, sp.number
        assert boxes[0].title == "Hoe werkt Vlaanderen samen met andere overheden?"
    box = next(b for b in speerpunt(sample, "2.3").boxes if b.kind == "samenwerking")
    assert box.span == Span(841, 856)
    assert box.text.split("\n\n")[2].startswith("• We positioneren Smart Region Office")


def test_quotes_are_boxes_titled_by_their_attribution(sample: Strategy) -> None:
    quotes = [b for sp in sample.speerpunten for b in sp.boxes if b.kind == "citaat"]
    assert [q.title for q in quotes] == [
        "SASKIA VAN UFFELEN, DIGITAL CHAMPION & COORDINATOR VAN DE COALITIE VOOR DIGITALE "
        "VAARDIGHEDEN EN JOBS",
        "FRANK BECKX, VOKA",
        "MARC, VADER VAN EEN KIND MET ZWARE ZORGBEHOEFTE",
        "LIEVEN DEMAREZ, PROFESSOR UGENT",
        "BART, VLAMING MET BAKSTEEN IN DE MAAG",
        "GRIET, BEZORGDE BURGER",
        "LUC VAN DEN HOVE - CEO IMEC",
        "YOURI SEGERS, CHIEF DIGITAL OFFICER STAD ANTWERPEN",
    ]
    assert quotes[1].text.startswith("Om onze welvaart te verhogen")  # OCR '"0Om'
    assert not any("Afstuderen" in ap.text for ap in sample.action_points)


def test_text_boxes_and_footnotes_are_kept_apart(sample: Strategy) -> None:
    kaders = {b.title: b.text for sp in sample.speerpunten for b in sp.boxes if b.kind == "kader"}
    assert kaders["Zes leidende principes"] == (
        "AI binnen de Vlaamse Overheid is democratisch, betrouwbaar, mensgericht en duurzaam, "
        "met correct gebruik en beheer van data en toegepast met kennis van zaken."
    )
    assert kaders["Digitale Tweelingen"].startswith("De digitale tweeling is een virtuele")
    notes = [b for sp in sample.speerpunten for b in sp.boxes if b.kind == "voetnoot"]
    assert [(n.title, n.span) for n in notes] == [("1", Span(440, 440)), ("2", Span(716, 717))]
    assert "Onder de scope" not in speerpunt(sample, "2.2").challenges
    assert "Ulrich" not in speerpunt(sample, "2.3").action_points[0].text


def test_ten_principles_with_their_titles(sample: Strategy) -> None:
    last = speerpunt(sample, "2.9")
    assert (
        last.principles_title
        == "Dit zijn de 10 principes die we als Vlaamse overheid gaan toepassen"
    )
    assert [(p.number, p.title) for p in last.principles] == [
        (1, "Inclusieve toegang"),
        (2, "Recht op onderwijs in digitale vaardigheden en beroepsopleiding"),
        (3, "Veiligheid en beveiliging van online diensten"),
        (4, "Soevereiniteit over eigen gegevens"),
        (5, "Moderne en open digitale overheid"),
        (6, "Eerlijke digitale markt"),
        (7, "Verantwoord gebruik van data en AI-systemen"),
        (8, "Veilige online sociale omgeving"),
        (9, "Sterke, transparante en geloofwaardige democratie"),
        (10, "Digitale duurzaamheid"),
    ]
    assert last.principles[3].span == Span(1970, 1981)  # glued to the page before
    assert last.principles[0].text.count("\n\n") == 1
    assert last.principles_closing.startswith("De Vlaamse overheid zal deze basisprincipes")
    assert "basisprincipes" not in last.principles[9].text
    assert last.introduction.endswith("We laten ons daarbij leiden door 10 principes.")


def test_ocr_noise_is_corrected_in_headings_and_texts(sample: Strategy) -> None:
    texts = list(all_texts(sample))
    joined = "\n".join(texts)
    for noise in (
        "ledereen",
        "|EDEREEN",
        "technologieén",
        "efficiénte",
        "essentiéle",
        "creéren",
        "artificiéle",
        "gecodrdineerd",
        "Enquéte",
        "0.a.",
        "'’",
        "Start-Al",
        "viotter",
    ):
        assert noise not in joined, noise
    assert re.search(r"\bAl(?=[\s\-),.])", joined) is None  # "Al" for AI, in any position
    assert "van AI" in joined and "AI-adoptie" in joined and "AI en" in joined
    assert "al sinds 2019" in joined and "al die indrukwekkende" in joined  # Dutch "al"
    assert "Iedereen moet toegang hebben" in speerpunt(sample, "2.9").principles[8].text
    assert "dé norm" in joined and "één" in joined  # legitimate accents survive


def test_page_furniture_and_diagram_debris_never_reach_a_text(sample: Strategy) -> None:
    joined = "\n".join(all_texts(sample))
    for debris in (
        "verbeelding werkt",
        "/(",
        "EIRIREEY",
        "pelantWooidelns",
        "2.De9",
        "RucTOR",
        "maatis;",
        "Digitale Datagedreven",
        "STRUCTUUR R",
        "ijbenen",
        "4> Democratisch",
        "Acht voorwaarden",
        "Cloudstrategie",
    ):
        assert debris not in joined, debris
    assert re.search(r"\bunten\b", joined) is None  # "2.De9 eep / unten": the divider page
    assert speerpunt(sample, "2.1").introduction == ""


def test_every_record_has_a_valid_span_inside_the_document(sample: Strategy) -> None:
    source = load(SAMPLE)
    for span in spans(sample):
        assert 1 <= span.start <= span.end <= len(source.lines)
    for ap in sample.action_points:
        assert fix_ocr(source.line(ap.span.start)).strip().startswith(ap.heading.split()[0])


def test_records_are_frozen_with_tuples(sample: Strategy) -> None:
    ap = sample.action_points[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        ap.heading = "x"  # type: ignore[misc]
    assert isinstance(sample.speerpunten, tuple) and isinstance(ap, ActionPoint)
    assert all(isinstance(b, Box) for sp in sample.speerpunten for b in sp.boxes)


def test_parsing_the_sample_is_deterministic() -> None:
    source = load(SAMPLE)
    assert parse(source) == parse(source)


# --------------------------------------------------------------------------- variants


def test_a_short_strategy_with_three_speerpunten_and_other_counts() -> None:
    doc = parse(load(SHORT))
    assert doc.title == "Vlaamse Digitale Strategie"
    assert doc.announced_action_point_count == 6
    assert [a.label for a in doc.axes] == ["burger", "onderneming", "overheid", "infrastructuur"]
    assert [(sp.number, sp.title) for sp in doc.speerpunten] == [
        ("2.1", "Iedereen mee in de digitale samenleving"),
        ("2.2", "Een slimme en veilige overheid"),
        ("2.3", "Met oog voor maatschappelijke impact"),
    ]
    assert [len(sp.action_points) for sp in doc.speerpunten] == [2, 3, 0]
    assert [ap.heading for ap in doc.action_points] == [
        "We ontwikkelen een actieplan digitale vaardigheden voor alle Vlamingen, met "
        "bijzondere aandacht voor kwetsbare groepen",
        "Digitale inclusie in elke gemeente",
        "We zetten AI verantwoord in bij de overheid",
        "We maken data vindbaar en herbruikbaar",
        "We beveiligen de digitale overheid met een centraal veiligheidscentrum",
    ]
    assert doc.action_points[3].text.endswith(
        "open data voor iedereen die ermee aan de slag wil, zodat burgers, ondernemers en "
        "onderzoekers er nieuwe toepassingen mee kunnen bouwen."
    )  # across a page footer
    first = doc.speerpunten[0]
    assert [b.title for b in first.examples] == ["We leren senioren werken met hun digitale kluis"]
    assert [b.kind for b in first.boxes] == ["citaat", "samenwerking"]
    assert first.ambitions.endswith(
        "• Iedereen kan volwaardig deelnemen aan de digitale samenleving."
    )
    second = doc.speerpunten[1]
    assert [(b.kind, b.title) for b in second.boxes] == [
        ("kader", "Tien leidende principes"),
        ("samenwerking", "Hoe werkt Vlaanderen samen met andere overheden?"),
    ]
    assert [p.title for p in doc.speerpunten[2].principles] == [
        "Inclusieve toegang",
        "Verantwoord gebruik van data en AI-systemen",
        "Digitale duurzaamheid",
    ]
    assert doc.speerpunten[2].principles_closing.startswith("De Vlaamse overheid zal deze")


def test_windows_line_endings_and_extra_whitespace_change_nothing_but_line_numbers() -> None:
    def strip_spans(value: object) -> object:
        if isinstance(value, Span):
            return None
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            return tuple(strip_spans(getattr(value, f.name)) for f in dataclasses.fields(value))
        if isinstance(value, tuple):
            return tuple(strip_spans(v) for v in value)
        return value

    assert b"\r\n" in CRLF.read_bytes()
    plain, windows = parse(load(SHORT)), parse(load(CRLF))
    assert strip_spans(windows) == strip_spans(plain)
    assert [len(sp.action_points) for sp in windows.speerpunten] == [2, 3, 0]
    assert windows.speerpunten[1].span != plain.speerpunten[1].span


def test_other_ocr_noise_and_missing_running_initiatives() -> None:
    doc = parse(load(NOISY))
    assert doc.title == "Vlaamse Digitale Strategie"  # from the cover line in capitals
    assert doc.announced_action_point_count == 10
    assert [len(sp.action_points) for sp in doc.speerpunten] == [2, 3, 1, 2]
    assert [sp.title for sp in doc.speerpunten] == [  # no list: headings recased
        "Iedereen digitaal vaardig",
        "De kracht van AI omarmen op een verantwoorde manier en met aandacht voor ethiek",
        "Digitaal veilig Vlaanderen",
        "Duurzame infrastructuur",
    ]
    assert all(sp.summary is None for sp in doc.speerpunten)
    assert [sp.initiatives == "" for sp in doc.speerpunten] == [True, False, True, True]
    assert [s.number for s in doc.speerpunten[0].subsections] == ["2.1.1", "2.1.2", "2.1.3"]
    assert [s.number for s in doc.speerpunten[1].subsections] == [
        "2.2.1",
        "2.2.2",
        "2.2.3",
        "2.2.4",
    ]
    assert (
        doc.speerpunten[1].challenges_title
        == "enorme mogelijkheden, maar verantwoord is de sleutel"
    )
    first = doc.speerpunten[0]
    assert first.ambitions.startswith("• Iedereen in Vlaanderen beschikt")
    assert first.action_points[0].heading == "We zetten in op levenslang leren op de werkvloer"
    assert first.action_points[0].text.startswith("We ondersteunen de transformatie")
    assert first.action_points[1].text.endswith("om sneller een nieuwe job te vinden.")
    assert [b.kind for b in first.boxes] == ["voetnoot", "samenwerking"]
    assert first.challenges.count("\n\n") == 1 and "Cijfers van de VDAB" not in first.challenges
    second = doc.speerpunten[1]
    assert [ap.heading for ap in second.action_points] == [
        "We benutten AI-opportuniteiten bij overheden in Vlaanderen op een verantwoorde manier",
        "We ondersteunen scholen in de AI-evolutie",
        "Flankerend AI-beleid upgraden in samenwerking met het AI Expertisecentrum",
    ]
    assert [b.title for b in second.examples] == [
        "ILVO test AI-toepassingen in de landbouw",
        "We zetten AI in voor de energiezuinige renovatie van woningen",
    ]
    assert doc.speerpunten[2].action_points[0].heading.startswith("We versterken de digitale")
    assert doc.speerpunten[3].action_points[0].text.count("\n\n") == 1  # around a footnote
    joined = "\n".join(all_texts(doc))
    for noise in (
        "ledereen",
        "|EDEREEN",
        " Al ",
        "Al-",
        "artificiéle",
        "synergién",
        "codrdinatie",
        "Weten hoe kritisch",
        "verbeelding",
    ):
        assert noise not in joined, noise


def test_speerpunten_numbered_one_level_deep() -> None:
    doc = parse(load(DEPTH_ONE))
    assert doc.title == "Digitale Strategie"
    assert [(sp.number, sp.title) for sp in doc.speerpunten] == [
        ("1", "Iedereen mee"),
        ("2", "Een datagedreven overheid"),
        ("3", "Verbonden Vlaanderen"),
    ]
    assert [len(sp.action_points) for sp in doc.speerpunten] == [2, 2, 1]
    assert [s.number for s in doc.speerpunten[2].subsections] == ["3.1", "3.4"]
    assert doc.speerpunten[1].action_points[1].heading == "Open data als standaard"
    assert [a.label for a in doc.axes] == ["burger", "ondernemer", "overheid", "infrastructuur"]
    assert "De speerpunten zijn" not in doc.introduction
    assert "Iedereen mee" not in doc.introduction


def test_speerpunten_numbered_three_levels_deep_end_before_the_next_chapter() -> None:
    doc = parse(load(DEPTH_THREE))
    assert [(sp.number, sp.title) for sp in doc.speerpunten] == [
        ("2.1.1", "Iedereen digitaal mee"),
        ("2.1.2", "Een slimme overheid"),
    ]
    assert [len(sp.action_points) for sp in doc.speerpunten] == [2, 2]
    assert [s.number for s in doc.speerpunten[0].subsections] == [
        "2.1.1.1",
        "2.1.1.2",
        "2.1.1.3",
        "2.1.1.4",
    ]
    assert doc.speerpunten[0].action_points[1].heading == (
        "We betrekken de partnerorganisaties digitale inclusie ter ondersteuning van Vlaamse "
        "entiteiten en lokale besturen"
    )
    assert doc.introduction.startswith("Deze Vlaamse Digitale Strategie telt 2 speerpunten")
    assert "Vlaams Parlement" not in "\n".join(all_texts(doc))
    assert doc.speerpunten[-1].span.end < 58


# --------------------------------------------------------------------------- malformed input


def _short_text() -> str:
    return SHORT.read_text(encoding="utf-8")


def test_a_text_without_speerpunten_is_refused_with_what_was_expected() -> None:
    with pytest.raises(SourceError, match="expected speerpunt sections"):
        parse(text_source("Inleiding\n\nDit is geen strategie.\n"))


def test_a_gap_in_the_speerpunt_numbering_is_reported_at_its_line() -> None:
    text = re.sub(r"\b2\.2\b", "2.4", _short_text())  # 2.1, 2.4, 2.3
    with pytest.raises(SourceError, match=r"expected speerpunt 2\.2 next, found 2\.4") as err:
        parse(text_source(text))
    assert err.value.line == text.split("\n").index(" 2.4 EEN SLIMME EN VEILIGE OVERHEID") + 1


def test_an_action_point_section_without_action_points_is_reported() -> None:
    text = _short_text()
    start = text.index("We zetten Al verantwoord")
    end = text.index("Hoe werkt Vlaanderen samen met andere overheden?", start)
    broken = text[:start] + text[end:]
    with pytest.raises(SourceError, match=re.escape("expected action points after '2.2.4")) as err:
        parse(text_source(broken))
    assert (
        err.value.line
        == broken.split("\n").index("2.2.4 Slimme overheid: hiermee willen we het verschil maken")
        + 1
    )


def test_a_second_ambitions_section_in_one_speerpunt_is_reported() -> None:
    text = _short_text().replace(
        "2.1.2 Een schets van de uitdagingen",
        "2.1.2 Ambities\n\nD Nog meer ambities.\n\n2.1.5 Een schets van de uitdagingen",
    )
    with pytest.raises(SourceError, match="second 'ambitions' sub-section") as err:
        parse(text_source(text))
    assert err.value.line is not None


def test_a_subsection_numbered_under_another_speerpunt_is_reported() -> None:
    text = _short_text().replace("2.2.2 Een schets", "2.1.2 Een schets")
    with pytest.raises(SourceError, match=re.escape("numbered under 2.1")) as err:
        parse(text_source(text))
    assert (
        err.value.line
        == text.split("\n").index(
            "2.1.2 Een schets van de uitdagingen: veel data, weinig samenhang"
        )
        + 1
    )


# --------------------------------------------------------------------------- OCR repair


@pytest.mark.parametrize(
    ("noisy", "clean"),
    [
        ("|EDEREEN (CONTINU) VOORBEREID", "IEDEREEN (CONTINU) VOORBEREID"),
        ("ledereen moet toegang hebben", "Iedereen moet toegang hebben"),
        ("POD M| & FOD Economie", "POD MI & FOD Economie"),
        ("het VIaams Data-integratieplatform", "het Vlaams Data-integratieplatform"),
        ("de Al-adoptie en Al-wetgeving", "de AI-adoptie en AI-wetgeving"),
        ("kansen van Al en data", "kansen van AI en data"),
        ("Start-Al biedt", "Start-AI biedt"),
        ("hun Al- en robotica-oplossingen", "hun AI- en robotica-oplossingen"),
        ("schatten. Al biedt de overheid", "schatten. AI biedt de overheid"),
        ("Al die jaren al sinds 2019", "Al die jaren al sinds 2019"),
        ("technologieén en efficiéntie", "technologieën en efficiëntie"),
        ("essentiéle, artificiéle, financiéle", "essentiële, artificiële, financiële"),
        ("creéren, gecreéerd, geévalueerd", "creëren, gecreëerd, geëvalueerd"),
        ("Belgié scoort", "België scoort"),
        ("dé norm, één plek, élke Vlaming, café", "dé norm, één plek, élke Vlaming, café"),
        ("als €én van en op &én plek, eén keer", "als één van en op één plek, één keer"),
        ("gecodrdineerde en codperatieve", "gecoördineerde en coöperatieve"),
        ("Enquéte, geintegreerde, continuiteit", "Enquête, geïntegreerde, continuïteit"),
        ("via 0.a. keurmerken en o0.a. tools", "via o.a. keurmerken en o.a. tools"),
        ("zo'’n Thema'’s ‘'no wrong door", "zo’n Thema’s ‘no wrong door"),
        ("economie.. en democratie,.. of werk...", "economie. en democratie,.. of werk..."),
        ("MAATSCHAPPELLKE IMPACT", "MAATSCHAPPELIJKE IMPACT"),
        ("van ondernemingen! verhogen, Amai! Is", "van ondernemingen verhogen, Amai! Is"),
    ],
)
def test_fix_ocr_repairs_known_ocr_errors_and_leaves_real_words(noisy: str, clean: str) -> None:
    assert fix_ocr(noisy) == clean


def test_fix_ocr_leaves_clean_text_unchanged() -> None:
    clean = (
        "De Vlaamse overheid zet AI in. Al die jaren werkten we al samen met "
        "België, ook voor één Vlaming en dé norm."
    )
    assert fix_ocr(clean) == clean
    assert fix_ocr(fix_ocr("technologieén")) == "technologieën"
