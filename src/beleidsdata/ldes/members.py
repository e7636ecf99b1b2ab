"""Members of the event stream: one version object per create, update or delete.

A member is the entity's description re-stated about a version IRI
(``{entity}/versie/{n}``), with ``dct:isVersionOf`` the entity, ``prov:generatedAtTime``
the event time and an activity-streams type saying what happened. Nested ``#fragment``
nodes move under the version IRI too, so two versions never share a node and a client
that keeps every member in one graph never mixes them up.
"""

from __future__ import annotations

from ..formats import jsonld
from ..formats.turtle import to_turtle
from ..mapping.namespaces import AS, DCT, PROV, RDF
from ..mapping.terms import IRI, Triple, datetime, to_ntriples

EVENT_TYPES = {"create": AS.Create, "update": AS.Update, "delete": AS.Delete}


def version_iri(entity: str, version: int) -> IRI:
    return IRI(f"{entity}/versie/{version}")


def member_triples(
    entity: str, version: int, event: str, time: str, triples: tuple[Triple, ...] = ()
) -> list[Triple]:
    """The triples of one member. A delete carries no description, only the event."""
    member = version_iri(entity, version)
    out: list[Triple] = [
        (member, IRI(RDF.type), IRI(EVENT_TYPES[event])),
        (member, IRI(DCT.isVersionOf), IRI(entity)),
        (member, IRI(PROV.generatedAtTime), datetime(time)),
    ]
    if event == "delete":
        return out
    prefix = entity + "#"
    for s, p, o in triples:
        s2 = _restate(s, entity, member, prefix)
        o2 = _restate(o, entity, member, prefix) if isinstance(o, IRI) else o
        # Links to the entity itself from inside stay links to the entity (the thing),
        # except from its own nested nodes, which now belong to the version.
        out.append((s2, p, o2))
    return out


def _restate(iri: str, entity: str, member: IRI, prefix: str) -> IRI:
    if iri == entity:
        return member
    if iri.startswith(prefix):
        return IRI(member + "#" + iri[len(prefix) :])
    return IRI(iri)


def serialise_member(member: IRI, triples: list[Triple]) -> dict[str, bytes]:
    nt = to_ntriples(triples).encode()
    turtle = to_turtle(triples, first=member)
    body = "".join(line + "\n" for line in turtle.splitlines() if not line.startswith("@prefix"))
    doc = jsonld.to_jsonld(triples, member, context="")
    doc.pop("@context", None)
    nodes = doc.pop("@graph", None) or [doc]
    json_body = ",\n".join(jsonld.dumps(n).decode().rstrip("\n") for n in nodes)
    return {"nt": nt, "ttl": body.lstrip("\n").encode(), "jsonld": json_body.encode()}
