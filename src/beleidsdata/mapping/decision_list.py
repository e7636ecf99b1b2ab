"""The government's decision lists → the decisions themselves, as their primary source.

Each item is a decision (:mod:`.decisions`): ``besluit:Agendapunt`` with its treatment and
``besluitvorming:Beslissingsactiviteit`` dated at the meeting, named by the meeting date
and its title exactly as an evaluation citing it names it, so the two meet at one IRI and
the entity carries what both say. An item without a title is named by a hash of what was
decided: it merges with nothing (never a wrong merge). The proposers are persons with the
office the list names (:mod:`.people`), linked by ``bd:voorgesteldDoor``; the amounts
come out of the text as ``schema:MonetaryAmount``; the kind of approval is a concept of
the goedkeuringssoort scheme, with the Themis result (approved, acknowledged), only where
the text states it. The list itself is an ``eli:Work`` of its meeting date that
references its decisions.
"""

from __future__ import annotations

from ..sources import ParsedDocument
from ..sources.decision_list import DecisionList, Item
from . import terms
from .common import Origin, work
from .decisions import DecisionMention, decision_iri, decision_title_fact, describe_decision
from .facts import Fact, FactLookup
from .graph import GraphBuilder
from .namespaces import BD, BESLUITVORMING, DCT, ELI
from .people import mandatary, person
from .terms import IRI
from .uris import Minter, concept, fragment, normalise_title, short_hash

APPROVALS = "goedkeuringssoort"  # our concept scheme (vocab/concepten.ttl)
_RESULTS = "http://themis.vlaanderen.be/id/concept/beslissing-resultaatcodes/"
APPROVED = IRI(_RESULTS + "56312c4b-9d2a-4735-b0b1-2ff14bb524fd")  # Goedgekeurd
ACKNOWLEDGED = IRI(_RESULTS + "9f342a88-9485-4a83-87d9-245ed4b504bf")  # Akte genomen


def item_iri(minter: Minter, date: str, item: Item) -> IRI:
    """A decision by its meeting date and title; an untitled one by what was decided."""
    fallback = short_hash(normalise_title(item.text or str(item.number)))
    return decision_iri(minter, date, item.title, fallback)


def map_decision_list(doc: ParsedDocument[DecisionList], out: GraphBuilder) -> IRI:
    record = doc.record
    origin = Origin(doc.source)
    iri = out.minter.decision_list(record.date)
    work(out, origin, iri, (ELI.Work,), "beslissingenlijst", record.title, record.span)
    out.add(iri, ELI.date_document, terms.date(record.date))
    for item in record.items:
        decision = item_iri(out.minter, record.date, item)
        describe_decision(
            out,
            decision,
            DecisionMention(
                date=record.date,
                source=doc.source,
                span=item.span,
                title=item.title,
                summary=item.text or None,
            ),
        )
        out.add(iri, DCT.references, decision)
        for proposer in item.proposers:
            n = proposer.name
            if proposer.role:
                role = proposer.role[:1].upper() + proposer.role[1:]
                who = mandatary(
                    out, origin, n.name, n.given_name, n.family_name, role, proposer.span
                )
            else:
                who = person(out, origin, n.name, n.given_name, n.family_name, proposer.span)
            out.add(decision, BD.voorgesteldDoor, who)
        activity = fragment(decision, "beslissing")
        for kind in item.approvals:
            out.add(activity, BD.goedkeuringssoort, concept(APPROVALS, kind))
        if item.approvals:
            acknowledged = set(item.approvals) == {"kennisname"}
            out.add(activity, BESLUITVORMING.resultaat, ACKNOWLEDGED if acknowledged else APPROVED)
    return iri


class DecisionListMapper:
    """Maps a decision list; it offers the date of each titled decision, so a note to the
    government that names its decision by subject only finds its meeting."""

    def collect(self, doc: ParsedDocument[DecisionList], minter: Minter) -> list[Fact]:
        return [
            decision_title_fact(doc.record.date, item.title, None)
            for item in doc.record.items
            if item.title
        ]

    def map_document(
        self, doc: ParsedDocument[DecisionList], facts: FactLookup, out: GraphBuilder
    ) -> None:
        map_decision_list(doc, out)


MAPPER = DecisionListMapper()
