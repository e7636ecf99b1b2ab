"""Validation reports in the formats stewards and their tools read.

- :func:`to_turtle` and :func:`to_jsonld`: a W3C ``sh:ValidationReport`` (what the ITB
  validator and other SHACL tools exchange), each result with its focus node, path, value,
  severity, source shape and constraint component, messages in Dutch and English and, when
  the data says where it was read, ``prov:qualifiedDerivation`` with the source lines;
- :func:`to_csv`: one row per result, for a spreadsheet; summary counts on the first rows;
- :func:`.report_view.view`: plain dictionaries (summary, results grouped by focus node and
  by rule) that the HTML templates render; no HTML is built here;
- :func:`to_text` and :func:`summary`: the command line's report, in Dutch or English;
  :func:`at_least` keeps the results of a severity and worse (``--severity``);
- :func:`to_pdf` (in :mod:`.pdf`): the report as a PDF to download.

Every word a steward reads comes in Dutch and English (:data:`WORDS`); a severity is
always shown with its colour, its icon and its word, never by colour alone.
"""

from __future__ import annotations

import csv
import io
import json
from typing import TypeAlias

import rdflib
from rdflib.namespace import RDF, SH, XSD

from .model import (
    SEQUENCE_SEPARATOR,
    SEVERITY_ORDER,
    ValidationReport,
    ValidationResult,
    short_path,
)
from .provenance import BD, PROV

#: A JSON value, as json.dumps writes it.
Json: TypeAlias = "str | int | float | bool | list[Json] | dict[str, Json] | None"

REPORT_IRI = "urn:beleidsdata:validation-report"
SEVERITIES = ("Violation", "Warning", "Info")
ICONS = {"Violation": "✖", "Warning": "⚠", "Info": "ℹ"}
# (singular, plural) per language
WORDS: dict[str, dict[str, tuple[str, str]]] = {
    "Violation": {"nl": ("overtreding", "overtredingen"), "en": ("violation", "violations")},
    "Warning": {"nl": ("waarschuwing", "waarschuwingen"), "en": ("warning", "warnings")},
    "Info": {"nl": ("info", "info"), "en": ("info", "info")},
    "conforms": {"nl": ("voldoet", "voldoet"), "en": ("conforms", "conforms")},
    "not": {"nl": ("voldoet niet", "voldoet niet"), "en": ("does not conform", "")},
    "value": {"nl": ("waarde", "waarde"), "en": ("value", "value")},
}


def word(key: str, lang: str, n: int = 1) -> str:
    one, many = WORDS[key].get(lang, WORDS[key]["en"])
    return one if n == 1 else many or one


def severity_name(severity: str, lang: str) -> str:
    """ "Violation" as a reader's word, capitalised: "Overtreding"."""
    return word(severity, lang).capitalize() if severity in WORDS else severity


def at_least(report: ValidationReport, severity: str) -> list[ValidationResult]:
    """The results of this severity and worse (``Warning``: violations and warnings)."""
    limit = SEVERITY_ORDER.get(severity, 2)
    return [r for r in report.results if SEVERITY_ORDER.get(r.severity, 3) <= limit]


def summary(report: ValidationReport, lang: str = "en") -> str:
    """One line: the verdict and the counts, in the reader's language."""
    counts = report.counts()
    verdict = word("conforms" if report.conforms else "not", lang)
    return f"{verdict}: " + ", ".join(f"{counts[s]} {word(s, lang, counts[s])}" for s in SEVERITIES)


def to_text(report: ValidationReport, lang: str = "en", severity: str = "Info") -> str:
    """The command line's report: the summary, then the results, worst first."""
    lines = [summary(report, lang)]
    shown = sorted(
        at_least(report, severity),
        key=lambda r: (SEVERITY_ORDER.get(r.severity, 3), r.focus, r.path or ""),
    )
    for r in shown:
        path = short_path(r.path) if r.path else "-"
        value = f" {word('value', lang)}={r.value}" if r.value else ""
        where = f" [{', '.join(s.label() for s in r.sources)}]" if r.sources else ""
        lines.append(
            f"{ICONS.get(r.severity, '')} {severity_name(r.severity, lang)}: {r.focus} "
            f"{path}{value}: {r.message(lang)}{where}"
        )
    return "\n".join(lines) + "\n"


JSONLD_CONTEXT: dict[str, Json] = {
    "sh": str(SH),
    "xsd": str(XSD),
    "prov": str(PROV),
    "bd": str(BD),
    "conforms": {"@id": "sh:conforms", "@type": "xsd:boolean"},
    "result": {"@id": "sh:result", "@container": "@set"},
    "focusNode": {"@id": "sh:focusNode", "@type": "@id"},
    "resultPath": {"@id": "sh:resultPath", "@type": "@id"},
    "resultSeverity": {"@id": "sh:resultSeverity", "@type": "@id"},
    "sourceShape": {"@id": "sh:sourceShape", "@type": "@id"},
    "sourceConstraintComponent": {"@id": "sh:sourceConstraintComponent", "@type": "@id"},
    "value": {"@id": "sh:value"},
    "resultMessage": {"@id": "sh:resultMessage", "@container": "@language"},
    "qualifiedDerivation": {"@id": "prov:qualifiedDerivation", "@container": "@set"},
    "entity": {"@id": "prov:entity", "@type": "@id"},
    "beginregel": {"@id": "bd:beginregel", "@type": "xsd:integer"},
    "eindregel": {"@id": "bd:eindregel", "@type": "xsd:integer"},
}
CSV_COLUMNS = (
    "severity",
    "focus_node",
    "path",
    "value",
    "message",
    "shape",
    "constraint",
    "source_lines",
)


def _constraint_iri(r: ValidationResult) -> str | None:
    if not r.constraint:
        return None
    return (
        str(SH) + r.constraint.removeprefix("sh:")
        if r.constraint.startswith("sh:")
        else r.constraint
    )


def _value_term(r: ValidationResult) -> rdflib.term.Node | None:
    if r.value is None:
        return None
    if r.value_n3:
        from rdflib.util import from_n3

        try:
            term = from_n3(r.value_n3)
            if isinstance(term, rdflib.URIRef | rdflib.Literal):
                return term
        except Exception:  # an odd value: keep its text
            pass
    return rdflib.Literal(r.value)


def _path_term(g: rdflib.Graph, path: str) -> rdflib.term.Node:
    parts = path.split(SEQUENCE_SEPARATOR)
    if len(parts) == 1:
        return rdflib.URIRef(path)
    from rdflib.collection import Collection

    head = rdflib.BNode()
    Collection(g, head, [rdflib.URIRef(p) for p in parts])
    return head


def report_graph(report: ValidationReport) -> rdflib.Graph:
    g = rdflib.Graph()
    for prefix, ns in (("sh", SH), ("xsd", XSD), ("prov", PROV), ("bd", BD)):
        g.bind(prefix, ns)
    root = rdflib.URIRef(REPORT_IRI)
    g.add((root, RDF.type, SH.ValidationReport))
    g.add((root, SH.conforms, rdflib.Literal(report.conforms)))
    for i, r in enumerate(report.results, 1):
        node = rdflib.URIRef(f"{REPORT_IRI}#result-{i}")
        g.add((root, SH.result, node))
        g.add((node, RDF.type, SH.ValidationResult))
        g.add((node, SH.focusNode, rdflib.URIRef(r.focus)))
        g.add((node, SH.resultSeverity, SH[r.severity]))
        if r.path:
            g.add((node, SH.resultPath, _path_term(g, r.path)))
        value = _value_term(r)
        if value is not None:
            g.add((node, SH.value, value))
        if r.shape:
            g.add((node, SH.sourceShape, rdflib.URIRef(r.shape)))
        constraint = _constraint_iri(r)
        if constraint:
            g.add((node, SH.sourceConstraintComponent, rdflib.URIRef(constraint)))
        for lang, msg in r.messages.items():
            g.add((node, SH.resultMessage, rdflib.Literal(msg, lang=lang or None)))
        for j, s in enumerate(r.sources, 1):
            d = rdflib.URIRef(f"{REPORT_IRI}#result-{i}-bron-{j}")
            g.add((node, PROV.qualifiedDerivation, d))
            g.add((d, RDF.type, PROV.Derivation))
            g.add((d, PROV.entity, rdflib.URIRef(s.source)))
            g.add((d, BD.beginregel, rdflib.Literal(s.begin)))
            g.add((d, BD.eindregel, rdflib.Literal(s.end)))
    return g


def to_turtle(report: ValidationReport) -> str:
    return report_graph(report).serialize(format="turtle")


def to_jsonld(report: ValidationReport) -> str:
    """Compact JSON-LD with an inline context, so it needs no network to expand."""
    results: list[Json] = []
    for i, r in enumerate(report.results, 1):
        item: dict[str, Json] = {
            "@id": f"{REPORT_IRI}#result-{i}",
            "@type": "sh:ValidationResult",
            "focusNode": r.focus,
            "resultSeverity": f"sh:{r.severity}",
        }
        if r.path:
            parts = r.path.split(SEQUENCE_SEPARATOR)
            item["resultPath"] = (
                r.path if len(parts) == 1 else {"@list": [{"@id": p} for p in parts]}
            )
        value = _value_term(r)
        if isinstance(value, rdflib.URIRef):
            item["value"] = {"@id": str(value)}
        elif isinstance(value, rdflib.Literal):
            lit: dict[str, Json] = {"@value": str(value)}
            if value.language:
                lit["@language"] = value.language
            elif value.datatype:
                lit["@type"] = str(value.datatype)
            item["value"] = lit
        if r.shape:
            item["sourceShape"] = r.shape
        constraint = _constraint_iri(r)
        if constraint:
            item["sourceConstraintComponent"] = constraint
        item["resultMessage"] = {(lang or "@none"): msg for lang, msg in r.messages.items()}
        if r.sources:
            item["qualifiedDerivation"] = [
                {
                    "@id": f"{REPORT_IRI}#result-{i}-bron-{j}",
                    "@type": "prov:Derivation",
                    "entity": s.source,
                    "beginregel": s.begin,
                    "eindregel": s.end,
                }
                for j, s in enumerate(r.sources, 1)
            ]
        results.append(item)
    doc: dict[str, Json] = {
        "@context": JSONLD_CONTEXT,
        "@id": REPORT_IRI,
        "@type": "sh:ValidationReport",
        "conforms": report.conforms,
        "result": results,
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def to_csv(report: ValidationReport, lang: str = "nl") -> str:
    """One row per result. The first rows are the summary (``# conforms``, counts), as
    comment-like rows a spreadsheet shows and a CSV reader can skip."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    counts = report.counts()
    writer.writerow(["# conforms", str(report.conforms).lower()])
    for severity in ("Violation", "Warning", "Info"):
        writer.writerow([f"# {severity}", counts[severity]])
    writer.writerow(CSV_COLUMNS)
    for r in report.results:
        writer.writerow(
            [
                r.severity,
                r.focus,
                r.path or "",
                r.value or "",
                r.message(lang),
                r.shape or "",
                r.constraint or "",
                "; ".join(s.label() for s in r.sources),
            ]
        )
    return out.getvalue()


__all__ = [
    "CSV_COLUMNS",
    "ICONS",
    "SEVERITIES",
    "at_least",
    "report_graph",
    "severity_name",
    "summary",
    "to_csv",
    "to_jsonld",
    "to_text",
    "to_turtle",
    "word",
]
