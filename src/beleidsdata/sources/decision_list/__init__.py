"""Parser for the Flemish Government's decision lists (beslissingenlijsten).

After each meeting the government publishes what it decided: a web page "Beslissingen van
de Vlaamse Regering", a "Kortbestek", or a press release with a date line. The family: a
heading or a date line with the meeting date, then items, each with an optional title, a
line "Op voorstel van …" naming one or more proposers with their roles (:mod:`.proposers`)
and one or more paragraphs saying what was decided, with amounts in any notation; hard-
wrapped or not. Items are cut by :mod:`.items`; the records are in :mod:`.records`.
"""

from __future__ import annotations

import re

from ..base import Note, SourceText, Span, ends_cleanly, join_wrapped
from ..dates import find_date
from .items import RawItem, cut_items, strong_title, title_text
from .proposers import PROPOSAL, read_proposers, split_proposal
from .records import DecisionList, Item, Proposer

KIND = "beslissingenlijst"
LABEL = "Decision list of the Flemish Government"

_LIST_HEADING = re.compile(
    r"beslissingen\s+(?:van\s+)?(?:de\s+)?vlaamse\s+regering|kortbestek|persbericht|"
    r"mededeling\s+aan\s+de\s+pers|ministerraad",
    re.I,
)
_DECIDED = re.compile(r"\bde\s+vlaamse\s+regering\s+(?:keurt|hecht|neemt|kent|beslist)\b", re.I)

# The kinds of approval a list states, as the text words them; the concepts are in the
# goedkeuringssoort scheme (vocab/concepten.ttl). The most specific phrase is tried first.
# Each is a set of alternatives; an alternative is words that must follow each other
# within one sentence ("keurt … principieel goed"). Sentences are cut at full stops, but
# the points of "1.350.000" are no full stops. Finding each word after the one before is
# linear; one pattern with lazy gaps between the words is quadratic in a sentence that
# repeats the first word, and a hostile list made that take minutes.
_SENTENCE_END = re.compile(r"\.(?!\d)")


def _words(*patterns: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.I) for p in patterns)


APPROVAL_KINDS: tuple[tuple[str, tuple[tuple[re.Pattern[str], ...], ...]], ...] = (
    (
        "principiele-goedkeuring",
        (
            _words(r"hecht\s+(?:haar\s+)?principi[eë]le\s+goedkeuring"),
            _words(r"\bkeurt\b", r"\bprincipieel\s+goed\b"),
        ),
    ),
    (
        "definitieve-goedkeuring",
        (
            _words(r"hecht\s+(?:haar\s+)?definitieve\s+goedkeuring"),
            _words(r"\bkeurt\b", r"\bdefinitief\s+goed\b"),
        ),
    ),
    (
        "subsidie-toekenning",
        (
            _words(r"\bkent\b", r"subsidie", r"\btoe\b"),
            _words(r"\bkent\b", r"\btoe\b", r"subsidie"),
        ),
    ),
    ("kennisname", (_words(r"\bneemt\s+(?:kennis|akte)\b"),)),
    (
        "goedkeuring",
        (_words(r"hecht\s+(?:haar\s+)?goedkeuring"), _words(r"\bkeurt\b", r"\bgoed\b")),
    ),
)


def _in_order(sentence: str, words: tuple[re.Pattern[str], ...]) -> bool:
    """Whether each word occurs in ``sentence`` after the one before it."""
    at = 0
    for word in words:
        found = word.search(sentence, at)
        if found is None:
            return False
        at = found.end()
    return True


def approvals_in(text: str) -> tuple[str, ...]:
    """The kinds of approval a decision's text states, most specific first."""
    sentences = _SENTENCE_END.split(text)
    return tuple(
        kind
        for kind, alternatives in APPROVAL_KINDS
        if any(_in_order(s, words) for words in alternatives for s in sentences)
    )


def detect(source: SourceText) -> float:
    """How sure we are that this is a decision list: "Op voorstel van" lines (the
    signature; notes to the government propose a decision but never say so), a list
    heading, "De Vlaamse Regering keurt/hecht/neemt/kent …"."""
    lines = [line.strip() for line in source.lines if line.strip()]
    proposals = sum(1 for line in lines if PROPOSAL.match(line))
    score = 0.0
    if proposals:
        score += 0.35 + min(0.15, 0.05 * (proposals - 1))
    if any(_LIST_HEADING.search(line) for line in lines[:5]):
        score += 0.25
    if any(find_date(line) for line in lines[:5]):
        score += 0.1
    if any(_DECIDED.search(line) for line in lines):
        score += 0.15
    return min(score, 1.0) if proposals else min(score, 0.25)


def parse(source: SourceText) -> DecisionList:
    """Read a decision list into its items; pure, no I/O, no RDF."""
    numbered = [(n, line) for n, line in enumerate(source.lines, 1)]
    nonblank = [n for n, line in numbered if line.strip()]
    if not nonblank:
        raise source.error("the document has no text")
    header, raw_items = cut_items(numbered)
    if not raw_items:
        raise source.error(
            "no decisions found: expected items with a line 'Op voorstel van <role> <name>'",
            nonblank[0],
        )
    date = next((d for _, line in header if (d := find_date(line))), None)
    if date is None:
        raise source.error(
            "no meeting date: expected a heading or date line such as 'Vergadering van "
            "vrijdag 17 juli 2020' or 'Brussel, 17 juli 2020' before the first decision",
            nonblank[0],
        )
    items = tuple(_item(k, raw) for k, raw in enumerate(raw_items, 1))
    title = next((strong_title(t) or t for _, t in header), "")
    notes: list[Note] = []
    last = items[-1]
    if not ends_cleanly(last.text or last.title or ""):
        notes.append(Note(last.span.end, "the last decision stops mid-sentence", True))
    return DecisionList(
        date=date,
        title=title.strip("*_# "),
        items=items,
        span=Span(nonblank[0], nonblank[-1]),
        notes=tuple(notes),
    )


def _item(number: int, raw: RawItem) -> Item:
    """One item: its title, the proposal (perhaps wrapped, perhaps running on into the
    decision) and the paragraphs of what was decided."""
    paragraphs: list[list[str]] = [[]]
    proposal: list[str] = []
    proposal_lines: list[int] = []
    for line, text in raw.lines:
        if not text:
            paragraphs.append([])
            continue
        if (PROPOSAL.match(text) and not proposal) or (
            proposal
            and proposal_lines[-1] == line - 1
            and not paragraphs[-1]
            and _continues(proposal)
        ):
            proposal.append(text)
            proposal_lines.append(line)
        else:
            paragraphs[-1].append(text)
    proposers: tuple[Proposer, ...] = ()
    if proposal:
        who, decided = split_proposal(join_wrapped(proposal))
        span = Span(proposal_lines[0], proposal_lines[-1])
        proposers = read_proposers(who, span)
        if decided:
            paragraphs.insert(0, [decided])
    text = "\n\n".join(p for p in (join_wrapped(par) for par in paragraphs) if p)
    numbers = [n for n, t in [*raw.title, *raw.lines] if t]
    approvals = approvals_in(text)
    if "goedkeuring" in approvals and len(approvals) > 1:
        # "keurt … definitief goed" is stated once, as the more specific kind.
        approvals = tuple(a for a in approvals if a != "goedkeuring")
    return Item(
        number=number,
        title=title_text(raw.title),
        proposers=proposers,
        text=text,
        approvals=approvals,
        span=Span(min(numbers), max(numbers)),
        title_span=Span(raw.title[0][0], raw.title[-1][0]) if raw.title else None,
    )


def _continues(proposal: list[str]) -> bool:
    """A proposal line wrapped onto the next line: it does not yet end a sentence and has
    not reached what the government decided."""
    joined = join_wrapped(proposal)
    return not joined.rstrip().endswith((".", ":")) and not split_proposal(joined)[1]


__all__ = ["APPROVAL_KINDS", "KIND", "LABEL", "DecisionList", "Item", "Proposer", "detect", "parse"]
