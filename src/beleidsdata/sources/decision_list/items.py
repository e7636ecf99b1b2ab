"""Cutting a decision list into items, whatever its layout.

An item starts at its title (a markdown heading, a bold line, a numbered line "1. Title",
or a short line that ends in no full stop, right above the proposal line) or, for lists
that give none, at its "Op voorstel van …" line. The list may be hard-wrapped: a title,
the proposal and each paragraph may run over several lines; blank lines separate them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..base import join_wrapped
from ..markup import markdown_heading
from .proposers import PROPOSAL

_BOLD_LINE = re.compile(r"^(\*\*|__)(?P<text>[^*_].*?)\1\s*$")
_NUMBERED = re.compile(r"^(?P<n>\d{1,3})[.)]\s+(?P<text>\S.*)$")
# A plain title is short and is no sentence.
_MAX_TITLE_WORDS = 30


@dataclass
class RawItem:
    """An item as found: its title lines and the lines after them, with line numbers."""

    title: list[tuple[int, str]]
    lines: list[tuple[int, str]]


def strong_title(text: str) -> str | None:
    """The title a line marks as one: a heading, a bold line, a numbered line."""
    heading = markdown_heading(text)
    if heading:
        return heading[1].strip("*_ ")
    bold = _BOLD_LINE.match(text)
    if bold:
        return bold.group("text").strip()
    numbered = _NUMBERED.match(text)
    if numbered and not numbered.group("text").rstrip().endswith((".", ";", ",")):
        return numbered.group("text").strip("*_ ")
    return None


def _blocks(lines: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    """Runs of non-blank lines; a proposal line always opens a run of its own (a title
    may stand right above it, with no blank line between)."""
    out: list[list[tuple[int, str]]] = [[]]
    for number, text in lines:
        if not text.strip():
            out.append([])
            continue
        if PROPOSAL.match(text.strip()) and out[-1]:
            out.append([])
        out[-1].append((number, text.strip()))
    return [b for b in out if b]


def cut_items(lines: list[tuple[int, str]]) -> tuple[list[tuple[int, str]], list[RawItem]]:
    """The header (lines before the first item) and the items. An item's body lines
    keep a blank line (number 0) between its blocks."""
    blocks = _blocks(lines)
    starts: dict[int, bool] = {}  # block index → whether that block is the item's title
    for i, block in enumerate(blocks):
        if i > 0 and len(block) <= 3 and strong_title(block[0][1]) is not None:
            starts[i] = True
        elif PROPOSAL.match(block[0][1]):
            if starts.get(i - 1):
                continue  # the proposal of the item titled right above
            if i - 1 > 0 and i - 1 not in starts and _plain_title(blocks[i - 1]):
                starts[i - 1] = True
            else:
                starts[i] = False
    order = sorted(starts)
    if not order:
        return [line for block in blocks for line in block], []
    header = [line for block in blocks[: order[0]] for line in block]
    items: list[RawItem] = []
    for k, first in enumerate(order):
        end = order[k + 1] if k + 1 < len(order) else len(blocks)
        titled = starts[first]
        body: list[tuple[int, str]] = []
        for block in blocks[first + 1 if titled else first : end]:
            body += [*block, (0, "")]
        items.append(RawItem(blocks[first] if titled else [], body))
    return header, items


def _plain_title(block: list[tuple[int, str]]) -> bool:
    """A short block that is no sentence: the title of the item below it."""
    text = join_wrapped([t for _, t in block])
    return (
        0 < len(block) <= 3
        and len(text.split()) <= _MAX_TITLE_WORDS
        and not text.rstrip("*_ ").endswith((".", ";", ":"))
        and not PROPOSAL.match(text)
    )


def title_text(lines: list[tuple[int, str]]) -> str | None:
    """The title of an item from its title lines, markup removed, wrapping undone."""
    if not lines:
        return None
    first = strong_title(lines[0][1])
    parts = [first if first is not None else lines[0][1], *(t for _, t in lines[1:])]
    return join_wrapped([p.strip("*_ ") for p in parts]) or None
