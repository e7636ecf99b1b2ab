"""The signing ministers at the end: a portfolio line ending in a comma, then the name.

Signatures may be set one under the other or side by side (columns split by tabs or wide
spaces); names are written "Jan JAMBON" (surname in capitals) or "Hilde Crevits".
"""

from __future__ import annotations

import re

from ..base import Span, squash
from ..names import is_name, read_name
from .inline import MINISTER
from .records import Signatory

_TRAILER = re.compile(r"^(?:bijlagen?\b|<sup>\s*\d|\[\^\d)", re.I)


def find_signatures(raw: list[str], start: int) -> tuple[tuple[Signatory, ...], int, int]:
    """The signatures, where the body ends (0-based, exclusive) and where what follows them
    begins: the first portfolio line from ``start`` on that only signatures follow."""
    for i in range(start, len(raw)):
        line = raw[i].strip()
        if portfolio_start(line) and MINISTER.search(line):
            found = _read_signatures(raw, i)
            if found:
                signatories, trailer_start = found
                return tuple(signatories), i, trailer_start
    return (), len(raw), len(raw)


def portfolio_start(line: str) -> bool:
    """A line that may open a signature: "De Vlaams minister van …", "Het …"."""
    return bool(re.match(r"^(?:De|Het)\s", line)) and len(line) <= 250


def _name_line(line: str) -> bool:
    """ "Jan JAMBON", "Hilde Crevits", "Matthias DIEPENDAELE": 2-6 name words."""
    return is_name(line)


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
            portfolio_start(p) and p.endswith(",") and MINISTER.search(p) for p in portfolios
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
    name = read_name(written)
    return Signatory(
        name=name.name,
        written_name=written,
        given_name=name.given_name,
        family_name=name.family_name,
        portfolio=portfolio,
        span=span,
    )
