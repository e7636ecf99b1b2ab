"""What an ingest writes for one changed entity: its bytes, links, index row and member.

Each description is serialised once per stored format (:mod:`beleidsdata.formats.registry`);
the member's fragments for the stream pages are cut from those same bytes
(:mod:`beleidsdata.ldes.members`), never serialised again.
"""

from __future__ import annotations

import gzip

from ..formats.registry import serialise_all
from ..ldes.dump import jsonld_piece
from ..ldes.members import Version, fragments
from ..mapping.graph import EntityDescription
from ..mapping.namespaces import DCT, SKOS
from ..mapping.terms import IRI, Literal
from ..mapping.uris import Minter
from ..store.core import Store
from ..store.index import index_entry
from ..store.records import Member

DUMP_FORMAT = "nq.gz"  # each entity's piece of the current-state dump


def doc_path(path: str) -> str:
    return f"/doc/{path}"


def title_of(entity: EntityDescription) -> str | None:
    for predicate in (DCT.title, SKOS.prefLabel):
        values = [v for v in entity.values(predicate) if isinstance(v, Literal)]
        if values:
            return sorted(values, key=lambda v: (v.lang != "nl", v.lexical))[0].lexical
    return None


def links_of(entity: EntityDescription, minter: Minter) -> list[tuple[str, str]]:
    """(target entity, predicate) for every link from this entity (or a node under it) to
    another of our entities: what the site shows as "cites" and, reversed, "cited by"."""
    out = set()
    for _, p, o in entity.triples:
        if isinstance(o, IRI) and minter.is_ours(o):
            target = o.split("#", 1)[0]
            if target != entity.iri:
                out.add((target, str(p)))
    return sorted(out)


def dump_piece(entity: EntityDescription) -> bytes:
    """The entity as N-Quads in the graph named after it, gzip-compressed on its own:
    gzip members concatenate, so the dump is these pieces one after the other."""
    graph = f" <{entity.iri}> .\n"
    quads = "".join(line[:-3] + graph for line in entity.ntriples.splitlines(keepends=True))
    return gzip.compress(quads.encode(), compresslevel=6, mtime=0)


def write_entity(
    store: Store,
    entity: EntityDescription,
    minter: Minter,
    context: str,
    time: str,
    event: str,
    seq: int,
    publisher: str | None,
) -> Member:
    """Store the entity's current bytes, links and index row, and its member."""
    documents = serialise_all(entity.triples, entity.iri, context, entity.ntriples)
    path = doc_path(entity.path)
    for fmt, body in documents.items():
        store.put_document(path, fmt, body, time)
    store.put_document(path, DUMP_FORMAT, dump_piece(entity), time)
    store.put_document(path, "jsonld.gz", jsonld_piece(documents["jsonld"], entity.iri), time)
    version = store.upsert_entity(
        entity.iri,
        entity.path,
        entity.kind,
        entity.content_hash,
        time,
        title_of(entity),
        entity.types,
    )
    store.write_links(entity.iri, links_of(entity, minter))
    store.write_index(entity.iri, entity.path, entity.kind, index_entry(entity, minter.id_root))
    v = Version(entity.iri, version, event, time, publisher)
    member = Member(
        seq=seq,
        iri=v.iri,
        entity=entity.iri,
        kind=entity.kind,
        version=version,
        event=event,
        time=time,
        content_hash=entity.content_hash,
        publisher=publisher,
        fragments=fragments(v, entity.triples, documents),
    )
    store.append_member(member)
    return member


def delete_entity(
    store: Store, iri: str, path: str, kind: str, time: str, seq: int, publisher: str | None
) -> Member:
    """Mark the entity deleted (its /doc answers 410) and append its delete member."""
    store.delete_documents(doc_path(path))
    store.delete_index(iri)
    store.write_links(iri, [])
    version = store.upsert_entity(iri, path, kind, None, time, None, ())
    v = Version(iri, version, "delete", time, publisher)
    member = Member(
        seq=seq,
        iri=v.iri,
        entity=iri,
        kind=kind,
        version=version,
        event="delete",
        time=time,
        content_hash="deleted",
        publisher=publisher,
        fragments=fragments(v, (), {}),
    )
    store.append_member(member)
    return member
