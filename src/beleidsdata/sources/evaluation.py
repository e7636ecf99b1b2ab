"""Parser for evaluation reports of a coalition-agreement section (both export variants).

An evaluation judges how far the Flemish Government kept one section of the coalition
agreement, citing government decisions as ``\\[N\\]``. Two exports of the same report exist:

* **A**: H1 = the section title, the section quoted in a ``<details>`` block, references in a
  ``<details>`` block as ``**[\\[N\\]](search-url)** : **(YYYY-MM-DD)** Title``;
* **B**: H1 = a report title, references as source paths
  (``\\[N\\]: clean/YYYY/MM/YYYY-MM-DD-{nota|mededeling}-{id}.txt``) and/or as full text
  (``\\[N\\]: <short title> <long title>  <summary>``).

Both share the summary, the themed findings (``### theme`` + bullets or paragraphs) and the
conclusion. The parser is driven by those landmarks, not by line numbers or fixed themes,
so other sections' evaluations, with other themes and reference counts, parse too. A
reference seen in several lists (path + full text) becomes one :class:`Reference`.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from datetime import date

from beleidsdata.sources.agreement import split_title
from beleidsdata.sources.base import SourceText, Span, join_wrapped, squash

KIND = "evaluatie"
LABEL = "Evaluation of a coalition-agreement section"

# The realisation statuses a report can state, from kept to not kept (SKOS scheme in vocab/).
STATUS_VALUES: tuple[str, ...] = (
    "nagekomen",
    "grotendeels-nagekomen",
    "deels-nagekomen",
    "niet-nagekomen",
)

_DONE = r"(?:nagekomen|gerealiseerd|uitgevoerd|ingelost|waargemaakt)"
# How the reports phrase a status. All are searched; the earliest match in the text wins,
# the longest when two start at the same word ("niet volledig nagekomen" is "deels").
STATUS_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), status)
    for pattern, status in (
        (rf"\bniet\s+(?:volledig|helemaal|geheel)\s+{_DONE}", "deels-nagekomen"),
        (rf"\b(?:nog\s+)?niet\s+{_DONE}", "niet-nagekomen"),
        (rf"\bgrotendeels\s+{_DONE}", "grotendeels-nagekomen"),
        (rf"\bin\s+(?:grote|belangrijke)\s+mate\s+{_DONE}", "grotendeels-nagekomen"),
        (
            rf"\b(?:deels|gedeeltelijk|ten\s+dele|partieel|slechts\s+beperkt)\s+{_DONE}",
            "deels-nagekomen",
        ),
        (rf"\b(?:volledig|helemaal|geheel)\s+{_DONE}", "nagekomen"),
        (r"\bnagekomen\b", "nagekomen"),
    )
)
# "… onderzoekt of de beloften zijn nagekomen" asks, it does not state: a bare match with
# "of" (whether) earlier in the same clause is ignored.
_WHETHER = re.compile(r"\bof\b[^.,;:!?]*$", re.IGNORECASE)

DECISION_TYPES: tuple[str, ...] = ("nota", "mededeling")

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_CITATION = re.compile(r"\\?\[(\d+)\\?\]")
_ESCAPED_CITATION = re.compile(r"\\\[\d+\\\]")
_CITATIONS_WITH_SPACE = re.compile(r"\s*(?:\\?\[\d+\\?\])+")
_BOLD = re.compile(r"(\*\*|__)(.+?)\1")
_LINK = re.compile(r"(?<!\\)\[([^\]\[]+)\]\((?:[^)\s]+)\)")
_ESCAPE = re.compile(r"\\([\[\]*_#()`])")
_BULLET = re.compile(r"^\s*(?:[-*•–]|\d+[.)])\s+")
_TAG = re.compile(r"<[^>]+>")
_SUMMARY_TAG = re.compile(r"<summary>(.*?)</summary>", re.IGNORECASE | re.DOTALL)
_SECTION_NUMBER = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*)\.?\s+(\S.*)$")

# Reference lines. B: "\[N\]: value" with the colon right after the bracket; A: the number
# in bold (perhaps a link), then " : ", then a bold date in brackets and the title.
_REF_B = re.compile(r"^\\?\[(?P<n>\d+)\\?\]\s*:\s*(?P<value>.*)$")
_REF_A = re.compile(
    r"^(?:\*\*)?\s*\[?\\?\[(?P<n>\d+)\\?\]\]?(?:\((?P<url>[^)\s]*)\))?\s*(?:\*\*)?\s*:?\s*"
    r"(?:\*{0,2}\((?P<date>\d{4}-\d{2}-\d{2})\)\*{0,2})?\s*(?P<title>.*)$"
)
_LOOKS_LIKE_REF = re.compile(r"^\W{0,4}\\?\[\\?\[?\d+\\?\]")
_SOURCE_PATH = re.compile(
    r"(?:^|/)(?P<date>\d{4}-\d{2}-\d{2})-(?P<type>[a-z]+)-(?P<id>[A-Za-z0-9][A-Za-z0-9-]*)\.txt$"
)
_SEPARATOR = re.compile(r"\s{2,}")
# A link or bracketed date left in the title means the entry's markup was not understood.
_GARBLED_TITLE = re.compile(r"https?://|\(\d{4}-\d{2}-\d{2}\)")


def _label(names: str) -> re.Pattern[str]:
    """'**Name**: x', '**Name:** x', 'Name: x' and a bare 'Name' line; ``rest`` is x."""
    return re.compile(
        rf"^(?:(?P<bold>\*\*|__)(?:{names})\s*:?\s*(?P=bold)\s*:?|(?:{names})\s*:|(?:{names})\s*$)"
        r"\s*(?P<rest>.*)$",
        re.IGNORECASE,
    )


_SUMMARY_LABEL = _label("samenvatting")
_CONCLUSION_LABEL = _label("conclusies?")
_STATUS_LABEL = _label("status|realisatiestatus|beoordeling")


@dataclass(frozen=True)
class QuotedSection:
    """The agreement section the report evaluates, as quoted in it."""

    number: str  # "2.3.5"
    title: str
    text: str  # the section text without number and title, whitespace squashed
    span: Span


@dataclass(frozen=True)
class Finding:
    """One themed finding; "Algemene Bevindingen" is a finding too."""

    theme: str
    text: str  # citation markers and bold removed, squashed; one bullet or paragraph a line
    citations: tuple[int, ...]  # reference numbers in order of first appearance
    span: Span


@dataclass(frozen=True)
class Reference:
    """A government decision the report cites, merged from every list that names it.

    Export A gives ``date``, ``title``, ``search_url``; export B gives ``source_path`` (with
    date, decision type and document id) and ``full_text`` (split into ``heading`` and
    ``summary``). B never says where the short title ends inside ``heading``, so ``title``
    stays None there; ``title_guess`` is a heuristic guess at it (see
    :func:`guess_short_title`). ``span`` is the first line naming the reference,
    ``full_text_span`` the full-text entry when there is one.
    """

    number: int
    date: str | None  # ISO date
    title: str | None
    search_url: str | None
    source_path: str | None
    decision_type: str | None  # "nota" | "mededeling"
    document_id: str | None  # Kaleidos id or UUID
    full_text: str | None
    summary: str | None
    heading: str | None  # B: the titles, the full text before the first run of 2+ spaces
    span: Span
    title_guess: str | None = None
    full_text_span: Span | None = None


@dataclass(frozen=True)
class EvaluationReport:
    """An evaluation of one coalition-agreement section."""

    title: str
    section: QuotedSection | None
    summary: str  # "" when the report has none
    status: str | None  # one of STATUS_VALUES, or None when the text states none
    findings: tuple[Finding, ...]
    conclusion: str | None
    references: tuple[Reference, ...]  # ordered by number
    span: Span


# ---------------------------------------------------------------------------------- detect


def detect(source: SourceText) -> float:
    """How sure we are that ``source`` is an evaluation report (0..1).

    Each landmark adds weight; the decisive ones (quoted agreement section, ``\\[N\\]``
    citations, reference lists) are ones communications and strategies do not have, so
    their shared landmarks ("Samenvatting", ### headings) stay below 0.3 on their own.
    """
    lines = [line.strip() for line in source.lines if line.strip()]
    score = 0.0
    if any("<summary" in line.lower() and "regeerakkoord" in line.lower() for line in lines):
        score += 0.35
    definitions = [bool(_REF_A.match(line) or _REF_B.match(line)) for line in lines]
    cited = sum(
        len(_ESCAPED_CITATION.findall(line))
        for line, is_definition in zip(lines, definitions, strict=True)
        if not is_definition
    )
    if cited >= 2:
        score += 0.25
    if sum(definitions) >= 2:
        score += 0.2
    if any(_is_references_label(line) for line in lines):
        score += 0.1
    if any(
        _CONCLUSION_LABEL.match(line) or _heading_name(line) in {"conclusie", "conclusies"}
        for line in lines
    ):
        score += 0.1
    if any(_SUMMARY_LABEL.match(line) or _heading_name(line) == "samenvatting" for line in lines):
        score += 0.05
    if sum(1 for line in lines if line.startswith("### ")) >= 2:
        score += 0.05
    return min(score, 1.0)


def _heading_name(line: str) -> str:
    match = _HEADING.match(line.strip())
    return _clean_label(match.group(2)).casefold() if match else ""


def _clean_label(text: str) -> str:
    return squash(_BOLD.sub(r"\2", text)).strip(" :")


def _is_references_label(line: str) -> bool:
    summary = _SUMMARY_TAG.search(line)
    name = squash(summary.group(1)) if summary else _heading_name(line)
    return "referentie" in name.casefold() or "references" in name.casefold()


# ----------------------------------------------------------------------------------- parse


@dataclass
class _Block:
    """A run of lines under one landmark: a heading, a label line or a <details> block."""

    kind: str  # preamble | summary | theme | conclusion | references | section | other
    label: str
    level: int
    line: int
    content: list[tuple[int, str]] = field(default_factory=list)


@dataclass
class _PartialRef:
    number: int
    span: Span
    fields: dict[str, str | None] = field(default_factory=dict)
    full_text_span: Span | None = None


def parse(source: SourceText) -> EvaluationReport:
    """Parse an evaluation report (export A or B); pure, no I/O, no RDF."""
    lines = source.lines
    nonblank = [n for n, line in enumerate(lines, start=1) if line.strip()]
    if not nonblank:
        raise source.error("the document has no text")
    title_line, blocks = _blocks(source)

    references = _references(source, [b for b in blocks if b.kind == "references"])
    defined = {ref.number for ref in references}

    h1 = _clean_label(lines[title_line - 1].lstrip("#")) if title_line else None
    section_blocks = [b for b in blocks if b.kind == "section"]
    section = _section(source, section_blocks[0], h1) if section_blocks else None

    summary_blocks = [b for b in blocks if b.kind == "summary"]
    summary_source = summary_blocks or [b for b in blocks if b.kind == "preamble"]
    summary = "\n".join(
        _prose(source, block.content, defined)[0] for block in summary_source if block.content
    ).strip()

    findings = _findings(source, blocks, defined)

    conclusion_blocks = [b for b in blocks if b.kind == "conclusion"]
    conclusion = (
        "\n".join(_prose(source, block.content, defined)[0] for block in conclusion_blocks).strip()
        or None
    )

    # An explicit "Status: …" line beats the prose of the summary, then the conclusion.
    labelled = [m.group("rest") for line in lines if (m := _STATUS_LABEL.match(line.strip()))]
    status = next(
        (found for text in [*labelled, summary, conclusion or ""] if (found := find_status(text))),
        None,
    )

    title = h1 or (section.title if section else None)
    if not title:
        raise source.error("no report title: expected a '# Title' heading", nonblank[0])
    return EvaluationReport(
        title=title,
        section=section,
        summary=summary,
        status=status,
        findings=findings,
        conclusion=conclusion,
        references=references,
        span=Span(1, nonblank[-1]),
    )


def find_status(text: str) -> str | None:
    """The realisation status a sentence states, normalised to one of :data:`STATUS_VALUES`."""
    hits: list[tuple[int, int, str]] = []
    for pattern, status in STATUS_PATTERNS:
        for match in pattern.finditer(text):
            if status == "nagekomen" and _WHETHER.search(text[: match.start()]):
                continue
            hits.append((match.start(), -(match.end() - match.start()), status))
    return min(hits)[2] if hits else None


def _blocks(source: SourceText) -> tuple[int | None, list[_Block]]:
    """Cut the document into landmark blocks; returns the H1 line and the blocks in order.

    Text after a <details> block belongs to no landmark until the next one: before the
    first finding it is preamble (a summary without a label), after it it is ignored.
    """
    lines = source.lines
    title_line: int | None = None
    blocks = [_Block("preamble", "", 0, 1)]
    number = 0
    while number < len(lines):
        number += 1
        raw = lines[number - 1]
        text = raw.strip()
        if text.lower().startswith("<details"):
            end = next(
                (n for n in range(number, len(lines) + 1) if "</details>" in lines[n - 1].lower()),
                None,
            )
            if end is None:
                raise source.error("a <details> block is not closed (expected </details>)", number)
            blocks.append(_details_block(source, number, end))
            early = all(b.kind in {"preamble", "section", "other"} for b in blocks)
            blocks.append(_Block("preamble" if early else "other", "", 0, end + 1))
            number = end
            continue
        heading = _HEADING.match(text)
        if heading:
            level, name = len(heading.group(1)), _clean_label(heading.group(2))
            if level == 1 and title_line is None:
                title_line = number
                blocks.append(_Block("preamble", "", 1, number))
            else:
                blocks.append(_Block(_heading_kind(name), name, level, number))
            continue
        summary, conclusion = _SUMMARY_LABEL.match(text), _CONCLUSION_LABEL.match(text)
        if summary or conclusion:
            kind, rest = ("summary", summary) if summary else ("conclusion", conclusion)
            rest_text = rest.group("rest") if rest else ""
            blocks.append(_Block(kind, "", 0, number, [(number, rest_text)] if rest_text else []))
            continue
        blocks[-1].content.append((number, raw))
    for block in blocks:
        # "## Regeerakkoord sectie" + "2.3.5 Title text…": the quoted section as a heading.
        first = next((line.strip() for _, line in block.content if line.strip()), "")
        if (
            block.kind == "theme"
            and "regeerakkoord" in block.label.casefold()
            and _SECTION_NUMBER.match(first)
        ):
            block.kind = "section"
    return title_line, blocks


def _heading_kind(name: str) -> str:
    folded = name.casefold()
    if folded == "samenvatting":
        return "summary"
    if folded in {"conclusie", "conclusies"}:
        return "conclusion"
    if "referentie" in folded or folded.startswith("references"):
        return "references"
    return "theme"


def _details_block(source: SourceText, start: int, end: int) -> _Block:
    """A <details> block: the quoted section or the references, told apart by its summary.

    A block labelled neither way is the section when its text opens with a section number.
    """
    raw = "\n".join(source.lines[start - 1 : end])
    summary = _SUMMARY_TAG.search(raw)
    label = squash(_TAG.sub(" ", summary.group(1))) if summary else ""
    content: list[tuple[int, str]] = []
    for number in range(start, end + 1):
        line = source.lines[number - 1]
        line = _SUMMARY_TAG.sub(" ", line)
        line = re.sub(r"</?details[^>]*>", " ", line, flags=re.IGNORECASE)
        if line.strip():
            content.append((number, line))
    folded = label.casefold()
    first = squash(_TAG.sub(" ", content[0][1])) if content else ""
    if "referentie" in folded or (not summary and _LOOKS_LIKE_REF.match(first)):
        kind = "references"
    elif "regeerakkoord" in folded or "sectie" in folded or _SECTION_NUMBER.match(first):
        kind = "section"
    else:
        kind = "other"  # some other collapsible block: not part of the record
    return _Block(kind, label, 0, start, content)


def _section(source: SourceText, block: _Block, h1: str | None) -> QuotedSection:
    """The quoted section: number, then title and text split on the H1 when it matches."""
    lines = [line for _, line in block.content]
    text = html.unescape(_TAG.sub(" ", "\n".join(lines)))
    text = join_wrapped(text.split("\n"))
    match = _SECTION_NUMBER.match(text)
    first = block.content[0][0] if block.content else block.line
    if not match:
        raise source.error(
            "the quoted agreement section does not start with a section number "
            "(expected '2.3.5 Title text…')",
            first,
        )
    number, rest = match.group(1), match.group(2)
    if (
        h1
        and rest.casefold().startswith(h1.casefold())
        and (len(rest) == len(h1) or rest[len(h1)] == " ")
    ):
        title, body = rest[: len(h1)], rest[len(h1) :].strip()
    else:
        title, body = split_title(rest)
    last = block.content[-1][0] if block.content else block.line
    return QuotedSection(
        number=number, title=title, text=body, span=Span(min(block.line, first), last)
    )


def _findings(source: SourceText, blocks: list[_Block], defined: set[int]) -> tuple[Finding, ...]:
    findings: list[Finding] = []
    for index, block in enumerate(blocks):
        if block.kind != "theme":
            continue
        if not any(line.strip() for _, line in block.content):
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            if following and following.kind == "theme" and following.level > block.level:
                continue  # a group heading ("## Bevindingen") above the themes
            raise source.error(f"the finding '{block.label}' has no text", block.line)
        text, citations, last = _prose(source, block.content, defined)
        findings.append(
            Finding(theme=block.label, text=text, citations=citations, span=Span(block.line, last))
        )
    return tuple(findings)


def _prose(
    source: SourceText, content: list[tuple[int, str]], defined: set[int]
) -> tuple[str, tuple[int, ...], int]:
    """Bullets and paragraphs as clean text, one a line; their citations; the last line.

    Every citation must name a listed reference: a dangling [N] is a broken report.
    """
    items: list[list[str]] = []
    citations: list[int] = []
    last = content[0][0] if content else 1
    open_item = False
    for number, raw in content:
        if not raw.strip():
            open_item = False
            continue
        last = number
        for match in _CITATION.finditer(raw):
            cited = int(match.group(1))
            if cited not in defined:
                raise source.error(
                    f"citation [{cited}] has no matching reference "
                    "(expected it in the reference list)",
                    number,
                )
            if cited not in citations:
                citations.append(cited)
        bullet = _BULLET.match(raw)
        if bullet or not open_item:
            items.append([raw[bullet.end() :] if bullet else raw])
            open_item = True
        else:
            items[-1].append(raw)
    text = "\n".join(t for t in (_clean(join_wrapped(item)) for item in items) if t)
    return text, tuple(citations), last


def _clean(text: str) -> str:
    """Drop citation markers, bold and link syntax; keep the words."""
    text = _CITATIONS_WITH_SPACE.sub("", text)
    text = _BOLD.sub(r"\2", text)
    text = _LINK.sub(r"\1", text)
    text = _ESCAPE.sub(r"\1", text)
    return squash(text)


# ------------------------------------------------------------------------------ references


def _references(source: SourceText, blocks: list[_Block]) -> tuple[Reference, ...]:
    """All reference lists merged by number; every non-blank line must be an entry.

    A line right below an entry that is not an entry itself continues it (a wrapped title
    or full text), unless it looks like a broken entry, which is reported.
    """
    partials: dict[int, _PartialRef] = {}
    for block in blocks:
        previous: tuple[_PartialRef, str] | None = None
        for number, raw in block.content:
            text = raw.strip()
            if not text:
                previous = None
                continue
            entry = _reference_line(source, number, text)
            if entry is not None:
                previous = _merge(source, partials, entry[0], entry[1], number)
            elif (
                previous
                and previous[1] in {"full_text", "title"}
                and not _LOOKS_LIKE_REF.match(text)
            ):
                _continue_entry(*previous, number, text)
            else:
                raise source.error(
                    "reference line not understood: expected '**[\\[N\\]](url)** : "
                    "**(YYYY-MM-DD)** Title', '\\[N\\]: clean/YYYY/MM/YYYY-MM-DD-"
                    "{nota|mededeling}-{id}.txt' or '\\[N\\]: full text'",
                    number,
                )
    return tuple(_finish(partials[n]) for n in sorted(partials))


def _continue_entry(partial: _PartialRef, key: str, line: int, text: str) -> None:
    here = Span(line, line)
    if key == "title":
        partial.fields["title"] = squash(f"{partial.fields.get('title') or ''} {_clean(text)}")
        partial.span = partial.span.union(here)
    else:
        partial.fields["full_text"] = f"{partial.fields.get('full_text') or ''}\n{text}".strip()
        full_span = partial.full_text_span or here
        if partial.span.start == full_span.start:  # the full text is the reference's entry
            partial.span = partial.span.union(here)
        partial.full_text_span = full_span.union(here)


def _reference_line(
    source: SourceText, line: int, text: str
) -> tuple[int, dict[str, str | None]] | None:
    """One reference entry as (number, fields), or None when the line is not one."""
    match_b = _REF_B.match(text)
    if match_b:
        value = match_b.group("value").strip()
        number = int(match_b.group("n"))
        if value and " " not in value and ("/" in value or value.endswith(".txt")):
            path = _SOURCE_PATH.search(value)
            if not path:
                raise source.error(
                    f"reference [{number}]: source path '{value}' does not match "
                    "'clean/YYYY/MM/YYYY-MM-DD-{nota|mededeling}-{id}.txt'",
                    line,
                )
            kind = path.group("type")
            if kind not in DECISION_TYPES:
                raise source.error(
                    f"reference [{number}]: decision type '{kind}' in '{value}' is not one of "
                    f"{', '.join(DECISION_TYPES)}",
                    line,
                )
            return number, {
                "source_path": value,
                "date": _iso_date(source, line, path.group("date")),
                "decision_type": kind,
                "document_id": path.group("id"),
            }
        return number, {"full_text": value.rstrip() or None}
    match_a = _REF_A.match(text)
    if match_a and not _GARBLED_TITLE.search(match_a.group("title")):
        title = _clean(match_a.group("title")) or None
        found = match_a.group("date")
        return int(match_a.group("n")), {
            "search_url": match_a.group("url") or None,
            "date": _iso_date(source, line, found) if found else None,
            "title": title,
        }
    return None


def _iso_date(source: SourceText, line: int, text: str) -> str:
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise source.error(f"'{text}' is not a valid date (expected YYYY-MM-DD)", line) from None


def _merge(
    source: SourceText,
    partials: dict[int, _PartialRef],
    number: int,
    values: dict[str, str | None],
    line: int,
) -> tuple[_PartialRef, str]:
    """Fold one list entry into the reference; the same fact twice must agree."""
    here = Span(line, line)
    partial = partials.get(number)
    if partial is None:
        partial = partials[number] = _PartialRef(number, here)
    kind = (
        "full_text"
        if "full_text" in values
        else ("source_path" if "source_path" in values else "title")
    )
    if kind in partial.fields:
        raise source.error(
            f"reference [{number}] is listed twice in the same form "
            f"(first on line {partial.span.start})",
            line,
        )
    for key, value in values.items():
        old = partial.fields.get(key)
        if old is not None and value is not None and old != value:
            raise source.error(
                f"reference [{number}]: {key.replace('_', ' ')} '{value}' contradicts "
                f"'{old}' given on line {partial.span.start}",
                line,
            )
        if value is not None or key not in partial.fields:
            partial.fields[key] = value
    if kind == "full_text":
        partial.full_text_span = here
    return partial, kind


def _finish(partial: _PartialRef) -> Reference:
    fields = partial.fields
    full_text = fields.get("full_text")
    heading = summary = None
    if full_text:
        flat = full_text.replace("\n", " ").strip()
        split = _SEPARATOR.search(flat)
        heading = squash(flat[: split.start()]) if split else squash(flat)
        summary = (squash(flat[split.end() :]) or None) if split else None
    return Reference(
        number=partial.number,
        date=fields.get("date"),
        title=fields.get("title"),
        search_url=fields.get("search_url"),
        source_path=fields.get("source_path"),
        decision_type=fields.get("decision_type"),
        document_id=fields.get("document_id"),
        full_text=full_text,
        summary=summary,
        heading=heading,
        span=partial.span,
        title_guess=guess_short_title(heading) if heading and not fields.get("title") else None,
        full_text_span=partial.full_text_span,
    )


# Openers of the long (formal) title in Kaleidos: "Ontwerpbesluit van de Vlaamse Regering …",
# "Twee ontwerpbesluiten …", "Voorontwerp van decreet …".
_LONG_TITLE_OPENER = re.compile(
    r"(?:(?:Twee|Drie|Vier|Vijf|Zes)\s+)?(?:[Oo]ntwerp(?:besluit|decreet|ordonnantie)|"
    r"[Vv]oorontwerp|Besluit van de Vlaamse Regering|Conceptnota|Visienota|Mededeling aan)"
)
_WORD = re.compile(r"\S+")


def guess_short_title(heading: str) -> str:
    """Best guess at the short title inside an export-B heading (short + long title).

    Kaleidos headings are ``<short title> <long title>`` with nothing in between. Rules, in
    order (the mapping still reconciles with export A by date + title prefix):

    1. an enumerated long title: the short title ends before ``A.`` when a ``B.`` follows;
    2. the earlier of: (a) the long title restating the subject, i.e. a capitalised word
       starting a run of 2+ words (case-insensitive) seen before, either at the start of
       the subject (heading start or right after the first colon) or right before it
       ("'Iedereen Digitaal' Iedereen Digitaal"); (b) a formal opener such as
       ``Ontwerpbesluit``, ``Twee ontwerpbesluiten``, ``Voorontwerp``;
    3. a capitalised word right after a number (``dossier 57 Ondersteuning …``);
    4. after the first colon, a capitalised word (not an acronym or code such as "(VV072)")
       between two lower-case words (so names like "Programma Vlaanderen Radicaal" stay);
    5. otherwise the whole heading (it has no long title).
    """
    words = [(m.start(), m.group()) for m in _WORD.finditer(heading)]
    keys = [re.sub(r"\W", "", w).casefold() for _, w in words]
    colon = next((i + 1 for i, (_, w) in enumerate(words) if w.endswith(":")), 0)

    def cut(index: int) -> str:
        return heading[: words[index][0]].strip()

    for i, (_, word) in enumerate(words):
        if (
            i
            and re.fullmatch(r"[A-Z]\.", word)
            and any(re.fullmatch(chr(ord(word[0]) + 1) + r"\.", w) for _, w in words[i + 1 :])
        ):
            return cut(i)
    candidates: list[int] = []
    for i in range(1, len(words) - 1):
        if not _is_capital(words[i][1]) or not keys[i]:
            continue
        for j in range(i - 1):
            run = 0
            while i + run < len(words) and j + run < i and keys[j + run] == keys[i + run]:
                run += 1
            if run >= 2 and (j in {0, colon} or j + run == i):
                candidates.append(i)
                break
        if candidates:
            break
    opener = _LONG_TITLE_OPENER.search(heading, 1)
    if opener:
        candidates += [i for i, (start, _) in enumerate(words) if start == opener.start()]
    if candidates:
        return cut(min(candidates))
    for i in range(1, len(words)):
        if _is_capital(words[i][1]) and re.fullmatch(r"\d+", words[i - 1][1]):
            return cut(i)
    for i in range(max(colon, 1), len(words) - 1):
        word = words[i][1]
        if (
            i > colon
            and word[:1].isupper()
            and not word.isupper()
            and words[i - 1][1][:1].islower()
            and words[i + 1][1][:1].islower()
        ):
            return cut(i)
    return heading.strip()


def _is_capital(word: str) -> bool:
    bare = word.lstrip("\"'“‘(")
    return bool(bare) and bare[0].isupper()
