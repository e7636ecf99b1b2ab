"""``?embed=`` on a description: related things inlined, one level, from stored bytes.

JSON-LD inlines the related nodes into the document (``formats/embed.py``); the RDF
formats append the related things' stored descriptions (Turtle allows ``@prefix`` again
further down, N-Triples are lines, RDF/XML documents are merged under one ``rdf:RDF``).
Answers are cached per (path, keys, format) until the store changes, since a popular
``?embed=alles`` costs a lookup per related thing.
"""

from __future__ import annotations

import json
import re
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from fastapi import Request

from ..formats.embed import embed
from ..formats.jsonld import dumps as jsonld_dumps
from ..store import Store

EMBED_CACHE_SIZE = 256
CacheKey = tuple[str, tuple[str, ...], str, int]


def embedded(
    request: Request,
    store: Store,
    document: bytes,
    path: str,
    keys: tuple[str, ...],
    fmt: str,
) -> bytes:
    """The resource with related resources inlined, in format ``fmt`` (not HTML)."""
    cache: OrderedDict[CacheKey, bytes] = (
        getattr(request.app.state, "embed_cache", None) or OrderedDict()
    )
    request.app.state.embed_cache = cache
    key = (path, keys, fmt, store.last_seq())
    if key in cache:
        cache.move_to_end(key)
        return cache[key]
    id_root = store.base_iri + "/id/"
    load = loader(store)

    def stored(entity_path: str) -> bytes:
        found = store.document(f"/doc/{entity_path}", fmt)
        return found.body if found else b""

    doc, inlined = embed(json.loads(document), keys, load)
    if fmt == "jsonld":
        body = jsonld_dumps(doc)
    else:
        parts = [stored(path), *(stored(iri[len(id_root) :]) for iri in inlined)]
        if fmt == "ttl":
            body = b"\n".join(parts)  # Turtle allows @prefix again further down
        elif fmt == "nt":
            body = b"".join(parts)
        else:
            body = merge_rdfxml(parts)
    cache[key] = body
    while len(cache) > EMBED_CACHE_SIZE:
        cache.popitem(last=False)
    return body


def loader(store: Store) -> Callable[[str], dict[str, Any] | None]:
    """The stored JSON-LD of one of our entities by its IRI (None for anything else)."""
    id_root = store.base_iri + "/id/"

    def load(iri: str) -> dict[str, Any] | None:
        if not iri.startswith(id_root) or "#" in iri:
            return None
        related = store.document(f"/doc/{iri[len(id_root) :]}", "jsonld")
        return json.loads(related.body) if related else None

    return load


def merge_rdfxml(documents: list[bytes]) -> bytes:
    """Several of our RDF/XML documents as one: the descriptions under one rdf:RDF with the
    namespace declarations of all (our writer always uses the same prefixes)."""
    namespaces: dict[str, str] = {}
    bodies: list[str] = []
    for raw in documents:
        text = raw.decode()
        _, _, rest = text.partition("<rdf:RDF")
        decls, _, inner = rest.partition(">\n")
        for match in re.finditer(r'xmlns:([\w-]+)="([^"]*)"', decls):
            namespaces.setdefault(match.group(1), match.group(2))
        bodies.append(inner.rsplit("</rdf:RDF>", 1)[0])
    attrs = "".join(f'\n    xmlns:{p}="{ns}"' for p, ns in sorted(namespaces.items()))
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f"<rdf:RDF{attrs}>\n" + "".join(bodies) + "</rdf:RDF>\n"
    ).encode()
