"""The validation report as plain dictionaries for the HTML templates: the summary on top,
then the results grouped by focus node and by rule, every word in the reader's language.
No HTML is built here; the templates decide how it looks."""

from __future__ import annotations

from typing import TypedDict

from .model import SEVERITY_ORDER, ValidationReport, ValidationResult, short_iri, short_path
from .reports import ICONS, SEVERITIES, severity_name, summary, word


class SourceView(TypedDict):
    label: str
    name: str
    begin: int
    end: int
    lines: list[tuple[int, str]]  # (line number, text)


class ResultView(TypedDict):
    severity: str
    severity_name: str
    icon: str
    focus: str
    path: str | None
    path_short: str | None
    value: str | None
    message: str
    shape: str | None
    shape_short: str | None
    constraint: str | None
    sources: list[SourceView]


class FocusGroup(TypedDict):
    focus: str
    worst: str  # the worst severity among its results
    sources: list[SourceView]
    results: list[ResultView]


class RuleGroup(TypedDict):
    shape: str
    shape_short: str
    path: str
    severity: str
    severity_name: str
    icon: str
    message: str
    count: int
    results: list[ResultView]


class ReportView(TypedDict):
    """What the report templates read."""

    conforms: bool
    counts: dict[str, int]
    total: int
    focus_count: int
    triples: int
    areas: list[str]
    by_focus: list[FocusGroup]
    by_rule: list[RuleGroup]
    summary: str
    words: dict[str, str]  # severity → its word in the reader's language (plural)


def _result_view(r: ValidationResult, lang: str) -> ResultView:
    return {
        "severity": r.severity,
        "severity_name": severity_name(r.severity, lang),
        "icon": ICONS.get(r.severity, ""),
        "focus": r.focus,
        "path": r.path,
        "path_short": short_path(r.path) if r.path else None,
        "value": r.value,
        "message": r.message(lang),
        "shape": r.shape,
        "shape_short": short_iri(r.shape) if r.shape else None,
        "constraint": r.constraint,
        "sources": [
            {
                "label": s.label(),
                "name": s.name,
                "begin": s.begin,
                "end": s.end,
                "lines": [(n, line) for n, line in enumerate(s.text, s.begin)],
            }
            for s in r.sources
        ],
    }


def view(report: ValidationReport, lang: str = "nl") -> ReportView:
    """What the HTML report shows: summary on top, then by focus node and by rule."""
    return {
        "conforms": report.conforms,
        "counts": report.counts(),
        "total": len(report.results),
        "focus_count": len({r.focus for r in report.results}),
        "triples": report.triples,
        "areas": list(report.areas),
        "summary": summary(report, lang),
        "words": {s: word(s, lang, 2).capitalize() for s in SEVERITIES},
        "by_focus": [
            {
                "focus": focus,
                "worst": min((r.severity for r in items), key=lambda x: SEVERITY_ORDER.get(x, 3)),
                "sources": _result_view(items[0], lang)["sources"],
                "results": [_result_view(r, lang) for r in items],
            }
            for focus, items in report.by_focus()
        ],
        "by_rule": [
            {
                "shape": shape,
                "shape_short": short_iri(shape) if shape else "",
                "path": path,
                "severity": items[0].severity,
                "severity_name": severity_name(items[0].severity, lang),
                "icon": ICONS.get(items[0].severity, ""),
                "message": items[0].message(lang),
                "count": len(items),
                "results": [_result_view(r, lang) for r in items],
            }
            for (shape, path), items in report.by_rule()
        ],
    }
