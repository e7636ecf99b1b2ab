"""The outline of a strategy: numbered headings, speerpunten and their sub-sections.

A speerpunt is headed in capitals ("2.1 IEDEREEN (CONTINU) VOORBEREID …") and owns numbered
sub-sections recognised by number *and* by their fixed wording: "2.1.1 Ambities", "2.1.2 Een
schets van de uitdagingen: …", "2.1.3 Enkele lopende initiatieven", "2.1.4 …: hiermee willen
we het verschil maken" (the action points) and, for the last speerpunt, "2.9.1 Dit zijn de 10
principes …". Sub-heading numbers garbled by OCR ("211", "2.41", "g.]bz") are recognised by
their wording and normalised ("2.1.1", "2.4.1"); a wrapped sub-heading keeps its second line
only when that line is made of words the document uses elsewhere ("ijbenen" is debris). Gaps
in the numbering and sub-sections under the wrong speerpunt are malformed documents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from ..text import fix_ocr
from .blocks import TERMINAL, is_caps, letter_count
from .layout import Document
from .listing import ListItem, speerpunt_list

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
SUBSECTION_KIND = {
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
class Sub:
    """A sub-section heading line inside a speerpunt."""

    line: int
    end_line: int
    token: str
    title: str
    kind: str | None
    k: int | None = None


@dataclass
class Head:
    """A speerpunt heading: its number parts, first title line and where it is."""

    line: int
    number: tuple[int, ...]
    title: str
    end_line: int = 0
    subs: list[Sub] = field(default_factory=list)

    @property
    def digits(self) -> str:
        return "".join(str(p) for p in self.number)

    @property
    def label(self) -> str:
        return ".".join(str(p) for p in self.number)


def _number_parts(num: str) -> tuple[int, ...]:
    """Split "2.4" into (2, 4); a comma the OCR read for a dot counts as a dot."""
    return tuple(int(p) for p in re.split(r"[.,]", num) if p)


def _scan_subs(doc: Document) -> list[Sub]:
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
        if kind is None and (not (numeric and token.count(".") >= 2) or is_caps(title)):
            continue
        if len(title) > 130 or (title[-1] in TERMINAL and kind is None):
            continue
        subs.append(Sub(line=i, end_line=i, token=token, title=title, kind=kind))
    return subs


def _scan_heads(doc: Document) -> list[Head]:
    """Numbered heading lines in capitals ("2.1 IEDEREEN …", "11 DE VIER ASSEN …")."""
    heads = []
    for i in range(1, doc.n + 1):
        if i in doc.furniture:
            continue
        m = _NUMBERED.match(doc.line(i))
        if not m:
            continue
        title = m.group("title")
        if not is_caps(title) or letter_count(title) < 4 or title[-1] in ".,;":
            continue
        heads.append(Head(line=i, number=_number_parts(m.group("num")), title=title))
    dotted_depths = {len(h.number) for h in heads if len(h.number) > 1}
    if 2 in dotted_depths:
        for h in heads:  # "11 DE VIER ASSEN": the OCR lost the dot of "1.1"
            if len(h.number) == 1 and 10 <= h.number[0] <= 99:
                h.number = (h.number[0] // 10, h.number[0] % 10)
    return heads


def _attach(doc: Document, heads: list[Head], subs: list[Sub]) -> list[Head]:
    """Speerpunt headings are the numbered headings that own sub-headings; give each its own."""
    owned: list[Head] = []
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


def _wrap_subheading(doc: Document, sub: Sub) -> None:
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
        and text[-1] not in TERMINAL + ",;"
        and not after
    ):
        if doc.vocabulary.plausible(text):
            sub.title = fix_ocr(f"{sub.title} {text}")
        sub.end_line = nxt  # either way the line belongs to the heading, not the text


def _check_numbering(doc: Document, heads: list[Head]) -> None:
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


def _finish_heads(doc: Document, speerpunt_heads: list[Head], listing: dict[int, ListItem]) -> None:
    """Join wrapped heading titles and fix the sub-section numbers and kinds."""
    for index, head in enumerate(speerpunt_heads):
        head.end_line = head.line
        nxt = head.line + 1
        item = listing.get(index)
        if nxt <= doc.n and nxt not in doc.furniture:
            text = doc.line(nxt).strip()
            if text and is_caps(text) and _NUMBERED.match(text) is None:
                longer = f"{head.title} {text}"
                last_word = head.title.split()[-1] if head.title.split() else ""
                if item is not None:
                    wraps = similar(longer, item.title) > similar(head.title, item.title)
                else:
                    wraps = last_word in _FUNCTION_WORDS or head.title[-1] in ":,-"
                if wraps:
                    head.title = longer
                    head.end_line = nxt
        seen: dict[str, Sub] = {}
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


def similar(a: str, b: str) -> float:
    """Similarity of two titles, ignoring case and punctuation (OCR damages both)."""

    def norm(s: str) -> str:
        return re.sub(r"[^a-z0-9à-ÿ]+", " ", s.lower()).strip()

    return SequenceMatcher(None, norm(a), norm(b)).ratio()


@dataclass
class Outline:
    """Every numbered heading in capitals, the speerpunt headings among them (with their
    sub-sections) and the list of speerpunten in the introduction, by 0-based index."""

    heads: list[Head]
    speerpunten: list[Head]
    listing: dict[int, ListItem]

    @property
    def first_line(self) -> int:
        """The line of the first speerpunt heading: the introduction ends before it."""
        return self.speerpunten[0].line

    @property
    def pre_heads(self) -> list[Head]:
        """The numbered headings before the first speerpunt ("1 INLEIDING", "1.1 … ASSEN")."""
        return [h for h in self.heads if h.line < self.first_line]


def read_outline(doc: Document) -> Outline:
    """Find the speerpunten and their sub-sections; refuse a text that has none."""
    heads = _scan_heads(doc)
    subs = _scan_subs(doc)
    speerpunt_heads = _attach(doc, heads, subs)
    if not speerpunt_heads:
        raise doc.source.error(
            "expected speerpunt sections: a numbered heading in capitals "
            "(e.g. '2.1 IEDEREEN …') followed by sub-sections such as "
            "'2.1.1 Ambities' or '2.1.4 …: hiermee willen we het verschil maken'"
        )
    _check_numbering(doc, speerpunt_heads)
    first_line = speerpunt_heads[0].line
    listing = speerpunt_list(doc, 1, first_line - 1, len(speerpunt_heads))
    _finish_heads(doc, speerpunt_heads, listing)
    return Outline(heads, speerpunt_heads, listing)
