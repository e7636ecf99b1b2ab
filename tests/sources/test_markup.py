"""Specification of the markdown reading every parser shares (``beleidsdata.sources.markup``)."""

from __future__ import annotations

import pytest

from beleidsdata.sources.markup import markdown_heading


@pytest.mark.parametrize(
    ("line", "heading"),
    [
        ("# Titel", (1, "Titel")),
        ("## Titel ##", (2, "Titel")),
        ("### **C. Bold titel**", (3, "**C. Bold titel**")),  # inline markup stays
        ("###### Zes", (6, "Zes")),
        ("# #", (1, "")),  # a rule: the callers drop a heading without text
    ],
)
def test_headings(line: str, heading: tuple[int, str]) -> None:
    assert markdown_heading(line) == heading


@pytest.mark.parametrize("line", ["#hashtag", "####### Zeven", "Tekst # geen kop", "#", ""])
def test_what_is_not_a_heading(line: str) -> None:
    assert markdown_heading(line) is None
