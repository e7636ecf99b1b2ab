"""Government decisions: one resource however many documents cite or list it.

A decision is named by its meeting date and a hash of its normalised title
(``beslissing/2021-06-04/{hash}``), computed by every document from what it states itself
(and, for the two exports of one report, what its sibling states of the same reference),
so the documents that cite one decision meet at one IRI without knowing of each other, and
an unrelated document never moves it. A reference nothing identifies (a bare date with no
title anywhere) is a decision of its own, keyed by its report and number, and says so.

Each document contributes what *it* says (title, summary, type, Kaleidos id, search link,
amounts); the entity is their union (:mod:`.combine`). Every decision follows the chain
Kaleidos/Themis publish:

    besluit:Agendapunt ←dct:subject─ besluit:BehandelingVanAgendapunt
        ─heeftBeslissing→ besluitvorming:Beslissingsactiviteit (startdatum)
    dossier:Stuk ─dossier:beschrijft→ Beslissingsactiviteit

(OSLO's application profile names the treatment→item link "heeftOnderwerp" but its path is
dct:subject; besluitvorming:beschrijft is for minutes (Verslag), dossier:beschrijft for a
Stuk. The decision date is an xsd:date, as Kaleidos stores it: the texts give no time.)
Documents that cite a decision by title state the fact ``("beslissingstitel", normalised
title)`` with its date and type, so a communication that names its decision by its subject
only (no Kaleidos number, so no date) can find the meeting it was on.
Amounts are nodes named by their value (``#bedrag-1200000``), so two documents that
mention the same amount of one decision describe one node.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ..sources.base import SourceText, Span
from . import terms
from .facts import Fact, FactLookup
from .graph import GraphBuilder
from .namespaces import BD, BESLUIT, BESLUITVORMING, DCT, DOSSIER, PROV, RDFS, SCHEMA, SKOS
from .terms import IRI
from .uris import VLAAMSE_REGERING, Minter, fragment, normalise_title

# Agenda item types as Kaleidos/Themis publish them (docs/research/vocabulary.md §6).
AGENDA_ITEM_TYPES = {
    "nota": IRI(
        "http://themis.vlaanderen.be/id/concept/agendapunt-type/"
        "dd47a8f8-3ad2-4d5a-8318-66fc02fe80fd"
    ),
    "mededeling": IRI(
        "http://themis.vlaanderen.be/id/concept/agendapunt-type/"
        "8f8adcf0-58ef-4edc-9e36-0c9095fd76b0"
    ),
}


@dataclass(frozen=True)
class DecisionMention:
    """What one document says about one decision."""

    date: str
    source: SourceText
    span: Span | None
    title: str | None = None  # the (short) title, when the document states it
    summary: str | None = None
    decision_type: str | None = None  # "nota" | "mededeling"
    document_id: str | None = None  # Kaleidos id of the document (stuk)
    search_url: str | None = None
    note: str | None = None  # why the decision could not be identified, when it could not


DECISION_TITLE = "beslissingstitel"  # fact topic: normalised title → {date, type}


def decision_title_fact(date: str, title: str, decision_type: str | None) -> Fact:
    """The fact that a decision of this title was taken on this date."""
    return Fact(DECISION_TITLE, normalise_title(title), {"date": date, "type": decision_type})


def find_decision_date(facts: FactLookup, title: str, decision_type: str | None) -> str | None:
    """The one date other documents give a decision of this title and type, if one."""
    dates = set()
    for value in facts.get(DECISION_TITLE, normalise_title(title)):
        if isinstance(value, dict) and value.get("type") in (None, decision_type):
            dates.add(str(value["date"]))
    return dates.pop() if len(dates) == 1 else None


def decision_iri(minter: Minter, date: str, title: str | None, fallback: str) -> IRI:
    """The decision of this date and title; ``fallback`` keys one that has no title."""
    return minter.decision(date, Minter.decision_key(title) if title else fallback)


def describe_decision(out: GraphBuilder, iri: IRI, mention: DecisionMention) -> None:
    """What one document says of a decision, under the decision's IRI."""
    treatment = fragment(iri, "behandeling")
    activity = fragment(iri, "beslissing")
    out.add_types(iri, BESLUIT.Agendapunt)
    if mention.title:
        out.add(iri, DCT.title, terms.text(mention.title))
    if mention.summary:
        out.add(iri, DCT.description, terms.text(mention.summary))
    if mention.decision_type in AGENDA_ITEM_TYPES:
        out.add(iri, BESLUIT["Agendapunt.type"], AGENDA_ITEM_TYPES[mention.decision_type])
    if mention.search_url:
        out.add(iri, RDFS.seeAlso, IRI(mention.search_url))
    if mention.note:
        out.add(iri, SKOS.editorialNote, terms.text(mention.note))
    out.add_types(treatment, BESLUIT.BehandelingVanAgendapunt)
    out.add(treatment, DCT.subject, iri)
    out.add(treatment, BESLUITVORMING.heeftBeslissing, activity)
    out.add_types(activity, BESLUITVORMING.Beslissingsactiviteit)
    out.add(activity, DOSSIER["Activiteit.startdatum"], terms.date(mention.date))
    out.add(activity, PROV.wasAssociatedWith, VLAAMSE_REGERING)
    nested = [treatment, activity]
    if mention.document_id:
        stuk = fragment(iri, "stuk")
        nested.append(stuk)
        out.add_types(stuk, DOSSIER.Stuk)
        out.add(stuk, DCT.identifier, terms.string(mention.document_id))
        out.add(stuk, DOSSIER.beschrijft, activity)
    for amount in find_amounts(mention.summary or ""):
        node = fragment(iri, f"bedrag-{terms.decimal(amount.value).lexical}")
        nested.append(node)
        out.add(iri, BD.bedrag, node)
        out.add_types(node, SCHEMA.MonetaryAmount)
        out.add(node, SCHEMA.value, terms.decimal(amount.value))
        out.add(node, SCHEMA.currency, terms.string("EUR"))
        out.add(node, BD.bedragTekst, terms.text(amount.text))
    out.derived_from(iri, mention.source, mention.span)
    for node in nested:
        out.derived_from(node, mention.source, None)


@dataclass(frozen=True)
class Amount:
    text: str
    value: Decimal


_SCALE = {
    "miljard": Decimal(10) ** 9,
    "mld": Decimal(10) ** 9,
    "miljoen": Decimal(10) ** 6,
    "mio": Decimal(10) ** 6,
    "mln": Decimal(10) ** 6,
    "duizend": Decimal(1000),
    "k": Decimal(1000),
}
# Thousands grouped by points ("1.200.000") or by (narrow, no-break) spaces ("1 200 000").
_NUMBER = r"(\d{1,3}(?:\.\d{3})+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:,(\d+))?"
_SCALE_WORD = r"(?:\s*(miljard|miljoen|duizend|(?:mld|mio|mln)\.?|k(?=\s?€)))?"
# "1,2 miljoen euro", "200.000 euro", "795.000  EUR", "12 000 000 euro", "850 k€", "1,5 mln
# euro" … and "€ 3,5 miljard", "EUR 200.000", "€350.000,00".
_AMOUNT = re.compile(
    rf"(?<![\w.,]){_NUMBER}{_SCALE_WORD}\s*(?:euro|EUR|€)(?!\w)"
    rf"|(?:€|\bEUR)\s?{_NUMBER}{_SCALE_WORD}(?![\w.,]\d)",
    re.IGNORECASE,
)


def find_amounts(text: str) -> list[Amount]:
    """Euro amounts in every notation the texts use (see ``_AMOUNT``), exact: the value is
    never rounded, "1,2 miljoen euro" is 1200000."""
    out = []
    for match in _AMOUNT.finditer(text):
        groups = match.groups()
        whole, frac, scale = groups[:3] if groups[0] else groups[3:]
        digits = re.sub(r"[.\s\u00a0\u202f]", "", whole)
        value = Decimal(digits + ("." + frac if frac else ""))
        if scale:
            value *= _SCALE[scale.lower().rstrip(".")]
        out.append(Amount(text=match.group(0), value=value))
    return out
