"""The event stream as pages of members, assembled from bytes serialised at ingest.

Views (all time-ordered: time, then ingest sequence):

- ``tijd``: the whole log, ``{base}/ldes/pagina/{n}``, the one ``tree:view`` of the
  stream ``{base}/ldes``. It keeps every member.
- ``laatste``: the latest version of each entity, ``{base}/ldes/laatste/pagina/{n}``, a
  second view of the same stream (``ldes:versionAmount 1``). Page n holds the members of
  log page n that are still their entity's latest version, so its pages shrink and are
  never immutable.
- one per document kind, ``{base}/ldes/{kind}/pagina/{n}``: the members about that kind
  of thing. A kind's members are a subset of the log, so each kind has its own stream
  ``{base}/ldes/{kind}`` (``dct:isPartOf`` the whole stream), with the same paths and
  shape. (A ``tree:view`` of ``{base}/ldes`` must reach every member, and the entry point
  must have exactly one ``tree:view``; see docs/research/ldes.md §1.2.)

Page n links to page n+1 with a ``tree:GreaterThanOrEqualToRelation`` (the first time on
page n+1) and to page n-1 with a ``tree:LessThanOrEqualToRelation`` (the last time on page
n-1, with the exact ``tree:remainingItems`` behind it), so a client can start from any
point in time. (Inclusive bounds: one ingest stamps all its members with one time, so
equal times do straddle page boundaries, and a strict ``LessThanRelation`` at the first time
of page n would wrongly prune page n-1.) A page is *closed* once the member after it
exists: from then on its bytes never change (``ldes:immutable``), and they are stored in
the ``pages`` table in the transaction that closed it.

Nothing here builds RDF: page metadata is a few fixed lines per format, and member bodies
are concatenated as stored.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..mapping.namespaces import DCAT, DCT, LDES, PREFIXES, PROV, RDF, TREE, XSD
from ..store.base import Member, PageWrite, Store

DEFAULT_PAGE_SIZE = 250
POLLING_INTERVAL_MS = 60_000
FORMATS = ("jsonld", "ttl", "nt")
TIME = "tijd"  # the whole log in time order
LATEST = "laatste"  # the latest version of each entity
TREE_PROFILE = "https://w3id.org/tree/profile"
TITLE = "Vlaamse beleidsdocumenten: alle versies"

Line = tuple[str, str, str]


def _i(iri: str) -> str:
    return f"<{iri}>"


def _int(n: int) -> str:
    return f'"{n}"^^<{XSD.integer}>'


def _time(t: str) -> str:
    return f'"{t}"^^<{XSD.dateTime}>'


@dataclass(frozen=True)
class StreamLayout:
    """IRIs of the streams, views and pages for one deployment."""

    base: str
    page_size: int = DEFAULT_PAGE_SIZE

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

    def page(self, number: int, view: str = TIME) -> str:
        if view == TIME:
            return f"{self.base}/ldes/pagina/{number}"
        return f"{self.base}/ldes/{view}/pagina/{number}"

    def description(self, view: str = TIME) -> str:
        return f"{self.base}/ldes#weergave-{view}"

    def page_count(self, members: int) -> int:
        return max(1, -(-members // self.page_size))


@dataclass(frozen=True)
class Page:
    number: int
    members: list[Member]
    closed: bool  # the member after it exists: it will never change again
    next_time: str | None  # first event time on the next page
    remaining: int  # members after this page (changes while the stream grows)
    view: str = TIME
    prev_time: str | None = None  # last event time on the previous page
    before: int | None = None  # members on the pages before this one, when fixed


def view_total(store: Store, view: str) -> int:
    if view in (TIME, LATEST):
        return store.last_seq()  # seq is dense: the log never loses a member
    return store.view_size(view)  # type: ignore[attr-defined]


def load_page(store: Store, layout: StreamLayout, number: int, view: str = TIME) -> Page | None:
    """Members of page ``number`` (1-based) of a view; None when there is no such page."""
    total = view_total(store, view)
    size = layout.page_size
    if (
        number < 1
        or number > layout.page_count(total)
        or (view not in (TIME, LATEST) and total == 0)
    ):
        return None
    start = (number - 1) * size  # members before this page
    lead = 1 if number > 1 else 0  # also fetch the last member of the previous page
    if view == TIME:
        rows = store.members(after_seq=start - lead, limit=size + 1 + lead)
    elif view == LATEST:
        prev = store.members(after_seq=start - 1, limit=1) if lead else []
        following = store.members(after_seq=start + size, limit=1)
        return Page(
            number=number,
            closed=False,
            members=store.latest_members(start, start + size),  # type: ignore[attr-defined]
            next_time=following[0].time if following else None,
            remaining=max(0, total - number * size),
            view=view,
            prev_time=prev[0].time if prev else None,
            before=None,
        )
    else:
        rows = store.view_members(view, start + 1 - lead, size + 1 + lead)  # type: ignore[attr-defined]
    prev = rows[0] if lead else None
    rows = rows[lead:]
    members, following = rows[:size], rows[size:]
    return Page(
        number=number,
        members=members,
        closed=bool(following),
        next_time=following[0].time if following else None,
        remaining=max(0, total - number * size),
        view=view,
        prev_time=prev.time if prev else None,
        before=start,
    )


def render(lines: list[Line], fmt: str, context: str) -> bytes:
    """Lines of N-Triples terms as JSON-LD (full IRIs as keys), Turtle or N-Triples."""
    return _expanded_jsonld(lines, context) if fmt == "jsonld" else _triples_bytes(lines, fmt)


def _prefix_lines() -> str:
    return "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(PREFIXES.items()))


def _stream_lines(layout: StreamLayout, view: str = TIME) -> list[Line]:
    """What the stream is and which view this is: repeated on every page, so no view
    lacks the stream's properties (a complaint about the reference server)."""
    stream = layout.stream_of(view)
    s = _i(stream)
    as_ = "https://www.w3.org/ns/activitystreams#"
    rdf_type = _i(RDF.type)
    title = TITLE if stream == layout.stream else f"{TITLE} ({view})"
    lines: list[Line] = [
        (s, "a", _i(LDES.EventStream)),
        (s, _i(DCT.title), f'"{title}"@nl'),
        (s, _i(LDES.timestampPath), _i(PROV.generatedAtTime)),
        (s, _i(LDES.versionOfPath), _i(DCT.isVersionOf)),
        (s, _i(LDES.versionCreatePath), rdf_type),
        (s, _i(LDES.versionCreateObject), f"<{as_}Create>"),
        (s, _i(LDES.versionUpdatePath), rdf_type),
        (s, _i(LDES.versionUpdateObject), f"<{as_}Update>"),
        (s, _i(LDES.versionDeletePath), rdf_type),
        (s, _i(LDES.versionDeleteObject), f"<{as_}Delete>"),
        (s, _i(LDES.pollingInterval), _int(POLLING_INTERVAL_MS // 1000)),
        (s, _i(TREE.shape), _i(layout.shape)),
    ]
    if stream != layout.stream:
        lines.append((s, _i(DCT.isPartOf), _i(layout.stream)))
    lines.append((s, _i(TREE.view), _i(layout.page(1, view))))
    return lines + _view_lines(layout, view)


def _view_lines(layout: StreamLayout, view: str) -> list[Line]:
    """The view's root node and its description: a dcat:DataService serving the stream,
    with its fragmentation, page size and retention policy."""
    root, desc = _i(layout.page(1, view)), _i(layout.description(view))
    retention = _i(layout.description(view) + "-retentie")
    what = {
        TIME: ("alle versies", "every version"),
        LATEST: ("de laatste versie van elk ding", "the latest version of each thing"),
    }
    nl, en = what.get(view, (f"alle versies, soort {view}", f"every version, kind {view}"))
    lines: list[Line] = [
        (root, "a", _i(TREE.Node)),
        (root, _i(TREE.viewDescription), desc),
        (desc, "a", _i(DCAT.DataService)),
        (desc, _i(DCT.title), f'"{view}"@nl'),
        (
            desc,
            _i(DCT.description),
            f'"Tijdsgeordende pagina\'s van ten hoogste {layout.page_size} leden: {nl}."@nl',
        ),
        (
            desc,
            _i(DCT.description),
            f'"Time-ordered pages of at most {layout.page_size} members: {en}."@en',
        ),
        (desc, _i(DCAT.endpointURL), root),
        (desc, _i(DCAT.servesDataset), _i(layout.stream_of(view))),
        (desc, _i(LDES.retentionPolicy), retention),
    ]
    if view == TIME:
        lines.append((desc, "a", _i(LDES.EventSource)))
    if view == LATEST:
        lines.append((retention, _i(LDES.versionAmount), _int(1)))
    else:  # keeps every member since the beginning of time
        lines.append((retention, _i(LDES.startingFrom), _time("1970-01-01T00:00:00Z")))
    return lines


# Properties that lead from a member to the nested nodes of its description, so that a
# client extracting members by shape (the reference client does) gets them too. The
# decision's treatment and document point *at* the member, hence the inverse paths.
_NESTED_FORWARD = (
    "http://www.w3.org/ns/prov#qualifiedDerivation",
    "https://w3id.org/beleidsdata/ns#bedrag",
    "http://www.w3.org/ns/oa#hasBody",
    "http://spdx.org/rdf/terms#checksum",
    "https://w3id.org/beleidsdata/ns#verwijzing",
)
_SH = "http://www.w3.org/ns/shacl#"


def _shape_lines(layout: StreamLayout) -> list[Line]:
    """The member shape, inline in the stream description (the SHACL shapes of the
    payload are at /shapes/; this one says what every member has and what it contains).
    SHACL writes inverse paths as blank nodes; these are the only ones we publish."""
    shape = f"<{layout.shape}>"
    nested = f"<{layout.stream}#genest>"
    x = "<http://www.w3.org/2001/XMLSchema#"
    lines: list[Line] = [
        (shape, "a", f"<{_SH}NodeShape>"),
        (nested, "a", f"<{_SH}NodeShape>"),
    ]

    def prop(name: str, path: str, *extra: tuple[str, str]) -> None:
        node = f"<{layout.stream}#{name}>"
        lines.append((shape, f"<{_SH}property>", node))
        lines.append((node, f"<{_SH}path>", path))
        lines.extend((node, p, o) for p, o in extra)

    prop(
        "tijdstip",
        "<http://www.w3.org/ns/prov#generatedAtTime>",
        (f"<{_SH}datatype>", f"{x}dateTime>"),
        (f"<{_SH}minCount>", '"1"^^' + f"{x}integer>"),
        (f"<{_SH}maxCount>", '"1"^^' + f"{x}integer>"),
    )
    prop(
        "versieVan",
        "<http://purl.org/dc/terms/isVersionOf>",
        (f"<{_SH}nodeKind>", f"<{_SH}IRI>"),
        (f"<{_SH}minCount>", '"1"^^' + f"{x}integer>"),
        (f"<{_SH}maxCount>", '"1"^^' + f"{x}integer>"),
    )
    for i, path in enumerate(_NESTED_FORWARD, 1):
        prop(f"genest-{i}", f"<{path}>", (f"<{_SH}node>", nested))
    # member ← dct:subject ← #behandeling → heeftBeslissing → #beslissing ← beschrijft ← #stuk
    lines += [
        (f"<{layout.stream}#behandeling>", "a", f"<{_SH}NodeShape>"),
        (f"<{layout.stream}#beslissing>", "a", f"<{_SH}NodeShape>"),
        (f"<{layout.stream}#genest-behandeling>", f"<{_SH}path>", "_:naarOnderwerp"),
        ("_:naarOnderwerp", f"<{_SH}inversePath>", "<http://purl.org/dc/terms/subject>"),
        (f"<{layout.stream}#genest-behandeling>", f"<{_SH}node>", f"<{layout.stream}#behandeling>"),
        (shape, f"<{_SH}property>", f"<{layout.stream}#genest-behandeling>"),
        (
            f"<{layout.stream}#behandeling>",
            f"<{_SH}property>",
            f"<{layout.stream}#genest-beslissing>",
        ),
        (
            f"<{layout.stream}#genest-beslissing>",
            f"<{_SH}path>",
            "<https://data.vlaanderen.be/ns/besluitvorming#heeftBeslissing>",
        ),
        (f"<{layout.stream}#genest-beslissing>", f"<{_SH}node>", f"<{layout.stream}#beslissing>"),
        (f"<{layout.stream}#beslissing>", f"<{_SH}property>", f"<{layout.stream}#genest-stuk>"),
        (f"<{layout.stream}#genest-stuk>", f"<{_SH}path>", "_:naarStuk"),
        ("_:naarStuk", f"<{_SH}inversePath>", "<https://data.vlaanderen.be/ns/dossier#beschrijft>"),
        (f"<{layout.stream}#genest-stuk>", f"<{_SH}node>", nested),
    ]
    return lines


def stream_description(
    layout: StreamLayout, fmt: str, total: int = 0, kinds: Iterable[str] = (), view: str = TIME
) -> bytes:
    """A stream's description. For the whole stream (``view`` TIME): its one view, the
    latest-version view, the kinds' streams (``dct:hasPart``) with their views, and the
    member shape. For a kind's stream: the same for that kind."""
    lines = _stream_lines(layout, view)
    if view == TIME:
        lines += _view_lines(layout, LATEST)
        for kind in kinds:
            part = layout.stream_of(kind)
            lines += [
                (_i(layout.stream), _i(DCT.hasPart), _i(part)),
                (_i(part), "a", _i(LDES.EventStream)),
                (_i(part), _i(TREE.view), _i(layout.page(1, kind))),
            ]
            lines += _view_lines(layout, kind)
    lines += _shape_lines(layout)
    if fmt == "jsonld":
        return _expanded_jsonld(lines, layout.context)
    return _triples_bytes(lines, fmt)


def _jsonld_nodes(lines: list[Line]) -> list[dict[str, object]]:
    """JSON-LD node objects with full IRIs as keys, written from N-Triples terms."""
    nodes: dict[str, dict[str, object]] = {}
    for s, p, o in lines:
        node = nodes.setdefault(s, {"@id": _jsonld_id(s)})
        key = "@type" if p == "a" else p[1:-1]
        value: object
        if p == "a":
            value = o[1:-1]
        elif o.startswith("<") or o.startswith("_:"):
            value = {"@id": _jsonld_id(o)}
        else:
            lexical, _, rest = o[1:].rpartition('"')
            if rest.startswith("@"):
                value = {"@value": lexical, "@language": rest[1:]}
            elif rest.startswith("^^"):
                value = {"@value": lexical, "@type": rest[3:-1]}
            else:
                value = {"@value": lexical}
        node.setdefault(key, []).append(value)  # type: ignore[union-attr]
    return list(nodes.values())


def _expanded_jsonld(lines: list[Line], context: str) -> bytes:
    doc = {"@context": context, "@graph": _jsonld_nodes(lines)}
    return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode()


def _jsonld_id(term: str) -> str:
    return term if term.startswith("_:") else term[1:-1]


def _triples_bytes(lines: list[Line], fmt: str) -> bytes:
    rdf_type = _i(RDF.type)
    if fmt == "nt":
        return "".join(f"{s} {rdf_type if p == 'a' else p} {o} .\n" for s, p, o in lines).encode()
    body = "".join(f"{s} {p} {o} .\n" for s, p, o in lines)
    return (_prefix_lines() + "\n" + body).encode()


def _page_lines(layout: StreamLayout, page: Page) -> list[Line]:
    here = _i(layout.page(page.number, page.view))
    lines = _stream_lines(layout, page.view)
    if page.number != 1:
        lines.append((here, "a", _i(TREE.Node)))
    if page.closed:
        lines.append((here, _i(LDES.immutable), f'"true"^^<{XSD.boolean}>'))
    if page.next_time:
        rel = _i(layout.page(page.number, page.view) + "#volgende")
        lines += [
            (here, _i(TREE.relation), rel),
            (rel, "a", _i(TREE.GreaterThanOrEqualToRelation)),
            (rel, _i(TREE.path), _i(PROV.generatedAtTime)),
            (rel, _i(TREE.value), _time(page.next_time)),
            (rel, _i(TREE.node), _i(layout.page(page.number + 1, page.view))),
        ]
    if page.prev_time:
        rel = _i(layout.page(page.number, page.view) + "#vorige")
        lines += [
            (here, _i(TREE.relation), rel),
            (rel, "a", _i(TREE.LessThanOrEqualToRelation)),
            (rel, _i(TREE.path), _i(PROV.generatedAtTime)),
            (rel, _i(TREE.value), _time(page.prev_time)),
            (rel, _i(TREE.node), _i(layout.page(page.number - 1, page.view))),
        ]
        if page.before is not None:
            lines.append((rel, _i(TREE.remainingItems), _int(page.before)))
    return lines


def page_bytes(layout: StreamLayout, page: Page, fmt: str) -> bytes:
    """One page in TREE-profile order: the hypermedia block (the stream, the view, the
    page and its relations), then each member's ``tree:member`` triple right before its
    description. The same bytes for the same members, whenever they are assembled."""
    s = layout.stream_of(page.view)
    lines = _page_lines(layout, page)
    if fmt == "jsonld":
        nodes = _jsonld_nodes(lines)
        nodes[0][TREE.member] = [{"@id": m.iri} for m in page.members]
        head = json.dumps({"@context": layout.context}, ensure_ascii=False)[:-1]
        parts = [json.dumps(n, ensure_ascii=False, indent=2) for n in nodes]
        parts += [m.bodies["jsonld"].decode() for m in page.members]
        return (head + ', "@graph": [\n' + ",\n".join(parts) + "\n]}\n").encode()
    head = _triples_bytes(lines, fmt)
    key = "ttl" if fmt == "ttl" else "nt"
    sep = b"\n" if fmt == "ttl" else b""
    link = f"<{s}> <{TREE.member}> <".encode()
    out = [head, sep]
    for m in page.members:
        out += [link, m.iri.encode(), b"> .\n", m.bodies[key], sep]
    return b"".join(out)


def closed_pages(
    store: Store, layout: StreamLayout, views: dict[str, int], written: list[Member]
) -> list[PageWrite]:
    """The pages of ``layout.page_size`` that the members just ``written`` closed, in
    every stored format (called inside the ingest transaction)."""
    size = layout.page_size
    added: dict[str, int] = {TIME: len(written)}
    for m in written:
        added[m.kind] = added.get(m.kind, 0) + 1
    out: list[PageWrite] = []
    for view, n_new in added.items():
        total = views[view]
        before = total - n_new
        for number in range(max(1, -(-before // size)), (total - 1) // size + 1):
            out.append(_page_write(store, layout, view, number))
    return out


def _page_write(store: Store, layout: StreamLayout, view: str, number: int) -> PageWrite:
    page = load_page(store, layout, number, view)
    assert page is not None and page.closed
    return PageWrite(
        view=view,
        size=layout.page_size,
        number=number,
        bodies={fmt: page_bytes(layout, page, fmt) for fmt in FORMATS},
    )


def page_closer(store: Store) -> Callable[[list[Member]], list[PageWrite]]:
    """For an ingest: stores the pages its members close, for every page size in use."""

    def close(written: list[Member]) -> list[PageWrite]:
        views = {TIME: store.last_seq(), **store.view_sizes()}  # type: ignore[attr-defined]
        out: list[PageWrite] = []
        for size in store.page_sizes():  # type: ignore[attr-defined]
            out += closed_pages(store, StreamLayout(store.base_iri, size), views, written)
        return out

    return close


def materialise(store: Store, layout: StreamLayout) -> int:
    """Store every closed page of ``layout.page_size`` not yet stored (a page size used
    for the first time); returns how many pages were written."""
    store.register_page_size(layout.page_size)  # type: ignore[attr-defined]
    views = {TIME: store.last_seq(), **store.view_sizes()}  # type: ignore[attr-defined]
    written = 0
    for view, total in views.items():
        first = store.stored_page_count(view, layout.page_size) + 1  # type: ignore[attr-defined]
        last = (total - 1) // layout.page_size
        batch: list[PageWrite] = []
        for number in range(first, last + 1):
            batch.append(_page_write(store, layout, view, number))
            if len(batch) >= 100:
                store.write_pages(batch)  # type: ignore[attr-defined]
                written += len(batch)
                batch = []
        if batch:
            store.write_pages(batch)  # type: ignore[attr-defined]
            written += len(batch)
    return written


def views_of(store: Store) -> list[str]:
    """Every view: the whole log, the latest versions, then one per kind."""
    return [TIME, LATEST, *store.view_sizes()]  # type: ignore[attr-defined]
