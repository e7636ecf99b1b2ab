"""Where everything of the event stream lives: streams, views, and their nodes' URLs.

Views (all in time order: time, then sequence):

- ``tijd``: the whole log, the one ``tree:view`` of the stream ``{base}/ldes``;
- ``laatste``: the latest version of each entity, a second view of the same stream
  (``ldes:versionAmount 1``); its pages shrink as entities change, so they never close;
- one per kind of entity (``beslissing``, ``regeerakkoord``…): a stream of its own,
  ``{base}/ldes/{kind}`` (``dct:isPartOf`` the whole stream), since a view must reach every
  member of its stream.

Each view is a search tree of depth two: a root (``…/wortel``, always mutable) links to
branches (``…/tak/{k}``, each of :data:`BRANCH` pages) which link to the pages
(``…/pagina/{n}``, each of ``page_size`` members). Every node but the root has exactly one
parent, as TREE asks; a page or branch that is full and followed by another never changes
again (``immutable``), and a client that resumes from saved state re-reads only the root,
the open branch and the open page. A node's IRI is exactly its URL.
"""

from __future__ import annotations

from dataclasses import dataclass

TIME = "tijd"  # the whole log in time order
LATEST = "laatste"  # the latest version of each entity
BRANCH = 100  # pages per branch
POLLING_INTERVAL_S = 60
TREE_PROFILE = "https://w3id.org/tree/profile"
TITLE = "Vlaamse beleidsdocumenten: alle versies"


@dataclass(frozen=True)
class StreamLayout:
    """IRIs of the streams, views and nodes of one deployment."""

    base: str
    page_size: int

    # Paths (what the documents table and the router use) and IRIs (base + path).
    def iri(self, path: str) -> str:
        return self.base + path

    @staticmethod
    def _prefix(view: str) -> str:
        if view == TIME:
            return "/ldes"
        return f"/ldes/{view}"

    @property
    def stream(self) -> str:
        return f"{self.base}/ldes"

    @property
    def shape(self) -> str:
        return f"{self.base}/ldes#shape"

    @property
    def context(self) -> str:
        return f"{self.base}/context/v1.jsonld"

    def stream_of(self, view: str = TIME) -> str:
        """The stream a view belongs to: the whole stream, or a kind's own stream."""
        return self.stream if view in (TIME, LATEST) else f"{self.base}/ldes/{view}"

    def stream_path(self, view: str = TIME) -> str:
        return self.stream_of(view)[len(self.base) :]

    def root_path(self, view: str = TIME) -> str:
        return f"{self._prefix(view)}/wortel"

    def branch_path(self, number: int, view: str = TIME) -> str:
        return f"{self._prefix(view)}/tak/{number}"

    def page_path(self, number: int, view: str = TIME) -> str:
        return f"{self._prefix(view)}/pagina/{number}"

    def root(self, view: str = TIME) -> str:
        return self.base + self.root_path(view)

    def branch(self, number: int, view: str = TIME) -> str:
        return self.base + self.branch_path(number, view)

    def page(self, number: int, view: str = TIME) -> str:
        return self.base + self.page_path(number, view)

    def description(self, view: str = TIME) -> str:
        return f"{self.base}/ldes#weergave-{view}"

    # Arithmetic of the tree.
    def page_count(self, members: int) -> int:
        return max(1, -(-members // self.page_size))

    @staticmethod
    def branch_of(page: int) -> int:
        return (page - 1) // BRANCH + 1

    def branch_count(self, members: int) -> int:
        return self.branch_of(self.page_count(members))

    def page_closed(self, number: int, members: int) -> bool:
        """Full and followed by another member: it never changes again."""
        return members > number * self.page_size

    def branch_closed(self, number: int, members: int) -> bool:
        return self.page_closed(number * BRANCH, members)

    def positions(self, page: int) -> tuple[int, int]:
        """First and last position (1-based) a page can hold."""
        return (page - 1) * self.page_size + 1, page * self.page_size
