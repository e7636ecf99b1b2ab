"""Who submitted or signed a Parliament text: the names after its last clause.

A motion or proposal ends with its submitters ("van Ludwig Caluwé, Kathleen Helsen en
Peter Van Rompuy", or one name a line, "Ludwig CALUWÉ"); an adopted text with the officers
who sign it ("De voorzitter, Liesbeth HOMANS"). These lines are not part of the last
request: they are read here, each person with the role the text gives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..base import Span
from ..names import Name, is_name, read_name, read_name_list

SUBMITTER = "indiener"  # the role of whoever tabled the text

_SUBMITTERS = re.compile(r"^(?:ingediend\s+door|van)\s+(?P<names>.+)$", re.I)
_OFFICER = re.compile(
    r"^(?:de|het)\s+(?P<role>(?:eerste\s+)?(?:ondervoorzitter|voorzitter|griffier)"
    r"(?:\s+van\s+het\s+vlaams\s+parlement)?)\s*,?\s*(?P<name>.*)$",
    re.I,
)


@dataclass(frozen=True)
class Signatory:
    """A person named at the end of the text, with the role it gives them."""

    name: Name
    role: str  # "indiener", "voorzitter", "griffier" … as the text names it
    span: Span


def starts_signatures(text: str) -> bool:
    """Whether a line after a finished clause opens the signature block."""
    submitters = _SUBMITTERS.match(text)
    if submitters and read_name_list(submitters.group("names")) is not None:
        return True
    return bool(_OFFICER.match(text)) or _names_line(text) is not None


def _names_line(text: str) -> list[Name] | None:
    if is_name(text) and any(w.isupper() and len(w) > 1 for w in text.split()):
        return [read_name(text)]
    return None


_GAP = re.compile(r"\t+| {3,}")


def _by_column(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Signatures set side by side ("De griffier,   De voorzitter,") read column by column:
    a run of lines that all split into as many cells at wide gaps."""
    out: list[tuple[int, str]] = []
    run: list[tuple[int, list[str]]] = []

    def flush() -> None:
        widths = {len(cells) for _, cells in run}
        if len(widths) == 1 and widths != {1}:
            for column in range(widths.pop()):
                out.extend((n, cells[column]) for n, cells in run)
        else:
            out.extend((n, " ".join(cells)) for n, cells in run)
        run.clear()

    for number, text in lines:
        if text.strip():
            run.append((number, [c.strip() for c in _GAP.split(text.strip()) if c.strip()]))
        else:
            flush()
    flush()
    return out


def read_signatures(lines: list[tuple[int, str]]) -> tuple[Signatory, ...]:
    """The people of the signature block; an officer's name may be on the next line.
    ``lines`` are the raw lines (their spacing tells columns apart)."""
    found: list[Signatory] = []
    lines = _by_column(lines)
    role: tuple[str, int] | None = None  # an officer line still waiting for its name
    for number, text in lines:
        if not text:
            continue
        officer = _OFFICER.match(text)
        if officer:
            role = (officer.group("role").lower(), number)
            if officer.group("name") and is_name(officer.group("name")):
                found.append(
                    Signatory(read_name(officer.group("name")), role[0], Span(number, number))
                )
                role = None
            continue
        submitters = _SUBMITTERS.match(text)
        names = read_name_list(submitters.group("names")) if submitters else None
        names = names or _names_line(text) or read_name_list(text)
        if not names:
            continue
        for name in names:
            if role is not None:
                found.append(Signatory(name, role[0], Span(role[1], number)))
                role = None
            else:
                found.append(Signatory(name, SUBMITTER, Span(number, number)))
    return tuple(found)


_IN_TITLE = re.compile(
    r"\b(?:ingediend\s+door|van)\s+((?:de\s+)?(?:heer|heren|mevrouw|mevrouwen)\b.+?|"
    r"[A-Z][^,]+?(?:,\s*[A-Z][^,]+?)*\s+en\s+[A-Z][\w'’ -]+?)"
    r"(?=(?<!\s)\s+(?:betreffende|over|tot|houdende|inzake|met\s+betrekking|op\s+\d)\b"
    r"|[.;]?$)"
)
# The name list's pattern backtracks over every "en" and comma; on a line of thousands
# of them that is minutes. A title-block line this long is prose, not a list of names.
_MAX_TITLE_LINE = 1000


def read_submitters(line: str) -> list[Name]:
    """The submitters a title-block line names: "ingediend door X en Y", "van de heer X
    en mevrouw Y"; not the interpellant of "de interpellatie van …", who need not be one."""
    if len(line) > _MAX_TITLE_LINE:
        return []
    for match in _IN_TITLE.finditer(line):
        if re.search(r"interpellatie\s*$", line[: match.start()], re.I):
            continue
        names = read_name_list(match.group(1))
        if names:
            return names
    return []
