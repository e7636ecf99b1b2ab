"""Parser for communications and notes to the Flemish Government (mededelingen, nota's).

These documents share one shape: minister title lines at the top, a document-type line
("MEDEDELING AAN DE VLAAMSE REGERING" or "NOTA AAN DE VLAAMSE REGERING") and a "Betreft:"
line with the subject (:mod:`.header`), an optional summary, numbered sections with lettered
and numbered subsections (:mod:`.body`, :mod:`.outline`, :mod:`.labels`), perhaps a "Voorstel
van beslissing" with numbered decision points, and the signing ministers at the end
(:mod:`.signatures`), perhaps followed by attachments and footnotes (:mod:`.citations`).

Titles keep the capitalisation of the source ("REGEERAKKOORD", "Werkbank Use Cases"); only
markup ('#', '**', arrows, the number) is removed. Texts are plain: bold markers and HTML
tags are dropped, footnote markers become "[1]", paragraphs are separated by a blank line,
list items and table rows are kept one per line ("- item", nested items indented by two
spaces, table cells joined by " | "). The records are in :mod:`.records`.
"""

from __future__ import annotations

from ..base import Note, SourceText, Span, ends_cleanly
from .body import read_body
from .citations import find_agreement_references, read_footnotes, read_trailer
from .header import BETREFT, DOC_TYPE, read_header
from .inline import MINISTER, SUMMARY, is_caps, plain
from .outline import Builder, Line
from .records import (
    AgreementReference,
    Communication,
    Footnote,
    ListItem,
    Section,
    Signatory,
)
from .signatures import find_signatures, portfolio_start

KIND = "mededeling"
LABEL = "Communication or note to the Flemish Government (mededeling/nota)"


def detect(source: SourceText) -> float:
    """Confidence that this is a mededeling/nota: its type line, "Betreft:", ministers."""
    lines = source.lines
    head = [plain(line) for line in lines[:80]]
    score = 0.0
    if any(DOC_TYPE.match(line) for line in head):
        score += 0.6
    if any(BETREFT.match(line) for line in head):
        score += 0.2
    if any(MINISTER.search(line) and is_caps(line) for line in head[:20]):
        score += 0.1
    if any(
        portfolio_start(line.strip()) and line.rstrip().endswith(",") and MINISTER.search(line)
        for line in lines[-40:]
    ):
        score += 0.1
    return min(score, 1.0)


def parse(source: SourceText) -> Communication:
    """Parse a mededeling/nota into a :class:`Communication` (pure: no I/O, no RDF)."""
    raw = [line.replace("\u00a0", " ").rstrip() for line in source.lines]
    nonblank = [i for i, line in enumerate(raw) if line.strip()]
    if not nonblank:
        raise source.error("the document is empty")
    header = read_header(source, raw, [plain(line) for line in raw])
    signatories, body_end, trailer_start = find_signatures(raw, header.body_start)
    body = [Line(i + 1, raw[i], raw[i].strip()) for i in range(header.body_start, body_end)]
    builder = read_body(body, header.running_heads)
    attachments = read_trailer(raw, trailer_start, builder)
    sections = tuple(node.freeze() for node in builder.root)
    summary, summary_span = _summary(builder, sections)
    notes = _breaks_off(raw, nonblank, signatories)
    return Communication(
        doc_type=header.doc_type,
        agenda_type=header.agenda_type,
        subject=header.subject,
        summary=summary,
        sections=sections,
        signatories=signatories,
        agreement_references=find_agreement_references(builder, sections),
        span=Span(nonblank[0] + 1, nonblank[-1] + 1),
        subject_span=header.subject_span,
        summary_span=summary_span,
        preamble=builder.preamble.text(),
        issuers=header.issuers,
        document_number=header.document_number,
        footnotes=read_footnotes(builder),
        attachments=attachments,
        notes=notes,
    )


def _breaks_off(
    raw: list[str], nonblank: list[int], signatories: tuple[Signatory, ...]
) -> tuple[Note, ...]:
    """A note ends with its signatures; one without them whose last line stops
    mid-sentence was cut off there. Without signatures but ending cleanly, it is said."""
    if signatories:
        return ()
    last = nonblank[-1]
    if not ends_cleanly(plain(raw[last])):
        return (Note(last + 1, "the text stops mid-sentence, before any signature", True),)
    return (Note(last + 1, "no signing minister found at the end of the text"),)


def _summary(builder: Builder, sections: tuple[Section, ...]) -> tuple[str, Span | None]:
    """The "Samenvatting": an unnumbered block of its own, or a numbered section so titled."""
    if builder.summary is not None:
        return builder.summary.text(), Span(builder.summary.line, builder.summary.end())
    numbered = next((s for s in sections if s.number and SUMMARY.match(s.title)), None)
    if numbered is not None:
        return numbered.text, numbered.span
    return "", None


__all__ = [
    "KIND",
    "LABEL",
    "AgreementReference",
    "Communication",
    "Footnote",
    "ListItem",
    "Section",
    "Signatory",
    "detect",
    "parse",
]
