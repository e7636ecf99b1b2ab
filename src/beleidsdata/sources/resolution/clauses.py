"""The clauses of the one long sentence that follows "Het Vlaams Parlement,".

Each clause is opened by a fixed phrase, usually after a dash: ``– gelet op:``, ``– gehoord
…;``, ``– overwegende dat:``, ``– stelt vast dat``, ``– vraagt de Vlaamse Regering (om):``,
``– verzoekt …``, ``– beveelt … aan``. A clause either carries its text directly (``gehoord de
interpellatie …;``) or numbered points (see :mod:`.points`). Point texts keep their
punctuation as written, trailing ``;``/``:``/``.`` included.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..base import SourceText, Span, squash
from .lines import FURNITURE, TRAILER, join_lines
from .points import PointReader, label_at
from .records import Clause
from .signatures import starts_signatures

# --------------------------------------------------------------------------- clause phrases

# Who a request or recommendation is addressed to ("de Vlaamse Regering", "aan de federale
# overheid", "de Europese Commissie"), so that it belongs to the clause's intro.
_ADDRESSEE = (
    r"(?:\s+(?:aan\s+|bij\s+)?(?:de|het)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:regering|overheid|overheden|ministers?|parlement|commissie|raad))?"
)

# (type, opening phrase). Order matters only where phrases share a prefix.
_CLAUSE_PHRASES: tuple[tuple[str, str], ...] = (
    ("citation", r"gelet\s+op"),
    ("citation", r"rekening\s+houdende?\s+met"),
    ("citation", r"verwijzende?\s+naar"),
    ("citation", r"gezien"),
    ("hearing", r"gehoord"),
    ("recital", r"overwegende(?:\s+dat)?"),
    ("recital", r"in\s+overweging\s+nemende?(?:\s+dat)?"),
    ("finding", r"stelt\s+(?:met\s+\w+\s+)?vast(?:\s+dat)?"),
    ("finding", r"constateert(?:\s+dat)?"),
    ("finding", r"neemt\s+(?:kennis|akte)\s+van"),
    ("finding", r"(?:erkent|benadrukt|onderstreept|betreurt|herinnert\s+eraan)(?:\s+dat)?"),
    ("finding", r"is\s+(?:van\s+oordeel|verheugd|bezorgd|ervan\s+overtuigd)(?:\s+dat)?"),
    ("request", rf"(?:vraagt|verzoekt){_ADDRESSEE}(?:\s+om|\s+dat)?"),
    ("request", rf"roept{_ADDRESSEE}\s+op(?:\s+om)?"),
    ("request", r"dringt\s+(?:[\w-]+\s+){0,6}?aan(?:\s+om|\s+dat)?"),
    ("recommendation", rf"beveelt{_ADDRESSEE}\s+aan(?:\s+om|\s+dat)?"),
    ("declaration", r"spreekt\s+(?:[\w-]+\s+){0,4}?uit"),
    ("decision", r"gaat\s+over\s+tot\s+de\s+(?:eenvoudige\s+)?orde\s+van\s+de\s+dag"),
)

CLAUSE_TYPES = tuple(dict.fromkeys(t for t, _ in _CLAUSE_PHRASES))

_DASHES = "-–—‒•·▪"
_CLAUSE_RES = tuple(
    (kind, re.compile(rf"(?P<dash>[{_DASHES}]\s*)?(?P<phrase>{phrase})\b", re.IGNORECASE))
    for kind, phrase in _CLAUSE_PHRASES
)

# "Het Vlaams Parlement," (OCR may read l as I, 1 or |).
PREAMBLE = re.compile(r"het\s+v[lI1|]aams\s+par[lI1|]ement\b\s*,?", re.IGNORECASE)


def clause_at(text: str) -> tuple[str, re.Match[str]] | None:
    for kind, rx in _CLAUSE_RES:
        m = rx.match(text)
        if m:
            return kind, m
    return None


@dataclass
class RawClause:
    """A clause as found: its type, opening phrase and lines (with their numbers)."""

    type: str
    phrase: str
    lines: list[str]
    numbers: list[int]


def find_clauses(
    source: SourceText, lines: list[str]
) -> tuple[int, list[tuple[int, str]], list[RawClause], list[tuple[int, str]]]:
    """Where the body starts, the preamble's lines, the clauses and the signature block
    after them; refuses a text without the preamble or without a clause after it."""
    preamble_line, start = _body_start(lines)
    if preamble_line is None and start == len(lines):
        raise source.error(
            "expected 'Het Vlaams Parlement,' followed by clauses such as '– gelet op:', "
            "'– overwegende dat:' or '– vraagt de Vlaamse Regering om:'",
            1,
        )
    trailer: list[tuple[int, str]] = []
    preamble, raw_clauses = _split_clauses(source, lines, start, preamble_line, trailer)
    if not raw_clauses:
        after = next((i for i in range(start + 1, len(lines)) if lines[i]), None)
        found = f", found '{lines[after][:60]}'" if after is not None else ", found nothing"
        raise source.error(
            "expected a clause such as '– gelet op:', '– overwegende dat:' or "
            f"'– vraagt de Vlaamse Regering om:' after 'Het Vlaams Parlement,'{found}",
            (after if after is not None else start) + 1,
        )
    return start, preamble, raw_clauses, trailer


def _body_start(lines: list[str]) -> tuple[int | None, int]:
    """Where the preamble line is (or None) and where the clauses may begin."""
    for i, text in enumerate(lines):
        m = PREAMBLE.match(text)
        if m and (
            m.group().endswith(",") or m.end() == len(text) or clause_at(text[m.end() :].strip())
        ):
            return i, i
    for i, text in enumerate(lines):
        found = clause_at(text)
        if found and (found[1]["dash"] or text[:1].islower()):
            return None, i
    return None, len(lines)


def _split_clauses(
    source: SourceText,
    lines: list[str],
    start: int,
    preamble_line: int | None,
    trailer: list[tuple[int, str]],
) -> tuple[list[tuple[int, str]], list[RawClause]]:
    """Group the body into clauses; what precedes the first clause belongs to the preamble.
    The signature block after the last clause goes to ``trailer`` (line number, text)."""
    preamble: list[tuple[int, str]] = []
    clauses: list[RawClause] = []
    prev_end = ""
    for i in range(start, len(lines)):
        text = lines[i]
        if i == preamble_line:
            m = PREAMBLE.match(text)
            cut = m.end() if m else 0
            preamble.append((i + 1, text[:cut]))
            text = text[cut:].strip()
            prev_end = ","
            if not text:
                continue
        elif not text or FURNITURE.fullmatch(text):
            continue
        elif clauses and (TRAILER.match(text) or (prev_end in ".!" and starts_signatures(text))):
            trailer[:] = [(n + 1, source.lines[n]) for n in range(i, len(lines))]
            break
        found = clause_at(text)
        if found and (
            found[1]["dash"]
            or prev_end in (";", ":", "")
            or (prev_end == "," and (found[0] == "decision" or not clauses))
        ):
            kind, m = found
            body = text[m.end("dash") if m["dash"] else 0 :]
            clauses.append(RawClause(kind, squash(m["phrase"]), [body], [i + 1]))
        elif clauses:
            clauses[-1].lines.append(text)
            clauses[-1].numbers.append(i + 1)
        else:
            c = label_at(text, 0, 0, "")
            if c and any(s in ("deg", "dot", "par") for s, _ in c.options):
                raise source.error(
                    f"numbered point '{c.label}' comes before any clause; expected a clause "
                    "such as '– gelet op:', '– overwegende dat:' or "
                    "'– vraagt de Vlaamse Regering om:' first",
                    i + 1,
                )
            preamble.append((i + 1, text))
        prev_end = text[-1:]
    return preamble, clauses


def build_clause(source: SourceText, raw: RawClause) -> Clause:
    reader = PointReader(raw.lines, raw.numbers)
    reader.read()
    lead = join_lines([t for _, t in reader.lead])
    points = tuple(p.build() for p in reader.top)
    last = max([n for n, t in reader.lead if t.strip()] or [raw.numbers[0]])
    if points:
        last = max(last, points[-1].span.end)
        intro = lead.rstrip(": ").rstrip()
        text = ""
    else:
        intro = raw.phrase
        rest = lead[len(intro) :] if lead.lower().startswith(intro.lower()) else lead
        text = rest.lstrip(": ")
        if lead.endswith(":") and not text:
            raise source.error(
                f"clause '{lead}' has no content; expected numbered points (1°, 2° …) "
                "or text after it",
                raw.numbers[0],
            )
    return Clause(raw.type, intro, text, points, Span(raw.numbers[0], last))
