"""Flemish Parliament texts: resolutions and motions.

A Parliament text is one long sentence: an optional title block (``Stuk 1234 (2018-2019) –
Nr. 5``, ``Voorstel van resolutie … betreffende …``, ``ingediend door …``), the preamble
``Het Vlaams Parlement,`` and then clauses, each opened by a fixed phrase, usually after a
dash: ``– gelet op:``, ``– gehoord …;``, ``– overwegende dat:``, ``– stelt vast dat``,
``– vraagt de Vlaamse Regering (om):``, ``– verzoekt …``, ``– beveelt … aan``. A clause
either carries its text directly (``gehoord de interpellatie …;``) or numbered points
(``1°``, ``1.``, ``1)``, ``-``/``•`` bullets) which may hold lettered (``a)``) and roman
(``i)``) sub-points, nested to any depth.

PDF extraction makes the layout unreliable, so structure is read from the numbering alone:
blank lines never end a point, a label may start a line after stray spaces or follow text
on the same line after ``;`` or ``:``, and ambiguous labels (``i)`` is the ninth letter
or the first roman numeral) are resolved by sequence continuity with the labels around
them. Point texts keep their punctuation as written, trailing ``;``/``:``/``.`` included.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

from beleidsdata.sources.base import SourceText, Span, join_wrapped, squash

KIND = "resolutie"
LABEL = "Flemish Parliament resolution or motion"

AUTHOR = "Vlaams Parlement"


# --------------------------------------------------------------------------- records


@dataclass(frozen=True)
class Point:
    """One numbered (or bulleted) point of a clause, with its own sub-points.

    ``number`` is the label without its decoration ("1", "a", "iv"); bullets have no
    written number, so they get their 1-based position among their siblings. ``label``
    is the label as written ("1°", "a)", "-"). ``text`` is the point's own text only.
    """

    number: str
    label: str
    text: str
    parts: tuple[Point, ...]
    span: Span


@dataclass(frozen=True)
class Clause:
    """One clause of the sentence that follows "Het Vlaams Parlement,".

    ``type`` is one of :data:`CLAUSE_TYPES`. With points, ``intro`` is the clause's lead-in
    as written without dash and final colon ("vraagt de Vlaamse Regering om") and ``text``
    is empty; without points, ``intro`` is the opening phrase ("gehoord") and ``text`` the
    rest of the clause as written.
    """

    type: str
    intro: str
    text: str
    points: tuple[Point, ...]
    span: Span


@dataclass(frozen=True)
class Resolution:
    """A resolution or motion of the Vlaams Parlement."""

    kind: str  # "resolutie" | "motie"
    title: str | None
    document_number: str | None  # canonical: "Stuk 1234 (2018-2019) – Nr. 5"
    date: str | None  # ISO date from the title block
    submitted_by: str | None  # the members who tabled it, as written
    author: str
    preamble: str
    clauses: tuple[Clause, ...]
    span: Span

    @property
    def key(self) -> str:
        """The natural key: the document number ("1234-2018-2019-5") when the text has
        one, else a short hash of the normalised clause texts (stable across runs and
        across line-wrapping, hyphenation and whitespace differences)."""
        if self.document_number:
            m = _CANONICAL_DOCNUM.fullmatch(self.document_number)
            if m:
                return "-".join(g for g in m.groups() if g)
        return _fingerprint(self.clauses)

    def of_type(self, clause_type: str) -> tuple[Clause, ...]:
        """The clauses of one type, in document order."""
        return tuple(c for c in self.clauses if c.type == clause_type)


# --------------------------------------------------------------------------- clause phrases

# Who a request or recommendation is addressed to ("de Vlaamse Regering", "aan de federale
# overheid", "de Europese Commissie"), so that it belongs to the clause's intro.
_ADDRESSEE = (
    r"(?:\s+(?:aan\s+|bij\s+)?(?:de|het)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:regering|overheid|overheden|ministers?|parlement|commissie|raad))?"
)

# (type, opening phrase). Order matters only where phrases share a prefix.
_CLAUSE_PHRASES: tuple[tuple[str, str], ...] = (
    ("citation", r"gelet\s+op"),
    ("citation", r"rekening\s+houdende?\s+met"),
    ("citation", r"verwijzende?\s+naar"),
    ("citation", r"gezien"),
    ("hearing", r"gehoord"),
    ("recital", r"overwegende(?:\s+dat)?"),
    ("recital", r"in\s+overweging\s+nemende?(?:\s+dat)?"),
    ("finding", r"stelt\s+(?:met\s+\w+\s+)?vast(?:\s+dat)?"),
    ("finding", r"constateert(?:\s+dat)?"),
    ("finding", r"neemt\s+(?:kennis|akte)\s+van"),
    ("finding", r"(?:erkent|benadrukt|onderstreept|betreurt|herinnert\s+eraan)(?:\s+dat)?"),
    ("finding", r"is\s+(?:van\s+oordeel|verheugd|bezorgd|ervan\s+overtuigd)(?:\s+dat)?"),
    ("request", rf"(?:vraagt|verzoekt){_ADDRESSEE}(?:\s+om|\s+dat)?"),
    ("request", rf"roept{_ADDRESSEE}\s+op(?:\s+om)?"),
    ("request", r"dringt\s+(?:[\w-]+\s+){0,6}?aan(?:\s+om|\s+dat)?"),
    ("recommendation", rf"beveelt{_ADDRESSEE}\s+aan(?:\s+om|\s+dat)?"),
    ("declaration", r"spreekt\s+(?:[\w-]+\s+){0,4}?uit"),
    ("decision", r"gaat\s+over\s+tot\s+de\s+(?:eenvoudige\s+)?orde\s+van\s+de\s+dag"),
)

CLAUSE_TYPES = tuple(dict.fromkeys(t for t, _ in _CLAUSE_PHRASES))

_DASHES = "-–—‒•·▪"
_CLAUSE_RES = tuple(
    (kind, re.compile(rf"(?P<dash>[{_DASHES}]\s*)?(?P<phrase>{phrase})\b", re.IGNORECASE))
    for kind, phrase in _CLAUSE_PHRASES
)

# "Het Vlaams Parlement," (OCR may read l as I, 1 or |).
_PREAMBLE = re.compile(r"het\s+v[lI1|]aams\s+par[lI1|]ement\b\s*,?", re.IGNORECASE)


def _clause_at(text: str) -> tuple[str, re.Match[str]] | None:
    for kind, rx in _CLAUSE_RES:
        m = rx.match(text)
        if m:
            return kind, m
    return None


# --------------------------------------------------------------------------- title block

_DOCNUM = re.compile(
    r"\bstuk\s+(?P<nr>\d+)\s*\(\s*(?P<y1>\d{4})\s*[-–—]\s*(?P<y2>\d{2,4})\s*\)"
    r"(?:\s*[-–—]?\s*nr\.?\s*(?P<sub>\d+))?",
    re.IGNORECASE,
)
_CANONICAL_DOCNUM = re.compile(r"Stuk (\d+) \((\d{4})-(\d{4})\)(?: – Nr\. (\d+))?")

_MONTHS = {
    name: i
    for i, name in enumerate(
        (
            "januari",
            "februari",
            "maart",
            "april",
            "mei",
            "juni",
            "juli",
            "augustus",
            "september",
            "oktober",
            "november",
            "december",
        ),
        start=1,
    )
}
_DATE_WORDS = re.compile(rf"\b(\d{{1,2}})\s+({'|'.join(_MONTHS)})\s+(\d{{4}})\b", re.I)
_DATE_NUMERIC = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b")
_DATE_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")

_KIND_LINE = re.compile(
    r"(?:(?:voorstel|ontwerp)\s+van\s+)?resolutie\b|(?:gemotiveerde\s+)?motie\b", re.I
)
_TITLE_STOP = re.compile(
    r"(?:ingediend|tekst\s+aangenomen|aangenomen|zitting|stuk)\b", re.IGNORECASE
)
_SPONSORS = re.compile(
    r"\bvan\s+((?:de\s+)?(?:heer|heren|mevrouw|mevrouwen|dames?)\b.+?)"
    r"(?=\s+(?:betreffende|over|tot\s+besluit|houdende|inzake|met\s+betrekking)\b|$)",
    re.IGNORECASE,
)
_SUBMITTED = re.compile(r"\bingediend\s+door\s+(.+?)(?:\s+op\s+\d.*)?$", re.IGNORECASE)


def _canonical_docnum(m: re.Match[str]) -> str:
    y1, y2 = m["y1"], m["y2"]
    if len(y2) == 2:
        y2 = str(int(y1) + 1) if int(y2) == (int(y1) + 1) % 100 else y1[:2] + y2
    sub = f" – Nr. {int(m['sub'])}" if m["sub"] else ""
    return f"Stuk {int(m['nr'])} ({y1}-{y2}){sub}"


def _find_date(text: str) -> str | None:
    """The first valid date in ``text`` as an ISO string."""
    found: list[tuple[int, dt.date]] = []
    for rx, order in ((_DATE_WORDS, "dmy"), (_DATE_NUMERIC, "dmy"), (_DATE_ISO, "ymd")):
        for m in rx.finditer(text):
            a, b, c = m.groups()
            day, month, year = (a, b, c) if order == "dmy" else (c, b, a)
            month_no = _MONTHS.get(month.lower()) if month.isalpha() else int(month)
            try:
                found.append((m.start(), dt.date(int(year), month_no or 0, int(day))))
            except ValueError:
                continue
    return min(found)[1].isoformat() if found else None


# --------------------------------------------------------------------------- line cleaning

_INVISIBLE = str.maketrans(
    {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "\u200b": None, "\ufeff": None}
)
# Page furniture a PDF extraction leaves in the running text: the running head with the
# document number, the Parliament's address footer and bare page numbers.
_FURNITURE = re.compile(
    r"(?:stuk\s+\d+\s*\([^)]*\)\s*(?:[-–—]\s*)?nr\.?\s*\d+(?:\s+\d{1,3})?"
    r"|.*vlaamsparlement\.be.*|\d{1,3})",
    re.IGNORECASE,
)
# Signature block after the last clause of an adopted text.
_TRAILER = re.compile(
    r"(?:de\s+(?:voorzitter|griffier)\b|brussel,?\s+\d{1,2}\s+\w+\s+\d{4})", re.IGNORECASE
)


def _clean(raw: str) -> str:
    """One source line, trimmed and with PDF artefacts undone, whitespace squashed.

    A soft hyphen at the end of a line is a hyphenation point (it becomes "-" so that
    :func:`join_wrapped` undoes it); elsewhere it is invisible and dropped.
    """
    text = raw.translate(_INVISIBLE)
    text = re.sub(r"\u00ad\s*$", "-", text).replace("\u00ad", "")
    return squash(text)


def _join(parts: list[str]) -> str:
    """Join wrapped lines; a line ending in a hyphen right after a quote, bracket or digit
    ("‘Smart Flanders’-" + "doelstellingen", "2014-" + "2019") is a compound, joined
    without a space and with the hyphen kept."""
    merged: list[str] = []
    for part in parts:
        part = part.strip()
        if not part:
            continue
        if merged and re.search(r"[^\w\s-]-$|\d-$", merged[-1]) and part[:1].isalnum():
            merged[-1] += part
        else:
            merged.append(part)
    return join_wrapped(merged)


# --------------------------------------------------------------------------- point labels

_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10}

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


def _roman(text: str) -> int | None:
    total = 0
    prev = 0
    for ch in reversed(text):
        value = _ROMAN_VALUES[ch]
        total = total - value if value < prev else total + value
        prev = max(prev, value)
    # Only canonical numerals (i…xxxix), so "vx" or "iiii" is not a number.
    return total if _to_roman(total) == text else None


def _to_roman(n: int) -> str:
    out = ""
    for value, sym in ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out += sym
            n -= value
    return out


@dataclass(frozen=True)
class _Candidate:
    """A place where a point label may begin; whether it does is decided in context."""

    line: int  # index into the clause's lines
    start: int
    end: int  # where the point's text starts
    label: str
    options: tuple[tuple[str, int], ...]  # (style, value) readings of the label
    after: str  # "" at the start of a line, else the ";" or ":" it follows


def _label_at(text: str, pos: int, line: int, after: str) -> _Candidate | None:
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
        value = _roman(m["rom"])
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
            c = _label_at(text, 0, i, "")
            if c:
                found.append(c)
        for m in _AFTER_PUNCT.finditer(text):
            c = _label_at(text, m.end(), i, m.group()[0])
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
        text = _join([t for _, t in self.parts_text])
        return Point(self.number, self.label, text, parts, Span(self.line, end))


@dataclass
class _Level:
    style: str
    last: int
    points: list[_PointBuilder]


def _is_bullet(style: str) -> bool:
    return style.startswith("bul")


class _PointReader:
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


# --------------------------------------------------------------------------- parsing


@dataclass
class _RawClause:
    type: str
    phrase: str
    lines: list[str]
    numbers: list[int]


def _body_start(lines: list[str]) -> tuple[int | None, int]:
    """Where the preamble line is (or None) and where the clauses may begin."""
    for i, text in enumerate(lines):
        m = _PREAMBLE.match(text)
        if m and (
            m.group().endswith(",") or m.end() == len(text) or _clause_at(text[m.end() :].strip())
        ):
            return i, i
    for i, text in enumerate(lines):
        found = _clause_at(text)
        if found and (found[1]["dash"] or text[:1].islower()):
            return None, i
    return None, len(lines)


def _split_clauses(
    source: SourceText, lines: list[str], start: int, preamble_line: int | None
) -> tuple[list[tuple[int, str]], list[_RawClause]]:
    """Group the body into clauses; what precedes the first clause belongs to the preamble."""
    preamble: list[tuple[int, str]] = []
    clauses: list[_RawClause] = []
    prev_end = ""
    for i in range(start, len(lines)):
        text = lines[i]
        if i == preamble_line:
            m = _PREAMBLE.match(text)
            cut = m.end() if m else 0
            preamble.append((i + 1, text[:cut]))
            text = text[cut:].strip()
            prev_end = ","
            if not text:
                continue
        elif not text or _FURNITURE.fullmatch(text):
            continue
        elif _TRAILER.match(text) and clauses:
            break
        found = _clause_at(text)
        if found and (
            found[1]["dash"]
            or prev_end in (";", ":", "")
            or (prev_end == "," and (found[0] == "decision" or not clauses))
        ):
            kind, m = found
            body = text[m.end("dash") if m["dash"] else 0 :]
            clauses.append(_RawClause(kind, squash(m["phrase"]), [body], [i + 1]))
        elif clauses:
            clauses[-1].lines.append(text)
            clauses[-1].numbers.append(i + 1)
        else:
            c = _label_at(text, 0, 0, "")
            if c and any(s in ("deg", "dot", "par") for s, _ in c.options):
                raise source.error(
                    f"numbered point '{c.label}' comes before any clause; expected a clause "
                    "such as '– gelet op:', '– overwegende dat:' or "
                    "'– vraagt de Vlaamse Regering om:' first",
                    i + 1,
                )
            preamble.append((i + 1, text))
        prev_end = text[-1:]
    return preamble, clauses


def _build_clause(source: SourceText, raw: _RawClause) -> Clause:
    reader = _PointReader(raw.lines, raw.numbers)
    reader.read()
    lead = _join([t for _, t in reader.lead])
    points = tuple(p.build() for p in reader.top)
    last = max([n for n, t in reader.lead if t.strip()] or [raw.numbers[0]])
    if points:
        last = max(last, points[-1].span.end)
        intro = lead.rstrip(": ").rstrip()
        text = ""
    else:
        intro = raw.phrase
        rest = lead[len(intro) :] if lead.lower().startswith(intro.lower()) else lead
        text = rest.lstrip(": ")
        if lead.endswith(":") and not text:
            raise source.error(
                f"clause '{lead}' has no content; expected numbered points (1°, 2° …) "
                "or text after it",
                raw.numbers[0],
            )
    return Clause(raw.type, intro, text, points, Span(raw.numbers[0], last))


def _fingerprint(clauses: tuple[Clause, ...]) -> str:
    """A short hash of the clause texts, blind to case, punctuation, whitespace and
    hyphenation, so re-extracting the same PDF gives the same key."""
    parts: list[str] = []

    def walk(points: tuple[Point, ...]) -> None:
        for p in points:
            parts.extend((p.number, p.text))
            walk(p.parts)

    for clause in clauses:
        parts.extend((clause.type, clause.intro, clause.text))
        walk(clause.points)
    text = unicodedata.normalize("NFKC", "\x1f".join(parts)).casefold()
    normal = "".join(ch for ch in text if ch.isalnum() or ch == "\x1f")
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:12]


def _title_block(header: list[str]) -> tuple[str | None, str | None, str | None, str | None]:
    """(title, document number, date, submitted by) from the lines before the preamble."""
    joined = " ".join(t for t in header if t)
    docnum_match = _DOCNUM.search(joined)
    docnum = _canonical_docnum(docnum_match) if docnum_match else None
    date = _find_date(joined)

    title_lines: list[str] = []
    started = False
    for text in header:
        if not text:
            continue
        if not started and _KIND_LINE.match(text):
            started = True
        elif started and (_TITLE_STOP.match(text) or _DATE_WORDS.fullmatch(text)):
            break
        if started:
            title_lines.append(text)
    title = _join(title_lines) or None
    if title:
        title = re.split(r"\s+ingediend\b", title, maxsplit=1, flags=re.I)[0]

    submitted: str | None = None
    for text in header:
        m = _SUBMITTED.search(text)
        if m:
            submitted = m.group(1).rstrip(" ,.;")
            break
    if submitted is None and title:
        m = _SPONSORS.search(title)
        if m:
            submitted = m.group(1).rstrip(" ,.;")
    return title, docnum, date, submitted


def parse(source: SourceText) -> Resolution:
    """Read a Parliament resolution or motion into records; raise a SourceError naming the
    line when it is recognisably one but malformed."""
    lines = [_clean(t) for t in source.lines]
    preamble_line, start = _body_start(lines)
    if preamble_line is None and start == len(lines):
        raise source.error(
            "expected 'Het Vlaams Parlement,' followed by clauses such as '– gelet op:', "
            "'– overwegende dat:' or '– vraagt de Vlaamse Regering om:'",
            1,
        )
    preamble, raw_clauses = _split_clauses(source, lines, start, preamble_line)
    if not raw_clauses:
        after = next((i for i in range(start + 1, len(lines)) if lines[i]), None)
        found = f", found '{lines[after][:60]}'" if after is not None else ", found nothing"
        raise source.error(
            "expected a clause such as '– gelet op:', '– overwegende dat:' or "
            f"'– vraagt de Vlaamse Regering om:' after 'Het Vlaams Parlement,'{found}",
            (after if after is not None else start) + 1,
        )
    clauses = tuple(_build_clause(source, raw) for raw in raw_clauses)
    title, docnum, date, submitted = _title_block(lines[:start])

    is_motion = bool(title and re.search(r"\bmotie\b", title, re.I)) or any(
        c.type == "decision" or (c.type == "hearing" and "interpellatie" in c.text.lower())
        for c in clauses
    )
    first = next(i + 1 for i, t in enumerate(lines) if t)
    return Resolution(
        kind="motie" if is_motion else "resolutie",
        title=title,
        document_number=docnum,
        date=date,
        submitted_by=submitted,
        author=AUTHOR,
        preamble=_join([t for _, t in preamble]),
        clauses=clauses,
        span=Span(first, clauses[-1].span.end),
    )


def detect(source: SourceText) -> float:
    """How sure we are that this is a Parliament resolution or motion (0.0–1.0).

    The preamble "Het Vlaams Parlement," and dash-led clause phrases ("– gelet op",
    "– overwegende dat", "– vraagt de Vlaamse Regering") are the signature; without the
    preamble the score stays below one half, since Government decrees use similar phrases.
    """
    lines = [_clean(t) for t in source.lines]
    score = 0.0
    types: set[str] = set()
    preamble = False
    for text in lines:
        m = _PREAMBLE.match(text)
        if m and (m.group().endswith(",") or m.end() == len(text)):
            preamble = True
            text = text[m.end() :].strip()
        found = _clause_at(text)
        if found and (found[1]["dash"] or text[:1].islower()):
            types.add(found[0])
    if preamble:
        # The preamble alone may be a sentence in another text; with clauses it is a sign.
        score += 0.45 if types else 0.15
    score += min(0.45, 0.15 * len(types))
    head = " ".join(lines[:40])
    if _DOCNUM.search(head) or re.search(r"\b(?:resolutie|motie)\b", head, re.I):
        score += 0.1
    if not preamble:
        score = min(score, 0.45)
    return round(min(score, 1.0), 2)
