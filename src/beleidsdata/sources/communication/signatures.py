"""The signing ministers at the end: a portfolio line ending in a comma, then the name.

Signatures may be set one under the other or side by side (columns split by tabs or wide
spaces); names are written "Jan JAMBON" (surname in capitals) or "Hilde Crevits".
"""

from __future__ import annotations

import re

from ..base import Span, squash
from .inline import MINISTER
from .records import Signatory

_TRAILER = re.compile(r"^(?:bijlagen?\b|<sup>\s*\d|\[\^\d)", re.I)
_NAME_WORD = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ'’.\-]*$")
_PARTICLES = frozenset({"van", "de", "den", "der", "het", "ter", "ten", "te", "la", "le", "du"})


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
