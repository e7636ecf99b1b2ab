"""Records → RDF, one module per document kind, all documents of a run together.

Mapping runs in two passes over the documents: first every document registers what it
says about shared things (decisions it cites), then each is mapped with those shared
things resolved to one IRI each, and the shared things are described once.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..sources import ParsedDocument
from .agreement import DEFAULT_PERIOD, map_agreement
from .decisions import DecisionIndex
from .graph import GraphBuilder
from .terms import IRI
from .uris import Minter, normalise_title


def map_documents(documents: Sequence[ParsedDocument], minter: Minter) -> GraphBuilder:
    """Map parsed documents to one graph in which shared resources appear once."""
    from . import communication, evaluation, resolution, strategy

    out = GraphBuilder(minter)
    decisions = DecisionIndex(minter)
    handles = {
        id(doc): evaluation.collect(doc, decisions) for doc in documents if doc.kind == "evaluatie"
    }
    section_titles = _section_titles(documents, minter)
    quoted = evaluation.quoted_sections(list(documents))
    for doc in documents:
        out.describe_source(doc.source, doc.kind)
        if doc.kind == "evaluatie":
            evaluation.map_evaluation(doc, out, decisions, handles[id(doc)], quoted)
        elif doc.kind == "regeerakkoord":
            map_agreement(doc, out, None)
        elif doc.kind == "strategie":
            strategy.map_strategy(doc, out)
        elif doc.kind == "resolutie":
            resolution.map_resolution(doc, out)
        elif doc.kind == "mededeling":
            communication.map_communication(doc, out, decisions, section_titles)
        else:
            raise ValueError(f"no mapping for document kind {doc.kind!r}")
    decisions.emit(out)
    return out


def _section_titles(documents: Sequence[ParsedDocument], minter: Minter) -> dict[str, IRI]:
    """Normalised agreement-section title → section IRI, from every document that states
    both (evaluations quote sections, agreement texts hold them), so a communication that
    cites a section by title only can link to it."""
    from .evaluation import period_of

    titles: dict[str, IRI] = {}
    for doc in documents:
        if doc.kind == "evaluatie" and doc.record.section:
            sec = doc.record.section
            titles[normalise_title(sec.title)] = minter.agreement_section(
                period_of(doc.record), sec.number
            )
        elif doc.kind == "regeerakkoord":
            for sec in doc.record.sections:
                titles[normalise_title(sec.title)] = minter.agreement_section(
                    doc.record.period or DEFAULT_PERIOD, sec.number
                )
    return titles


__all__ = ["GraphBuilder", "Minter", "map_documents"]
