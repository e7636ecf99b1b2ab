"""Specification of the evaluation-report parser, on the shipped samples and fixtures."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from beleidsdata import kinds
from beleidsdata.sources import agreement, evaluation
from beleidsdata.sources.base import SourceError, SourceText, Span
from beleidsdata.sources.evaluation import STATUS_VALUES, EvaluationReport, find_status

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "data" / "samples"
FIXTURES = ROOT / "tests" / "fixtures" / "evaluatie"

DATES = [
    "2021-06-04",
    "2020-07-17",
    "2019-12-20",
    "2023-12-22",
    "2021-12-03",
    "2020-12-04",
    "2023-05-05",
    "2019-12-20",
    "2021-01-29",
    "2022-02-11",
    "2020-06-19",
    "2021-06-25",
    "2020-04-10",
    "2021-05-07",
    "2021-05-07",
    "2021-06-18",
    "2021-06-25",
    "2021-10-22",
    "2020-11-27",
    "2021-07-16",
    "2021-12-17",
    "2022-11-18",
    "2023-11-17",
    "2021-07-16",
    "2022-07-15",
    "2021-09-17",
]
THEMES = [
    ("Digitale Infrastructuur en Slimme Regio-initiatieven", (0, 1, 2, 3, 4, 5, 6)),
    ("Ondernemerschap en Digitale Platformen", (7, 8, 9)),
    ("Ondersteuning voor Innovatie en Ondernemers", (7, 10, 8)),
    ("Regulering, Ethiek en Cyberspace Veiligheid", (5, 11, 12)),
    ("Initiële Infrastructuur en Ondersteunende Maatregelen", (13, 14, 15)),
    ("Onderwijs en Digitale Competenties", (16, 17)),
    ("Digitalisering van Overheid en Dienstverlening", (18, 19, 20, 21, 22)),
    ("Algemene Bevindingen", (23, 16, 17, 24, 25)),
]


def load(path: Path) -> SourceText:
    return SourceText.from_bytes(path.name, path.read_bytes())


def text_source(text: str, name: str = "test.txt") -> SourceText:
    return SourceText.from_string(name, text)


@pytest.fixture(scope="module")
def report_a() -> EvaluationReport:
    return evaluation.parse(load(SAMPLES / "evaluatie-2.3.5-export-a.txt"))


@pytest.fixture(scope="module")
def report_b() -> EvaluationReport:
    return evaluation.parse(load(SAMPLES / "evaluatie-2.3.5-export-b.txt"))


# ------------------------------------------------------------------------------- contract


def test_module_contract() -> None:
    assert evaluation.KIND == "evaluatie"
    assert evaluation.LABEL == "Evaluation of a coalition-agreement section"
    assert STATUS_VALUES == (
        "nagekomen",
        "grotendeels-nagekomen",
        "niet-volledig-nagekomen",
        "deels-nagekomen",
        "beperkt-nagekomen",
        "niet-nagekomen",
    )


def test_records_are_frozen(report_a: EvaluationReport) -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        report_a.title = "x"  # type: ignore[misc]
    assert isinstance(report_a.findings, tuple)
    assert isinstance(report_a.references, tuple)


# --------------------------------------------------------------------------------- detect


@pytest.mark.parametrize("name", ["evaluatie-2.3.5-export-a.txt", "evaluatie-2.3.5-export-b.txt"])
def test_detect_recognises_both_exports(name: str) -> None:
    source = load(SAMPLES / name)
    assert evaluation.detect(source) >= 0.7
    assert agreement.detect(source) < evaluation.detect(source)


@pytest.mark.parametrize(
    "name",
    [
        "mededeling-slimme-regio-vlaanderen.txt",
        "resolutie-slim-vlaanderen.txt",
        "vlaamse-digitale-strategie.txt",
    ],
)
def test_detect_rejects_other_kinds(name: str) -> None:
    assert evaluation.detect(load(SAMPLES / name)) < 0.3


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.txt")), ids=lambda p: p.name)
def test_detect_recognises_fixtures(path: Path) -> None:
    source = load(path)
    assert evaluation.detect(source) >= 0.5
    assert agreement.detect(source) < evaluation.detect(source)


# ----------------------------------------------------------------------- export A (sample)


def test_a_title_and_section(report_a: EvaluationReport) -> None:
    title = (
        "Vlaanderen verder uitbouwen tot een Slimme Regio met performante fysieke en "
        "digitale infrastructuur"
    )
    assert report_a.title == title
    section = report_a.section
    assert section is not None
    assert section.number == "2.3.5"
    assert section.title == title
    assert section.text.startswith(
        "Met het economisch- en innovatiebeleid nemen we het voortouw voor de transitie"
    )
    assert section.text.endswith("het beste van Vlaanderen aan de wereld laat zien.")
    assert "  " not in section.text
    assert section.span == Span(3, 5)


def test_a_summary_status_conclusion(report_a: EvaluationReport) -> None:
    assert report_a.summary.startswith("De plannen uiteengezet in het regeerakkoord")
    assert report_a.summary.endswith("uit de verstrekte documenten kunnen worden gehaald.")
    assert report_a.status == "deels-nagekomen"
    assert report_a.conclusion is not None
    assert report_a.conclusion.startswith("Hoewel niet alle details en de volledige omvang")
    assert report_a.conclusion.endswith("naarmate nieuwe uitdagingen en kansen zich voordoen.")
    assert "Conclusie" not in report_a.conclusion


def test_a_findings(report_a: EvaluationReport) -> None:
    assert [(f.theme, f.citations) for f in report_a.findings] == THEMES
    first = report_a.findings[0]
    lines = first.text.split("\n")
    assert len(lines) == 5  # one bullet a line
    assert lines[0] == (
        "Slimme Regio Vlaanderen uitgebouwd middels financiering en "
        "projectmanagement voor innovatie en kennisopbouw bij lokale besturen."
    )
    assert lines[2] == "Het project Mobilidata bevordert slimme mobiliteitsoplossingen."
    for finding in report_a.findings:
        assert "\\[" not in finding.text and "**" not in finding.text and "[" not in finding.text
    general = report_a.findings[-1]
    assert "sectoren van cultuur, onderwijs, en sociale integratie." in general.text
    assert [f.span for f in report_a.findings] == [
        Span(11, 16),
        Span(18, 19),
        Span(21, 22),
        Span(24, 25),
        Span(27, 28),
        Span(30, 31),
        Span(33, 34),
        Span(36, 37),
    ]


def test_findings_count(report_a: EvaluationReport, report_b: EvaluationReport) -> None:
    # Both exports have eight "###" sections: seven themes plus "Algemene Bevindingen"
    # (the task brief said nine; the text has eight, and the conclusion is not a finding).
    assert len(report_a.findings) == 8 == len(report_b.findings)


def test_a_references(report_a: EvaluationReport) -> None:
    refs = report_a.references
    assert [r.number for r in refs] == list(range(26))
    assert [r.date for r in refs] == DATES
    first = refs[0]
    assert first.title == (
        "Plan Vlaamse Veerkracht: Uitbouw Slimme Regio Vlaanderen door samenbrengen "
        "innovatiecapaciteit ondernemingen en stimuleren implementatie en kennisopbouw bij "
        "lokale besturen"
    )
    assert first.search_url is not None
    assert first.search_url.startswith("https://beslissingenvlaamseregering.vlaanderen.be/?search=")
    assert first.span == Span(44, 44)
    assert refs[25].span == Span(99, 99)
    assert all(r.source_path is None and r.full_text is None for r in refs)


def test_a_reference_without_title_is_kept(report_a: EvaluationReport) -> None:
    ref = report_a.references[1]
    assert (ref.number, ref.date, ref.title, ref.search_url) == (1, "2020-07-17", None, None)
    assert ref.span == Span(46, 46)


def test_a_report_span(report_a: EvaluationReport) -> None:
    assert report_a.span == Span(1, 100)


# ----------------------------------------------------------------------- export B (sample)


def test_b_title_summary_status(report_b: EvaluationReport) -> None:
    assert report_b.title.startswith("Evaluatie van de Vlaamse Regering in Naleving")
    assert report_b.section is None
    assert report_b.status == "deels-nagekomen"
    assert report_b.span == Span(1, 118)


def test_b_findings_match_a(report_a: EvaluationReport, report_b: EvaluationReport) -> None:
    assert [(f.theme, f.text, f.citations) for f in report_b.findings] == [
        (f.theme, f.text, f.citations) for f in report_a.findings
    ]
    assert report_b.findings[0].span == Span(6, 11)
    assert report_b.conclusion == report_a.conclusion
    assert report_b.summary == report_a.summary


def test_b_references_from_paths(report_b: EvaluationReport) -> None:
    refs = report_b.references
    assert [r.number for r in refs] == list(range(26))
    assert [r.date for r in refs] == DATES
    first, second = refs[0], refs[1]
    assert first.source_path == "clean/2021/06/2021-06-04-nota-60B768D8364ED90008000645.txt"
    assert (first.decision_type, first.document_id) == ("nota", "60B768D8364ED90008000645")
    assert (second.decision_type, second.document_id) == (
        "mededeling",
        "e3d82170-0fe2-11eb-9a42-a101b41f0404",
    )
    assert [r.decision_type for r in refs[2:]] == ["nota"] * 24
    assert refs[25].document_id == "61409E2F364ED900080001D5"
    assert first.span == Span(38, 38) and first.full_text_span == Span(68, 68)
    assert refs[25].span == Span(63, 63) and refs[25].full_text_span == Span(118, 118)
    assert all(r.title is None and r.search_url is None for r in refs)


def test_b_full_text_split(report_b: EvaluationReport) -> None:
    refs = report_b.references
    first = refs[0]
    assert first.full_text is not None and first.full_text.startswith("Plan Vlaamse Veerkracht")
    assert first.heading == (
        "Plan Vlaamse Veerkracht: Uitbouw Slimme Regio Vlaanderen door samenbrengen "
        "innovatiecapaciteit ondernemingen en stimuleren implementatie en kennisopbouw bij "
        "lokale besturen Uitbouw Slimme Regio Vlaanderen door het samen brengen van de "
        "innovatiecapaciteit van ondernemingen en het stimuleren van implementatie en "
        "kennisopbouw bij lokale besturen Twee ontwerpbesluiten van de Vlaamse Regering"
    )
    assert first.summary is not None
    assert first.summary.startswith("In het kader van het Relanceplan Vlaamse Veerkracht")
    assert "1,2 miljoen euro steun" in first.summary  # squashed
    # Reference 1 has a heading only (trailing spaces, no summary).
    assert (refs[1].heading, refs[1].summary) == ("Uitbouw van Slimme Regio Vlaanderen", None)
    # Reference 18 has no long title: three spaces straight after the short title.
    assert refs[18].heading == (
        "Stuurorgaan Vlaams Informatie- en ICT-beleid: invulling Programma Vlaanderen "
        "Radicaal Digitaal 2"
    )
    assert refs[18].summary is not None
    assert refs[18].summary.startswith("De Vlaamse Regering keurt de gemotiveerd e voordracht")


def test_b_headings_reconcile_with_a(
    report_a: EvaluationReport, report_b: EvaluationReport
) -> None:
    for a, b in zip(report_a.references, report_b.references, strict=True):
        assert a.date == b.date
        if a.title:
            assert b.heading is not None and b.heading.startswith(a.title)


def test_b_title_guess(report_a: EvaluationReport, report_b: EvaluationReport) -> None:
    titled = [
        (a, b) for a, b in zip(report_a.references, report_b.references, strict=True) if a.title
    ]
    assert len(titled) == 25
    wrong = [(a.number, b.title_guess) for a, b in titled if a.title != b.title_guess]
    assert wrong == []


# ------------------------------------------------------------------------------- fixtures


def test_fixture_other_section_export_a() -> None:
    report = evaluation.parse(load(FIXTURES / "evaluatie-4.2.3-export-a.txt"))
    assert report.title == "Naar een energiezuinig en betaalbaar woningpatrimonium"
    assert report.section is not None
    assert (report.section.number, report.section.title) == ("4.2.3", report.title)
    assert report.section.text.startswith("We trekken de renovatiegraad")
    assert report.status == "grotendeels-nagekomen"
    assert report.conclusion is not None and report.conclusion.startswith("De Vlaamse Regering")
    assert [(f.theme, f.citations) for f in report.findings] == [
        ("Premies en financiering", (3, 4)),
        ("Sociale huisvesting", (5, 1)),
        ("Energiehuizen en advies", (2,)),
        ("Algemene Bevindingen", (1, 3)),
    ]
    premies = report.findings[0].text.split("\n")
    assert premies[1] == (
        "Voor de laagste inkomens is de premie verhoogd, zodat ook zij kunnen renoveren."
    )  # continuation line joined to its bullet
    assert report.findings[1].text.count("\n") == 0  # one paragraph
    assert [r.number for r in report.references] == [1, 2, 3, 4, 5]
    assert report.references[1].title is None and report.references[1].date == "2021-02-05"
    assert report.references[3].title == (
        "Energiebesluit: wijziging renovatieverplichting niet-residentiële gebouwen"
    )


def test_fixture_export_b_paths_only_with_conclusion_heading() -> None:
    report = evaluation.parse(load(FIXTURES / "evaluatie-6.1.2-export-b.txt"))
    assert report.title == "Evaluatie van de Vlaamse Regering: groen in en rond de steden"
    section = report.section
    assert section is not None
    # The H1 is not the section title, so the agreement's title splitter decides.
    assert (section.number, section.title) == (
        "6.1.2",
        "Meer en kwaliteitsvol groen in en rond de steden",
    )
    assert section.text.startswith("We realiseren tegen 2024 minstens vier nieuwe stadsbossen")
    assert section.span == Span(3, 7)
    assert report.status == "niet-nagekomen"
    # "## Bevindingen" only groups the themes: it is not a finding.
    assert [f.theme for f in report.findings] == [
        "Stadsbossen",
        "Onthardingsprojecten",
        "Algemene Bevindingen",
    ]
    assert report.findings[0].citations == (0, 2)
    assert report.conclusion == (
        "De beleidsinstrumenten zijn er, maar de beloofde resultaten op het terrein blijven "
        "uit. Een versnelling is nodig om de doelstelling alsnog te halen."
    )
    refs = report.references
    assert [(r.number, r.date, r.decision_type) for r in refs] == [
        (0, "2020-10-16", "nota"),
        (1, "2021-03-26", "mededeling"),
        (2, "2022-09-23", "nota"),
        (3, "2021-07-16", "nota"),
    ]
    assert refs[1].document_id == "3c1f6a2e-8d4b-11eb-8dcd-0242ac130003"
    assert all(r.full_text is None and r.heading is None for r in refs)


def test_fixture_crlf_without_section() -> None:
    raw = (FIXTURES / "evaluatie-crlf-zonder-sectie.txt").read_bytes()
    assert b"\r\n" in raw
    report = evaluation.parse(load(FIXTURES / "evaluatie-crlf-zonder-sectie.txt"))
    assert report.section is None
    assert report.title == "Evaluatie: digitale inclusie in het onderwijs"
    # No "Samenvatting" label: the paragraph under the title is the summary.
    assert report.summary.startswith("Deze evaluatie gaat na of de beloften")
    # "… na of de beloften … zijn nagekomen" asks; "gedeeltelijk nagekomen" states.
    assert report.status == "deels-nagekomen"
    assert report.conclusion == (
        "De infrastructuur is grotendeels op orde; de menselijke kant van de digitale sprong "
        "vraagt meer aandacht."
    )
    assert [f.citations for f in report.findings] == [(0, 1), (1,)]
    first = report.references[0]
    assert first.date is None and first.decision_type is None
    assert first.heading == (
        "Digisprong: ICT-werkingsmiddelen voor scholen Ontwerpbesluit van de Vlaamse Regering "
        "betreffende de toekenning van ICT-werkingsmiddelen"
    )
    assert first.summary == (
        "De Vlaamse Regering kent 375 miljoen euro toe aan de scholen "
        "voor de aankoop van toestellen en ICT-infrastructuur."
    )
    assert first.title_guess == "Digisprong: ICT-werkingsmiddelen voor scholen"
    assert first.span == Span(17, 18) and first.full_text_span == Span(17, 18)
    assert report.references[1].title_guess == (
        "Plan Vlaamse Veerkracht: Kennis- en adviescentrum Digisprong"
    )


def test_section_matches_agreement_parser(report_a: EvaluationReport) -> None:
    path = ROOT / "tests" / "fixtures" / "regeerakkoord" / "regeerakkoord-2.3.5-een-regel.txt"
    parsed = agreement.parse(load(path))
    section = parsed.sections[0]
    assert report_a.section is not None
    assert (section.number, section.title, section.text) == (
        report_a.section.number,
        report_a.section.title,
        report_a.section.text,
    )


# --------------------------------------------------------------------------------- status


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("De plannen zijn deels nagekomen door de regering.", "deels-nagekomen"),
        ("De beloften werden gedeeltelijk nagekomen.", "deels-nagekomen"),
        ("De beloften zijn niet volledig nagekomen.", "niet-volledig-nagekomen"),
        ("De ambities zijn grotendeels nagekomen.", "grotendeels-nagekomen"),
        # Every level the reports use, as written: never rounded up or down.
        ("De beloften zijn overwegend nagekomen.", "grotendeels-nagekomen"),
        ("De beloften werden in ruime mate gerealiseerd.", "grotendeels-nagekomen"),
        ("De beloften zijn slechts beperkt nagekomen.", "beperkt-nagekomen"),
        ("De beloften werden in beperkte mate gerealiseerd.", "beperkt-nagekomen"),
        ("De beloften zijn maar weinig nagekomen.", "beperkt-nagekomen"),
        ("De doelen werden voor een deel gehaald.", "deels-nagekomen"),
        ("De beloften zijn nauwelijks nagekomen.", "niet-nagekomen"),
        ("De beloften zijn volledig nagekomen.", "nagekomen"),
        ("Alle beloften zijn nagekomen.", "nagekomen"),
        ("De beloften zijn niet nagekomen.", "niet-nagekomen"),
        ("Het plan is niet gerealiseerd.", "niet-nagekomen"),
        ("We onderzoeken of de beloften zijn nagekomen.", None),
        ("Er is vooruitgang geboekt.", None),
    ],
)
def test_find_status(text: str, expected: str | None) -> None:
    assert find_status(text) == expected


def test_explicit_status_line_wins() -> None:
    report = evaluation.parse(
        text_source(
            "# T\n\nSamenvatting\nDe beloften zijn volledig nagekomen.\n\n"
            "**Status**: grotendeels nagekomen\n\n### Thema\n- Tekst.\n"
        )
    )
    assert report.status == "grotendeels-nagekomen"


def test_status_none_when_not_stated() -> None:
    report = evaluation.parse(text_source("# T\n\n## Samenvatting\nEr gebeurde veel.\n"))
    assert report.status is None and report.findings == () and report.references == ()


# --------------------------------------------------------------------------------- errors


def _error(text: str) -> SourceError:
    with pytest.raises(SourceError) as caught:
        evaluation.parse(text_source(text, "bad.txt"))
    return caught.value


def test_citation_without_reference_is_an_error() -> None:
    error = _error(
        "# T\n\n### Thema\n- Iets \\[0\\]\\[7\\].\n\n## Referenties (s3 files)\n\n"
        "\\[0\\]: clean/2021/06/2021-06-04-nota-60B768D8364ED90008000645.txt\n"
    )
    assert error.line == 4 and "[7]" in error.message
    assert str(error).startswith("bad.txt:4: ")


def _refused(text: str) -> SourceError:
    """Refused by the registry (not by the parser): the text breaks off."""
    with pytest.raises(SourceError) as caught:
        kinds.parse(text_source(text, "bad.txt"), "evaluatie")
    assert "--partial" in caught.value.message
    return caught.value


def test_a_report_without_any_reference_list_breaks_off_at_its_last_line() -> None:
    text = "# T\n\n### Thema\n- Iets \\[2\\].\n"
    assert _refused(text).line == 4
    partial = kinds.parse(text_source(text, "bad.txt"), "evaluatie", partial=True)
    assert partial.partial and partial.record.findings[0].text == "Iets."


def test_unparseable_reference_line_names_line_and_format() -> None:
    error = _error(
        "# T\n\n## Referenties\n\n\\[0\\]: clean/2021/06/2021-06-04-nota-ABC.txt\n"
        "\n(zie ook de bijlagen)\n"
    )
    assert error.line == 7 and "expected" in error.message


def test_garbled_reference_markup_is_an_error() -> None:
    error = _error(
        "# T\n\n<details>\n<summary>Referenties</summary>\n"
        "[[0]] (https://example.org/?search=x)** : **(2021-06-04)** Titel\n"
        "</details>\n"
    )
    assert error.line == 5 and "expected" in error.message


def test_bad_source_path_is_an_error() -> None:
    error = _error("# T\n\n## Referenties (s3 files)\n\\[0\\]: clean/2021/06/nota-ABC.txt\n")
    assert error.line == 4 and "YYYY-MM-DD" in error.message


def test_unknown_decision_type_is_an_error() -> None:
    error = _error(
        "# T\n\n## Referenties (s3 files)\n\\[0\\]: clean/2021/06/2021-06-04-besluit-ABC.txt\n"
    )
    assert error.line == 4 and "besluit" in error.message


def test_invalid_date_is_an_error() -> None:
    error = _error(
        "# T\n\n<details>\n<summary>Referenties</summary>\n"
        "**[\\[0\\]]** : **(2021-02-30)** Titel\n</details>\n"
    )
    assert error.line == 5 and "2021-02-30" in error.message


def test_duplicate_reference_is_an_error() -> None:
    error = _error(
        "# T\n\n## Referenties (s3 files)\n"
        "\\[0\\]: clean/2021/06/2021-06-04-nota-ABC.txt\n"
        "\\[0\\]: clean/2021/06/2021-06-04-nota-DEF.txt\n"
    )
    assert error.line == 5 and "twice" in error.message


def test_lists_that_contradict_each_other_are_an_error() -> None:
    error = _error(
        "# T\n\n<details>\n<summary>Referenties</summary>\n"
        "**[\\[0\\]]** : **(2021-06-04)** Titel\n</details>\n\n"
        "## Referenties (s3 files)\n\\[0\\]: clean/2021/06/2021-06-05-nota-ABC.txt\n"
    )
    assert error.line == 9 and "contradicts" in error.message


def test_a_details_block_left_open_breaks_off_where_the_text_ends() -> None:
    text = (
        "# T\n\n### Thema\n- Iets \\[1\\]\\[2\\].\n\n<details>\n<summary>Referenties</summary>\n"
        "**[\\[1\\]](https://x.be/?search=A)** : **(2021-06-04)** Eerste beslissing\n"
    )
    error = _refused(text)
    assert error.line == 8 and "not closed" in error.message
    record = kinds.parse(text_source(text, "bad.txt"), "evaluatie", partial=True).record
    assert [r.title for r in record.references] == ["Eerste beslissing"]


def test_section_block_without_number_is_an_error() -> None:
    error = _error(
        "# T\n\n<details>\n<summary>Regeerakkoord Sectie</summary>\n"
        "<p>Vlaanderen verder uitbouwen</p>\n</details>\n"
    )
    assert error.line == 5 and "section number" in error.message


def test_unlabelled_section_block_and_other_blocks() -> None:
    report = evaluation.parse(
        text_source(
            "# Titel\n\n<details>\n<summary>Methode</summary>\nNiet relevant.\n</details>\n\n"
            "<details>\n<p>3.1 Titel We doen iets voor iedereen.</p>\n</details>\n\n"
            "Een samenvatting zonder label.\n"
        )
    )
    assert report.section is not None
    assert (report.section.number, report.section.title) == ("3.1", "Titel")
    assert report.section.text == "We doen iets voor iedereen."
    assert report.summary == "Een samenvatting zonder label."


def test_empty_finding_is_an_error() -> None:
    assert _error("# T\n\n### Thema\n\n**Conclusie**: klaar.\n").line == 3


def test_merged_lists_give_one_reference() -> None:
    report = evaluation.parse(
        text_source(
            "# T\n\n### Thema\n- Iets \\[0\\].\n\n"
            "## Referenties (s3 files)\n\\[0\\]: clean/2021/06/2021-06-04-nota-ABC123.txt\n\n"
            "## Referenties (full text)\n\\[0\\]: Korte titel Lange titel  Samenvatting.\n\n"
            "<details>\n<summary>Referenties</summary>\n"
            "**[\\[0\\]](https://example.org/?search=x)** : **(2021-06-04)** Korte titel\n"
            "</details>\n"
        )
    )
    (ref,) = report.references
    assert (ref.date, ref.title, ref.document_id, ref.heading, ref.summary) == (
        "2021-06-04",
        "Korte titel",
        "ABC123",
        "Korte titel Lange titel",
        "Samenvatting.",
    )
    assert ref.search_url == "https://example.org/?search=x"
    assert ref.title_guess is None  # the title is known
    assert ref.span == Span(7, 7) and ref.full_text_span == Span(10, 10)
