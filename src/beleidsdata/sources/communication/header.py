"""The head of the document: who sends it, which type it is and what it is about.

Minister title lines come first, then a document-type line ("MEDEDELING AAN DE VLAAMSE
REGERING" or "NOTA AAN DE VLAAMSE REGERING") and a "Betreft:" line with the subject; the
document number ("VR 2020 1707 MED.0213") may be stated near them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..base import SourceText, Span, squash
from ..markup import markdown_heading
from .inline import MINISTER, TOP_TERMS, clean, heading_text, is_caps
from .labels import split_label

# The forms of the family, as their type line writes them: (pattern, form, agenda type).
# The form is kept as a concept (documentsoort); the agenda type is what the decision it
# brings to the government is in Kaleidos: a nota (for a decision) or a mededeling.
FORMS: tuple[tuple[str, str, str | None], ...] = (
    (r"mededeling", "mededeling", "mededeling"),
    (r"bis\s*-?\s*nota", "bisnota", "nota"),
    (r"ter\s*-?\s*nota", "ternota", "nota"),
    (r"conceptnota", "conceptnota", "nota"),
    (r"visienota", "visienota", "nota"),
    (r"witboek", "witboek", "nota"),
    (r"groenboek", "groenboek", "nota"),
    (r"nota", "nota", "nota"),
)
_ADDRESSEE = r"\s+(?:AAN|VOOR)\s+(?:DE\s+(?:LEDEN\s+VAN\s+)?)?(?:DE\s+)?VLAAMSE\s+REGERING\b"
DOC_TYPE = re.compile(
    rf"^(?P<form>{'|'.join(p for p, _, _ in FORMS)}){_ADDRESSEE}"
    r"|^(?P<circular>OMZENDBRIEF)\b(?!\s+(?:van|over|betreffende)\b)",
    re.I,
)
KNOWN_FORMS = (
    "MEDEDELING, NOTA, BISNOTA, TERNOTA, CONCEPTNOTA, VISIENOTA, WITBOEK or GROENBOEK "
    "AAN DE VLAAMSE REGERING, or OMZENDBRIEF"
)


def form_of(match: re.Match[str]) -> tuple[str, str | None]:
    """The form (documentsoort) and agenda type of a type line."""
    if match.group("circular"):
        return "omzendbrief", None  # a circular to the administrations: no agenda item
    written = match.group("form")
    return next((form, agenda) for p, form, agenda in FORMS if re.fullmatch(p, written, re.I))


BETREFT = re.compile(r"^(?:betreft|onderwerp)\s*(?::|\t)\s*(.*)$", re.I)
_DOC_NUMBER = re.compile(
    r"\bVR\s?\d{4}\s?\d{4}\s?(?:DOC|MED|DEC|VAR)\.\d{3,4}(?:/\d+)?(?:BIS|TER)?"
)


def _subject(raw: list[str], plain: list[str], idx: int) -> tuple[str, int]:
    """The "Betreft:" text with its continuation lines; returns it and its last index."""
    m = BETREFT.match(plain[idx])
    parts = [m.group(1)] if m and m.group(1) else []
    end = idx
    i = idx + 1
    if not parts and i < len(raw) and not raw[i].strip():
        i += 1  # "Betreft:" alone, subject on the next line but one
    while i < len(raw) and raw[i].strip() and i - idx <= 4:
        line = raw[i].strip()
        if markdown_heading(line) or TOP_TERMS.match(heading_text(line)):
            break
        if split_label(heading_text(line)) and is_caps(line) and parts:
            break
        parts.append(clean(line))
        end = i
        i += 1
    return squash(" ".join(parts)), end


@dataclass(frozen=True)
class Header:
    """The head of a communication, up to where its body starts."""

    doc_type: str  # the form: "mededeling", "nota", "bisnota", "omzendbrief" … (FORMS)
    agenda_type: str | None  # "nota" | "mededeling": what its decision is on the agenda
    subject: str
    subject_span: Span
    issuers: tuple[str, ...]  # the minister title lines at the top, as written
    document_number: str | None
    body_start: int  # 0-based index of the first body line
    running_heads: frozenset[str]  # header lines in capitals, repeated on every page


def read_header(source: SourceText, raw: list[str], plain: list[str]) -> Header:
    """Find the type line and the subject (both required) and what stands around them."""
    n = len(raw)
    doc_idx = next((i for i in range(min(n, 120)) if DOC_TYPE.match(plain[i])), None)
    subject_idx = next((i for i in range(min(n, 120)) if BETREFT.match(plain[i])), None)
    doc_match = DOC_TYPE.match(plain[doc_idx]) if doc_idx is not None else None
    if doc_idx is None or doc_match is None:
        first = next(i for i, line in enumerate(raw) if line.strip())
        where = subject_idx + 1 if subject_idx is not None else first + 1
        raise source.error(
            f"expected a type line at the top of the document: {KNOWN_FORMS}",
            where,
        )
    if subject_idx is None:
        raise source.error(
            f"expected a 'Betreft: <subject>' line after '{plain[doc_idx]}' "
            f"(line {doc_idx + 1}); none found",
            doc_idx + 2 if doc_idx + 1 < n else doc_idx + 1,
        )
    subject, subject_end = _subject(raw, plain, subject_idx)
    if not subject:
        raise source.error(
            "'Betreft:' gives no subject; expected the subject after it", subject_idx + 1
        )

    body_start = max(doc_idx, subject_end) + 1
    header_lines = [plain[i] for i in range(body_start) if plain[i]]
    issuers = tuple(
        line
        for line in header_lines
        if MINISTER.search(line) and not DOC_TYPE.match(line) and not BETREFT.match(line)
    )
    number_match = next(
        (m for m in (_DOC_NUMBER.search(line) for line in plain[: body_start + 5]) if m), None
    )
    form, agenda_type = form_of(doc_match)
    return Header(
        doc_type=form,
        agenda_type=agenda_type,
        subject=subject,
        subject_span=Span(subject_idx + 1, subject_end + 1),
        issuers=issuers,
        document_number=squash(number_match.group(0)) if number_match else None,
        body_start=body_start,
        running_heads=frozenset(line for line in header_lines if is_caps(line)),
    )
