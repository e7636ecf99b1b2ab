"""One speerpunt: its region split at its sub-headings, each part read for what it is.

The region runs from the speerpunt's heading to the next speerpunt (the last one ends at the
next chapter). Text before the first sub-section is the speerpunt's introduction; the
ambitions and challenges are running text; the running initiatives are a multi-column figure
in the PDF, which OCR interleaves, so they are kept as text and not split into items; the
action points and principles have readers of their own; a sub-section the family does not
define becomes a box.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..base import Span, squash
from .actions import ActionSection, action_section
from .blocks import Block, is_text
from .headings import SUBSECTION_KIND, Head, Outline, Sub, similar
from .layout import Document
from .principles import read_principles
from .records import Box, Principle, Speerpunt, Subsection
from .regions import prepare


def _end_of_last(doc: Document, head: Head, heads: list[Head]) -> int:
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


@dataclass
class _Parts:
    """What the regions of one speerpunt yield, collected in document order."""

    texts: dict[str, str] = field(default_factory=dict)  # by sub-section kind
    titles: dict[str, str] = field(default_factory=dict)  # sub-section headings, by kind
    subsections: list[Subsection] = field(default_factory=list)
    boxes: list[Box] = field(default_factory=list)
    actions: ActionSection | None = None
    principles: tuple[Principle, ...] = ()
    principles_closing: str = ""


def read_speerpunt(doc: Document, outline: Outline, index: int) -> Speerpunt:
    """The speerpunt with the given 0-based index in the outline."""
    head = outline.speerpunten[index]
    item = outline.listing.get(index)
    end = _region_end(doc, outline, index)
    parts = _Parts()
    for start, stop, sub in _regions(head, end):
        if sub is not None:
            parts.subsections.append(_subsection(doc, head, sub, stop))
        blocks, asides = prepare(doc, start, stop)
        parts.boxes.extend(asides)
        if sub is None:
            parts.texts["introduction"] = _running_text(doc, blocks)
        else:
            _read_part(doc, sub, blocks, stop, parts)

    heading = squash(head.title)
    if item is not None and similar(heading, item.title) >= 0.85:
        title = item.title
    else:
        words = heading.split()
        title = " ".join(doc.vocabulary.recase(w, k == 0) for k, w in enumerate(words))
    actions = parts.actions
    return Speerpunt(
        number=head.label,
        title=title,
        heading=heading,
        summary=item.summary if item is not None else None,
        introduction=parts.texts.get("introduction", ""),
        ambitions=parts.texts.get("ambitions", ""),
        challenges_title=_challenges_title(parts.titles.get("challenges")),
        challenges=parts.texts.get("challenges", ""),
        initiatives=_initiatives(doc, parts),
        action_points_title=_action_points_title(parts.titles.get("action_points")),
        action_points_intro=doc.render(actions.lead) if actions else "",
        action_points=actions.action_points if actions else (),
        principles_title=parts.titles.get("principles"),
        principles=parts.principles,
        principles_closing=parts.principles_closing,
        examples=actions.examples if actions else (),
        boxes=tuple(sorted(parts.boxes, key=lambda b: b.span)),
        subsections=tuple(parts.subsections),
        span=Span(head.line, max(end, head.end_line)),
    )


def _region_end(doc: Document, outline: Outline, index: int) -> int:
    """The last non-blank line of the speerpunt: before the next one, or where the text ends."""
    head = outline.speerpunten[index]
    if index + 1 < len(outline.speerpunten):
        end = outline.speerpunten[index + 1].line - 1
    else:
        end = _end_of_last(doc, head, outline.heads)
    while end > head.line and (not doc.line(end).strip() or end in doc.furniture):
        end -= 1
    return end


def _regions(head: Head, end: int) -> Iterator[tuple[int, int, Sub | None]]:
    """(first line, last line, sub-section) of the introduction (None) and each sub-section."""
    bounds = [(head.end_line + 1, None)] + [(s.end_line + 1, s) for s in head.subs]
    for k, (start, sub) in enumerate(bounds):
        stop = (head.subs[k].line - 1) if k < len(head.subs) else end
        yield start, stop, sub


def _subsection(doc: Document, head: Head, sub: Sub, stop: int) -> Subsection:
    """The sub-section record: its number normalised, its span up to its last text line."""
    last = stop
    while last > sub.end_line and (not doc.line(last).strip() or last in doc.furniture):
        last -= 1
    return Subsection(
        f"{head.label}.{sub.k}",
        SUBSECTION_KIND.get(sub.kind or "", "sectie"),
        sub.title,
        Span(sub.line, max(last, sub.end_line)),
    )


def _running_text(doc: Document, blocks: list[Block]) -> str:
    return doc.render([b for b in blocks if is_text(b, doc.width)])


def _read_part(doc: Document, sub: Sub, blocks: list[Block], stop: int, parts: _Parts) -> None:
    """Read one sub-section for what its kind says it holds."""
    kind = sub.kind
    if kind in ("ambitions", "challenges"):
        parts.texts[kind] = _running_text(doc, blocks)
    elif kind == "initiatives":
        parts.texts[kind] = doc.render(blocks)
    elif kind == "action_points":
        parts.actions = action_section(doc, blocks, sub)
        parts.boxes.extend(parts.actions.boxes)
    elif kind == "principles":
        parts.principles, parts.principles_closing, lead = read_principles(doc, blocks)
        if lead:
            introduction = parts.texts.get("introduction", "")
            parts.texts["introduction"] = "\n\n".join(x for x in (introduction, lead) if x)
    else:
        text = _running_text(doc, blocks)
        parts.boxes.append(Box("sectie", sub.title, text, Span(sub.line, max(sub.line, stop))))
    if kind is not None:
        parts.titles[kind] = sub.title


def _challenges_title(heading: str | None) -> str | None:
    """ "Een schets van de uitdagingen: <title>" → the title."""
    if heading is None or ":" not in heading:
        return None
    return heading.split(":", 1)[1].strip() or None


def _action_points_title(heading: str | None) -> str | None:
    """ "<title>: hiermee willen we het verschil maken" → the title."""
    if heading is None:
        return None
    lead_title = re.split(r"\s*:?\s*hiermee\b", heading, flags=re.I)[0]
    return lead_title.strip(" :") or None


def _initiatives(doc: Document, parts: _Parts) -> str:
    """The initiatives, with the figure material the OCR moved past the action-point heading."""
    initiatives = parts.texts.get("initiatives", "")
    spill = doc.render(parts.actions.spill) if parts.actions else ""
    if spill and "initiatives" in parts.texts:
        return f"{initiatives}\n\n{spill}" if initiatives else spill
    return initiatives
