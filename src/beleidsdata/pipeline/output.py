"""What an ingest writes for one changed entity: its bytes, links, index row and member.

Each description is serialised once per stored format (:mod:`beleidsdata.formats.registry`);
the member's fragments for the stream pages are cut from those same bytes
(:mod:`beleidsdata.ldes.members`), never serialised again. A batch is rendered first
(pure work) and then written in a few statements per table, not a dozen per entity.
"""

from __future__ import annotations

import gzip
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..formats.registry import serialise_all
from ..ldes.dump import jsonld_piece
from ..ldes.members import Version, fragments
from ..mapping.graph import EntityDescription
from ..mapping.namespaces import DCT, SKOS
from ..mapping.terms import IRI, Literal
from ..mapping.uris import Minter
from ..store.core import Store
from ..store.index import IndexEntry, index_entry
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


@dataclass(frozen=True)
class Rendered:
    """Everything an ingest writes for one changed entity, computed before any write."""

    entity: EntityDescription
    documents: dict[str, bytes]  # every stored format, the dump pieces included
    links: list[tuple[str, str]]
    title: str | None
    index: IndexEntry


def render_entity(entity: EntityDescription, minter: Minter, context: str) -> Rendered:
    """The entity's bytes in every stored format (each serialised once), its links and
    its index row: pure, so a batch is computed first and written in a few statements."""
    documents = serialise_all(entity.triples, entity.iri, context, entity.ntriples)
    documents[DUMP_FORMAT] = dump_piece(entity)
    documents["jsonld.gz"] = jsonld_piece(documents["jsonld"], entity.iri)
    return Rendered(
        entity,
        documents,
        links_of(entity, minter),
        title_of(entity),
        index_entry(entity, minter.id_root),
    )


def write_entities(
    store: Store,
    rendered: Sequence[Rendered],
    events: Mapping[str, str],
    time: str,
    first_seq: int,
    publisher: str | None,
) -> list[Member]:
    """Store the entities' current bytes, links and index rows, and their members (seq
    ``first_seq`` on, in the given order); ``events`` is each entity's create or update."""
    store.put_documents(
        [(doc_path(r.entity.path), f, body) for r in rendered for f, body in r.documents.items()],
        time,
    )
    rows = [(r.entity, r.title) for r in rendered]
    versions = store.upsert_entities(
        [(e.iri, e.path, e.kind, e.content_hash, title, e.types) for e, title in rows], time
    )
    store.replace_links([(r.entity.iri, r.links) for r in rendered])
    members = []
    for seq, r in enumerate(rendered, first_seq):
        entity = r.entity
        store.write_index(entity.iri, entity.path, entity.kind, r.index)
        v = Version(entity.iri, versions[entity.iri], events[entity.iri], time, publisher)
        members.append(
            Member(
                seq=seq,
                iri=v.iri,
                entity=entity.iri,
                kind=entity.kind,
                version=v.number,
                event=v.event,
                time=time,
                content_hash=entity.content_hash,
                publisher=publisher,
                fragments=fragments(v, entity.triples, r.documents),
            )
        )
    store.append_members(members)
    return members


def delete_entity(
    store: Store, iri: str, path: str, kind: str, time: str, seq: int, publisher: str | None
) -> Member:
    """Mark the entity deleted (its /doc answers 410) and append its delete member."""
    store.delete_documents(doc_path(path))
    store.delete_index(iri)
    store.replace_links([(iri, [])])
    version = store.upsert_entities([(iri, path, kind, None, None, ())], time)[iri]
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
    store.append_members([member])
    return member
