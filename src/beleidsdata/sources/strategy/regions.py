"""A region of the text made ready to read: OCR blank lines undone, asides taken out.

Blank lines the OCR put inside a paragraph are undone (a block that starts in lower case
continues the one before it); footnotes at a page end and quotes with an attribution in
capitals become boxes, so that they never interrupt the running text around them.
"""

from __future__ import annotations

import re

from ..base import Span, squash
from ..text import fix_ocr
from .blocks import (
    BULLET,
    FOOTNOTE,
    QUOTE_CLOSE,
    QUOTE_OPEN,
    Block,
    is_attribution,
    is_caps,
    is_headlike,
    is_text,
)
from .layout import Document
from .records import Box


def merge_continuations(blocks: list[Block]) -> list[Block]:
    """Undo blank lines the OCR put inside a paragraph: a block starting in lower case
    (not a bullet) continues the block before it."""
    out: list[Block] = []
    for block in blocks:
        first = block.first
        if out and (
            (first[:1].islower() and not BULLET.match(first))
            or (
                _NUMBER_GOES_ON.match(first)
                and out[-1].texts[-1][-1] not in '.!?:;”"'
                and len(out[-1].lines) > 1
            )
        ):
            out[-1] = _joined(out[-1], block)
        else:
            out.append(block)
    return out


def _joined(first: Block, second: Block) -> Block:
    """Two blocks as one paragraph, remembering where the OCR had split it."""
    shift = len(first.lines)
    breaks = first.breaks | {shift - 1} | {shift + i for i in second.breaks}
    return Block(first.lines + second.lines, frozenset(breaks))


# "… is de Vlaamse score" + blank + "11 punten hoger …": a number that goes on a sentence.
_NUMBER_GOES_ON = re.compile(r"^\d[\d.,%]*\s+[a-zà-ÿ]")


def _drop_orphans(blocks: list[Block]) -> list[Block]:
    """A lone lower-case scrap right after a heading is heading debris ("ijbenen")."""
    if (
        blocks
        and blocks[0].first[:1].islower()
        and len(blocks[0].lines) == 1
        and len(blocks[0].first.split()) <= 3
        and not BULLET.match(blocks[0].first)
    ):
        return blocks[1:]
    return blocks


def _extract_footnotes(doc: Document, blocks: list[Block]) -> tuple[list[Block], list[Box]]:
    """Footnotes: "1 Onder de scope …" at a page end (next line starts a page)."""
    kept: list[Block] = []
    notes: list[Box] = []
    for block in blocks:
        m = FOOTNOTE.match(block.first)
        if (
            m
            and len(block.lines) <= 3
            and doc.page_end_after(block.end)
            and not is_caps(block.flat)
        ):
            text = fix_ocr(squash(block.flat[m.end(1) :]))
            notes.append(Box("voetnoot", m.group(1), text, block.span))
        else:
            kept.append(block)
    return kept, notes


def _clean_quote(text: str) -> str:
    """A quote without its quotation marks (and the "0" the OCR reads in an opening mark)."""
    text = text.strip()
    text = re.sub(r"^[“\"„‘'«]+0?(?=[A-Z])", "", text)
    text = re.sub(r"^[“\"„‘'«]+", "", text)
    return re.sub(r"\s*[”\"’'»]+$", "", text).strip()


def _extract_quotes(doc: Document, blocks: list[Block]) -> tuple[list[Block], list[Box]]:
    """Quotes: text opened by a quotation mark and closed by an attribution in capitals."""
    kept = list(blocks)
    quotes: list[tuple[int, Box]] = []
    i = 0
    while i < len(kept):
        block = kept[i]
        if i == 0 or not is_attribution(block):
            i += 1
            continue
        start = None
        for j in range(i - 1, max(-1, i - 4), -1):
            if kept[j].first[:1] in QUOTE_OPEN:
                start = j
                break
            if not is_text(kept[j], doc.width) and not is_headlike(kept[j], doc.width):
                break
        if start is None and kept[i - 1].flat[-1:] in QUOTE_CLOSE:
            start = i - 1
        if start is None:
            i += 1
            continue
        quote_blocks = kept[start:i]
        text = _clean_quote(fix_ocr(" ".join(doc.join(b.texts) for b in quote_blocks)))
        who = fix_ocr(squash(block.flat).lstrip("-–— "))
        span = Span(quote_blocks[0].start, block.end)
        quotes.append((quote_blocks[0].start, Box("citaat", who, text, span)))
        del kept[start : i + 1]
        i = start
    return kept, [q for _, q in quotes]


def prepare(doc: Document, start: int, end: int) -> tuple[list[Block], list[Box]]:
    """Blocks of a region with furniture, footnotes and quotes taken out."""
    if end < start:
        return [], []
    blocks = doc.blocks(start, end)
    blocks, notes = _extract_footnotes(doc, blocks)
    blocks = _drop_orphans(merge_continuations(blocks))
    blocks, quotes = _extract_quotes(doc, blocks)
    return blocks, notes + quotes
