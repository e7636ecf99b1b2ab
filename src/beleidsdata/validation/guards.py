"""Cheap checks before an RDF parser sees a document, so that no input can make it run
away.

* RDF/XML may not declare entities: a few nested ``<!ENTITY>`` lines ("billion laughs")
  expand to gigabytes, and an external entity reads a file or a URL. The document type
  declaration is read by expat alone, up to the first element, and any entity
  declaration is refused (what defusedxml does).
* JSON-LD and Turtle/TriG/N3 may not nest deeper than :data:`MAX_DEPTH`: the parsers
  recurse on each level, and 100,000 brackets end in a ``RecursionError``. The depth is
  counted by one pass over the tokens that can hide a bracket (strings, IRIs, comments).
"""

from __future__ import annotations

import re
from xml.parsers import expat

from ..errors import RDFSyntaxError
from ..sources.base import decode_bom
from ..sources.budget import check_size

MAX_DEPTH = 100  # lists or objects within each other; real documents stay under 20
_CHUNK = 64 * 1024

_JSON_TOKENS = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]')
_TURTLE_TOKENS = re.compile(
    r'"""[^"\\]*(?:(?:\\.|"(?!""))[^"\\]*)*"""'
    r"|'''[^'\\]*(?:(?:\\.|'(?!''))[^'\\]*)*'''"
    r'|"[^"\\\n]*(?:\\.[^"\\\n]*)*"'
    r"|'[^'\\\n]*(?:\\.[^'\\\n]*)*'"
    r"|<[^<>\"{}|^`\\\s]*>"
    r"|#[^\n]*"
    r"|[\[\](){}]"
)
_DECLARATION = re.compile(r"<!ENTITY\s+(?:%\s+)?([^\s>]*)")
_OPEN = frozenset("[({")
_CLOSE = frozenset("])}")
DEPTH_SYNTAXES = {"json-ld": _JSON_TOKENS, "turtle": _TURTLE_TOKENS, "trig": _TURTLE_TOKENS}
DEPTH_SYNTAXES["n3"] = _TURTLE_TOKENS


def check_rdf(text: str, name: str, fmt: str) -> None:
    """Refuse ``text`` before parsing it as ``fmt`` when it declares XML entities or
    nests too deeply; a one-line :class:`RDFSyntaxError` naming the line."""
    if fmt == "xml":
        _check_entities(text, name)
    tokens = DEPTH_SYNTAXES.get(fmt)
    if tokens is not None:
        _check_depth(text, name, tokens, "JSON" if fmt == "json-ld" else "Turtle")


def precheck(name: str, data: bytes, fmt: str) -> None:
    """What the service checks before it starts a validation process, so that a hostile
    input is refused in milliseconds: a source document's size (``fmt`` ``"text"``), an
    RDF document's entities and depth."""
    if fmt == "text":
        check_size(name, len(data))
    else:
        text = decode_bom(data)
        check_rdf(data.decode("utf-8", "replace") if text is None else text, name, fmt)


def _check_entities(text: str, name: str) -> None:
    parser = expat.ParserCreate()

    def refuse(entity: str, *_: object) -> None:
        raise RDFSyntaxError(
            f"{name}:{parser.CurrentLineNumber}: RDF/XML: the entity declaration "
            f"<!ENTITY {entity} …> is refused (entities can expand without bound or read "
            "files); write the values out, or send Turtle"
        )

    started: list[bool] = []  # the first element: the declarations are behind us

    parser.EntityDeclHandler = refuse
    parser.UnparsedEntityDeclHandler = refuse
    parser.StartElementHandler = lambda *_: started.append(True)
    try:  # text, not bytes: read as decoded, whatever encoding the declaration names
        for at in range(0, len(text), _CHUNK):
            parser.Parse(text[at : at + _CHUNK], at + _CHUNK >= len(text))
            if started:
                return
    except expat.ExpatError:
        # the RDF/XML parser reports syntax errors, with its message; one that hid a
        # declaration from expat is refused all the same
        hidden = _DECLARATION.search(text)
        if hidden:
            refuse(hidden.group(1))


def _check_depth(text: str, name: str, tokens: re.Pattern[str], syntax: str) -> None:
    depth = 0
    for match in tokens.finditer(text):
        char = match.group()
        if char in _OPEN:
            depth += 1
            if depth > MAX_DEPTH:
                line = text.count("\n", 0, match.start()) + 1
                raise RDFSyntaxError(
                    f"{name}:{line}: {syntax} nests deeper than {MAX_DEPTH} levels "
                    "(lists or objects within each other); flatten it"
                )
        elif char in _CLOSE:
            depth = max(0, depth - 1)


__all__ = ["MAX_DEPTH", "check_rdf", "precheck"]
