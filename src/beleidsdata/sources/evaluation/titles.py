"""Where the short title ends in a Kaleidos heading (export B gives no separator)."""

from __future__ import annotations

import re

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
