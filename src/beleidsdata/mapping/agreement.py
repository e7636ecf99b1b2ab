"""Coalition agreement (regeerakkoord) text → an ELI work with numbered sections.

A section's IRI comes from the agreement period and its number only, so the section an
evaluation quotes and the same section converted from the agreement text are one
resource. Its place in the hierarchy comes from the number too ("2.3.5" is part of "2.3",
which is part of "2", which is part of the agreement), whoever states it.

Documents that number a section under its title (the agreement text, evaluations that
quote it) state the fact ``("sectietitel", normalised title)``, so a document that names a
section by its title only (a communication) can link to it.
"""

from __future__ import annotations

from typing import cast

from ..sources import ParsedDocument
from ..sources.agreement import Agreement
from ..sources.base import Span
from .common import Origin, part, work
from .facts import Fact, FactLookup
from .graph import GraphBuilder
from .namespaces import ELI
from .terms import IRI
from .uris import Minter, normalise_title

# Flemish legislatures: a government formed after the elections of the first year.
LEGISLATURES = (
    (1995, 1999),
    (1999, 2004),
    (2004, 2009),
    (2009, 2014),
    (2014, 2019),
    (2019, 2024),
    (2024, 2029),
    (2029, 2034),
)
# Governments took office in the autumn of an election year; decisions before October
# belong to the outgoing one.
_OFFICE_MONTH = 10
DEFAULT_PERIOD = "2019-2024"
SECTION_TITLE = "sectietitel"  # fact topic: normalised section title → [period, number]
SECTION_HEADING = "sectiekop"  # fact topic: "period/number" → the title a report states


def section_heading_fact(period: str, number: str, title: str) -> Fact:
    """The fact that a report states where this section's title ends (its title heading
    repeats it), for an agreement text whose heading runs on into the text."""
    return Fact(SECTION_HEADING, f"{period}/{number}", title)


def stated_title(
    facts: FactLookup, period: str, number: str, heading: str
) -> tuple[str, str] | None:
    """(title, rest) of a section heading that runs on ("Title Sub-heading Text…"), cut
    where the one title other documents state for this section ends, if they state one
    and the heading starts with it."""
    words = heading.split()
    cuts = set()
    for value in facts.get(SECTION_HEADING, f"{period}/{number}"):
        size = len(str(value).split())
        if normalise_title(" ".join(words[:size])) == normalise_title(str(value)):
            cuts.add(size)
    if len(cuts) != 1:
        return None
    size = cuts.pop()
    return " ".join(words[:size]), " ".join(words[size:])


def section_title_fact(period: str, number: str, title: str) -> Fact:
    """The fact that a section of this title has this number in this agreement."""
    return Fact(SECTION_TITLE, normalise_title(title), [period, number])


def section_by_title(minter: Minter, facts: FactLookup, title: str) -> IRI | None:
    """The agreement section other documents number under this title, if exactly one."""
    found = {tuple(cast(list[str], v)) for v in facts.get(SECTION_TITLE, normalise_title(title))}
    if len(found) != 1:
        return None
    period, number = next(iter(found))
    return minter.agreement_section(period, number)


def legislature_of(date: str) -> str | None:
    """The legislature (``"2019-2024"``) a decision of this ISO date belongs to."""
    year, month = int(date[:4]), int(date[5:7])
    for start, end in LEGISLATURES:
        after_start = (year, month) >= (start, _OFFICE_MONTH)
        before_end = (year, month) < (end, _OFFICE_MONTH)
        if after_start and before_end:
            return f"{start}-{end}"
    return None


def period_from_dates(dates: list[str]) -> str | None:
    """The legislature most of these decision dates fall in."""
    counts: dict[str, int] = {}
    for d in dates:
        period = legislature_of(d)
        if period:
            counts[period] = counts.get(period, 0) + 1
    if not counts:
        return None
    return max(sorted(counts), key=lambda p: counts[p])


def agreement_iri(out: GraphBuilder, origin: Origin, period: str, span: Span | None) -> IRI:
    """The agreement as a whole. Its title is canonical ("Vlaams Regeerakkoord 2019-2024")
    so documents that only imply it and the agreement text itself say the same."""
    iri = out.minter.agreement(period)
    work(out, origin, iri, (ELI.Work,), "regeerakkoord", f"Vlaams Regeerakkoord {period}", span)
    return iri


def section(
    out: GraphBuilder,
    origin: Origin,
    period: str,
    number: str,
    *,
    title: str | None,
    text: str | None,
    span: Span | None,
) -> IRI:
    """One section, and the chain of parents its number implies."""
    agreement = agreement_iri(out, origin, period, span)
    parts = number.split(".")
    parent = agreement
    for depth in range(1, len(parts) + 1):
        here = ".".join(parts[:depth])
        iri = out.minter.agreement_section(period, here)
        is_self = depth == len(parts)
        kind = "hoofdstuk" if depth == 1 else "sectie"
        position = int(parts[depth - 1]) if parts[depth - 1].isdigit() else depth
        part(
            out,
            origin,
            iri,
            parent,
            kind,
            number=here,
            title=title if is_self else None,
            text=text if is_self else None,
            position=position,
            span=span,
        )
        parent = iri
    return parent


def map_agreement(doc: ParsedDocument[Agreement], out: GraphBuilder, facts: FactLookup) -> None:
    record = doc.record
    origin = Origin(doc.source)
    period = record.period or DEFAULT_PERIOD
    agreement_iri(out, origin, period, record.span)
    for sec in record.sections:
        title, text = sec.title, sec.text
        # One title per section: where a report states where the title ends, cut there.
        found = stated_title(facts, period, sec.number, sec.heading)
        if found is not None and found[0] != title:
            title = found[0]
            text = "\n\n".join(
                p for p in [found[1], *sec.text.split("\n\n")[sec.heading_paragraphs :]] if p
            )
        section(out, origin, period, sec.number, title=title, text=text or None, span=sec.span)


class AgreementMapper:
    """Maps an agreement text; it numbers its sections for documents that cite titles."""

    def collect(self, doc: ParsedDocument[Agreement], minter: Minter) -> list[Fact]:
        period = doc.record.period or DEFAULT_PERIOD
        return [
            section_title_fact(period, sec.number, sec.title)
            for sec in doc.record.sections
            if sec.title
        ]

    def map_document(
        self, doc: ParsedDocument[Agreement], facts: FactLookup, out: GraphBuilder
    ) -> None:
        map_agreement(doc, out, facts)


MAPPER = AgreementMapper()
