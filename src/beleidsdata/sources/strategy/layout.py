"""The OCR'd source as every step sees it: repaired lines, page furniture, body width.

The parser never trusts the PDF's layout, but it does measure it:

- page furniture (the "Vlaanderen verbeelding werkt" footer with its logo lines and page
  numbers) is dropped before anything else;
- character errors are repaired once for the whole text by
  :func:`beleidsdata.sources.text.fix_ocr` ("Al" → "AI", "ledereen" → "Iedereen",
  "technologieén" → "technologieën", …) and by the document's own vocabulary (see
  :mod:`.vocabulary`); spans stay the source's, since neither adds or removes a line;
- the body width (most body lines run nearly full width) tells a finished paragraph from a
  wrapped one;
- lines the OCR glued together are split again into blocks where a page starts (an indented
  line after a finished sentence), before a box title ("Hoe werkt …?", "STRATEGIE IN DE
  PRAKTIJK"), a "We …" heading after a caption, a numbered item or a footnote;
- line-end hyphens are undone unless the document itself writes the word with a hyphen or
  an acronym precedes ("AI-wetgeving").

Texts are paragraphs separated by a blank line ("\\n\\n"); bullets are written "• ".
"""

from __future__ import annotations

import re

from ..base import SourceText, join_wrapped
from ..text import fix_ocr
from .blocks import BULLET, FOOTNOTE, QUESTION, QUOTE_OPEN, TERMINAL, Block, is_caps, starts_we
from .vocabulary import WORD, Vocabulary

_FOOTER = re.compile(r"verbeelding\s+werkt", re.I)
_LOGO = re.compile(r"^[\s/\\()\"'`.,|]*(?:Vlaanderen)?[\s/\\()\"'`.,|]*$")
_PAGE_NUMBER = re.compile(r"^\s*\d{1,3}\s*$")
_NUMBERED_ITEM = re.compile(r"^\d{1,2}[.)]?\s+[A-Z][a-zà-ÿ]")


class Document:
    """The source plus what every step needs: dropped lines, body width and vocabulary."""

    def __init__(self, source: SourceText) -> None:
        self.source = source
        self.raw = source.lines
        self.n = len(self.raw)
        # OCR repair once for the whole text (it never adds or removes a line break), so that
        # every later step sees "AI", "Iedereen", "technologieën"; spans stay the source's.
        fixed = tuple(fix_ocr(source.text).split("\n"))
        self.lines = fixed if len(fixed) == self.n else self.raw
        self.furniture = self._furniture()
        lengths = sorted(
            len(self.lines[i - 1].strip())
            for i in range(1, self.n + 1)
            if i not in self.furniture and len(self.lines[i - 1].strip()) >= 20
        )
        # Body width: most body lines run (nearly) full width; a prose line is at least ~55%.
        self.width = lengths[int(len(lengths) * 0.8)] if lengths else 80
        self.vocabulary = Vocabulary(
            self.lines[i - 1] for i in range(1, self.n + 1) if i not in self.furniture
        )
        self.lines = self.vocabulary.correct_l_read_as_i(self.lines)

    def _furniture(self) -> set[int]:
        """Lines of the page footer (logo, "verbeelding werkt", page number): never text."""
        drop: set[int] = set()
        for i, raw in enumerate(self.raw, start=1):
            text = raw.strip()
            if _FOOTER.search(text) and len(text) < 45:
                drop.add(i)
                j = i - 1
                while j >= 1 and i - j <= 4:
                    prev = self.raw[j - 1].strip()
                    if prev and not _LOGO.match(prev):
                        break
                    if prev:
                        drop.add(j)
                    j -= 1
            elif _PAGE_NUMBER.match(text):
                drop.add(i)
        return drop

    def line(self, number: int) -> str:
        """Line ``number`` with its OCR errors repaired."""
        return self.lines[number - 1]

    def page_end_after(self, number: int) -> bool:
        """Whether the next non-blank line after ``number`` starts a new page (or the end)."""
        for j in range(number + 1, self.n + 1):
            raw = self.raw[j - 1]
            if not raw.strip():
                continue
            return j in self.furniture or raw[:1].isspace()
        return True

    # ---- blocks

    def blocks(self, start: int, end: int) -> list[Block]:
        """Blank-line separated blocks of lines start..end, furniture left out.

        A line that starts with a bullet starts a block of its own.
        """
        out: list[Block] = []
        current: list[tuple[int, str]] = []
        for i in range(start, end + 1):
            if i in self.furniture:
                continue
            text = self.lines[i - 1].strip()
            if not text:
                if current:
                    out.append(Block(current))
                    current = []
                continue
            if current and self._starts_block(i, text, current[-1][1]):
                out.append(Block(current))
                current = []
            current.append((i, text))
        if current:
            out.append(Block(current))
        return out

    def _starts_block(self, number: int, text: str, previous: str) -> bool:
        """Whether a line starts a new block although no blank line precedes it.

        The OCR often glues the first line of a page to the last line of the previous one:
        a bullet, a box title ("Hoe werkt …?", "STRATEGIE IN DE PRAKTIJK") or a new paragraph
        at a page start (the line is indented) after a finished sentence or a short line.
        """
        if BULLET.match(text) and not is_caps(text):
            return True
        if (
            is_caps(text) != is_caps(previous)
            and len(text.split()) >= 2
            and len(previous.split()) >= 2
        ):
            return True
        finished = previous[-1] in TERMINAL or len(previous) < 0.7 * self.width
        if QUESTION.match(text) and (finished or previous.endswith("?")):
            return True
        if previous.endswith("?") and QUESTION.match(previous):
            return True
        short_open = len(previous) < 0.7 * self.width and previous[-1] not in TERMINAL + ",;:-"
        if short_open and starts_we(text) and not starts_we(previous):
            return True  # "Principes van … (caption)" + "We ontwikkelen …" (a heading)
        if (
            previous[-1] in TERMINAL
            and _NUMBERED_ITEM.match(text)
            and len(text) < 0.7 * self.width
            and text[-1] not in TERMINAL
        ):
            return True  # "4. Soevereiniteit over eigen gegevens" after a finished paragraph
        page_start = self.raw[number - 1][:1].isspace()
        if page_start and FOOTNOTE.match(previous):
            return True  # a footnote ends the page before
        if FOOTNOTE.match(text) and previous[-1] in TERMINAL and self.page_end_after(number):
            return True  # a footnote at the foot of the page
        return (
            page_start
            and finished
            and (text[:1].isupper() or text[:1].isdigit() or text[:1] in QUOTE_OPEN)
        )

    # ---- joining

    def join(self, lines: list[str]) -> str:
        """Join wrapped lines into one paragraph, undoing line-end hyphenation carefully.

        A hyphen is kept when the document writes the word with a hyphen elsewhere, after an
        acronym ("AI-", "ICT-"), before a capital, before "en"/"of" ("onderwijs- en …") and
        where Dutch needs it between two equal vowels ("data-analyse"); otherwise it is a
        hyphenation and goes.
        """
        merged: list[str] = []
        for raw in lines:
            part = raw.strip()
            if not part:
                continue
            if merged and merged[-1].endswith("-") and len(merged[-1]) > 1:
                prev = merged[-1]
                left = WORD.findall(prev[:-1])
                left_word = left[-1] if left and prev[-2].isalpha() else ""
                right = part.split(" ", 1)[0]
                if left_word:
                    glue = self.vocabulary.hyphen_glue(left_word, right)
                    if glue is not None:
                        merged[-1] = prev + glue + part if glue else prev + part
                        continue
                    merged[-1] = prev[:-1] + part
                    continue
            merged.append(part)
        return join_wrapped(merged)

    def render(self, blocks: list[Block]) -> str:
        """Blocks as text: one paragraph per block, OCR repaired, bullets as "• "."""
        paragraphs = []
        for block in blocks:
            text = self.join(block.texts)
            if "Al" in text:
                text = fix_ocr(text)  # "Al-" + "wetgeving" joined across a line end
            text = BULLET.sub("• ", text, count=1) if BULLET.match(text) else text
            if text:
                paragraphs.append(text)
        return "\n\n".join(paragraphs)
