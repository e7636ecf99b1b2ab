"""Footnotes, attachments and the places where the coalition agreement is cited.

A footnote is tied to the section whose text first uses its marker; the agreement is cited
by a section titled after it, by footnotes (that name it, or that sit in such a section or
sentence) and by sentences elsewhere that name it.
"""

from __future__ import annotations

import re

from ..base import Span, squash
from .inline import AGREEMENT, FOOTNOTE_DEF, SUB_MARKER, clean, plain
from .outline import Builder, Node
from .records import AgreementReference, Footnote, Section

_ATTACHMENTS = re.compile(r"^bijlagen?\s*:?\s*(.*)$", re.I)
_QUOTED = re.compile(r"[\"“„«‘]([^\"“”„«»‘’]{8,}?)[\"”“»’]")
_PAGES = re.compile(r"\bp(?:p|ag|agina)?\.\s*(\d+(?:\s*[-–]\s*\d+)?)", re.I)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"'‘(])")


def read_trailer(raw: list[str], start: int, b: Builder) -> tuple[str, ...]:
    """After the signatures: the "Bijlagen" list (returned) and footnotes (into ``b``)."""
    attachments: list[str] = []
    listing = False
    for i in range(start, len(raw)):
        text = raw[i].strip()
        if not text:
            continue
        note = FOOTNOTE_DEF.match(text)
        if note:
            b.footnotes.append((note.group(1) or note.group(2), clean(note.group(3)), i + 1, i + 1))
            listing = False
            continue
        head = _ATTACHMENTS.match(plain(text))
        if head:
            listing = True
            text = head.group(1)
        elif listing:
            text = SUB_MARKER.sub("", re.sub(r"^(?:[-*•]|\d{1,2}[.)°])\s+", "", text))
        if listing and text:
            attachments.append(squash(clean(text)))
    return tuple(attachments)


def read_footnotes(b: Builder) -> tuple[Footnote, ...]:
    notes = []
    for number, text, first, last in b.footnotes:
        site = b.footnote_sites.get(number)
        notes.append(
            Footnote(number, squash(text), site[0].path if site else None, Span(first, last))
        )
    return tuple(notes)


def find_agreement_references(
    b: Builder, sections: tuple[Section, ...]
) -> tuple[AgreementReference, ...]:
    """Where the coalition agreement is cited: its own section, footnotes, sentences."""
    refs: list[AgreementReference] = []

    def visit(nodes: list[Node], frozen: tuple[Section, ...]) -> None:
        for node, section in zip(nodes, frozen, strict=True):
            if node.number is not None and AGREEMENT.search(node.title):
                refs.append(
                    AgreementReference("section", section.text, None, None, node.path, section.span)
                )
            visit(node.children, section.subsections)

    visit(b.root, sections)

    for number, text, first, last in b.footnotes:
        site = b.footnote_sites.get(number)
        cites = bool(AGREEMENT.search(text))
        if site is not None:
            node, block = site
            cites = cites or bool(AGREEMENT.search(block.text())) or node.in_agreement_section()
        if cites:
            title, pages = _citation(text)
            where = site[0].path if site else None
            refs.append(
                AgreementReference("footnote", squash(text), title, pages, where, Span(first, last))
            )

    for node, block in b.all_blocks:
        if node.in_agreement_section():
            continue
        text = block.text()
        if not AGREEMENT.search(text):
            continue
        sentences = [s for s in _SENTENCE_END.split(text) if AGREEMENT.search(s)]
        sentence = " ".join(sentences)
        title, pages = _citation(sentence)
        span = Span(block.lines[0], block.lines[-1])
        refs.append(AgreementReference("mention", sentence, title, pages, node.path, span))
    refs.sort(key=lambda r: (r.span.start, r.span.end))
    return tuple(refs)


def _citation(text: str) -> tuple[str | None, str | None]:
    """The quoted part title and the pages ("45-46") a citation gives, if any."""
    quoted = _QUOTED.search(text)
    pages = _PAGES.search(text)
    return (
        squash(quoted.group(1)) if quoted else None,
        re.sub(r"\s+", "", pages.group(1)).replace("–", "-") if pages else None,
    )
