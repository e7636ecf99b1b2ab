"""The registry of formats: one table of media types, suffixes and serialisers.

Content negotiation, suffix routing (``/doc/x.ttl``), the bytes stored at ingest, the
OpenAPI description and the event-stream pages all read this table; none lists media
types of its own. A new RDF format is a serialiser and one line here.

Every RDF format can carry an entity document. A document has only a default graph, so
N-Quads and TriG serve the very bytes of N-Triples and Turtle (``stored_as``); the quad
formats matter on the event-stream pages, where each member sits in its own named graph.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..mapping.terms import Triple, to_ntriples
from . import jsonld
from .rdfxml import to_rdfxml
from .ttl import to_turtle

Serialiser = Callable[[Sequence[Triple], str, str], bytes]  # (triples, subject, context)


def _jsonld(triples: Sequence[Triple], subject: str, context: str) -> bytes:
    return jsonld.dumps(jsonld.to_jsonld(triples, subject, context))


def _turtle(triples: Sequence[Triple], subject: str, context: str) -> bytes:
    return to_turtle(triples, first=subject).encode()


def _ntriples(triples: Sequence[Triple], subject: str, context: str) -> bytes:
    return to_ntriples(triples if isinstance(triples, list | tuple) else list(triples)).encode()


def _rdfxml(triples: Sequence[Triple], subject: str, context: str) -> bytes:
    return to_rdfxml(triples, first=subject).encode()


@dataclass(frozen=True)
class Format:
    """One representation we serve."""

    key: str
    media_type: str
    suffix: str  # "/doc/x.ttl"
    label: str
    serialise: Serialiser | None  # None: served as the bytes of ``stored_as``, or not RDF
    stored_as: str | None = None  # the format whose stored bytes this one serves
    quads: bool = False  # can put each event-stream member in a named graph
    stream: bool = True  # event-stream pages come in this format
    rdf: bool = True
    aliases: tuple[str, ...] = ()  # other media types that mean the same
    entity: bool = True  # offered for one thing (/doc/{path}); False: collections only

    @property
    def storage(self) -> str:
        """The key under which this format's bytes of an entity are stored."""
        return self.stored_as or self.key

    @property
    def content_type(self) -> str:
        """The ``Content-Type`` header value (text formats in UTF-8)."""
        textual = self.media_type.startswith("text/") or self.key in TEXT_RDF
        return self.media_type + ("; charset=utf-8" if textual else "")


TEXT_RDF = frozenset({"nt", "nq", "trig"})

# In our order of preference: the first is what a client that accepts anything gets.
FORMATS: tuple[Format, ...] = (
    Format("jsonld", "application/ld+json", ".jsonld", "JSON-LD", _jsonld, quads=True),
    Format("ttl", "text/turtle", ".ttl", "Turtle", _turtle, aliases=("application/x-turtle",)),
    Format("nt", "application/n-triples", ".nt", "N-Triples", _ntriples),
    Format("nq", "application/n-quads", ".nq", "N-Quads", None, stored_as="nt", quads=True),
    Format("trig", "application/trig", ".trig", "TriG", None, stored_as="ttl", quads=True),
    Format(
        "rdf",
        "application/rdf+xml",
        ".rdf",
        "RDF/XML",
        _rdfxml,
        stream=False,
        aliases=("application/xml",),
    ),
    Format("json", "application/json", ".json", "JSON", None, stored_as="jsonld", stream=False),
    Format("html", "text/html", ".html", "HTML", None, stream=False, rdf=False),
    # A collection as a table (formats/tabular.py): one row per member.
    Format("csv", "text/csv", ".csv", "CSV", None, stream=False, rdf=False, entity=False),
)

BY_KEY = {f.key: f for f in FORMATS}
BY_SUFFIX = {f.suffix: f for f in FORMATS}


def get(key: str) -> Format:
    return BY_KEY[key]


def by_media_type(media_type: str) -> Format | None:
    media_type = media_type.split(";", 1)[0].strip().lower()
    for fmt in FORMATS:
        if media_type == fmt.media_type or media_type in fmt.aliases:
            return fmt
    return None


def stored() -> tuple[Format, ...]:
    """The formats whose bytes are serialised and stored for every entity."""
    return tuple(f for f in FORMATS if f.serialise is not None)


def document_formats() -> tuple[Format, ...]:
    """What ``/doc/{path}`` offers, in our order of preference."""
    return tuple(f for f in FORMATS if f.entity)


def collection_formats() -> tuple[Format, ...]:
    """What a collection (``/doc/{kind}``) offers: every document format but the quad
    formats (a page has only a default graph), and CSV."""
    return tuple(f for f in FORMATS if f.key not in ("nq", "trig"))


def stream_formats() -> tuple[Format, ...]:
    """What the event-stream pages offer, in our order of preference."""
    return tuple(f for f in FORMATS if f.stream and f.rdf)


def serialise_all(
    triples: Sequence[Triple], subject: str, context: str, ntriples: str | None = None
) -> dict[str, bytes]:
    """An entity in every stored format, each serialised once (at ingest). ``ntriples``:
    the description's canonical N-Triples when already at hand (an entity description
    carries them: its content hash is computed from them), so they are not written again."""
    return {
        f.key: ntriples.encode()
        if f.key == "nt" and ntriples is not None
        else f.serialise(triples, subject, context)
        for f in stored()
        if f.serialise
    }
