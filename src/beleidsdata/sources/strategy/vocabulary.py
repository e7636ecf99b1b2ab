"""The document's own vocabulary, the yardstick for repairing OCR without a dictionary.

A strategy uses its words many times, OCR damages them once or twice. So the document itself
says what is a word: a word seen once that becomes a word used elsewhere when an "i" is read
as "l" is corrected ("viotter" → "vlotter"); a wrapped heading line is kept only when its
words occur elsewhere ("ijbenen" is debris); a line-end hyphen stays where the document
writes the compound with a hyphen ("data-analyse", "cybersecurity-maturiteit"); and a word
from a heading in capitals gets the casing the running text gives it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..text import HYPHEN_PREFIXES
from .blocks import is_caps

WORD = re.compile(r"[A-Za-zÀ-ÿ]+(?:-[A-Za-zÀ-ÿ]+)*")
_WORD_OR_STOP = re.compile(r"[A-Za-zÀ-ÿ]+(?:-[A-Za-zÀ-ÿ]+)*|[.!?:•“\"‘(]")
# After one of these a word starts a sentence: its capital says nothing about its casing.
_SENTENCE_STOPS = frozenset('.!?:•“"‘(')


class Vocabulary:
    """Word counts, hyphenated compounds and the usual casing of each word mid-sentence."""

    def __init__(self, lines: Iterable[str]) -> None:
        self.words: dict[str, int] = {}
        self.hyphenated: set[str] = set()
        self.casing: dict[str, dict[str, int]] = {}
        for line in lines:
            self._count(line.strip())
        # Word stems (first five letters), for words OCR cut or bent at the end.
        self.prefixes: dict[str, int] = {}
        for word, count in self.words.items():
            if len(word) >= 5:
                self.prefixes[word[:5]] = self.prefixes.get(word[:5], 0) + count

    def _count(self, text: str) -> None:
        words, casing = self.words, self.casing
        if text.endswith("-"):
            text = text[:-1].rsplit(" ", 1)[0] if " " in text else ""  # "organisa-"
        previous = "."  # a line may start a sentence: its first word says nothing
        caps = is_caps(text)  # headings in capitals say nothing about casing either
        for m in _WORD_OR_STOP.finditer(text):
            word = m.group(0)
            if not word[0].isalpha():
                previous = word
                continue
            low = word.lower()
            if "-" in low:
                self.hyphenated.add(low)
                for part in low.split("-"):
                    words[part] = words.get(part, 0) + 1
            else:
                words[low] = words.get(low, 0) + 1
                if previous not in _SENTENCE_STOPS and not caps:
                    form = (
                        "upper"
                        if word.isupper() and len(word) > 1
                        else "title"
                        if word[0].isupper()
                        else "lower"
                    )
                    counts = casing.setdefault(low, {})
                    counts[form] = counts.get(form, 0) + 1
            previous = word

    def correct_l_read_as_i(self, lines: tuple[str, ...]) -> tuple[str, ...]:
        """The lines with "l" read as "i" undone ("viotter" → "vlotter"): a word seen once that
        becomes a word the document uses at least twice when one "i" is read as "l"."""
        words = self.words
        fixes: dict[str, str] = {}
        for word, count in words.items():
            if count != 1 or "i" not in word or len(word) < 5:
                continue
            for k, c in enumerate(word):
                if c == "i":
                    candidate = f"{word[:k]}l{word[k + 1 :]}"
                    if words.get(candidate, 0) >= 2:
                        fixes[word] = candidate
                        break
        if not fixes:
            return lines
        pattern = re.compile(r"\b(" + "|".join(map(re.escape, fixes)) + r")\b", re.I)

        def fix(m: re.Match[str]) -> str:
            found = m.group(1)
            right = fixes.get(found.lower())
            if right is None:
                return found
            return right.capitalize() if found[0].isupper() else right

        return tuple(pattern.sub(fix, line) for line in lines)

    def plausible(self, text: str) -> bool:
        """Whether every word of ``text`` (a line of this document) is a word, or shares its
        stem with a word, that the document also uses elsewhere: OCR debris is not."""
        words = [w.lower() for w in WORD.findall(text)]
        if not words:
            return False
        for word in words:
            if len(word) < 5:
                if self.words.get(word, 0) < 2:
                    return False
            elif self.prefixes.get(word[:5], 0) < 2:
                return False
        return True

    def recase(self, word: str, first: bool) -> str:
        """A word from a heading in capitals, in the casing the body text gives it."""
        low = word.lower()
        counts = self.casing.get(low, {})
        form = max(counts, key=lambda f: counts[f]) if counts else "lower"
        if form == "upper" or (len(word) > 1 and word.isupper() and low in {"ai", "ict", "eu"}):
            out = word.upper()
        elif form == "title":
            out = low[:1].upper() + low[1:]
        else:
            out = low
        return out[:1].upper() + out[1:] if first else out

    def hyphen_glue(self, left: str, right: str) -> str | None:
        """How to join "left-" + "right" across a line end: None drops the hyphen, "" keeps
        it, " " adds a space ("onderwijs-" + "en" → "onderwijs- en")."""
        bare_right = re.sub(r"[^\wÀ-ÿ-].*$", "", right)
        last = left.split("-")[-1]
        if right in {"en", "of", "tot", "and", "or"}:
            return " "
        if not bare_right or not bare_right[0].islower():
            return ""
        if last == "Al" or (len(last) > 1 and last.isupper()) or any(c.isdigit() for c in last):
            return ""
        if "-" in left:
            return ""  # "up-to-" + "date"
        joined_hyphen = f"{left}-{bare_right}".lower()
        joined = f"{left}{bare_right}".lower()
        if joined_hyphen in self.hyphenated:
            return ""
        if joined in self.words:
            return None
        if last.lower() in HYPHEN_PREFIXES:
            return ""
        if last[-1].lower() in "aeiou" and bare_right[0] == last[-1].lower():
            return ""
        return None
