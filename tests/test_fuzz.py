"""Fuzzing every parser (issue 15, item 6): random text, truncations, shuffled lines, mixed
encodings, deep nesting and huge lines give a result or a one-line input error, never
another exception, never a hang; a refused document leaves the store as it was.

Hypothesis runs derandomized (the same examples every run) and each parse has a time
budget, so a hang fails instead of stalling CI. The suite's share is about a minute; a
longer run draws more examples:

    BELEIDSDATA_FUZZ_EXAMPLES=2000 .venv/bin/pytest tests/test_fuzz.py
"""

from __future__ import annotations

import hashlib
import os
import random
from pathlib import Path

import pytest
import rdflib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from beleidsdata import kinds
from beleidsdata.errors import InputError
from beleidsdata.pipeline import ingest
from beleidsdata.sources.base import SourceText
from beleidsdata.sources.budget import time_budget
from beleidsdata.store import open_store
from beleidsdata.validation.inputs import parse_bytes
from support import FIXTURES, SAMPLES

EXAMPLES = int(os.environ.get("BELEIDSDATA_FUZZ_EXAMPLES", "100"))
FUZZ = settings(
    max_examples=EXAMPLES,
    derandomize=True,
    deadline=None,  # the time budget below judges hangs, with a clear message
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,
)
HANG = 20.0  # seconds: any one parse past this is a hang

SOURCES = sorted(SAMPLES.glob("*.txt")) + sorted(
    next(iter(sorted((FIXTURES / k).glob("*.*")))) for k in ("beslissingenlijst", "regeerakkoord")
)
TEXTS = [p.read_bytes() for p in SOURCES]
TURTLE = b"""@prefix ex: <http://example.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:a ex:p "tekst met \\"aanhalingstekens\\""@nl ; ex:q ( ex:b ex:c [ ex:d 1.5 ] ) .
ex:b ex:r "2021-01-01"^^xsd:date ; ex:s <http://example.org/c> .
"""
RDF = {
    "turtle": TURTLE,
    "n3": TURTLE,
    "nt": b'<http://e/a> <http://e/p> "x" .\n<http://e/a> <http://e/q> <http://e/b> .\n',
    "nquads": b'<http://e/a> <http://e/p> "x" <http://e/g> .\n<http://e/b> <http://e/p> _:b .\n',
    "trig": b"@prefix ex: <http://example.org/> .\nex:g { ex:a ex:p ( 1 2 [ ex:q 3 ] ) . }\n",
    "json-ld": b'{"@context": {"ex": "http://example.org/"}, "@id": "ex:a", "ex:p": '
    b'[{"@id": "ex:b", "ex:q": {"@value": "x", "@language": "nl"}}, {"@list": [1, 2]}]}',
    "xml": b'<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-'
    b'syntax-ns#" xmlns:ex="http://example.org/"><rdf:Description rdf:about="http://e/a">'
    b'<ex:p rdf:parseType="Collection"><rdf:Description rdf:about="http://e/b"/>'
    b"</ex:p></rdf:Description></rdf:RDF>\n",
}


def mutations(base: st.SearchStrategy[bytes]) -> st.SearchStrategy[bytes]:
    """What a careless export or a hostile sender makes of a document."""

    @st.composite
    def mutate(draw: st.DrawFn) -> bytes:
        data = draw(base)
        how = draw(st.sampled_from(["truncate", "shuffle", "encoding", "nest", "line", "splice"]))
        if how == "truncate":
            return data[: draw(st.integers(0, len(data)))]
        if how == "shuffle":
            lines = data.split(b"\n")
            random.Random(draw(st.integers(0, 2**32))).shuffle(lines)
            return b"\n".join(lines)
        if how == "encoding":  # a stretch re-encoded (Latin-1, UTF-16) or raw bytes
            text = data.decode("utf-8", "replace")
            start = draw(st.integers(0, len(text)))
            end = draw(st.integers(start, len(text)))
            codec = draw(st.sampled_from(["latin-1", "utf-16", "cp1252", "raw"]))
            if codec == "raw":
                middle = draw(st.binary(max_size=64))
            else:
                middle = text[start:end].encode(codec, "replace")
            return text[:start].encode() + middle + text[end:].encode()
        if how == "nest":
            opener = draw(st.sampled_from(["(", "[", "{", "[{", "<a>", "((", "\u2028"]))
            depth = draw(st.integers(50, 5000))
            at = draw(st.integers(0, len(data)))
            return data[:at] + (opener * depth).encode() + data[at:]
        if how == "line":  # one huge line of a word from the text
            words = data.split() or [b"x"]
            word = draw(st.sampled_from(words[:200]))
            at = data.find(b"\n", draw(st.integers(0, len(data))))
            at = len(data) if at < 0 else at
            return data[:at] + b"\n" + (word + b" ") * draw(st.integers(1000, 30000)) + data[at:]
        noise = draw(st.text(max_size=200)).encode("utf-8", "surrogatepass")
        at = draw(st.integers(0, len(data)))
        return data[:at] + noise + data[at:]

    return mutate()


def _read_source(data: bytes, kind: str | None) -> None:
    """Read as a source document: a record, or an input error (one line, never another)."""
    with time_budget("fuzzed.txt", HANG):
        try:
            source = SourceText.from_bytes("fuzzed.txt", data)
            kinds.parse(source, kind, partial=kind is not None)
        except InputError as exc:
            assert "\n" not in str(exc) and 400 <= exc.status < 500


@FUZZ
@given(data=st.one_of(st.binary(max_size=2000), st.text(max_size=2000).map(str.encode)))
def test_random_bytes_are_a_record_or_an_input_error(data: bytes) -> None:
    _read_source(data, None)


@FUZZ
@given(
    data=mutations(st.sampled_from(TEXTS)),
    kind=st.sampled_from([None, *kinds.keys()]),
)
def test_mangled_documents_are_a_record_or_an_input_error(data: bytes, kind: str | None) -> None:
    _read_source(data, kind)


@FUZZ
@given(
    fmt_and_data=st.sampled_from(sorted(RDF.items())).flatmap(
        lambda item: st.tuples(
            st.just(item[0]), st.one_of(mutations(st.just(item[1])), st.binary(max_size=500))
        )
    )
)
def test_rdf_in_every_syntax_parses_or_is_one_syntax_error(fmt_and_data: tuple[str, bytes]) -> None:
    fmt, data = fmt_and_data
    with time_budget(f"fuzzed.{fmt}", HANG):
        try:
            parse_bytes(rdflib.Graph(), data, f"fuzzed.{fmt}", fmt)
        except InputError as exc:
            assert "\n" not in str(exc).strip(), str(exc)


@pytest.fixture(scope="module")
def store_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("fuzz") / "store.sqlite"
    store = open_store(path, "http://localhost:8000")
    try:
        ingest(store, [SourceText.from_bytes(SOURCES[0].name, TEXTS[0])])
    finally:
        store.close()
    return path


@settings(FUZZ, max_examples=max(8, EXAMPLES // 8))
@given(data=mutations(st.sampled_from(TEXTS)))
def test_a_refused_document_leaves_the_store_as_it_was(store_file: Path, data: bytes) -> None:
    before = hashlib.sha256(store_file.read_bytes()).hexdigest()
    store = open_store(store_file)
    try:
        with time_budget("fuzzed.txt", HANG):
            ingest(store, [SourceText.from_bytes("fuzzed.txt", data)], wait=5)
    except InputError:
        assert hashlib.sha256(store_file.read_bytes()).hexdigest() == before
    except Exception as exc:  # a conformance failure (DoesNotConform) is a refusal too
        assert type(exc).__module__.startswith("beleidsdata"), repr(exc)
        assert hashlib.sha256(store_file.read_bytes()).hexdigest() == before
    else:  # accepted: published under its own name; the others are untouched
        pass
    finally:
        store.close()
