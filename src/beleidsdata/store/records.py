"""What the store hands out and takes in: plain, typed records.

The store never builds RDF and never parses text: it keeps what ingest serialised (bytes
per format), the event log and the indexes ingest needs, and gives them back.
"""

from __future__ import annotations

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
