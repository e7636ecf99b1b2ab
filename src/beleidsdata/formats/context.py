"""The JSON-LD context, version 1: short Dutch keys for every term we publish.

The context is the contract with developers who read our JSON as plain JSON: a key,
once published in v1, keeps its meaning and its shape (single value or array) forever.
New keys may be added; nothing is renamed or removed. ``docs/context.md`` is generated
from :data:`TERMS` so the documentation cannot drift from the context.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

from ..mapping.namespaces import (
    AS,
    BD,
    BESLUIT,
    BESLUITVORMING,
    DCAT,
    DCT,
    DOSSIER,
    ELI,
    FOAF,
    HYDRA,
    LDES,
    MANDAAT,
    OA,
    ORG,
    PERSON,
    PERSOON,
    PREFIXES,
    PROV,
    RDF,
    RDFS,
    SCHEMA,
    SH,
    SKOS,
    SPDX,
    TREE,
    XSD,
)

CONTEXT_PATH = "/context/v1.jsonld"

# How a term's values are written: an IRI, a Dutch string, a plain string, or a datatype.
ID = "@id"
VOCAB = "@vocab"  # an IRI that may be written as one of our keys ("tijdstip")
NL = "@nl"
PLAIN = "@plain"


@dataclass(frozen=True)
class TermDef:
    key: str
    iri: str
    kind: str  # ID, NL, PLAIN or a datatype IRI
    repeat: bool  # always an array in our JSON
    doc: str  # what it means, for docs/context.md
    reverse: bool = False  # {"@reverse": iri}: the nodes that point here with iri


def _t(key: str, iri: str, kind: str, repeat: bool, doc: str) -> TermDef:
    return TermDef(key, iri, kind, repeat, doc)


def _r(key: str, iri: str, doc: str) -> TermDef:
    """A reverse term: lets a node nest the nodes that refer to it (always an array)."""
    return TermDef(key, iri, ID, True, doc, reverse=True)


TERMS: tuple[TermDef, ...] = (
    # Descriptive properties shared by every kind.
    _t("titel", DCT.title, NL, False, "Title, in Dutch (dct:title)."),
    _t("bestandsnaam", DCT.title, PLAIN, False, "File name of a source document (dct:title)."),
    _t("beschrijving", DCT.description, NL, False, "Summary or description (dct:description)."),
    _t(
        "identificator",
        DCT.identifier,
        PLAIN,
        True,
        "Identifier as the publisher gives it, e.g. a Kaleidos id (dct:identifier).",
    ),
    _t(
        "soort",
        DCT.type,
        ID,
        False,
        "Kind of document, a concept of our documentsoort scheme (dct:type).",
    ),
    _t(
        "verwijstNaar",
        DCT.references,
        ID,
        True,
        "Resources this one cites, sorted by IRI, so decisions by date; a finding's `verwijzingen` keep the order of citation (dct:references).",
    ),
    _t("deelVan", DCT.isPartOf, ID, False, "The report a finding belongs to (dct:isPartOf)."),
    _t("delen", DCT.hasPart, ID, True, "Findings of a report, by number (dct:hasPart)."),
    _t(
        "zieOok",
        RDFS.seeAlso,
        ID,
        True,
        "A web page about this resource, e.g. the public search link (rdfs:seeAlso).",
    ),
    _t("label", SKOS.prefLabel, NL, False, "Preferred label of a concept (skos:prefLabel)."),
    _t("rdfsLabel", RDFS.label, NL, False, "Label (rdfs:label)."),
    _t("tekst", PROV.value, NL, False, "The full text as written in the source (prov:value)."),
    # ELI works and their parts.
    _t("nummer", ELI.number, PLAIN, False, 'Number as written, e.g. "2.3.5" or "1°" (eli:number).'),
    _t("eliTitel", ELI.title, NL, False, "Title of a work or part (eli:title)."),
    _t(
        "onderdeelVan",
        ELI.is_part_of,
        ID,
        True,
        "The work or part this is a part of (eli:is_part_of).",
    ),
    _t(
        "onderdelen",
        ELI.has_part,
        ID,
        True,
        "Parts of this work, sorted by IRI with numbers compared as numbers; `positie` on each part gives the document order (eli:has_part).",
    ),
    _t(
        "soortOnderdeel",
        ELI.type_subdivision,
        ID,
        False,
        "Kind of part: section, speerpunt, action point, recital… (eli:type_subdivision).",
    ),
    _t(
        "soortWerk",
        ELI.work_type,
        ID,
        False,
        "Kind of document, a concept of our documentsoort scheme (eli:work_type).",
    ),
    _t(
        "soortDocument",
        ELI.type_document,
        ID,
        False,
        "Kind of legal document in the EU resource-type table (eli:type_document).",
    ),
    _t("gaatOver", ELI.is_about, ID, True, "Subject concepts of a work (eli:is_about)."),
    _t("aangenomenDoor", ELI.passed_by, ID, False, "The body that passed it (eli:passed_by)."),
    _t(
        "auteurs",
        DCT.creator,
        ID,
        True,
        "Who made it, e.g. the ministers who signed a communication (dct:creator).",
    ),
    _t(
        "documentdatum",
        ELI.date_document,
        XSD.date,
        False,
        "Date of the document (eli:date_document).",
    ),
    _t(
        "verwijstNaarWerk",
        ELI.refers_to,
        ID,
        True,
        "Works this work refers to, e.g. the agreement section a communication quotes (eli:refers_to).",
    ),
    _t(
        "positie",
        SCHEMA.position,
        XSD.integer,
        False,
        "Position among its siblings, from 1 (schema:position).",
    ),
    # Decisions of the Flemish Government, as Kaleidos/Themis chain them.
    _t(
        "agendapuntType",
        BESLUIT["Agendapunt.type"],
        ID,
        False,
        "Nota or Mededeling (besluit:Agendapunt.type).",
    ),
    _t(
        "onderwerp",
        DCT.subject,
        ID,
        False,
        "What it is about: the agenda item of a treatment, the agreement section of an evaluation (dct:subject).",
    ),
    _t(
        "beslissing",
        BESLUITVORMING.heeftBeslissing,
        ID,
        False,
        "The decision activity of a treatment (besluitvorming:heeftBeslissing).",
    ),
    _t(
        "resultaat",
        BESLUITVORMING.resultaat,
        ID,
        False,
        "Outcome of the decision (besluitvorming:resultaat).",
    ),
    _t(
        "beschrijft",
        DOSSIER.beschrijft,
        ID,
        False,
        "The decision activity a document describes (dossier:beschrijft).",
    ),
    _t(
        "genomenDoor",
        PROV.wasAssociatedWith,
        ID,
        False,
        "The body that took the decision (prov:wasAssociatedWith).",
    ),
    _t(
        "datum",
        DOSSIER["Activiteit.startdatum"],
        XSD.date,
        False,
        "Date of the decision (dossier:Activiteit.startdatum).",
    ),
    _t("bedrag", BD.bedrag, ID, True, "Amounts of money named in the decision (bd:bedrag)."),
    _t(
        "voorgesteldDoor",
        BD.voorgesteldDoor,
        ID,
        True,
        "The ministers who proposed the decision, in the office the list names "
        "(bd:voorgesteldDoor).",
    ),
    _t(
        "goedkeuringssoort",
        BD.goedkeuringssoort,
        ID,
        True,
        "Kind of approval the decision list states, e.g. principiële goedkeuring "
        "(bd:goedkeuringssoort).",
    ),
    _t(
        "waarde",
        SCHEMA.value,
        XSD.decimal,
        False,
        "Exact numeric value of an amount (schema:value).",
    ),
    _t(
        "munt", SCHEMA.currency, PLAIN, False, "ISO 4217 currency code, e.g. EUR (schema:currency)."
    ),
    _t(
        "bedragTekst",
        BD.bedragTekst,
        NL,
        False,
        'The amount as written in the text, e.g. "1,2 miljoen euro" (bd:bedragTekst).',
    ),
    # Reverse terms: nodes nested under the node they point to, so a decision reads as one
    # tree (item → treatment → decision activity → document) instead of a flat @graph.
    _r(
        "behandelingen",
        DCT.subject,
        "Treatments of this agenda item, each with its decision (reverse of dct:subject).",
    ),
    _r(
        "stukken",
        DOSSIER.beschrijft,
        "Documents that describe this decision activity (reverse of dossier:beschrijft).",
    ),
    # Evaluations and findings.
    _t("doel", OA.hasTarget, ID, True, "What a finding is about (oa:hasTarget)."),
    _t("inhoud", OA.hasBody, ID, True, "The body of a finding (oa:hasBody)."),
    _t(
        "motivatie",
        OA.motivatedBy,
        ID,
        False,
        "Why the annotation was made: oa:assessing (oa:motivatedBy).",
    ),
    _t("inhoudstekst", RDF.value, NL, False, "Text of a finding's body (rdf:value)."),
    _t(
        "verwijzingen",
        BD.verwijzing,
        ID,
        True,
        "A finding's citations, in the order it makes them (bd:verwijzing).",
    ),
    _t(
        "referentienummer",
        BD.referentienummer,
        PLAIN,
        False,
        'The reference number as the report writes it, e.g. "3" for [3] (bd:referentienummer).',
    ),
    _t("thema", BD.thema, NL, False, "Theme heading a finding was listed under (bd:thema)."),
    _t(
        "realisatiestatus",
        BD.realisatiestatus,
        ID,
        False,
        "How far the promise was kept (bd:realisatiestatus).",
    ),
    _t("conclusie", BD.conclusie, NL, False, "The report's conclusion (bd:conclusie)."),
    _t(
        "aangekondigdAantal",
        BD.aangekondigdAantalActiepunten,
        XSD.integer,
        False,
        "Number of action points the text announces, which can differ from what it lists.",
    ),
    _t(
        "onvolledig",
        BD.onvolledig,
        XSD.boolean,
        False,
        "True when the resource was read (in part) from a text accepted as incomplete "
        "(bd:onvolledig).",
    ),
    # Provenance: every resource says where it was read.
    _t(
        "afgeleidVan",
        PROV.wasDerivedFrom,
        ID,
        True,
        "The source document this was read from (prov:wasDerivedFrom).",
    ),
    _t(
        "herkomst",
        PROV.qualifiedDerivation,
        ID,
        True,
        "Where in the source: the source and the passage (prov:qualifiedDerivation).",
    ),
    _t("bron", PROV.entity, ID, False, "The source document of a derivation (prov:entity)."),
    _t(
        "selectieIn",
        OA.hasSource,
        ID,
        False,
        "The source document a passage is selected in (oa:hasSource).",
    ),
    _t(
        "passage",
        OA.hasSelector,
        ID,
        False,
        "The passage a resource was read from: a text quote or a range (oa:hasSelector).",
    ),
    _t(
        "citaat",
        OA.exact,
        PLAIN,
        False,
        "The quoted text, whitespace normalised; empty for the end point of a range (oa:exact).",
    ),
    _t("ervoor", OA["prefix"], PLAIN, False, "Text right before the quote (oa:prefix)."),
    _t("erna", OA.suffix, PLAIN, False, "Text right after the quote (oa:suffix)."),
    _t("begin", OA.hasStartSelector, ID, False, "Where a range starts (oa:hasStartSelector)."),
    _t("einde", OA.hasEndSelector, ID, False, "Where a range ends, exclusive (oa:hasEndSelector)."),
    _t(
        "beginregel",
        BD.beginregel,
        XSD.integer,
        False,
        "Deprecated: first line (1-based), in members from before schema 2.",
    ),
    _t(
        "eindregel",
        BD.eindregel,
        XSD.integer,
        False,
        "Deprecated: last line (inclusive), in members from before schema 2.",
    ),
    _t("checksum", SPDX.checksum, ID, False, "Content hash of a source document (spdx:checksum)."),
    _t("algoritme", SPDX.algorithm, ID, False, "Hash algorithm (spdx:algorithm)."),
    _t(
        "checksumwaarde",
        SPDX.checksumValue,
        XSD.hexBinary,
        False,
        "Hash value (spdx:checksumValue).",
    ),
    # People and mandates.
    _t("naam", FOAF.name, PLAIN, False, "Full name (foaf:name)."),
    _t("familienaam", FOAF.familyName, PLAIN, False, "Family name (foaf:familyName)."),
    _t(
        "voornaam",
        PERSOON.gebruikteVoornaam,
        PLAIN,
        False,
        "Given name in use (persoon:gebruikteVoornaam).",
    ),
    _t("bekleedt", ORG.holds, ID, False, "The mandate a mandatary holds (org:holds)."),
    _t(
        "persoon",
        MANDAAT.isBestuurlijkeAliasVan,
        ID,
        False,
        "The person behind a mandatary (mandaat:isBestuurlijkeAliasVan).",
    ),
    # Concepts.
    _t("inSchema", SKOS.inScheme, ID, False, "The concept scheme of a concept (skos:inScheme)."),
    _t("notatie", SKOS.notation, PLAIN, False, "Code of a concept (skos:notation)."),
    # Event stream (LDES/TREE) and catalogue.
    _t(
        "versieVan",
        DCT.isVersionOf,
        ID,
        False,
        "The entity this member is a version of (dct:isVersionOf).",
    ),
    _t(
        "tijdstip",
        PROV.generatedAtTime,
        XSD.dateTime,
        False,
        "When this version was made (prov:generatedAtTime).",
    ),
    _t(
        "uitgegevenDoor",
        PROV.wasAttributedTo,
        ID,
        False,
        "Who published this version: a publishing token's name or `lokaal` (prov:wasAttributedTo).",
    ),
    _t(
        "versies",
        DCT.hasVersion,
        ID,
        True,
        "Every version of a thing, oldest first, in its history (dct:hasVersion).",
    ),
    _t(
        "versienummer",
        BD.versienummer,
        XSD.integer,
        False,
        "The number of a version: 1 for the first (bd:versienummer).",
    ),
    _t(
        "toegevoegd",
        BD.toegevoegd,
        PLAIN,
        True,
        "Triples a version added to the thing's description, as N-Triples lines (bd:toegevoegd).",
    ),
    _t(
        "verwijderd",
        BD.verwijderd,
        PLAIN,
        True,
        "Triples a version removed from the thing's description, as N-Triples lines (bd:verwijderd).",
    ),
    _t("view", TREE.view, ID, True, "Root page of a view of the stream (tree:view)."),
    _t("member", TREE.member, ID, True, "Members of the stream on this page (tree:member)."),
    _t("shape", TREE.shape, ID, False, "SHACL shape every member conforms to (tree:shape)."),
    _t("relation", TREE.relation, ID, True, "Links from this page to others (tree:relation)."),
    _t("node", TREE.node, ID, False, "The page a relation leads to (tree:node)."),
    _t("path", TREE.path, VOCAB, False, "Property a relation compares (tree:path)."),
    _t("value", TREE.value, PLAIN, False, "Value a relation compares with (tree:value)."),
    _t(
        "remainingItems",
        TREE.remainingItems,
        XSD.integer,
        False,
        "Members reachable through a relation (tree:remainingItems).",
    ),
    _t(
        "timestampPath",
        LDES.timestampPath,
        VOCAB,
        False,
        "Property holding a member's event time (ldes:timestampPath).",
    ),
    _t(
        "versionOfPath",
        LDES.versionOfPath,
        VOCAB,
        False,
        "Property linking a member to its entity (ldes:versionOfPath).",
    ),
    _t(
        "pollingInterval",
        LDES.pollingInterval,
        XSD.integer,
        False,
        "How often to poll the open page, in ms (ldes:pollingInterval).",
    ),
    _t(
        "immutable",
        LDES.immutable,
        XSD.boolean,
        False,
        "This page never changes again (ldes:immutable).",
    ),
    # Paged collections (/doc/{kind}): Hydra.
    _t(
        "totaalAantal",
        HYDRA.totalItems,
        XSD.integer,
        False,
        "Number of members of the whole collection, over all pages (hydra:totalItems).",
    ),
    _t(
        "leden",
        HYDRA.member,
        ID,
        True,
        "Members of the collection on this page, in the requested order (hydra:member).",
    ),
    _t(
        "weergave",
        HYDRA.view,
        ID,
        False,
        "This page of the collection, with links to the others (hydra:view).",
    ),
    _t("eerste", HYDRA.first, ID, False, "The first page (hydra:first)."),
    _t(
        "vorige",
        HYDRA.previous,
        ID,
        False,
        "The previous page, absent on the first (hydra:previous).",
    ),
    _t("volgende", HYDRA.next, ID, False, "The next page, absent on the last (hydra:next)."),
    _t("laatste", HYDRA.last, ID, False, "The last page (hydra:last)."),
)

# Class names, so "type" values read as words.
CLASSES: dict[str, str] = {
    "Agendapunt": BESLUIT.Agendapunt,
    "BehandelingVanAgendapunt": BESLUIT.BehandelingVanAgendapunt,
    "Bestuursorgaan": BESLUIT.Bestuursorgaan,
    "Beslissingsactiviteit": BESLUITVORMING.Beslissingsactiviteit,
    "Stuk": DOSSIER.Stuk,
    "Work": ELI.Work,
    "LegalResource": ELI.LegalResource,
    "WorkSubdivision": ELI.WorkSubdivision,
    "LegalResourceSubdivision": ELI.LegalResourceSubdivision,
    "Annotation": OA.Annotation,
    "Tekstselectie": OA.ResourceSelection,
    "Tekstcitaat": OA.TextQuoteSelector,
    "Tekstbereik": OA.RangeSelector,
    "TextualBody": OA.TextualBody,
    "Bedrag": SCHEMA.MonetaryAmount,
    "Concept": SKOS.Concept,
    "ConceptScheme": SKOS.ConceptScheme,
    "Persoon": PERSON.Person,
    "Mandataris": MANDAAT.Mandataris,
    "Mandaat": MANDAAT.Mandaat,
    "Bron": BD.Bron,
    "Evaluatie": BD.Evaluatie,
    "Bevinding": BD.Bevinding,
    "Verwijzing": BD.Verwijzing,
    "Entity": PROV.Entity,
    "Derivation": PROV.Derivation,
    "Checksum": SPDX.Checksum,
    "EventStream": LDES.EventStream,
    "Node": TREE.Node,
    "GreaterThanOrEqualToRelation": TREE.GreaterThanOrEqualToRelation,
    "LessThanRelation": TREE.LessThanRelation,
    "Create": AS.Create,
    "Update": AS.Update,
    "Delete": AS.Delete,
    "DataService": DCAT.DataService,
    "Catalog": DCAT.Catalog,
    "Dataset": DCAT.Dataset,
    "Distribution": DCAT.Distribution,
    "NodeShape": SH.NodeShape,
    "Collection": HYDRA.Collection,
    "PartialCollectionView": HYDRA.PartialCollectionView,
}


def context_url(base: str) -> str:
    return base.rstrip("/") + CONTEXT_PATH


@cache
def context_document() -> dict:
    """The v1 context as a JSON object (independent of the deployment's base IRI)."""
    ctx: dict[str, object] = {"@version": 1.1, "@language": "nl", "id": "@id", "type": "@type"}
    for prefix, ns in PREFIXES.items():
        ctx[prefix] = ns
    for name, iri in CLASSES.items():
        ctx[name] = iri
    for term in TERMS:
        ctx[term.key] = _definition(term)
    return {"@context": ctx}


def _definition(term: TermDef) -> dict[str, object]:
    if term.reverse:
        return {"@reverse": term.iri, "@container": "@set"}
    definition: dict[str, object] = {"@id": term.iri}
    if term.kind in (ID, VOCAB):
        definition["@type"] = term.kind
    elif term.kind == PLAIN:
        definition["@language"] = None
    elif term.kind != NL:
        definition["@type"] = term.kind
    if term.repeat:
        definition["@container"] = "@set"
    return definition


@cache
def context_bytes() -> bytes:
    return (json.dumps(context_document(), ensure_ascii=False, indent=2) + "\n").encode()


def _kind_doc(term: TermDef) -> str:
    if term.reverse:
        return "nested nodes (reverse)"
    if term.kind == ID:
        return "IRI"
    if term.kind == VOCAB:
        return "IRI or key"
    if term.kind == NL:
        return "text (Dutch)"
    if term.kind == PLAIN:
        return "string"
    return "`xsd:" + term.kind.rsplit("#", 1)[-1] + "`"


def context_markdown() -> str:
    """``docs/context.md``: every key of the v1 context, generated from :data:`TERMS`."""

    def iri_name(iri: str) -> str:
        for prefix, ns in PREFIXES.items():
            if iri.startswith(ns):
                return f"{prefix}:{iri[len(ns) :]}"
        return iri

    out = [
        "# The JSON-LD context, v1",
        "",
        f"Served at `{CONTEXT_PATH}`. Generated from `src/beleidsdata/formats/context.py`",
        "(`python -m beleidsdata.formats.context > docs/context.md`); a test keeps this file",
        "up to date. Within v1 a key never changes its meaning or its shape; keys may be added.",
        "",
        "Reading our JSON as plain JSON:",
        "",
        "- `id` is the IRI of a thing (`@id`), `type` (`@type`) is always an array of class",
        "  names from the table at the end.",
        "- A key marked *array* is always an array, even with one value; any other key is",
        "  always a single value.",
        "- Keys appear in the order of the table below, `id` and `type` first.",
        "- IRI values are absolute; a value can also be an object with an `id` when the thing",
        "  is described in the same document (nested).",
        "- Dates are `YYYY-MM-DD` strings, exact amounts (`waarde`) decimal strings, counts",
        "  and positions JSON numbers.",
        "- Plain JSON and JSON-LD: a collection asked for as `application/json` is the same",
        "  document with every key typed `xsd:decimal` here (`waarde`) written as a JSON",
        '  number (`1200000`, not `"1200000"`), ready to add up; `xsd:integer` keys are',
        "  numbers in both. A JSON-LD processor reading the plain JSON with this context gets",
        "  the same triples for whole amounts; a fractional amount's exact digits are the",
        "  JSON-LD string (`application/ld+json`).",
        "- *reverse* keys nest the nodes that point to this one: a decision's `behandelingen`",
        "  are the treatments whose `dct:subject` it is.",
        "",
        "| key | property | value | array | meaning |",
        "|---|---|---|---|---|",
    ]
    for term in TERMS:
        prop = ("^" if term.reverse else "") + iri_name(term.iri)
        out.append(
            f"| `{term.key}` | `{prop}` | {_kind_doc(term)} | "
            f"{'array' if term.repeat else ''} | {term.doc.replace('|', '/')} |"
        )
    out += ["", "## Classes (values of `type`)", "", "| name | class |", "|---|---|"]
    for name, iri in CLASSES.items():
        out.append(f"| `{name}` | `{iri_name(iri)}` |")
    out += [
        "",
        "## Prefixes",
        "",
        "Declared in the context so that the few values no key covers still expand; our",
        "documents never use them as keys.",
        "",
        "| prefix | namespace |",
        "|---|---|",
    ]
    for prefix, ns in PREFIXES.items():
        out.append(f"| `{prefix}` | <{ns}> |")
    return "\n".join(out) + "\n"


if __name__ == "__main__":  # pragma: no cover
    import sys

    sys.stdout.write(context_markdown())
