"""What the store hands out and takes in: plain, typed records.

The store never builds RDF and never parses text: it keeps what ingest serialised (bytes
per format), the event log and the indexes ingest needs, and gives them back.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class EntityState:
    """The current state of one entity (its bytes are stored documents, see ``document``)."""

    iri: str
    path: str
    kind: str
    content_hash: str | None  # None once deleted
    version: int  # number of the latest member about it
    updated_at: str
    title: str | None
    types: tuple[str, ...]

    @property
    def deleted(self) -> bool:
        return self.content_hash is None


@dataclass(frozen=True)
class Member:
    """One event of the stream: a version of an entity (create, update or delete)."""

    seq: int
    iri: str
    entity: str
    kind: str
    version: int
    event: str  # "create" | "update" | "delete"
    time: str
    content_hash: str
    publisher: str | None = None
    fragments: dict[str, bytes] = field(default_factory=dict, repr=False)


@dataclass(frozen=True)
class SourceRecord:
    """A source document as stored: its text is what every re-mapping reads."""

    iri: str
    name: str
    kind: str
    sha256: str
    text: str = field(repr=False)
    partial: bool = False
    ingested_at: str = ""
    publisher: str | None = None


@dataclass(frozen=True)
class Document:
    """Bytes served for one URL path in one format, with their validators."""

    body: bytes = field(repr=False)
    etag: str
    immutable: bool
    updated_at: str


@dataclass(frozen=True)
class Composition:
    """How a page's bytes are put together from the members' stored fragments.

    An event-stream page is its own head (the hypermedia, written at ingest), then per
    member ``sep``, the ``tree:member`` line when ``link`` is set (``link`` + the member's
    IRI + ``> .``), and the member's fragment in the page's format, then ``tail``. Storing
    this instead of the joined bytes keeps each member's bytes once in the store, however
    many views and pages list it, and makes re-rendering a page cost its head alone. The
    fragments of a member never change, so the head and the composition decide the bytes
    (and the ETag).
    """

    seqs: tuple[int, ...]
    sep: bytes = b""
    link: bytes = b""
    tail: bytes = b""

    def join(self, head: bytes, pieces: Iterable[tuple[str, bytes]]) -> bytes:
        """The page: ``head``, then each (member IRI, fragment) in ``seqs`` order."""
        out = [head]
        for iri, fragment in pieces:
            out.append(self.sep)
            if self.link:
                out += [self.link, iri.encode(), b"> .\n"]
            out.append(fragment)
        out.append(self.tail)
        return b"".join(out)

    def encoded(self) -> str:
        return json.dumps(
            {
                "seqs": list(self.seqs),
                "sep": self.sep.decode(),
                "link": self.link.decode(),
                "tail": self.tail.decode(),
            },
            separators=(",", ":"),
        )

    @classmethod
    def decoded(cls, text: str) -> Composition:
        data = json.loads(text)
        return cls(
            tuple(int(s) for s in data["seqs"]),
            data["sep"].encode(),
            data["link"].encode(),
            data["tail"].encode(),
        )


@dataclass(frozen=True)
class WriteRecord:
    """One write, as the operator's log shows it."""

    id: int
    time: str
    actor: str
    action: str  # "ingest" | "withdraw" | "import" | "upgrade"
    sources: tuple[str, ...]
    first_seq: int | None
    last_seq: int | None
    summary: str


@dataclass(frozen=True)
class TokenRecord:
    """A publishing token: only its hash is stored."""

    name: str
    key_id: str
    created_at: str
    revoked_at: str | None
