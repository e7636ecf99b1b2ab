"""Reading what stewards give us to validate: RDF in any common syntax, or source texts.

Syntax errors come back as one line naming the file and the line, never a traceback.
JSON-LD that uses our context is expanded with pyld and a document loader that knows the
context, so validation never fetches anything from the network.
"""

from __future__ import annotations

import json
import re
from pathlib import Path, PurePath

import rdflib

from ..errors import RDFSyntaxError
from ..formats.context import CONTEXT_PATH, context_document
from ..sources.base import decode_bom
from .guards import check_rdf

RDF_FORMATS = {
    ".ttl": "turtle",
    ".turtle": "turtle",
    ".nt": "nt",
    ".ntriples": "nt",
    ".nq": "nquads",
    ".trig": "trig",
    ".jsonld": "json-ld",
    ".json": "json-ld",
    ".rdf": "xml",
    ".xml": "xml",
    ".owl": "xml",
    ".n3": "n3",
}
TEXT_SUFFIXES = {".txt", ".md", ".text"}
QUAD_FORMATS = {"nquads", "trig"}
# Content-Type → rdflib syntax; "text" means a source document, converted first.
MEDIA_TYPES = {
    "text/turtle": "turtle",
    "application/x-turtle": "turtle",
    "application/n-triples": "nt",
    "application/n-quads": "nquads",
    "application/trig": "trig",
    "application/ld+json": "json-ld",
    "application/json": "json-ld",
    "application/rdf+xml": "xml",
    "text/n3": "n3",
    "text/plain": "text",
    "text/markdown": "text",
}
FORMAT_NAMES = {
    "turtle": "Turtle",
    "nt": "N-Triples",
    "nquads": "N-Quads",
    "trig": "TriG",
    "json-ld": "JSON-LD",
    "xml": "RDF/XML",
    "n3": "N3",
}


def sniff_format(data: bytes) -> str | None:
    """Guess an RDF syntax from the content, for files whose extension says nothing."""
    head = data[:4096].lstrip().decode("utf-8", "replace")
    if head.startswith(("{", "[")):
        return "json-ld"
    if head.startswith("<?xml") or re.match(r"<rdf:RDF\b", head):
        return "xml"
    if re.search(r"^\s*@?prefix\s|^\s*@base\s", head, re.IGNORECASE | re.MULTILINE):
        return "turtle"
    if re.match(r"^(<[^>]*>\s+<[^>]*>\s+.+\s\.\s*$)", head.split("\n", 1)[0]):
        return "nt"
    return None


def rdf_format(path: Path) -> str | None:
    """The RDF syntax of a file, by extension or content; None for a source text."""
    fmt = RDF_FORMATS.get(path.suffix.lower())
    if fmt is None and path.suffix.lower() not in TEXT_SUFFIXES:
        try:
            fmt = sniff_format(path.read_bytes())
        except OSError as exc:
            raise RDFSyntaxError(f"{path}: cannot be read ({exc.strerror})") from None
    return fmt


def parse_rdf(graph: rdflib.Graph, path: Path, fmt: str) -> None:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise RDFSyntaxError(f"{path}: no such file") from None
    except OSError as exc:
        raise RDFSyntaxError(f"{path}: cannot be read ({exc.strerror})") from None
    parse_bytes(graph, data, str(path), fmt, base=path.resolve().as_uri())


def parse_bytes(
    graph: rdflib.Graph, data: bytes, name: str, fmt: str, base: str | None = None
) -> None:
    """Parse ``data`` (named ``name`` in errors) in syntax ``fmt`` into ``graph``."""
    if not data.strip():
        raise RDFSyntaxError(f"{name}: the file is empty")
    try:
        text = decode_bom(data)
        text = data.decode("utf-8") if text is None else text
    except UnicodeDecodeError:
        raise RDFSyntaxError(f"{name}: not UTF-8 text") from None
    base = base or f"urn:beleidsdata:upload:{name}"
    check_rdf(text, name, fmt)
    if fmt == "json-ld":
        _parse_jsonld(graph, name, text, base)
        return
    try:
        if fmt in QUAD_FORMATS:
            _merge_quads(graph, text, fmt, base)
        else:
            graph.parse(data=text, format=fmt, publicID=base)
    except Exception as exc:  # rdflib raises many types; all are syntax errors here
        line = _line_of(exc, text)
        if isinstance(line, int):  # rdflib counts past the end when the text ends early
            line = max(1, min(line, text.count("\n") + (not text.endswith("\n"))))
        if line == "?" and fmt in ("nt", "nquads"):
            line = _first_bad_line(text, fmt)
        column, message = _parser_message(exc)
        where = f"{line}:{column}" if column and line != "?" else f"{line}"
        raise RDFSyntaxError(
            f"{name}:{where}: {FORMAT_NAMES.get(fmt, fmt)} syntax error: {message}"
        ) from None


def _merge_quads(graph: rdflib.Graph, text: str, fmt: str, base: str) -> None:
    """Every triple of every graph (default and named) of a dataset: shapes judge resources,
    whichever graph their triples are in."""
    dataset = rdflib.Dataset()
    dataset.parse(data=text, format=fmt, publicID=base)
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))


def format_of_media_type(media_type: str | None) -> str | None:
    """The rdflib syntax for a Content-Type; ``"text"`` for a source document (text/plain,
    text/markdown); None when the type names no syntax we read."""
    if not media_type:
        return None
    return MEDIA_TYPES.get(media_type.split(";", 1)[0].strip().lower())


def format_of_upload(name: str, declared: str | None, data: bytes) -> str:
    """The syntax of an uploaded file: by its extension, else its declared media type,
    else its content; ``"text"`` (a source document) when nothing says RDF."""
    suffix = PurePath(name).suffix.lower()
    if suffix in RDF_FORMATS:
        return RDF_FORMATS[suffix]
    if suffix in TEXT_SUFFIXES:
        return "text"
    by_type = format_of_media_type(declared)
    if by_type and by_type != "text":
        return by_type
    return sniff_format(data) or "text"


def _parse_jsonld(graph: rdflib.Graph, path: str, text: str, base: str) -> None:
    from pyld import jsonld

    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise RDFSyntaxError(f"{path}:{exc.lineno}: JSON syntax error: {exc.msg}") from None
    try:
        nquads = jsonld.to_rdf(
            document,
            {"format": "application/n-quads", "documentLoader": _local_loader, "base": base},
        )
    except jsonld.JsonLdError as exc:
        raise RDFSyntaxError(f"{path}: JSON-LD error: {_jsonld_reason(exc)}") from None
    _merge_quads(graph, nquads, "nquads", base)


def _local_loader(url: str, options: dict[str, object] | None = None) -> dict[str, object]:
    """Serve our own context locally; refuse to fetch anything else."""
    if url.endswith(CONTEXT_PATH):
        return {"contextUrl": None, "documentUrl": url, "document": context_document()}
    from pyld.jsonld import JsonLdError

    raise JsonLdError(
        f"remote context {url} not loaded (only our own context is known)",
        "jsonld.LoadDocumentError",
        code="loading remote context failed",
    )


def _jsonld_reason(exc: BaseException) -> str:
    """Why pyld gave up: it wraps the cause ("Could not expand input") in its own error,
    so the chain is searched for a refused remote context, else its innermost message."""
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and len(chain) < 10:
        chain.append(current)
        current = current.__cause__ or current.__context__
    for error in chain:
        if getattr(error, "code", None) == "loading remote context failed":
            details = getattr(error, "details", None)
            url = details.get("url") if isinstance(details, dict) else None
            return (
                f"the remote context {url or ''} was not loaded: only our own context "
                f"(…{CONTEXT_PATH}) is known; put the context in the document"
            ).replace("  ", " ")
    return _first_line(chain[-1] if str(chain[-1]).strip() else exc)


def _line_of(exc: Exception, text: str) -> int | str:
    for attr in ("lines", "lineno", "line"):
        value = getattr(exc, attr, None)
        if isinstance(value, int):
            return value + 1 if attr == "lines" else value
    get_line = getattr(exc, "getLineNumber", None)
    if callable(get_line):
        return int(get_line())
    m = re.search(r"line (\d+)", str(exc))
    return int(m.group(1)) if m else "?"


def _first_bad_line(text: str, fmt: str) -> int | str:
    """N-Triples and N-Quads are one statement a line: the first line that fails alone."""
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            rdflib.Dataset().parse(data=line + "\n", format=fmt)
        except Exception:
            return number
    return "?"


def _parser_message(exc: Exception) -> tuple[int | None, str]:
    """The column and the parser's full message (rdflib's Turtle parser keeps why and
    where apart; others say it in one text): what a steward needs to find the mistake."""
    why, text, index = (
        getattr(exc, "_why", None),
        getattr(exc, "_str", None),
        getattr(exc, "_i", None),
    )
    if isinstance(text, bytes) and isinstance(index, int):  # rdflib keeps bytes: count chars
        index = len(text[:index].decode("utf-8", "replace"))
        text = text.decode("utf-8", "replace")
    if isinstance(why, str) and isinstance(text, str) and isinstance(index, int):
        start = text.rfind("\n", 0, index) + 1
        end = text.find("\n", index)
        line = text[start : end if end >= 0 else len(text)]
        shown = line.strip()[:160]
        return index - start + 1, f"{why}, at column {index - start + 1}: {shown}"
    get_column = getattr(exc, "getColumnNumber", None)
    column = int(get_column()) + 1 if callable(get_column) else getattr(exc, "colno", None)
    get_message = getattr(exc, "getMessage", None)
    message = str(get_message()) if callable(get_message) else str(exc)
    message = " ".join(message.split())[:500] or type(exc).__name__
    return (column if isinstance(column, int) else None), message


def _first_line(exc: BaseException) -> str:
    said = exc.args[0] if exc.args and isinstance(exc.args[0], str) else str(exc)
    msg = said.strip().splitlines()
    return msg[0][:300] if msg else type(exc).__name__


__all__ = [
    "MEDIA_TYPES",
    "RDFSyntaxError",
    "format_of_media_type",
    "format_of_upload",
    "parse_bytes",
    "parse_rdf",
    "rdf_format",
    "sniff_format",
]
