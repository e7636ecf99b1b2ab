"""Specification of the coalition-agreement parser, on fixtures (no agreement sample ships)."""

from __future__ import annotations

from pathlib import Path

import pytest

from beleidsdata.sources import agreement, evaluation
from beleidsdata.sources.agreement import Agreement, split_title
from beleidsdata.sources.base import SourceError, SourceText, Span

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "data" / "samples"
FIXTURES = ROOT / "tests" / "fixtures" / "regeerakkoord"
TITLE_235 = (
    "Vlaanderen verder uitbouwen tot een Slimme Regio met performante fysieke en "
    "digitale infrastructuur"
)


def load(path: Path) -> SourceText:
    return SourceText.from_bytes(path.name, path.read_bytes())


def parse_text(text: str) -> Agreement:
    return agreement.parse(SourceText.from_string("test.txt", text))


def test_module_contract() -> None:
    assert agreement.KIND == "regeerakkoord"
    assert agreement.LABEL == "Coalition agreement text (regeerakkoord)"


# ---------------------------------------------------------------------------- split_title


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            f"2.3.5 {TITLE_235} Met het economisch- en innovatiebeleid nemen we het voortouw.",
            (TITLE_235, "Met het economisch- en innovatiebeleid nemen we het voortouw."),
        ),
        (
            f"{TITLE_235} Met het economisch- en innovatiebeleid nemen we het voortouw.",
            (TITLE_235, "Met het economisch- en innovatiebeleid nemen we het voortouw."),
        ),
        ("2 Een welvarend Vlaanderen", ("Een welvarend Vlaanderen", "")),
        ("2.3 Economie", ("Economie", "")),
        ("2.3.6 Digitaal Vlaanderen voor iedereen", ("Digitaal Vlaanderen voor iedereen", "")),
        (
            "3.1 Beleidsplan AI en cybersecurity We investeren fors in onderzoek.",
            ("Beleidsplan AI en cybersecurity", "We investeren fors in onderzoek."),
        ),
        (
            "4.2 Een slimme overheid Vlaanderen zal de dienstverlening verder digitaliseren.",
            ("Een slimme overheid", "Vlaanderen zal de dienstverlening verder digitaliseren."),
        ),
        (
            "5.1 Digitale overheid: De burger centraal",
            ("Digitale overheid: De burger centraal", ""),
        ),
    ],
)
def test_split_title(line: str, expected: tuple[str, str]) -> None:
    assert split_title(line) == expected


# --------------------------------------------------------------------------------- detect


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.txt")), ids=lambda p: p.name)
def test_detect_recognises_fixtures(path: Path) -> None:
    source = load(path)
    assert agreement.detect(source) >= 0.4
    assert evaluation.detect(source) < agreement.detect(source)


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.txt")), ids=lambda p: p.name)
def test_detect_rejects_samples(path: Path) -> None:
    source = load(path)
    assert agreement.detect(source) < 0.3
    if path.name.startswith("evaluatie"):
        assert agreement.detect(source) < evaluation.detect(source)


# ---------------------------------------------------------------------------------- parse


def test_one_section_on_one_line() -> None:
    parsed = agreement.parse(load(FIXTURES / "regeerakkoord-2.3.5-een-regel.txt"))
    assert (parsed.period, parsed.title) == (None, None)
    (section,) = parsed.sections
    assert (section.number, section.title, section.parent) == ("2.3.5", TITLE_235, None)
    assert section.text.startswith("Met het economisch- en innovatiebeleid nemen we")
    assert section.text.endswith("het beste van Vlaanderen aan de wereld laat zien.")
    assert section.span == Span(1, 1) and parsed.span == Span(1, 1)


def test_chapters_and_sections_on_own_lines() -> None:
    parsed = agreement.parse(load(FIXTURES / "regeerakkoord-hoofdstukken.txt"))
    assert parsed.period == "2019-2024"
    assert parsed.title == "Vlaams Regeerakkoord 2019-2024"
    assert [(s.number, s.parent, s.title) for s in parsed.sections] == [
        ("2", None, "Een welvarend Vlaanderen"),
        ("2.3", "2", "Economie"),
        ("2.3.4", "2.3", "Een ondernemersvriendelijke overheid"),
        ("2.3.5", "2.3", TITLE_235),  # heading wrapped over two lines
        ("3", None, "Een warm Vlaanderen"),
        ("3.1", "3", "Welzijn"),
    ]
    sections = {s.number: s for s in parsed.sections}
    assert sections["2"].text == ""
    # End-of-line hyphenation undone; paragraphs separated by a blank line.
    assert sections["2.3"].text.startswith(
        "Vlaanderen is een open economie die het moet hebben van innovatie, ondernemerschap"
    )
    assert sections["2.3.5"].text.split("\n\n")[1] == (
        "We beginnen hiervoor bij de basis: we brengen Vlaanderen aan de top in digitale "
        "infrastructuur."
    )
    # A numbered list inside a section is text, one item a line; so is a footnote line.
    first_paragraph = sections["2.3.4"].text.split("\n\n")[0]
    assert first_paragraph.split("\n") == [
        "We verminderen de administratieve lasten voor ondernemers. Daarvoor zetten we de "
        "volgende stappen:",
        "1. Een digitaal loket voor elke onderneming;",
        "2. Snellere vergunningen voor bedrijventerreinen.",
    ]
    assert "5 Volgens dit principe" in sections["2.3.4"].text
    assert [s.span for s in parsed.sections] == [
        Span(3, 3),
        Span(5, 9),
        Span(11, 20),
        Span(22, 30),
        Span(32, 32),
        Span(34, 36),
    ]
    assert parsed.span == Span(1, 36)


def test_windows_line_endings_and_extra_whitespace() -> None:
    path = FIXTURES / "regeerakkoord-crlf-witruimte.txt"
    assert b"\r\n" in path.read_bytes()
    parsed = agreement.parse(load(path))
    assert parsed.period == "2019-2024"
    assert parsed.title == "Regeerakkoord 2019 - 2024"
    first, second = parsed.sections
    assert (first.number, first.title) == ("2.3.5", TITLE_235)
    assert first.text == (
        "Met het economisch- en innovatiebeleid nemen we het voortouw voor de transitie naar "
        "de digitale samenleving in Vlaanderen. Deze inspanningen moeten echter ondersteund "
        "worden."
    )
    assert (second.number, second.title) == (
        "2.3.6",
        "Een digitale overheid die werkt voor iedereen",
    )
    assert second.text.split("\n\n") == [
        "De Vlaamse overheid wordt een digitale koploper. We bouwen het e-loket verder uit tot "
        "de unieke toegangspoort tot de Vlaamse dienstverlening.",
        "Bijkomende toelichting bij 2.3.6: de dienstverlening blijft ook offline bereikbaar.",
    ]
    assert first.span == Span(4, 4) and second.span == Span(6, 8)


def test_table_of_contents_is_skipped() -> None:
    parsed = parse_text(
        "Regeerakkoord 2019-2024\n\nInhoud\n2 Een welvarend Vlaanderen\n2.3 Economie\n\n"
        "2 Een welvarend Vlaanderen\n\n2.3 Economie\nWe kiezen voor groei.\n"
    )
    assert [(s.number, s.span) for s in parsed.sections] == [
        ("2", Span(7, 7)),
        ("2.3", Span(9, 10)),
    ]
    assert parsed.sections[1].text == "We kiezen voor groei."


def test_no_sections_is_an_error() -> None:
    with pytest.raises(SourceError) as caught:
        parse_text("\nRegeerakkoord 2019-2024\n\nGeen genummerde secties hier.\n")
    assert caught.value.line == 2 and "numbered sections" in caught.value.message


def test_duplicate_section_is_an_error() -> None:
    with pytest.raises(SourceError) as caught:
        parse_text("2.3.5 Titel\nTekst.\n\n2.3.6 Andere titel\nTekst.\n\n2.3.5 Titel\nTekst.\n")
    assert caught.value.line == 7 and "2.3.5" in caught.value.message
