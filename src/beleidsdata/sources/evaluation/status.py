"""The realisation status a report states ("grotendeels nagekomen"), normalised.

The reports phrase a status in many ways; an explicit "Status: …" line beats the prose of
the summary, which beats the conclusion.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .landmarks import labelled

# The realisation statuses the reports state, from kept to not kept: one concept each in
# the SKOS scheme vocab/concepten.ttl (realisatiestatus). A phrase is mapped to the level
# it names, never to a neighbour: "overwegend" is "grotendeels", "slechts beperkt" is
# "beperkt", and "niet volledig" (kept, but not wholly; how far is not said) is a level of
# its own rather than a guess at one.
STATUS_VALUES: tuple[str, ...] = (
    "nagekomen",
    "grotendeels-nagekomen",
    "niet-volledig-nagekomen",
    "deels-nagekomen",
    "beperkt-nagekomen",
    "niet-nagekomen",
)

_DONE = r"(?:nagekomen|gerealiseerd|uitgevoerd|ingelost|waargemaakt|gehaald)"
# How the reports phrase a status. All are searched; the earliest match in the text wins,
# the longest when two start at the same word ("niet volledig nagekomen" is not "niet").
STATUS_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), status)
    for pattern, status in (
        (rf"\bniet\s+(?:volledig|helemaal|geheel|volkomen)\s+{_DONE}", "niet-volledig-nagekomen"),
        (rf"\b(?:nog\s+)?(?:niet|nauwelijks|amper)\s+{_DONE}", "niet-nagekomen"),
        (
            rf"\b(?:grotendeels|overwegend|goeddeels|merendeels|in\s+(?:grote|ruime|"
            rf"belangrijke)\s+mate)\s+{_DONE}",
            "grotendeels-nagekomen",
        ),
        (
            rf"\b(?:(?:slechts\s+)?beperkt|in\s+beperkte\s+mate|maar\s+weinig)\s+{_DONE}",
            "beperkt-nagekomen",
        ),
        (
            rf"\b(?:(?:slechts\s+)?(?:deels|gedeeltelijk|ten\s+dele|partieel)|"
            rf"voor\s+een\s+deel)\s+{_DONE}",
            "deels-nagekomen",
        ),
        (rf"\b(?:volledig|helemaal|geheel|volkomen)\s+{_DONE}", "nagekomen"),
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
