"""Evaluation reports → an ELI work about an agreement section, findings as annotations.

Each themed finding is an ``oa:Annotation`` (motivation ``oa:assessing``) whose target is
the agreement section and whose body is the finding's text; it ``dct:references`` the
decisions it cites. The report states an overall realisation status as a SKOS concept.

The two exports of one report (same summary and findings, other layouts) know of each
other through one fact, ``("rapport", content key)``: the section the report quotes and
its references by number. An export that quotes no section judges its sibling's; the
references are aligned number by number (n of one is n of the other, when their dates
agree), which is how a bare date gets its title and both exports name each decision
alike.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import cast

from ..sources import ParsedDocument
from ..sources.evaluation import EvaluationReport, Reference
from . import terms
from .agreement import (
    DEFAULT_PERIOD,
    period_from_dates,
    section,
    section_heading_fact,
    section_title_fact,
)
from .common import STATUS, Origin, work
from .decisions import DecisionMention, decision_iri, decision_title_fact, describe_decision
from .facts import JSON, Fact, FactLookup
from .graph import GraphBuilder
from .namespaces import BD, DCT, ELI, OA, RDF, RDFS, SCHEMA
from .terms import IRI
from .uris import Minter, concept, fragment, normalise_title, short_hash, slug

REPORT = "rapport"  # fact topic: a report's section and references, by content key
DOCUMENT = "stuk"  # fact topic: the date and title of the decision behind a Kaleidos id


def period_of(record: EvaluationReport) -> str:
    return period_from_dates([r.date for r in record.references if r.date]) or DEFAULT_PERIOD


def content_key(record: EvaluationReport) -> str:
    """What two exports of one evaluation share whatever their layout: the summary and
    the findings' texts (the title, reference lists and section block differ)."""
    parts = [record.summary, *(f"{f.theme}: {f.text}" for f in record.findings)]
    return short_hash(" | ".join(normalise_title(p) for p in parts), 16)


def work_key(record: EvaluationReport) -> str:
    """The report's own key: its section number (when quoted) and a hash of its title."""
    key = short_hash(normalise_title(record.title))
    return f"{record.section.number}-{key}" if record.section else key


def _reference_fact(ref: Reference) -> dict[str, JSON]:
    return {
        "date": ref.date,
        "title": ref.title,
        "guess": ref.title_guess or ref.heading,
        "id": ref.document_id,
    }


class EvaluationMapper:
    """Maps an evaluation report; see the module docstring for what it shares."""

    def collect(self, doc: ParsedDocument[EvaluationReport], minter: Minter) -> list[Fact]:
        record = doc.record
        facts: list[Fact] = []
        if record.findings:
            section = [period_of(record), record.section.number] if record.section else None
            refs: dict[str, JSON] = {str(r.number): _reference_fact(r) for r in record.references}
            value = {"sectie": section, "refs": refs, "werk": work_key(record)}
            facts.append(Fact(REPORT, content_key(record), value))
        for ref in record.references:
            title = ref.title or ref.title_guess or ref.heading
            if ref.date and title:
                facts.append(decision_title_fact(ref.date, title, ref.decision_type))
                if ref.document_id:
                    facts.append(
                        Fact(DOCUMENT, ref.document_id, {"date": ref.date, "title": title})
                    )
        if record.section and record.section.title:
            sec = record.section
            facts.append(section_title_fact(period_of(record), sec.number, sec.title))
            if sec.title_stated:
                facts.append(section_heading_fact(period_of(record), sec.number, sec.title))
        return facts

    def map_document(
        self, doc: ParsedDocument[EvaluationReport], facts: FactLookup, out: GraphBuilder
    ) -> None:
        map_evaluation(doc, out, facts)


def _siblings(record: EvaluationReport, facts: FactLookup) -> list[Mapping[str, JSON]]:
    """What the other exports of this report state (none when it has no findings)."""
    if not record.findings:
        return []
    return [cast(Mapping[str, JSON], v) for v in facts.get(REPORT, content_key(record))]


@dataclass(frozen=True)
class _Identified:
    """What identifies the decision a dated reference names."""

    title: str | None  # the title it is named by (None: nothing names it)
    own_title: str | None  # the title this document itself contributes
    document_id: str | None  # Kaleidos id, from this export or its sibling


def _identify(ref: Reference, siblings: list[Mapping[str, JSON]], facts: FactLookup) -> _Identified:
    """A reference's title: stated by this export or the sibling's reference of the same
    number and date, else guessed (export B's heading), else the one title other documents
    give the Kaleidos document it names (same id and date), else none."""
    aligned = []
    for sibling in siblings:
        refs = cast(Mapping[str, Mapping[str, JSON]], sibling.get("refs") or {})
        other = refs.get(str(ref.number))
        if other is not None and other.get("date") == ref.date:
            aligned.append(other)
    stated = sorted(
        {t for t in [ref.title, *(cast(str | None, o.get("title")) for o in aligned)] if t}
    )
    own_guess = ref.title_guess or ref.heading
    guesses = sorted(
        {t for t in [own_guess, *(cast(str | None, o.get("guess")) for o in aligned)] if t}
    )
    names = stated or guesses
    ids = sorted(
        {i for i in [ref.document_id, *(cast(str | None, o.get("id")) for o in aligned)] if i}
    )
    return _Identified(
        title=names[0] if names else None,
        own_title=ref.title or (None if stated else own_guess),
        document_id=ids[0] if ids else None,
    )


def _decisions(
    doc: ParsedDocument[EvaluationReport],
    siblings: list[Mapping[str, JSON]],
    facts: FactLookup,
    out: GraphBuilder,
) -> dict[int, IRI]:
    """Reference number → the decision it names, each described with what this document
    says of it. Two references of one list are never one decision: when two name the same
    date and title, each is told apart by its Kaleidos id (or its number). A reference
    nothing identifies (a bare date, no title here or in the sibling export) is a decision
    of its own, named after the report (the smallest key among its exports, so both name
    it alike) and its number, and says so; one that names only a Kaleidos document (export
    B's source path) is keyed by that id."""
    record = doc.record
    report = min([work_key(record), *(str(s["werk"]) for s in siblings if s.get("werk"))])
    dated = [r for r in record.references if r.date]
    found = {r.number: _identify(r, siblings, facts) for r in dated}
    named = Counter((r.date, normalise_title(t)) for r in dated if (t := found[r.number].title))
    out_iris: dict[int, IRI] = {}
    for ref in dated:
        assert ref.date is not None
        known = found[ref.number]
        own_key = short_hash(f"{report}:{ref.number}")
        if known.title is None and known.document_id:
            iri = out.minter.decision(ref.date, slug(known.document_id, max_words=20))
        elif known.title is None:
            iri = out.minter.decision(ref.date, own_key)
        elif named[(ref.date, normalise_title(known.title))] > 1:
            suffix = slug(known.document_id) if known.document_id else own_key
            iri = out.minter.decision(ref.date, f"{Minter.decision_key(known.title)}-{suffix}")
        else:
            iri = decision_iri(out.minter, ref.date, known.title, own_key)
        note = (
            None
            if known.title or known.document_id
            else f"Niet geïdentificeerd: verwijzing {ref.number} van een evaluatie noemt enkel "
            f"de datum {ref.date}."
        )
        if note:
            out.note(
                ref.span.start,
                f"reference [{ref.number}] gives only the date {ref.date}: published as a "
                "decision of its own, not identified",
            )
        describe_decision(
            out,
            iri,
            DecisionMention(
                date=ref.date,
                source=doc.source,
                span=ref.span,
                title=known.own_title,
                summary=ref.summary,
                decision_type=ref.decision_type,
                document_id=ref.document_id,
                search_url=ref.search_url,
                note=note,
            ),
        )
        out_iris[ref.number] = iri
    return out_iris


def map_evaluation(
    doc: ParsedDocument[EvaluationReport], out: GraphBuilder, facts: FactLookup
) -> IRI:
    record = doc.record
    origin = Origin(doc.source)
    siblings = _siblings(record, facts)
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
    else:
        quoted = sorted(tuple(cast(list[str], s["sectie"])) for s in siblings if s.get("sectie"))
        if quoted:
            section_iri = out.minter.agreement_section(quoted[0][0], quoted[0][1])
    iri = out.minter.evaluation(work_key(record))
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
    decisions = _decisions(doc, siblings, facts, out)
    for decision in decisions.values():
        out.add(iri, DCT.references, decision)
    undated = {r.number: r for r in record.references if not r.date}

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
        # A reference without a date names no decision: its citation keeps what it gives.
        cited = [n for n in finding.citations if n in decisions or n in undated]
        for order, number in enumerate(cited, 1):
            cited_decision = decisions.get(number)
            ref_node = fragment(node, f"verwijzing-{order}")
            out.add(node, DCT.references, cited_decision)
            out.add(node, BD.verwijzing, ref_node)
            out.add_types(ref_node, BD.Verwijzing)
            out.add(ref_node, SCHEMA.position, terms.integer(order))
            out.add(ref_node, DCT.references, cited_decision)
            out.add(ref_node, BD.referentienummer, terms.string(str(number)))
            if number in undated:
                bare = undated[number]
                title = bare.title or bare.title_guess or bare.heading
                out.add(ref_node, DCT.title, terms.text(title) if title else None)
                out.add(ref_node, RDFS.seeAlso, IRI(bare.search_url) if bare.search_url else None)
            origin.attach(out, ref_node, None)
        out.add_types(body, OA.TextualBody)
        out.add(body, RDF.value, terms.text(finding.text))
        origin.attach(out, node, finding.span)
        origin.attach(out, body, None)
    return iri


MAPPER = EvaluationMapper()
