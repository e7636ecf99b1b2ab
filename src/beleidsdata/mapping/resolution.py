"""Parliament resolutions and motions → ``eli:LegalResource`` with ordered parts.

Each clause ("gelet op", "overwegende dat", "vraagt de Vlaamse Regering om"…) is a part,
each numbered point of a clause a part of that, recursively (1° → a) → i)). IRIs follow
the numbering as written, so ``…/verzoek/1/b/iii`` is request 1°, point b), sub-point iii).
"""

from __future__ import annotations

from ..sources import ParsedDocument
from ..sources.resolution import Point, Resolution
from ..sources.resolution.signatures import SUBMITTER
from . import terms
from .common import Origin, part, work
from .graph import GraphBuilder
from .mapper import SelfContained
from .namespaces import DCT, ELI
from .people import mandatary, person
from .terms import IRI
from .uris import VLAAMS_PARLEMENT, normalise_title, short_hash, slug

# Clause type → (IRI path segment, concept in our onderdeelsoort scheme).
CLAUSE_PARTS = {
    "citation": ("gelet-op", "gelet-op"),
    "hearing": ("gehoord", "gehoord"),
    "recital": ("overweging", "overweging"),
    "finding": ("vaststelling", "vaststelling"),
    "request": ("verzoek", "verzoek"),
    "recommendation": ("aanbeveling", "aanbeveling"),
    "declaration": ("verklaring", "verklaring"),  # "spreekt zich uit …"
    "decision": ("orde-van-de-dag", "orde-van-de-dag"),  # "gaat over tot de orde van de dag"
}

# Document kind of a Parliament text that does not say whether it is a motion or a resolution.
UNSTATED = "parlementaire-tekst"
# EU resource-type table: a resolution (motions have no own code there).
RESOURCE_TYPE_RESOLUTION = IRI("http://publications.europa.eu/resource/authority/resource-type/RES")


def map_resolution(doc: ParsedDocument[Resolution], out: GraphBuilder) -> IRI:
    record: Resolution = doc.record
    origin = Origin(doc.source)
    iri = out.minter.resolution(record.kind, natural_key(record))
    # Typed only as the text states it: a text that does not say whether it is a motion
    # or a resolution is a Parliament text (its IRI keeps the kind's path segment).
    stated = record.kind if record.stated_kind else UNSTATED
    work(out, origin, iri, (ELI.LegalResource,), stated, record.title, record.span)
    out.add(iri, ELI.passed_by, VLAAMS_PARLEMENT)
    if stated == "resolutie":
        out.add(iri, ELI.type_document, RESOURCE_TYPE_RESOLUTION)
    for signatory in record.signatories:
        n = signatory.name
        if signatory.role == SUBMITTER:
            who = person(out, origin, n.name, n.given_name, n.family_name, signatory.span)
        else:
            # "voorzitter", "griffier van het Vlaams Parlement": the office in full.
            office = f"{signatory.role.split(' van ')[0].capitalize()} van het Vlaams Parlement"
            who = mandatary(
                out,
                origin,
                n.name,
                n.given_name,
                n.family_name,
                office,
                signatory.span,
            )
        out.add(iri, DCT.creator, who)
    if record.document_number:
        out.add(iri, DCT.identifier, terms.string(record.document_number))
    if record.date:
        out.add(iri, ELI.date_document, terms.date(record.date))

    seen: dict[str, int] = {}
    for position, clause in enumerate(record.clauses, 1):
        segment, kind = CLAUSE_PARTS.get(clause.type, (slug(clause.type), slug(clause.type)))
        seen[segment] = seen.get(segment, 0) + 1
        name = segment if seen[segment] == 1 else f"{segment}-{seen[segment]}"
        clause_iri = out.minter.child(iri, name)
        part(
            out,
            origin,
            clause_iri,
            iri,
            kind,
            number=None,
            title=clause.intro,
            text=clause.text or None,
            position=position,
            span=clause.span,
            legal=True,
        )
        _points(out, origin, clause_iri, clause.points)
    return iri


def natural_key(record: Resolution) -> str:
    """The document number when the text has one, else its title, else its first point.

    Not a hash of the whole text: an edit to recital 12 must not rename the resolution
    and every part of it.
    """
    if record.document_number:
        return record.key
    if record.title:
        return slug(record.title)
    for clause in record.clauses:
        first = clause.points[0].text if clause.points else clause.text
        if first:
            return short_hash(normalise_title(first), 12)
    return record.key


def _points(out: GraphBuilder, origin: Origin, parent: IRI, points: tuple[Point, ...]) -> None:
    for position, point in enumerate(points, 1):
        iri = out.minter.child(parent, point.number)
        part(
            out,
            origin,
            iri,
            parent,
            "punt",
            number=point.label,
            title=None,
            text=point.text or None,
            position=position,
            span=point.span,
            legal=True,
        )
        _points(out, origin, iri, point.parts)


MAPPER: SelfContained[Resolution] = SelfContained(map_resolution)
