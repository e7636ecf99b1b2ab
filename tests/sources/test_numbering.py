"""Specification of the numbering every parser shares (``beleidsdata.sources.numbering``).

Communications number sections "IV.", resolutions label points "iv)": both read a Roman
numeral by the same rules, so a label means the same in every kind of document.
"""

from __future__ import annotations

import pytest

from beleidsdata.sources.numbering import SECTION_NUMBER, roman_value, to_roman


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("i", 1),
        ("iii", 3),
        ("iv", 4),
        ("ix", 9),
        ("xiv", 14),
        ("xxxix", 39),
        ("XL", 40),
        ("XLIX", 49),
        ("LI", 51),
        ("XC", 90),
        ("CD", 400),
        ("MCMXCIV", 1994),
    ],
)
def test_canonical_numerals_in_either_case(numeral: str, value: int) -> None:
    assert roman_value(numeral) == value
    assert roman_value(numeral.swapcase()) == value


@pytest.mark.parametrize(
    "text",
    [
        "",  # nothing
        "iiii",  # four is "iv"
        "vx",  # five is "v"
        "IL",  # 49 is "XLIX"
        "iix",  # eight is "viii"
        "vv",  # ten is "x"
        "MMMM",  # past 3999
        "Iv",  # one case throughout
        "ivy",  # not a numeral letter
        "a",
    ],
)
def test_what_is_not_a_numeral(text: str) -> None:
    assert roman_value(text) is None


def test_every_number_round_trips() -> None:
    for number in range(1, 4000):
        numeral = to_roman(number)
        assert roman_value(numeral) == number
        assert roman_value(numeral.upper()) == number


def test_to_roman_refuses_numbers_without_a_numeral() -> None:
    assert to_roman(0) == ""
    for number in (-1, 4000):
        with pytest.raises(ValueError, match="no Roman numeral"):
            to_roman(number)


@pytest.mark.parametrize(
    ("line", "number", "rest"),
    [
        ("2.3.5 Vlaanderen verder uitbouwen", "2.3.5", "Vlaanderen verder uitbouwen"),
        ("2.3. Economie", "2.3", "Economie"),
        ("2 Een welvarend Vlaanderen", "2", "Een welvarend Vlaanderen"),
    ],
)
def test_section_numbers(line: str, number: str, rest: str) -> None:
    match = SECTION_NUMBER.match(line)
    assert match is not None
    assert match.groups() == (number, rest)


@pytest.mark.parametrize("line", ["2019-2024 Regeerakkoord", "123 euro", "2.3.5", "Titel 2.3"])
def test_years_amounts_and_bare_numbers_are_no_section_numbers(line: str) -> None:
    assert SECTION_NUMBER.match(line) is None
