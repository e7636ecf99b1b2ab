"""One entity from what several documents say about it.

A decision cited by two reports, a section quoted by two exports and numbered by the
agreement text: each document contributes triples about the same IRI, and the entity is
their union. Where the union would give a thing two values of a property that has one
(two spellings of a title, two extractions of a section's text), one value is chosen,
deterministically: a value from a document that is the entity's primary source (the
agreement text for its sections, the government's decision list for its decisions) wins,
then the smallest in N-Triples order. The choice depends only on the set of contributions,
never on the order in which documents arrived.
"""

from __future__ import annotations

from collections.abc import Iterable
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


def combine(iri: str, path: str, parts: Iterable[Contribution]) -> EntityDescription:
    """The entity described by all its contributions (see the module docstring)."""
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
