"""People's names as the documents write them: "Jan JAMBON", "Hilde Crevits", "Ludwig
Caluwé", "Matthias DIEPENDAELE", read into a display form, given name and family name.

Ministers sign communications, members of Parliament submit motions, the government's
decision lists name the proposing ministers: one reading of a name for all of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .base import squash

NAME_WORD = re.compile(r"^[A-ZÀ-ÖØ-Þa-zß-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ'’.\-]*$")
PARTICLES = frozenset({"van", "de", "den", "der", "het", "ter", "ten", "te", "la", "le", "du"})
# Words that open a role or a sentence, never a name ("De voorzitter", "Het Vlaams …").
_NOT_NAMES = frozenset({"de", "het", "een", "en", "of", "voor", "op", "in", "aan"})


@dataclass(frozen=True)
class Name:
    """A person's name: display form, given name(s) and family name."""

    name: str  # "Jan Jambon"
    written: str  # as written: "Jan JAMBON"
    given_name: str  # "Jan"
    family_name: str  # "Jambon"


def caps_word(word: str) -> bool:
    """A surname in capitals ("JAMBON", "D'HONDT"), not an initial ("J.")."""
    return word.isupper() and sum(c.isalpha() for c in word) >= 2


def is_name(text: str) -> bool:
    """ "Jan JAMBON", "Hilde Crevits", "Peter Van Rompuy": 2-6 name words, a capitalised
    first word, each word capitalised or a particle, or a surname in capitals."""
    words = text.split()
    if not 2 <= len(words) <= 6 or text.endswith((",", ".", ":")):
        return False
    if not all(NAME_WORD.match(w) for w in words) or words[0].lower() in _NOT_NAMES:
        return False
    if not words[0][0].isupper():
        return False
    caps = [w for w in words if caps_word(w)]
    titled = all(w[0].isupper() or w.lower() in PARTICLES for w in words)
    return bool(caps) or titled


def read_name(written: str) -> Name:
    """Split a written name: the run of capitals is the surname ("VAN DEN BOSSCHE");
    without capitals, the surname starts at the first particle or is the last word."""
    written = squash(written)
    words = written.split()
    caps = [i for i, w in enumerate(words) if caps_word(w)]
    if caps:
        given_words, family_words = words[: caps[0]], words[caps[0] :]
    else:
        cut = next((i for i, w in enumerate(words[1:], 1) if w.lower() in PARTICLES), None)
        cut = cut if cut is not None else len(words) - 1
        given_words, family_words = words[:cut], words[cut:]
    family = " ".join(_name_case(w, first=i == 0) for i, w in enumerate(family_words))
    given = " ".join(_name_case(w, first=True) for w in given_words)
    return Name(squash(f"{given} {family}"), written, given, family)


def _name_case(word: str, first: bool) -> str:
    """ "JAMBON" → "Jambon", "D'HONDT" → "D'Hondt"; particles after the first stay lower."""
    if not word.isupper():
        return word
    if not first and word.lower() in PARTICLES:
        return word.lower()
    return re.sub(r"[^\W\d_]+", lambda m: m.group(0).capitalize(), word)


_LIST_SPLIT = re.compile(r"\s*,\s*|\s+en\s+")
_HONORIFIC = re.compile(r"^(?:de\s+)?(?:heer|heren|mevrouw|mevrouwen|dames?)\s+", re.I)


def read_name_list(text: str) -> list[Name] | None:
    """ "Ludwig Caluwé, Kathleen Helsen en Peter Van Rompuy" (perhaps after "van", with
    "de heer"/"mevrouw") as names; None when any item is not a name."""
    items = [_HONORIFIC.sub("", i.strip()) for i in _LIST_SPLIT.split(text.strip(" .;")) if i]
    names = [i for i in items if i]
    if not names or not all(is_name(n) for n in names):
        return None
    return [read_name(n) for n in names]
