"""The landmarks a report is cut at: headings, label lines and <details> blocks.

Both exports share the summary, the themed findings (``### theme`` + bullets or paragraphs)
and the conclusion; export A quotes the agreement section and lists the references in
``<details>`` blocks. The parser is driven by those landmarks, not by line numbers or fixed
themes, so other sections' evaluations, with other themes and reference counts, parse too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..base import Note, SourceText, squash
from ..markup import markdown_heading
from ..numbering import SECTION_NUMBER

BOLD = re.compile(r"(\*\*|__)(.+?)\1")
TAG = re.compile(r"<[^>]+>")
_SUMMARY_TAG = re.compile(r"<summary>(.*?)</summary>", re.IGNORECASE | re.DOTALL)
LOOKS_LIKE_REF = re.compile(r"^\W{0,4}\\?\[\\?\[?\d+\\?\]")


def labelled(names: str) -> re.Pattern[str]:
    """'**Name**: x', '**Name:** x', 'Name: x' and a bare 'Name' line; ``rest`` is x."""
    return re.compile(
        rf"^(?:(?P<bold>\*\*|__)(?:{names})\s*:?\s*(?P=bold)\s*:?|(?:{names})\s*:|(?:{names})\s*$)"
        r"\s*(?P<rest>.*)$",
        re.IGNORECASE,
    )


SUMMARY_LABEL = labelled("samenvatting")
CONCLUSION_LABEL = labelled("conclusies?")


def heading_name(line: str) -> str:
    """The name of a heading line ("## **Conclusie**" → "conclusie"), "" for other lines."""
    heading = markdown_heading(line.strip())
    return clean_label(heading[1]).casefold() if heading else ""


def clean_label(text: str) -> str:
    return squash(BOLD.sub(r"\2", text)).strip(" :")


def is_references_label(line: str) -> bool:
    summary = _SUMMARY_TAG.search(line)
    name = squash(summary.group(1)) if summary else heading_name(line)
    return "referentie" in name.casefold() or "references" in name.casefold()


@dataclass
class Block:
    """A run of lines under one landmark: a heading, a label line or a <details> block."""

    kind: str  # preamble | summary | theme | conclusion | references | section | other
    label: str
    level: int
    line: int
    content: list[tuple[int, str]] = field(default_factory=list)


def read_blocks(source: SourceText, notes: list[Note]) -> tuple[int | None, list[Block]]:
    """Cut the document into landmark blocks; returns the title line and the blocks in order.

    A <details> block still open at the end of the text means the text was cut off there:
    it is read to the end and a note that breaks off says so.

    Text after a <details> block belongs to no landmark until the next one: before the
    first finding it is preamble (a summary without a label), after it it is ignored.
    """
    lines = source.lines
    title_line: int | None = None
    blocks = [Block("preamble", "", 0, 1)]
    top = _top_level(lines)
    number = 0
    while number < len(lines):
        number += 1
        raw = lines[number - 1]
        text = raw.strip()
        if text.lower().startswith("<details"):
            end = next(
                (n for n in range(number, len(lines) + 1) if "</details>" in lines[n - 1].lower()),
                None,
            )
            if end is None:
                end = len(lines)
                while end > number and not lines[end - 1].strip():
                    end -= 1
                notes.append(
                    Note(end, f"the <details> block opened on line {number} is not closed", True)
                )
            blocks.append(_details_block(source, number, end))
            early = all(b.kind in {"preamble", "section", "other"} for b in blocks)
            blocks.append(Block("preamble" if early else "other", "", 0, end + 1))
            number = end
            continue
        heading = markdown_heading(text)
        if heading:
            level, name = heading[0], clean_label(heading[1])
            if title_line is None and _is_title(blocks, level, name, top):
                title_line = number
                blocks.append(Block("preamble", "", 1, number))
            else:
                blocks.append(Block(_heading_kind(name), name, level, number))
            continue
        summary, conclusion = SUMMARY_LABEL.match(text), CONCLUSION_LABEL.match(text)
        if summary or conclusion:
            kind, rest = ("summary", summary) if summary else ("conclusion", conclusion)
            rest_text = rest.group("rest") if rest else ""
            blocks.append(Block(kind, "", 0, number, [(number, rest_text)] if rest_text else []))
            continue
        blocks[-1].content.append((number, raw))
    for block in blocks:
        # "## Regeerakkoord sectie" + "2.3.5 Title text…": the quoted section as a heading.
        first = next((line.strip() for _, line in block.content if line.strip()), "")
        if (
            block.kind == "theme"
            and "regeerakkoord" in block.label.casefold()
            and SECTION_NUMBER.match(first)
        ):
            block.kind = "section"
    return title_line, blocks


def _top_level(lines: tuple[str, ...]) -> int:
    """The highest level (fewest '#') any heading of the document has."""
    levels = [h[0] for line in lines if (h := markdown_heading(line.strip()))]
    return min(levels, default=1)


def _is_title(blocks: list[Block], level: int, name: str, top: int) -> bool:
    """The report's title: a level-1 heading, or whatever the level, the first heading of
    the document when nothing but blank lines precede it, nothing outranks it and it names
    no landmark ("## Samenvatting" is not a title). The structure decides, not the '#'."""
    if level == 1:
        return True
    before = any(text.strip() for b in blocks for _, text in b.content)
    return not before and len(blocks) == 1 and level <= top and _heading_kind(name) == "theme"


def _heading_kind(name: str) -> str:
    folded = name.casefold()
    if folded == "samenvatting":
        return "summary"
    if folded in {"conclusie", "conclusies"}:
        return "conclusion"
    if "referentie" in folded or folded.startswith("references"):
        return "references"
    return "theme"


def _details_block(source: SourceText, start: int, end: int) -> Block:
    """A <details> block: the quoted section or the references, told apart by its summary.

    A block labelled neither way is the section when its text opens with a section number.
    """
    raw = "\n".join(source.lines[start - 1 : end])
    summary = _SUMMARY_TAG.search(raw)
    label = squash(TAG.sub(" ", summary.group(1))) if summary else ""
    content: list[tuple[int, str]] = []
    for number in range(start, end + 1):
        line = source.lines[number - 1]
        line = _SUMMARY_TAG.sub(" ", line)
        line = re.sub(r"</?details[^>]*>", " ", line, flags=re.IGNORECASE)
        if line.strip():
            content.append((number, line))
    folded = label.casefold()
    first = squash(TAG.sub(" ", content[0][1])) if content else ""
    if "referentie" in folded or (not summary and LOOKS_LIKE_REF.match(first)):
        kind = "references"
    elif "regeerakkoord" in folded or "sectie" in folded or SECTION_NUMBER.match(first):
        kind = "section"
    else:
        kind = "other"  # some other collapsible block: not part of the record
    return Block(kind, label, 0, start, content)
