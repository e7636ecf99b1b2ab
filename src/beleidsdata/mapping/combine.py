"""One entity from what several documents say about it.

A decision cited by two reports, a section quoted by two exports and numbered by the
agreement text: each document contributes triples about the same IRI, and the entity is
their union. Where the union would give a thing two values of a property that has one
(two spellings of a title, two extractions of a section's text), one value is chosen,
deterministically: a value from a document that is the entity's primary source (the
agreement text for its sections, the government's decision list for its decisions) wins,
then the smallest in N-Triples order. The choice depends only on the set of contributions,
never on the order in which documents arrived.

A document that only repeats what the entity's *base* says adds nothing, and is not listed
among the entity's sources either. The base is what its primary sources say (every
evaluation of a legislature restates the agreement's sections as the agreement's chapters
give them) or, for an entity without one (a minister's mandate, named by every document
the minister signs), the contribution of the source with the smallest IRI. Otherwise a
shared entity would gain a derivation, and a version every replica keeps, with every such
document, and its description would grow with the corpus. Both choices depend only on the
set of contributions. What a left-out document says stays traceable through the base's
source, and the document's own entities keep their links to the shared one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from . import terms
from .graph import EntityDescription
from .namespaces import BD, BESLUIT, DCT, DOSSIER, ELI, PROV, SCHEMA
from .terms import IRI, Literal, Term, Triple

# Properties with one value (per language, for texts) on every class we publish.
FUNCTIONAL = frozenset(
    {
        DCT.title,
        DCT.description,
        DCT.identifier,
        PROV.value,
        ELI.number,
        SCHEMA.position,
        SCHEMA.value,
        SCHEMA.currency,
        BD.bedragTekst,
        BD.aangekondigdAantalActiepunten,
        BESLUIT["Agendapunt.type"],
        DOSSIER["Activiteit.startdatum"],
    }
)


@dataclass(frozen=True)
class Contribution:
    """What one source document says about one entity."""

    source: str  # the source document's IRI
    triples: frozenset[Triple]
    primary: bool = False  # the document is the primary source for this kind of entity


def is_provenance(triple: Triple) -> bool:
    """A triple that says where a resource was read, not what it is (:mod:`.graph`)."""
    s, p, _ = triple
    return p in (PROV.wasDerivedFrom, PROV.qualifiedDerivation) or "#herkomst-" in s


def content_of(triples: Iterable[Triple]) -> set[Triple]:
    return {t for t in triples if not is_provenance(t)}


def base_of(parts: Sequence[Contribution]) -> list[Contribution]:
    """The contributions others are measured against: the primary ones, or else the one
    from the source with the smallest IRI."""
    primary = [part for part in parts if part.primary]
    if primary or not parts:
        return primary
    return [min(parts, key=lambda part: part.source)]


def adds_nothing(part: Contribution, base_content: set[Triple]) -> bool:
    """A secondary contribution whose every statement the base already makes."""
    return not part.primary and content_of(part.triples) <= base_content


def combine(iri: str, path: str, parts: Iterable[Contribution]) -> EntityDescription:
    """The entity described by all its contributions (see the module docstring)."""
    parts = list(parts)
    base = base_of(parts)
    base_content: set[Triple] = set()
    for part in base:
        base_content |= content_of(part.triples)
    chosen_base = {id(part) for part in base}
    parts = [p for p in parts if id(p) in chosen_base or not adds_nothing(p, base_content)]
    chosen: dict[tuple[IRI, IRI, str | None], tuple[bool, str, Term]] = {}
    plain: set[Triple] = set()
    for part in parts:
        for triple in part.triples:
            s, p, o = triple
            if p not in FUNCTIONAL:
                plain.add(triple)
                continue
            slot = (s, p, o.lang if isinstance(o, Literal) else None)
            # Rank: primary sources first (False sorts before True), then N-Triples order.
            rank = (not part.primary, terms.nt_term(o), o)
            known = chosen.get(slot)
            if known is None or rank[:2] < known[:2]:
                chosen[slot] = rank
    merged = plain | {(s, p, value) for (s, p, _), (_, _, value) in chosen.items()}
    return EntityDescription.build(iri, path, merged)
