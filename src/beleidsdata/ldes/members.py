"""Members of the event stream: one version per create, update or delete of an entity.

A member is a version IRI (``{entity}/versie/{n}``) with its bookkeeping, the version's
own triples in the default graph: ``dct:isVersionOf`` the entity, ``prov:generatedAtTime``
the event time, an activity-streams type saying what happened (``as:Create``,
``as:Update``, ``as:Delete``, as the stream declares with ``ldes:version…Object``) and
``prov:wasAttributedTo`` who published it. Its payload is the entity's description exactly
as ``/doc`` serves it, and how it travels depends on the format:

- **quad formats** (N-Quads, TriG, JSON-LD) put the payload in the named graph of the
  version IRI, untouched: the entity's own IRI and its ``#fragment`` nodes. Every
  extraction rule of LDES 1.0 (star pattern, named graph, shape) gets the member whole,
  and version materialization (replace the version IRI by the entity IRI wherever it
  occurs, drop the version's own triples) gives exactly the ``/doc`` graph, in a graph
  named after the entity that a replica replaces member by member.
- **triple formats** (Turtle, N-Triples) have no graphs to keep two versions of one entity
  apart on one page, so the payload is restated about the version IRI, nested nodes under
  it (``{version}#bedrag-12000000``); the stream's ``tree:shape`` reaches them all.

Fragments are built from the bytes serialised for ``/doc`` at ingest, not serialised
again.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from ..mapping.namespaces import AS, DCT, PROV, RDF
from ..mapping.terms import IRI, Triple, datetime, nt_line

EVENT_TYPES = {"create": AS.Create, "update": AS.Update, "delete": AS.Delete}
EVENT_NAMES = {"create": "Create", "update": "Update", "delete": "Delete"}


def version_iri(entity: str, version: int) -> IRI:
    return IRI(f"{entity}/versie/{version}")


@dataclass(frozen=True)
class Version:
    """One member's identity and bookkeeping."""

    entity: str
    number: int
    event: str  # "create" | "update" | "delete"
    time: str  # ISO 8601 UTC with milliseconds and a Z
    publisher: str | None = None  # the agent IRI the publication is attributed to

    @property
    def iri(self) -> IRI:
        return version_iri(self.entity, self.number)

    def bookkeeping(self) -> list[Triple]:
        """The version's own triples (default graph)."""
        v = self.iri
        out: list[Triple] = [
            (v, IRI(RDF.type), IRI(EVENT_TYPES[self.event])),
            (v, IRI(DCT.isVersionOf), IRI(self.entity)),
            (v, IRI(PROV.generatedAtTime), datetime(self.time)),
        ]
        if self.publisher:
            out.append((v, IRI(PROV.wasAttributedTo), IRI(self.publisher)))
        return out


def restate(triples: Sequence[Triple], entity: str, version: str) -> list[Triple]:
    """The payload about the version IRI, nested nodes under it (triple formats)."""
    prefix = entity + "#"

    def swap(term: str) -> IRI:
        if term == entity:
            return IRI(version)
        if term.startswith(prefix):
            return IRI(version + "#" + term[len(prefix) :])
        return IRI(term)

    return [(swap(s), p, swap(o) if isinstance(o, IRI) else o) for s, p, o in triples]


def _turtle_body(text: str) -> str:
    """Turtle without its prefix lines: a page declares every prefix once at the top."""
    return "".join(line + "\n" for line in text.splitlines() if not line.startswith("@prefix"))


def _jsonld_nodes(document: bytes) -> list[object]:
    doc = json.loads(document)
    doc.pop("@context", None)
    return list(doc["@graph"]) if "@graph" in doc else [doc]


def fragments(
    version: Version, triples: Sequence[Triple], documents: dict[str, bytes]
) -> dict[str, bytes]:
    """The member as a piece of a page, per stream format.

    ``documents`` (the entity's stored ``nt``, ``ttl`` and ``jsonld`` bytes) is its
    payload, empty for a delete. The restated payload of the triple formats is the same
    bytes with the entity's IRI (and its ``#`` nodes') swapped for the version's.
    """
    v, entity = version.iri, version.entity
    book_nt = "".join(nt_line(t) + "\n" for t in version.bookkeeping())
    payload_nt = documents.get("nt", b"").decode()
    payload_ttl = _turtle_body(documents.get("ttl", b"").decode())
    quads = "".join(line[:-1] + f"<{v}> .\n" for line in payload_nt.splitlines())

    def swap(text: str) -> str:
        return text.replace(f"<{entity}>", f"<{v}>").replace(f"<{entity}#", f"<{v}#")

    node: dict[str, object] = {
        "id": v,
        "type": EVENT_NAMES[version.event],
        "versieVan": entity,
        "tijdstip": version.time,
    }
    if version.publisher:
        node["uitgegevenDoor"] = version.publisher
    if documents.get("jsonld"):
        node["@graph"] = _jsonld_nodes(documents["jsonld"])
    trig = book_nt + (f"<{v}> {{\n{payload_ttl}}}\n" if payload_ttl.strip() else "")
    return {
        "nq": (book_nt + quads).encode(),
        "trig": trig.encode(),
        "jsonld": json.dumps(node, ensure_ascii=False).encode(),
        "nt": (book_nt + swap(payload_nt)).encode(),
        "ttl": (book_nt + swap(payload_ttl)).encode(),
    }
