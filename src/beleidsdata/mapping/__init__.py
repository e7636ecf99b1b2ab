"""Records → RDF: one mapper per document kind, plus what every kind shares.

``uris`` is the only place that mints IRIs, ``namespaces`` declares every term we use,
``graph`` collects one document's triples and cuts them into entities, ``combine`` makes
one entity of what several documents say about it, ``facts`` carries the little one
document's mapping needs from another, and ``mapper`` is the protocol every kind's mapper
follows. Which mapper belongs to which kind is declared in :mod:`beleidsdata.kinds`.
"""

from __future__ import annotations

from .graph import EntityDescription, GraphBuilder
from .mapper import Mapped, Mapper, map_one
from .uris import Minter

__all__ = ["EntityDescription", "GraphBuilder", "Mapped", "Mapper", "Minter", "map_one"]
