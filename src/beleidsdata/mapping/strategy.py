"""Strategy documents (the Vlaamse Digitale Strategie) → an ELI work as a tree of parts.

The strategy has axes and speerpunten; each speerpunt has its ambitions, challenges,
running initiatives, action points and (for 2.9) principles, each a part with its own IRI
under the speerpunt: ``…/speerpunt/2.3/actiepunt/4``. Examples, quotes and text boxes are
kept apart as parts of their own kinds, never mixed with the action points. The number of
action points the introduction announces is kept as a stated claim, next to what the body
actually lists.
"""

from __future__ import annotations

from ..sources import ParsedDocument
from ..sources.strategy import Speerpunt, Strategy
from . import terms
from .common import Origin, part, work
from .graph import GraphBuilder
from .mapper import SelfContained
from .namespaces import BD, DCT, ELI
from .terms import IRI


def map_strategy(doc: ParsedDocument[Strategy], out: GraphBuilder) -> IRI:
    record: Strategy = doc.record
    origin = Origin(doc.source)
    iri = out.minter.strategy(record.title)
    work(
        out,
        origin,
        iri,
        (ELI.Work,),
        "strategie",
        record.title,
        record.span,
        description=record.introduction or None,
    )
    if record.announced_action_point_count is not None:
        out.add(
            iri,
            BD.aangekondigdAantalActiepunten,
            terms.integer(record.announced_action_point_count),
        )
    position = 0
    for axis in record.axes:
        position += 1
        part(
            out,
            origin,
            out.minter.subdivision(iri, "as", axis.number),
            iri,
            "as",
            number=str(axis.number),
            title=axis.label,
            text=None,
            position=position,
            span=axis.span,
        )
    for sp in record.speerpunten:
        position += 1
        _speerpunt(out, origin, iri, sp, position)
    return iri


def _speerpunt(
    out: GraphBuilder, origin: Origin, strategy: IRI, sp: Speerpunt, position: int
) -> None:
    iri = out.minter.subdivision(strategy, "speerpunt", sp.number)
    part(
        out,
        origin,
        iri,
        strategy,
        "speerpunt",
        number=sp.number,
        title=sp.title,
        text=sp.introduction or None,
        position=position,
        span=sp.span,
    )
    out.add(iri, DCT.description, terms.text(sp.summary) if sp.summary else None)
    n = 0
    # Sub-sections by kind, with their numbers ("2.4.1") and exact line ranges.
    subsections = {sub.kind: sub for sub in sp.subsections}
    for kind, segment, title, text in (
        ("ambities", "ambities", "Ambities", sp.ambitions),
        ("uitdagingen", "uitdagingen", sp.challenges_title, sp.challenges),
        ("initiatieven", "lopende-initiatieven", "Enkele lopende initiatieven", sp.initiatives),
    ):
        if text:
            n += 1
            sub = subsections.get(kind)
            part(
                out,
                origin,
                out.minter.child(iri, segment),
                iri,
                segment,
                number=sub.number if sub else None,
                title=title,
                text=text,
                position=n,
                span=sub.span if sub else sp.span,
            )
    for ap in sp.action_points:
        n += 1
        part(
            out,
            origin,
            out.minter.subdivision(iri, "actiepunt", ap.number),
            iri,
            "actiepunt",
            number=str(ap.number),
            title=ap.heading,
            text=ap.text or None,
            position=n,
            span=ap.span,
        )
    for pr in sp.principles:
        n += 1
        part(
            out,
            origin,
            out.minter.subdivision(iri, "principe", pr.number),
            iri,
            "principe",
            number=str(pr.number),
            title=pr.title,
            text=pr.text or None,
            position=n,
            span=pr.span,
        )
    counts: dict[str, int] = {}
    for box in (*sp.examples, *sp.boxes):
        n += 1
        counts[box.kind] = counts.get(box.kind, 0) + 1
        part(
            out,
            origin,
            out.minter.subdivision(iri, box.kind, counts[box.kind]),
            iri,
            box.kind,
            number=None,
            title=box.title,
            text=box.text or None,
            position=n,
            span=box.span,
        )


MAPPER: SelfContained[Strategy] = SelfContained(map_strategy)
