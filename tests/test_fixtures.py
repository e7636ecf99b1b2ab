"""Documents the parsers were not tuned on (variant fixtures of every kind: other
numbering, missing sections, Windows line endings, OCR noise) convert and conform; texts
cut off (fixtures/afgebroken/{kind}-…) are refused with their line unless read as partial."""

from __future__ import annotations

from pathlib import Path

import pytest

from beleidsdata.errors import SourceError
from beleidsdata.kinds import registry
from beleidsdata.mapping.namespaces import BD
from beleidsdata.pipeline import convert, read_source
from beleidsdata.validation import validate_triples
from support import FIXTURES

CUT = FIXTURES / "afgebroken"
KINDS = frozenset(registry.keys())
# Each kind's variants live in a folder named after the kind; other folders hold
# truncated texts, broken RDF or old stores.
VARIANTS = sorted(
    p for p in FIXTURES.glob("*/*") if p.suffix in {".txt", ".md"} and p.parent.name in KINDS
)
TRUNCATED = sorted(CUT.glob("*.txt"))


def test_every_kind_has_at_least_three_variants() -> None:
    kinds = {p.parent.name for p in VARIANTS}
    assert kinds >= {"evaluatie", "mededeling", "regeerakkoord", "resolutie", "strategie"}
    for kind in kinds:
        assert sum(p.parent.name == kind for p in VARIANTS) >= 3, kind


@pytest.mark.parametrize("path", VARIANTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_a_variant_converts_as_its_kind_and_conforms(path: Path) -> None:
    conversion = convert([read_source(path)], "http://localhost:8000")
    [document] = conversion.documents
    expected = "mededeling" if path.parent.name == "mededeling" else path.parent.name
    assert document.kind == expected
    assert len(conversion.entities) > 3
    report = validate_triples(conversion.triples())
    assert report.conforms, report.to_text("en")


@pytest.mark.parametrize("path", TRUNCATED, ids=lambda p: p.name)
def test_a_truncated_text_is_refused_with_its_line_unless_partial(path: Path) -> None:
    with pytest.raises(SourceError) as caught:
        convert([read_source(path)], "http://localhost:8000")
    assert caught.value.line is not None and "--partial" in caught.value.message
    conversion = convert([read_source(path)], "http://localhost:8000", partial=True)
    [document] = conversion.documents
    assert document.kind == path.name.split("-", 1)[0] and document.partial
    # Every resource read from it says it is incomplete, and the result conforms.
    for iri, entity in conversion.entities.items():
        assert entity.values(BD.onvolledig), iri
    report = validate_triples(conversion.triples())
    assert report.conforms, report.to_text("en")
