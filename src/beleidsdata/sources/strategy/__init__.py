"""The Vlaamse Digitale Strategie and later strategy documents of the same family (OCR'd PDF).

Shape of the family, as the parser reads it (numbers are examples):

- an introduction ("Inleiding") that announces the counts and names the axes, and the
  numbered list of speerpunten with a short description each (:mod:`.introduction`,
  :mod:`.listing`);
- one section per speerpunt, headed in capitals, with numbered sub-sections recognised by
  number *and* by their fixed wording (:mod:`.headings`), each read for what it holds
  (:mod:`.speerpunt`, :mod:`.actions`, :mod:`.principles`).

OCR makes the layout unreliable, so nothing is read from one sample's wording or line
numbers: the text is repaired and measured first (:mod:`.layout`, :mod:`.vocabulary`), cut
into blocks judged by their shape (:mod:`.blocks`) and cleared of asides (:mod:`.regions`).
The records are in :mod:`.records`.
"""

from __future__ import annotations

import re

from ..base import SourceText, Span
from .headings import read_outline
from .introduction import announced_count, read_axes, read_introduction, read_title
from .layout import Document
from .records import (
    BOX_KINDS,
    DEFAULT_TITLE,
    SUBSECTION_KINDS,
    ActionPoint,
    Axis,
    Box,
    Principle,
    Speerpunt,
    Strategy,
    Subsection,
)
from .speerpunt import read_speerpunt

KIND = "strategie"
LABEL = "Vlaamse Digitale Strategie (strategy document)"

_SUB_VERSCHIL = re.compile(r"^\s*\S{1,8}\s+.{0,80}verschil\s+maken\s*$", re.I | re.M)
_SUB_AMBITIES = re.compile(r"^\s*\S{1,8}\s+Ambities\s*$", re.I | re.M)
_SUB_LOPEND = re.compile(r"^\s*\S{1,8}\s+(?:Enkele\s+)?lopende\s+initiatieven\s*$", re.I | re.M)
_SUB_UITDAGING = re.compile(r"^\s*\S{1,8}\s+Een\s+schets\s+van\s+de\s+uitdagingen", re.I | re.M)
_SPEERPUNT_WORD = re.compile(r"speerpunt", re.I)


def detect(source: SourceText) -> float:
    """How sure we are that this is a strategy of this family, from its fixed sub-headings.

    Evaluations, resolutions and communications may mention "speerpunten" or "ambities" in
    running text, but only a strategy has numbered "Ambities"/"lopende initiatieven"/"… het
    verschil maken" sub-headings, so those weigh most.
    """
    text = source.text
    score = 0.35 * min(len(_SUB_VERSCHIL.findall(text)), 3) / 3
    score += 0.2 * min(len(_SUB_AMBITIES.findall(text)), 3) / 3
    score += 0.15 * min(len(_SUB_LOPEND.findall(text)), 3) / 3
    score += 0.15 * min(len(_SUB_UITDAGING.findall(text)), 3) / 3
    score += 0.15 * min(len(_SPEERPUNT_WORD.findall(text)), 6) / 6
    return round(min(score, 1.0), 3)


def parse(source: SourceText) -> Strategy:
    """Read a strategy document into typed records (see the module docstring)."""
    doc = Document(source)
    outline = read_outline(doc)
    introduction = read_introduction(doc, outline)
    announced = announced_count(doc, outline)
    speerpunten = tuple(read_speerpunt(doc, outline, i) for i in range(len(outline.speerpunten)))
    last = max((i for i in range(1, doc.n + 1) if doc.line(i).strip()), default=1)
    return Strategy(
        title=read_title(doc),
        introduction=introduction,
        announced_action_point_count=announced,
        axes=read_axes(doc, outline),
        speerpunten=speerpunten,
        span=Span(1, last),
    )


__all__ = [
    "BOX_KINDS",
    "DEFAULT_TITLE",
    "KIND",
    "LABEL",
    "SUBSECTION_KINDS",
    "ActionPoint",
    "Axis",
    "Box",
    "Principle",
    "Speerpunt",
    "Strategy",
    "Subsection",
    "detect",
    "parse",
]
