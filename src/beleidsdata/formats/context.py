"""The JSON-LD context, version 1: short Dutch keys for every term we publish.

The context is the contract with developers who read our JSON as plain JSON: a key,
once published in v1, keeps its meaning and its shape (single value or array) forever.
New keys may be added; nothing is renamed or removed. The keys live in ``context-v1.tsv``
beside this module; ``docs/context.md`` is generated from it so the documentation cannot
drift from the context.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

from ..mapping.namespaces import PREFIXES

CONTEXT_PATH = "/context/v1.jsonld"

# How a term's values are written: an IRI, a Dutch string, a plain string, or a datatype.
ID = "@id"
VOCAB = "@vocab"  # an IRI that may be written as one of our keys ("tijdstip")
NL = "@nl"
PLAIN = "@plain"
_VALUE_KINDS = {"iri": ID, "iri-or-key": VOCAB, "nl": NL, "string": PLAIN}


@dataclass(frozen=True)
class TermDef:
    key: str
    iri: str
    kind: str  # ID, NL, PLAIN or a datatype IRI
    repeat: bool  # always an array in our JSON
    doc: str  # what it means, for docs/context.md
    reverse: bool = False  # {"@reverse": iri}: the nodes that point here with iri


def _expand(curie: str) -> str:
    prefix, _, local = curie.partition(":")
    if prefix not in PREFIXES:
        raise ValueError(f"context-v1.tsv: unknown prefix in {curie!r}")
    return PREFIXES[prefix] + local


def _read_table() -> tuple[tuple[TermDef, ...], dict[str, str]]:
    """The terms and class names of ``context-v1.tsv`` (data, so it reads like the docs)."""
    text = files(__package__).joinpath("context-v1.tsv").read_text(encoding="utf-8")
    terms: list[TermDef] = []
    classes: dict[str, str] = {}
    for line in text.splitlines():
        if not line or line.startswith("#") or line.startswith(("key\t", "class\t")):
            continue
        cells = line.split("\t")
        if len(cells) == 2:
            classes[cells[0]] = _expand(cells[1])
            continue
        key, prop, value, array, doc = cells
        reverse = prop.startswith("^")
        kind = _VALUE_KINDS.get(value) or _expand(value)
        terms.append(TermDef(key, _expand(prop.lstrip("^")), kind, array == "array", doc, reverse))
    return tuple(terms), classes


TERMS, CLASSES = _read_table()


def context_url(base: str) -> str:
    return base.rstrip("/") + CONTEXT_PATH


@cache
def context_document() -> dict[str, Any]:
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
        f"Served at `{CONTEXT_PATH}`. Generated from `src/beleidsdata/formats/context-v1.tsv`",
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
