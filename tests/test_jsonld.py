"""The JSON-LD we publish: a stable, documented context, documents that read like plain
JSON, and expansion by two independent processors (pyld, jsonld.js) to exactly our Turtle.

Every entity of the sample corpus is checked, serialised as ingest serialises it.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
import rdflib
from pyld import jsonld as pyld
from rdflib.compare import isomorphic

from beleidsdata.formats.context import (
    CLASSES,
    CONTEXT_PATH,
    TERMS,
    context_document,
    context_markdown,
)
from beleidsdata.formats.registry import serialise_all
from beleidsdata.pipeline import convert, read_source
from support import ROOT, SAMPLES, npm_package

BASE = "http://localhost:8000"
CONTEXT_URL = BASE + CONTEXT_PATH
TERM = {t.key: t for t in TERMS}
ORDER = {t.key: i for i, t in enumerate(TERMS)}
COMPACT_IRI = re.compile(r"^[a-z]+:[A-Za-z_]")


@pytest.fixture(scope="module")
def documents() -> dict[str, tuple[dict, str]]:
    """path → (compacted JSON-LD, Turtle) for every entity of the sample corpus."""
    texts = [read_source(p) for p in sorted(SAMPLES.glob("*.txt"))]
    conversion = convert(texts, BASE)
    out = {}
    for entity in conversion.entities.values():
        bodies = serialise_all(entity.triples, entity.iri, CONTEXT_URL)
        out[entity.path] = (json.loads(bodies["jsonld"]), bodies["ttl"].decode())
    return out


def kinds(documents: dict) -> set[str]:
    return {path.split("/", 1)[0] for path in documents}


def _loader(url: str, options: dict | None = None) -> dict:
    assert url == CONTEXT_URL, url
    return {"contextUrl": None, "documentUrl": url, "document": context_document()}


def test_docs_context_md_is_generated_from_the_terms() -> None:
    committed = (ROOT / "docs" / "context.md").read_text()
    assert committed == context_markdown(), (
        "docs/context.md is out of date: python -m beleidsdata.formats.context > docs/context.md"
    )
    for term in TERMS:
        assert f"| `{term.key}` |" in committed and term.doc


def test_every_key_is_documented_and_unique() -> None:
    keys = [t.key for t in TERMS]
    assert len(keys) == len(set(keys))
    ctx = context_document()["@context"]
    assert ctx["id"] == "@id" and ctx["type"] == "@type"
    for term in TERMS:
        assert term.doc.strip(), term.key
        assert ":" not in term.key
        if term.reverse:
            assert ctx[term.key] == {"@reverse": term.iri, "@container": "@set"}
    assert not set(keys) & set(CLASSES)


def test_decisions_read_as_one_tree(documents: dict) -> None:
    decisions = [d for p, (d, _) in documents.items() if p.startswith("beslissing/")]
    assert len(decisions) == 26
    for doc in decisions:
        assert "@graph" not in doc
        treatment = doc["behandelingen"][0]
        assert treatment["type"] == ["BehandelingVanAgendapunt"]
        assert "onderwerp" not in treatment  # said by the reverse key
        activity = treatment["beslissing"]
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", activity["datum"])
        assert doc["id"].split("/")[-2] == activity["datum"]


def test_no_document_needs_a_graph_or_prefixed_names(documents: dict) -> None:
    for path, (doc, _) in documents.items():
        assert "@graph" not in doc, path

        def walk(node: object, where: str) -> None:
            if isinstance(node, dict):
                for key, value in node.items():
                    assert ":" not in key, f"{where}: key {key}"
                    walk(value, f"{where}.{key}")
            elif isinstance(node, list):
                for value in node:
                    walk(value, where)
            elif isinstance(node, str):
                assert not COMPACT_IRI.match(node) or node.startswith(("http:", "https:")), (
                    f"{where}: compact IRI {node}"
                )

        walk(doc, path)


def test_arrays_exactly_where_the_context_says_and_stable_key_order(documents: dict) -> None:
    seen: set[str] = set()

    def check(node: dict, where: str) -> None:
        keys = [k for k in node if k not in ("@context", "id", "type")]
        assert list(node)[: 1 + ("@context" in node)][-1] == "id", where
        assert keys == sorted(keys, key=lambda k: ORDER[k]), where
        if "type" in node:
            assert isinstance(node["type"], list)
            assert all(t in CLASSES for t in node["type"]), (where, node["type"])
        for key in keys:
            assert key in TERM, f"{where}: undocumented key {key}"
            seen.add(key)
            value = node[key]
            assert isinstance(value, list) == TERM[key].repeat, f"{where}.{key}"
            for v in value if isinstance(value, list) else [value]:
                assert not (isinstance(v, dict) and "@value" in v), f"{where}.{key}: {v}"
                if isinstance(v, dict):
                    check(v, f"{where}.{key}")

    for path, (doc, _) in documents.items():
        check(doc, path)
    assert {"titel", "datum", "bedrag", "behandelingen", "stukken", "onderdelen"} <= seen


def _same_graph(nquads: str, turtle: str, where: str) -> None:
    expanded = rdflib.Graph().parse(data=nquads, format="nquads")
    ours = rdflib.Graph().parse(data=turtle, format="turtle")
    assert len(ours) > 0
    assert isomorphic(expanded, ours), where


def test_pyld_expands_every_document_to_our_turtle(documents: dict) -> None:
    for path, (doc, turtle) in documents.items():
        nquads = pyld.to_rdf(doc, {"format": "application/n-quads", "documentLoader": _loader})
        _same_graph(nquads, turtle, path)


JSONLD_JS = """
const jsonld = require("jsonld");
const fs = require("fs");
const [context, docs] = JSON.parse(fs.readFileSync(0, "utf8"));
const documentLoader = async (url) => {
  if (url !== context.url) throw new Error("unexpected context " + url);
  return {contextUrl: null, documentUrl: url, document: context.document};
};
(async () => {
  const out = {};
  for (const [path, doc] of Object.entries(docs)) {
    out[path] = await jsonld.toRDF(doc, {format: "application/n-quads", documentLoader});
  }
  process.stdout.write(JSON.stringify(out));
})().catch((e) => { console.error(e); process.exit(1); });
"""


@pytest.mark.external
def test_jsonld_js_expands_every_kind_to_our_turtle(documents: dict, tmp_path: Path) -> None:
    folder = npm_package("jsonld@9.0.0")
    script = folder / "expand.cjs"
    script.write_text(JSONLD_JS)
    payload = [
        {"url": CONTEXT_URL, "document": context_document()},
        {path: doc for path, (doc, _) in documents.items()},
    ]
    result = subprocess.run(
        ["node", str(script)],
        input=json.dumps(payload),
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    expanded = json.loads(result.stdout)
    assert set(expanded) == set(documents)
    assert kinds(documents) >= {
        "beslissing",
        "regeerakkoord",
        "strategie",
        "resolutie",
        "mededeling",
        "evaluatie",
        "persoon",
        "bron",
    }
    for path, (_, turtle) in documents.items():
        _same_graph(expanded[path], turtle, path)
