"""The first page of each collection, rendered once per store change.

``/doc/{kind}`` without a query string is what a harvester or a browser asks first and
again; building it queries the index, counts the kind and serialises the page (a few
milliseconds). Its bytes only change when the store does, so the route keeps each
rendering (per kind, media type and, for HTML, language) until the store's change
counter moves (:mod:`beleidsdata.store.changes`); a repeat is a lookup, and with
``If-None-Match`` a comparison. Without a counter (PostgreSQL) nothing is kept.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from ..store.changes import ChangeWatch


@dataclass(frozen=True)
class Rendered:
    body: bytes
    etag: str
    headers: dict[str, str]


class FirstPages:
    """Renderings keyed by (kind, media type, language), valid for one store version.
    Routes run in worker threads, hence the lock."""

    def __init__(self, watch: ChangeWatch | None) -> None:
        self._watch = watch
        self._lock = threading.Lock()
        self._version: int | None = None
        self._pages: dict[tuple[str, str, str], Rendered] = {}

    def _now(self) -> int | None:
        if self._watch is None:
            return None
        version = self._watch.version()
        if version != self._version:
            self._pages.clear()
            self._version = version
        return version

    def get(self, key: tuple[str, str, str]) -> Rendered | None:
        with self._lock:
            if self._now() is None:
                return None
            return self._pages.get(key)

    def put(self, key: tuple[str, str, str], page: Rendered, version: int | None) -> None:
        """Keep ``page``, rendered from store version ``version`` (read before it was
        rendered: a page rendered while an ingest committed is not kept as new)."""
        with self._lock:
            if version is not None and self._now() == version:
                self._pages[key] = page

    def version(self) -> int | None:
        with self._lock:
            return self._now()
