"""The government decisions a report cites, merged from every list that names them.

Export A lists ``**[\\[N\\]](search-url)** : **(YYYY-MM-DD)** Title``; export B lists source
paths (``\\[N\\]: clean/YYYY/MM/YYYY-MM-DD-{nota|mededeling}-{id}.txt``) and/or full text
(``\\[N\\]: <short title> <long title>  <summary>``). A reference seen in several lists
becomes one :class:`Reference`; the same fact given twice must agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ..base import Note, SourceText, Span, squash
from ..dates import find_dates
from .landmarks import LOOKS_LIKE_REF, Block
from .records import Reference
from .texts import clean
from .titles import guess_short_title

DECISION_TYPES: tuple[str, ...] = ("nota", "mededeling")


# Reference lines. B: "\[N\]: value" with the colon right after the bracket; A: the number
# in bold (perhaps a link), then " : ", then a bold date in brackets and the title.
REF_B = re.compile(r"^\\?\[(?P<n>\d+)\\?\]\s*:\s*(?P<value>.*)$")
REF_A = re.compile(
    r"^(?:\*\*)?\s*\[?\\?\[(?P<n>\d+)\\?\]\]?(?:\((?P<url>[^)\s]*)\))?\s*(?:\*\*)?\s*:?\s*"
    r"(?:\*{0,2}\((?P<date>\d{4}-\d{2}-\d{2})\)\*{0,2})?\s*(?P<title>.*)$"
)
_SOURCE_PATH = re.compile(
    r"(?:^|/)(?P<date>\d{4}-\d{2}-\d{2})-(?P<type>[a-z]+)-(?P<id>[A-Za-z0-9][A-Za-z0-9-]*)\.txt$"
)
_SEPARATOR = re.compile(r"\s{2,}")
_URL_DATE = re.compile(r"[?&](?:amp;)?startDate=(\d{4}-\d{2}-\d{2})")
# A link or bracketed date left in the title means the entry's markup was not understood.
_GARBLED_TITLE = re.compile(r"https?://|\(\d{4}-\d{2}-\d{2}\)")


@dataclass
class _PartialRef:
    number: int
    span: Span
    fields: dict[str, str | None] = field(default_factory=dict)
    full_text_span: Span | None = None


def read_references(
    source: SourceText, blocks: list[Block], notes: list[Note]
) -> tuple[Reference, ...]:
    """All reference lists merged by number; every non-blank line must be an entry.

    A line right below an entry that is not an entry itself continues it (a wrapped title
    or full text), unless it looks like a broken entry, which is reported; when it is the
    last line of the text, the text was cut off there (a note that breaks off).
    """
    partials: dict[int, _PartialRef] = {}
    last = max((n for n, line in enumerate(source.lines, 1) if line.strip()), default=0)
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
                and not LOOKS_LIKE_REF.match(text)
            ):
                _continue_entry(*previous, number, text)
            elif number >= last and LOOKS_LIKE_REF.match(text):
                notes.append(Note(number, "the last reference breaks off", True))
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
        partial.fields["title"] = squash(f"{partial.fields.get('title') or ''} {clean(text)}")
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
    match_b = REF_B.match(text)
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
    match_a = REF_A.match(text)
    if match_a and not _GARBLED_TITLE.search(match_a.group("title")):
        title = clean(match_a.group("title")) or None
        url = match_a.group("url") or None
        found = match_a.group("date")
        day = _iso_date(source, line, found) if found else None
        if day is None and title:
            day, title = _leading_date(title)
        if day is None and url:
            # The search link of the decisions site carries the meeting date.
            in_url = _URL_DATE.search(url)
            day = _iso_date(source, line, in_url.group(1)) if in_url else None
        return int(match_a.group("n")), {"search_url": url, "date": day, "title": title}
    return None


def _leading_date(title: str) -> tuple[str | None, str | None]:
    """A date written before the title ("17 juli 2020 – Titel", "(17/07/2020) Titel")."""
    dates = find_dates(title)
    if dates and not title[: dates[0].start].strip(" (*"):
        rest = title[dates[0].end :].lstrip(" )*:–—-")
        return dates[0].iso, rest or None
    return None, title


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
