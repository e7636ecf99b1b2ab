"""Ingest and withdraw: one transaction whose cost follows what changed, not the store.

The current state is a function of the *set* of stored documents, kept so by indexes
instead of re-converting everything:

- ``contributions``: what each document says about each entity. An entity several
  documents speak of (a decision cited by many reports, the section every evaluation of
  it quotes) is rebuilt from the stored contributions plus the new ones, without mapping
  the other documents again.
- ``facts`` and ``fact_uses``: the little one document's mapping takes from another
  (:mod:`beleidsdata.mapping.facts`). When a document changes a fact, exactly the
  documents that asked for it are mapped again, from their stored text.

So an ingest maps the new or changed documents and their few dependents, combines the
entities they touch, validates and serialises only what changed, and writes it all in
one transaction under the store's write lock (a second writer waits, then gets
:class:`~beleidsdata.errors.StoreBusy`). A document with the same name and hash as the
stored one is a no-op; the diff is read inside the same transaction that writes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from .. import kinds
from ..errors import SourceError
from ..formats.context import context_url
from ..kinds.convert import contributions
from ..ldes.layout import StreamLayout
from ..ldes.publish import publish, render_publisher
from ..mapping.combine import Contribution, combine
from ..mapping.facts import JSON, Fact, FactKey
from ..mapping.graph import EntityDescription
from ..mapping.mapper import Mapped, map_one
from ..mapping.provenance import derivations, resolve
from ..mapping.terms import parse_ntriples, to_ntriples
from ..mapping.uris import Minter
from ..sources.base import ParsedDocument, SourceText
from ..store.core import DEFAULT_WAIT, Store, utc_now
from ..store.records import Member, SourceRecord
from .checks import check_entities, stored_types
from .convert import parse_all
from .output import delete_entity, render_entity, write_entities
from .pause import collection_paused
from .shared import repeated_only

Progress = Callable[[str], None]
LOCAL = "lokaal"  # who publishes from the command line


@dataclass
class IngestResult:
    """What one ingest or withdrawal changed."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    members: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)  # ingested or withdrawn (file names)
    unchanged: list[str] = field(default_factory=list)  # same name and content: no-op
    remapped: list[str] = field(default_factory=list)  # stored documents mapped again
    new_sources: list[str] = field(default_factory=list)  # names not stored before
    warnings: list[str] = field(default_factory=list)  # FILE:LINE: note, of what was mapped

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.deleted)

    def summary(self) -> dict[str, Any]:
        return {
            "bronnen": self.sources,
            "ongewijzigd": self.unchanged,
            "opnieuwGelezen": self.remapped,
            "aangemaakt": self.created,
            "gewijzigd": self.updated,
            "verwijderd": self.deleted,
            "leden": self.members,
        }


class _Overlay:
    """The facts as they will be: stored ones, minus those of replaced documents, plus
    the new documents' own (indexed by key once, so a batch's lookups stay cheap)."""

    def __init__(self, store: Store, replaced: set[str], new: Mapping[str, Sequence[Fact]]):
        self._store = store
        self._replaced = replaced
        self._new: dict[FactKey, list[tuple[str, JSON]]] = {}
        for source, facts in new.items():
            for f in facts:
                self._new.setdefault(f.ref, []).append((source, f.value))

    def facts(self, topic: str, key: str) -> list[tuple[str, JSON]]:
        out = [(s, v) for s, v in self._store.facts(topic, key) if s not in self._replaced]
        out += self._new.get((topic, key), [])
        return sorted(out, key=lambda item: item[0])


def _fact_set(facts: Iterable[Fact]) -> dict[FactKey, set[str]]:
    out: dict[FactKey, set[str]] = {}
    for f in facts:
        out.setdefault(f.ref, set()).add(f.encoded())
    return out


def _changed_keys(old: Iterable[Fact], new: Iterable[Fact]) -> set[FactKey]:
    before, after = _fact_set(old), _fact_set(new)
    return {k for k in before.keys() | after.keys() if before.get(k) != after.get(k)}


def _stored_document(record: SourceRecord) -> ParsedDocument[Any]:
    text = SourceText.stored(record.name, record.text, record.sha256)
    return kinds.parse(text, record.kind, partial=record.partial)


def _file_name(name: str) -> str:
    """Sources are published under their file name: never a path of the machine."""
    return PurePath(name.replace("\\", "/")).name


def ingest(
    store: Store,
    texts: Sequence[SourceText],
    *,
    kind: str | None = None,
    progress: Progress | None = None,
    validate: bool = True,
    wait: float = DEFAULT_WAIT,
    publisher: str = LOCAL,
    partial: bool = False,
) -> IngestResult:
    """Convert, validate and store ``texts`` in one transaction (see the module docstring).

    Bad input (unreadable, unknown kind, not conforming) raises before anything is written.
    """
    minter = Minter(store.base_iri)
    # Unchanged documents (same name and bytes) are no-ops: not even parsed.
    stored = store.sources_by_iri(minter.source(t.stem) for t in texts)
    unchanged = [
        t
        for t in texts
        if (r := stored.get(minter.source(t.stem))) is not None
        and r.sha256 == t.sha256
        and r.name == _file_name(t.name)
        and (kind is None or r.kind == kinds.get(kind).key)
    ]
    if len(unchanged) == len(texts):
        return IngestResult(unchanged=[_file_name(t.name) for t in texts])
    with collection_paused():
        documents = parse_all([t for t in texts if t not in unchanged], kind, partial=partial)
        skipped = [_file_name(t.name) for t in unchanged]
        seen: dict[str, str] = {}
        for doc in documents:
            iri = minter.source(doc.source.stem)
            if iri in seen:
                raise SourceError(
                    doc.source.name, f"has the same name as {seen[iri]}; one document per name"
                )
            seen[iri] = doc.source.name
        with store.writing(wait):
            result = _apply(store, minter, documents, [], progress, validate, publisher)
    result.unchanged = sorted(skipped + result.unchanged)
    return result


def withdraw(
    store: Store,
    names: Sequence[str],
    *,
    progress: Progress | None = None,
    wait: float = DEFAULT_WAIT,
    publisher: str = LOCAL,
) -> IngestResult:
    """Withdraw published documents by file name: what only they described gets a delete
    member (its ``/doc`` answers 410), what others also describe is rebuilt without them."""
    minter = Minter(store.base_iri)
    with collection_paused(), store.writing(wait):
        iris = []
        for name in names:
            iri = minter.source(PurePath(_file_name(name)).stem)
            if store.source(iri) is None:
                raise SourceError(name, "no document of this name is published")
            iris.append(iri)
        return _apply(store, minter, [], iris, progress, True, publisher)


def _apply(
    store: Store,
    minter: Minter,
    documents: Sequence[ParsedDocument[Any]],
    withdrawn: Sequence[str],
    progress: Progress | None,
    validate: bool,
    publisher: str,
) -> IngestResult:
    say = progress or (lambda _msg: None)
    result = IngestResult()
    stored = store.sources_by_iri(
        [minter.source(d.source.stem) for d in documents] + list(withdrawn)
    )
    changed: dict[str, ParsedDocument[Any]] = {}
    for doc in documents:
        iri: str = minter.source(doc.source.stem)
        before = stored.get(iri)
        name = _file_name(doc.source.name)
        if (
            before is not None
            and before.sha256 == doc.source.sha256
            and before.kind == doc.kind
            and before.name == name
        ):
            result.unchanged.append(name)
            continue
        changed[iri] = doc
        result.sources.append(name)
        if before is None:
            result.new_sources.append(name)
    result.sources += [stored[iri].name for iri in withdrawn]
    if not changed and not withdrawn:
        return result

    # Facts: which stored documents must be mapped again because a fact they used changed.
    replaced = set(changed) | set(withdrawn)
    new_facts = {
        iri: kinds.get(doc.kind).mapper.collect(doc, minter) for iri, doc in changed.items()
    }
    keys: set[FactKey] = set()
    for iri in replaced:
        keys |= _changed_keys(store.facts_of(iri), new_facts.get(iri, []))
    dependents = store.users_of(keys) - replaced
    again = {iri: _stored_document(r) for iri, r in store.sources_by_iri(dependents).items()}
    result.remapped = sorted(r.source.name for r in again.values())
    say(
        f"mapping {len(changed)} new or changed document(s)"
        + (f" and {len(again)} that depend on them" if again else "")
    )
    overlay = _Overlay(store, replaced, new_facts)  # dependents keep their stored facts
    mapped: list[Mapped] = [
        map_one(kinds.get(doc.kind).mapper, doc, overlay, minter)
        for doc in [*changed.values(), *again.values()]
    ]
    remapped_iris = replaced | set(again)
    names = {
        **{i: d.source.name for i, d in changed.items()},
        **{i: d.source.name for i, d in again.items()},
    }
    for one in mapped:
        result.warnings += [note.where(_file_name(names[one.source])) for note in one.notes]

    # Entities: every one the old or new contributions of those documents touch, except
    # shared ones to which they only repeat what the primary sources say.
    old = {iri: store.contributions_of(iri) for iri in remapped_iris}
    fresh = contributions(mapped, minter)
    affected = {entity for parts in old.values() for entity in parts} | set(fresh)
    affected -= repeated_only(store, affected, old, fresh, remapped_iris)
    kept = store.contributions_to(affected, exclude=remapped_iris)
    entities: dict[str, EntityDescription] = {}
    for iri in sorted(affected):
        parts = [
            Contribution(source, frozenset(parse_ntriples(body)), main)
            for source, main, body in kept.get(iri, [])
        ] + fresh.get(iri, [])
        if parts:
            entities[iri] = combine(iri, minter.path_of(iri), parts)
    # Write the sources and their indexes first: validation and the stream read them.
    time = utc_now()
    for iri, doc in changed.items():
        store.put_source(
            SourceRecord(
                iri=iri,
                name=_file_name(doc.source.name),
                kind=doc.kind,
                sha256=doc.source.sha256,
                text=doc.source.text,
                partial=doc.partial,
                ingested_at=time,
                publisher=publisher,
            )
        )
    for iri in withdrawn:
        store.delete_source(iri)
    for one in mapped:
        bodies = {
            entity: (c.primary, to_ntriples(c.triples))
            for entity, cs in contributions([one], minter).items()
            for c in cs
        }
        store.replace_contributions(one.source, bodies)
        store.replace_facts(one.source, one.facts, one.uses)
    texts: dict[str, SourceText] = {
        minter.source(d.source.stem): d.source for d in [*changed.values(), *again.values()]
    }
    written = publish_changes(
        store, minter, entities, affected, publisher, time, say, validate, texts, result
    )
    store.record_write(
        time,
        publisher,
        "withdraw" if withdrawn and not changed else "ingest",
        result.sources,
        written[0].seq if written else None,
        written[-1].seq if written else None,
        f"{len(result.created)} new, {len(result.updated)} changed, {len(result.deleted)} removed",
    )
    return result


def publish_changes(
    store: Store,
    minter: Minter,
    entities: Mapping[str, EntityDescription],
    affected: Iterable[str],
    publisher: str,
    time: str,
    say: Progress,
    validate: bool = True,
    texts: Mapping[str, SourceText] | None = None,
    result: IngestResult | None = None,
) -> list[Member]:
    """Diff the ``affected`` entities' new descriptions (absent: gone) against the store,
    validate what changed, and write entities, members and the stream nodes they change."""
    result = result if result is not None else IngestResult()
    affected = set(affected)
    states = store.entity_states(affected)
    created = [i for i in entities if i not in states or states[i].deleted]
    updated = [
        i
        for i in entities
        if i in states
        and not states[i].deleted
        and states[i].content_hash != entities[i].content_hash
    ]
    deleted = sorted(i for i in affected - set(entities) if i in states and not states[i].deleted)
    result.created, result.updated, result.deleted = sorted(created), sorted(updated), deleted
    say(f"{len(created)} new, {len(updated)} changed, {len(deleted)} removed entities")
    if validate and (created or updated):
        say(f"validating {len(created) + len(updated)} entities")
        known = dict(texts or {})

        def types_of(iris: Iterable[str]) -> dict[str, tuple[str, ...]]:
            return stored_types(store, iris)

        def locate(iri: str) -> str | None:
            for source, selector in derivations(entities[iri].triples, iri):
                text = known.get(source)
                span = resolve(text.text, selector) if text and selector else None
                if text is not None and span is not None:
                    return f"{_file_name(text.name)}:{span}"
            return None

        check_entities(entities, created + updated, types_of, locate)
    agent = minter.publisher(publisher)
    superseded = store.previous_seqs(result.updated + result.deleted)
    seq = store.last_seq()
    written: list[Member] = []
    context = context_url(store.base_iri)
    changed = sorted(created + updated)
    new = set(created)
    events = {iri: "create" if iri in new else "update" for iri in changed}
    rendered = [render_entity(entities[iri], minter, context) for iri in changed]
    written += write_entities(store, rendered, events, time, seq + 1, agent)
    seq += len(written)
    for iri in deleted:
        seq += 1
        state = states[iri]
        written.append(delete_entity(store, iri, state.path, state.kind, time, seq, agent))
    result.members = [m.iri for m in written]
    if written:
        say(f"writing {len(written)} member(s) and the stream pages they change")
        layout = StreamLayout(store.base_iri, store.page_size)
        render_publisher(store, layout, agent, publisher, time)
        publish(store, layout, written, superseded, time)
    return written
