"""The realisation status a report states ("grotendeels nagekomen"), normalised.

The reports phrase a status in many ways; an explicit "Status: …" line beats the prose of
the summary, which beats the conclusion.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .landmarks import labelled

# The realisation statuses a report can state, from kept to not kept (SKOS scheme in vocab/).
STATUS_VALUES: tuple[str, ...] = (
    "nagekomen",
    "grotendeels-nagekomen",
    "deels-nagekomen",
    "niet-nagekomen",
)

_DONE = r"(?:nagekomen|gerealiseerd|uitgevoerd|ingelost|waargemaakt)"
# How the reports phrase a status. All are searched; the earliest match in the text wins,
# the longest when two start at the same word ("niet volledig nagekomen" is "deels").
STATUS_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), status)
    for pattern, status in (
        (rf"\bniet\s+(?:volledig|helemaal|geheel)\s+{_DONE}", "deels-nagekomen"),
        (rf"\b(?:nog\s+)?niet\s+{_DONE}", "niet-nagekomen"),
        (rf"\bgrotendeels\s+{_DONE}", "grotendeels-nagekomen"),
        (rf"\bin\s+(?:grote|belangrijke)\s+mate\s+{_DONE}", "grotendeels-nagekomen"),
        (
            rf"\b(?:deels|gedeeltelijk|ten\s+dele|partieel|slechts\s+beperkt)\s+{_DONE}",
            "deels-nagekomen",
        ),
        (rf"\b(?:volledig|helemaal|geheel)\s+{_DONE}", "nagekomen"),
        (r"\bnagekomen\b", "nagekomen"),
    )
)
# "… onderzoekt of de beloften zijn nagekomen" asks, it does not state: a bare match with
# "of" (whether) earlier in the same clause is ignored.
_WHETHER = re.compile(r"\bof\b[^.,;:!?]*$", re.IGNORECASE)


def find_status(text: str) -> str | None:
    """The realisation status a sentence states, normalised to one of :data:`STATUS_VALUES`."""
    hits: list[tuple[int, int, str]] = []
    for pattern, status in STATUS_PATTERNS:
        for match in pattern.finditer(text):
            if status == "nagekomen" and _WHETHER.search(text[: match.start()]):
                continue
            hits.append((match.start(), -(match.end() - match.start()), status))
    return min(hits)[2] if hits else None


_STATUS_LABEL = labelled("status|realisatiestatus|beoordeling")


def report_status(lines: Sequence[str], summary: str, conclusion: str | None) -> str | None:
    """The status of the report: a "Status: …" line, else the summary, else the conclusion."""
    labels = [m.group("rest") for line in lines if (m := _STATUS_LABEL.match(line.strip()))]
    return next(
        (found for text in [*labels, summary, conclusion or ""] if (found := find_status(text))),
        None,
    )
