"""The report's own texts: the quoted section, the findings, the summary and conclusion.

Texts are plain: citation markers, bold and link syntax and markdown escapes go; bullets and
paragraphs stay one a line. Every citation must name a listed reference.
"""

from __future__ import annotations

import html
import re

from ..agreement import split_title
from ..base import SourceText, Span, join_wrapped, squash
from ..numbering import SECTION_NUMBER
from .landmarks import BOLD, TAG, Block
from .records import Finding, QuotedSection

_CITATION = re.compile(r"\\?\[(\d+)\\?\]")
_CITATIONS_WITH_SPACE = re.compile(r"\s*(?:\\?\[\d+\\?\])+")
_LINK = re.compile(r"(?<!\\)\[([^\]\[]+)\]\((?:[^)\s]+)\)")
_ESCAPE = re.compile(r"\\([\[\]*_#()`])")
_BULLET = re.compile(r"^\s*(?:[-*•–]|\d+[.)])\s+")


def read_section(source: SourceText, block: Block, h1: str | None) -> QuotedSection:
    """The quoted section: number, then title and text split on the H1 when it matches."""
    lines = [line for _, line in block.content]
    text = html.unescape(TAG.sub(" ", "\n".join(lines)))
    text = join_wrapped(text.split("\n"))
    match = SECTION_NUMBER.match(text)
    first = block.content[0][0] if block.content else block.line
    if not match:
        raise source.error(
            "the quoted agreement section does not start with a section number "
            "(expected '2.3.5 Title text…')",
            first,
        )
    number, rest = match.group(1), match.group(2)
    if (
        h1
        and rest.casefold().startswith(h1.casefold())
        and (len(rest) == len(h1) or rest[len(h1)] == " ")
    ):
        title, body, stated = rest[: len(h1)], rest[len(h1) :].strip(), True
    else:
        stated = False
        title, body = split_title(rest)
    last = block.content[-1][0] if block.content else block.line
    return QuotedSection(
        number=number,
        title=title,
        text=body,
        span=Span(min(block.line, first), last),
        title_stated=stated,
    )


def read_findings(
    source: SourceText, blocks: list[Block], defined: set[int] | None
) -> tuple[Finding, ...]:
    findings: list[Finding] = []
    for index, block in enumerate(blocks):
        if block.kind != "theme":
            continue
        if not any(line.strip() for _, line in block.content):
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            if following and following.kind == "theme" and following.level > block.level:
                continue  # a group heading ("## Bevindingen") above the themes
            raise source.error(f"the finding '{block.label}' has no text", block.line)
        text, citations, last = read_prose(source, block.content, defined)
        findings.append(
            Finding(theme=block.label, text=text, citations=citations, span=Span(block.line, last))
        )
    return tuple(findings)


def read_prose(
    source: SourceText, content: list[tuple[int, str]], defined: set[int] | None
) -> tuple[str, tuple[int, ...], int]:
    """Bullets and paragraphs as clean text, one a line; their citations; the last line.

    Every citation must name a listed reference: a dangling [N] is a broken report.
    ``defined`` is None when the reference list is missing or cut off: nothing to check.
    """
    items: list[list[str]] = []
    citations: list[int] = []
    last = content[0][0] if content else 1
    open_item = False
    for number, raw in content:
        if not raw.strip():
            open_item = False
            continue
        last = number
        for match in _CITATION.finditer(raw):
            cited = int(match.group(1))
            if defined is not None and cited not in defined:
                raise source.error(
                    f"citation [{cited}] has no matching reference "
                    "(expected it in the reference list)",
                    number,
                )
            if cited not in citations:
                citations.append(cited)
        bullet = _BULLET.match(raw)
        if bullet or not open_item:
            items.append([raw[bullet.end() :] if bullet else raw])
            open_item = True
        else:
            items[-1].append(raw)
    text = "\n".join(t for t in (clean(join_wrapped(item)) for item in items) if t)
    return text, tuple(citations), last


def clean(text: str) -> str:
    """Drop citation markers, bold and link syntax; keep the words."""
    text = _CITATIONS_WITH_SPACE.sub("", text)
    text = BOLD.sub(r"\2", text)
    text = _LINK.sub(r"\1", text)
    text = _ESCAPE.sub(r"\1", text)
    return squash(text)
