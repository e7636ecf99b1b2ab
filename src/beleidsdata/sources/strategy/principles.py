"""The numbered principles of the last speerpunt ("1. Inclusieve toegang" + paragraphs)."""

from __future__ import annotations

import re

from ..base import Span
from ..text import fix_ocr
from .blocks import TERMINAL, Block, is_text
from .layout import Document
from .records import Principle

_PRINCIPLE = re.compile(r"^(?P<n>\d{1,2})[.)]?\s+(?P<title>[A-Z].*)$")


def read_principles(doc: Document, blocks: list[Block]) -> tuple[tuple[Principle, ...], str, str]:
    """Numbered principles ("1. Inclusieve toegang" + paragraphs), in sequence.

    Returns the principles, a closing paragraph about the principles as a whole (after the
    last one) and text before the first principle.
    """
    found: list[tuple[int, str, int, list[Block]]] = []
    lead: list[Block] = []
    for block in blocks:
        m = _PRINCIPLE.match(block.first)
        expected = len(found) + 1
        if (
            m
            and int(m.group("n")) == expected
            and block.first[-1] not in TERMINAL
            and len(block.first) <= 100
        ):
            body = [block.tail(1)] if len(block.lines) > 1 else []
            found.append((expected, fix_ocr(m.group("title")), block.start, body))
        elif is_text(block, doc.width):
            (found[-1][3] if found else lead).append(block)
    closing: list[Block] = []
    if found:
        body = found[-1][3]
        while len(body) > 1 and re.search(r"principes\b", body[-1].flat, re.I):
            closing.insert(0, body.pop())
    principles = tuple(
        Principle(n, title, doc.render(body), Span(line, body[-1].end if body else line))
        for n, title, line, body in found
    )
    return principles, doc.render(closing), doc.render(lead)
