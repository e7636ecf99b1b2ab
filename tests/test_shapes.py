"""Specification of the SHACL shapes (shapes/) and the local vocabularies (vocab/).

The shapes are checked against what the mapping really produces: the five sample documents,
converted together as the service does. Edits to that real data (a property removed, a value
of the wrong type) must be caught with a result that names the node, the path and a message
in Dutch and English; the untouched corpus must conform.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path

import pytest
import rdflib
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SH, SKOS

from beleidsdata.mapping import namespaces, terms
from beleidsdata.mapping.namespaces import (
    BD,
    BESLUIT,
    BESLUITVORMING,
    DCT,
    ELI,
    MANDAAT,
    OA,
    ORG,
    SCHEMA,
    SPDX,
    XSD,
    Vocabulary,
)
from beleidsdata.mapping.terms import IRI, Term, Triple, entity_of
from beleidsdata.mapping.uris import CONCEPT_BASE, VLAAMS_PARLEMENT, VLAAMSE_REGERING, VOCAB_BASE
from beleidsdata.pipeline import Conversion, check_entities, convert, read_source
from beleidsdata.resources import shapes_dir, vocab_dir
from beleidsdata.validation import (
    ValidationReport,
    ValidationResult,
    areas,
    shapes_graph,
    validate_triples,
)

BASE = "http://localhost:8000"
SHAPES_NS = "https://w3id.org/beleidsdata/shapes#"
ONTOLOGY = rdflib.URIRef("https://w3id.org/beleidsdata/ns")
AREAS = (
    "beslissingenlijst",
    "besluiten",
    "evaluatie",
    "mededeling",
    "regeerakkoord",
    "resolutie",
    "strategie",
)
# Validating the whole sample corpus must stay quick: ingest validates on every write.
RDF_TYPE = namespaces.RDF.type


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def corpus(sample_paths: list[Path]) -> Conversion:
    assert len(sample_paths) == 5
    return convert([read_source(p) for p in sample_paths], BASE)


@pytest.fixture(scope="module")
def corpus_graph(corpus: Conversion) -> rdflib.Graph:
    from beleidsdata.validation import triples_to_graph

    return triples_to_graph(corpus.triples())


@pytest.fixture(scope="module")
def corpus_report(corpus: Conversion) -> ValidationReport:
    return validate_triples(corpus.triples())


@pytest.fixture(scope="module")
def shapes() -> rdflib.Graph:
    return shapes_graph()


@pytest.fixture(scope="module")
def vocab() -> rdflib.Graph:
    return rdflib.Graph().parse(vocab_dir() / "beleidsdata.ttl")


@pytest.fixture(scope="module")
def concepts() -> rdflib.Graph:
    return rdflib.Graph().parse(vocab_dir() / "concepten.ttl")


@pytest.fixture(scope="module")
def organisations() -> rdflib.Graph:
    return rdflib.Graph().parse(vocab_dir() / "organisaties.ttl")


# --------------------------------------------------------------------------- helpers


def langs(graph: rdflib.Graph, subject: rdflib.term.Node, predicate: rdflib.URIRef) -> set[str]:
    return {
        o.language or ""
        for o in graph.objects(subject, predicate)
        if isinstance(o, rdflib.Literal) and str(o).strip()
    }


def path_iris(graph: rdflib.Graph, path: rdflib.term.Node) -> Iterator[rdflib.URIRef]:
    """Every predicate IRI in a SHACL property path (sequence, inverse, alternative…)."""
    if isinstance(path, rdflib.URIRef):
        yield path
        return
    if graph.value(path, RDF.first) is not None:
        for item in Collection(graph, path):
            yield from path_iris(graph, item)
        return
    for key in (
        SH.inversePath,
        SH.alternativePath,
        SH.zeroOrMorePath,
        SH.oneOrMorePath,
        SH.zeroOrOnePath,
    ):
        inner = graph.value(path, key)
        if inner is not None:
            yield from path_iris(graph, inner)


def property_shapes(graph: rdflib.Graph) -> set[rdflib.term.Node]:
    """Every property shape: each object of sh:property and each declared sh:PropertyShape."""
    return set(graph.objects(None, SH.property)) | set(graph.subjects(RDF.type, SH.PropertyShape))


def declared_terms(vocab: rdflib.Graph) -> set[str]:
    """Terms mapping/namespaces.py declares, plus those vocab/beleidsdata.ttl defines."""
    out = {
        v.base + t for v in vars(namespaces).values() if isinstance(v, Vocabulary) for t in v.terms
    }
    out |= {str(s) for s in vocab.subjects(RDFS.isDefinedBy, ONTOLOGY)}
    return out


@cache
def shape_files() -> dict[str, str]:
    """Shape IRI → the stem of the file that declares it."""
    out: dict[str, str] = {}
    for path in sorted(shapes_dir().glob("*.ttl")):
        for shape in rdflib.Graph().parse(path).subjects(RDF.type, None):
            if isinstance(shape, rdflib.URIRef):
                out[str(shape)] = path.stem
    return out


def entity_triples(
    corpus: Conversion, iri: str, edit: Callable[[set[Triple]], set[Triple]] | None = None
) -> set[Triple]:
    """What ingest validates for one changed entity: its description plus the rdf:type
    triples of everything it links to (see pipeline.check_entities)."""
    types: dict[str, list[Triple]] = {}
    for ent in corpus.entities.values():
        for t in ent.triples:
            if t[1] == RDF_TYPE:
                types.setdefault(t[0], []).append(t)
    own = set(corpus.entities[iri].triples)
    out = set(own)
    for _, _, o in own:
        if isinstance(o, IRI):
            out.update(types.get(o, ()))
    return edit(out) if edit is not None else out


def validate_entity(
    corpus: Conversion,
    iri: str,
    edit: Callable[[set[Triple]], set[Triple]] | None = None,
    areas: tuple[str, ...] | None = None,
) -> ValidationReport:
    """Validate one entity with what ingest gives it, and keep the results about the
    entity's own nodes: the nodes it only links to are there with their rdf:type alone (for
    sh:class), so their class shapes rightly miss everything else about them."""
    report = validate_triples(entity_triples(corpus, iri, edit), areas)
    own = [r for r in report.results if entity_of(r.focus) == iri]
    return ValidationReport(
        conforms=not any(r.severity == "Violation" for r in own),
        results=own,
        focus_count=len({r.focus for r in own}),
    )


def without(node: str, predicate: str) -> Callable[[set[Triple]], set[Triple]]:
    def edit(triples: set[Triple]) -> set[Triple]:
        kept = {t for t in triples if not (t[0] == node and t[1] == predicate)}
        assert len(kept) < len(triples), f"{node} has no {predicate} to remove"
        return kept

    return edit


def replacing(node: str, predicate: str, value: Term) -> Callable[[set[Triple]], set[Triple]]:
    def edit(triples: set[Triple]) -> set[Triple]:
        kept = without(node, predicate)(triples)
        return kept | {(IRI(node), IRI(predicate), value)}

    return edit


def entity_of_type(corpus: Conversion, cls: str, kind: str | None = None) -> str:
    """The first (sorted) node of a class in the corpus, optionally in entities of a kind."""
    for ent in corpus.entities.values():
        if kind and ent.kind != kind:
            continue
        for s, p, o in ent.triples:
            if p == RDF_TYPE and o == cls:
                return s
    raise AssertionError(f"no {cls} in the converted samples")


def node_in(corpus: Conversion, suffix: str) -> str:
    nodes = sorted(
        {s for e in corpus.entities.values() for s, _, _ in e.triples if s.endswith(suffix)}
    )
    assert nodes, f"no node ending in {suffix}"
    return nodes[0]


def results_for(
    report: ValidationReport, focus: str, path: str | None = None, severity: str = "Violation"
) -> list[ValidationResult]:
    return [
        r
        for r in report.results
        if r.focus == focus and r.severity == severity and (path is None or r.path == path)
    ]


def assert_explained(result: ValidationResult) -> None:
    assert result.messages.get("nl", "").strip(), result
    assert result.messages.get("en", "").strip(), result
    assert result.shape and result.shape.startswith(SHAPES_NS), result


# --------------------------------------------------------------------------- the files


@pytest.mark.parametrize("path", sorted(shapes_dir().glob("*.ttl")), ids=lambda p: p.name)
def test_every_shapes_file_parses(path: Path) -> None:
    graph = rdflib.Graph().parse(path, format="turtle")
    assert set(graph.subjects(RDF.type, SH.NodeShape)), f"{path.name} declares no node shape"


def test_the_shape_files_are_the_profile_areas_and_concatenate_to_turtle() -> None:
    assert tuple(areas()) == AREAS
    assert (shapes_dir() / "common.ttl").is_file()
    # The API serves all files concatenated as /shapes/beleidsdata.ttl.
    joined = b"\n".join(p.read_bytes() for p in sorted(shapes_dir().glob("*.ttl")))
    assert len(rdflib.Graph().parse(data=joined, format="turtle")) == len(shapes_graph())


@pytest.mark.parametrize("name", ["beleidsdata.ttl", "concepten.ttl", "organisaties.ttl"])
def test_every_vocabulary_file_parses(name: str) -> None:
    assert len(rdflib.Graph().parse(vocab_dir() / name, format="turtle")) > 10


# --------------------------------------------------------------------------- the shapes


def test_shapes_use_only_declared_terms(shapes: rdflib.Graph, vocab: rdflib.Graph) -> None:
    declared = declared_terms(vocab)
    used: dict[str, str] = {}
    for key in (
        SH.targetClass,
        SH.targetSubjectsOf,
        SH.targetObjectsOf,
        SH["class"],
        SH.datatype,
        SH.lessThanOrEquals,
        SH.lessThan,
        SH.equals,
        SH.disjoint,
    ):
        for shape, value in shapes.subject_objects(key):
            used[str(value)] = f"{shape} {shapes.qname(key)}"
    for shape, path in shapes.subject_objects(SH.path):
        for iri in path_iris(shapes, path):
            used[str(iri)] = f"{shape} sh:path"
    assert used
    invented = {iri: where for iri, where in used.items() if iri not in declared}
    assert not invented, f"terms not declared in namespaces.py or vocab/: {invented}"


def test_every_node_shape_is_named_labelled_and_targeted(shapes: rdflib.Graph) -> None:
    node_shapes = set(shapes.subjects(RDF.type, SH.NodeShape))
    assert len(node_shapes) >= 20
    for shape in node_shapes:
        assert isinstance(shape, rdflib.URIRef) and str(shape).startswith(SHAPES_NS), shape
        assert str(shape).endswith("Shape"), shape
        assert {"nl", "en"} <= langs(shapes, shape, RDFS.label), shape
        assert {"nl", "en"} <= langs(shapes, shape, RDFS.comment), shape
        targets = [
            o
            for k in (SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf)
            for o in shapes.objects(shape, k)
        ]
        assert targets, f"{shape} has no target"
        node_level = {SH["or"], SH["and"], SH["not"], SH.xone, SH["class"], SH.pattern}
        if any((shape, k, None) in shapes for k in node_level):
            assert {"nl", "en"} <= langs(shapes, shape, SH.message), shape


def test_every_property_shape_has_a_path_names_and_messages_in_dutch_and_english(
    shapes: rdflib.Graph,
) -> None:
    found = property_shapes(shapes)
    assert len(found) >= 80
    for shape in found:
        assert shapes.value(shape, SH.path) is not None, shape
        for key in (SH.name, SH.description, SH.message):
            assert {"nl", "en"} <= langs(shapes, shape, key), f"{shape} {key}"
        assert shapes.value(shape, SH.severity) in (SH.Violation, SH.Warning), shape


def test_langstring_texts_check_their_language(shapes: rdflib.Graph) -> None:
    for shape in shapes.subjects(SH.datatype, RDF.langString):
        tags = shapes.value(shape, SH.languageIn)
        assert tags is not None, f"{shape} has no sh:languageIn"
        assert [str(t) for t in Collection(shapes, tags)] == ["nl", "en"]


def test_warnings_are_only_advice_about_missing_values(shapes: rdflib.Graph) -> None:
    """A Warning never lets a wrong value through: it only says something is missing (or
    said twice by two sources); every check of a value's type is a Violation."""
    for shape in shapes.subjects(SH.severity, SH.Warning):
        checks = {p for p, _ in shapes.predicate_objects(shape)} & {
            SH.datatype,
            SH["class"],
            SH.nodeKind,
            SH["in"],
            SH.hasValue,
            SH.pattern,
            SH.maxCount,
        }
        assert not checks, f"{shape} is a Warning but checks {checks}"


def test_every_class_the_mapping_emits_has_a_shape(
    corpus_graph: rdflib.Graph, shapes: rdflib.Graph
) -> None:
    shaped = set(shapes.objects(None, SH.targetClass))
    for cls in set(corpus_graph.objects(None, RDF.type)):
        if cls in shaped:
            continue
        # A class with no shape of its own is fine if its nodes always have one that has.
        for node in corpus_graph.subjects(RDF.type, cls):
            assert set(corpus_graph.objects(node, RDF.type)) & shaped, f"{node} ({cls})"


def test_sh_class_targets_are_types_the_mapping_emits(
    corpus_graph: rdflib.Graph, shapes: rdflib.Graph
) -> None:
    emitted = set(corpus_graph.objects(None, RDF.type))
    for shape, cls in shapes.subject_objects(SH["class"]):
        assert cls in emitted, f"{shape} asks for sh:class {cls}, which the mapping never emits"


def test_closed_lists_of_our_concepts_are_defined(
    shapes: rdflib.Graph, concepts: rdflib.Graph
) -> None:
    for _, values in shapes.subject_objects(SH["in"]):
        for value in Collection(shapes, values):
            if str(value).startswith(CONCEPT_BASE):
                assert (value, RDF.type, SKOS.Concept) in concepts, value


# --------------------------------------------------------------------------- the vocabularies


@pytest.mark.parametrize("term", sorted(BD.terms))
def test_every_bd_term_is_defined_in_dutch_and_english(vocab: rdflib.Graph, term: str) -> None:
    iri = rdflib.URIRef(BD[term])
    kinds = set(vocab.objects(iri, RDF.type))
    assert kinds & {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty}, f"bd:{term} undefined"
    for key in (RDFS.label, SKOS.definition, SKOS.scopeNote):
        assert {"nl", "en"} <= langs(vocab, iri, key), f"bd:{term} {key}"
    assert vocab.value(iri, RDFS.isDefinedBy) == ONTOLOGY
    if OWL.Class in kinds:
        assert vocab.value(iri, RDFS.subClassOf) is not None, f"bd:{term}"
    else:
        assert vocab.value(iri, RDFS.domain) is not None, f"bd:{term}"
        assert vocab.value(iri, RDFS.range) is not None, f"bd:{term}"


def test_the_vocabulary_defines_nothing_namespaces_py_does_not_declare(vocab: rdflib.Graph) -> None:
    defined = {str(s) for s in vocab.subjects() if str(s).startswith(BD.base)}
    assert defined == {BD[t] for t in BD.terms}
    assert (ONTOLOGY, RDF.type, OWL.Ontology) in vocab


def test_every_concept_the_mapping_uses_is_defined(
    corpus: Conversion, concepts: rdflib.Graph
) -> None:
    used = {o for t in corpus.triples() for o in t if str(o).startswith(CONCEPT_BASE + "/")}
    assert len(used) > 20
    missing = sorted(
        str(c) for c in used if (rdflib.URIRef(c), RDF.type, SKOS.Concept) not in concepts
    )
    assert not missing, f"concepts missing from vocab/concepten.ttl: {missing}"


def test_every_concept_is_complete(concepts: rdflib.Graph) -> None:
    schemes = set(concepts.subjects(RDF.type, SKOS.ConceptScheme))
    assert {str(s).rsplit("/", 1)[-1] for s in schemes} == {
        "documentsoort",
        "goedkeuringssoort",
        "onderdeelsoort",
        "realisatiestatus",
    }
    for scheme in schemes:
        assert {"nl", "en"} <= langs(concepts, scheme, SKOS.prefLabel), scheme
        assert {"nl", "en"} <= langs(concepts, scheme, SKOS.definition), scheme
    for concept in concepts.subjects(RDF.type, SKOS.Concept):
        scheme = rdflib.URIRef(str(concept).rsplit("/", 1)[0])
        assert {"nl", "en"} <= langs(concepts, concept, SKOS.prefLabel), concept
        assert {"nl", "en"} <= langs(concepts, concept, SKOS.definition), concept
        assert concepts.value(concept, SKOS.inScheme) == scheme, concept
        assert concepts.value(concept, SKOS.topConceptOf) == scheme, concept
        assert (scheme, SKOS.hasTopConcept, concept) in concepts, concept
        assert str(concepts.value(concept, SKOS.notation)) == str(concept).rsplit("/", 1)[-1]


def test_the_realisation_statuses_are_the_four_the_parser_knows(concepts: rdflib.Graph) -> None:
    from beleidsdata.sources.evaluation import STATUS_VALUES

    scheme = rdflib.URIRef(CONCEPT_BASE + "/realisatiestatus")
    defined = {str(c).rsplit("/", 1)[-1] for c in concepts.subjects(SKOS.inScheme, scheme)}
    assert defined == set(STATUS_VALUES)


def test_eu_authority_matches_are_the_verified_ones(concepts: rdflib.Graph) -> None:
    verified = {
        f"http://publications.europa.eu/resource/authority/resource-type/{c}"
        for c in ("RES", "COMMUNIC", "NOTE", "NOTICE", "REPORT")
    }
    verified.add("http://publications.europa.eu/resource/authority/subdivision/CPT")
    matches = set()
    for key in (
        SKOS.exactMatch,
        SKOS.closeMatch,
        SKOS.broadMatch,
        SKOS.narrowMatch,
        SKOS.relatedMatch,
    ):
        matches |= {str(o) for o in concepts.objects(None, key)}
    assert matches and matches <= verified, matches - verified


def test_the_bodies_we_link_to_are_described(
    corpus: Conversion, organisations: rdflib.Graph
) -> None:
    bodies = {VLAAMSE_REGERING, VLAAMS_PARLEMENT}
    ours = {
        o
        for t in corpus.triples()
        for o in t
        if isinstance(o, str) and o.startswith(VOCAB_BASE + "/id/")
    }
    assert ours <= bodies
    used = {o for t in corpus.triples() for o in t if o in bodies}
    assert used == bodies
    for body in bodies:
        iri = rdflib.URIRef(body)
        assert (iri, RDF.type, rdflib.URIRef(BESLUIT.Bestuursorgaan)) in organisations, body
        assert {"nl", "en"} <= langs(organisations, iri, SKOS.prefLabel), body


# --------------------------------------------------------------------------- the corpus


def test_the_sample_corpus_conforms(corpus: Conversion, corpus_report: ValidationReport) -> None:
    report = corpus_report
    assert {d.kind for d in corpus.documents} == {
        "evaluatie",
        "strategie",
        "resolutie",
        "mededeling",
    }
    assert report.conforms, report.to_text("en")
    assert not report.violations
    for result in report.results:
        assert_explained(result)


def test_the_sample_warnings_are_the_known_gaps_in_the_texts(
    corpus: Conversion, corpus_report: ValidationReport
) -> None:
    """The resolution has no title block: allowed, but worth a steward's attention. (Export
    b names no section, but the corpus holds export a of the same evaluation, which does.)"""
    report = corpus_report
    warned = {(r.path, r.focus.split("/id/", 1)[1].split("/")[0]) for r in report.results}
    known = {(DCT.title, "resolutie"), (ELI.date_document, "resolutie")}
    assert warned == known, (
        "the warnings on the samples changed: if a parser now finds "
        f"what was missing, drop it from the list: {warned ^ known}"
    )


def _one_entity_per_kind_and_class(corpus: Conversion) -> list[str]:
    picked: dict[tuple[str, tuple[str, ...]], str] = {}
    for iri, ent in corpus.entities.items():
        picked.setdefault((ent.kind, ent.types), iri)
    assert len(picked) >= 12
    return sorted(picked.values())


def test_every_entity_validates_with_only_what_ingest_gives_it(corpus: Conversion) -> None:
    """Ingest validates a changed entity with only the rdf:type triples of what it links to,
    so no shape may need more of the graph than the entity's own description."""
    for iri in _one_entity_per_kind_and_class(corpus):
        report = validate_entity(corpus, iri)
        assert report.conforms, report.to_text("en")


def no_store(iris: object) -> dict[str, tuple[str, ...]]:
    """Types of entities outside the conversion: none (everything is converted together)."""
    return {}


def test_ingest_validation_judges_only_the_changed_entities(corpus: Conversion) -> None:
    """The nodes an entity links to are in its data graph with their rdf:type only, so their
    class shapes would miss everything else about them: ingest must not hold that against
    the entity (pipeline.check_entities keeps only results about the changed entities)."""
    for iri in _one_entity_per_kind_and_class(corpus):
        report = check_entities(corpus.entities, [iri], no_store, lambda _iri: None)
        assert report.conforms, iri


# --------------------------------------------------------------------------- edits must fail


def _agreement_section(corpus: Conversion) -> str:
    return f"{BASE}/id/regeerakkoord/2019-2024/sectie/2.3.5"


def _strategy(corpus: Conversion) -> str:
    return entity_of_type(corpus, ELI.Work, kind="strategie")


# area → (how to find a real resource of that area, the required property to remove)
REQUIRED: dict[str, tuple[Callable[[Conversion], str], str]] = {
    "besluiten": (lambda c: node_in(c, "#behandeling"), DCT.subject),
    "evaluatie": (lambda c: entity_of_type(c, BD.Bevinding), BD.thema),
    "mededeling": (lambda c: entity_of_type(c, MANDAAT.Mandataris), ORG.holds),
    "regeerakkoord": (_agreement_section, ELI.is_part_of),
    "resolutie": (lambda c: entity_of_type(c, ELI.LegalResource), ELI.passed_by),
    "strategie": (_strategy, DCT.title),
    # Found in a decision list (the samples hold none): see ``_area_corpus``.
    "beslissingenlijst": (lambda c: entity_of_type(c, ELI.Work), ELI.work_type),
}


@pytest.fixture(scope="module")
def decision_list() -> Conversion:
    from support import FIXTURES

    path = FIXTURES / "beslissingenlijst" / "kortbestek-2021-05-07-harde-regels.txt"
    return convert([read_source(path)], BASE)


@pytest.mark.parametrize("area", AREAS)
def test_removing_a_required_property_fails_naming_node_path_and_message(
    corpus: Conversion, decision_list: Conversion, area: str
) -> None:
    corpus = decision_list if area == "beslissingenlijst" else corpus
    find, predicate = REQUIRED[area]
    node = find(corpus)
    entity = entity_of(node)
    # The area's own shapes (with common.ttl) are enough to catch it…
    report = validate_entity(corpus, entity, without(node, predicate), areas=(area,))
    assert not report.conforms
    hits = results_for(report, node, predicate)
    assert hits, report.to_text("en")
    for hit in hits:
        assert_explained(hit)
        assert shape_files()[hit.shape] in (area, "common")
    # …and so is the full set of shapes, as ingest uses it.
    assert results_for(validate_entity(corpus, entity, without(node, predicate)), node, predicate)


WRONG_VALUES = {
    "amount as a string": (
        lambda c: node_in(c, "#bedrag-12000000"),
        SCHEMA.value,
        terms.string("12000000"),
    ),
    "date as a string": (
        lambda c: node_in(c, "#beslissing"),
        "https://data.vlaanderen.be/ns/dossier#Activiteit.startdatum",
        terms.string("2019-12-20"),
    ),
    "title in French": (_strategy, DCT.title, terms.text("Stratégie", "fr")),
    "title without language": (_strategy, DCT.title, terms.string("Vlaamse Digitale Strategie")),
    "unknown agenda item type": (
        lambda c: entity_of_type(c, BESLUIT.Agendapunt),
        BESLUIT["Agendapunt.type"],
        IRI("http://themis.vlaanderen.be/id/concept/agendapunt-type/x"),
    ),
    "unknown realisation status": (
        lambda c: entity_of_type(c, BD.Evaluatie),
        BD.realisatiestatus,
        IRI(CONCEPT_BASE + "/realisatiestatus/half-nagekomen"),
    ),
    "quoted text with a language tag": (
        lambda c: node_in(c, "#herkomst-resolutie-slim-vlaanderen-begin"),
        OA.exact,
        terms.text("Het Vlaams Parlement"),
    ),
    # (rdflib writes hexBinary in lower case itself, so the length is what can go wrong)
    "checksum of the wrong length": (
        lambda c: node_in(c, "/bron/resolutie-slim-vlaanderen#sha256"),
        SPDX.checksumValue,
        terms.Literal("ab" * 31, XSD.hexBinary),
    ),
    "part of a non-work": (
        lambda c: f"{_strategy(c)}/speerpunt/2.3",
        ELI.is_part_of,
        IRI(VLAAMSE_REGERING),
    ),
}


@pytest.mark.parametrize("case", sorted(WRONG_VALUES))
def test_a_value_of_the_wrong_type_fails(corpus: Conversion, case: str) -> None:
    find, predicate, value = WRONG_VALUES[case]
    node = find(corpus)
    report = validate_entity(corpus, entity_of(node), replacing(node, predicate, value))
    hits = results_for(report, node, predicate)
    assert hits, report.to_text("en")
    for hit in hits:
        assert_explained(hit)


def test_the_amount_value_must_be_a_decimal(corpus: Conversion) -> None:
    node = node_in(corpus, "#bedrag-12000000")
    report = validate_entity(
        corpus, entity_of(node), replacing(node, SCHEMA.value, terms.string("12000000"))
    )
    [hit] = results_for(report, node, SCHEMA.value)
    assert hit.constraint and hit.constraint.endswith("DatatypeConstraintComponent")
    assert "xsd:decimal" in hit.message("nl") and "xsd:decimal" in hit.message("en")


# --------------------------------------------------------------------------- advice vs rules


def test_a_decision_cited_by_date_only_is_a_warning_not_a_violation(corpus: Conversion) -> None:
    item = entity_of_type(corpus, BESLUIT.Agendapunt)
    report = validate_entity(corpus, item, without(item, DCT.title))
    assert report.conforms and not report.violations
    [hit] = results_for(report, item, DCT.title, severity="Warning")
    assert_explained(hit)


def test_the_agreement_profile_is_conditional(corpus: Conversion) -> None:
    """A coalition-agreement section must carry its number; a communication's section need
    not (the sample has unnumbered ones, deel-1…), and neither fails the other's rules."""
    section = _agreement_section(corpus)
    report = validate_entity(corpus, section, without(section, ELI.number))
    [hit] = results_for(report, section)
    assert hit.shape == SHAPES_NS + "RegeerakkoordSectieShape"
    assert_explained(hit)
    unnumbered = [
        s
        for e in corpus.entities.values()
        if e.kind == "mededeling"
        for s in {t[0] for t in e.triples}
        if ELI.WorkSubdivision in e.values(RDF_TYPE, s) and not e.values(ELI.number, s)
    ]
    assert unnumbered
    report = validate_entity(corpus, unnumbered[0])
    assert not report.violations


def test_the_strategy_profile_is_conditional(corpus: Conversion) -> None:
    """A speerpunt needs its title; a strategy needs parts; an evaluation (a work without
    eli:has_part) is not held to that."""
    speerpunt = f"{_strategy(corpus)}/speerpunt/2.3"
    report = validate_entity(corpus, speerpunt, without(speerpunt, DCT.title))
    assert any(
        r.shape == SHAPES_NS + "StrategieOnderdeelShape" for r in results_for(report, speerpunt)
    )
    strategy = _strategy(corpus)
    report = validate_entity(corpus, strategy, without(strategy, ELI.has_part))
    assert any(r.shape == SHAPES_NS + "StrategieShape" for r in results_for(report, strategy))
    evaluation = entity_of_type(corpus, BD.Evaluatie)
    assert not corpus.entities[evaluation].values(ELI.has_part)
    assert validate_entity(corpus, evaluation).conforms


def test_a_treatment_must_point_to_the_decision_activity(corpus: Conversion) -> None:
    """sh:class on links: the decision activity must be typed as such."""
    node = node_in(corpus, "#behandeling")
    activity = node.replace("#behandeling", "#beslissing")

    def untype(triples: set[Triple]) -> set[Triple]:
        return {t for t in triples if not (t[0] == activity and t[1] == RDF_TYPE)}

    report = validate_entity(corpus, entity_of(node), untype)
    assert results_for(report, node, BESLUITVORMING.heeftBeslissing)
