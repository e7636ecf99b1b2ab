"""The current state in one download: every entity, as N-Quads and as JSON-LD, gzipped.

A replica that starts today does not need the whole history: it can load the dump, then
follow the stream from the dump's time. Each entity sits in the named graph of its own
IRI (what a replica keeps per entity, see :mod:`.members`), so the dump's graphs are
exactly the ``/doc`` graphs.

Ingest stores each entity's piece already compressed (gzip members concatenate into one
valid gzip file), so building a dump is reading pieces in path order and hashing them,
never serialising. A build reads one consistent snapshot into a spool file (flat memory)
and then publishes it as the newest generation in one short write; the catalogue lists
its size, SHA-256 and time. ``beleidsdata ingest`` rebuilds it after each ingest, the
server after each publication.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import tempfile
from collections.abc import Callable
from dataclasses import dataclass

from ..formats.context import context_document
from ..store.core import Store, utc_now

NQUADS = "actueel.nq.gz"
JSONLD = "actueel.jsonld.gz"
PIECES = {NQUADS: "nq.gz", JSONLD: "jsonld.gz"}  # dump → the stored piece per entity
MEDIA_TYPES = {NQUADS: "application/n-quads", JSONLD: "application/ld+json"}
PART_BYTES = 1 << 20


@dataclass(frozen=True)
class DumpInfo:
    name: str
    generation: int  # the last member seq the dump includes
    size: int
    sha256: str
    modified: str
    parts: int

    @property
    def path(self) -> str:
        return f"/dump/{self.name}"


def jsonld_piece(document: bytes, iri: str) -> bytes:
    """An entity's piece of the JSON-LD dump: its compacted nodes as a named graph."""
    doc = json.loads(document)
    doc.pop("@context", None)
    nodes = doc.get("@graph", [doc])
    text = ",\n" + json.dumps({"@id": iri, "@graph": nodes}, ensure_ascii=False)
    return gzip.compress(text.encode(), compresslevel=6, mtime=0)


def _frame(name: str) -> tuple[bytes, bytes]:
    """What comes before and after the pieces (an empty node opens the list, so every
    piece can start with a comma)."""
    if name != JSONLD:
        return b"", b""
    head = '{"@context": ' + json.dumps(context_document()["@context"], ensure_ascii=False)
    head += ', "@graph": [{}'
    return gzip.compress(head.encode(), mtime=0), gzip.compress(b"\n]}\n", mtime=0)


def current(store: Store, name: str) -> DumpInfo | None:
    found = store.dump(name)
    return DumpInfo(name, *found) if found else None


def build(store: Store, progress: Callable[[str], None] | None = None) -> list[DumpInfo]:
    """Bring every dump up to the store's last member (no-op when it already is)."""
    say = progress or (lambda _m: None)
    out = []
    for name, fmt in PIECES.items():
        with store.db.snapshot():
            generation = store.last_seq()
            known = current(store, name)
            if known is not None and known.generation == generation:
                out.append(known)
                continue
            spool = tempfile.TemporaryFile()  # noqa: SIM115 (closed below, after the write)
            head, tail = _frame(name)
            digest, size, entities = hashlib.sha256(), 0, 0
            for chunk in (head,):
                spool.write(chunk)
                digest.update(chunk)
                size += len(chunk)
            for _path, body, _immutable in store.iter_documents(fmt, "/doc/"):
                spool.write(body)
                digest.update(body)
                size += len(body)
                entities += 1
            spool.write(tail)
            digest.update(tail)
            size += len(tail)
        spool.seek(0)
        parts = 0
        with store.writing():
            while chunk := spool.read(PART_BYTES):
                store.put_dump_part(name, generation, parts, chunk)
                parts += 1
            store.finish_dump(name, generation, size, digest.hexdigest(), utc_now(), parts)
        spool.close()
        info = current(store, name)
        assert info is not None
        say(f"dump {name}: {entities} entities, {size:,} bytes")
        out.append(info)
    return out
