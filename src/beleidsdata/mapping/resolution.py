"""Parliament resolutions and motions → ``eli:LegalResource`` with ordered parts.

Each clause ("gelet op", "overwegende dat", "vraagt de Vlaamse Regering om"…) is a part,
each numbered point of a clause a part of that, recursively (1° → a) → i)). IRIs follow
the numbering as written, so ``…/verzoek/1/b/iii`` is request 1°, point b), sub-point iii).
"""

from __future__ import annotations

from ..sources import ParsedDocument
from ..sources.resolution import Point, Resolution
from . import terms
from .common import Origin, part, work
from .graph import GraphBuilder
from .mapper import SelfContained
from .namespaces import DCT, ELI
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

# EU resource-type table: a resolution (motions have no own code there).
RESOURCE_TYPE_RESOLUTION = IRI("http://publications.europa.eu/resource/authority/resource-type/RES")


def map_resolution(doc: ParsedDocument[Resolution], out: GraphBuilder) -> IRI:
    record: Resolution = doc.record
    origin = Origin(doc.source)
    iri = out.minter.resolution(record.kind, natural_key(record))
    work(out, origin, iri, (ELI.LegalResource,), record.kind, record.title, record.span)
    out.add(iri, ELI.passed_by, VLAAMS_PARLEMENT)
    if record.kind == "resolutie":
        out.add(iri, ELI.type_document, RESOURCE_TYPE_RESOLUTION)
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
