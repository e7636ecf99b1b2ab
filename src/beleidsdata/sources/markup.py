"""Markdown that exported Word and web documents carry, read the same way by every parser.

Communications and evaluation reports both arrive as markdown-ish exports; a heading line is
a heading for both, whatever its number of '#'.
"""

from __future__ import annotations

import re

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")


def markdown_heading(line: str) -> tuple[int, str] | None:
    """The level and text of an ATX heading ("## Title ##" → (2, "Title")), or None.

    The text keeps its inline markup; a closing run of '#' is dropped.
    """
    match = _HEADING.match(line)
    if match is None:
        return None
    return len(match.group(1)), match.group(2)
