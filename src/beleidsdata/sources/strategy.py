"""The Vlaamse Digitale Strategie and later strategy documents of the same family (OCR'd PDF).

Shape of the family, as the parser reads it (numbers are examples):

- an introduction ("Inleiding") that announces the counts ("9 speerpunten … 36 actiepunten …
  onze 4 assen (burger, ondernemer, overheid en infrastructuur)");
- a first chapter with the four axes ("1.1 DE VIER ASSEN …": "op 4 assen: burger, …") and the
  numbered list of speerpunten with a short description each ("1.2 …": "1. Iedereen …");
- one section per speerpunt, headed in capitals ("2.1 IEDEREEN (CONTINU) VOORBEREID …"), with
  numbered sub-sections recognised by number *and* by their fixed wording: "2.1.1 Ambities",
  "2.1.2 Een schets van de uitdagingen: …", "2.1.3 Enkele lopende initiatieven",
  "2.1.4 …: hiermee willen we het verschil maken" (the action points) and, for the last
  speerpunt, "2.9.1 Dit zijn de 10 principes …";
- inside the action-point sub-section: headed action points (a heading of one or two lines, then
  body paragraphs), quotes with an attribution in capitals, text boxes ("kaders"), diagrams, a
  "STRATEGIE IN DE PRAKTIJK — …" box of headed examples and a "Hoe werkt Vlaanderen samen met
  andere overheden?" box.

OCR makes the layout unreliable, so nothing is read from one sample's wording or line numbers:

- page furniture (the "Vlaanderen verbeelding werkt" footer with its logo lines and page
  numbers) is dropped before anything else; footnotes at a page end become boxes;
- blank lines the OCR put inside a paragraph are undone (a block that starts in lower case
  continues the one before it), and lines it glued together are split again where a page
  starts (an indented line after a finished sentence), before a box title ("Hoe werkt …?",
  "STRATEGIE IN DE PRAKTIJK"), a "We …" heading after a caption, or a numbered item;
- diagram and multi-column debris is recognised by its shape (short or ragged lines, bullets
  in mid-line, runs of spaces) and never enters a text;
- an action-point heading is a block of one or two lines followed by body paragraphs; a
  heading that starts with "We" needs one body line, any other heading at least three, so the
  title of a text box with a one-sentence caption ("Zes leidende principes") is not taken for
  an action point; a "We" heading glued to its body (no blank line) is split off;
- headed items after a "STRATEGIE IN DE PRAKTIJK" marker are examples, not action points; a
  "Hoe werkt Vlaanderen samen …?" box runs to the end of its speerpunt;
- sub-heading numbers garbled by OCR ("211", "2.41", "g.]bz") are recognised by their wording
  and normalised ("2.1.1", "2.4.1"); a wrapped sub-heading keeps its second line only when that
  line is made of words the document uses elsewhere ("ijbenen" is debris);
- character errors are repaired by :func:`beleidsdata.sources.text.fix_ocr` ("Al" → "AI",
  "ledereen" → "Iedereen", "technologieén" → "technologieën", …) and, document-wide, a word
  seen once that becomes a word used elsewhere when an "i" is read as "l" ("viotter" →
  "vlotter"); line-end hyphens are undone unless the document itself writes the word with a
  hyphen ("data-analyse", "cybersecurity-maturiteit") or an acronym precedes ("AI-wetgeving").

Texts are paragraphs separated by a blank line ("\\n\\n"); bullets are written "• ".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from beleidsdata.sources.base import SourceText, Span, join_wrapped, squash
from beleidsdata.sources.text import fix_ocr

KIND = "strategie"
LABEL = "Vlaamse Digitale Strategie (strategy document)"

DEFAULT_TITLE = "Vlaamse Digitale Strategie"

# Kinds of Box and of Subsection, for the mapping's concept schemes.
BOX_KINDS = ("voorbeeld", "samenwerking", "citaat", "kader", "voetnoot", "sectie")
SUBSECTION_KINDS = ("ambities", "uitdagingen", "initiatieven", "actiepunten", "principes", "sectie")


# --------------------------------------------------------------------------- records


@dataclass(frozen=True)
class Axis:
    """One of the axes of the digital decade ("burger", "onderneming", …), as the text names it."""

    number: int
    label: str
    span: Span


@dataclass(frozen=True)
class ActionPoint:
    """A headed action point under "2.x.4 … hiermee willen we het verschil maken".

    ``number`` is its 1-based order within the speerpunt (the text does not number them);
    ``heading`` is the heading as written (wrapped lines joined, OCR repaired, a final period
    kept), ``text`` its body paragraphs.
    """

    number: int
    heading: str
    text: str
    span: Span


@dataclass(frozen=True)
class Principle:
    """One of the numbered principles ("1. Inclusieve toegang") of the last speerpunt."""

    number: int
    title: str
    text: str
    span: Span


@dataclass(frozen=True)
class Box:
    """Material kept apart from the main text of a speerpunt.

    ``kind`` is one of :data:`BOX_KINDS`: "voorbeeld" (an example under "Strategie in de
    praktijk", titled by its heading), "samenwerking" (a "Hoe werkt Vlaanderen samen …?" block,
    titled by that question), "citaat" (a quote; ``title`` is the attribution), "kader" (a
    titled text box), "voetnoot" (a footnote; ``title`` is its number) or "sectie" (a numbered
    sub-section the family does not define; ``title`` is its heading).
    """

    kind: str
    title: str | None
    text: str
    span: Span


@dataclass(frozen=True)
class Subsection:
    """A numbered sub-section heading of a speerpunt, its number normalised ("2.4.1" for an
    OCR'd "2.41" or "211"). ``kind`` is one of :data:`SUBSECTION_KINDS`; ``span`` covers the
    heading and its text up to the next sub-section."""

    number: str
    kind: str
    title: str
    span: Span


@dataclass(frozen=True)
class Speerpunt:
    """One speerpunt (spearhead) with its sub-sections.

    ``number`` is written as in the text ("2.1"). ``title`` is the heading in normal
    capitalisation: the wording of the list of speerpunten in the introduction where it matches
    the heading, else the heading itself recased; ``heading`` is the heading as printed (capitals,
    OCR repaired). ``summary`` is the description from that list. ``introduction`` is text
    between the heading and the first sub-section. ``challenges_title`` is the part after
    "Een schets van de uitdagingen:"; ``action_points_title`` the part before ": hiermee willen
    we het verschil maken". ``initiatives`` is the running-initiatives sub-section as text: it is
    a multi-column figure in the PDF, which OCR interleaves, so it is not split into items.
    ``action_points_intro`` is prose between the action-point heading and the first action point.
    ``principles_closing`` is a closing paragraph after the last principle that speaks about the
    principles as a whole. ``subsections`` lists the sub-section headings with their spans, so
    each of the texts above can be traced to its lines.
    """

    number: str
    title: str
    heading: str
    summary: str | None
    introduction: str
    ambitions: str
    challenges_title: str | None
    challenges: str
    initiatives: str
    action_points_title: str | None
    action_points_intro: str
    action_points: tuple[ActionPoint, ...]
    principles_title: str | None
    principles: tuple[Principle, ...]
    principles_closing: str
    examples: tuple[Box, ...]
    boxes: tuple[Box, ...]
    subsections: tuple[Subsection, ...]
    span: Span


@dataclass(frozen=True)
class Strategy:
    """A digital strategy: its introduction, axes and speerpunten.

    ``announced_action_point_count`` is the number of action points the introduction announces
    ("36 actiepunten"); the body may hold a different number of headed action points.
    """

    title: str
    introduction: str
    announced_action_point_count: int | None
    axes: tuple[Axis, ...]
    speerpunten: tuple[Speerpunt, ...]
    span: Span

    @property
    def action_points(self) -> tuple[ActionPoint, ...]:
        """All action points in document order."""
        return tuple(ap for sp in self.speerpunten for ap in sp.action_points)


# --------------------------------------------------------------------------- detection

_SUB_VERSCHIL = re.compile(r"^\s*\S{1,8}\s+.{0,80}verschil\s+maken\s*$", re.I | re.M)
_SUB_AMBITIES = re.compile(r"^\s*\S{1,8}\s+Ambities\s*$", re.I | re.M)
_SUB_LOPEND = re.compile(r"^\s*\S{1,8}\s+(?:Enkele\s+)?lopende\s+initiatieven\s*$", re.I | re.M)
_SUB_UITDAGING = re.compile(r"^\s*\S{1,8}\s+Een\s+schets\s+van\s+de\s+uitdagingen", re.I | re.M)
_SPEERPUNT_WORD = re.compile(r"speerpunt", re.I)


def detect(source: SourceText) -> float:
    """How sure we are that this is a strategy of this family, from its fixed sub-headings.

    Evaluations, resolutions and communications may mention "speerpunten" or "ambities" in
    running text, but only a strategy has numbered "Ambities"/"lopende initiatieven"/"… het
    verschil maken" sub-headings, so those weigh most.
    """
    text = source.text
    score = 0.35 * min(len(_SUB_VERSCHIL.findall(text)), 3) / 3
    score += 0.2 * min(len(_SUB_AMBITIES.findall(text)), 3) / 3
    score += 0.15 * min(len(_SUB_LOPEND.findall(text)), 3) / 3
    score += 0.15 * min(len(_SUB_UITDAGING.findall(text)), 3) / 3
    score += 0.15 * min(len(_SPEERPUNT_WORD.findall(text)), 6) / 6
    return round(min(score, 1.0), 3)


# --------------------------------------------------------------------------- line model

_FOOTER = re.compile(r"verbeelding\s+werkt", re.I)
_LOGO = re.compile(r"^[\s/\\()\"'`.,|]*(?:Vlaanderen)?[\s/\\()\"'`.,|]*$")
_PAGE_NUMBER = re.compile(r"^\s*\d{1,3}\s*$")
_WORD = re.compile(r"[A-Za-zÀ-ÿ]+(?:-[A-Za-zÀ-ÿ]+)*")
_WORD_OR_STOP = re.compile(r"[A-Za-zÀ-ÿ]+(?:-[A-Za-zÀ-ÿ]+)*|[.!?:•“\"‘(]")
_SENTENCE_STOPS = frozenset('.!?:•“"‘(')
_BULLET = re.compile(r"^(?:[D»«*•·▪■►▶+\-–]|o(?=\s+\S)|e(?=\s+[A-Z]))\s+(?=\S)")
_SOUP = re.compile(r"\S {2,}\S|\s[*«»•·▪■]\s")
_QUOTE_OPEN = "“\"„‘'«"
_FOOTNOTE = re.compile(r"^(\d{1,2})\s+[A-Z]")
_NUMBERED_ITEM = re.compile(r"^\d{1,2}[.)]?\s+[A-Z][a-zà-ÿ]")
_QUESTION = re.compile(r"^[A-Z][^?“”\"]{5,118}\?$")
_QUOTE_CLOSE = "”\"’'»"
_TERMINAL = ".!?"
# A heading in capitals that ends in one of these words wraps onto the next line.
_FUNCTION_WORDS = frozenset(
    (
        "EN",
        "MET",
        "VAN",
        "DE",
        "HET",
        "EEN",
        "OP",
        "IN",
        "VOOR",
        "NAAR",
        "TOT",
        "OM",
        "BIJ",
        "AAN",
        "DOOR",
        "OF",
        "ALS",
        "TE",
        "DAT",
    )
)


@dataclass
class _Block:
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

    def head(self, j: int) -> _Block:
        """The first j lines."""
        return _Block(self.lines[:j], frozenset(k for k in self.breaks if k < j))

    def tail(self, j: int) -> _Block:
        """The lines from index j on."""
        return _Block(self.lines[j:], frozenset(k - j for k in self.breaks if k >= j))


class _Doc:
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
        self.words: dict[str, int] = {}
        self.hyphenated: set[str] = set()
        self.casing: dict[str, dict[str, int]] = {}
        self._vocabulary()
        self._correct_l_read_as_i()
        self.prefixes: dict[str, int] = {}
        for word, count in self.words.items():
            if len(word) >= 5:
                self.prefixes[word[:5]] = self.prefixes.get(word[:5], 0) + count

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

    def _vocabulary(self) -> None:
        """Word counts, hyphenated compounds and the usual casing of each word mid-sentence."""
        words, casing = self.words, self.casing
        for i in range(1, self.n + 1):
            if i in self.furniture:
                continue
            text = self.lines[i - 1].strip()
            if text.endswith("-"):
                text = text[:-1].rsplit(" ", 1)[0] if " " in text else ""  # "organisa-"
            previous = "."  # a line may start a sentence: its first word says nothing
            caps = _is_caps(text)  # headings in capitals say nothing about casing either
            for m in _WORD_OR_STOP.finditer(text):
                word = m.group(0)
                if not word[0].isalpha():
                    previous = word
                    continue
                low = word.lower()
                if "-" in low:
                    self.hyphenated.add(low)
                    for part in low.split("-"):
                        words[part] = words.get(part, 0) + 1
                else:
                    words[low] = words.get(low, 0) + 1
                    if previous not in _SENTENCE_STOPS and not caps:
                        form = (
                            "upper"
                            if word.isupper() and len(word) > 1
                            else "title"
                            if word[0].isupper()
                            else "lower"
                        )
                        counts = casing.setdefault(low, {})
                        counts[form] = counts.get(form, 0) + 1
                previous = word

    def _correct_l_read_as_i(self) -> None:
        """OCR reads "l" as "i" ("viotter"): a word seen once that becomes a word the document
        uses at least twice when one "i" is read as "l" is corrected throughout."""
        words = self.words
        fixes: dict[str, str] = {}
        for word, count in words.items():
            if count != 1 or "i" not in word or len(word) < 5:
                continue
            for k, c in enumerate(word):
                if c == "i":
                    candidate = f"{word[:k]}l{word[k + 1 :]}"
                    if words.get(candidate, 0) >= 2:
                        fixes[word] = candidate
                        break
        if not fixes:
            return
        pattern = re.compile(r"\b(" + "|".join(map(re.escape, fixes)) + r")\b", re.I)

        def fix(m: re.Match[str]) -> str:
            found = m.group(1)
            right = fixes.get(found.lower())
            if right is None:
                return found
            return right.capitalize() if found[0].isupper() else right

        self.lines = tuple(pattern.sub(fix, line) for line in self.lines)

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

    def plausible(self, text: str) -> bool:
        """Whether every word of ``text`` (a line of this document) is a word, or shares its
        stem with a word, that the document also uses elsewhere: OCR debris is not."""
        words = [w.lower() for w in _WORD.findall(text)]
        if not words:
            return False
        for word in words:
            if len(word) < 5:
                if self.words.get(word, 0) < 2:
                    return False
            elif self.prefixes.get(word[:5], 0) < 2:
                return False
        return True

    def recase(self, word: str, first: bool) -> str:
        """A word from a heading in capitals, in the casing the body text gives it."""
        low = word.lower()
        counts = self.casing.get(low, {})
        form = max(counts, key=lambda f: counts[f]) if counts else "lower"
        if form == "upper" or (len(word) > 1 and word.isupper() and low in {"ai", "ict", "eu"}):
            out = word.upper()
        elif form == "title":
            out = low[:1].upper() + low[1:]
        else:
            out = low
        return out[:1].upper() + out[1:] if first else out

    # ---- blocks

    def blocks(self, start: int, end: int) -> list[_Block]:
        """Blank-line separated blocks of lines start..end, furniture left out.

        A line that starts with a bullet starts a block of its own.
        """
        out: list[_Block] = []
        current: list[tuple[int, str]] = []
        for i in range(start, end + 1):
            if i in self.furniture:
                continue
            text = self.lines[i - 1].strip()
            if not text:
                if current:
                    out.append(_Block(current))
                    current = []
                continue
            if current and self._starts_block(i, text, current[-1][1]):
                out.append(_Block(current))
                current = []
            current.append((i, text))
        if current:
            out.append(_Block(current))
        return out

    def _starts_block(self, number: int, text: str, previous: str) -> bool:
        """Whether a line starts a new block although no blank line precedes it.

        The OCR often glues the first line of a page to the last line of the previous one:
        a bullet, a box title ("Hoe werkt …?", "STRATEGIE IN DE PRAKTIJK") or a new paragraph
        at a page start (the line is indented) after a finished sentence or a short line.
        """
        if _BULLET.match(text) and not _is_caps(text):
            return True
        if (
            _is_caps(text) != _is_caps(previous)
            and len(text.split()) >= 2
            and len(previous.split()) >= 2
        ):
            return True
        finished = previous[-1] in _TERMINAL or len(previous) < 0.7 * self.width
        if _QUESTION.match(text) and (finished or previous.endswith("?")):
            return True
        if previous.endswith("?") and _QUESTION.match(previous):
            return True
        short_open = len(previous) < 0.7 * self.width and previous[-1] not in _TERMINAL + ",;:-"
        if short_open and _starts_we(text) and not _starts_we(previous):
            return True  # "Principes van … (caption)" + "We ontwikkelen …" (a heading)
        if (
            previous[-1] in _TERMINAL
            and _NUMBERED_ITEM.match(text)
            and len(text) < 0.7 * self.width
            and text[-1] not in _TERMINAL
        ):
            return True  # "4. Soevereiniteit over eigen gegevens" after a finished paragraph
        page_start = self.raw[number - 1][:1].isspace()
        if page_start and _FOOTNOTE.match(previous):
            return True  # a footnote ends the page before
        if _FOOTNOTE.match(text) and previous[-1] in _TERMINAL and self.page_end_after(number):
            return True  # a footnote at the foot of the page
        return (
            page_start
            and finished
            and (text[:1].isupper() or text[:1].isdigit() or text[:1] in _QUOTE_OPEN)
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
                left = _WORD.findall(prev[:-1])
                left_word = left[-1] if left and prev[-2].isalpha() else ""
                right = part.split(" ", 1)[0]
                if left_word:
                    glue = self._hyphen_glue(left_word, right)
                    if glue is not None:
                        merged[-1] = prev + glue + part if glue else prev + part
                        continue
                    merged[-1] = prev[:-1] + part
                    continue
            merged.append(part)
        return join_wrapped(merged)

    def _hyphen_glue(self, left: str, right: str) -> str | None:
        """How to join "left-" + "right": None drops the hyphen, "" keeps it, " " adds a space."""
        bare_right = re.sub(r"[^\wÀ-ÿ-].*$", "", right)
        last = left.split("-")[-1]
        if right in {"en", "of", "tot", "and", "or"}:
            return " "
        if not bare_right or not bare_right[0].islower():
            return ""
        if last == "Al" or (len(last) > 1 and last.isupper()) or any(c.isdigit() for c in last):
            return ""
        if "-" in left:
            return ""  # "up-to-" + "date"
        joined_hyphen = f"{left}-{bare_right}".lower()
        joined = f"{left}{bare_right}".lower()
        if joined_hyphen in self.hyphenated:
            return ""
        if joined in self.words:
            return None
        if last.lower() in {"niet", "non", "ex", "oud", "vice", "anti", "pre", "post"}:
            return ""
        if last[-1].lower() in "aeiou" and bare_right[0] == last[-1].lower():
            return ""
        return None

    def render(self, blocks: list[_Block]) -> str:
        """Blocks as text: one paragraph per block, OCR repaired, bullets as "• "."""
        paragraphs = []
        for block in blocks:
            text = self.join(block.texts)
            if "Al" in text:
                text = fix_ocr(text)  # "Al-" + "wetgeving" joined across a line end
            text = _BULLET.sub("• ", text, count=1) if _BULLET.match(text) else text
            if text:
                paragraphs.append(text)
        return "\n\n".join(paragraphs)


# --------------------------------------------------------------------------- block shapes


_LETTER = re.compile(r"[^\W\d_]")
_UPPER = re.compile(r"[A-ZÀ-ÖØ-Þ]")
_NOT_TEXT = re.compile(r"[^\w\s,.;:'’‘“”\"()\-–&%€/]|[\d_]")


def _letters(text: str) -> int:
    """How many letters (OCR debris has few)."""
    return len(_LETTER.findall(text))


def _is_caps(text: str) -> bool:
    """Mostly capitals (a heading, a box marker, an attribution)."""
    letters = _letters(text)
    return letters >= 3 and len(_UPPER.findall(text)) / letters >= 0.8


def _texty(text: str) -> bool:
    """Mostly letters and spaces, as running text is (diagram debris is not)."""
    if not text:
        return False
    bad = len(_NOT_TEXT.findall(text))
    return bad / len(text) <= 0.1 and _letters(text) / len(text) >= 0.65


def _memo(key: str) -> Callable[[Callable[[_Block, int], bool]], Callable[[_Block, int], bool]]:
    """Remember a shape test per block: the action-point walk asks the same questions often."""

    def wrap(test: Callable[[_Block, int], bool]) -> Callable[[_Block, int], bool]:
        def cached(block: _Block, width: int) -> bool:
            if key not in block.memo:
                block.memo[key] = test(block, width)
            return block.memo[key]

        return cached

    return wrap


@_memo("soup")
def _is_soup(block: _Block, width: int) -> bool:
    """Several columns run together by the OCR: runs of spaces, bullets in mid-line."""
    return any(_SOUP.search(t) for t in block.texts)


@_memo("prose")
def _is_prose(block: _Block, width: int) -> bool:
    """A paragraph of running text: full-width lines (but the last), or one whole sentence."""
    if _is_soup(block, width) or _is_caps(block.flat) or not _texty(block.flat):
        return False
    texts = block.texts
    if len(texts) == 1:
        text = texts[0]
        return text[-1] in _TERMINAL + ':;”"' and (
            len(text) >= 0.55 * width or len(text.split()) >= 4
        )
    return all(len(t) >= 0.55 * width for k, t in enumerate(texts[:-1]) if k not in block.breaks)


@_memo("sentence")
def _is_sentence(block: _Block, width: int) -> bool:
    """Short text that still reads as a sentence (a lead-in ending in ":", a one-line item)."""
    flat = block.flat
    return (
        len(block.lines) <= 2
        and not _is_soup(block, width)
        and _texty(flat)
        and not _is_caps(flat)
        and flat[-1] in _TERMINAL + ":;,”"
        and len(flat.split()) >= 3
        and flat[:1].isalnum()
    )


@_memo("bullet")
def _is_bullet_item(block: _Block, width: int) -> bool:
    """A bulleted list item ("D het stimuleren …", "o Partnerorganisaties …")."""
    m = _BULLET.match(block.first)
    if m is None or _is_soup(block, width):
        return False
    rest = block.flat[m.end() :]
    return (
        (rest[:1].isalnum() or rest[:1] in _QUOTE_OPEN)
        and len(rest.split()) >= 2
        and _texty(rest)
        and (len(block.lines) == 1 or _is_prose(block, width))
    )


@_memo("text")
def _is_text(block: _Block, width: int) -> bool:
    """Whether a block belongs in a text: a paragraph, a sentence or a bullet item."""
    return _is_prose(block, width) or _is_sentence(block, width) or _is_bullet_item(block, width)


def _starts_we(text: str) -> bool:
    return re.match(r"We\b", text) is not None


@_memo("headlike")
def _is_headlike(block: _Block, width: int) -> bool:
    """One or two lines that could be a heading: capitalised, no sentence end, no debris."""
    texts = block.texts
    if len(texts) > 2 or _is_soup(block, width) or _is_marker(block):
        return False
    flat = block.flat
    if not (flat[:1].isupper() or (flat[:1].isdigit() and re.match(r"\d+[A-Za-z]", flat))):
        return False
    if _is_caps(flat) or not _texty(flat) or _BULLET.match(flat):
        return False
    if flat[-1] in ",;:" or flat[0] in _QUOTE_OPEN:
        return False
    if flat[-1] in _TERMINAL and not _starts_we(flat):
        return False
    if re.search(r"[.!?]\s+[A-Z]", flat[:-1]):
        return False  # two sentences: a paragraph
    return all(len(t) <= 1.05 * width for t in texts)


def _is_attribution(block: _Block) -> bool:
    """The signature under a quote, in capitals ("- FRANK BECKX, VOKA")."""
    flat = block.flat.lstrip("-–— ")
    return (
        len(block.lines) <= 3
        and _is_caps(flat)
        and len(flat.split()) >= 2
        and _letters(flat) >= 6
        and not _is_example_marker(block)
    )


def _is_example_marker(block: _Block) -> bool:
    """The "STRATEGIE IN DE PRAKTIJK — EEN VOORBEELD" banner (OCR may garble PRAKTIJK)."""
    flat = block.flat
    return (
        len(block.lines) <= 2
        and _is_caps(flat)
        and re.search(r"PRAKTI|VOORBEELD", flat) is not None
    )


def _question_marker(block: _Block) -> str | None:
    """The title of a cooperation box ("Hoe werkt Vlaanderen samen met …?"), or None.

    Such a box runs to the end of the speerpunt; other questions stay in the running text.
    """
    if (
        len(block.lines) == 1
        and _QUESTION.match(block.first)
        and re.search(r"\bsamen", block.first, re.I)
    ):
        return block.first
    return None


def _is_marker(block: _Block) -> bool:
    """A box banner: it ends the running text before it."""
    return _is_example_marker(block) or _question_marker(block) is not None


# --------------------------------------------------------------------------- headings

_NUMBERED = re.compile(r"^\s*(?P<num>\d{1,2}(?:[.,]\d{1,2}){0,3})\.?\s+(?P<title>\S.*?)\s*$")
_SUB = re.compile(r"^\s*(?P<tok>\S{1,8})\s+(?P<title>\S.*?)\s*$")
_SUB_KINDS = (
    ("ambitions", re.compile(r"^ambities?\b", re.I)),
    ("challenges", re.compile(r"^(?:een\s+|de\s+)?(?:schets\s+van\s+de\s+)?uitdagingen\b", re.I)),
    (
        "initiatives",
        re.compile(
            r"^(?:enkele\s+|de\s+)?(?:lopende\s+)?initiatieven\b"
            r"|\blopende\s+initiatieven\b",
            re.I,
        ),
    ),
    ("action_points", re.compile(r"verschil\s+maken\.?$|^(?:acties|actiepunten)\b", re.I)),
    ("principles", re.compile(r"\bprincipes\b", re.I)),
)
_ORDER = {"ambitions": 1, "challenges": 2, "initiatives": 3, "action_points": 4}
_SUBSECTION_KIND = {
    "ambitions": "ambities",
    "challenges": "uitdagingen",
    "initiatives": "initiatieven",
    "action_points": "actiepunten",
    "principles": "principes",
}


def _digits(token: str) -> str:
    """The digits of a number, dots lost or not ("2.41" and "2.4.1" both give "241")."""
    return re.sub(r"\D", "", token)


def _sub_kind(title: str) -> str | None:
    """What a sub-heading is, from the family's fixed wording."""
    for kind, pattern in _SUB_KINDS:
        if pattern.search(title):
            return kind
    return None


@dataclass
class _Sub:
    """A sub-section heading line inside a speerpunt."""

    line: int
    end_line: int
    token: str
    title: str
    kind: str | None
    k: int | None = None


@dataclass
class _Head:
    """A speerpunt heading: its number parts, first title line and where it is."""

    line: int
    number: tuple[int, ...]
    title: str
    end_line: int = 0
    subs: list[_Sub] = field(default_factory=list)

    @property
    def digits(self) -> str:
        return "".join(str(p) for p in self.number)

    @property
    def label(self) -> str:
        return ".".join(str(p) for p in self.number)


def _number_parts(num: str) -> tuple[int, ...]:
    """Split "2.4" into (2, 4); a comma the OCR read for a dot counts as a dot."""
    return tuple(int(p) for p in re.split(r"[.,]", num) if p)


def _scan_subs(doc: _Doc) -> list[_Sub]:
    """Every line that reads as a sub-heading of the family ("2.1.1 Ambities", "g.]bz Een schets
    van de uitdagingen: …"), by wording, with a number-like token before it."""
    subs = []
    for i in range(1, doc.n + 1):
        if i in doc.furniture:
            continue
        m = _SUB.match(doc.line(i))
        if not m:
            continue
        token, title = m.group("tok"), m.group("title")
        numeric = re.fullmatch(r"[\d.,]+", token) is not None
        garbled = not numeric and len(token) <= 6 and re.search(r"[\d.\]\[|]", token) is not None
        if not (numeric or garbled) or re.fullmatch(r"\d{4}", token) or not title[:1].isupper():
            continue
        kind = _sub_kind(title)
        if kind is None and (not (numeric and token.count(".") >= 2) or _is_caps(title)):
            continue
        if len(title) > 130 or (title[-1] in _TERMINAL and kind is None):
            continue
        subs.append(_Sub(line=i, end_line=i, token=token, title=title, kind=kind))
    return subs


def _scan_heads(doc: _Doc) -> list[_Head]:
    """Numbered heading lines in capitals ("2.1 IEDEREEN …", "11 DE VIER ASSEN …")."""
    heads = []
    for i in range(1, doc.n + 1):
        if i in doc.furniture:
            continue
        m = _NUMBERED.match(doc.line(i))
        if not m:
            continue
        title = m.group("title")
        if not _is_caps(title) or _letters(title) < 4 or title[-1] in ".,;":
            continue
        heads.append(_Head(line=i, number=_number_parts(m.group("num")), title=title))
    dotted_depths = {len(h.number) for h in heads if len(h.number) > 1}
    if 2 in dotted_depths:
        for h in heads:  # "11 DE VIER ASSEN": the OCR lost the dot of "1.1"
            if len(h.number) == 1 and 10 <= h.number[0] <= 99:
                h.number = (h.number[0] // 10, h.number[0] % 10)
    return heads


def _attach(doc: _Doc, heads: list[_Head], subs: list[_Sub]) -> list[_Head]:
    """Speerpunt headings are the numbered headings that own sub-headings; give each its own."""
    owned: list[_Head] = []
    numeric = [sub for sub in subs if re.fullmatch(r"[\d.,]+", sub.token)]
    garbled = [sub for sub in subs if sub not in numeric]
    for sub in numeric + garbled:  # a garbled number only joins a speerpunt found by numbers
        before = [h for h in heads if h.line < sub.line]
        if not before:
            continue
        digits = _digits(sub.token)
        owner = None
        if sub in numeric:
            for head in reversed(before):
                extra = digits[len(head.digits) :]
                if digits.startswith(head.digits) and (
                    len(extra) == 1 or (len(extra) == 2 and sub.token.count(".") >= 2)
                ):
                    owner = head
                    sub.k = int(extra)
                    break
            if owner is None and sub.token.count(".") >= 2 and sub.kind is not None:
                raise doc.source.error(
                    f"sub-section {sub.token} '{sub.title}' does not belong to the speerpunt "
                    f"before it (expected a number under {before[-1].label})",
                    sub.line,
                )
        elif before[-1] in owned:
            owner = before[-1]  # a garbled number: the wording says what it is
        if owner is None or (owner is not before[-1] and owner not in owned):
            continue
        if owner is not before[-1]:
            raise doc.source.error(
                f"sub-section {sub.token} '{sub.title}' comes after heading {before[-1].label} "
                f"but is numbered under {owner.label}",
                sub.line,
            )
        owner.subs.append(sub)
        if owner not in owned:
            owned.append(owner)
    if not owned:
        return []
    for head in owned:
        head.subs.sort(key=lambda sub: sub.line)
    # Siblings without sub-sections still count: same depth, same parent, after the first
    # speerpunt or numbered right before it ("2.1" without sub-sections before "2.2 …").
    depth = len(owned[0].number)
    parent = owned[0].number[:-1]
    siblings = [h for h in heads if len(h.number) == depth and h.number[:-1] == parent]
    first = siblings.index(owned[0])
    while first > 0 and siblings[first - 1].number[-1] == siblings[first].number[-1] - 1:
        first -= 1
    return siblings[first:]


def _wrap_subheading(doc: _Doc, sub: _Sub) -> None:
    """A sub-heading that wraps: a short lower-case continuation line made of real words."""
    nxt = sub.line + 1
    if nxt > doc.n or nxt in doc.furniture:
        return
    text = doc.line(nxt).strip()
    after = doc.line(nxt + 1).strip() if nxt + 1 <= doc.n else ""
    if (
        text
        and text[0].islower()
        and len(text) <= 45
        and text[-1] not in _TERMINAL + ",;"
        and not after
    ):
        if doc.plausible(text):
            sub.title = fix_ocr(f"{sub.title} {text}")
        sub.end_line = nxt  # either way the line belongs to the heading, not the text


# --------------------------------------------------------------------------- parse


def parse(source: SourceText) -> Strategy:
    """Read a strategy document into typed records (see the module docstring)."""
    doc = _Doc(source)
    heads = _scan_heads(doc)
    subs = _scan_subs(doc)
    speerpunt_heads = _attach(doc, heads, subs)
    if not speerpunt_heads:
        raise source.error(
            "expected speerpunt sections: a numbered heading in capitals "
            "(e.g. '2.1 IEDEREEN …') followed by sub-sections such as "
            "'2.1.1 Ambities' or '2.1.4 …: hiermee willen we het verschil maken'"
        )
    _check_numbering(doc, speerpunt_heads)
    first_line = speerpunt_heads[0].line
    pre_heads = [h for h in heads if h.line < first_line]

    listing = _speerpunt_list(doc, 1, first_line - 1, len(speerpunt_heads))
    _finish_heads(doc, speerpunt_heads, listing)

    list_start = min((item.line for item in listing.values()), default=first_line)
    introduction = _introduction(doc, pre_heads, min(first_line, list_start) - 1)
    pre_text = _flat_text(doc, 1, first_line - 1)
    announced = re.search(r"\b(\d+)\s+actiepunten\b", pre_text)
    speerpunten = tuple(
        _speerpunt(doc, head, listing.get(index), speerpunt_heads, heads)
        for index, head in enumerate(speerpunt_heads)
    )
    last = max((i for i in range(1, doc.n + 1) if doc.line(i).strip()), default=1)
    return Strategy(
        title=_title(doc),
        introduction=introduction,
        announced_action_point_count=int(announced.group(1)) if announced else None,
        axes=_axes(doc, pre_heads, first_line - 1),
        speerpunten=speerpunten,
        span=Span(1, last),
    )


def _check_numbering(doc: _Doc, heads: list[_Head]) -> None:
    """Speerpunten are numbered 1, 2, 3 … without gaps; a gap is a malformed document."""
    expected = heads[0].number[-1]
    if expected != 1:
        raise doc.source.error(
            f"expected the first speerpunt to be numbered "
            f"{'.'.join(map(str, (*heads[0].number[:-1], 1)))}, found {heads[0].label}",
            heads[0].line,
        )
    for head in heads:
        if head.number[-1] != expected:
            wanted = ".".join(map(str, (*head.number[:-1], expected)))
            raise doc.source.error(
                f"expected speerpunt {wanted} next, found {head.label} '{head.title}'", head.line
            )
        expected += 1


def _finish_heads(doc: _Doc, speerpunt_heads: list[_Head], listing: dict[int, _ListItem]) -> None:
    """Join wrapped heading titles and fix the sub-section numbers and kinds."""
    for index, head in enumerate(speerpunt_heads):
        head.end_line = head.line
        nxt = head.line + 1
        item = listing.get(index)
        if nxt <= doc.n and nxt not in doc.furniture:
            text = doc.line(nxt).strip()
            if text and _is_caps(text) and _NUMBERED.match(text) is None:
                longer = f"{head.title} {text}"
                last_word = head.title.split()[-1] if head.title.split() else ""
                if item is not None:
                    wraps = _similar(longer, item.title) > _similar(head.title, item.title)
                else:
                    wraps = last_word in _FUNCTION_WORDS or head.title[-1] in ":,-"
                if wraps:
                    head.title = longer
                    head.end_line = nxt
        seen: dict[str, _Sub] = {}
        previous_k = 0
        for sub in head.subs:
            if sub.k is None:
                sub.k = previous_k + 1
            if sub.kind is None:
                sub.kind = next(
                    (k for k, v in _ORDER.items() if v == sub.k and k not in seen), None
                )
            if sub.kind is not None:
                if sub.kind in seen:
                    raise doc.source.error(
                        f"speerpunt {head.label} has a second '{sub.kind}' sub-section "
                        f"(first at line {seen[sub.kind].line})",
                        sub.line,
                    )
                seen[sub.kind] = sub
            previous_k = sub.k
            _wrap_subheading(doc, sub)


def _similar(a: str, b: str) -> float:
    """Similarity of two titles, ignoring case and punctuation (OCR damages both)."""

    def norm(s: str) -> str:
        return re.sub(r"[^a-z0-9à-ÿ]+", " ", s.lower()).strip()

    return SequenceMatcher(None, norm(a), norm(b)).ratio()


# --------------------------------------------------------------------------- introduction


def _flat_text(doc: _Doc, start: int, end: int) -> str:
    """Lines as one string, for phrases that may wrap ("niet minder dan\\n36 actiepunten")."""
    return fix_ocr(
        squash(" ".join(doc.line(i) for i in range(start, end + 1) if i not in doc.furniture))
    )


def _introduction(doc: _Doc, pre_heads: list[_Head], end: int) -> str:
    """The text before the first numbered section, or under it when that section opens the
    document ("1 INLEIDING")."""
    start = 1
    if pre_heads:
        before = [b for b in doc.blocks(1, pre_heads[0].line - 1) if _is_text(b, doc.width)]
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
        and blocks[0].first[-1] not in _TERMINAL
    ):
        blocks = blocks[1:]  # "Inleiding", a cover title
    if blocks and blocks[-1].flat.endswith(":") and len(blocks[-1].lines) == 1:
        blocks = blocks[:-1]  # "De speerpunten zijn:", the lead-in of the list
    blocks = _merge_continuations(blocks)
    kept = [b for b in blocks if not _is_soup(b, doc.width) and _texty(b.flat)]
    return doc.render(kept)


_TITLE_RUNNING = re.compile(
    r"(?<![\w])((?:(?!(?:De|Deze|Onze|Een|Het|Dit|Die|Zo|Met|In)\b)[A-Z][a-zà-ÿ]+\s+){1,3}"
    r"Strategie)\b"
)
_TITLE_CAPS = re.compile(r"^\s*((?:[A-Z]+\s+){1,3}STRATEGIE)\b", re.M)


def _title(doc: _Doc) -> str:
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


def _axes(doc: _Doc, pre_heads: list[_Head], end: int) -> tuple[Axis, ...]:
    """The axes as listed where the text names them; the section about the axes wins."""
    candidates: list[tuple[int, tuple[Axis, ...]]] = []
    for block in _merge_continuations(doc.blocks(1, end)):
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


@dataclass
class _ListItem:
    number: int
    title: str
    summary: str | None
    line: int


_LIST_ITEM = re.compile(r"^\s*(?P<n>\d{1,2})[.)]\s+(?P<title>\S.*?)\s*$")


def _speerpunt_list(doc: _Doc, start: int, end: int, count: int) -> dict[int, _ListItem]:
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
        if not title[:1].isupper() or _is_caps(title) or title[-1] in _TERMINAL or len(title) > 130:
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
    items: dict[int, _ListItem] = {}
    for index, (line, n, title) in enumerate(best):
        stop = best[index + 1][0] - 1 if index + 1 < len(best) else end
        blocks = _merge_continuations(doc.blocks(line + 1, stop))
        if (
            blocks
            and blocks[0].first[:1].islower()
            and len(blocks[0].lines) == 1
            and blocks[0].start == line + 1
        ):
            title = fix_ocr(f"{title} {blocks[0].first}")  # a wrapped item title
            blocks = blocks[1:]
        texts = [b for b in blocks if _is_text(b, doc.width)]
        if index + 1 == len(best):
            texts = texts[:1]  # after the last item the section goes on
        summary = doc.render(texts) or None
        items[index] = _ListItem(n, title, summary, line)
    return items


# --------------------------------------------------------------------------- speerpunt


def _merge_continuations(blocks: list[_Block]) -> list[_Block]:
    """Undo blank lines the OCR put inside a paragraph: a block starting in lower case
    (not a bullet) continues the block before it."""
    out: list[_Block] = []
    for block in blocks:
        first = block.first
        if out and (
            (first[:1].islower() and not _BULLET.match(first))
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


def _joined(first: _Block, second: _Block) -> _Block:
    """Two blocks as one paragraph, remembering where the OCR had split it."""
    shift = len(first.lines)
    breaks = first.breaks | {shift - 1} | {shift + i for i in second.breaks}
    return _Block(first.lines + second.lines, frozenset(breaks))


# "… is de Vlaamse score" + blank + "11 punten hoger …": a number that goes on a sentence.
_NUMBER_GOES_ON = re.compile(r"^\d[\d.,%]*\s+[a-zà-ÿ]")


def _drop_orphans(blocks: list[_Block]) -> list[_Block]:
    """A lone lower-case scrap right after a heading is heading debris ("ijbenen")."""
    if (
        blocks
        and blocks[0].first[:1].islower()
        and len(blocks[0].lines) == 1
        and len(blocks[0].first.split()) <= 3
        and not _BULLET.match(blocks[0].first)
    ):
        return blocks[1:]
    return blocks


def _extract_footnotes(doc: _Doc, blocks: list[_Block]) -> tuple[list[_Block], list[Box]]:
    """Footnotes: "1 Onder de scope …" at a page end (next line starts a page)."""
    kept: list[_Block] = []
    notes: list[Box] = []
    for block in blocks:
        m = _FOOTNOTE.match(block.first)
        if (
            m
            and len(block.lines) <= 3
            and doc.page_end_after(block.end)
            and not _is_caps(block.flat)
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


def _extract_quotes(doc: _Doc, blocks: list[_Block]) -> tuple[list[_Block], list[Box]]:
    """Quotes: text opened by a quotation mark and closed by an attribution in capitals."""
    kept = list(blocks)
    quotes: list[tuple[int, Box]] = []
    i = 0
    while i < len(kept):
        block = kept[i]
        if i == 0 or not _is_attribution(block):
            i += 1
            continue
        start = None
        for j in range(i - 1, max(-1, i - 4), -1):
            if kept[j].first[:1] in _QUOTE_OPEN:
                start = j
                break
            if not _is_text(kept[j], doc.width) and not _is_headlike(kept[j], doc.width):
                break
        if start is None and kept[i - 1].flat[-1:] in _QUOTE_CLOSE:
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


def _prepare(doc: _Doc, start: int, end: int) -> tuple[list[_Block], list[Box]]:
    """Blocks of a region with furniture, footnotes and quotes taken out."""
    if end < start:
        return [], []
    blocks = doc.blocks(start, end)
    blocks, notes = _extract_footnotes(doc, blocks)
    blocks = _drop_orphans(_merge_continuations(blocks))
    blocks, quotes = _extract_quotes(doc, blocks)
    return blocks, notes + quotes


def _end_of_last(doc: _Doc, head: _Head, heads: list[_Head]) -> int:
    """Where the last speerpunt ends: at a following section in capitals that is numbered
    after it and not under it ("3 OPVOLGING", "2.2 MONITORING"), else at the end.

    A numbered line in capitals that continues a run inside the speerpunt ("3. VEILIGHEID"
    after "2. RECHT …") is an item of a list, not a chapter.
    """
    last_sub = head.subs[-1].line if head.subs else head.line
    inside = [h for h in heads if h.line > last_sub]
    depth = len(head.number)
    for h in inside:
        if len(h.number) > depth or h.number <= head.number:
            continue
        run = any(
            o.line < h.line
            and len(o.number) == len(h.number)
            and o.number[:-1] == h.number[:-1]
            and o.number[-1] == h.number[-1] - 1
            for o in inside
        )
        if not run:
            return h.line - 1
    return doc.n


def _speerpunt(
    doc: _Doc, head: _Head, item: _ListItem | None, speerpunt_heads: list[_Head], heads: list[_Head]
) -> Speerpunt:
    """One speerpunt: its region split at its sub-headings, each part read for what it is."""
    index = speerpunt_heads.index(head)
    if index + 1 < len(speerpunt_heads):
        end = speerpunt_heads[index + 1].line - 1
    else:
        end = _end_of_last(doc, head, heads)
    while end > head.line and (not doc.line(end).strip() or end in doc.furniture):
        end -= 1

    heading = squash(head.title)
    if item is not None and _similar(heading, item.title) >= 0.85:
        title = item.title
    else:
        words = heading.split()
        title = " ".join(doc.recase(w, k == 0) for k, w in enumerate(words))

    parts: dict[str, str] = {}
    boxes: list[Box] = []
    examples: list[Box] = []
    action_points: tuple[ActionPoint, ...] = ()
    principles: tuple[Principle, ...] = ()
    principles_closing = ""
    action_points_intro = ""
    spill = ""
    challenges_title = action_points_title = principles_title = None

    subsections: list[Subsection] = []
    bounds = [(head.end_line + 1, None)] + [(s.end_line + 1, s) for s in head.subs]
    for k, (start, sub) in enumerate(bounds):
        stop = (head.subs[k].line - 1) if k < len(head.subs) else end
        if sub is not None:
            last = stop
            while last > sub.end_line and (not doc.line(last).strip() or last in doc.furniture):
                last -= 1
            number = f"{head.label}.{sub.k}"
            subsections.append(
                Subsection(
                    number,
                    _SUBSECTION_KIND.get(sub.kind or "", "sectie"),
                    sub.title,
                    Span(sub.line, max(last, sub.end_line)),
                )
            )
        blocks, extra = _prepare(doc, start, stop)
        boxes.extend(extra)
        kind = sub.kind if sub is not None else "introduction"
        if kind in ("introduction", "ambitions", "challenges"):
            parts[kind] = doc.render([b for b in blocks if _is_text(b, doc.width)])
        elif kind == "initiatives":
            parts[kind] = doc.render(blocks)
        elif kind == "action_points":
            assert sub is not None
            found = _action_section(doc, blocks, sub)
            action_points, examples_found, boxes_found, lead, spill_blocks = found
            examples.extend(examples_found)
            boxes.extend(boxes_found)
            action_points_intro = doc.render(lead)
            spill = doc.render(spill_blocks)
        elif kind == "principles":
            principles, principles_closing, lead = _principles(doc, blocks)
            if lead:
                parts["introduction"] = "\n\n".join(
                    x for x in (parts.get("introduction", ""), lead) if x
                )
        else:
            assert sub is not None
            text = doc.render([b for b in blocks if _is_text(b, doc.width)])
            boxes.append(Box("sectie", sub.title, text, Span(sub.line, max(sub.line, stop))))
        if sub is not None:
            title_text = sub.title
            if kind == "challenges" and ":" in title_text:
                challenges_title = title_text.split(":", 1)[1].strip() or None
            elif kind == "action_points":
                lead_title = re.split(r"\s*:?\s*hiermee\b", title_text, flags=re.I)[0]
                action_points_title = lead_title.strip(" :") or None
            elif kind == "principles":
                principles_title = title_text

    initiatives = parts.get("initiatives", "")
    if spill and "initiatives" in parts:
        initiatives = f"{initiatives}\n\n{spill}" if initiatives else spill
    return Speerpunt(
        number=head.label,
        title=title,
        heading=heading,
        summary=item.summary if item is not None else None,
        introduction=parts.get("introduction", ""),
        ambitions=parts.get("ambitions", ""),
        challenges_title=challenges_title,
        challenges=parts.get("challenges", ""),
        initiatives=initiatives,
        action_points_title=action_points_title,
        action_points_intro=action_points_intro,
        action_points=action_points,
        principles_title=principles_title,
        principles=principles,
        principles_closing=principles_closing,
        examples=tuple(examples),
        boxes=tuple(sorted(boxes, key=lambda b: b.span)),
        subsections=tuple(subsections),
        span=Span(head.line, max(end, head.end_line)),
    )


# --------------------------------------------------------------------------- action points


@dataclass
class _Item:
    """An action point, example, text box or question box being collected."""

    kind: str  # "ap" | "voorbeeld" | "kader" | "samenwerking" …
    title: str | None
    start: int
    body: list[_Block] = field(default_factory=list)


def _split_we(block: _Block, width: int) -> int | None:
    """Where the body starts in a "We …" block whose heading has no blank line after it."""
    texts = block.texts
    if not _starts_we(texts[0]) or len(texts) < 2:
        return None
    for j in (1, 2):
        if j >= len(texts):
            break
        head = texts[:j]
        if any(t[-1] in _TERMINAL + ",;:" for t in head[:-1]) or not texts[j][:1].isupper():
            continue
        if (
            head[-1][-1] in ",;:"
            or len(head[-1]) >= 0.92 * width
            or (head[-1][-1] in _TERMINAL and len(head[-1]) >= 0.8 * width)
        ):
            continue
        rest = block.tail(j)
        if _is_prose(rest, width):
            return j
    return None


def _titled(block: _Block, width: int) -> bool:
    """A short title line glued to a paragraph (a text box without a blank line)."""
    texts = block.texts
    if len(texts) < 2:
        return False
    title = texts[0]
    return (
        len(title) < 0.55 * width
        and title[:1].isupper()
        and title[-1] not in _TERMINAL + ",;:"
        and not _is_caps(title)
        and _texty(title)
        and _is_prose(block.tail(1), width)
    )


def _body_after(doc: _Doc, blocks: list[_Block], i: int, mode: str) -> tuple[list[_Block], int]:
    """The prose blocks from index i on that form a body, and how many lines they have."""
    body: list[_Block] = []
    lines = 0
    while i < len(blocks):
        block = blocks[i]
        if not _is_text(block, doc.width) or _is_marker(block):
            break
        if body and _is_headlike(block, doc.width) and _qualifies(doc, blocks, i, mode):
            break
        if _split_we(block, doc.width) is not None:
            break  # the next action point, its heading glued to its text
        body.append(block)
        lines += len(block.lines)
        i += 1
    return body, lines


def _qualifies(doc: _Doc, blocks: list[_Block], i: int, mode: str) -> bool:
    """Whether the headlike block at i heads an item: enough body text follows it."""
    block = blocks[i]
    j = i + 1
    lines = 0
    while j < len(blocks) and _is_text(blocks[j], doc.width) and not _is_marker(blocks[j]):
        if lines and _is_headlike(blocks[j], doc.width):
            break
        if _split_we(blocks[j], doc.width) is not None:
            break
        lines += len(blocks[j].lines)
        j += 1
    if lines == 0:
        return False
    if mode == "voorbeeld" or _starts_we(block.first):
        return True
    return lines >= 3


def _action_section(
    doc: _Doc, blocks: list[_Block], sub: _Sub
) -> tuple[tuple[ActionPoint, ...], list[Box], list[Box], list[_Block], list[_Block]]:
    """Split the action-point sub-section into action points, examples and boxes.

    Returns the action points, the examples, the other boxes, prose before the first action
    point and non-prose material before it (a figure the OCR moved past the heading).
    """
    width = doc.width
    items: list[_Item] = []
    lead: list[_Block] = []
    spill: list[_Block] = []
    mode = "ap"
    current: _Item | None = None  # the item that running prose belongs to
    target: _Item | None = None  # the item consecutive prose goes to right now
    pending: _Block | None = None  # a heading-like block that headed nothing (yet)

    def open_item(kind: str, title: str | None, start: int, body: list[_Block]) -> _Item:
        item = _Item(kind, title, start, list(body))
        items.append(item)
        return item

    i = 0
    while i < len(blocks):
        block = blocks[i]
        if _is_example_marker(block):
            mode, current, target, pending = "voorbeeld", None, None, None
            i += 1
            continue
        question = _question_marker(block)
        if question is not None:
            current = target = open_item("samenwerking", question, block.start, [])
            mode, pending = "box", None
            i += 1
            continue
        if mode == "box":
            assert current is not None
            if _is_text(block, width) or _is_headlike(block, width):
                current.body.append(block)
            i += 1
            continue
        item_kind = "ap" if mode == "ap" else "voorbeeld"
        split = _split_we(block, width) if not _is_headlike(block, width) else None
        if _is_headlike(block, width) and _qualifies(doc, blocks, i, mode):
            body, _ = _body_after(doc, blocks, i + 1, mode)
            current = target = open_item(item_kind, doc.join(block.texts), block.start, body)
            pending = None
            i += 1 + len(body)
            continue
        if split is not None:
            head_block = block.head(split)
            rest = block.tail(split)
            body, _ = _body_after(doc, blocks, i + 1, mode)
            current = target = open_item(
                item_kind, doc.join(head_block.texts), block.start, [rest, *body]
            )
            pending = None
            i += 1 + len(body)
            continue
        if _titled(block, width):
            kind = "voorbeeld" if mode == "voorbeeld" else "kader"
            first = block.tail(1)
            item = open_item(kind, block.first, block.start, [first])
            if kind == "voorbeeld":
                current = item
            target = item
            pending = None
            i += 1
            continue
        if _is_headlike(block, width):
            if current is None and pending is not None:
                spill.append(pending)
            pending = block
            target = None
            i += 1
            continue
        if _is_text(block, width):
            if pending is not None:
                target = open_item("kader", doc.join(pending.texts), pending.start, [block])
                pending = None
            elif target is not None:
                target.body.append(block)
            elif current is not None:
                current.body.append(block)
                target = current
            else:
                lead.append(block)
            i += 1
            continue
        # Diagram or column debris.
        if current is None:
            if pending is not None:
                spill.append(pending)
            spill.append(block)
        pending = None
        target = None
        i += 1
    if current is None and pending is not None:
        spill.append(pending)

    action_points: list[ActionPoint] = []
    examples: list[Box] = []
    boxes: list[Box] = []
    for item in items:
        last = item.body[-1].end if item.body else item.start
        span = Span(item.start, last)
        text = doc.render(item.body)
        title = fix_ocr(item.title) if item.title is not None else None
        if item.kind == "ap":
            assert title is not None
            action_points.append(ActionPoint(len(action_points) + 1, title, text, span))
        elif item.kind == "voorbeeld":
            examples.append(Box("voorbeeld", title, text, span))
        else:
            boxes.append(Box(item.kind, title, text, span))
    if not action_points:
        raise doc.source.error(
            f"expected action points after '{sub.token} {sub.title}': a heading line (such as "
            "'We …') followed by a paragraph",
            sub.line,
        )
    return tuple(action_points), examples, boxes, lead, spill


# --------------------------------------------------------------------------- principles

_PRINCIPLE = re.compile(r"^(?P<n>\d{1,2})[.)]?\s+(?P<title>[A-Z].*)$")


def _principles(doc: _Doc, blocks: list[_Block]) -> tuple[tuple[Principle, ...], str, str]:
    """Numbered principles ("1. Inclusieve toegang" + paragraphs), in sequence.

    Returns the principles, a closing paragraph about the principles as a whole (after the
    last one) and text before the first principle.
    """
    found: list[tuple[int, str, int, list[_Block]]] = []
    lead: list[_Block] = []
    for block in blocks:
        m = _PRINCIPLE.match(block.first)
        expected = len(found) + 1
        if (
            m
            and int(m.group("n")) == expected
            and block.first[-1] not in _TERMINAL
            and len(block.first) <= 100
        ):
            body = [block.tail(1)] if len(block.lines) > 1 else []
            found.append((expected, fix_ocr(m.group("title")), block.start, body))
        elif _is_text(block, doc.width):
            (found[-1][3] if found else lead).append(block)
    closing: list[_Block] = []
    if found:
        body = found[-1][3]
        while len(body) > 1 and re.search(r"principes\b", body[-1].flat, re.I):
            closing.insert(0, body.pop())
    principles = tuple(
        Principle(n, title, doc.render(body), Span(line, body[-1].end if body else line))
        for n, title, line, body in found
    )
    return principles, doc.render(closing), doc.render(lead)
