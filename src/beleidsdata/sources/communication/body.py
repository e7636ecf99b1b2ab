"""What each body line is: a heading, a paragraph, a list item, a table row or a footnote.

Heading markup is unreliable: the same level may be written "### A.", "## **B. …**",
"**C. …**" or plain "D. …". A plain line is a heading only when it stands alone and its
numbering or wording says so (see :func:`_plain_heading`). Page furniture (page numbers,
running heads) counts as a blank line, and a paragraph cut by a page break is joined again.
"""

from __future__ import annotations

import re

from ..base import squash
from ..markup import markdown_heading
from .inline import (
    BULLET,
    FOOTNOTE_DEF,
    NUMBERED,
    SUB_MARKER,
    TOP_TERMS,
    bold_only,
    clean,
    footnote_refs,
    heading_text,
    is_caps,
    plain,
)
from .labels import interpretations, split_label
from .outline import Block, Builder, Line

_FURNITURE = re.compile(
    r"^(?:\d{1,3}|\d{1,3}\s*/\s*\d{1,3}|(?:pagina|blz\.?)\s*\d+(?:\s*(?:van|/)\s*\d+)?"
    r"|(?:©|\(c\)\s*\d{4}|copyright\b).*)$",
    re.I,
)

# Words a sentence does not end on: a paragraph ending on one was cut by a page break.
_OPEN_ENDINGS = frozenset(
    re.split(
        r"\s+",
        "aan als bij de den der door een en het in is met naar of om op over te ter tot uit"
        " van voor waarbij zal zijn wordt worden",
    )
)


def _continues(previous: Block | None, text: str) -> bool:
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


def read_body(lines: list[Line], running_heads: frozenset[str]) -> Builder:
    """Feed the body lines to a builder; page furniture counts as a blank line."""
    b = Builder()
    gap = [
        not line.text or bool(_FURNITURE.match(line.text)) or plain(line.text) in running_heads
        for line in lines
    ]
    for index, line in enumerate(lines):
        if gap[index]:
            continue
        after_blank = index == 0 or gap[index - 1]
        before_blank = index + 1 == len(lines) or gap[index + 1]
        if _footnote(b, line) or _explicit_heading(b, line):
            continue
        if after_blank and _plain_heading_line(b, lines, index, before_blank):
            continue
        _content(b, line, after_blank)
    return b


def _footnote(b: Builder, line: Line) -> bool:
    """A footnote text ("<sup>1</sup> Uit het deel …"): kept apart from the sections."""
    note = FOOTNOTE_DEF.match(line.text)
    if not note:
        return False
    number = note.group(1) or note.group(2)
    b.footnotes.append((number, clean(note.group(3)), line.no, line.no))
    b.last_block = None
    return True


def _explicit_heading(b: Builder, line: Line) -> bool:
    """A heading in markup: a markdown heading, or a whole bold line of heading size."""
    md = markdown_heading(line.text)
    explicit = md[1] if md else bold_only(line.text)
    if explicit is None or not (md or _heading_sized(heading_text(explicit))):
        return False
    if heading_text(explicit):  # a bare "#" is a rule, not a heading
        _heading(b, heading_text(explicit), line.no, plain=False)
    b.last_block = None
    return True


def _plain_heading_line(b: Builder, lines: list[Line], index: int, before_blank: bool) -> bool:
    """A heading without markup, after a blank line (see :func:`_plain_heading`)."""
    line = lines[index]
    if bold_only(line.text) is not None or BULLET.match(line.raw):
        return False
    title = heading_text(line.text)
    # Alone between blank lines; a line in capitals may have its text right below.
    alone = before_blank or (
        is_caps(title)
        and not BULLET.match(lines[index + 1].raw)
        and not NUMBERED.match(lines[index + 1].raw)
    )
    if not (alone and _plain_heading(b, title)):
        return False
    _heading(b, title, line.no, plain=True)
    b.last_block = None
    return True


def _content(b: Builder, line: Line, after_blank: bool) -> None:
    """A line of a section's own text: list item, table row or (part of) a paragraph."""
    text = line.text
    bullet = BULLET.match(line.raw)
    numbered = None if bullet else NUMBERED.match(line.raw)
    if bullet:
        rest = SUB_MARKER.sub("", bullet.group("rest").strip())
        while SUB_MARKER.match(rest):
            rest = SUB_MARKER.sub("", rest)
        if not rest:
            return
        inner = bold_only(rest)
        if inner is not None and b.series_block(heading_text(inner)):
            _heading(b, heading_text(inner), line.no, plain=False)
            b.last_block = None
            return
        depth = _indent_depth(bullet.group("ind"))
        b.add(Block("bullet", [line.no], [rest], depth, footnote_refs=footnote_refs(rest)))
    elif numbered:
        rest = numbered.group("rest")
        b.add(
            Block(
                "num",
                [line.no],
                [rest],
                _indent_depth(numbered.group("ind")),
                numbered.group("label"),
                numbered.group("sep"),
                footnote_refs(rest),
            )
        )
    elif "\t" in text or (
        line.raw.startswith("\t") and b.last_block is not None and b.last_block.kind == "row"
    ):
        cells = [squash(clean(cell)) for cell in line.raw.rstrip().split("\t")]
        b.add(Block("row", [line.no], [" | ".join(cells).strip()]))
    else:
        # A line right below text continues it (wrapped text); after a blank line it
        # starts a paragraph, unless a page break cut the previous one.
        joined = (
            b.extend_last(line)
            if not after_blank
            else _continues(b.last_block, text) and b.extend_last(line, page_break=True)
        )
        if not joined:
            b.add(Block("para", [line.no], [text], footnote_refs=footnote_refs(text)))


def _heading_sized(title: str) -> bool:
    """Short enough, and unpunctuated enough, to be a heading rather than a bold sentence."""
    return 0 < len(title) <= 120 and len(title.split()) <= 16 and not title.endswith((".", ";"))


def _plain_heading(b: Builder, title: str) -> bool:
    """Whether a plain line standing alone between blank lines is a heading.

    Numbered: when ALL CAPS ("1. REGEERAKKOORD"), or mixed case when it opens the first
    numbering ("1. Situering") or continues a level that began that way. Inside a
    "Voorstel van beslissing" numbered lines are decision points, unless they continue an
    open level in capitals. Unnumbered: ALL CAPS, or one of the usual section names.
    """
    if not _heading_sized(title) or title.endswith((",", ":")):
        return False
    split = split_label(title)
    if split and split[1]:
        label, _, rest = split
        if not (rest[:1].isupper() or rest[:1].isdigit()):
            return False
        caps = is_caps(rest)
        interps = interpretations(label)
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
        return bool(TOP_TERMS.match(title))
    return (is_caps(title) and len(title.split()) <= 10) or bool(TOP_TERMS.match(title))


def _heading(b: Builder, title: str, line: int, plain: bool) -> None:
    split = split_label(title)
    if split and (split[1] or not plain):
        b.numbered_heading(split[0], split[2], line, plain)
    else:
        b.unnumbered_heading(title, line)
