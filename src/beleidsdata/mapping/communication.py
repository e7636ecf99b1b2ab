"""Communications and notes to the Flemish Government → an ELI work with its sections,
the signing ministers as OSLO mandatarissen, and links to what it cites.

A minister is a ``person:Person`` plus a ``mandaat:Mandataris`` (the person holding a
portfolio) that ``org:holds`` a ``mandaat:Mandaat`` (the portfolio). The same portfolio is
held by different people over time, so a mandataris is named by person *and* portfolio.

A communication with a Kaleidos number ("VR 2020 1707 MED.0213") was on the agenda of the
meeting that number dates: it is the document behind that agenda item, which it names by
its subject. It describes the decision (date, title, type) as an evaluation that cites
it would, so both meet at one IRI (:mod:`.decisions`), and ``dossier:beschrijft`` the
decision activity. An agreement section it names by title is found through the fact
``("sectietitel", title)`` that evaluations and the agreement text state.
"""

from __future__ import annotations

import re

from ..sources import ParsedDocument
from ..sources.communication import Communication, Section, Signatory
from . import terms
from .agreement import section_by_title
from .common import Origin, part, work
from .decisions import DecisionMention, decision_iri, describe_decision, find_decision_date
from .facts import Fact, FactLookup
from .graph import GraphBuilder
from .namespaces import DCT, DOSSIER, ELI
from .people import mandatary
from .terms import IRI
from .uris import Minter, fragment, slug

# "VR 2020 1707 MED.0213": year, then day and month.
_VR_NUMBER = re.compile(r"VR\s+(\d{4})\s+(\d{2})(\d{2})\b")


def date_of(record: Communication) -> str | None:
    """The decision date a Kaleidos document number encodes, if the text has one."""
    m = _VR_NUMBER.search(record.document_number or "")
    return f"{m.group(1)}-{m.group(3)}-{m.group(2)}" if m else None


def map_communication(
    doc: ParsedDocument[Communication], out: GraphBuilder, facts: FactLookup
) -> IRI:
    record: Communication = doc.record
    origin = Origin(doc.source)
    key = slug(record.document_number) if record.document_number else slug(record.subject)
    iri = out.minter.communication(record.doc_type, key)
    work(
        out,
        origin,
        iri,
        (ELI.Work,),
        record.doc_type,
        record.subject,
        record.span,
        description=record.summary or None,
    )
    if record.document_number:
        out.add(iri, DCT.identifier, terms.string(record.document_number))

    for position, sec in enumerate(record.sections, 1):
        _part(
            out, origin, out.minter.child(iri, "sectie", _name(sec, position)), iri, sec, position
        )

    for signatory in record.signatories:
        out.add(iri, DCT.creator, _minister(out, origin, signatory))

    for ref in record.agreement_references:
        if ref.section_title:
            out.add(iri, ELI.refers_to, section_by_title(out.minter, facts, ref.section_title))

    date = date_of(record) or find_decision_date(facts, record.subject, record.agenda_type)
    if date is not None:
        decision = decision_iri(out.minter, date, record.subject, slug(key))
        describe_decision(
            out,
            decision,
            DecisionMention(
                date=date,
                source=doc.source,
                span=record.subject_span,
                title=record.subject,
                decision_type=record.agenda_type,
            ),
        )
        out.add(iri, DOSSIER.beschrijft, fragment(decision, "beslissing"))
        out.add(iri, DCT.references, decision)
    return iri


def _name(sec: Section, position: int) -> str:
    return sec.number or f"deel-{position}"


def _part(
    out: GraphBuilder, origin: Origin, iri: IRI, parent: IRI, sec: Section, position: int
) -> None:
    part(
        out,
        origin,
        iri,
        parent,
        "sectie",
        number=sec.number,
        title=sec.title,
        text=sec.text or None,
        position=position,
        span=sec.span,
    )
    for n, item in enumerate(sec.items, 1):
        part(
            out,
            origin,
            Minter.child(iri, "punt", item.number or str(n)),
            iri,
            "punt",
            number=item.number,
            title=None,
            text=item.text,
            position=n,
            span=item.span,
        )
    for n, sub in enumerate(sec.subsections, 1):
        _part(out, origin, Minter.child(iri, _name(sub, n)), iri, sub, n)


def _minister(out: GraphBuilder, origin: Origin, signatory: Signatory) -> IRI:
    s = signatory
    return mandatary(out, origin, s.name, s.given_name, s.family_name, s.portfolio, signatory.span)


class CommunicationMapper:
    """Maps a communication; it offers no facts and asks for section titles."""

    def collect(self, doc: ParsedDocument[Communication], minter: Minter) -> list[Fact]:
        return []

    def map_document(
        self, doc: ParsedDocument[Communication], facts: FactLookup, out: GraphBuilder
    ) -> None:
        map_communication(doc, out, facts)


MAPPER = CommunicationMapper()
