"""The action points of a speerpunt, told apart from the examples and boxes around them.

Inside the "…: hiermee willen we het verschil maken" sub-section the text holds headed action
points (a heading of one or two lines, then body paragraphs), text boxes ("kaders"),
diagrams, a "STRATEGIE IN DE PRAKTIJK — …" box of headed examples and a "Hoe werkt
Vlaanderen samen met andere overheden?" box. An action-point heading that starts with "We"
needs one body line, any other heading at least three, so the title of a text box with a
one-sentence caption ("Zes leidende principes") is not taken for an action point; a "We"
heading glued to its body (no blank line) is split off. Headed items after a "STRATEGIE IN
DE PRAKTIJK" marker are examples, not action points; a "Hoe werkt Vlaanderen samen …?" box
runs to the end of its speerpunt.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..base import Span
from ..text import fix_ocr
from .blocks import (
    TERMINAL,
    Block,
    is_caps,
    is_example_marker,
    is_headlike,
    is_marker,
    is_prose,
    is_text,
    question_marker,
    starts_we,
    texty,
)
from .headings import Sub
from .layout import Document
from .records import ActionPoint, Box


@dataclass
class _Item:
    """An action point, example, text box or question box being collected."""

    kind: str  # "ap" | "voorbeeld" | "kader" | "samenwerking" …
    title: str | None
    start: int
    body: list[Block] = field(default_factory=list)


def _split_we(block: Block, width: int) -> int | None:
    """Where the body starts in a "We …" block whose heading has no blank line after it."""
    texts = block.texts
    if not starts_we(texts[0]) or len(texts) < 2:
        return None
    for j in (1, 2):
        if j >= len(texts):
            break
        head = texts[:j]
        if any(t[-1] in TERMINAL + ",;:" for t in head[:-1]) or not texts[j][:1].isupper():
            continue
        if (
            head[-1][-1] in ",;:"
            or len(head[-1]) >= 0.92 * width
            or (head[-1][-1] in TERMINAL and len(head[-1]) >= 0.8 * width)
        ):
            continue
        rest = block.tail(j)
        if is_prose(rest, width):
            return j
    return None


def _titled(block: Block, width: int) -> bool:
    """A short title line glued to a paragraph (a text box without a blank line)."""
    texts = block.texts
    if len(texts) < 2:
        return False
    title = texts[0]
    return (
        len(title) < 0.55 * width
        and title[:1].isupper()
        and title[-1] not in TERMINAL + ",;:"
        and not is_caps(title)
        and texty(title)
        and is_prose(block.tail(1), width)
    )


def _body_after(doc: Document, blocks: list[Block], i: int, mode: str | None) -> list[Block]:
    """The prose blocks from index i on that form the body of a heading.

    The body stops at a box marker, at debris, at the next action point with its heading
    glued to its text and at a heading-like block that heads an item of its own (with
    ``mode`` None: at any heading-like block, which is how :func:`_qualifies` measures).
    """
    body: list[Block] = []
    while i < len(blocks):
        block = blocks[i]
        if not is_text(block, doc.width) or is_marker(block):
            break
        if _split_we(block, doc.width) is not None:
            break  # the next action point, its heading glued to its text
        if (
            body
            and is_headlike(block, doc.width)
            and (mode is None or _qualifies(doc, blocks, i, mode))
        ):
            break
        body.append(block)
        i += 1
    return body


def _qualifies(doc: Document, blocks: list[Block], i: int, mode: str) -> bool:
    """Whether the headlike block at i heads an item: enough body text follows it."""
    lines = sum(len(block.lines) for block in _body_after(doc, blocks, i + 1, None))
    if lines == 0:
        return False
    if mode == "voorbeeld" or starts_we(blocks[i].first):
        return True
    return lines >= 3


@dataclass(frozen=True)
class ActionSection:
    """What the action-point sub-section holds besides its heading."""

    action_points: tuple[ActionPoint, ...]
    examples: tuple[Box, ...]
    boxes: tuple[Box, ...]  # text boxes and cooperation boxes
    lead: list[Block]  # prose before the first action point
    spill: list[Block]  # material before it that is not prose (a figure the OCR moved up)


class _Walk:
    """One pass over the blocks of the sub-section, deciding what each block is.

    ``mode`` is "ap" for action points, "voorbeeld" after a "STRATEGIE IN DE PRAKTIJK"
    marker and "box" inside a cooperation box, which runs to the end.
    """

    def __init__(self, doc: Document, blocks: list[Block]) -> None:
        self.doc = doc
        self.blocks = blocks
        self.width = doc.width
        self.items: list[_Item] = []
        self.lead: list[Block] = []
        self.spill: list[Block] = []
        self.mode = "ap"
        self.current: _Item | None = None  # the item that running prose belongs to
        self.target: _Item | None = None  # the item consecutive prose goes to right now
        self.pending: Block | None = None  # a heading-like block that headed nothing (yet)

    def run(self) -> None:
        i = 0
        while i < len(self.blocks):
            i = self._step(i)
        if self.current is None and self.pending is not None:
            self.spill.append(self.pending)

    def _step(self, i: int) -> int:
        """Read the block at i; returns the index of the next block to read."""
        block = self.blocks[i]
        if is_example_marker(block):
            self.mode, self.current, self.target, self.pending = "voorbeeld", None, None, None
            return i + 1
        question = question_marker(block)
        if question is not None:
            self.current = self.target = self._open("samenwerking", question, block.start, [])
            self.mode, self.pending = "box", None
            return i + 1
        if self.mode == "box":
            assert self.current is not None
            if is_text(block, self.width) or is_headlike(block, self.width):
                self.current.body.append(block)
            return i + 1
        headlike = is_headlike(block, self.width)
        if headlike and _qualifies(self.doc, self.blocks, i, self.mode):
            return self._headed(i, block, [])
        split = None if headlike else _split_we(block, self.width)
        if split is not None:
            return self._headed(i, block.head(split), [block.tail(split)])
        if _titled(block, self.width):
            self._titled_box(block)
        elif headlike:
            if self.current is None and self.pending is not None:
                self.spill.append(self.pending)
            self.pending = block
            self.target = None
        elif is_text(block, self.width):
            self._prose(block)
        else:  # diagram or column debris
            if self.current is None:
                if self.pending is not None:
                    self.spill.append(self.pending)
                self.spill.append(block)
            self.pending = None
            self.target = None
        return i + 1

    def _open(self, kind: str, title: str | None, start: int, body: list[Block]) -> _Item:
        item = _Item(kind, title, start, list(body))
        self.items.append(item)
        return item

    def _headed(self, i: int, heading: Block, first: list[Block]) -> int:
        """An action point or example: its heading, then the body paragraphs after it."""
        body = _body_after(self.doc, self.blocks, i + 1, self.mode)
        kind = "ap" if self.mode == "ap" else "voorbeeld"
        title = self.doc.join(heading.texts)
        self.current = self.target = self._open(kind, title, heading.start, [*first, *body])
        self.pending = None
        return i + 1 + len(body)

    def _titled_box(self, block: Block) -> None:
        """A title line glued to its paragraph: an example, or else a text box."""
        kind = "voorbeeld" if self.mode == "voorbeeld" else "kader"
        item = self._open(kind, block.first, block.start, [block.tail(1)])
        if kind == "voorbeeld":
            self.current = item
        self.target = item
        self.pending = None

    def _prose(self, block: Block) -> None:
        """Running text: under a pending heading (a text box), or the current item's body."""
        if self.pending is not None:
            pending = self.pending
            self.target = self._open("kader", self.doc.join(pending.texts), pending.start, [block])
            self.pending = None
        elif self.target is not None:
            self.target.body.append(block)
        elif self.current is not None:
            self.current.body.append(block)
            self.target = self.current
        else:
            self.lead.append(block)


def action_section(doc: Document, blocks: list[Block], sub: Sub) -> ActionSection:
    """Split the action-point sub-section into action points, examples and boxes."""
    walk = _Walk(doc, blocks)
    walk.run()
    action_points: list[ActionPoint] = []
    examples: list[Box] = []
    boxes: list[Box] = []
    for item in walk.items:
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
    return ActionSection(tuple(action_points), tuple(examples), tuple(boxes), walk.lead, walk.spill)
