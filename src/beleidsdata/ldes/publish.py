"""Rendering the event stream at ingest: every node that changed, stored as bytes.

Called inside the ingest transaction with the members it wrote. For each view they touch,
the pages from the one that held the previous last member to the new last page are
rendered (a full page closes the moment the member after it exists), then their branches
and the view's root; the latest-version view also re-renders the pages whose members were
superseded. The stream descriptions and the catalogue follow. Everything lands in the
``documents`` table with its ETag, so a GET of any stream URL, open page and root
included, is one lookup: polling costs what a static file costs. A page is stored as its
head and the list of its members, whose fragments are stored once (``member_fragments``):
re-rendering a page writes its head, not its members' bytes again.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..mapping.namespaces import FOAF, PROV
from ..store.core import Store
from ..store.records import Member
from . import hypermedia as hm
from . import render
from .catalog import render_catalog
from .layout import BRANCH, LATEST, TIME, StreamLayout


def view_total(store: Store, view: str) -> int:
    if view in (TIME, LATEST):
        return store.last_seq()  # seq is dense: the log never loses a member
    return store.view_size(view)


def _times(store: Store, view: str, positions: Iterable[int]) -> dict[int, str]:
    """Event times of the members at these positions of a view (one query, not one per
    position: a branch asks for the bounds of up to a hundred pages)."""
    if view in (TIME, LATEST):
        return store.member_times(positions)  # a position in the log is a seq
    return store.view_times(view, positions)


def _bounds(
    store: Store, view: str, spans: Sequence[tuple[int, int, bool]]
) -> list[tuple[str | None, str | None]]:
    """Times of the first and (when closed) last member of each (first, last, closed)
    span of positions."""
    wanted = {first for first, _, _ in spans} | {last for _, last, closed in spans if closed}
    times = _times(store, view, wanted)
    return [
        (times.get(first), times.get(last) if closed else None) for first, last, closed in spans
    ]


def page_members(store: Store, layout: StreamLayout, view: str, number: int) -> list[Member]:
    first, last = layout.positions(number)
    if view == TIME:
        return store.members(after_seq=first - 1, limit=layout.page_size)
    if view == LATEST:
        return store.latest_members(first - 1, last)
    return store.view_members(view, first, layout.page_size)


def _store_node(
    store: Store, path: str, lines: list[hm.Line], layout: StreamLayout, time: str, immutable: bool
) -> None:
    for fmt in render.FORMATS:
        store.put_document(path, fmt, render.document(lines, fmt, layout.context), time, immutable)


def render_page(store: Store, layout: StreamLayout, view: str, number: int, time: str) -> None:
    total = view_total(store, view)
    closed = view != LATEST and layout.page_closed(number, total)
    iri = layout.page(number, view)
    lines = hm.stream_lines(layout, view) + hm.node_lines(iri, closed)
    members = page_members(store, layout, view, number)
    stream = layout.stream_of(view)
    path = layout.page_path(number, view)
    for fmt in render.FORMATS:
        head, composition = render.page(lines, stream, members, fmt, layout.context)
        store.put_document(path, fmt, head, time, closed, composition)


def render_branch(store: Store, layout: StreamLayout, view: str, number: int, time: str) -> None:
    total = view_total(store, view)
    bounds_view = TIME if view == LATEST else view
    closed = view != LATEST and layout.branch_closed(number, total)
    iri = layout.branch(number, view)
    lines = hm.stream_lines(layout, view) + hm.node_lines(iri, closed)
    last_page = min(number * BRANCH, layout.page_count(total))
    pages = range(number * BRANCH - BRANCH + 1, last_page + 1)
    spans = [(*layout.positions(page), layout.page_closed(page, total)) for page in pages]
    for page, (lo, hi) in zip(pages, _bounds(store, bounds_view, spans), strict=True):
        lines += hm.relation_lines(iri, layout.page(page, view), lo, hi)
    _store_node(store, layout.branch_path(number, view), lines, layout, time, closed)


def render_root(store: Store, layout: StreamLayout, view: str, time: str) -> None:
    total = view_total(store, view)
    bounds_view = TIME if view == LATEST else view
    iri = layout.root(view)
    lines = hm.stream_lines(layout, view) + hm.view_lines(layout, view)
    branches = range(1, layout.branch_count(total) + 1)
    spans = [
        (
            layout.positions(branch * BRANCH - BRANCH + 1)[0],
            layout.positions(branch * BRANCH)[1],
            layout.branch_closed(branch, total),
        )
        for branch in branches
    ]
    for branch, (lo, hi) in zip(branches, _bounds(store, bounds_view, spans), strict=True):
        lines += hm.relation_lines(iri, layout.branch(branch, view), lo, hi)
    _store_node(store, layout.root_path(view), lines, layout, time, False)


def render_streams(store: Store, layout: StreamLayout, time: str) -> None:
    """``/ldes`` (its one view, the latest-version view, the kinds' streams and the member
    shape) and each kind's stream ``/ldes/{kind}``."""
    kinds = sorted(store.view_sizes())
    lines = hm.stream_lines(layout, TIME) + hm.view_lines(layout, LATEST)
    for kind in kinds:
        part = layout.stream_of(kind)
        lines += [
            (hm.i(layout.stream), hm.i("http://purl.org/dc/terms/hasPart"), hm.i(part)),
            (hm.i(part), "a", hm.i("https://w3id.org/ldes#EventStream")),
            (hm.i(part), hm.i("https://w3id.org/tree#view"), hm.i(layout.root(kind))),
        ]
        lines += hm.view_lines(layout, kind)
    lines += hm.shape_lines(layout)
    _store_node(store, layout.stream_path(TIME), lines, layout, time, False)
    for kind in kinds:
        kind_lines = hm.stream_lines(layout, kind) + hm.shape_lines(layout)
        _store_node(store, layout.stream_path(kind), kind_lines, layout, time, False)


def _pages_to_render(layout: StreamLayout, total: int, added: int) -> range:
    before = total - added
    first = layout.page_count(before) if before else 1
    return range(first, layout.page_count(total) + 1)


def publish(
    store: Store,
    layout: StreamLayout,
    written: Sequence[Member],
    superseded: Iterable[int],
    time: str,
) -> None:
    """Render and store every stream node the ``written`` members changed."""
    if not written:
        return
    added: dict[str, int] = {TIME: len(written)}
    for member in written:
        added[member.kind] = added.get(member.kind, 0) + 1
    for view, count in added.items():
        total = view_total(store, view)
        pages = _pages_to_render(layout, total, count)
        for number in pages:
            render_page(store, layout, view, number, time)
        for branch in range(layout.branch_of(pages.start), layout.branch_count(total) + 1):
            render_branch(store, layout, view, branch, time)
        render_root(store, layout, view, time)
    # The latest-version view: the log's new pages, and the pages that lost a member.
    total = view_total(store, TIME)
    pages = _pages_to_render(layout, total, len(written))
    stale = {(seq - 1) // layout.page_size + 1 for seq in superseded}
    for number in sorted(stale | set(pages)):
        render_page(store, layout, LATEST, number, time)
    for branch in range(layout.branch_of(pages.start), layout.branch_count(total) + 1):
        render_branch(store, layout, LATEST, branch, time)
    render_root(store, layout, LATEST, time)
    render_streams(store, layout, time)
    render_catalog(store, layout, time)


def publish_empty(store: Store, layout: StreamLayout, time: str) -> None:
    """The stream of a store with no members yet: its descriptions and empty roots."""
    for view in (TIME, LATEST):
        render_page(store, layout, view, 1, time)
        render_branch(store, layout, view, 1, time)
        render_root(store, layout, view, time)
    render_streams(store, layout, time)
    render_catalog(store, layout, time)


def render_publisher(store: Store, layout: StreamLayout, iri: str, name: str, time: str) -> None:
    """The agent members are attributed to (a token's name, or the command line), once."""
    path = iri[len(layout.base) :]
    if store.has_document(path):
        return
    lines: list[hm.Line] = [
        (hm.i(iri), "a", hm.i(PROV.Agent)),
        (hm.i(iri), "a", hm.i(FOAF.Agent)),
        (hm.i(iri), hm.i(FOAF.name), '"' + name.replace('"', "") + '"'),
    ]
    _store_node(store, path, lines, layout, time, False)
