"""Evaluation reports → an ELI work about an agreement section, findings as annotations.

Each themed finding is an ``oa:Annotation`` (motivation ``oa:assessing``) whose target is
the agreement section and whose body is the finding's text; it ``dct:references`` the
decisions it cites. The report states an overall realisation status as a SKOS concept.
"""

from __future__ import annotations

from ..sources import ParsedDocument
from ..sources.evaluation import EvaluationReport
from . import terms
from .agreement import DEFAULT_PERIOD, period_from_dates, section
from .common import STATUS, Origin, work
from .decisions import DecisionIndex, DecisionMention
from .graph import GraphBuilder
from .namespaces import BD, DCT, ELI, OA, RDF, SCHEMA
from .terms import IRI
from .uris import concept, fragment, normalise_title, short_hash


def collect(doc: ParsedDocument, decisions: DecisionIndex) -> dict[int, int]:
    """Register the report's references with the decision index: number → handle."""
    record: EvaluationReport = doc.record
    handles: dict[int, int] = {}
    for ref in record.references:
        if not ref.date:
            continue
        handles[ref.number] = decisions.add(
            DecisionMention(
                date=ref.date,
                source=doc.source,
                span=ref.span,
                title=ref.title,
                heading=ref.heading,
                title_guess=ref.title_guess,
                summary=ref.summary,
                decision_type=ref.decision_type,
                document_id=ref.document_id,
                search_url=ref.search_url,
            )
        )
    return handles


def period_of(record: EvaluationReport) -> str:
    return period_from_dates([r.date for r in record.references if r.date]) or DEFAULT_PERIOD


def content_key(record: EvaluationReport) -> str:
    """What two exports of one evaluation share whatever their layout: the summary and
    the findings' texts (the title, reference lists and section block differ)."""
    parts = [record.summary, *(f"{f.theme}: {f.text}" for f in record.findings)]
    return short_hash(" | ".join(normalise_title(p) for p in parts), 16)


def quoted_sections(documents: list[ParsedDocument]) -> dict[str, tuple[str, str]]:
    """content key → (period, section number), for evaluations that quote their section,
    so another export of the same evaluation that does not can still say what it judges."""
    out: dict[str, tuple[str, str]] = {}
    for doc in documents:
        if doc.kind == "evaluatie" and doc.record.section and doc.record.findings:
            out[content_key(doc.record)] = (period_of(doc.record), doc.record.section.number)
    return out


def map_evaluation(
    doc: ParsedDocument,
    out: GraphBuilder,
    decisions: DecisionIndex,
    handles: dict[int, int],
    sections: dict[str, tuple[str, str]] | None = None,
) -> IRI:
    record: EvaluationReport = doc.record
    origin = Origin(doc.source)
    section_iri: IRI | None = None
    if record.section:
        sec = record.section
        section_iri = section(
            out,
            origin,
            period_of(record),
            sec.number,
            title=sec.title,
            text=sec.text or None,
            span=sec.span,
        )
    elif record.findings and sections and content_key(record) in sections:
        period, number = sections[content_key(record)]
        section_iri = out.minter.agreement_section(period, number)
    key = short_hash(normalise_title(record.title))
    if record.section:
        key = f"{record.section.number}-{key}"
    iri = out.minter.evaluation(key)
    work(
        out,
        origin,
        iri,
        (ELI.Work, BD.Evaluatie),
        "evaluatie",
        record.title,
        record.span,
        description=record.summary or None,
    )
    out.add(iri, DCT.subject, section_iri)
    if record.status:
        out.add(iri, BD.realisatiestatus, concept(STATUS, record.status))
    if record.conclusion:
        out.add(iri, BD.conclusie, terms.text(record.conclusion))
    for number in sorted(handles):
        out.add(iri, DCT.references, decisions.iri(handles[number]))

    for position, finding in enumerate(record.findings, 1):
        node = out.minter.finding(iri, position)
        body = fragment(node, "inhoud")
        out.add_types(node, OA.Annotation, BD.Bevinding)
        out.add(node, OA.motivatedBy, IRI(OA.assessing))
        out.add(node, OA.hasTarget, section_iri)
        out.add(node, OA.hasBody, body)
        out.add(node, BD.thema, terms.text(finding.theme))
        out.add(node, SCHEMA.position, terms.integer(position))
        out.add(node, DCT.isPartOf, iri)
        out.add(iri, DCT.hasPart, node)
        # The citations in the order the finding makes them: a set of dct:references
        # for simple queries, and numbered nodes that keep the order and the marker.
        cited = [n for n in finding.citations if n in handles]
        for order, number in enumerate(cited, 1):
            decision = decisions.iri(handles[number])
            ref = fragment(node, f"verwijzing-{order}")
            out.add(node, DCT.references, decision)
            out.add(node, BD.verwijzing, ref)
            out.add_types(ref, BD.Verwijzing)
            out.add(ref, SCHEMA.position, terms.integer(order))
            out.add(ref, DCT.references, decision)
            out.add(ref, BD.referentienummer, terms.string(str(number)))
            origin.attach(out, ref, None)
        out.add_types(body, OA.TextualBody)
        out.add(body, RDF.value, terms.text(finding.text))
        origin.attach(out, node, finding.span)
        origin.attach(out, body, None)
    return iri
