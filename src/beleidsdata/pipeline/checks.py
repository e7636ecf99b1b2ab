"""Validating what an ingest changes, and saying where a failing resource was read.

Shapes are per resource, so only the changed entities are focus nodes; what they link to
is in the data graph only with its types (from the batch, or from the store: the index
for an entity, the stored description for a node under one, such as a decision's
``#beslissing``), so ``sh:class`` can see them. The work follows the size of the change,
not of the store.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from ..errors import DoesNotConform
from ..mapping.graph import EntityDescription
from ..mapping.namespaces import RDF
from ..mapping.terms import IRI, Triple, entity_of
from ..store.core import Store
from ..validation import ValidationReport, validate_triples

TypesOf = Callable[[Iterable[str]], Mapping[str, tuple[str, ...]]]


class ValidationFailed(DoesNotConform):
    """Converted data does not conform to the shapes; nothing was stored."""

    def __init__(self, report: ValidationReport, locations: dict[str, str]) -> None:
        self.report = report
        self.locations = locations
        super().__init__(f"{len(report.violations)} SHACL violation(s)")

    def lines(self) -> list[str]:
        out = []
        for r in self.report.violations:
            where = self.locations.get(r.focus.split("#", 1)[0], r.focus)
            out.append(f"{where}: {r.focus} {r.path or ''}: {r.message('en')}")
        return out


def stored_types(store: Store, iris: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """The published types of entities and of nodes under them (``#…``), from the store."""
    wanted = set(iris)
    states = store.entity_states({entity_of(i) for i in wanted})
    out = {i: states[i].types for i in wanted if i in states and not states[i].deleted}
    nested: dict[str, set[str]] = {}
    for iri in wanted:
        if "#" in iri:
            nested.setdefault(entity_of(iri), set()).add(iri)
    type_of = f" <{RDF.type}> <"
    for owner, nodes in nested.items():
        state = states.get(owner)
        doc = store.document(f"/doc/{state.path}", "nt") if state and not state.deleted else None
        if doc is None:
            continue
        found: dict[str, list[str]] = {}
        for line in doc.body.decode().splitlines():
            subject, sep, rest = line.partition(type_of)
            if sep and subject[1:-1] in nodes:
                found.setdefault(subject[1:-1], []).append(rest.split(">", 1)[0])
        out.update({node: tuple(types) for node, types in found.items()})
    return out


def _type_triples(entity: EntityDescription) -> dict[str, list[Triple]]:
    """The rdf:type triples of each node of an entity, read in one pass (an entity with
    hundreds of linked fragment nodes is not scanned once per link)."""
    out: dict[str, list[Triple]] = {}
    for t in entity.triples:
        if t[1] == RDF.type:
            out.setdefault(t[0], []).append(t)
    return out


def check_entities(
    entities: Mapping[str, EntityDescription],
    changed: Iterable[str],
    types_of: TypesOf,
    locate: Callable[[str], str | None],
    engine: str = "fast",
) -> ValidationReport:
    """Validate the changed entities; raises :class:`ValidationFailed` naming the source
    file and lines of each failing resource."""
    changed = set(changed)
    triples: set[Triple] = set()
    linked: set[str] = set()
    for iri in changed:
        ent = entities[iri]
        triples.update(ent.triples)
        linked.update(o for _, _, o in ent.triples if isinstance(o, IRI))
    outside: set[str] = set()
    typed: dict[str, dict[str, list[Triple]]] = {}  # owner → node → its rdf:type triples
    for target in linked:
        owner_iri = entity_of(target)
        owner = entities.get(owner_iri)
        if owner is not None:
            node_types = typed.get(owner_iri)
            if node_types is None:
                node_types = typed[owner_iri] = _type_triples(owner)
            triples.update(node_types.get(target, ()))
        else:
            outside.add(target)
    for target, types in types_of(outside).items():
        triples.update((IRI(target), IRI(RDF.type), IRI(t)) for t in types)
    focus = sorted(
        {
            str(s)
            for iri in changed
            for s in {t[0] for t in entities[iri].triples}
            if entity_of(s) == iri
        }
    )
    # Source lines come from the ingest's own texts (``locate``), not from the data.
    report = validate_triples(triples, focus_nodes=focus, engine=engine, provenance=False)
    # Linked resources are in the data graph only so sh:class can see their types.
    report.results = [r for r in report.results if r.focus.split("#", 1)[0] in changed]
    report.conforms = not report.violations
    if report.violations:
        where = {iri: locate(iri) for iri in {r.focus.split("#", 1)[0] for r in report.violations}}
        raise ValidationFailed(report, {k: v for k, v in where.items() if v})
    return report
