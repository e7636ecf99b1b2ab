"""The numbered points of a clause, nested to any depth, read from the numbering alone.

PDF extraction makes the layout unreliable: blank lines never end a point, a label may start
a line after stray spaces or follow text on the same line after ``;`` or ``:``, and ambiguous
labels (``i)`` is the ninth letter or the first roman numeral) are resolved by sequence
continuity with the labels around them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..base import Span
from ..numbering import roman_value
from .lines import join_lines
from .records import Point

# A point label: "1°" (also OCR "1 °", "1º"), "1." , "1)", "(a)", "a)", "a )", "iv)", or
# a bullet followed by a space.
_LABEL = re.compile(
    r"(?:(?P<deg>\d{1,3})\s?[°º˚]"
    r"|(?P<dot>\d{1,3})\.(?=\s|$)"
    r"|\(?(?P<par>\d{1,3})\)"
    r"|\(?(?P<rom>[ivx]{1,6})\s?\)"
    r"|\(?(?P<let>[a-z])\s?\)"
    r"|(?P<bul>[-–—‒•·▪◦*])(?=\s))\s*"
)
_AFTER_PUNCT = re.compile(r"[;:]\s+")


@dataclass(frozen=True)
class _Candidate:
    """A place where a point label may begin; whether it does is decided in context."""

    line: int  # index into the clause's lines
    start: int
    end: int  # where the point's text starts
    label: str
    options: tuple[tuple[str, int], ...]  # (style, value) readings of the label
    after: str  # "" at the start of a line, else the ";" or ":" it follows


def label_at(text: str, pos: int, line: int, after: str) -> _Candidate | None:
    m = _LABEL.match(text, pos)
    if not m or (m["bul"] and m.end() >= len(text)):
        return None  # a lone dash is not a bullet
    options: list[tuple[str, int]] = []
    if m["deg"]:
        options.append(("deg", int(m["deg"])))
    elif m["dot"]:
        options.append(("dot", int(m["dot"])))
    elif m["par"]:
        options.append(("par", int(m["par"])))
    elif m["rom"]:
        value = roman_value(m["rom"])
        if value is None:
            return None
        options.append(("rom", value))
        if len(m["rom"]) == 1:  # "i)", "v)", "x)" may as well be letters
            options.append(("let", ord(m["rom"]) - 96))
    elif m["let"]:
        options.append(("let", ord(m["let"]) - 96))
    else:
        if after:
            return None  # a dash inside a line is punctuation, not a bullet
        options.append((f"bul{m['bul']}", 0))
    label = text[m.start() : m.end()].strip()
    return _Candidate(line, m.start(), m.end(), label, tuple(options), after)


def _candidates(lines: list[str]) -> list[_Candidate]:
    found: list[_Candidate] = []
    for i, text in enumerate(lines):
        if i > 0:
            c = label_at(text, 0, i, "")
            if c:
                found.append(c)
        for m in _AFTER_PUNCT.finditer(text):
            c = label_at(text, m.end(), i, m.group()[0])
            if c:
                found.append(c)
    return found


@dataclass
class _PointBuilder:
    label: str
    number: str
    line: int  # source line number of the label
    parts_text: list[tuple[int, str]] = field(default_factory=list)
    children: list[_PointBuilder] = field(default_factory=list)

    def build(self) -> Point:
        parts = tuple(child.build() for child in self.children)
        end = max([self.line, *(n for n, t in self.parts_text if t.strip())])
        if parts:
            end = max(end, parts[-1].span.end)
        text = join_lines([t for _, t in self.parts_text])
        return Point(self.number, self.label, text, parts, Span(self.line, end))


@dataclass
class _Level:
    style: str
    last: int
    points: list[_PointBuilder]


def _is_bullet(style: str) -> bool:
    return style.startswith("bul")


class PointReader:
    """Reads the points of one clause, deciding for each label candidate whether it opens a
    point and at which level, from the sequence of labels around it."""

    def __init__(self, lines: list[str], numbers: list[int]) -> None:
        self.lines = lines
        self.numbers = numbers
        self.lead: list[tuple[int, str]] = []
        self.stack: list[_Level] = []
        self.top: list[_PointBuilder] = []

    def _target(self) -> list[tuple[int, str]]:
        return self.stack[-1].points[-1].parts_text if self.stack else self.lead

    def _ends_with_colon(self, pending: str) -> bool:
        if pending.strip():
            return pending.rstrip().endswith(":")
        for _, text in reversed(self._target()):
            if text.strip():
                return text.rstrip().endswith(":")
        return False

    @staticmethod
    def _has_successor(nxt: _Candidate | None, style: str, value: int) -> bool:
        if nxt is None:
            return False
        if _is_bullet(style):
            return any(s == style for s, _ in nxt.options)
        return (style, value + 1) in nxt.options

    def _decide(
        self, c: _Candidate, nxt: _Candidate | None, colon: bool
    ) -> tuple[str, int, str, int] | None:
        """("cont", depth, style, value) for a sibling at ``depth``, ("child", -1, …) for
        the first point of a new level under the current point, None for plain text."""
        if not self.stack:
            # The clause's first point: right after its colon, or a label that starts a
            # sequence ("1°", "a)") or is followed by its successor; not a stray "(2)".
            style, value = min(c.options, key=lambda o: o[1] != 1 and not _is_bullet(o[0]))
            if c.after == ":" or (
                not c.after and (colon or value == 1 or self._has_successor(nxt, style, value))
            ):
                return ("child", -1, style, value)
            return None

        conts: list[tuple[int, str, int]] = []
        for depth in range(len(self.stack) - 1, -1, -1):
            level = self.stack[depth]
            for style, value in c.options:
                if style == level.style and (_is_bullet(style) or value == level.last + 1):
                    conts.append((depth, style, value))
            if conts:
                break

        open_styles = {level.style for level in self.stack}
        firsts = [
            (style, value)
            for style, value in c.options
            if (value == 1 or _is_bullet(style))
            and style not in open_styles
            and (
                c.after == ":"
                or (not c.after and (colon or self._has_successor(nxt, style, value)))
            )
        ]

        if conts and firsts:
            style, value = firsts[0]
            if self._has_successor(nxt, style, value):
                return ("child", -1, style, value)
            if any(self._has_successor(nxt, s, v) for _, s, v in conts):
                return ("cont", *conts[0])
            return ("child", -1, style, value) if colon else ("cont", *conts[0])
        if conts:
            return ("cont", *conts[0])
        if firsts:
            return ("child", -1, *firsts[0])
        if not c.after:
            # A gap in the numbering (a label lost to OCR): still a sibling.
            for depth in range(len(self.stack) - 1, -1, -1):
                level = self.stack[depth]
                for style, value in c.options:
                    if style == level.style and level.last < value <= level.last + 3:
                        return ("cont", depth, style, value)
        return None

    def _open(self, c: _Candidate, how: tuple[str, int, str, int]) -> None:
        kind, depth, style, value = how
        text = c.label
        if _is_bullet(style):
            number = ""
        elif style in ("let", "rom"):
            number = re.sub(r"[^a-z]", "", text)
        else:
            number = str(value)
        point = _PointBuilder(label=text, number=number, line=self.numbers[c.line])
        if kind == "cont":
            del self.stack[depth + 1 :]
            level = self.stack[depth]
            level.last = value
            level.points.append(point)
        else:
            siblings = self.stack[-1].points[-1].children if self.stack else self.top
            siblings.append(point)
            level = _Level(style, value, siblings)
            self.stack.append(level)
        if _is_bullet(style):
            point.number = str(len(level.points))

    def read(self) -> None:
        cands = _candidates(self.lines)
        by_line: dict[int, list[int]] = {}
        for k, c in enumerate(cands):
            by_line.setdefault(c.line, []).append(k)
        for i, text in enumerate(self.lines):
            pos = 0
            for k in by_line.get(i, ()):
                c = cands[k]
                if c.start < pos:
                    continue
                nxt = cands[k + 1] if k + 1 < len(cands) else None
                how = self._decide(c, nxt, self._ends_with_colon(text[pos : c.start]))
                if how is None:
                    continue
                self._target().append((self.numbers[i], text[pos : c.start]))
                self._open(c, how)
                pos = c.end
            self._target().append((self.numbers[i], text[pos:]))
