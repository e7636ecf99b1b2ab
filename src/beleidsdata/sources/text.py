"""Text helpers shared by the parsers of OCR'd and PDF-extracted documents.

Pure string functions, no knowledge of any document kind: parsers call them on the text they
have already cut out of a source.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# Words that keep their hyphen when a line breaks after them ("niet-" + "persoonsgebonden").
HYPHEN_PREFIXES = frozenset({"niet", "non", "ex", "oud", "vice", "anti", "pre", "post"})

# --------------------------------------------------------------------------- OCR repair
#
# fix_ocr() repairs the character errors that OCR makes in Dutch policy PDFs. It only knows
# patterns that cannot be a legitimate spelling in Dutch running text, so it is safe to run on
# any OCR'd text (headings, paragraphs, titles). Each rule is one line of _OCR_RULES, in order:
#
#  1. "|" touching a capital is a capital I:            "|EDEREEN" → "IEDEREEN", "POD M|" → "POD MI"
#  2. a word-initial lowercase l is a capital I where no Dutch word starts so:
#     "ledereen" → "Iedereen", "lEDEREEN" → "IEDEREEN", "lnformatie" → "Informatie"
#  3. a capital I between a capital and lowercase letters is an l:  "VIaamse" → "Vlaamse"
#  4. "Al" meaning AI: in compounds ("Al-adoptie", "Al- en", "Start-Al"), everywhere mid-sentence
#     ("van Al", "Al en"), since the Dutch word "al" is never capitalised there; at the start of a
#     sentence only when the next word cannot follow Dutch "al" ("Al biedt" → "AI biedt", but
#     "Al die jaren" stays). See _ai().
#  5. é read for ë (diaeresis) where Dutch needs ë: -ië-/-iën/-iële/-iëren ("efficiéntie",
#     "essentiéle", "technologieén", "creéren", "geévalueerd", "Belgié"); "eén"/"€én"/"&én" → "één".
#     Legitimate accents ("dé", "één", "élke", "café") are left alone.
#  6. ö read as é or d in coördin-/coöper- ("gecodrdineerde", "gecoérdineerde", "codperatieve").
#  7. ê read as é in "enquête"; ï lost in "geïntegreerd", "geïnformeerd", "continuïteit".
#  8. "0.a." / "o0.a." → "o.a."
#  9. doubled apostrophes ("zo'’n", "Thema'’s", "‘'no") → one.
# 10. ".." straight after a word (not an ellipsis) → "."
# 11. "LLK" in capitals is the IJ ligature: "MAATSCHAPPELLKE" → "MAATSCHAPPELIJKE".
# 12. a "!" glued to a word and followed by a lowercase word is a superscript footnote mark:
#     "ondernemingen! verhogen" → "ondernemingen verhogen".

# Words that follow the Dutch adverb/quantifier "al" ("Al die jaren", "Al sinds 2019").
_DUTCH_AL_NEXT = frozenset(
    (
        "die",
        "deze",
        "dat",
        "dit",
        "de",
        "het",
        "onze",
        "zijn",
        "haar",
        "hun",
        "mijn",
        "uw",
        "wat",
        "sinds",
        "jaren",
        "lang",
        "meer",
        "veel",
        "snel",
        "vroeg",
        "eerder",
        "decennia",
        "maanden",
        "weken",
        "dagen",
        "geruime",
        "enkele",
        "heel",
        "ruim",
        "bijna",
        "gauw",
        "wel",
        "zo",
        "tientallen",
        "honderden",
    )
)


def _ai(match: re.Match[str]) -> str:
    """Decide whether one standalone "Al" is the acronym AI (rule 4)."""
    before = match.string[max(0, match.start() - 12) : match.start()].rstrip()
    at_start = not before or before[-1] in ".!?:;•"
    if not at_start:
        return "AI"
    after = match.string[match.end() : match.end() + 30].split()
    following = after[0].strip(",.;:").lower() if after else ""
    return "Al" if following in _DUTCH_AL_NEXT else "AI"


# Every pattern starts with a literal character (context goes in look-arounds after it), which
# lets the regex engine skip quickly through long texts.
_OCR_RULES: tuple[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]], ...] = (
    (re.compile(r"\|(?:(?=[A-Z])|(?<=[A-Z]\|))"), "I"),  # 1
    (re.compile(r"l(?<!\wl)(?=edere(?:en)?\b|[A-Z]{2,}|n[a-z]*\b|k\b)"), "I"),  # 2
    (re.compile(r"I(?<=\b[A-Z]I)(?=[a-zà-ÿ]{2,})"), "l"),  # 3
    (re.compile(r"Al(?<![\w]Al)(?=-(?:\w|\s+(?:en|of)\b))|Al(?<=\w-Al)\b"), "AI"),  # 4
    (re.compile(r"Al(?<![\w-]Al)(?![\w-])"), _ai),
    (re.compile(r"eén(?<!\weén)\b"), "één"),  # 5
    (re.compile(r"[€&]én\b"), "één"),
    (re.compile(r"eé(?<=\weé)"), "eë"),
    (re.compile(r"ié(?:(?=[nlr])|(?<=\w{4}ié)\b)"), "ië"),
    (re.compile(r"o[éd](?<=[Cc]o[éd])(?=rdin|perat)"), "oö"),  # 6
    (re.compile(r"nquéte(?<=[Ee]nquéte)"), "nquête"),  # 7
    (
        re.compile(r"ei(?<=\b[Gg]ei)(?=n(?:tegr|form|trodu|teress|spir|vest|stall|terpret|novee))"),
        "eï",
    ),
    (re.compile(r"uiteit\b"), "uïteit"),
    (re.compile(r"o0\.a\.(?<!\wo0\.a\.)"), "o.a."),  # 8
    (re.compile(r"0\.a\.(?<![\w.]0\.a\.)"), "o.a."),
    (re.compile(r"‘'|'‘"), "‘"),  # 9
    (re.compile(r"['’]{2,}"), "’"),
    (re.compile(r"\.\.(?<=[^\W\d_]\.\.)(?!\.)"), "."),  # 10
    (re.compile(r"LLK(?<=[A-Z]LLK)(?=[A-Z])"), "LIJK"),  # 11
    (re.compile(r"!(?<=[a-zà-ÿ]!)(?= [a-zà-ÿ])"), ""),  # 12
)


def fix_ocr(text: str) -> str:
    """Repair the OCR character errors listed above; text that has none comes back unchanged."""
    for pattern, replacement in _OCR_RULES:
        text = pattern.sub(replacement, text)
    return text
