"""Parser for evaluation reports of a coalition-agreement section (both export variants).

An evaluation judges how far the Flemish Government kept one section of the coalition
agreement, citing government decisions as ``\\[N\\]``. Two exports of the same report exist:

* **A**: H1 = the section title, the section quoted in a ``<details>`` block, references in a
  ``<details>`` block as ``**[\\[N\\]](search-url)** : **(YYYY-MM-DD)** Title``;
* **B**: H1 = a report title, references as source paths
  (``\\[N\\]: clean/YYYY/MM/YYYY-MM-DD-{nota|mededeling}-{id}.txt``) and/or as full text
  (``\\[N\\]: <short title> <long title>  <summary>``).

Both share the summary, the themed findings (``### theme`` + bullets or paragraphs) and the
conclusion. The parser is driven by those landmarks, not by line numbers or fixed themes,
so other sections' evaluations, with other themes and reference counts, parse too. A
reference seen in several lists (path + full text) becomes one :class:`Reference`.

The report is cut at its landmarks (:mod:`.landmarks`); its texts (:mod:`.texts`),
references (:mod:`.references`, :mod:`.titles`) and status (:mod:`.status`) are read from
the pieces. The records are in :mod:`.records`.
"""

from __future__ import annotations

import re

from ..base import Note, SourceText, Span
from .landmarks import (
    CONCLUSION_LABEL,
    SUMMARY_LABEL,
    Block,
    clean_label,
    heading_name,
    is_references_label,
    read_blocks,
)
from .records import EvaluationReport, Finding, QuotedSection, Reference
from .references import DECISION_TYPES, REF_A, REF_B, read_references
from .status import STATUS_PATTERNS, STATUS_VALUES, find_status, report_status
from .texts import read_findings, read_prose, read_section
from .titles import guess_short_title

KIND = "evaluatie"
LABEL = "Evaluation of a coalition-agreement section"

_ESCAPED_CITATION = re.compile(r"\\\[\d+\\\]")


def detect(source: SourceText) -> float:
    """How sure we are that ``source`` is an evaluation report (0..1).

    Each landmark adds weight; the decisive ones (quoted agreement section, ``\\[N\\]``
    citations, reference lists) are ones communications and strategies do not have, so
    their shared landmarks ("Samenvatting", ### headings) stay below 0.3 on their own.
    """
    lines = [line.strip() for line in source.lines if line.strip()]
    score = 0.0
    if any("<summary" in line.lower() and "regeerakkoord" in line.lower() for line in lines):
        score += 0.35
    definitions = [bool(REF_A.match(line) or REF_B.match(line)) for line in lines]
    cited = sum(
        len(_ESCAPED_CITATION.findall(line))
        for line, is_definition in zip(lines, definitions, strict=True)
        if not is_definition
    )
    if cited >= 2:
        score += 0.25
    if sum(definitions) >= 2:
        score += 0.2
    if any(is_references_label(line) for line in lines):
        score += 0.1
    if any(
        CONCLUSION_LABEL.match(line) or heading_name(line) in {"conclusie", "conclusies"}
        for line in lines
    ):
        score += 0.1
    if any(SUMMARY_LABEL.match(line) or heading_name(line) == "samenvatting" for line in lines):
        score += 0.05
    if sum(1 for line in lines if line.startswith("### ")) >= 2:
        score += 0.05
    return min(score, 1.0)


def parse(source: SourceText) -> EvaluationReport:
    """Parse an evaluation report (export A or B); pure, no I/O, no RDF."""
    nonblank = [n for n, line in enumerate(source.lines, start=1) if line.strip()]
    if not nonblank:
        raise source.error("the document has no text")
    notes: list[Note] = []
    title_line, blocks = read_blocks(source, notes)
    references = read_references(source, _of_kind(blocks, "references"), notes)
    cut = any(n.breaks_off for n in notes) or not references
    defined = None if cut else {ref.number for ref in references}
    h1 = clean_label(source.lines[title_line - 1].lstrip("#")) if title_line else None
    sections = _of_kind(blocks, "section")
    section = read_section(source, sections[0], h1) if sections else None
    summary_blocks = _of_kind(blocks, "summary") or _of_kind(blocks, "preamble")
    summary = _prose(source, [b for b in summary_blocks if b.content], defined)
    findings = read_findings(source, blocks, defined)
    conclusion = _prose(source, _of_kind(blocks, "conclusion"), defined) or None
    title = h1 or (section.title if section else None)
    if not title:
        raise source.error(
            "no report title: expected a title heading ('# Title', at any level) before the "
            "summary and findings",
            nonblank[0],
        )
    if not references:
        notes.append(Note(nonblank[-1], "the report lists no references (no decisions)", True))
    notes += [
        Note(
            ref.span.start,
            f"reference [{ref.number}] gives no date, so it names no decision: it is kept as "
            "a citation of the report only",
        )
        for ref in references
        if not ref.date
    ]
    return EvaluationReport(
        title=title,
        section=section,
        summary=summary,
        status=report_status(source.lines, summary, conclusion),
        findings=findings,
        conclusion=conclusion,
        references=references,
        span=Span(1, nonblank[-1]),
        notes=tuple(notes),
    )


def _of_kind(blocks: list[Block], kind: str) -> list[Block]:
    return [b for b in blocks if b.kind == kind]


def _prose(source: SourceText, blocks: list[Block], defined: set[int] | None) -> str:
    """The texts of the blocks, one after the other."""
    return "\n".join(read_prose(source, block.content, defined)[0] for block in blocks).strip()


__all__ = [
    "DECISION_TYPES",
    "KIND",
    "LABEL",
    "STATUS_PATTERNS",
    "STATUS_VALUES",
    "EvaluationReport",
    "Finding",
    "QuotedSection",
    "Reference",
    "detect",
    "find_status",
    "guess_short_title",
    "parse",
]
