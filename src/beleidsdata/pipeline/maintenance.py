"""Work on a whole store: rebuilding derived indexes, and mapping every source again.

Both are rare (a restore, a schema upgrade) and run a batch at a time with flat memory.
Mapping again is how an upgrade from an older schema fills the contribution and fact
indexes; entities whose description the new mapping changes get one update member each,
their versions continuing, so replicas simply see the change.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .. import kinds
from ..kinds.convert import combine_all, contributions, map_batch
from ..mapping.graph import EntityDescription
from ..mapping.terms import parse_ntriples, to_ntriples
from ..mapping.uris import Minter
from ..sources.base import ParsedDocument, SourceText
from ..store.core import Store, utc_now
from ..store.index import index_entry
from .output import links_of

Progress = Callable[[str], None]


def rebuild_index(store: Store) -> int:
    """The collections index and the links between entities, from the stored N-Triples
    of every current entity (after a restore: they are derived data)."""
    minter = Minter(store.base_iri)
    count = 0
    for path in store.iter_entity_paths():
        doc = store.document(f"/doc/{path}", "nt")
        if doc is None:
            continue
        iri = minter.iri_of(path)
        entity = EntityDescription.build(iri, path, parse_ntriples(doc.body.decode()))
        store.write_index(iri, path, entity.kind, index_entry(entity, minter.id_root))
        store.write_links(iri, links_of(entity, minter))
        count += 1
    return count


def remap_all(store: Store, progress: Progress | None = None) -> int:
    """Map every stored source again and publish what changed (inside one transaction).
    Returns the number of members written."""
    from .ingest import LOCAL, publish_changes

    say = progress or (lambda _m: None)
    minter = Minter(store.base_iri)
    with store.writing():
        records = store.sources()
        documents: list[ParsedDocument[Any]] = [
            kinds.parse(SourceText.stored(r.name, r.text, r.sha256), r.kind, partial=r.partial)
            for r in records
        ]
        say(f"mapping {len(documents)} stored document(s) again")
        mapped = map_batch(documents, minter)
        for doc in mapped:
            parts = {
                entity: (c.primary, to_ntriples(c.triples))
                for entity, cs in contributions([doc], minter).items()
                for c in cs
            }
            store.replace_contributions(doc.source, parts)
            store.replace_facts(doc.source, doc.facts, doc.uses)
        entities = combine_all(mapped, minter)
        current = {minter.iri_of(path) for path in store.iter_entity_paths()}
        written = publish_changes(
            store, minter, entities, set(entities) | current, LOCAL, utc_now(), say
        )
        store.set_meta("needs_remap", None)
        return len(written)
