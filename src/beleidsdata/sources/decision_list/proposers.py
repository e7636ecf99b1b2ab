"""Who proposed an item: "Op voorstel van minister-president Jan Jambon, viceminister-
president Hilde Crevits en minister Bart Somers", or "Op voorstel van Vlaams minister van
Welzijn, Volksgezondheid en Gezin Wouter Beke keurt de Vlaamse Regering … goed".

Each proposer is a role as the text names it and a name: the role words start with
(vice)minister(-president), "Vlaams minister" or "de Vlaamse minister"; the name is the
last two words of a proposer (three or more with a particle, "Peter Van Rompuy").
"""

from __future__ import annotations

import re

from ..base import Span, squash
from ..names import PARTICLES, is_name, read_name
from .records import Proposer

PROPOSAL = re.compile(r"^\W{0,3}op\s+voorstel\s+van\s+", re.I)
# Where an inline proposal phrase ends and the decision begins.
_DECIDES = re.compile(
    r"\s+(?=De\s+Vlaamse\s+Regering\b)|"
    r"[,:]?\s+\b(?:keurt|hecht|neemt|kent|beslist|heeft|gaat|stemt|verleent|wijst|geeft|legt|"
    r"bekrachtigt|bevestigt|duidt|benoemt|machtigt|verlengt|wijzigt)\s+(?:de\s+)?"
    r"(?:Vlaamse\s+Regering|regering)\b",
    re.I,
)
_ROLE_START = r"(?:de\s+)?(?:Vlaamse?\s+)?(?:vice)?minister(?:-president)?\b"
_SPLIT = re.compile(rf"\s*,\s*(?={_ROLE_START})|\s+en\s+(?={_ROLE_START})", re.I)
_ROLE = re.compile(rf"^{_ROLE_START}", re.I)


def split_proposal(text: str) -> tuple[str, str]:
    """The proposers' part of a proposal sentence and what follows it (the decision)."""
    body = PROPOSAL.sub("", text, count=1)
    cut = _DECIDES.search(body)
    if cut is None:
        return body.strip(" .,:"), ""
    rest = body[cut.start() :].lstrip(" ,:")
    if rest.startswith("De Vlaamse Regering"):
        return body[: cut.start()].strip(" .,:"), rest
    return body[: cut.start()].strip(" .,:"), "De Vlaamse Regering " + _after_verb(rest)


def _after_verb(rest: str) -> str:
    """ "keurt de Vlaamse Regering het … goed" → "keurt het … goed" (word order of a main
    clause), so the decision reads as a sentence of its own."""
    return re.sub(
        r"^(\w+)\s+(?:de\s+)?(?:Vlaamse\s+Regering|regering)\s+", r"\1 ", rest, flags=re.I
    )


def read_proposers(text: str, span: Span) -> tuple[Proposer, ...]:
    """Every proposer in the proposers' part, in order; words that are no name are dropped."""
    out: list[Proposer] = []
    for part in (p for p in _SPLIT.split(squash(text)) if p):
        words = part.split()
        size = 2
        while size < len(words) and (
            words[-size].lower() in PARTICLES or words[-size] in {"Vanden", "Vander", "Van", "De"}
        ):
            size += 1
        if len(words) < 2:
            continue
        written = " ".join(words[-size:])
        if not is_name(written):
            continue
        role = " ".join(words[:-size]).strip(" ,") or None
        if role is not None and not _ROLE.match(role):
            role = None  # words before the name that name no office
        if role is not None:
            role = re.sub(r"^de\s+", "", role, flags=re.I)
        out.append(Proposer(read_name(written), role, span))
    return tuple(out)
