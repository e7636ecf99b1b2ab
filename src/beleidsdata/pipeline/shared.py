"""Which shared entities an ingest need not rebuild (see ADR 9).

An entity many documents mention (an agreement every evaluation quotes, a mandate every
signed note names) is combined from all their contributions; rebuilding it for each new
document would cost every contribution ever stored. When the new or replaced documents
only repeat the entity's base, :func:`~beleidsdata.mapping.combine.combine` leaves their
parts out and the entity stays as it is, which the base alone shows.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..mapping.combine import Contribution, adds_nothing, content_of
from ..mapping.terms import Triple, parse_ntriples
from ..store.core import Store


def repeated_only(
    store: Store,
    affected: set[str],
    old: Mapping[str, Mapping[str, tuple[bool, str]]],
    fresh: Mapping[str, Sequence[Contribution]],
    replaced: set[str],
) -> set[str]:
    """The affected entities this ingest leaves as they are: everything the replaced
    documents said of them, before and after, repeats the entity's base (its primary
    sources, or the contribution from the smallest source IRI, which none of them
    displaces), and :func:`~beleidsdata.mapping.combine.combine` leaves such parts out. They
    are not rebuilt, so a mandate that every signed document names, or an agreement that
    every evaluation quotes, costs its base, not every document that ever mentioned it."""
    candidates = {
        entity
        for entity in affected
        if not any(part.primary for part in fresh.get(entity, ()))
        and not any(parts[entity][0] for parts in old.values() if entity in parts)
    }
    unchanged: set[str] = set()
    for entity, (primary, base) in store.base_contributions_to(candidates, replaced).items():
        parts = [
            Contribution(source, frozenset(parse_ntriples(parts[entity][1])))
            for source, parts in old.items()
            if entity in parts
        ] + list(fresh.get(entity, ()))
        if not primary and any(part.source < base[0][0] for part in parts):
            continue  # one of these documents is (or was) the base: rebuild
        content: set[Triple] = set()
        for _source, body in base:
            content |= content_of(parse_ntriples(body))
        if all(adds_nothing(part, content) for part in parts):
            unchanged.add(entity)
    return unchanged
