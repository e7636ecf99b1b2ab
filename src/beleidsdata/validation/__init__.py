"""SHACL validation against the shapes in ``shapes/``, with reports people can act on.

Shapes are per resource (one NodeShape per class), so validating a changed entity needs
only that entity's description plus the types of what it links to: ingest validates what
changed, never the whole store.

A validation can use all the shapes or those of some *profile areas* (the file stems of
``shapes/``: besluiten, regeerakkoord, strategie, resolutie, mededeling, evaluatie;
``common.ttl`` is always included). Results carry, where the data says so, the source
lines they were read from (``prov:qualifiedDerivation`` → ``bd:beginregel``/``bd:eindregel``).
Report formats (JSON-LD, Turtle, CSV, the grouped views the HTML report is built from)
are in :mod:`beleidsdata.validation.reports`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache

import rdflib
from rdflib.namespace import SH

from ..errors import AreaError, EngineError
from ..mapping.namespaces import PREFIXES
from ..mapping.terms import Triple, to_ntriples
from ..resources import shapes_dir

SEVERITY_NAMES = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}
SEVERITY_ORDER = {"Violation": 0, "Warning": 1, "Info": 2}
SEQUENCE_SEPARATOR = " / "  # a sequence path ( p1 p2 ) is written "p1 / p2" (IRIs have no spaces)
PROV = rdflib.Namespace("http://www.w3.org/ns/prov#")
BD = rdflib.Namespace("https://w3id.org/beleidsdata/ns#")
DCT = rdflib.Namespace("http://purl.org/dc/terms/")


@dataclass(frozen=True)
class SourceLines:
    """Lines of a source document a focus node was read from (from its provenance)."""

    source: str  # the bd:Bron IRI
    name: str  # its file name (dct:title of the bd:Bron), else the IRI
    begin: int
    end: int
    text: tuple[str, ...] = ()  # the lines themselves, when the text is at hand

    def label(self) -> str:
        return f"{self.name}:{self.begin}" + (f"-{self.end}" if self.end != self.begin else "")


@dataclass(frozen=True)
class ValidationResult:
    severity: str
    focus: str
    path: str | None
    value: str | None
    messages: dict[str, str]
    shape: str | None
    constraint: str | None
    value_n3: str | None = None  # the value as an N-Triples term (IRI or typed literal)
    sources: tuple[SourceLines, ...] = ()

    def message(self, lang: str = "nl") -> str:
        return (
            self.messages.get(lang)
            or self.messages.get("en")
            or self.messages.get("")
            or next(iter(self.messages.values()), "constraint violated")
        )

    @property
    def rule(self) -> tuple[str, str]:
        """What groups results "by rule": the shape and the path."""
        return (self.shape or "", self.path or "")


@dataclass
class ValidationReport:
    conforms: bool
    results: list[ValidationResult] = field(default_factory=list)
    focus_count: int = 0
    areas: tuple[str, ...] = ()  # () means all areas
    triples: int = 0  # size of the data graph validated

    @property
    def violations(self) -> list[ValidationResult]:
        return [r for r in self.results if r.severity == "Violation"]

    def counts(self) -> dict[str, int]:
        out = {"Violation": 0, "Warning": 0, "Info": 0}
        for r in self.results:
            out[r.severity] = out.get(r.severity, 0) + 1
        return out

    def by_focus(self) -> list[tuple[str, list[ValidationResult]]]:
        groups: dict[str, list[ValidationResult]] = {}
        for r in self.results:
            groups.setdefault(r.focus, []).append(r)
        return sorted(
            groups.items(),
            key=lambda kv: (min(SEVERITY_ORDER.get(r.severity, 3) for r in kv[1]), kv[0]),
        )

    def by_rule(self) -> list[tuple[tuple[str, str], list[ValidationResult]]]:
        groups: dict[tuple[str, str], list[ValidationResult]] = {}
        for r in self.results:
            groups.setdefault(r.rule, []).append(r)
        return sorted(
            groups.items(),
            key=lambda kv: (
                min(SEVERITY_ORDER.get(r.severity, 3) for r in kv[1]),
                -len(kv[1]),
                kv[0],
            ),
        )

    def summary(self) -> str:
        counts = self.counts()
        return ("conforms" if self.conforms else "does not conform") + (
            f": {counts['Violation']} violation(s), {counts['Warning']} warning(s), "
            f"{counts['Info']} info"
        )

    def to_text(self, lang: str = "nl") -> str:
        lines = [self.summary()]
        for r in sorted(self.results, key=lambda r: (r.focus, r.path or "", r.severity)):
            path = short_path(r.path) if r.path else "-"
            value = f" value={r.value}" if r.value else ""
            where = f" [{', '.join(s.label() for s in r.sources)}]" if r.sources else ""
            lines.append(f"{r.severity}: {r.focus} {path}{value}: {r.message(lang)}{where}")
        return "\n".join(lines) + "\n"

    def to_json(self, lang: str = "nl") -> str:
        return (
            json.dumps(
                {
                    "conforms": self.conforms,
                    "counts": self.counts(),
                    "areas": list(self.areas) or "all",
                    "results": [
                        {
                            "severity": r.severity,
                            "focusNode": r.focus,
                            "path": r.path,
                            "value": r.value,
                            "message": r.message(lang),
                            "messages": r.messages,
                            "sourceShape": r.shape,
                            "constraint": r.constraint,
                            "sourceLines": [
                                {
                                    "file": s.name,
                                    "source": s.source,
                                    "begin": s.begin,
                                    "end": s.end,
                                    **({"text": list(s.text)} if s.text else {}),
                                }
                                for s in r.sources
                            ],
                        }
                        for r in self.results
                    ],
                },
                ensure_ascii=False,
                indent=2,
            )
            + "\n"
        )


def _short(iri: str) -> str:
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns):
            return f"{prefix}:{iri[len(ns) :]}"
    return iri


def short_path(path: str) -> str:
    return SEQUENCE_SEPARATOR.join(_short(p) for p in path.split(SEQUENCE_SEPARATOR))


def areas() -> list[str]:
    """The profile areas: the shape files the kinds declare (common.ttl is in every area)."""
    from .. import kinds

    return list(kinds.areas())


def normalise_areas(names: Iterable[str] | None) -> tuple[str, ...]:
    """Sorted, unique area names; () for all. Unknown names raise :class:`AreaError`."""
    chosen = sorted({n.strip().lower() for n in names or () if n and n.strip()})
    if "all" in chosen or "alle" in chosen:
        return ()
    known = areas()
    unknown = [n for n in chosen if n not in known]
    if unknown:
        raise AreaError(
            f"unknown profile area {', '.join(unknown)}; known areas: {', '.join(known)} (or all)"
        )
    return tuple(chosen) if len(chosen) < len(known) else ()


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


def triples_to_graph(triples: Iterable[Triple]) -> rdflib.Graph:
    graph = rdflib.Graph()
    graph.parse(data=to_ntriples(list(triples)), format="nt")
    return graph


ENGINES = ("fast", "pyshacl")


@cache
def fast_evaluator(areas: tuple[str, ...] | None = None):  # type: ignore[no-untyped-def]
    """The shapes of ``areas`` compiled for :mod:`.engine`; None when they use a SHACL
    feature it does not implement (then pyshacl runs)."""
    from .engine import Unsupported, compile_shapes

    try:
        return compile_shapes(shapes_graph(areas))
    except Unsupported:
        return None


def validate_graph(
    data: rdflib.Graph,
    areas: Sequence[str] | None = None,
    focus_nodes: Sequence[str] | None = None,
    provenance: bool = True,
    engine: str = "fast",
) -> ValidationReport:
    """Validate ``data`` against the shapes of ``areas`` (all if empty).

    ``engine`` is ``fast`` (default: :mod:`.engine`, our evaluator for the SHACL subset
    the shapes use, the same results as pyshacl; it falls back to pyshacl by itself when
    the shapes use anything else) or ``pyshacl`` (plain pyshacl).
    ``focus_nodes`` restricts validation to those nodes (pyshacl's ``focus_nodes``: only
    the shapes that target them run). With ``provenance`` each result gets the source lines
    of its focus node (or of the entity it is a ``#fragment`` of)."""
    if engine not in ENGINES:
        raise EngineError(f"unknown validation engine {engine!r}; known: {', '.join(ENGINES)}")
    chosen = normalise_areas(areas)
    if focus_nodes is not None and not focus_nodes:
        return ValidationReport(conforms=True, areas=chosen, triples=len(data))
    evaluator = fast_evaluator(chosen or None) if engine == "fast" else None
    if evaluator is not None:
        from .engine import validate as fast_validate

        conforms, results = fast_validate(evaluator, data, focus_nodes)
    else:
        conforms, results = _pyshacl(data, chosen, focus_nodes)
    if provenance:
        results = with_sources(results, data)
    return ValidationReport(
        conforms=bool(conforms),
        results=results,
        focus_count=len({r.focus for r in results}),
        areas=chosen,
        triples=len(data),
    )


def _pyshacl(
    data: rdflib.Graph, chosen: tuple[str, ...], focus_nodes: Sequence[str] | None
) -> tuple[bool, list[ValidationResult]]:
    from pyshacl import validate  # imported lazily: it is slow to import and only needed here

    kwargs = {}
    if focus_nodes is not None:
        kwargs["focus_nodes"] = [rdflib.URIRef(n) for n in focus_nodes]
    conforms, report_graph, _ = validate(
        data,
        shacl_graph=shapes_graph(chosen or None),
        inference="none",
        abort_on_first=False,
        allow_warnings=True,
        advanced=False,
        meta_shacl=False,
        **kwargs,
    )
    return bool(conforms), _results(report_graph)


def validate_triples(
    triples: Iterable[Triple],
    areas: Sequence[str] | None = None,
    focus_nodes: Sequence[str] | None = None,
    engine: str = "fast",
) -> ValidationReport:
    return validate_graph(triples_to_graph(triples), areas, focus_nodes, engine=engine)


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
        out.append(
            ValidationResult(
                severity=SEVERITY_NAMES.get(report.value(node, SH.resultSeverity), "Violation"),
                focus=str(report.value(node, SH.focusNode)),
                path=str(path) if isinstance(path, rdflib.URIRef) else _path_text(report, path),
                value=str(value) if value is not None else None,
                messages=messages or {"": "constraint violated"},
                shape=str(shape) if isinstance(shape, rdflib.URIRef) else None,
                constraint=_short(str(constraint)) if constraint is not None else None,
                value_n3=value.n3() if isinstance(value, rdflib.URIRef | rdflib.Literal) else None,
            )
        )
    out.sort(key=result_key)
    return out


def result_key(r: ValidationResult) -> tuple[str, ...]:
    """The order of results in a report: by focus node, path, severity, message, then the
    rest, so that every engine lists the same results in the same order."""
    return (
        r.focus,
        r.path or "",
        r.severity,
        r.message(),
        r.constraint or "",
        r.value_n3 or r.value or "",
        r.shape or "",
    )


def _path_text(report: rdflib.Graph, path: rdflib.term.Node | None) -> str | None:
    """A sequence path (``( p1 p2 )``) as ``p1/p2``; other complex paths as None."""
    if path is None or report.value(path, rdflib.RDF.first) is None:
        return None
    from rdflib.collection import Collection

    items = list(Collection(report, path))
    if all(isinstance(i, rdflib.URIRef) for i in items):
        return SEQUENCE_SEPARATOR.join(str(i) for i in items)
    return None


def source_lines(data: rdflib.Graph, node: str) -> tuple[SourceLines, ...]:
    """Where a node (or the entity it is a ``#fragment`` of) was read, from its provenance."""
    out: list[SourceLines] = []
    for subject in dict.fromkeys((node, node.split("#", 1)[0])):
        for derivation in data.objects(rdflib.URIRef(subject), PROV.qualifiedDerivation):
            src = data.value(derivation, PROV.entity)
            begin = data.value(derivation, BD.beginregel)
            end = data.value(derivation, BD.eindregel)
            if src is None or begin is None:
                continue
            try:
                first = int(begin)
                last = int(end) if end is not None else first
            except (TypeError, ValueError):
                continue
            name = data.value(src, DCT.title)
            out.append(
                SourceLines(str(src), str(name) if name is not None else str(src), first, last)
            )
        if out:
            break
    return tuple(sorted(out, key=lambda s: (s.name, s.begin)))


def with_sources(
    results: list[ValidationResult],
    data: rdflib.Graph,
    texts: dict[str, Sequence[str]] | None = None,
) -> list[ValidationResult]:
    """Results with the source lines of their focus nodes; ``texts`` (source IRI → lines of
    that document) adds the lines themselves."""
    cache_: dict[str, tuple[SourceLines, ...]] = {}
    out = []
    for r in results:
        if r.focus not in cache_:
            found = source_lines(data, r.focus)
            if texts:
                found = tuple(
                    replace(s, text=tuple(texts[s.source][s.begin - 1 : s.end]))
                    if s.source in texts
                    else s
                    for s in found
                )
            cache_[r.focus] = found
        out.append(replace(r, sources=cache_[r.focus]) if cache_[r.focus] else r)
    return out


def report_turtle(report: ValidationReport) -> str:
    """The report as a sh:ValidationReport in Turtle (for tools such as the ITB validator)."""
    from .reports import to_turtle

    return to_turtle(report)


__all__ = [
    "ENGINES",
    "AreaError",
    "EngineError",
    "SourceLines",
    "ValidationReport",
    "ValidationResult",
    "areas",
    "normalise_areas",
    "report_turtle",
    "shapes_graph",
    "short_path",
    "source_lines",
    "validate_graph",
    "validate_triples",
    "with_sources",
]
