"""The numbered list of speerpunten in the introduction ("1. Iedereen …" + a summary).

Its wording is the speerpunten's titles in normal capitalisation, where their own headings are
printed in capitals, and it carries the short description of each speerpunt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text import fix_ocr
from .blocks import TERMINAL, is_caps, is_text
from .layout import Document
from .regions import merge_continuations


@dataclass
class ListItem:
    """One item of the list: its number, title, summary and line."""

    number: int
    title: str
    summary: str | None
    line: int


_LIST_ITEM = re.compile(r"^\s*(?P<n>\d{1,2})[.)]\s+(?P<title>\S.*?)\s*$")


def speerpunt_list(doc: Document, start: int, end: int, count: int) -> dict[int, ListItem]:
    """The numbered list of speerpunten in the introduction, by 0-based index."""
    runs: list[list[tuple[int, int, str]]] = []
    run: list[tuple[int, int, str]] = []
    for i in range(start, end + 1):
        if i in doc.furniture:
            continue
        m = _LIST_ITEM.match(doc.line(i))
        if not m:
            continue
        title = m.group("title")
        n = int(m.group("n"))
        if not title[:1].isupper() or is_caps(title) or title[-1] in TERMINAL or len(title) > 130:
            continue
        if n == 1:
            if run:
                runs.append(run)
            run = [(i, n, title)]
        elif run and n == run[-1][1] + 1:
            run.append((i, n, title))
    if run:
        runs.append(run)
    if not runs:
        return {}
    best = next((r for r in runs if len(r) == count), max(runs, key=len))
    if len(best) < 2:
        return {}
    items: dict[int, ListItem] = {}
    for index, (line, n, title) in enumerate(best):
        stop = best[index + 1][0] - 1 if index + 1 < len(best) else end
        blocks = merge_continuations(doc.blocks(line + 1, stop))
        if (
            blocks
            and blocks[0].first[:1].islower()
            and len(blocks[0].lines) == 1
            and blocks[0].start == line + 1
        ):
            title = fix_ocr(f"{title} {blocks[0].first}")  # a wrapped item title
            blocks = blocks[1:]
        texts = [b for b in blocks if is_text(b, doc.width)]
        if index + 1 == len(best):
            texts = texts[:1]  # after the last item the section goes on
        summary = doc.render(texts) or None
        items[index] = ListItem(n, title, summary, line)
    return items
