"""Parser for communications and notes to the Flemish Government (mededelingen, nota's).

These documents share one shape: minister title lines at the top, a document-type line
("MEDEDELING AAN DE VLAAMSE REGERING" or "NOTA AAN DE VLAAMSE REGERING"), a "Betreft:" line
with the subject, an optional summary, numbered sections with lettered and numbered
subsections, perhaps a "Voorstel van beslissing" with numbered decision points, and the
signing ministers at the end (a portfolio line ending in a comma, then the name).

They reach us as markdown-ish exports of Word files, so heading markup is unreliable: the
same level may be written "### A.", "## **B. …**", "**C. …**" or plain "D. …". Nesting is
therefore decided by the numbering scheme (1. > A. > 1.) and the expected next number at
each open level, never by the number of '#'. When two open levels could both take a heading
("8." may continue the top level or a numbered list inside "B."), the level whose headings
share its capitalisation (ALL CAPS or not) wins, then the deeper one.

Titles keep the capitalisation of the source ("REGEERAKKOORD", "Werkbank Use Cases"); only
markup ('#', '**', arrows, the number) is removed. Texts are plain: bold markers and HTML
tags are dropped, footnote markers become "[1]", paragraphs are separated by a blank line,
list items and table rows are kept one per line ("- item", nested items indented by two
spaces, table cells joined by " | ").
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from beleidsdata.sources.base import SourceText, Span, join_wrapped, squash

KIND = "mededeling"
LABEL = "Communication or note to the Flemish Government (mededeling/nota)"


# --------------------------------------------------------------------------- records


@dataclass(frozen=True)
class ListItem:
    """A numbered point ("1.", "2°", "a)") in a section's own text, e.g. a decision point."""

    number: str | None  # as written, without its separator: "1", "2", "a"
    text: str
    span: Span


@dataclass(frozen=True)
class Section:
    """A section, subsection or unnumbered block ("➤ Voor de minister bevoegd voor …")."""

    number: str | None  # "1".."9", "A".."I", "2.1", "IV"; None for an unnumbered heading
    title: str  # source capitalisation, without number and markup
    text: str  # own text only (not the subsections'); see the module docstring
    subsections: tuple[Section, ...]
    items: tuple[ListItem, ...]  # the numbered points of the own text, also present in text
    span: Span  # heading line to the last line of the last subsection


@dataclass(frozen=True)
class Footnote:
    """A footnote ("<sup>1</sup> Uit het deel …") and where its marker was first used."""

    number: str
    text: str
    cited_in: str | None  # path of the section citing it ("1", "7.B.3"), None if uncited
    span: Span


@dataclass(frozen=True)
class Signatory:
    """A signing minister: the portfolio line and the name below it."""

    name: str  # display form: "Jan Jambon"
    written_name: str  # as signed: "Jan JAMBON"
    given_name: str  # "Jan"
    family_name: str  # "Jambon"
    portfolio: str  # "Vlaams minister van Buitenlandse Zaken, Cultuur, ICT en …"
    span: Span


@dataclass(frozen=True)
class AgreementReference:
    """A place where the document cites the coalition agreement (regeerakkoord).

    ``kind`` is "section" (a section titled after the agreement; its own text quotes it),
    "footnote" (a footnote that cites the agreement, or that is attached to a sentence or
    section that does) or "mention" (a sentence elsewhere naming the agreement).
    """

    kind: str
    text: str
    section_title: str | None  # the quoted title of the agreement part, if given
    pages: str | None  # "45-46" from "p.45-46"
    section: str | None  # path of the section of this document it occurs in
    span: Span


@dataclass(frozen=True)
class Communication:
    """A mededeling or nota aan de Vlaamse Regering."""

    doc_type: str  # "mededeling" | "nota"
    subject: str  # the "Betreft:" text
    summary: str  # the "Samenvatting"; "" when the document has none
    sections: tuple[Section, ...]  # top-level sections in document order
    signatories: tuple[Signatory, ...]
    agreement_references: tuple[AgreementReference, ...]
    span: Span
    subject_span: Span
    summary_span: Span | None
    preamble: str  # text between the subject and the first heading, if any
    issuers: tuple[str, ...]  # the minister title lines at the top, as written
    document_number: str | None  # "VR 2020 1707 MED.0213" when the text states it
    footnotes: tuple[Footnote, ...] = ()
    attachments: tuple[str, ...] = ()  # the "Bijlagen" listed after the signatures

    def walk(self) -> Iterator[tuple[str | None, Section]]:
        """Every section depth-first with its path ("7.B.3"; unnumbered blocks inherit)."""
        stack: list[tuple[str | None, Section]] = [
            (_child_path(None, s.number), s) for s in reversed(self.sections)
        ]
        while stack:
            path, section = stack.pop()
            yield path, section
            stack.extend(
                (_child_path(path, s.number) if s.number else path, s)
                for s in reversed(section.subsections)
            )

    def section(self, path: str) -> Section:
        """The numbered section at ``path`` ("7", "7.B", "7.B.3"); KeyError if absent."""
        for found, section in self.walk():
            if found == path and section.number is not None:
                return section
        raise KeyError(path)

    @property
    def decision_points(self) -> tuple[ListItem, ...]:
        """The numbered points of the "Voorstel van beslissing", if the document has one."""
        points: list[ListItem] = []
        for _, section in self.walk():
            if _DECISION.match(section.title):
                points.extend(section.items)
        return tuple(points)


def _child_path(parent: str | None, number: str | None) -> str | None:
    if number is None:
        return parent
    if "." in number or parent is None:
        return number
    return f"{parent}.{number}"


# --------------------------------------------------------------------------- patterns

_DOC_TYPE = re.compile(
    r"^(MEDEDELING|NOTA)\s+AAN\s+(?:DE\s+LEDEN\s+VAN\s+)?DE\s+VLAAMSE\s+REGERING\b", re.I
)
_BETREFT = re.compile(r"^(?:betreft|onderwerp)\s*(?::|\t)\s*(.*)$", re.I)
_DOC_NUMBER = re.compile(
    r"\bVR\s?\d{4}\s?\d{4}\s?(?:DOC|MED|DEC|VAR)\.\d{3,4}(?:/\d+)?(?:BIS|TER)?"
)
_MINISTER = re.compile(r"\b(?:vice)?minister(?:-president)?\b", re.I)
_MD_HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*$")
_FOOTNOTE_DEF = re.compile(r"^(?:<sup>\s*(\d{1,3})\s*</sup>|\[\^(\d{1,3})\]:)\s*(.*)$")
_FOOTNOTE_REF = re.compile(r"<sup>\s*(\d{1,3})\s*</sup>|\[\^(\d{1,3})\](?!:)")
_BULLET = re.compile(r"^(?P<ind>[ \t]*)(?:[-*+•▪●◦➤►▶✓✔→]|o(?=[ \t]))[ \t]+(?P<rest>.*)$")
_SUB_MARKER = re.compile(r"^(?:[✓✔➤►▶•▪●◦→]|o(?=\s))\s+")
_NUMBERED = re.compile(
    r"^(?P<ind>[ \t]*)(?P<label>\d{1,2}|[a-z])(?P<sep>[.)°])[ \t]+(?P<rest>\S.*)$"
)
# Heading numbers: "2.1", "2.1.", "7.", "7)", "A.", "IV.", and, in explicit headings only,
# "7 TITLE" without a dot. At most two digits, so years never pass for a number.
_LABEL = re.compile(
    r"^(?:(?P<label>\d{1,2}(?:\.\d{1,2})+|\d{1,2})(?P<sep>[.)]|(?=\s))"
    r"|(?P<letter>[A-Z]|[IVXL]{2,5})(?P<lsep>[.)]))\s*(?P<title>\S.*)$"
)
_FURNITURE = re.compile(
    r"^(?:\d{1,3}|\d{1,3}\s*/\s*\d{1,3}|(?:pagina|blz\.?)\s*\d+(?:\s*(?:van|/)\s*\d+)?"
    r"|(?:©|\(c\)\s*\d{4}|copyright\b).*)$",
    re.I,
)
_TAGS = re.compile(r"<[^>]{1,40}>")
_LEAD_MARKS = re.compile(r"^[\s➤►▶•▪●◦✓✔→*\-–]+")
_SUMMARY = re.compile(r"^(?:samenvatting|synthese|korte inhoud)$", re.I)
_TOP_TERMS = re.compile(
    r"^(?:samenvatting|synthese|inleiding|situering|context|conclusies?|besluit"
    r"|voorstel\s+(?:van|tot)\s+(?:beslissing|besluit)|beslissing|bijlagen?)$",
    re.I,
)
_TRAILER = re.compile(r"^(?:bijlagen?\b|<sup>\s*\d|\[\^\d)", re.I)
_ATTACHMENTS = re.compile(r"^bijlagen?\s*:?\s*(.*)$", re.I)
# The decision part: "Voorstel van beslissing", "VOORSTEL TOT BESLISSING", "Beslissing".
_DECISION = re.compile(r"^(?:voorstel\s+(?:van|tot)\s+(?:beslissing|besluit)|beslissing)$", re.I)
_AGREEMENT = re.compile(r"regeerakkoord|coalitieakkoord", re.I)
_QUOTED = re.compile(r"[\"“„«‘]([^\"“”„«»‘’]{8,}?)[\"”“»’]")
_PAGES = re.compile(r"\bp(?:p|ag|agina)?\.\s*(\d+(?:\s*[-–]\s*\d+)?)", re.I)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"'‘(])")
_NAME_WORD = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ'’.\-]*$")
_PARTICLES = frozenset({"van", "de", "den", "der", "het", "ter", "ten", "te", "la", "le", "du"})
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}


def _clean(text: str) -> str:
    """Inline markup to plain text: footnote markers to "[n]", no bold, tags or entities."""
    text = _FOOTNOTE_REF.sub(lambda m: f"[{m.group(1) or m.group(2)}]", text)
    text = _TAGS.sub("", text.replace("**", ""))
    return html.unescape(text).replace("\u00a0", " ")


def _plain(line: str) -> str:
    """A line without markdown heading/bold markup, for matching fixed phrases."""
    return squash(_clean(line.strip().lstrip("#")))


def _heading_text(text: str) -> str:
    return squash(_LEAD_MARKS.sub("", _clean(text))).rstrip(":").strip()


def _is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= 0.9 * len(letters)


def _bold_only(text: str) -> str | None:
    """The inner text when the whole line is bold ("**Title**", "**Title**:"), else None."""
    s = text.strip().rstrip(":").strip()
    if len(s) > 4 and s.startswith("**") and s.endswith("**") and s.count("**") == 2:
        return s[2:-2]
    return None


def _split_label(title: str) -> tuple[str, bool, str] | None:
    """ "7. PLAN" → ("7", True, "PLAN"); "2.1 Doel" → ("2.1", False, "Doel"); else None."""
    m = _LABEL.match(title)
    if m is None:
        return None
    if m.group("letter"):
        return m.group("letter"), True, m.group("title").strip()
    label = m.group("label")
    return label, bool(m.group("sep")) or "." in label, m.group("title").strip()


def _roman(label: str) -> int | None:
    if not label or any(c not in _ROMAN for c in label):
        return None
    total = 0
    for i, c in enumerate(label):
        v = _ROMAN[c]
        total += -v if i + 1 < len(label) and _ROMAN[label[i + 1]] > v else v
    return total


def _interpretations(label: str) -> list[tuple[str, int]]:
    """The numbering schemes a label may belong to, with its value in each."""
    if "." in label:
        head, _, last = label.rpartition(".")
        return [(f"dotted:{head}", int(last))]
    if label.isdigit():
        return [("arabic", int(label))]
    found: list[tuple[str, int]] = []
    if len(label) == 1:
        found.append(("letter", ord(label) - ord("A") + 1))
    value = _roman(label)
    if value:
        found.append(("roman", value))
    return found


# --------------------------------------------------------------------------- detect


def detect(source: SourceText) -> float:
    """Confidence that this is a mededeling/nota: its type line, "Betreft:", ministers."""
    lines = source.lines
    head = [_plain(line) for line in lines[:80]]
    score = 0.0
    if any(_DOC_TYPE.match(line) for line in head):
        score += 0.6
    if any(_BETREFT.match(line) for line in head):
        score += 0.2
    if any(_MINISTER.search(line) and _is_caps(line) for line in head[:20]):
        score += 0.1
    if any(
        _portfolio_start(line.strip()) and line.rstrip().endswith(",") and _MINISTER.search(line)
        for line in lines[-40:]
    ):
        score += 0.1
    return min(score, 1.0)


# --------------------------------------------------------------------------- signatures


def _portfolio_start(line: str) -> bool:
    return bool(re.match(r"^(?:De|Het)\s", line)) and len(line) <= 250


def _name_line(line: str) -> bool:
    """ "Jan JAMBON", "Hilde Crevits", "Matthias DIEPENDAELE": 2-6 name words."""
    words = line.split()
    if not 2 <= len(words) <= 6 or line.endswith((",", ".", ":")):
        return False
    if not all(_NAME_WORD.match(w) for w in words):
        return False
    caps = [w for w in words if _caps_word(w)]
    titled = all(w[0].isupper() or w.lower() in _PARTICLES for w in words)
    return bool(caps) or titled


def _caps_word(word: str) -> bool:
    """A surname in capitals ("JAMBON", "D'HONDT"), not an initial ("J.")."""
    return word.isupper() and sum(c.isalpha() for c in word) >= 2


def _read_signatures(lines: list[str], start: int) -> tuple[list[Signatory], int] | None:
    """Signatures from ``start`` (0-based) to the end, or None if that is not all there is.

    A signature is a portfolio ("De Vlaams minister van …," perhaps over several lines, e.g.
    "De minister-president van de Vlaamse Regering," + "Vlaams minister van …,") and the
    name, after a blank line or directly below. Signatures set side by side (columns split
    by tabs or wide spaces) are read column by column. "Bijlagen" or footnotes may follow.
    """
    found: list[Signatory] = []
    i, n = start, len(lines)
    while True:
        while i < n and not lines[i].strip():
            i += 1
        if i >= n or _TRAILER.match(lines[i].strip()):
            return (found, i) if found else None
        first = i
        block: list[str] = []
        while i < n and lines[i].strip() and len(block) < 5:
            block.append(lines[i])
            i += 1
        names = _names(block[-1]) if len(block) >= 2 else None
        if names is not None:
            block.pop()
        else:
            while i < n and not lines[i].strip():
                i += 1
            names = _names(lines[i]) if i < n else None
            if names is None:
                return None
            i += 1
        portfolios = [squash(" ".join(column)) for column in _columns(block)]
        if len(portfolios) != len(names) or not all(
            _portfolio_start(p) and p.endswith(",") and _MINISTER.search(p) for p in portfolios
        ):
            return None
        found.extend(
            _signatory(portfolio, name, Span(first + 1, i))
            for portfolio, name in zip(portfolios, names, strict=True)
        )


_COLUMN_GAP = re.compile(r"\t+| {3,}")


def _columns(lines: list[str]) -> list[list[str]]:
    """Lines as side-by-side columns when every line splits into as many cells; else one."""
    rows = [
        [c for c in (squash(c) for c in _COLUMN_GAP.split(line.strip())) if c] for line in lines
    ]
    width = len(rows[0]) if rows else 0
    if width > 1 and all(len(row) == width for row in rows):
        return [[row[j] for row in rows] for j in range(width)]
    return [[squash(line) for line in lines]]


def _names(line: str) -> list[str] | None:
    """The signed name(s) on a line ("Jan JAMBON", or "Jan JAMBON<TAB>Bart SOMERS")."""
    cells = _columns([line])
    names = [cell[0] for cell in cells] if len(cells) > 1 else [squash(line)]
    return names if all(_name_line(name) for name in names) else None


def _signatory(portfolio: str, written: str, span: Span) -> Signatory:
    portfolio = re.sub(r"^(?:De|Het)\s+", "", portfolio).rstrip(",").strip()
    portfolio = portfolio[:1].upper() + portfolio[1:]
    words = written.split()
    caps = [i for i, w in enumerate(words) if _caps_word(w)]
    if caps:  # the surname is the run of capitals, particles included: "VAN DEN BOSSCHE"
        given_words, family_words = words[: caps[0]], words[caps[0] :]
    else:
        cut = next((i for i, w in enumerate(words[1:], 1) if w.lower() in _PARTICLES), None)
        cut = cut if cut is not None else len(words) - 1
        given_words, family_words = words[:cut], words[cut:]
    family = " ".join(_name_case(w, first=i == 0) for i, w in enumerate(family_words))
    given = " ".join(_name_case(w, first=True) for w in given_words)
    return Signatory(
        name=squash(f"{given} {family}"),
        written_name=written,
        given_name=given,
        family_name=family,
        portfolio=portfolio,
        span=span,
    )


def _name_case(word: str, first: bool) -> str:
    """ "JAMBON" → "Jambon", "D'HONDT" → "D'Hondt"; particles after the first stay lower."""
    if not word.isupper():
        return word
    if not first and word.lower() in _PARTICLES:
        return word.lower()
    return re.sub(r"[^\W\d_]+", lambda m: m.group(0).capitalize(), word)


# --------------------------------------------------------------------------- body model


@dataclass
class _Block:
    """A paragraph, list item or table row of some section's own text (mutable, internal)."""

    kind: str  # "para" | "bullet" | "num" | "row"
    lines: list[int]
    parts: list[str]
    depth: int = 0
    label: str | None = None
    sep: str = ""
    footnote_refs: set[str] = field(default_factory=set)

    def text(self) -> str:
        if self.kind == "row":
            return self.parts[0]
        return join_wrapped([_clean(p) for p in self.parts])

    def rendered(self) -> str:
        body = self.text()
        indent = "  " * self.depth
        if self.kind == "bullet":
            return f"{indent}- {body}"
        if self.kind == "num":
            return f"{indent}{self.label}{self.sep} {body}"
        return body


@dataclass
class _Node:
    """A section while it is being built."""

    number: str | None
    title: str
    line: int
    path: str | None
    parent: _Node | None
    decision: bool = False
    blocks: list[_Block] = field(default_factory=list)
    children: list[_Node] = field(default_factory=list)

    def end(self) -> int:
        last = self.line
        for block in self.blocks:
            last = max(last, block.lines[-1])
        for child in self.children:
            last = max(last, child.end())
        return last

    def in_agreement_section(self) -> bool:
        node: _Node | None = self
        while node is not None:
            if node.number is not None and _AGREEMENT.search(node.title):
                return True
            node = node.parent
        return False

    def text(self) -> str:
        chunks: list[str] = []
        listing = False
        for block in self.blocks:
            if block.kind == "para":
                chunks.append(block.rendered())
                listing = False
            elif listing:
                chunks[-1] += "\n" + block.rendered()
            else:
                chunks.append(block.rendered())
                listing = True
        return "\n\n".join(c for c in chunks if c.strip())

    def items(self) -> tuple[ListItem, ...]:
        return tuple(
            ListItem(b.label, b.text(), Span(b.lines[0], b.lines[-1]))
            for b in self.blocks
            if b.kind == "num" and b.depth == 0
        )

    def freeze(self) -> Section:
        return Section(
            number=self.number,
            title=self.title,
            text=self.text(),
            subsections=tuple(child.freeze() for child in self.children),
            items=self.items(),
            span=Span(self.line, self.end()),
        )


@dataclass
class _Level:
    """An open numbering level: its scheme, last value and style, and its latest section."""

    scheme: str | None  # "arabic", "letter", "roman", "dotted:2"; None for a scope
    last: int
    caps: bool
    plain: bool  # its first heading was a plain, mixed-case line ("1. Situering")
    node: _Node


@dataclass
class _Line:
    no: int  # 1-based
    raw: str
    text: str  # stripped


class _Builder:
    """Turns body lines into a section tree, one line at a time."""

    def __init__(self) -> None:
        self.root: list[_Node] = []
        self.levels: list[_Level] = []
        self.preamble = _Node(None, "", 0, None, None)
        self.summary: _Node | None = None
        self.container: _Node = self.preamble
        self.last_block: _Block | None = None
        self.footnotes: list[tuple[str, str, int, int]] = []  # number, text, first, last
        self.footnote_sites: dict[str, tuple[_Node, _Block]] = {}
        self.all_blocks: list[tuple[_Node, _Block]] = []
        self.seen_numbered = False

    # ---- headings

    def numbered_heading(self, label: str, title: str, line: int, plain: bool) -> None:
        caps = _is_caps(title)
        interps = _interpretations(label)
        if not interps:
            self.unnumbered_heading(title, line)
            return
        best: tuple[tuple[bool, bool, int, int], int, int] | None = None
        for i, level in enumerate(self.levels):
            for scheme, value in interps:
                if level.scheme == scheme and value > level.last:
                    gap = value - level.last
                    key = (gap != 1, level.caps != caps, gap, -i)
                    if best is None or key < best[0]:
                        best = (key, i, value)
        if best is not None:
            _, i, value = best
            level = self.levels[i]
            del self.levels[i + 1 :]
            node = self._new_node(label, title, line, level.node.parent)
            level.node, level.last = node, value
        else:
            scheme, value = next(((s, v) for s, v in interps if v == 1), interps[0])
            parent = self._parent_for(scheme)
            node = self._new_node(label, title, line, parent)
            self.levels.append(_Level(scheme, value, caps, plain and not caps, node))
        self.seen_numbered = True
        self.container = node

    def _parent_for(self, scheme: str) -> _Node | None:
        """Where a new numbering level hangs: under "2" for "2.1", else the deepest section."""
        if not self.seen_numbered:
            self.levels.clear()
            return None
        if scheme.startswith("dotted:"):
            want = scheme.split(":", 1)[1]
            for i in range(len(self.levels) - 1, -1, -1):
                if self.levels[i].node.path == want or self.levels[i].node.number == want:
                    del self.levels[i + 1 :]
                    return self.levels[i].node
        return self.levels[-1].node if self.levels else None

    def unnumbered_heading(self, title: str, line: int) -> None:
        if _SUMMARY.match(title) and self.summary is None:
            self.summary = _Node(None, title, line, None, None)
            self.container = self.summary
            return
        top = _TOP_TERMS.match(title) or not self.seen_numbered or not self.levels
        if top:
            # A top-level unnumbered section ("VOORSTEL VAN BESLISSING"): numbered
            # headings after it may still continue the top-level sequence.
            del self.levels[1 if self.seen_numbered else 0 :]
            node = self._new_node(None, title, line, None)
            self.levels.append(_Level(None, 0, _is_caps(title), False, node))
        else:  # a block ("➤ Voor de minister bevoegd voor …") in the current section
            node = self._new_node(None, title, line, self.levels[-1].node)
        self.container = node

    def _new_node(self, number: str | None, title: str, line: int, parent: _Node | None) -> _Node:
        path = _child_path(parent.path if parent else None, number)
        if number is None and parent is not None:
            path = parent.path
        node = _Node(number, title, line, path, parent, decision=bool(_DECISION.match(title)))
        (parent.children if parent else self.root).append(node)
        return node

    def series_block(self, title: str) -> bool:
        """Whether a bold list line continues a series of unnumbered blocks (same opening)."""
        if not self.levels:
            return False
        opening = title.lower().split()[:3]
        if len(opening) < 3:
            return False
        return any(
            child.number is None and child.title.lower().split()[:3] == opening
            for child in self.levels[-1].node.children
        )

    def in_decision(self) -> bool:
        node: _Node | None = self.container
        while node is not None:
            if node.decision:
                return True
            node = node.parent
        return False

    # ---- content

    def add(self, block: _Block) -> None:
        self.container.blocks.append(block)
        self.all_blocks.append((self.container, block))
        self.last_block = block
        for number in block.footnote_refs:
            self.footnote_sites.setdefault(number, (self.container, block))

    def extend_last(self, line: _Line, page_break: bool = False) -> bool:
        """Append a line to the previous paragraph or item when it plainly continues it.

        Across a page break a trailing hyphen is kept ("smart city-" + "werking"): exports
        that put a paragraph on one line do not hyphenate, so the hyphen is the author's.
        """
        last = self.last_block
        if last is None or not self.container.blocks or self.container.blocks[-1] is not last:
            return False
        if last.kind == "row":
            return False
        if page_break and last.parts[-1].endswith("-"):
            last.parts[-1] += line.text
        else:
            last.parts.append(line.text)
        last.lines.append(line.no)
        last.footnote_refs |= _footnote_refs(line.text)
        for number in _footnote_refs(line.text):
            self.footnote_sites.setdefault(number, (self.container, last))
        return True


def _footnote_refs(text: str) -> set[str]:
    return {m.group(1) or m.group(2) for m in _FOOTNOTE_REF.finditer(text)}


# Words a sentence does not end on: a paragraph ending on one was cut by a page break.
_OPEN_ENDINGS = frozenset(
    re.split(
        r"\s+",
        "aan als bij de den der door een en het in is met naar of om op over te ter tot uit"
        " van voor waarbij zal zijn wordt worden",
    )
)


def _continues(previous: _Block | None, text: str) -> bool:
    """A paragraph broken by a page break: previous not finished and this one not a start.

    The previous text must end without punctuation, and either this text starts in lower
    case or the previous one stops on a word no sentence ends on ("… de bouw van").
    """
    if previous is None or previous.kind == "row":
        return False
    before = previous.parts[-1].rstrip().rstrip("*")
    if not before or before.endswith((".", "!", "?", ":", ";", ",", ")", '"', "”")):
        return False
    if text[:1].islower():
        return True
    words = before.split()
    return bool(words) and words[-1].lower() in _OPEN_ENDINGS


def _indent_depth(indent: str) -> int:
    return len(indent.replace("\t", "    ")) // 2


def _build(lines: list[_Line], header: set[str]) -> _Builder:
    """Feed the body lines to a builder; page furniture counts as a blank line."""
    b = _Builder()
    gap = [
        not line.text or bool(_FURNITURE.match(line.text)) or _plain(line.text) in header
        for line in lines
    ]
    for index, line in enumerate(lines):
        text = line.text
        if gap[index]:
            continue
        after_blank = index == 0 or gap[index - 1]
        before_blank = index + 1 == len(lines) or gap[index + 1]

        note = _FOOTNOTE_DEF.match(text)
        if note:
            number = note.group(1) or note.group(2)
            b.footnotes.append((number, _clean(note.group(3)), line.no, line.no))
            b.last_block = None
            continue

        md = _MD_HEADING.match(text)
        bold = None if md else _bold_only(text)
        explicit = md.group(1) if md else bold
        if explicit is not None and (md or _heading_sized(_heading_text(explicit))):
            if _heading_text(explicit):  # a bare "#" is a rule, not a heading
                _heading(b, _heading_text(explicit), line.no, plain=False)
            b.last_block = None
            continue

        if after_blank and bold is None and not _BULLET.match(line.raw):
            title = _heading_text(text)
            # Alone between blank lines; a line in capitals may have its text right below.
            alone = before_blank or (
                _is_caps(title)
                and not _BULLET.match(lines[index + 1].raw)
                and not _NUMBERED.match(lines[index + 1].raw)
            )
            if alone and _plain_heading(b, title):
                _heading(b, title, line.no, plain=True)
                b.last_block = None
                continue

        bullet = _BULLET.match(line.raw)
        numbered = None if bullet else _NUMBERED.match(line.raw)
        if bullet:
            rest = _SUB_MARKER.sub("", bullet.group("rest").strip())
            while _SUB_MARKER.match(rest):
                rest = _SUB_MARKER.sub("", rest)
            if not rest:
                continue
            inner = _bold_only(rest)
            if inner is not None and b.series_block(_heading_text(inner)):
                _heading(b, _heading_text(inner), line.no, plain=False)
                b.last_block = None
                continue
            depth = _indent_depth(bullet.group("ind"))
            b.add(_Block("bullet", [line.no], [rest], depth, footnote_refs=_footnote_refs(rest)))
        elif numbered:
            rest = numbered.group("rest")
            b.add(
                _Block(
                    "num",
                    [line.no],
                    [rest],
                    _indent_depth(numbered.group("ind")),
                    numbered.group("label"),
                    numbered.group("sep"),
                    _footnote_refs(rest),
                )
            )
        elif "\t" in text or (
            line.raw.startswith("\t") and b.last_block is not None and b.last_block.kind == "row"
        ):
            cells = [squash(_clean(cell)) for cell in line.raw.rstrip().split("\t")]
            b.add(_Block("row", [line.no], [" | ".join(cells).strip()]))
        else:
            # A line right below text continues it (wrapped text); after a blank line it
            # starts a paragraph, unless a page break cut the previous one.
            joined = (
                b.extend_last(line)
                if not after_blank
                else _continues(b.last_block, text) and b.extend_last(line, page_break=True)
            )
            if not joined:
                b.add(_Block("para", [line.no], [text], footnote_refs=_footnote_refs(text)))
    return b


def _heading_sized(title: str) -> bool:
    """Short enough, and unpunctuated enough, to be a heading rather than a bold sentence."""
    return 0 < len(title) <= 120 and len(title.split()) <= 16 and not title.endswith((".", ";"))


def _plain_heading(b: _Builder, title: str) -> bool:
    """Whether a plain line standing alone between blank lines is a heading.

    Numbered: when ALL CAPS ("1. REGEERAKKOORD"), or mixed case when it opens the first
    numbering ("1. Situering") or continues a level that began that way. Inside a
    "Voorstel van beslissing" numbered lines are decision points, unless they continue an
    open level in capitals. Unnumbered: ALL CAPS, or one of the usual section names.
    """
    if not _heading_sized(title) or title.endswith((",", ":")):
        return False
    split = _split_label(title)
    if split and split[1]:
        label, _, rest = split
        if not (rest[:1].isupper() or rest[:1].isdigit()):
            return False
        caps = _is_caps(rest)
        interps = _interpretations(label)
        continues = [
            level
            for level in b.levels
            for scheme, value in interps
            if level.scheme == scheme and value == level.last + 1
        ]
        if "." in label:  # "2.1 Doel" right under "2." (or after "2.0")
            parent = label.rpartition(".")[0]
            continues += [lv for lv in b.levels if lv.node.path == parent]
        if b.in_decision():
            return caps and bool(continues)
        if caps:
            return True
        if not b.seen_numbered:
            return any(value == 1 for _, value in interps)
        return any(level.plain or "." in label for level in continues)
    if split:
        return False
    if b.in_decision():  # only a usual section name ("BIJLAGEN") ends the decision
        return bool(_TOP_TERMS.match(title))
    return (_is_caps(title) and len(title.split()) <= 10) or bool(_TOP_TERMS.match(title))


def _heading(b: _Builder, title: str, line: int, plain: bool) -> None:
    split = _split_label(title)
    if split and (split[1] or not plain):
        b.numbered_heading(split[0], split[2], line, plain)
    else:
        b.unnumbered_heading(title, line)


# --------------------------------------------------------------------------- parse


def parse(source: SourceText) -> Communication:
    """Parse a mededeling/nota into a :class:`Communication` (pure: no I/O, no RDF)."""
    raw = [line.replace("\u00a0", " ").rstrip() for line in source.lines]
    plain = [_plain(line) for line in raw]
    n = len(raw)
    nonblank = [i for i, line in enumerate(raw) if line.strip()]
    if not nonblank:
        raise source.error("the document is empty")

    doc_idx = next((i for i in range(min(n, 120)) if _DOC_TYPE.match(plain[i])), None)
    subject_idx = next((i for i in range(min(n, 120)) if _BETREFT.match(plain[i])), None)
    doc_match = _DOC_TYPE.match(plain[doc_idx]) if doc_idx is not None else None
    if doc_idx is None or doc_match is None:
        where = subject_idx + 1 if subject_idx is not None else nonblank[0] + 1
        raise source.error(
            "expected a 'MEDEDELING AAN DE VLAAMSE REGERING' or 'NOTA AAN DE VLAAMSE "
            "REGERING' line at the top of the document",
            where,
        )
    if subject_idx is None:
        raise source.error(
            f"expected a 'Betreft: <subject>' line after '{plain[doc_idx]}' "
            f"(line {doc_idx + 1}); none found",
            doc_idx + 2 if doc_idx + 1 < n else doc_idx + 1,
        )
    subject, subject_end = _subject(raw, plain, subject_idx)
    if not subject:
        raise source.error(
            "'Betreft:' gives no subject; expected the subject after it", subject_idx + 1
        )

    doc_type = doc_match.group(1).lower()
    body_start = max(doc_idx, subject_end) + 1
    header_lines = [plain[i] for i in range(body_start) if plain[i]]
    issuers = tuple(
        line
        for i, line in enumerate(header_lines)
        if _MINISTER.search(line) and not _DOC_TYPE.match(line) and not _BETREFT.match(line)
    )
    number_match = next(
        (m for m in (_DOC_NUMBER.search(line) for line in plain[: body_start + 5]) if m), None
    )

    signatories: list[Signatory] = []
    body_end = trailer_start = n
    for i in range(body_start, n):
        line = raw[i].strip()
        if _portfolio_start(line) and _MINISTER.search(line):
            found = _read_signatures(raw, i)
            if found:
                (signatories, trailer_start), body_end = found, i
                break

    body = [
        _Line(
            no=i + 1,
            raw=raw[i],
            text=raw[i].strip(),
        )
        for i in range(body_start, body_end)
    ]
    header = {line for line in header_lines if _is_caps(line)}
    builder = _build(body, header)
    attachments = _trailer(raw, trailer_start, builder)

    sections = tuple(node.freeze() for node in builder.root)
    summary, summary_span = "", None
    if builder.summary is not None:
        summary = builder.summary.text()
        summary_span = Span(builder.summary.line, builder.summary.end())
    else:
        numbered_summary = next((s for s in sections if s.number and _SUMMARY.match(s.title)), None)
        if numbered_summary is not None:
            summary, summary_span = numbered_summary.text, numbered_summary.span

    return Communication(
        doc_type=doc_type,
        subject=subject,
        summary=summary,
        sections=sections,
        signatories=tuple(signatories),
        agreement_references=_agreement_references(builder, sections),
        span=Span(nonblank[0] + 1, nonblank[-1] + 1),
        subject_span=Span(subject_idx + 1, subject_end + 1),
        summary_span=summary_span,
        preamble=builder.preamble.text(),
        issuers=issuers,
        document_number=squash(number_match.group(0)) if number_match else None,
        footnotes=_footnotes(builder),
        attachments=attachments,
    )


def _trailer(raw: list[str], start: int, b: _Builder) -> tuple[str, ...]:
    """After the signatures: the "Bijlagen" list (returned) and footnotes (into ``b``)."""
    attachments: list[str] = []
    listing = False
    for i in range(start, len(raw)):
        text = raw[i].strip()
        if not text:
            continue
        note = _FOOTNOTE_DEF.match(text)
        if note:
            b.footnotes.append(
                (note.group(1) or note.group(2), _clean(note.group(3)), i + 1, i + 1)
            )
            listing = False
            continue
        head = _ATTACHMENTS.match(_plain(text))
        if head:
            listing = True
            text = head.group(1)
        elif listing:
            text = _SUB_MARKER.sub("", re.sub(r"^(?:[-*•]|\d{1,2}[.)°])\s+", "", text))
        if listing and text:
            attachments.append(squash(_clean(text)))
    return tuple(attachments)


def _subject(raw: list[str], plain: list[str], idx: int) -> tuple[str, int]:
    """The "Betreft:" text with its continuation lines; returns it and its last index."""
    m = _BETREFT.match(plain[idx])
    parts = [m.group(1)] if m and m.group(1) else []
    end = idx
    i = idx + 1
    if not parts and i < len(raw) and not raw[i].strip():
        i += 1  # "Betreft:" alone, subject on the next line but one
    while i < len(raw) and raw[i].strip() and i - idx <= 4:
        line = raw[i].strip()
        if _MD_HEADING.match(line) or _TOP_TERMS.match(_heading_text(line)):
            break
        if _split_label(_heading_text(line)) and _is_caps(line) and parts:
            break
        parts.append(_clean(line))
        end = i
        i += 1
    return squash(" ".join(parts)), end


def _footnotes(b: _Builder) -> tuple[Footnote, ...]:
    notes = []
    for number, text, first, last in b.footnotes:
        site = b.footnote_sites.get(number)
        notes.append(
            Footnote(number, squash(text), site[0].path if site else None, Span(first, last))
        )
    return tuple(notes)


def _agreement_references(
    b: _Builder, sections: tuple[Section, ...]
) -> tuple[AgreementReference, ...]:
    """Where the coalition agreement is cited: its own section, footnotes, sentences."""
    refs: list[AgreementReference] = []

    def visit(nodes: list[_Node], frozen: tuple[Section, ...]) -> None:
        for node, section in zip(nodes, frozen, strict=True):
            if node.number is not None and _AGREEMENT.search(node.title):
                refs.append(
                    AgreementReference("section", section.text, None, None, node.path, section.span)
                )
            visit(node.children, section.subsections)

    visit(b.root, sections)

    for number, text, first, last in b.footnotes:
        site = b.footnote_sites.get(number)
        cites = bool(_AGREEMENT.search(text))
        if site is not None:
            node, block = site
            cites = cites or bool(_AGREEMENT.search(block.text())) or node.in_agreement_section()
        if cites:
            title, pages = _citation(text)
            where = site[0].path if site else None
            refs.append(
                AgreementReference("footnote", squash(text), title, pages, where, Span(first, last))
            )

    for node, block in b.all_blocks:
        if node.in_agreement_section():
            continue
        text = block.text()
        if not _AGREEMENT.search(text):
            continue
        sentences = [s for s in _SENTENCE_END.split(text) if _AGREEMENT.search(s)]
        sentence = " ".join(sentences)
        title, pages = _citation(sentence)
        span = Span(block.lines[0], block.lines[-1])
        refs.append(AgreementReference("mention", sentence, title, pages, node.path, span))
    refs.sort(key=lambda r: (r.span.start, r.span.end))
    return tuple(refs)


def _citation(text: str) -> tuple[str | None, str | None]:
    """The quoted part title and the pages ("45-46") a citation gives, if any."""
    quoted = _QUOTED.search(text)
    pages = _PAGES.search(text)
    return (
        squash(quoted.group(1)) if quoted else None,
        re.sub(r"\s+", "", pages.group(1)).replace("–", "-") if pages else None,
    )
