"""``?embed=``: a resource with its related resources inlined, from their stored JSON-LD.

No RDF processing: the stored compacted documents of the related entities are plain JSON
trees under the same context, so inlining one is replacing an IRI string by that tree
(without its ``@context``). The expanded graph is the union of the entities' graphs.

- Keys listed in ``embed`` are followed from the resource itself, one level.
- The part keys (``onderdelen``, ``delen``) are followed down the whole part tree, so a
  resolution comes with all its parts, at every depth.
- Each related entity is inlined once, where it is first met; later mentions stay IRIs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .context import ID, TERMS

# Keys that may be embedded: every forward key whose values are IRIs of things.
EMBEDDABLE = tuple(t.key for t in TERMS if t.kind == ID and not t.reverse)
# What ``embed=alles`` (or ``all``) means: related things, not provenance or concepts.
ALL = (
    "delen",
    "onderdelen",
    "verwijstNaar",
    "verwijstNaarWerk",
    "onderwerp",
    "doel",
    "auteurs",
    "bekleedt",
    "persoon",
)
RECURSIVE = frozenset({"delen", "onderdelen"})
MAX_ENTITIES = 2000  # a bound on one response; the biggest sample tree has ~120


def parse_embed(value: str) -> tuple[str, ...]:
    """The keys asked for, validated and in a canonical order; raises ValueError."""
    keys: set[str] = set()
    for raw in value.split(","):
        key = raw.strip()
        if not key:
            continue
        if key in ("alles", "all"):
            keys.update(ALL)
        elif key in EMBEDDABLE:
            keys.add(key)
        else:
            raise ValueError(key)
    return tuple(k for k in EMBEDDABLE if k in keys)


def embed(
    document: dict[str, Any], keys: tuple[str, ...], load: Callable[[str], dict[str, Any] | None]
) -> tuple[dict[str, Any], list[str]]:
    """``document`` with the values of ``keys`` inlined; also the IRIs inlined, in order.

    ``load(iri)`` gives the stored compacted document of one of our entities, or None."""
    wanted = set(keys)
    doc = dict(document)
    root = doc if "@graph" not in doc else doc["@graph"][0]
    seen: set[str] = {root.get("id", "")}
    inlined: list[str] = []
    extra: list[dict[str, Any]] = []

    def inline(value: object, follow: set[str]) -> object:
        if not isinstance(value, str) or value in seen or len(inlined) >= MAX_ENTITIES:
            return value
        loaded = load(value)
        if loaded is None:
            return value
        seen.add(value)
        inlined.append(value)
        nodes = loaded.get("@graph") or [loaded]
        node = {k: v for k, v in nodes[0].items() if k != "@context"}
        extra.extend(nodes[1:])
        return walk(node, follow)

    def walk(node: dict[str, Any], follow: set[str]) -> dict[str, Any]:
        for key in [k for k in node if k in follow]:
            value = node[key]
            nested = follow & RECURSIVE if key in RECURSIVE else set()
            if isinstance(value, list):
                node[key] = [inline(v, nested) for v in value]
            else:
                node[key] = inline(value, nested)
        return node

    root = walk(dict(root), wanted)
    if "@graph" in doc or extra:
        context = doc.get("@context")
        graph = [root, *(doc.get("@graph", [])[1:]), *extra]
        return {"@context": context, "@graph": graph}, inlined
    return root, inlined
