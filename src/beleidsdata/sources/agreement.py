"""Parser for the coalition agreement (regeerakkoord) text itself.

No agreement export ships with the project; what we know of its shape comes from the
sections the evaluations quote. The parser therefore accepts the three shapes such text
arrives in:

* one section, number, title and text on one line
  (``2.3.5 Vlaanderen verder uitbouwen … infrastructuur Met het economisch- …``);
* several sections, each heading on a line of its own, paragraphs below;
* the whole agreement with chapter lines (``2 Een welvarend Vlaanderen``, ``2.3 Economie``),
  perhaps below a header such as ``Vlaams Regeerakkoord 2019-2024``.

Section numbers stay strings ("2.3.5"): they are identifiers, not quantities, and they are
the natural key the evaluations use to point at a section.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .base import SourceText, Span, join_wrapped, squash
from .numbering import SECTION_NUMBER

KIND = "regeerakkoord"
LABEL = "Coalition agreement text (regeerakkoord)"


@dataclass(frozen=True)
class AgreementSection:
    """One numbered section or chapter of the agreement."""

    number: str  # "2.3.5", kept as a string
    title: str
    text: str  # the section's own text; paragraphs separated by a blank line ("\n\n")
    parent: str | None  # number of the nearest enclosing section present in this document
    span: Span
    heading: str = ""  # the heading line after the number, title and what runs on after it
    heading_paragraphs: int = 0  # paragraphs of ``text`` that ran on in the heading line


@dataclass(frozen=True)
class Agreement:
    """A coalition agreement, or the part of it that was given."""

    period: str | None  # "2019-2024" when the text states it
    title: str | None  # the header line, e.g. "Vlaams Regeerakkoord 2019-2024"
    sections: tuple[AgreementSection, ...]  # in document order
    span: Span


_NUMBER_PREFIX = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2})*\.?\s+")
_PERIOD = re.compile(r"\b((?:19|20)\d\d)\s*[-–/]\s*((?:19|20)\d\d)\b")
_AGREEMENT_WORD = re.compile(r"regeerakkoord|regeerverklaring|coalitieakkoord", re.IGNORECASE)
# Markup that agreement text never has but the evaluation exports and communications do.
_MARKUP = re.compile(r"^\s*(?:#{1,6}\s|</?(?:details|summary|p)\b)|\\\[\d+\\\]")
_QUOTES = "\"'“”‘’«(["


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Capitalised closed-class words. Dutch titles are written in sentence case, so one of these
# capitalised in the middle of a line almost always starts a new sentence.
SENTENCE_OPENERS = _words(
    """
    Aan Al Alle Als Bij Binnen Bovendien Daarbij Daarnaast Daarom Daartoe Dankzij Dat De
    Deze Die Dit Door Een Elke En Er Hierbij Hiermee Hiervoor Het Hoe Iedere In Maar Met
    Na Naast Niet Nu Om Omdat Ons Onze Ook Op Samen Tegelijk Tegelijkertijd Tegen Tot Uit
    Vanuit Verder Via Voor Vooral Waar Wanneer Wat We Wij Ze Zij Zo Zowel
    """
)

# Words a title does not end on: a capitalised word right after one of them continues the
# title ("tot een Slimme Regio") rather than starting a sentence.
FUNCTION_WORDS = _words(
    """
    aan als bij binnen buiten dan dat de der des die door dé een en haar het hun in met na
    naar naast of om onder ons onze op over per rond sinds te tegen ten ter tot tussen uit
    van vanuit via voor zijn zonder zoals
    """
)


def split_title(number_and_rest: str) -> tuple[str, str]:
    """Split ``"2.3.5 Title Text…"`` (number optional) into ``(title, text)``.

    Heuristic, since the quoted agreement puts title and text on one line with nothing in
    between: the title ends before the first capitalised word that starts a sentence-like
    run, i.e. a run of at least three words ending in a period. Two passes:

    1. the candidate is a capitalised closed-class word (``Met``, ``De``, ``We``…, see
       :data:`SENTENCE_OPENERS`): titles are in sentence case, so these start sentences;
    2. failing that, any capitalised word followed by a lower-case word (``Vlaanderen zal…``).

    In both passes the word before the candidate must not be a function word (``een
    Slimme Regio`` stays in the title) nor end in a colon. A capitalised word followed by
    another capitalised one (a proper noun such as "Slimme Regio") is never taken in pass 2.
    With no candidate the whole line is the title and the text is empty (a heading line).
    """
    rest = squash(_NUMBER_PREFIX.sub("", number_and_rest, count=1))
    words = rest.split(" ") if rest else []
    for strict in (True, False):
        for i in range(1, len(words)):
            if _starts_sentence(words, i, strict):
                i = _subheading(words, i)
                return " ".join(words[:i]), " ".join(words[i:])
    return rest, ""


def _subheading(words: list[str], cut: int) -> int:
    """Where a sub-heading starts between the title and the first sentence (``cut``), if
    one does: "… digitale infrastructuur Artificiële intelligentie en cybersecurity Met
    het …". A sub-heading is a short run (2-8 words, no full stop) opened by a capitalised
    word that follows a lower-case content word and precedes a lower-case one: in a
    sentence-case title such a word starts something new (a proper noun follows a function
    word, "een Slimme Regio", or runs on in capitals, "Vlaams Agentschap"), unless the whole
    run up to the sentence is capitalised ("Digitale Vlaamse Overheid"). The title before
    it keeps at least three words."""
    for j in range(3, cut - 1):
        word, previous, following = words[j], words[j - 1], words[j + 1]
        run = words[j:cut]
        if (
            _is_capitalised(word)
            and previous[:1].islower()
            and _bare(previous).lower() not in FUNCTION_WORDS
            and not previous.endswith((":", "-", "–", ","))
            and (following[:1].islower() or (len(run) <= 5 and all(map(_is_capitalised, run))))
            and 2 <= len(run) <= 8
            and not any(w.endswith(".") for w in run)
        ):
            return j
    return cut


def _bare(word: str) -> str:
    return word.strip(_QUOTES + ".,;:!?)]")


def _is_capitalised(word: str) -> bool:
    bare = word.lstrip(_QUOTES)
    return bool(bare) and bare[0].isupper()


def _starts_sentence(words: list[str], i: int, strict: bool) -> bool:
    word, previous = words[i], words[i - 1]
    if not _is_capitalised(word):
        return False
    if previous.endswith((":", "-", "–")) or _bare(previous).lower() in FUNCTION_WORDS:
        return False
    if strict:
        if word.lstrip(_QUOTES) not in SENTENCE_OPENERS:
            return False
    else:
        following = words[i + 1] if i + 1 < len(words) else ""
        if not following or _is_capitalised(following) or not following[0].isalpha():
            return False
    # A sentence-like run: at least three words up to a word ending in a period.
    for j in range(i, len(words)):
        if words[j].rstrip(")”’\"'").endswith((".", "!", "?")):
            return j - i >= 2
    return False


def detect(source: SourceText) -> float:
    """How sure we are that ``source`` is agreement text (0..1).

    Structure alone does not tell an agreement from other numbered documents (the digital
    strategy has numbered headings too), so a score above 0.3 needs one positive sign:
    a "regeerakkoord" header, or a text that opens with a section line.
    """
    lines = [line.strip() for line in source.lines if line.strip()]
    if not lines:
        return 0.0
    head = lines[:5]
    score = 0.0
    if any(_AGREEMENT_WORD.search(line) and len(line.split()) <= 12 for line in head):
        score += 0.5
    heads = _scan_headings(source.lines)
    first_content = next(
        (
            n
            for n, line in enumerate(source.lines, start=1)
            if line.strip() and not _is_header(line.strip())
        ),
        0,
    )
    if heads and heads[0][0] == first_content:
        score += 0.3
    if len(heads) >= 2:
        score += 0.1
    if any(len(rest) >= 200 and split_title(rest)[1] for _, _, rest in heads):
        score += 0.2
    if any(_MARKUP.search(line) for line in lines[:400]):
        score = min(score, 0.1)
    return min(score, 1.0)


def _is_header(line: str) -> bool:
    return bool(_AGREEMENT_WORD.search(line)) and len(line.split()) <= 12


def _heading_like(rest: str) -> bool:
    """A chapter line: short and not a sentence, unlike a footnote or a list item."""
    return len(rest.split()) <= 15 and not rest.rstrip().endswith((".", ";", ",", ":"))


def _starts_like_title(rest: str) -> bool:
    bare = rest.lstrip(_QUOTES)
    return bool(bare) and (bare[0].isupper() or bool(re.match(r"\d+[A-Za-z]", bare)))


def _scan_headings(lines: tuple[str, ...]) -> list[tuple[int, str, str]]:
    """Section heading lines as (line number, number, rest of the line), in order.

    A numbered line counts only when its number comes after the previous section's
    (list items "1. …" inside a section restart at 1 and are text), and a one-level number
    must head a short title-like line (a footnote "5 Volgens dit principe …" is text).
    When the numbering starts over at the first number seen, what came before was a table
    of contents: it is dropped and the scan restarts.
    """
    found: list[tuple[int, str, str]] = []
    last: tuple[int, ...] = ()
    first: tuple[int, ...] = ()
    for number, raw in enumerate(lines, start=1):
        match = SECTION_NUMBER.match(raw.strip())
        if not match:
            continue
        label, rest = match.group(1), squash(match.group(2))
        key = tuple(int(part) for part in label.split("."))
        if not _starts_like_title(rest) or (len(key) == 1 and not _heading_like(rest)):
            continue
        if key == first and _only_headings(lines, found, number):
            found = []
        elif key <= last:
            continue
        found.append((number, label, rest))
        first = first or key
        last = key
    return found


def _only_headings(lines: tuple[str, ...], found: list[tuple[int, str, str]], upto: int) -> bool:
    """True when the lines before ``upto`` since the first heading are headings only (a TOC)."""
    heading_lines = {line for line, _, _ in found}
    for number in range(found[0][0], upto):
        text = lines[number - 1].strip()
        if text and (number not in heading_lines or split_title(text)[1]):
            return False
    return True


def parse(source: SourceText) -> Agreement:
    """Parse agreement text into its sections; pure, no I/O."""
    lines = source.lines
    nonblank = [n for n, line in enumerate(lines, start=1) if line.strip()]
    if not nonblank:
        raise source.error("the document has no text")
    heads = _scan_headings(lines)
    if not heads:
        raise source.error(
            "no numbered sections found: expected lines such as '2.3.5 Title text…' "
            "or '2 Chapter title'",
            nonblank[0],
        )
    _check_duplicates(source, heads)

    preamble = [squash(line) for line in lines[: heads[0][0] - 1] if line.strip()]
    title = next((line for line in preamble if _AGREEMENT_WORD.search(line)), None)
    if title is None and preamble and _heading_like(preamble[0]):
        title = preamble[0]
    period = next(
        (f"{m.group(1)}-{m.group(2)}" for line in preamble if (m := _PERIOD.search(line))), None
    )

    sections: list[AgreementSection] = []
    seen: set[str] = set()
    for index, (start, number, rest) in enumerate(heads):
        end = heads[index + 1][0] - 1 if index + 1 < len(heads) else len(lines)
        body = list(range(start + 1, end + 1))  # line numbers below the heading
        section_title, first_text = split_title(rest)
        heading = rest
        if not first_text and body and _continues_title(lines[body[0] - 1]):
            section_title = f"{section_title} {squash(lines[body[0] - 1])}"
            heading = section_title
            body = body[1:]
        paragraphs = [first_text] if first_text else []
        paragraphs += _paragraphs([lines[n - 1] for n in body])
        last_line = max([start, *(n for n in body if lines[n - 1].strip())])
        sections.append(
            AgreementSection(
                number=number,
                title=section_title,
                text="\n\n".join(paragraphs),
                parent=_parent(number, seen),
                span=Span(start, last_line),
                heading=heading,
                heading_paragraphs=1 if first_text else 0,
            )
        )
        seen.add(number)
    return Agreement(
        period=period, title=title, sections=tuple(sections), span=Span(1, nonblank[-1])
    )


def _check_duplicates(source: SourceText, heads: list[tuple[int, str, str]]) -> None:
    """A section number given twice is an error, not a second section: name both lines."""
    first: dict[str, int] = {}
    for line, number, _ in heads:
        if number in first:
            raise source.error(
                f"section {number} appears twice (first on line {first[number]})", line
            )
        first[number] = line
    # _scan_headings only keeps increasing numbers, so also look for repeats it dropped.
    for line_no, raw in enumerate(source.lines[heads[0][0] :], start=heads[0][0] + 1):
        match = SECTION_NUMBER.match(raw.strip())
        if not match or "." not in match.group(1):
            continue
        number = match.group(1)
        if number in first and first[number] != line_no and _starts_like_title(match.group(2)):
            raise source.error(
                f"section {number} appears twice (first on line {first[number]})", line_no
            )


def _continues_title(line: str) -> bool:
    """A wrapped heading: the next line is short, lower-case and not a sentence."""
    text = line.strip()
    return bool(text) and text[0].islower() and _heading_like(text) and len(text.split()) <= 10


_LIST_ITEM = re.compile(r"^\s*(?:[-*•–]|\d{1,2}[.)°]|[a-z][.)])\s+")


def _paragraphs(lines: list[str]) -> list[str]:
    """Blank-line separated paragraphs, hyphenation undone; list items keep a line each."""
    out: list[str] = []
    items: list[list[str]] = []
    for line in [*lines, ""]:
        if not line.strip():
            if items:
                out.append("\n".join(join_wrapped(item) for item in items))
                items = []
        elif _LIST_ITEM.match(line) or not items:
            items.append([line])
        else:
            items[-1].append(line)
    return out


def _parent(number: str, seen: set[str]) -> str | None:
    parts = number.split(".")
    for size in range(len(parts) - 1, 0, -1):
        candidate = ".".join(parts[:size])
        if candidate in seen:
            return candidate
    return None
