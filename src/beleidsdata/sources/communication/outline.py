"""The section tree, built one body line at a time.

Nesting is decided by the numbering scheme (1. > A. > 1.) and the expected next number at
each open level, never by the number of '#'. When two open levels could both take a heading
("8." may continue the top level or a numbered list inside "B."), the level whose headings
share its capitalisation (ALL CAPS or not) wins, then the deeper one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..base import Span, join_wrapped
from .inline import AGREEMENT, SUMMARY, TOP_TERMS, clean, footnote_refs, is_caps
from .labels import interpretations
from .records import DECISION, ListItem, Section, child_path


@dataclass
class Block:
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
        return join_wrapped([clean(p) for p in self.parts])

    def rendered(self) -> str:
        body = self.text()
        indent = "  " * self.depth
        if self.kind == "bullet":
            return f"{indent}- {body}"
        if self.kind == "num":
            return f"{indent}{self.label}{self.sep} {body}"
        return body


@dataclass
class Node:
    """A section while it is being built."""

    number: str | None
    title: str
    line: int
    path: str | None
    parent: Node | None
    decision: bool = False
    blocks: list[Block] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)

    def end(self) -> int:
        last = self.line
        for block in self.blocks:
            last = max(last, block.lines[-1])
        for child in self.children:
            last = max(last, child.end())
        return last

    def in_agreement_section(self) -> bool:
        node: Node | None = self
        while node is not None:
            if node.number is not None and AGREEMENT.search(node.title):
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
class Level:
    """An open numbering level: its scheme, last value and style, and its latest section."""

    scheme: str | None  # "arabic", "letter", "roman", "dotted:2"; None for a scope
    last: int
    caps: bool
    plain: bool  # its first heading was a plain, mixed-case line ("1. Situering")
    node: Node


@dataclass
class Line:
    no: int  # 1-based
    raw: str
    text: str  # stripped


class Builder:
    """Turns body lines into a section tree, one line at a time."""

    def __init__(self) -> None:
        self.root: list[Node] = []
        self.levels: list[Level] = []
        self.preamble = Node(None, "", 0, None, None)
        self.summary: Node | None = None
        self.container: Node = self.preamble
        self.last_block: Block | None = None
        self.footnotes: list[tuple[str, str, int, int]] = []  # number, text, first, last
        self.footnote_sites: dict[str, tuple[Node, Block]] = {}
        self.all_blocks: list[tuple[Node, Block]] = []
        self.seen_numbered = False

    # ---- headings

    def numbered_heading(self, label: str, title: str, line: int, plain: bool) -> None:
        caps = is_caps(title)
        interps = interpretations(label)
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
            self.levels.append(Level(scheme, value, caps, plain and not caps, node))
        self.seen_numbered = True
        self.container = node

    def _parent_for(self, scheme: str) -> Node | None:
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
        if SUMMARY.match(title) and self.summary is None:
            self.summary = Node(None, title, line, None, None)
            self.container = self.summary
            return
        top = TOP_TERMS.match(title) or not self.seen_numbered or not self.levels
        if top:
            # A top-level unnumbered section ("VOORSTEL VAN BESLISSING"): numbered
            # headings after it may still continue the top-level sequence.
            del self.levels[1 if self.seen_numbered else 0 :]
            node = self._new_node(None, title, line, None)
            self.levels.append(Level(None, 0, is_caps(title), False, node))
        else:  # a block ("➤ Voor de minister bevoegd voor …") in the current section
            node = self._new_node(None, title, line, self.levels[-1].node)
        self.container = node

    def _new_node(self, number: str | None, title: str, line: int, parent: Node | None) -> Node:
        path = child_path(parent.path if parent else None, number)
        if number is None and parent is not None:
            path = parent.path
        node = Node(number, title, line, path, parent, decision=bool(DECISION.match(title)))
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
        node: Node | None = self.container
        while node is not None:
            if node.decision:
                return True
            node = node.parent
        return False

    # ---- content

    def add(self, block: Block) -> None:
        self.container.blocks.append(block)
        self.all_blocks.append((self.container, block))
        self.last_block = block
        for number in block.footnote_refs:
            self.footnote_sites.setdefault(number, (self.container, block))

    def extend_last(self, line: Line, page_break: bool = False) -> bool:
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
        last.footnote_refs |= footnote_refs(line.text)
        for number in footnote_refs(line.text):
            self.footnote_sites.setdefault(number, (self.container, last))
        return True
