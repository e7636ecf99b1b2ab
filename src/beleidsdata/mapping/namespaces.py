"""The vocabularies we publish with, in one place.

Every term used anywhere in the code is taken from a :class:`Vocabulary` below, which
refuses names it does not declare: a typo or an invented OSLO term fails at import time
instead of ending up in published data. The declared names were checked against the
published OSLO, ELI and W3C specifications (see docs/vocabulary.md); what OSLO lacks lives
in our own extension vocabulary ``bd:`` (vocab/beleidsdata.ttl).
"""

from __future__ import annotations


class Vocabulary:
    """A namespace that only hands out the terms it declares."""

    def __init__(self, prefix: str, base: str, terms: str) -> None:
        self.prefix = prefix
        self.base = base
        self._terms = frozenset(terms.split())

    def __getattr__(self, name: str) -> str:
        # Called only for names not set yet: a declared term is kept as an attribute, so
        # the mapping's many lookups of one term cost a plain attribute read.
        iri = self[name]
        setattr(self, name, iri)
        return iri

    def __getitem__(self, name: str) -> str:
        if name not in self._terms:
            raise AttributeError(f"{self.prefix}:{name} is not a declared term of {self.base}")
        return self.base + name

    def __contains__(self, iri: object) -> bool:
        return (
            isinstance(iri, str)
            and iri.startswith(self.base)
            and iri[len(self.base) :] in self._terms
        )

    @property
    def terms(self) -> frozenset[str]:
        return self._terms


RDF = Vocabulary("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "type value langString")
RDFS = Vocabulary(
    "rdfs",
    "http://www.w3.org/2000/01/rdf-schema#",
    "label comment seeAlso isDefinedBy subClassOf subPropertyOf domain range Class",
)
XSD = Vocabulary(
    "xsd",
    "http://www.w3.org/2001/XMLSchema#",
    "string integer decimal date dateTime boolean nonNegativeInteger hexBinary anyURI",
)
OWL = Vocabulary(
    "owl",
    "http://www.w3.org/2002/07/owl#",
    "Ontology Class ObjectProperty DatatypeProperty sameAs versionInfo",
)
DCT = Vocabulary(
    "dct",
    "http://purl.org/dc/terms/",
    "title description identifier type isVersionOf references isReferencedBy creator "
    "source created modified issued date license publisher subject hasPart "
    "isPartOf conformsTo format language abstract hasVersion",
)
SKOS = Vocabulary(
    "skos",
    "http://www.w3.org/2004/02/skos/core#",
    "Concept ConceptScheme prefLabel altLabel definition inScheme hasTopConcept "
    "topConceptOf notation broader narrower editorialNote",
)
PROV = Vocabulary(
    "prov",
    "http://www.w3.org/ns/prov#",
    "wasDerivedFrom qualifiedDerivation Derivation entity value generatedAtTime "
    "Entity wasAttributedTo wasAssociatedWith Activity Agent",
)
SCHEMA = Vocabulary("schema", "https://schema.org/", "MonetaryAmount value currency position")
FOAF = Vocabulary(
    "foaf", "http://xmlns.com/foaf/0.1/", "name familyName givenName page Agent homepage"
)
PERSON = Vocabulary("person", "http://www.w3.org/ns/person#", "Person")
PERSOON = Vocabulary("persoon", "https://data.vlaanderen.be/ns/persoon#", "gebruikteVoornaam")
ORG = Vocabulary("org", "http://www.w3.org/ns/org#", "holds heldBy role Post Organization")
OA = Vocabulary(
    "oa",
    "http://www.w3.org/ns/oa#",
    "Annotation hasTarget hasBody TextualBody motivatedBy assessing ResourceSelection "
    "hasSource hasSelector TextQuoteSelector RangeSelector exact prefix suffix "
    "hasStartSelector hasEndSelector",
)
ELI = Vocabulary(
    "eli",
    "http://data.europa.eu/eli/ontology#",
    "Work LegalResource WorkSubdivision LegalResourceSubdivision number "
    "type_subdivision is_part_of has_part passed_by is_about title date_document "
    "type_document work_type refers_to cites cited_by description language "
    "is_realized_by realizes Expression",
)
BESLUIT = Vocabulary(
    "besluit",
    "http://data.vlaanderen.be/ns/besluit#",
    "Agendapunt Agendapunt.type BehandelingVanAgendapunt Bestuursorgaan Besluit",
)
BESLUITVORMING = Vocabulary(
    "besluitvorming",
    "https://data.vlaanderen.be/ns/besluitvorming#",
    "heeftBeslissing Beslissingsactiviteit resultaat",
)
DOSSIER = Vocabulary(
    "dossier", "https://data.vlaanderen.be/ns/dossier#", "Stuk Activiteit.startdatum beschrijft"
)
MANDAAT = Vocabulary(
    "mandaat", "http://data.vlaanderen.be/ns/mandaat#", "Mandataris Mandaat isBestuurlijkeAliasVan"
)
SPDX = Vocabulary(
    "spdx",
    "http://spdx.org/rdf/terms#",
    "Checksum checksum algorithm checksumValue checksumAlgorithm_sha256",
)
DCAT = Vocabulary(
    "dcat",
    "http://www.w3.org/ns/dcat#",
    "Catalog Dataset Distribution DataService dataset distribution accessURL "
    "endpointURL servesDataset mediaType downloadURL service accessService byteSize "
    "compressFormat",
)
AS = Vocabulary("as", "https://www.w3.org/ns/activitystreams#", "Create Update Delete")
LDES = Vocabulary(
    "ldes",
    "https://w3id.org/ldes#",
    "EventStream timestampPath versionOfPath versionCreateObject "
    "versionUpdateObject versionDeleteObject pollingInterval immutable "
    "retentionPolicy versionAmount fullLogDuration versionDuration "
    "LatestVersionSubset versionCreatePath versionUpdatePath versionDeletePath "
    "startingFrom EventSource",
)
TREE = Vocabulary(
    "tree",
    "https://w3id.org/tree#",
    "Node Relation member view shape relation node path value remainingItems "
    "viewDescription GreaterThanOrEqualToRelation LessThanRelation "
    "LessThanOrEqualToRelation",
)
SH = Vocabulary("sh", "http://www.w3.org/ns/shacl#", "NodeShape targetClass")
# Paged collections (/doc/{kind}): Hydra Core, https://www.hydra-cg.com/spec/latest/core/
HYDRA = Vocabulary(
    "hydra",
    "http://www.w3.org/ns/hydra/core#",
    "Collection PartialCollectionView member totalItems view first next previous last",
)

# Our extension vocabulary: only for what OSLO, ELI and the W3C vocabularies lack.
# Every term is defined, with Dutch and English labels, in vocab/beleidsdata.ttl.
BD = Vocabulary(
    "bd",
    "https://w3id.org/beleidsdata/ns#",
    "Evaluatie Bevinding Bron bedrag bedragTekst thema conclusie realisatiestatus "
    "beginregel eindregel aangekondigdAantalActiepunten Verwijzing verwijzing "
    "referentienummer versienummer toegevoegd verwijderd onvolledig voorgesteldDoor "
    "goedkeuringssoort",
)

# Prefixes for Turtle output and the JSON-LD context, in a stable order.
PREFIXES: dict[str, str] = {
    v.prefix: v.base
    for v in (
        RDF,
        RDFS,
        XSD,
        DCT,
        SKOS,
        PROV,
        SCHEMA,
        FOAF,
        PERSON,
        PERSOON,
        ORG,
        OA,
        ELI,
        BESLUIT,
        BESLUITVORMING,
        DOSSIER,
        MANDAAT,
        SPDX,
        DCAT,
        AS,
        LDES,
        TREE,
        SH,
        BD,
        HYDRA,
    )
}
