"""Documents the parsers were not tuned on (variant fixtures of every kind: other
numbering, missing sections, Windows line endings, OCR noise) convert and conform."""

from __future__ import annotations

from pathlib import Path

import pytest

from beleidsdata.pipeline import convert, read_source
from beleidsdata.validation import validate_triples
from support import FIXTURES

VARIANTS = sorted(p for p in FIXTURES.glob("*/*") if p.suffix in {".txt", ".md"})


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
