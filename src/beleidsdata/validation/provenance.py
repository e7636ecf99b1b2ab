"""The source lines a result is about, read from the data's own provenance.

A steward fixes a source document, not a graph: each result carries, where the data says
so, the file and lines its focus node (or the entity it is a ``#fragment`` of) was read
from. The data says *which passage* (``prov:qualifiedDerivation`` → ``oa:hasSelector``, a
text quote or range); the lines are found by resolving it in the source text when that
text is at hand (a source document being validated). Data from before schema 2 says the
lines itself (``bd:beginregel``/``bd:eindregel``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

import rdflib

from ..mapping.provenance import Quote, Selector, resolve
from ..sources.base import Span
from .model import SourceLines, ValidationResult

PROV = rdflib.Namespace("http://www.w3.org/ns/prov#")
BD = rdflib.Namespace("https://w3id.org/beleidsdata/ns#")
DCT = rdflib.Namespace("http://purl.org/dc/terms/")
OA = rdflib.Namespace("http://www.w3.org/ns/oa#")


def _quote(data: rdflib.Graph, node: rdflib.term.Node | None) -> Quote | None:
    if node is None:
        return None
    exact = data.value(node, OA.exact)
    if exact is None:
        return None
    prefix, suffix = data.value(node, OA.prefix), data.value(node, OA.suffix)
    return Quote(
        str(exact), str(prefix) if prefix is not None else None, str(suffix) if suffix else None
    )


def _selector(data: rdflib.Graph, derivation: rdflib.term.Node) -> Selector | None:
    node = data.value(derivation, OA.hasSelector)
    if node is None:
        return None
    single = _quote(data, node)
    if single is not None:
        return Selector(quote=single)
    start = _quote(data, data.value(node, OA.hasStartSelector))
    end = _quote(data, data.value(node, OA.hasEndSelector))
    return Selector(start=start, end=end) if start and end else None


def _old_lines(data: rdflib.Graph, derivation: rdflib.term.Node) -> Span | None:
    begin, end = data.value(derivation, BD.beginregel), data.value(derivation, BD.eindregel)
    try:  # an RDF term is a str: int() reads a literal; an IRI or a blank fails
        first = int(str(begin)) if begin is not None else 0
        last = int(str(end)) if end is not None else first
        return Span(first, last) if first >= 1 else None
    except (TypeError, ValueError):
        return None


def source_lines(
    data: rdflib.Graph, node: str, texts: Mapping[str, Sequence[str]] | None = None
) -> tuple[SourceLines, ...]:
    """Where a node (or the entity it is a ``#fragment`` of) was read, from its provenance."""
    out: list[SourceLines] = []
    for subject in dict.fromkeys((node, node.split("#", 1)[0])):
        for derivation in data.objects(rdflib.URIRef(subject), PROV.qualifiedDerivation):
            src = data.value(derivation, PROV.entity)
            if src is None:
                continue
            span = _old_lines(data, derivation)
            selector = _selector(data, derivation)
            lines = (texts or {}).get(str(src))
            if selector is not None and lines is not None:
                span = resolve("\n".join(lines), selector)
            if span is None:
                continue
            name = data.value(src, DCT.title)
            out.append(
                SourceLines(
                    str(src), str(name) if name is not None else str(src), span.start, span.end
                )
            )
        if out:
            break
    return tuple(sorted(out, key=lambda s: (s.name, s.begin)))


def with_sources(
    results: list[ValidationResult],
    data: rdflib.Graph,
    texts: Mapping[str, Sequence[str]] | None = None,
) -> list[ValidationResult]:
    """Results with the source lines of their focus nodes; ``texts`` (source IRI → lines of
    that document) adds the lines themselves."""
    cache_: dict[str, tuple[SourceLines, ...]] = {}
    out = []
    for r in results:
        if r.focus not in cache_:
            found = source_lines(data, r.focus, texts)
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


# ---------------------------------------------------------------- lines of an uploaded file

LINED = frozenset({"turtle", "nt", "nquads", "trig"})  # syntaxes whose lines we locate
_DIRECTIVE = re.compile(r"(?:@prefix|PREFIX)\s+([\w.-]*):\s*<([^>]*)>", re.IGNORECASE)
_BASE = re.compile(r"(?:@base|BASE)\s+<([^>]*)>", re.IGNORECASE)


def _statements(text: str) -> list[tuple[int, int, str]]:
    """The statements of a Turtle, TriG, N-Triples or N-Quads text: (first line, last line,
    statement text without comments), split at each ``.`` outside strings, IRIs and
    brackets (and at graph braces). Directives are statements too."""
    out: list[tuple[int, int, str]] = []
    i, n, line, depth = 0, len(text), 1, 0
    start, start_line = 0, 1
    buf: list[str] = []

    def close(end: int) -> None:
        nonlocal start, start_line, buf
        body = "".join(buf).strip()
        if body:
            out.append((start_line, line, body))
        buf, start = [], end

    while i < n:
        c = text[i]
        if not "".join(buf).strip() and c not in " \t\r\n":
            start_line = line
        if c == "\n":
            line += 1
            buf.append(c)
            if re.match(r"\s*(PREFIX|BASE)\b", "".join(buf), re.IGNORECASE) and ">" in "".join(buf):
                close(i + 1)
            i += 1
        elif c == "#":
            while i < n and text[i] != "\n":
                i += 1
        elif c == "<" and (i + 1 < n and text[i + 1] not in " =<"):
            j = text.find(">", i)
            j = n - 1 if j < 0 else j
            buf.append(text[i : j + 1])
            i = j + 1
        elif c in "\"'":
            quote = c * 3 if text.startswith(c * 3, i) else c
            j = i + len(quote)
            while j < n and not text.startswith(quote, j):
                j += 2 if text[j] == "\\" else 1
            segment = text[i : j + len(quote)]
            line += segment.count("\n")
            buf.append(segment)
            i = j + len(quote)
        elif c in "[(":
            depth += 1
            buf.append(c)
            i += 1
        elif c in "])":
            depth = max(0, depth - 1)
            buf.append(c)
            i += 1
        elif c == "{":
            buf = []
            i += 1
        elif c == "}" or (c == "." and depth == 0 and (i + 1 >= n or text[i + 1] in " \t\r\n#")):
            close(i + 1)
            i += 1
        else:
            buf.append(c)
            i += 1
    close(n)
    return out


def subject_lines(text: str, base: str = "") -> dict[str, list[tuple[int, int]]]:
    """Subject IRI → the line ranges of the statements about it in an RDF text (Turtle,
    TriG, N-Triples, N-Quads), with prefixes and the base applied as the file declares."""
    from urllib.parse import urljoin

    prefixes: dict[str, str] = {}
    out: dict[str, list[tuple[int, int]]] = {}
    for first, last, body in _statements(text):
        directive = _DIRECTIVE.match(body)
        if directive:
            prefixes[directive.group(1)] = urljoin(base, directive.group(2))
            continue
        based = _BASE.match(body)
        if based:
            base = urljoin(base, based.group(1))
            continue
        token = body.split(None, 1)[0] if body.split() else ""
        if token.startswith("<") and token.endswith(">"):
            subject = urljoin(base, token[1:-1])
        elif ":" in token:
            prefix, local = token.split(":", 1)
            if prefix not in prefixes:
                continue
            subject = prefixes[prefix] + local.replace("\\", "")
        else:
            continue
        out.setdefault(subject, []).append((first, last))
    return out


def with_file_lines(
    results: list[ValidationResult], files: Mapping[str, str]
) -> list[ValidationResult]:
    """Results with the lines of the uploaded RDF files (name → text) where their focus
    node's statements are: a steward who validates RDF fixes that file, not a source."""
    located = {name: subject_lines(text) for name, text in files.items()}
    out = []
    for r in results:
        found: list[SourceLines] = []
        for name, subjects in located.items():
            lines = files[name].split("\n")
            for first, last in subjects.get(r.focus, []):
                found.append(SourceLines(name, name, first, last, tuple(lines[first - 1 : last])))
        out.append(replace(r, sources=tuple(found)) if found else r)
    return out


__all__ = [
    "BD",
    "DCT",
    "LINED",
    "PROV",
    "source_lines",
    "subject_lines",
    "with_file_lines",
    "with_sources",
]
