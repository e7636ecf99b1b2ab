"""A new kind of document through the registry alone (docs/adding-a-kind.md): a toy kind,
recipes, with a parser, a mapper and a shape file of its own, all in this test. Registered
with ``kinds.registered``, it is detected, converted by ``pipeline.convert`` like any
built-in kind, and its output validated against its shapes and the common ones."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
import rdflib

from beleidsdata import kinds
from beleidsdata.errors import SourceError, UnknownKindError
from beleidsdata.mapping import terms
from beleidsdata.mapping.common import Origin, part, work
from beleidsdata.mapping.graph import GraphBuilder
from beleidsdata.mapping.mapper import SelfContained
from beleidsdata.mapping.namespaces import ELI
from beleidsdata.mapping.terms import IRI
from beleidsdata.mapping.uris import slug
from beleidsdata.pipeline import convert
from beleidsdata.resources import shapes_dir
from beleidsdata.sources.base import Note, ParsedDocument, SourceText, Span, ends_cleanly
from beleidsdata.validation.engine import compile_shapes, validate

KEY = "recept"
CONCEPT = f"https://w3id.org/beleidsdata/concept/documentsoort/{KEY}"


# The parser: a title line "RECEPT: …" and numbered steps --------------------------------


@dataclass(frozen=True)
class Step:
    number: str
    text: str
    span: Span


@dataclass(frozen=True)
class Recipe:
    title: str
    steps: tuple[Step, ...]
    span: Span
    notes: tuple[Note, ...] = ()


_TITLE = re.compile(r"^RECEPT:\s*(?P<title>\S.*)$")
_STEP = re.compile(r"^(?P<n>\d+)\.\s+(?P<text>\S.*)$")


class RecipeParser:
    """A module would do (``sources/recept.py`` with ``detect`` and ``parse``)."""

    def detect(self, source: SourceText) -> float:
        return 0.9 if _TITLE.match(source.lines[0]) else 0.0

    def parse(self, source: SourceText) -> Recipe:
        title = _TITLE.match(source.lines[0])
        if title is None:
            raise source.error("expected 'RECEPT: <title>' on the first line", 1)
        steps = tuple(
            Step(m.group("n"), m.group("text"), Span(n, n))
            for n, line in enumerate(source.lines, 1)
            if (m := _STEP.match(line.strip()))
        )
        if not steps:
            raise source.error("a recipe needs numbered steps ('1. …')", 1)
        last = steps[-1]
        notes = (
            () if ends_cleanly(last.text) else (Note(last.span.end, "the last step stops", True),)
        )
        return Recipe(title.group("title"), steps, Span(1, last.span.end), notes)


# The mapper: the recipe as an eli:Work, its steps as parts ----------------------------------


def map_recipe(doc: ParsedDocument[Recipe], out: GraphBuilder) -> IRI:
    origin = Origin(doc.source)
    iri = out.minter.iri_of(f"{KEY}/{slug(doc.record.title)}")
    work(out, origin, iri, (ELI.Work,), KEY, doc.record.title, doc.record.span)
    for position, step in enumerate(doc.record.steps, 1):
        part(
            out,
            origin,
            out.minter.child(iri, "stap", step.number),
            iri,
            "punt",
            number=step.number,
            title=None,
            text=step.text,
            position=position,
            span=step.span,
        )
    out.add(iri, ELI.date_document, terms.date("2024-01-01"))
    return iri


# The shape file: a recipe has at least two steps ------------------------------------------

TOY_SHAPES = f"""
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix eli: <http://data.europa.eu/eli/ontology#> .
@prefix bds: <https://w3id.org/beleidsdata/shapes#> .

bds:ReceptShape a sh:NodeShape ;
    sh:targetClass eli:Work ;
    sh:or (
        [ sh:not [ sh:path eli:work_type ; sh:hasValue <{CONCEPT}> ] ]
        [ sh:property bds:ReceptShape-stappen ]
    ) ;
    sh:message "Een recept heeft minstens twee stappen."@nl, "A recipe has at least two steps."@en .

bds:ReceptShape-stappen a sh:PropertyShape ;
    sh:path eli:has_part ;
    sh:minCount 2 ;
    sh:severity sh:Violation ;
    sh:message "Recept: minstens twee stappen (eli:has_part)."@nl,
        "Recipe: at least two steps (eli:has_part)."@en .
"""


def shapes_with_the_toy_kind() -> rdflib.Graph:
    """common.ttl with the new kind in its two lists of document kinds (the step
    docs/adding-a-kind.md describes for a real kind), plus the kind's own shape file."""
    common = (shapes_dir() / "common.ttl").read_text(encoding="utf-8")
    common = common.replace(
        "        documentsoort:motie\n",
        f"        documentsoort:motie\n        <{CONCEPT}>\n",
    ).replace(
        "        documentsoort:nota\n",
        f"        documentsoort:nota\n        <{CONCEPT}>\n",
    )
    graph = rdflib.Graph().parse(data=common, format="turtle")
    return graph.parse(data=TOY_SHAPES, format="turtle")


TOY = kinds.Kind(
    key=KEY,
    label=kinds.Label("recept", "recipe"),
    description=kinds.Label("Een recept met genummerde stappen.", "A recipe with numbered steps."),
    parser=RecipeParser(),
    mapper=SelfContained(map_recipe),
    shapes=(KEY,),
    example=f"{KEY}/pannenkoeken",
)

PANCAKES = "RECEPT: Pannenkoeken\n\n1. Meng bloem, melk en eieren.\n2. Bak dunne pannenkoeken.\n"


def test_a_kind_added_through_the_registry_alone_converts_and_validates() -> None:
    with kinds.registered(TOY):
        assert kinds.get(KEY) is TOY and KEY in kinds.areas()
        source = SourceText.from_string("pannenkoeken.txt", PANCAKES)
        assert kinds.detect(source).key == KEY  # detected from the content
        conversion = convert([source], "http://localhost:8000")
    [doc] = conversion.documents
    assert doc.kind == KEY
    work_iri = "http://localhost:8000/id/recept/pannenkoeken"
    assert set(conversion.entities) == {
        work_iri,
        f"{work_iri}/stap/1",
        f"{work_iri}/stap/2",
        "http://localhost:8000/id/bron/pannenkoeken",
    }
    data = rdflib.Graph().parse(data=terms.to_ntriples(conversion.triples()), format="nt")
    conforms, results = validate(compile_shapes(shapes_with_the_toy_kind()), data, None)
    assert conforms, results
    # The kind's own shape is live: a recipe of one step does not conform.
    one_step = [t for t in conversion.triples() if "/stap/2" not in t[0] and "/stap/2" not in t[2]]
    data = rdflib.Graph().parse(data=terms.to_ntriples(one_step), format="nt")
    conforms, results = validate(compile_shapes(shapes_with_the_toy_kind()), data, None)
    assert not conforms
    assert any("at least two steps" in str(r.messages) for r in results)


def test_the_toy_kind_is_refused_like_any_kind_when_cut_off_and_gone_afterwards() -> None:
    cut = SourceText.from_string("kort.txt", "RECEPT: Soep\n\n1. Snij de groenten.\n2. Kook\n")
    with kinds.registered(TOY):
        with pytest.raises(SourceError) as caught:
            convert([cut], "http://localhost:8000")
        assert caught.value.line == 4 and "--partial" in caught.value.message
        partial = convert([cut], "http://localhost:8000", partial=True)
        assert all(
            e.values("https://w3id.org/beleidsdata/ns#onvolledig")
            for e in partial.entities.values()
        )
    with pytest.raises(UnknownKindError):
        kinds.get(KEY)
    with pytest.raises(SourceError):
        kinds.detect(SourceText.from_string("pannenkoeken.txt", PANCAKES))


def test_the_toy_kind_is_ingested_validated_served_and_streamed(tmp_path, new_db) -> None:  # type: ignore[no-untyped-def]
    """Through the registry alone: the kind's own shape file (a path outside shapes/) is
    used by ingest's validation, and the service serves its things like any other."""
    from dataclasses import replace

    from fastapi.testclient import TestClient

    from beleidsdata.api.app import create_app
    from beleidsdata.pipeline import ValidationFailed, ingest
    from beleidsdata.store import open_store

    shape_file = tmp_path / "recept.ttl"
    shape_file.write_text(TOY_SHAPES, encoding="utf-8")
    toy = replace(TOY, shapes=(shape_file,))
    store = open_store(new_db(), "http://localhost:8000")
    with kinds.registered(toy):
        one_step = SourceText.from_string("soep.txt", "RECEPT: Soep\n\n1. Kook water.\n")
        with pytest.raises(ValidationFailed):  # its own shape judges it at ingest
            ingest(store, [one_step])
        assert store.last_seq() == 0
        result = ingest(store, [SourceText.from_string("pannenkoeken.txt", PANCAKES)])
        assert "http://localhost:8000/id/recept/pannenkoeken" in result.created
        client = TestClient(create_app(store))
        doc = client.get("/doc/recept/pannenkoeken", headers={"Accept": "application/ld+json"})
        assert doc.status_code == 200 and doc.json()["titel"] == "Pannenkoeken"
        assert (
            client.get("/doc/recept/pannenkoeken", headers={"Accept": "text/html"}).status_code
            == 200
        )
        assert client.get("/ldes/recept", headers={"Accept": "text/turtle"}).status_code == 200
        assert (
            client.get("/doc/recept", headers={"Accept": "application/json"}).json()["totaalAantal"]
            == 3  # the recipe and its two steps
        )
    store.close()
