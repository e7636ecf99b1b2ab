"""Dates as Dutch government texts write them, read in one place.

"17 juli 2020", "vrijdag 17 juli 2020", "17 JULI 2020", "17/07/2020", "17.07.2020" and
"2020-07-17" are the same day. Several kinds meet them (a resolution's title block, an
evaluation's reference list, a decision list's date line), so the rules are shared.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {
    name: i
    for i, name in enumerate(
        (
            "januari",
            "februari",
            "maart",
            "april",
            "mei",
            "juni",
            "juli",
            "augustus",
            "september",
            "oktober",
            "november",
            "december",
        ),
        start=1,
    )
}
WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")

DATE_WORDS = re.compile(rf"\b(\d{{1,2}})\s+({'|'.join(MONTHS)})\s+(\d{{4}})\b", re.I)
DATE_NUMERIC = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b")
DATE_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


@dataclass(frozen=True)
class FoundDate:
    """A date in a text: the ISO day, and where it was written (start, end offsets)."""

    iso: str
    start: int
    end: int


def find_dates(text: str) -> list[FoundDate]:
    """Every valid date in ``text``, in the order written (impossible days are skipped)."""
    found: list[FoundDate] = []
    for rx, order in ((DATE_WORDS, "dmy"), (DATE_NUMERIC, "dmy"), (DATE_ISO, "ymd")):
        for m in rx.finditer(text):
            a, b, c = m.groups()
            day, month, year = (a, b, c) if order == "dmy" else (c, b, a)
            month_no = MONTHS.get(month.lower()) if month.isalpha() else int(month)
            try:
                day_of = dt.date(int(year), month_no or 0, int(day))
            except ValueError:
                continue
            found.append(FoundDate(day_of.isoformat(), m.start(), m.end()))
    return sorted(found, key=lambda d: d.start)


def find_date(text: str) -> str | None:
    """The first valid date in ``text`` as an ISO string."""
    dates = find_dates(text)
    return dates[0].iso if dates else None
