"""Where a link on a page goes, and what it says.

Our own things link to their HTML page (``/doc/{path}.html``), a fragment of the page
being shown to its anchor, concepts to their entry on the vocabulary pages, anything
else to itself. The text of a link is the linked thing's title when the page knows it
(from the ``entity_links`` index), else a label from the vocabularies, else the IRI.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from .labels import class_label, iri_label

CONCEPT_ROOT = "https://w3id.org/beleidsdata/concept/"
# Kinds whose label is a class label (the other kinds are document kinds in concepten.ttl).
KIND_CLASS = {
    "beslissing": "Agendapunt",
    "bron": "Bron",
    "persoon": "Persoon",
    "mandataris": "Mandataris",
    "mandaat": "Mandaat",
}
# What a page knows of the things it links to: entity IRI → (path, kind, title).
Titles = dict[str, tuple[str, str, str | None]]


def concept_anchor(iri: str) -> str:
    """The fragment of a term or concept on the vocabulary pages."""
    tail = iri.removeprefix(CONCEPT_ROOT)
    return re.sub(r"[^A-Za-z0-9._-]+", "-", tail).strip("-")


def kind_label(kind: str, lang: str) -> str:
    """A kind of thing (``beslissing``, ``evaluatie``…) as a label."""
    if kind in KIND_CLASS:
        return class_label(KIND_CLASS[kind], lang)
    return iri_label(f"{CONCEPT_ROOT}documentsoort/{kind}", lang) or kind


# Path segments followed by a number or key, and how a page names such a part.
PART_WORDS = {
    "sectie": ("Sectie", "Section"),
    "bevinding": ("Bevinding", "Finding"),
    "speerpunt": ("Speerpunt", "Spearhead"),
    "actiepunt": ("Actiepunt", "Action point"),
    "as": ("As", "Axis"),
    "principe": ("Principe", "Principle"),
    "deel": ("Deel", "Part"),
    "verzoek": ("Verzoek", "Request"),
    "overweging": ("Overweging", "Recital"),
    "citaat": ("Citaat", "Citation"),
}


def thing_label(path: str, title: str | None, lang: str) -> str:
    """What a link to one of our things says: its title, else a name made from its
    identifier ("Sectie 2.3", "Bevinding 1", "Jan Jambon"), never the path itself."""
    if title:
        return title
    segments = [s for s in path.split("/") if s]
    for i in range(len(segments) - 2, -1, -1):
        word = segments[i].split("-", 1)[0]
        if word in PART_WORDS:
            name = PART_WORDS[word][0 if lang == "nl" else 1]
            return f"{name} {segments[i + 1]}"
    if len(segments) >= 2 and segments[0] in ("persoon", "mandataris"):
        person = " ".join(w.capitalize() for w in segments[1].split("-"))
        return person if segments[0] == "persoon" else f"{kind_label('mandataris', lang)} {person}"
    kind = kind_label(segments[0], lang) if segments else ""
    return f"{kind} {segments[-1]}" if len(segments) > 1 else kind or path


def external_label(iri: str) -> str:
    """A link to a page elsewhere: its host name (the address is in the link)."""
    parts = urlsplit(iri)
    return parts.netloc.removeprefix("www.") or iri


@dataclass(frozen=True)
class Ref:
    """A link to one of our resources, or to anything else, with a readable text."""

    href: str | None
    text: str


class Links:
    """Links of the pages of one store, whose things are named under ``base``."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.id_root = base + "/id/"

    def path_of(self, iri: str) -> str | None:
        """The path of one of our things (without fragment), or None for other IRIs."""
        if iri.startswith(self.id_root):
            return iri[len(self.id_root) :].split("#", 1)[0]
        return None

    def href(self, iri: str, current: str | None = None) -> str | None:
        """Where a link to ``iri`` goes: our own resources to their HTML page."""
        path = self.path_of(iri)
        if path is None:
            if iri.startswith(CONCEPT_ROOT):
                return "/vocab/concepten.html#" + concept_anchor(iri)
            return iri if iri.startswith(("http://", "https://")) else None
        fragment = iri.split("#", 1)[1] if "#" in iri else ""
        if current is not None and path == current and fragment:
            return "#" + fragment
        return f"/doc/{path}.html" + (f"#{fragment}" if fragment else "")

    def ref(self, iri: str, titles: Titles, lang: str, current: str | None = None) -> Ref:
        """A link to ``iri`` from the page of ``current`` (a path), with its text."""
        entity = iri.split("#", 1)[0]
        if entity in titles:
            known_path, _kind, title = titles[entity]
            text = thing_label(known_path, title, lang)
            if "#" in iri and entity != self.id_root + (current or ""):
                text = f"{text} ({iri.split('#', 1)[1]})"
            elif "#" in iri:
                text = "#" + iri.split("#", 1)[1]
            return Ref(self.href(iri, current), text)
        path = self.path_of(iri)
        if path is not None and "#" in iri and path == current:  # a node of this page
            return Ref("#" + iri.split("#", 1)[1], "#" + iri.split("#", 1)[1])
        label = iri_label(iri, lang)
        if label is None and path is not None:
            label = thing_label(path, None, lang)
        elif label is None and iri.startswith(CONCEPT_ROOT):
            label = iri.rstrip("/").rsplit("/", 1)[-1].replace("-", " ")
        elif label is None and iri.startswith(("http://", "https://")):
            label = external_label(iri)
        return Ref(self.href(iri, current), label or iri)
