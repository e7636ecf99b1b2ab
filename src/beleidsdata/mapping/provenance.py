"""Where in its source a resource was read, anchored to the text rather than to lines.

A version of a resource means its meaning changed. Line numbers change whenever anything
above a resource moves, so published provenance does not carry them: it quotes the text,
as W3C Web Annotation selectors do: an ``oa:TextQuoteSelector`` with ``oa:exact`` (and
``oa:prefix``/``oa:suffix`` only where the quote occurs more than once), or for a long
passage an ``oa:RangeSelector`` from a quote of its first words (inclusive start) to the
point right after its last words (the exclusive end: an empty ``oa:exact`` whose
``oa:prefix`` is those last words), so the selector does not depend on what follows the
passage. Quotes are taken from the *normalised* text, every run of whitespace (line
breaks included) one space, so re-wrapping a paragraph or adding blank lines changes no
quote. Line numbers
are computed from a selector and the stored source text when someone asks for them
(``--explain``, the site, validation reports).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from ..sources.base import SourceText, Span

# A passage longer than this is quoted by its first and last words (an oa:RangeSelector).
MAX_EXACT = 200
# Words in the quote of a range's start or end, before it is made longer to be unique.
EDGE_WORDS = 8
# Characters of context added on each side of a quote that is not unique by itself.
CONTEXT = 32

_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Quote:
    """An ``oa:TextQuoteSelector``."""

    exact: str
    prefix: str | None = None
    suffix: str | None = None


@dataclass(frozen=True)
class Selector:
    """Either one quote (``quote``) or a range from ``start`` to ``end``."""

    quote: Quote | None = None
    start: Quote | None = None
    end: Quote | None = None


@dataclass(frozen=True)
class Normalised:
    """A text with whitespace runs collapsed, and where each character came from."""

    text: str
    origin: tuple[int, ...]  # normalised index → offset in the original text
    line_starts: tuple[int, ...]  # offset of each line's first character

    def line_of(self, normalised_index: int) -> int:
        """The 1-based line of the original character behind a normalised index."""
        offset = self.origin[min(normalised_index, len(self.origin) - 1)]
        return bisect.bisect_right(self.line_starts, offset)


@lru_cache(maxsize=64)
def normalise(text: str) -> Normalised:
    out: list[str] = []
    origin: list[int] = []
    for match in re.finditer(r"\S+", text):
        if out:
            out.append(" ")
            origin.append(match.start() - 1)
        out.append(match.group())
        origin.extend(range(match.start(), match.end()))
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    return Normalised("".join(out), tuple(origin), tuple(starts))


def _range_of(norm: Normalised, text: str, span: Span) -> tuple[int, int]:
    """The normalised index range of the characters on lines ``span``."""
    lines = norm.line_starts
    first = lines[span.start - 1] if span.start - 1 < len(lines) else len(text)
    last = lines[span.end] if span.end < len(lines) else len(text)
    lo = bisect.bisect_left(norm.origin, first)
    hi = bisect.bisect_left(norm.origin, last)
    return lo, hi


def _unique(norm: str, quote: str, at: int) -> Quote:
    """``quote`` at index ``at``, with context only if it is not the only occurrence."""
    if norm.count(quote) <= 1:
        return Quote(quote)
    prefix = norm[max(0, at - CONTEXT) : at]
    suffix = norm[at + len(quote) : at + len(quote) + CONTEXT]
    return Quote(quote, prefix or None, suffix or None)


def _edge(norm: str, lo: int, hi: int, first: bool) -> Quote:
    """A quote of the first words of ``norm[lo:hi]`` (the start of a range), or the point
    after its last words (the end), made longer until it is unique where possible."""
    words = list(re.finditer(r"\S+", norm[lo:hi]))
    count = min(EDGE_WORDS, len(words))
    while True:
        chosen = words[:count] if first else words[-count:]
        start, end = lo + chosen[0].start(), lo + chosen[-1].end()
        if norm.count(norm[start:end]) <= 1 or count >= len(words) or end - start > MAX_EXACT:
            break
        count = min(len(words), count + 4)
    if not first:
        return Quote("", prefix=norm[start:end])
    return _unique(norm, norm[start:end], start)


def select(source: SourceText, span: Span) -> Selector | None:
    """The selector for lines ``span`` of ``source``; None for a span of blank lines."""
    norm = normalise(source.text)
    lo, hi = _range_of(norm, source.text, span)
    exact = norm.text[lo:hi].strip()
    if not exact:
        return None
    lo = norm.text.index(exact, lo)
    hi = lo + len(exact)
    if len(exact) <= MAX_EXACT:
        return Selector(quote=_unique(norm.text, exact, lo))
    return Selector(start=_edge(norm.text, lo, hi, True), end=_edge(norm.text, lo, hi, False))


def _find(norm: str, quote: Quote, after: int = 0) -> int | None:
    """Where a quote starts in ``norm`` (at or after ``after``), honouring its context."""
    if not quote.exact:  # a point: right after its prefix
        at = norm.find(quote.prefix or "", after)
        return None if at < 0 else at + len(quote.prefix or "")
    at = norm.find(quote.exact, after)
    while at >= 0:
        before_ok = quote.prefix is None or norm[:at].endswith(quote.prefix)
        after_ok = quote.suffix is None or norm[at + len(quote.exact) :].startswith(quote.suffix)
        if before_ok and after_ok:
            return at
        at = norm.find(quote.exact, at + 1)
    return None


def resolve(text: str, selector: Selector) -> Span | None:
    """The lines a selector points at in ``text``; None when the text no longer has them."""
    norm = normalise(text)
    if selector.quote is not None:
        at = _find(norm.text, selector.quote)
        if at is None:
            return None
        return Span(norm.line_of(at), norm.line_of(at + len(selector.quote.exact) - 1))
    if selector.start is None or selector.end is None:
        return None
    start = _find(norm.text, selector.start)
    if start is None:
        return None
    end = _find(norm.text, selector.end, start)
    if end is None:
        return None
    return Span(norm.line_of(start), norm.line_of(end - 1))


def derivations(
    triples: Iterable[tuple[str, str, object]], subject: str
) -> list[tuple[str, Selector | None]]:
    """(source IRI, selector) of each qualified derivation of ``subject`` in ``triples``
    (the inverse of what the mapping writes; for --explain, the site and reports)."""
    from .namespaces import OA, PROV

    by_subject: dict[str, dict[str, list[object]]] = {}
    for s, p, o in triples:
        by_subject.setdefault(s, {}).setdefault(p, []).append(o)

    def one(node: str, predicate: str) -> object | None:
        values = by_subject.get(node, {}).get(predicate, [])
        return values[0] if values else None

    def text(node: str, predicate: str) -> str | None:
        value = one(node, predicate)
        return getattr(value, "lexical", None) if value is not None else None

    def quote(node: object) -> Quote | None:
        if not isinstance(node, str):
            return None
        exact = text(node, OA.exact)
        if exact is None:
            return None
        return Quote(exact, text(node, OA["prefix"]), text(node, OA.suffix))

    out: list[tuple[str, Selector | None]] = []
    for node in by_subject.get(subject, {}).get(PROV.qualifiedDerivation, []):
        if not isinstance(node, str):
            continue
        source = one(node, PROV.entity)
        if not isinstance(source, str):
            continue
        sel_node = one(node, OA.hasSelector)
        selector: Selector | None = None
        if isinstance(sel_node, str):
            single = quote(sel_node)
            if single is not None:
                selector = Selector(quote=single)
            else:
                start = quote(one(sel_node, OA.hasStartSelector))
                end = quote(one(sel_node, OA.hasEndSelector))
                if start is not None and end is not None:
                    selector = Selector(start=start, end=end)
        out.append((str(source), selector))
    return sorted(out, key=lambda item: item[0])
