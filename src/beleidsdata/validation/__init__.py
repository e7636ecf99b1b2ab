"""SHACL validation against the shapes in ``shapes/``, with reports people can act on.

Shapes are per resource (one NodeShape per class), so validating a changed entity needs
only that entity's description plus the types of what it links to: ingest validates what
changed, never the whole store.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

import rdflib
from rdflib.namespace import SH

from ..mapping.namespaces import PREFIXES
from ..mapping.terms import Triple, to_ntriples
from ..resources import shapes_dir

SEVERITY_NAMES = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}


@dataclass(frozen=True)
class ValidationResult:
    severity: str
    focus: str
    path: str | None
    value: str | None
    messages: dict[str, str]
    shape: str | None
    constraint: str | None

    def message(self, lang: str = "nl") -> str:
        return (self.messages.get(lang) or self.messages.get("en") or self.messages.get("")
                or next(iter(self.messages.values()), "constraint violated"))


@dataclass
class ValidationReport:
    conforms: bool
    results: list[ValidationResult] = field(default_factory=list)
    focus_count: int = 0

    @property
    def violations(self) -> list[ValidationResult]:
        return [r for r in self.results if r.severity == "Violation"]

    def counts(self) -> dict[str, int]:
        out = {"Violation": 0, "Warning": 0, "Info": 0}
        for r in self.results:
            out[r.severity] = out.get(r.severity, 0) + 1
        return out

    def to_text(self, lang: str = "nl") -> str:
        counts = self.counts()
        head = ("conforms" if self.conforms else "does not conform") + (
            f": {counts['Violation']} violation(s), {counts['Warning']} warning(s), "
            f"{counts['Info']} info")
        lines = [head]
        for r in sorted(self.results, key=lambda r: (r.focus, r.path or "", r.severity)):
            path = _short(r.path) if r.path else "-"
            value = f" value={r.value}" if r.value else ""
            lines.append(f"{r.severity}: {r.focus} {path}{value}: {r.message(lang)}")
        return "\n".join(lines) + "\n"

    def to_json(self, lang: str = "nl") -> str:
        return json.dumps({
            "conforms": self.conforms,
            "counts": self.counts(),
            "results": [{
                "severity": r.severity, "focusNode": r.focus, "path": r.path,
                "value": r.value, "message": r.message(lang), "messages": r.messages,
                "sourceShape": r.shape, "constraint": r.constraint,
            } for r in self.results],
        }, ensure_ascii=False, indent=2) + "\n"


def _short(iri: str) -> str:
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


@cache
def shapes_graph(areas: tuple[str, ...] | None = None) -> rdflib.Graph:
    """All shapes (or those of some profile areas: file names without .ttl), parsed once."""
    graph = rdflib.Graph()
    files = sorted(shapes_dir().glob("*.ttl"))
    if areas:
        files = [f for f in files if f.stem in areas or f.stem == "common"]
    for path in files:
        graph.parse(path, format="turtle")
    return graph


def areas() -> list[str]:
    return sorted(p.stem for p in shapes_dir().glob("*.ttl") if p.stem != "common")


def triples_to_graph(triples: Iterable[Triple]) -> rdflib.Graph:
    graph = rdflib.Graph()
    graph.parse(data=to_ntriples(list(triples)), format="nt")
    return graph


def validate_graph(data: rdflib.Graph, areas: tuple[str, ...] | None = None) -> ValidationReport:
    from pyshacl import validate  # imported lazily: it is slow to import and only needed here

    conforms, report_graph, _ = validate(
        data, shacl_graph=shapes_graph(areas), inference="none", abort_on_first=False,
        allow_warnings=True, advanced=False, meta_shacl=False)
    results = _results(report_graph)
    return ValidationReport(conforms=bool(conforms), results=results,
                            focus_count=len({r.focus for r in results}))


def validate_triples(triples: Iterable[Triple],
                     areas: tuple[str, ...] | None = None) -> ValidationReport:
    return validate_graph(triples_to_graph(triples), areas)


def _results(report: rdflib.Graph) -> list[ValidationResult]:
    out: list[ValidationResult] = []
    for node in report.subjects(rdflib.RDF.type, SH.ValidationResult):
        messages: dict[str, str] = {}
        for msg in report.objects(node, SH.resultMessage):
            lang = getattr(msg, "language", None) or ""
            messages[lang] = str(msg)
        value = report.value(node, SH.value)
        path = report.value(node, SH.resultPath)
        shape = report.value(node, SH.sourceShape)
        constraint = report.value(node, SH.sourceConstraintComponent)
        out.append(ValidationResult(
            severity=SEVERITY_NAMES.get(report.value(node, SH.resultSeverity), "Violation"),
            focus=str(report.value(node, SH.focusNode)),
            path=str(path) if isinstance(path, rdflib.URIRef) else None,
            value=str(value) if value is not None else None,
            messages=messages or {"": "constraint violated"},
            shape=str(shape) if isinstance(shape, rdflib.URIRef) else None,
            constraint=_short(str(constraint)) if constraint is not None else None,
        ))
    out.sort(key=lambda r: (r.focus, r.path or "", r.severity, r.message()))
    return out


def report_turtle(report: ValidationReport) -> str:
    """The report as a sh:ValidationReport in Turtle (for tools such as the ITB validator)."""
    g = rdflib.Graph()
    for prefix in ("sh", "rdf", "xsd"):
        g.bind(prefix, {"sh": SH, "rdf": rdflib.RDF, "xsd": rdflib.XSD}[prefix])
    root = rdflib.URIRef("urn:beleidsdata:validation-report")
    g.add((root, rdflib.RDF.type, SH.ValidationReport))
    g.add((root, SH.conforms, rdflib.Literal(report.conforms)))
    for i, r in enumerate(report.results, 1):
        node = rdflib.URIRef(f"urn:beleidsdata:validation-report#result-{i}")
        g.add((root, SH.result, node))
        g.add((node, rdflib.RDF.type, SH.ValidationResult))
        g.add((node, SH.focusNode, rdflib.URIRef(r.focus)))
        g.add((node, SH.resultSeverity, SH[r.severity]))
        if r.path:
            g.add((node, SH.resultPath, rdflib.URIRef(r.path)))
        if r.value is not None:
            g.add((node, SH.value, rdflib.Literal(r.value)))
        if r.shape:
            g.add((node, SH.sourceShape, rdflib.URIRef(r.shape)))
        for lang, msg in r.messages.items():
            g.add((node, SH.resultMessage, rdflib.Literal(msg, lang=lang or None)))
    return g.serialize(format="turtle")


__all__ = ["ValidationReport", "ValidationResult", "areas", "report_turtle", "shapes_graph",
           "validate_graph", "validate_triples"]
