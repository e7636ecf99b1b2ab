"""Words as search and pages need them: folded, stemmed, and clean of PDF and HTML debris.

Search must find what is written however it is typed: "artificiele" finds
"artificiële", "Investering" finds "investeringen". The index keeps each text twice: as
written (for snippets, matched accent- and case-insensitively by SQLite's tokenizer) and
as Dutch Snowball stems of its folded words (so inflections meet). Queries are stemmed
the same way, here, so the index and the query can never disagree.

Texts read from PDFs and HTML exports carry debris a reader should not see: tags such as
``<details>`` and words hyphenated at a line end ("strate-gisch"). :func:`clean_text` removes
both, for pages and for the index alike.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from functools import lru_cache

import snowballstemmer

_WORD = re.compile(r"\w+", re.UNICODE)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
# A hyphen between two lower-case word parts with no space: how a PDF line-end break
# survives once the lines are joined ("strate-gisch", "kennisdif-fusie").
_BROKEN = re.compile(r"\b([^\W\d_]{3,})-([^\W\d_]{2,})\b")
_VOWELS = set("aeiouyàáâäèéêëìíîïòóôöùúûü")
# Dutch keeps the hyphen after these short prefixes and where two vowels meet
# ("co-creatie", "e-inclusie", "zee-egel"); such words are written, not broken.
_KEEP_PREFIXES = frozenset({"ex", "co", "oud", "non", "pro", "anti", "vice", "niet", "semi"})


def fold(text: str) -> str:
    """Lower case without accents: "Artificiële" → "artificiele"."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    """The folded words of a text, in order."""
    return _WORD.findall(fold(text))


_local = threading.local()


def _stemmer() -> snowballstemmer.stemmer:
    """This thread's stemmer: a Snowball stemmer keeps its word in itself while it works,
    so one shared by the server's threads mixes up concurrent searches."""
    found: snowballstemmer.stemmer | None = getattr(_local, "stemmer", None)
    if found is None:
        found = _local.stemmer = snowballstemmer.stemmer("dutch")
    return found


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    """The Dutch Snowball stem of one folded word ("investeringen" → "investeer")."""
    return str(_stemmer().stemWord(word))


def stems(text: str) -> str:
    """The stems of every word of a text, space-separated (what the index stores)."""
    return " ".join(stem(w) for w in words(text))


def _join(match: re.Match[str]) -> str:
    left, right = match.group(1), match.group(2)
    if left.lower() in _KEEP_PREFIXES or not left.islower() or not right.islower():
        return match.group(0)
    if left[-1] in _VOWELS and right[0] in _VOWELS:
        return match.group(0)
    return left + right


def clean_text(text: str) -> str:
    """A text as a reader should see it: without markup tags and without hyphens left by
    line-end hyphenation; paragraphs (blank lines) are kept."""
    text = _TAG.sub(" ", text)
    text = _BROKEN.sub(_join, text)
    lines = [re.sub(r"[ \t]{2,}", " ", line).strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


__all__ = ["clean_text", "fold", "stem", "stems", "words"]
