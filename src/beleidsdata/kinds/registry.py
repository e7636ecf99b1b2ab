"""The registry of document kinds: everything about a kind, declared once.

A kind joins what the stages need to know of it: its key and labels (CLI help, site,
OpenAPI), a parser (``detect`` + ``parse``), a mapper (``collect`` + ``map_document``), the
shape files that validate what it produces, the site templates for its resources, an
example resource for the API description, and which entities it is the primary source of.
Every other module reads the registry; none lists the kinds. The pattern is rdflib's
plugin registry and datasette's renderer hooks: a module plus one ``register`` call.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from ..errors import SourceError, UnknownKindError
from ..mapping.mapper import Mapper
from ..sources.base import ParsedDocument, Parser, SourceText, notes_of
from ..sources.budget import time_budget

R = TypeVar("R")

# Below this, a text is not recognised as any kind.
MIN_CONFIDENCE = 0.3


@dataclass(frozen=True)
class Label:
    """A name in Dutch and English."""

    nl: str
    en: str

    def __call__(self, lang: str) -> str:
        return self.en if lang == "en" else self.nl


@dataclass(frozen=True)
class TemplateRule:
    """Which site template shows a resource: one of its classes (full IRI), or a part's
    ``eli:type_subdivision`` concept, optionally only for one entity kind (the first
    segment of its path, e.g. ``regeerakkoord``)."""

    template: str
    type: str
    entity_kind: str | None = None


@dataclass(frozen=True)
class Kind(Generic[R]):
    """One kind of source document (see the module docstring)."""

    key: str
    label: Label
    description: Label
    parser: Parser[R]
    mapper: Mapper[R]
    # shape files for what this kind produces: stems of files in shapes/, or paths (a kind
    # that lives outside this package brings its own)
    shapes: tuple[str | Path, ...]
    example: str  # path after /id/ of a resource the sample corpus gives this kind
    templates: tuple[TemplateRule, ...] = ()
    primary_for: tuple[str, ...] = ()  # entity kinds (first path segment) it is the source of
    aliases: tuple[str, ...] = field(default=())  # other names for --kind


_KINDS: dict[str, Kind[Any]] = {}


def register(kind: Kind[R]) -> Kind[R]:
    """Add a kind; registering a key twice is a programming error."""
    if kind.key in _KINDS:
        raise ValueError(f"kind {kind.key!r} is already registered")
    _KINDS[kind.key] = kind
    return kind


def unregister(key: str) -> None:
    _KINDS.pop(key, None)


@contextmanager
def registered(kind: Kind[R]) -> Iterator[Kind[R]]:
    """A kind registered for the duration of a ``with`` block (tests, plugins)."""
    register(kind)
    try:
        yield kind
    finally:
        unregister(kind.key)


def all_kinds() -> tuple[Kind[Any], ...]:
    """Every kind, in registration order (which breaks ties in detection)."""
    return tuple(_KINDS.values())


def keys() -> tuple[str, ...]:
    return tuple(_KINDS)


def get(key: str, name: str = "") -> Kind[Any]:
    """The kind with this key or alias; an :class:`UnknownKindError` naming ``name``."""
    found = _KINDS.get(key) or next((k for k in _KINDS.values() if key in k.aliases), None)
    if found is None:
        raise UnknownKindError(name or key, f"unknown kind {key!r}; known kinds: {known()}")
    return found


def known() -> str:
    """The kinds for a message: ``evaluatie (evaluation of …), strategie (…)``."""
    return ", ".join(f"{k.key} ({k.label.en})" for k in _KINDS.values())


def detect(source: SourceText) -> Kind[Any]:
    """The kind this text most likely is; refuses when no parser is confident enough."""
    scores = [(kind.parser.detect(source), -i, kind) for i, kind in enumerate(_KINDS.values())]
    score, _, best = max(scores, key=lambda item: item[:2])
    if score < MIN_CONFIDENCE:
        raise UnknownKindError(
            source.name,
            f"cannot tell what kind of document this is; known kinds: {known()}. "
            "Use --kind to say which it is.",
        )
    return best


def parse(
    source: SourceText, kind: str | None = None, *, partial: bool = False
) -> ParsedDocument[Any]:
    """Read a source text as ``kind`` (detected from the content when not given).

    A text the parser finds cut off (a note that ``breaks_off``: it ends mid-clause or
    lacks the parts its kind requires) is refused with the line where it stops, unless
    ``partial``: then it is read as far as it goes and every resource from it is marked
    incomplete.
    """
    with time_budget(source.name):  # a hostile text must not hold a worker for minutes
        chosen = detect(source) if kind is None else get(kind, source.name)
        try:
            record = chosen.parser.parse(source)
        except SourceError:
            raise
        except (ValueError, IndexError, KeyError, AttributeError, RecursionError) as exc:
            # A parser bug on odd input must still come out as a one-line message.
            raise source.error(f"could not be read as {chosen.key}: {exc}") from exc
    cut = next((n for n in notes_of(record) if n.breaks_off), None)
    if cut is not None and not partial:
        raise source.error(
            f"{cut.message}; the text seems cut off here (--partial accepts it as incomplete)",
            cut.line,
        )
    return ParsedDocument(source=source, kind=chosen.key, record=record, partial=partial)


def areas() -> tuple[str, ...]:
    """Every shape file a kind declares: the profile areas a steward can choose."""
    return tuple(sorted({Path(area).stem for kind in _KINDS.values() for area in kind.shapes}))


def shape_files() -> dict[str, Path]:
    """Profile area → its shape file, for every registered kind."""
    from ..resources import shapes_dir

    out: dict[str, Path] = {}
    for kind in _KINDS.values():
        for area in kind.shapes:
            path = area if isinstance(area, Path) else shapes_dir() / f"{area}.ttl"
            out.setdefault(path.stem, path)
    return dict(sorted(out.items()))


def signature() -> tuple[str, ...]:
    """What the registry holds now (caches of compiled shapes are keyed by it)."""
    return tuple(_KINDS)


def primary_source(document_kind: str, entity_kind: str) -> bool:
    """Whether documents of this kind are the primary source of this kind of entity."""
    kind = _KINDS.get(document_kind)
    return kind is not None and entity_kind in kind.primary_for
