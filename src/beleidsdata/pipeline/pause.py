"""The cyclic garbage collector held off while a batch is converted and written.

A batch makes millions of small objects (terms, triples, serialised pieces) that reference
counting frees; the cyclic collector would still walk all of them again and again as they
pile up (seven full collections and about 15 % of the CPU time of a 250-document batch).
Held off for one ingest, it runs once afterwards, at its usual thresholds.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collection_paused() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
