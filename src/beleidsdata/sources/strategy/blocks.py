"""Blocks of lines and what they look like: the shape tests every later step relies on.

OCR makes the layout unreliable, so a block is judged by its shape, never by its wording:
running text is full-width lines or a whole sentence; diagram and multi-column debris is
short or ragged lines, bullets in mid-line and runs of spaces, and never enters a text; a
heading is one or two capitalised lines without a sentence end. The tests are remembered per
block, since the action-point walk asks the same questions often.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ..base import Span

BULLET = re.compile(r"^(?:[D»«*•·▪■►▶+\-–]|o(?=\s+\S)|e(?=\s+[A-Z]))\s+(?=\S)")
_SOUP = re.compile(r"\S {2,}\S|\s[*«»•·▪■]\s")
QUOTE_OPEN = "“\"„‘'«"
FOOTNOTE = re.compile(r"^(\d{1,2})\s+[A-Z]")
QUESTION = re.compile(r"^[A-Z][^?“”\"]{5,118}\?$")
QUOTE_CLOSE = "”\"’'»"
TERMINAL = ".!?"


@dataclass
class Block:
    """Consecutive non-blank lines: (line number, stripped text) pairs.

    ``breaks`` holds the indices of lines after which the OCR had put a blank line (or a page
    footer) inside the paragraph; such a line may be short without ending the paragraph.
    """

    lines: list[tuple[int, str]]
    breaks: frozenset[int] = frozenset()
    memo: dict[str, bool] = field(default_factory=dict, repr=False, compare=False)

    @property
    def start(self) -> int:
        return self.lines[0][0]

    @property
    def end(self) -> int:
        return self.lines[-1][0]

    @property
    def texts(self) -> list[str]:
        return [t for _, t in self.lines]

    @property
    def first(self) -> str:
        return self.lines[0][1]

    @property
    def flat(self) -> str:
        return " ".join(self.texts)

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)

    def head(self, j: int) -> Block:
        """The first j lines."""
        return Block(self.lines[:j], frozenset(k for k in self.breaks if k < j))

    def tail(self, j: int) -> Block:
        """The lines from index j on."""
        return Block(self.lines[j:], frozenset(k - j for k in self.breaks if k >= j))


_LETTER = re.compile(r"[^\W\d_]")
_UPPER = re.compile(r"[A-ZÀ-ÖØ-Þ]")
_NOT_TEXT = re.compile(r"[^\w\s,.;:'’‘“”\"()\-–&%€/]|[\d_]")


def letter_count(text: str) -> int:
    """How many letters (OCR debris has few)."""
    return len(_LETTER.findall(text))


def is_caps(text: str) -> bool:
    """Mostly capitals (a heading, a box marker, an attribution)."""
    letters = letter_count(text)
    return letters >= 3 and len(_UPPER.findall(text)) / letters >= 0.8


def texty(text: str) -> bool:
    """Mostly letters and spaces, as running text is (diagram debris is not)."""
    if not text:
        return False
    bad = len(_NOT_TEXT.findall(text))
    return bad / len(text) <= 0.1 and letter_count(text) / len(text) >= 0.65


def _memo(key: str) -> Callable[[Callable[[Block, int], bool]], Callable[[Block, int], bool]]:
    """Remember a shape test per block: the action-point walk asks the same questions often."""

    def wrap(test: Callable[[Block, int], bool]) -> Callable[[Block, int], bool]:
        def cached(block: Block, width: int) -> bool:
            if key not in block.memo:
                block.memo[key] = test(block, width)
            return block.memo[key]

        return cached

    return wrap


@_memo("soup")
def is_soup(block: Block, width: int) -> bool:
    """Several columns run together by the OCR: runs of spaces, bullets in mid-line."""
    return any(_SOUP.search(t) for t in block.texts)


@_memo("prose")
def is_prose(block: Block, width: int) -> bool:
    """A paragraph of running text: full-width lines (but the last), or one whole sentence."""
    if is_soup(block, width) or is_caps(block.flat) or not texty(block.flat):
        return False
    texts = block.texts
    if len(texts) == 1:
        text = texts[0]
        return text[-1] in TERMINAL + ':;”"' and (
            len(text) >= 0.55 * width or len(text.split()) >= 4
        )
    return all(len(t) >= 0.55 * width for k, t in enumerate(texts[:-1]) if k not in block.breaks)


@_memo("sentence")
def _is_sentence(block: Block, width: int) -> bool:
    """Short text that still reads as a sentence (a lead-in ending in ":", a one-line item)."""
    flat = block.flat
    return (
        len(block.lines) <= 2
        and not is_soup(block, width)
        and texty(flat)
        and not is_caps(flat)
        and flat[-1] in TERMINAL + ":;,”"
        and len(flat.split()) >= 3
        and flat[:1].isalnum()
    )


@_memo("bullet")
def _is_bullet_item(block: Block, width: int) -> bool:
    """A bulleted list item ("D het stimuleren …", "o Partnerorganisaties …")."""
    m = BULLET.match(block.first)
    if m is None or is_soup(block, width):
        return False
    rest = block.flat[m.end() :]
    return (
        (rest[:1].isalnum() or rest[:1] in QUOTE_OPEN)
        and len(rest.split()) >= 2
        and texty(rest)
        and (len(block.lines) == 1 or is_prose(block, width))
    )


@_memo("text")
def is_text(block: Block, width: int) -> bool:
    """Whether a block belongs in a text: a paragraph, a sentence or a bullet item."""
    return is_prose(block, width) or _is_sentence(block, width) or _is_bullet_item(block, width)


def starts_we(text: str) -> bool:
    return re.match(r"We\b", text) is not None


@_memo("headlike")
def is_headlike(block: Block, width: int) -> bool:
    """One or two lines that could be a heading: capitalised, no sentence end, no debris."""
    texts = block.texts
    if len(texts) > 2 or is_soup(block, width) or is_marker(block):
        return False
    flat = block.flat
    if not (flat[:1].isupper() or (flat[:1].isdigit() and re.match(r"\d+[A-Za-z]", flat))):
        return False
    if is_caps(flat) or not texty(flat) or BULLET.match(flat):
        return False
    if flat[-1] in ",;:" or flat[0] in QUOTE_OPEN:
        return False
    if flat[-1] in TERMINAL and not starts_we(flat):
        return False
    if re.search(r"[.!?]\s+[A-Z]", flat[:-1]):
        return False  # two sentences: a paragraph
    return all(len(t) <= 1.05 * width for t in texts)


def is_attribution(block: Block) -> bool:
    """The signature under a quote, in capitals ("- FRANK BECKX, VOKA")."""
    flat = block.flat.lstrip("-–— ")
    return (
        len(block.lines) <= 3
        and is_caps(flat)
        and len(flat.split()) >= 2
        and letter_count(flat) >= 6
        and not is_example_marker(block)
    )


def is_example_marker(block: Block) -> bool:
    """The "STRATEGIE IN DE PRAKTIJK — EEN VOORBEELD" banner (OCR may garble PRAKTIJK)."""
    flat = block.flat
    return (
        len(block.lines) <= 2 and is_caps(flat) and re.search(r"PRAKTI|VOORBEELD", flat) is not None
    )


def question_marker(block: Block) -> str | None:
    """The title of a cooperation box ("Hoe werkt Vlaanderen samen met …?"), or None.

    Such a box runs to the end of the speerpunt; other questions stay in the running text.
    """
    if (
        len(block.lines) == 1
        and QUESTION.match(block.first)
        and re.search(r"\bsamen", block.first, re.I)
    ):
        return block.first
    return None


def is_marker(block: Block) -> bool:
    """A box banner: it ends the running text before it."""
    return is_example_marker(block) or question_marker(block) is not None
