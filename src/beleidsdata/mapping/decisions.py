"""Government decisions, reconciled across every document that cites them.

Two exports of an evaluation cite the same decisions in different ways: one gives date,
title and the public search link; the other gives date, Nota/Mededeling, the Kaleidos
document id and "short title + long title + summary" run together. A decision is one
resource however many documents cite it, carrying everything any of them knows.

Identity: a date alone is not enough (one day holds several decisions), so a decision is
named by its date and a hash of its normalised title. A citation without a title (a bare
date) joins the only decision known on that date, if there is exactly one; a citation
whose title is not separated from its summary joins the decision whose title it starts
with. Every decision follows the chain Kaleidos/Themis publish:

    besluit:Agendapunt ←dct:subject─ besluit:BehandelingVanAgendapunt
        ─heeftBeslissing→ besluitvorming:Beslissingsactiviteit (startdatum)
    dossier:Stuk ─dossier:beschrijft→ Beslissingsactiviteit

(OSLO's application profile names the treatment→item link "heeftOnderwerp" but its path is
dct:subject; besluitvorming:beschrijft is for minutes (Verslag), dossier:beschrijft for a
Stuk. The decision date is an xsd:date, as Kaleidos stores it: the texts give no time.)
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from ..sources.base import SourceText, Span
from . import terms
from .graph import GraphBuilder
from .namespaces import BD, BESLUIT, BESLUITVORMING, DCT, DOSSIER, PROV, RDFS, SCHEMA
from .terms import IRI
from .uris import VLAAMSE_REGERING, Minter, fragment, normalise_title, short_hash

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
    span: Span
    title: str | None = None  # the (short) title, when the document states it apart
    heading: str | None = None  # titles run together, when not separated
    title_guess: str | None = None  # a parser's best guess at the title within heading
    summary: str | None = None
    decision_type: str | None = None  # "nota" | "mededeling"
    document_id: str | None = None  # Kaleidos id of the document (stuk)
    search_url: str | None = None


@dataclass
class Decision:
    """One decision and every mention of it."""

    date: str
    mentions: list[DecisionMention] = field(default_factory=list)
    iri: IRI | None = None

    @property
    def title(self) -> str | None:
        titled = sorted({m.title for m in self.mentions if m.title})
        if titled:
            return titled[0]
        guesses = sorted(
            {m.title_guess or m.heading for m in self.mentions if m.title_guess or m.heading}
        )
        return guesses[0] if guesses else None

    def first(self, attr: str) -> str | None:
        values = sorted({getattr(m, attr) for m in self.mentions if getattr(m, attr)})
        return values[0] if values else None


class DecisionIndex:
    """Collects mentions from all documents, then decides which are the same decision."""

    def __init__(self, minter: Minter) -> None:
        self.minter = minter
        self._mentions: list[DecisionMention] = []
        self._resolved: dict[int, Decision] | None = None

    def add(self, mention: DecisionMention) -> int:
        """Register a mention; returns a handle to ask its decision's IRI with later."""
        if self._resolved is not None:
            raise RuntimeError("decisions are already resolved")
        self._mentions.append(mention)
        return len(self._mentions) - 1

    def iri(self, handle: int) -> IRI:
        decision = self._resolve()[handle]
        assert decision.iri is not None
        return decision.iri

    def decisions(self) -> list[Decision]:
        unique = {id(d): d for d in self._resolve().values()}
        return sorted(unique.values(), key=lambda d: d.iri or "")

    def find(self, date: str | None, title: str, decision_type: str | None = None) -> IRI | None:
        """The decision with this (normalised) title, on this date when given."""
        wanted = normalise_title(title)
        for decision in self.decisions():
            if date and decision.date != date:
                continue
            if decision_type and decision.first("decision_type") not in (None, decision_type):
                continue
            names = {normalise_title(m.title or m.heading or "") for m in decision.mentions}
            if wanted in names or any(n.startswith(wanted + " ") for n in names if n):
                return decision.iri
        return None

    def _resolve(self) -> dict[int, Decision]:
        if self._resolved is not None:
            return self._resolved
        by_date: dict[str, list[int]] = defaultdict(list)
        for i, m in enumerate(self._mentions):
            by_date[m.date].append(i)
        resolved: dict[int, Decision] = {}
        for date, handles in sorted(by_date.items()):
            groups: dict[str, Decision] = {}
            # 1. Mentions that state their title: the same normalised title is one decision.
            for h in handles:
                m = self._mentions[h]
                if m.title:
                    key = normalise_title(m.title)
                    resolved[h] = groups.setdefault(key, Decision(date))
            # 2. Titles run together with more text: join the decision whose title they
            #    start with (the longest such title), or start a decision of their own.
            for h in handles:
                m = self._mentions[h]
                if m.title or not m.heading:
                    continue
                heading = normalise_title(m.heading)
                matches = [k for k in groups if heading == k or heading.startswith(k + " ")]
                if matches:
                    resolved[h] = groups[max(matches, key=len)]
                else:
                    key = normalise_title(m.title_guess or m.heading)
                    resolved[h] = groups.setdefault(key, Decision(date))
            # 3. A bare date joins the only decision of that date, if there is just one.
            for h in handles:
                m = self._mentions[h]
                if m.title or m.heading:
                    continue
                by_id = [
                    d
                    for d in groups.values()
                    if m.document_id and d.first("document_id") == m.document_id
                ]
                if by_id:
                    resolved[h] = by_id[0]
                elif len(groups) == 1:
                    resolved[h] = next(iter(groups.values()))
                else:
                    key = f"onbekend {m.document_id or m.source.stem} {m.span.start}"
                    resolved[h] = groups.setdefault(key, Decision(date))
            for h in handles:
                resolved[h].mentions.append(self._mentions[h])
        for decision in {id(d): d for d in resolved.values()}.values():
            title = decision.title
            doc_id = decision.first("document_id")
            first = decision.mentions[0]
            key = (
                Minter.decision_key(title)
                if title
                else short_hash(doc_id)
                if doc_id
                else short_hash(f"{first.source.stem}:{first.span}")
            )
            decision.iri = self.minter.decision(decision.date, key)
        self._resolved = resolved
        return resolved

    def emit(self, out: GraphBuilder) -> None:
        """Describe every decision, once, with what all its mentions say."""
        for decision in self.decisions():
            describe_decision(out, decision)


def describe_decision(out: GraphBuilder, decision: Decision) -> None:
    iri = decision.iri
    assert iri is not None
    treatment = fragment(iri, "behandeling")
    activity = fragment(iri, "beslissing")
    out.add_types(iri, BESLUIT.Agendapunt)
    if decision.title:
        out.add(iri, DCT.title, terms.text(decision.title))
    summary = decision.first("summary")
    if summary:
        out.add(iri, DCT.description, terms.text(summary))
    decision_type = decision.first("decision_type")
    if decision_type in AGENDA_ITEM_TYPES:
        out.add(iri, BESLUIT["Agendapunt.type"], AGENDA_ITEM_TYPES[decision_type])
    for m in decision.mentions:
        if m.search_url:
            out.add(iri, RDFS.seeAlso, IRI(m.search_url))
    out.add_types(treatment, BESLUIT.BehandelingVanAgendapunt)
    out.add(treatment, DCT.subject, iri)
    out.add(treatment, BESLUITVORMING.heeftBeslissing, activity)
    out.add_types(activity, BESLUITVORMING.Beslissingsactiviteit)
    out.add(activity, DOSSIER["Activiteit.startdatum"], terms.date(decision.date))
    out.add(activity, PROV.wasAssociatedWith, VLAAMSE_REGERING)
    nested = [treatment, activity]
    doc_id = decision.first("document_id")
    if doc_id:
        stuk = fragment(iri, "stuk")
        nested.append(stuk)
        out.add_types(stuk, DOSSIER.Stuk)
        out.add(stuk, DCT.identifier, terms.string(doc_id))
        out.add(stuk, DOSSIER.beschrijft, activity)
    for n, amount in enumerate(find_amounts(summary or ""), 1):
        node = fragment(iri, f"bedrag-{n}")
        nested.append(node)
        out.add(iri, BD.bedrag, node)
        out.add_types(node, SCHEMA.MonetaryAmount)
        out.add(node, SCHEMA.value, terms.decimal(amount.value))
        out.add(node, SCHEMA.currency, terms.string("EUR"))
        out.add(node, BD.bedragTekst, terms.text(amount.text))
    for m in decision.mentions:
        out.derived_from(iri, m.source, m.span)
        for node in nested:
            out.derived_from(node, m.source, None)


@dataclass(frozen=True)
class Amount:
    text: str
    value: Decimal


_SCALE = {"miljard": Decimal(10) ** 9, "miljoen": Decimal(10) ** 6, "duizend": Decimal(1000)}
_NUMBER = r"(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?"
_SCALE_WORD = r"(?:\s*(miljard|miljoen|duizend))?"
# "1,2 miljoen euro", "200.000 euro", "795.000  EUR" … and "€ 3,5 miljard", "EUR 200.000".
_AMOUNT = re.compile(
    rf"(?<![\w.,]){_NUMBER}{_SCALE_WORD}\s*(?:euro|EUR|€)(?!\w)"
    rf"|(?:€|\bEUR)\s?{_NUMBER}{_SCALE_WORD}(?![\w.,]\d)",
    re.IGNORECASE,
)


def find_amounts(text: str) -> list[Amount]:
    """Euro amounts as written in Dutch ("1,2 miljoen euro", "200.000 euro"), exact."""
    out = []
    for match in _AMOUNT.finditer(text):
        groups = match.groups()
        whole, frac, scale = groups[:3] if groups[0] else groups[3:]
        value = Decimal(whole.replace(".", "") + ("." + frac if frac else ""))
        if scale:
            value *= _SCALE[scale.lower()]
        out.append(Amount(text=match.group(0), value=value))
    return out
