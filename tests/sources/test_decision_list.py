"""Specification of the decision-list parser (beslissingenlijst), on fixtures of several
layouts and years: the meeting date, each item's title, proposers with their roles as
written, the text, and the kinds of approval the text states."""

from __future__ import annotations

from pathlib import Path

import pytest

from beleidsdata import kinds
from beleidsdata.sources import decision_list
from beleidsdata.sources.base import SourceError, SourceText
from beleidsdata.sources.decision_list import DecisionList

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "beslissingenlijst"


def read(name: str) -> DecisionList:
    path = FIXTURES / name
    return decision_list.parse(SourceText.from_bytes(str(path), path.read_bytes()))


def people(record: DecisionList) -> list[list[tuple[str, str | None]]]:
    return [[(p.name.name, p.role) for p in item.proposers] for item in record.items]


def test_every_fixture_is_detected_as_a_decision_list() -> None:
    for path in sorted(FIXTURES.iterdir()):
        source = SourceText.from_bytes(str(path), path.read_bytes())
        assert kinds.detect(source).key == "beslissingenlijst", path.name


def test_a_web_page_with_markdown_headings() -> None:
    record = read("beslissingen-2020-04-10-webpagina.md")
    assert record.date == "2020-04-10"
    assert record.title == "Beslissingen van de Vlaamse Regering"
    assert [i.title for i in record.items] == [
        "Subsidie Kenniscentrum Data en Maatschappij",
        "Noodfonds voor de cultuursector",
        "Subsidie Kenniscentrum Data en Maatschappij: evaluatie van de eerste werking",
    ]
    assert people(record) == [
        [("Hilde Crevits", "viceminister-president")],
        [("Jan Jambon", "minister-president")],
        [("Hilde Crevits", "viceminister-president"), ("Ben Weyts", "minister")],
    ]
    assert [i.approvals for i in record.items] == [
        ("subsidie-toekenning",),
        ("principiele-goedkeuring",),
        ("kennisname",),
    ]


def test_a_hard_wrapped_kortbestek_with_numbered_items() -> None:
    record = read("kortbestek-2021-05-07-harde-regels.txt")
    assert record.date == "2021-05-07"
    assert [i.title for i in record.items] == [
        "Plan Vlaamse Veerkracht: dossier 57",
        "Plan Vlaamse Veerkracht dossier 67",
        "Plan Vlaamse Veerkracht: digitale tools voor de zorg",
    ]
    # Proposals wrapped over two lines, three proposers, a role with commas in it.
    assert people(record) == [
        [
            ("Jan Jambon", "minister-president"),
            ("Hilde Crevits", "viceminister-president"),
            ("Bart Somers", "minister"),
        ],
        [("Bart Somers", "viceminister-president")],
        [("Wouter Beke", "Vlaams minister van Welzijn, Volksgezondheid en Gezin")],
    ]
    first = record.items[0]
    assert first.text.startswith("De Vlaamse Regering keurt de projectfiches van dossier 57")
    assert "\n" not in first.text  # the wrapped paragraph is one paragraph
    assert first.approvals == ("definitieve-goedkeuring",)
    assert record.items[2].approvals == ("kennisname",)  # "neemt akte"


def test_a_press_release_with_a_date_line_and_inline_proposals() -> None:
    record = read("persbericht-2023-11-17-datumregel.txt")
    assert record.date == "2023-11-17"
    [budget, academy] = record.items
    assert budget.title == (
        "Programma Vlaanderen Radicaal Digitaal: exploitatiebudget begrotingsjaar 2024"
    )
    # "Op voorstel van … Gwendolyn Rutten keurt de Vlaamse Regering … goed": the proposal
    # ends at the name, the decision is a sentence of its own.
    assert [(p.name.name, p.role) for p in budget.proposers] == [
        (
            "Gwendolyn Rutten",
            "Vlaamse minister van Binnenlands Bestuur, Bestuurszaken, Inburgering en "
            "Gelijke Kansen",
        )
    ]
    assert budget.text.startswith("De Vlaamse Regering keurt het exploitatiebudget")
    assert budget.approvals == ("goedkeuring",)
    assert academy.approvals == ("subsidie-toekenning",)


def test_items_without_titles() -> None:
    record = read("beslissingen-2019-12-20-zonder-titels.txt")
    assert record.date == "2019-12-20"  # "20.12.2019"
    assert [i.title for i in record.items] == [None, None]
    assert people(record) == [
        [
            (
                "Hilde Crevits",
                "Vlaams minister van Economie, Innovatie, Werk, Sociale economie en Landbouw",
            )
        ],
        [("Ben Weyts", "viceminister-president")],
    ]
    assert record.items[0].text.startswith("De Vlaamse Regering hecht haar principiële")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Beslissingen van de Vlaamse Regering\n\nDe regering vergaderde.\n", "no decisions"),
        (
            "Beslissingen\n\nOp voorstel van minister Jan Jambon\n\nDe Vlaamse Regering keurt "
            "het goed.\n",
            "no meeting date",
        ),
    ],
)
def test_what_is_no_decision_list_is_refused_with_a_reason(text: str, message: str) -> None:
    with pytest.raises(SourceError) as caught:
        decision_list.parse(SourceText.from_string("x.txt", text))
    assert message in caught.value.message and caught.value.line == 1


def test_a_list_cut_off_mid_sentence_breaks_off_at_its_last_line() -> None:
    text = (
        "Beslissingen van de Vlaamse Regering van 3 maart 2022\n\nOp voorstel van minister "
        "Ben Weyts\n\nDe Vlaamse Regering keurt het ontwerp van besluit over de\n"
    )
    with pytest.raises(SourceError) as caught:
        kinds.parse(SourceText.from_string("x.txt", text), "beslissingenlijst")
    assert caught.value.line == 5 and "--partial" in caught.value.message
