"""What a collection page says of each member: the fields people list things by.

A member carries its date, title, classes, amounts, realisation status and agenda-item
type (for a decision: "2021 decisions with their amounts" is one request), all read from
the index filled at ingest. ``velden=`` chooses which; ``embed=`` replaces the members
by their full stored descriptions (with related things inlined, as on ``/doc/{path}``).

The same fields come out as RDF triples (JSON-LD, Turtle, N-Triples, RDF/XML: the page is
a graph), as plain JSON (amounts as JSON numbers, :mod:`beleidsdata.formats.plain`) and as
CSV rows (:mod:`beleidsdata.formats.tabular`).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..formats.context import CLASSES
from ..formats.embed import embed
from ..formats.tabular import CsvValue, cell
from ..mapping.decisions import AGENDA_ITEM_TYPES
from ..mapping.namespaces import BD, BESLUIT, BESLUITVORMING, DCT, DOSSIER, ELI, RDF, SCHEMA
from ..mapping.terms import IRI, Literal, Triple, date, decimal, string, text
from ..mapping.uris import concept
from ..store import Store
from ..store.index_query import Row
from .embedding import loader

# The fields of a member, by their key in our context (``velden=`` takes these names).
FIELDS = ("type", "titel", "datum", "bedrag", "realisatiestatus", "agendapuntType")
# The CSV columns: the fields, the amounts split into the one counted and all of them.
CSV_COLUMNS = (
    "id",
    "type",
    "titel",
    "datum",
    "bedrag",
    "bedragen",
    "realisatiestatus",
    "agendapuntType",
)


def _decimal(value: float) -> Decimal:
    return Decimal(cell(value))


def member_triples(base: str, row: Row, fields: tuple[str, ...]) -> list[Triple]:
    """The triples that describe one member on a page: the ``fields`` asked for."""
    member = IRI(f"{base}/id/{row.path}")
    out: list[Triple] = []
    if "type" in fields:
        out += [(member, IRI(RDF.type), IRI(CLASSES[n])) for n in row.types if n in CLASSES]
    if "titel" in fields and row.title:
        value: Literal = string(row.title) if "Bron" in row.types else text(row.title)
        out.append((member, IRI(DCT.title), value))
    if "datum" in fields and row.date:
        if "Agendapunt" in row.types:
            treatment, activity = IRI(member + "#behandeling"), IRI(member + "#beslissing")
            out += [
                (treatment, IRI(DCT.subject), member),
                (treatment, IRI(BESLUITVORMING.heeftBeslissing), activity),
                (activity, IRI(DOSSIER["Activiteit.startdatum"]), date(row.date)),
            ]
        else:
            out.append((member, IRI(ELI.date_document), date(row.date)))
    if "bedrag" in fields:
        for amount in row.amounts:
            exact = decimal(_decimal(amount))
            node = IRI(f"{member}#bedrag-{exact.lexical}")
            out += [
                (member, IRI(BD.bedrag), node),
                (node, IRI(RDF.type), IRI(CLASSES["Bedrag"])),
                (node, IRI(SCHEMA.value), exact),
                (node, IRI(SCHEMA.currency), string("EUR")),
            ]
    if "realisatiestatus" in fields and row.status:
        out.append((member, IRI(BD.realisatiestatus), concept("realisatiestatus", row.status)))
    if "agendapuntType" in fields and row.itemtype in AGENDA_ITEM_TYPES:
        out.append((member, IRI(BESLUIT["Agendapunt.type"]), AGENDA_ITEM_TYPES[row.itemtype]))
    return out


def csv_row(base: str, row: Row, fields: tuple[str, ...]) -> dict[str, CsvValue]:
    """One member as a CSV row: plain values (codes, not IRIs, for concepts)."""
    out: dict[str, CsvValue] = {"id": f"{base}/id/{row.path}"}
    if "type" in fields:
        out["type"] = [n for n in row.types if n in CLASSES]
    if "titel" in fields:
        out["titel"] = row.title
    if "datum" in fields:
        out["datum"] = row.date or None
    if "bedrag" in fields:
        out["bedrag"] = row.amount
        out["bedragen"] = list(row.amounts)
    if "realisatiestatus" in fields:
        out["realisatiestatus"] = row.status
    if "agendapuntType" in fields:
        out["agendapuntType"] = row.itemtype
    return out


def csv_columns(fields: tuple[str, ...]) -> tuple[str, ...]:
    wanted = {"id", *fields} | ({"bedragen"} if "bedrag" in fields else set())
    return tuple(c for c in CSV_COLUMNS if c in wanted)


def embedded_members(store: Store, rows: list[Row], keys: tuple[str, ...]) -> list[dict[str, Any]]:
    """The members' full stored descriptions (no ``@context``), with ``keys`` inlined."""
    id_root = store.base_iri + "/id/"
    load = loader(store)
    out: list[dict[str, Any]] = []
    for row in rows:
        document = load(id_root + row.path)
        if document is None:
            continue
        if keys:
            document, _ = embed(document, keys, load)
        document.pop("@context", None)
        out.append(document)
    return out


def stored_bodies(store: Store, rows: list[Row], fmt: str) -> list[bytes]:
    """The members' stored descriptions in an RDF format (for ``embed=`` in Turtle…)."""
    bodies = (store.document(f"/doc/{row.path}", fmt) for row in rows)
    return [b.body for b in bodies if b is not None]


__all__ = [
    "CSV_COLUMNS",
    "FIELDS",
    "csv_columns",
    "csv_row",
    "embedded_members",
    "member_triples",
    "stored_bodies",
]
