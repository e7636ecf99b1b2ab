"""The validation report model that every engine fills and every report format reads.

Both engines (:mod:`.engine` and plain pyshacl) turn their findings into these
:class:`ValidationResult` records, sorted by :func:`result_key`, so that their reports can
be compared field by field and every output (text, JSON, Turtle, CSV, HTML) reads one
model.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from rdflib.namespace import SH
from rdflib.term import URIRef

from ..mapping.namespaces import PREFIXES

SEVERITY_NAMES: dict[URIRef, str] = {
    SH.Violation: "Violation",
    SH.Warning: "Warning",
    SH.Info: "Info",
}
SEVERITY_ORDER = {"Violation": 0, "Warning": 1, "Info": 2}
SEQUENCE_SEPARATOR = " / "  # a sequence path ( p1 p2 ) is written "p1 / p2" (IRIs have no spaces)


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


def short_iri(iri: str) -> str:
    """``prefix:local`` for an IRI in one of our namespaces, else the IRI."""
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns):
            return f"{prefix}:{iri[len(ns) :]}"
    return iri


def short_path(path: str) -> str:
    return SEQUENCE_SEPARATOR.join(short_iri(p) for p in path.split(SEQUENCE_SEPARATOR))


__all__ = [
    "SEQUENCE_SEPARATOR",
    "SEVERITY_NAMES",
    "SEVERITY_ORDER",
    "SourceLines",
    "ValidationReport",
    "ValidationResult",
    "result_key",
    "short_iri",
    "short_path",
]
