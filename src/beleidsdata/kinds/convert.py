"""Mapping a batch of documents together: collect every fact, map each document, combine.

This is conversion without a store (``beleidsdata convert``, validating source texts):
the facts come from the documents of the batch only. Ingest does the same one document at
a time against the store's fact and contribution indexes (:mod:`beleidsdata.pipeline`);
both end in the same entities for the same set of documents.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from ..mapping.combine import Contribution, combine
from ..mapping.facts import FactIndex
from ..mapping.graph import EntityDescription
from ..mapping.mapper import Mapped, map_one
from ..mapping.uris import Minter
from ..sources.base import ParsedDocument
from .registry import get, primary_source


def map_batch(documents: Sequence[ParsedDocument[Any]], minter: Minter) -> list[Mapped]:
    """Every document mapped, each seeing the facts of all the others."""
    index = FactIndex()
    for doc in documents:
        index.add(minter.source(doc.source.stem), get(doc.kind).mapper.collect(doc, minter))
    return [map_one(get(doc.kind).mapper, doc, index, minter) for doc in documents]


def contributions(mapped: Iterable[Mapped], minter: Minter) -> dict[str, list[Contribution]]:
    """Entity IRI → what each document says about it."""
    parts: dict[str, list[Contribution]] = defaultdict(list)
    for doc in mapped:
        for iri, triples in doc.entities.items():
            primary = primary_source(doc.kind, Minter.kind_of_path(minter.path_of(iri)))
            parts[iri].append(Contribution(doc.source, triples, primary))
    return parts


def combine_all(mapped: Iterable[Mapped], minter: Minter) -> dict[str, EntityDescription]:
    """Every entity the documents describe, combined from their contributions."""
    return {
        iri: combine(iri, minter.path_of(iri), parts)
        for iri, parts in sorted(contributions(mapped, minter).items())
    }
