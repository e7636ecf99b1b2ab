"""The records an evaluation report is read into: frozen dataclasses, no RDF."""

from __future__ import annotations

from dataclasses import dataclass

from ..base import Note, Span


@dataclass(frozen=True)
class QuotedSection:
    """The agreement section the report evaluates, as quoted in it."""

    number: str  # "2.3.5"
    title: str
    text: str  # the section text without number and title, whitespace squashed
    span: Span
    title_stated: bool = False  # the report's title heading states where the title ends


@dataclass(frozen=True)
class Finding:
    """One themed finding; "Algemene Bevindingen" is a finding too."""

    theme: str
    text: str  # citation markers and bold removed, squashed; one bullet or paragraph a line
    citations: tuple[int, ...]  # reference numbers in order of first appearance
    span: Span


@dataclass(frozen=True)
class Reference:
    """A government decision the report cites, merged from every list that names it.

    Export A gives ``date``, ``title``, ``search_url``; export B gives ``source_path`` (with
    date, decision type and document id) and ``full_text`` (split into ``heading`` and
    ``summary``). B never says where the short title ends inside ``heading``, so ``title``
    stays None there; ``title_guess`` is a heuristic guess at it (see
    :func:`guess_short_title`). ``span`` is the first line naming the reference,
    ``full_text_span`` the full-text entry when there is one.
    """

    number: int
    date: str | None  # ISO date
    title: str | None
    search_url: str | None
    source_path: str | None
    decision_type: str | None  # "nota" | "mededeling"
    document_id: str | None  # Kaleidos id or UUID
    full_text: str | None
    summary: str | None
    heading: str | None  # B: the titles, the full text before the first run of 2+ spaces
    span: Span
    title_guess: str | None = None
    full_text_span: Span | None = None


@dataclass(frozen=True)
class EvaluationReport:
    """An evaluation of one coalition-agreement section."""

    title: str
    section: QuotedSection | None
    summary: str  # "" when the report has none
    status: str | None  # one of STATUS_VALUES, or None when the text states none
    findings: tuple[Finding, ...]
    conclusion: str | None
    references: tuple[Reference, ...]  # ordered by number
    span: Span
    notes: tuple[Note, ...] = ()  # references skipped, a text that breaks off
