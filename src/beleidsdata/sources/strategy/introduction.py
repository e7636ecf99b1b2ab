"""What comes before the speerpunten: the introduction, the title, the axes, the counts.

The introduction ("Inleiding") announces the counts ("9 speerpunten … 36 actiepunten … onze 4
assen (burger, ondernemer, overheid en infrastructuur)"); a first chapter names the axes
("1.1 DE VIER ASSEN …": "op 4 assen: burger, …"), which wins over a passing mention.
"""

from __future__ import annotations

import re

from ..base import Span, squash
from ..text import fix_ocr
from .blocks import TERMINAL, is_soup, is_text, texty
from .headings import Outline
from .layout import Document
from .records import DEFAULT_TITLE, Axis
from .regions import merge_continuations


def _flat_text(doc: Document, start: int, end: int) -> str:
    """Lines as one string, for phrases that may wrap ("niet minder dan\\n36 actiepunten")."""
    return fix_ocr(
        squash(" ".join(doc.line(i) for i in range(start, end + 1) if i not in doc.furniture))
    )


def read_introduction(doc: Document, outline: Outline) -> str:
    """The text before the first numbered section, or under it when that section opens the
    document ("1 INLEIDING"); the list of speerpunten is not part of it."""
    listed = (item.line for item in outline.listing.values())
    end = min(outline.first_line, min(listed, default=outline.first_line)) - 1
    pre_heads = outline.pre_heads
    start = 1
    if pre_heads:
        before = [b for b in doc.blocks(1, pre_heads[0].line - 1) if is_text(b, doc.width)]
        if before:
            end = pre_heads[0].line - 1
        else:
            start = pre_heads[0].line + 1
            end = pre_heads[1].line - 1 if len(pre_heads) > 1 else end
    blocks = doc.blocks(start, end)
    while (
        blocks
        and len(blocks[0].lines) == 1
        and len(blocks[0].first.split()) <= 4
        and blocks[0].first[-1] not in TERMINAL
    ):
        blocks = blocks[1:]  # "Inleiding", a cover title
    if blocks and blocks[-1].flat.endswith(":") and len(blocks[-1].lines) == 1:
        blocks = blocks[:-1]  # "De speerpunten zijn:", the lead-in of the list
    blocks = merge_continuations(blocks)
    kept = [b for b in blocks if not is_soup(b, doc.width) and texty(b.flat)]
    return doc.render(kept)


_TITLE_RUNNING = re.compile(
    r"(?<![\w])((?:(?!(?:De|Deze|Onze|Een|Het|Dit|Die|Zo|Met|In)\b)[A-Z][a-zà-ÿ]+\s+){1,3}"
    r"Strategie)\b"
)
_TITLE_CAPS = re.compile(r"^\s*((?:[A-Z]+\s+){1,3}STRATEGIE)\b", re.M)


def read_title(doc: Document) -> str:
    """The strategy's name as the text states it ("onze Vlaamse Digitale Strategie")."""
    text = "\n".join(doc.lines)
    found = [m.group(1) for m in _TITLE_RUNNING.finditer(text)]
    for name in found:
        if len(name.split()) >= 3:
            return squash(name)
    caps = _TITLE_CAPS.search(text)
    if caps:
        return " ".join(w.capitalize() for w in caps.group(1).split())
    return squash(found[0]) if found else DEFAULT_TITLE


_NUMBER_WORDS = {"twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8}
_AXES = re.compile(
    r"\b(?P<n>\d+|twee|drie|vier|vijf|zes|zeven|acht)\s+assen\b[^:(.]{0,40}?"
    r"[:(]\s*(?P<list>[^.)]+)",
    re.I,
)


def read_axes(doc: Document, outline: Outline) -> tuple[Axis, ...]:
    """The axes as listed where the text names them; the section about the axes wins."""
    pre_heads, end = outline.pre_heads, outline.first_line - 1
    candidates: list[tuple[int, tuple[Axis, ...]]] = []
    for block in merge_continuations(doc.blocks(1, end)):
        text = fix_ocr(doc.join(block.texts))
        for m in _AXES.finditer(text):
            n = m.group("n").lower()
            count = int(n) if n.isdigit() else _NUMBER_WORDS[n]
            labels = [squash(x) for x in re.split(r",|\s+en\s+|\s+of\s+", m.group("list"))]
            labels = [x for x in labels if x]
            if len(labels) != count:
                continue
            lines = [i for i, t in block.lines if re.search(r"assen\b", t)]
            first = lines[0] if lines else block.start
            last_label = labels[-1].split()[-1]
            tail = [i for i, t in block.lines if i >= first and last_label in t]
            span = Span(first, tail[0] if tail else first)
            section = [h for h in pre_heads if h.line < block.start]
            about_axes = bool(section) and re.search(r"ASSEN", section[-1].title) is not None
            axes = tuple(Axis(k, label, span) for k, label in enumerate(labels, start=1))
            candidates.append((0 if about_axes else 1, axes))
    if not candidates:
        return ()
    return min(candidates, key=lambda c: c[0])[1]


def announced_count(doc: Document, outline: Outline) -> int | None:
    """The number of action points the introduction announces ("36 actiepunten")."""
    pre_text = _flat_text(doc, 1, outline.first_line - 1)
    announced = re.search(r"\b(\d+)\s+actiepunten\b", pre_text)
    return int(announced.group(1)) if announced else None
