"""The event stream as pages of members, assembled from bytes serialised at ingest.

The stream ``{base}/ldes`` has one time-ordered view whose pages are
``{base}/ldes/pagina/{n}``, each holding up to ``page_size`` members in ingest order
(time, then sequence). A page's IRI is exactly the URL it is served at. Page n links to
page n+1 with a ``tree:GreaterThanOrEqualToRelation`` on the timestamp path (the first
event time on the next page), so a client can skip to a point in time. A page that is full
never changes again.

Nothing here builds RDF: page metadata is a few fixed lines per format, and member bodies
are concatenated as stored.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from ..mapping.namespaces import PREFIXES
from ..store.base import Member, Store

DEFAULT_PAGE_SIZE = 250
POLLING_INTERVAL_MS = 60_000
FORMATS = ("jsonld", "ttl", "nt")


@dataclass(frozen=True)
class StreamLayout:
    """IRIs of the stream and its pages for one deployment."""

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

    def page(self, number: int) -> str:
        return f"{self.base}/ldes/pagina/{number}"

    def page_count(self, members: int) -> int:
        return max(1, -(-members // self.page_size))


@dataclass(frozen=True)
class Page:
    number: int
    members: list[Member]
    closed: bool  # full: it will never change again
    next_time: str | None  # first event time on the next page
    remaining: int  # members after this page


def load_page(store: Store, layout: StreamLayout, number: int) -> Page | None:
    """Members of page ``number`` (1-based); None when there is no such page."""
    total = store.count_members()
    pages = layout.page_count(total)
    if number < 1 or number > pages:
        return None
    first_seq = (number - 1) * layout.page_size
    members = store.members(after_seq=first_seq, limit=layout.page_size + 1)
    following = members[layout.page_size:]
    members = members[: layout.page_size]
    closed = len(members) == layout.page_size
    remaining = max(0, total - number * layout.page_size)
    return Page(number=number, members=members, closed=closed,
                next_time=following[0].time if following else None, remaining=remaining)


def _prefix_lines() -> str:
    return "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(PREFIXES.items()))


def _stream_lines(layout: StreamLayout) -> list[tuple[str, str, str]]:
    """What the stream is: repeated on every page, so no view lacks the stream's
    properties (a complaint about the reference server)."""
    s = f"<{layout.stream}>"
    ldes, tree = "https://w3id.org/ldes#", "https://w3id.org/tree#"
    rdf_type = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
    as_ = "https://www.w3.org/ns/activitystreams#"
    return [
        (s, "a", f"<{ldes}EventStream>"),
        (s, "<http://purl.org/dc/terms/title>", '"Vlaamse beleidsdocumenten: alle versies"@nl'),
        (s, f"<{ldes}timestampPath>", "<http://www.w3.org/ns/prov#generatedAtTime>"),
        (s, f"<{ldes}versionOfPath>", "<http://purl.org/dc/terms/isVersionOf>"),
        (s, f"<{ldes}versionCreatePath>", rdf_type),
        (s, f"<{ldes}versionCreateObject>", f"<{as_}Create>"),
        (s, f"<{ldes}versionUpdatePath>", rdf_type),
        (s, f"<{ldes}versionUpdateObject>", f"<{as_}Update>"),
        (s, f"<{ldes}versionDeletePath>", rdf_type),
        (s, f"<{ldes}versionDeleteObject>", f"<{as_}Delete>"),
        (s, f"<{ldes}pollingInterval>",
         f'"{POLLING_INTERVAL_MS // 1000}"^^<http://www.w3.org/2001/XMLSchema#integer>'),
        (s, f"<{tree}shape>", f"<{layout.shape}>"),
        (s, f"<{tree}view>", f"<{layout.page(1)}>"),
        (f"<{layout.page(1)}>", "a", f"<{tree}Node>"),
    ]


def _stream_json(layout: StreamLayout) -> dict[str, object]:
    return {
        "id": layout.stream,
        "type": ["EventStream"],
        "titel": "Vlaamse beleidsdocumenten: alle versies",
        "timestampPath": "tijdstip",
        "versionOfPath": "versieVan",
        "ldes:versionCreatePath": {"@id": "rdf:type"},
        "ldes:versionCreateObject": {"@id": "as:Create"},
        "ldes:versionUpdatePath": {"@id": "rdf:type"},
        "ldes:versionUpdateObject": {"@id": "as:Update"},
        "ldes:versionDeletePath": {"@id": "rdf:type"},
        "ldes:versionDeleteObject": {"@id": "as:Delete"},
        "pollingInterval": POLLING_INTERVAL_MS // 1000,
        "shape": layout.shape,
        "view": [layout.page(1)],
    }


# Properties that lead from a member to the nested nodes of its description, so that a
# client extracting members by shape (the reference client does) gets them too. The
# decision's treatment and document point *at* the member, hence the inverse paths.
_NESTED_FORWARD = (
    "http://www.w3.org/ns/prov#qualifiedDerivation",
    "https://w3id.org/beleidsdata/ns#bedrag",
    "http://www.w3.org/ns/oa#hasBody",
    "http://spdx.org/rdf/terms#checksum",
)
_SH = "http://www.w3.org/ns/shacl#"


def _shape_lines(layout: StreamLayout) -> list[tuple[str, str, str]]:
    """The member shape, inline in the stream description (the SHACL shapes of the
    payload are at /shapes/; this one says what every member has and what it contains).
    SHACL writes inverse paths as blank nodes; these are the only ones we publish."""
    shape = f"<{layout.shape}>"
    nested = f"<{layout.stream}#genest>"
    x = "<http://www.w3.org/2001/XMLSchema#"
    lines: list[tuple[str, str, str]] = [
        (shape, "a", f"<{_SH}NodeShape>"),
        (nested, "a", f"<{_SH}NodeShape>"),
    ]

    def prop(name: str, path: str, *extra: tuple[str, str]) -> None:
        node = f"<{layout.stream}#{name}>"
        lines.append((shape, f"<{_SH}property>", node))
        lines.append((node, f"<{_SH}path>", path))
        lines.extend((node, p, o) for p, o in extra)

    prop("tijdstip", "<http://www.w3.org/ns/prov#generatedAtTime>",
         (f"<{_SH}datatype>", f"{x}dateTime>"), (f"<{_SH}minCount>", '"1"^^' + f"{x}integer>"),
         (f"<{_SH}maxCount>", '"1"^^' + f"{x}integer>"))
    prop("versieVan", "<http://purl.org/dc/terms/isVersionOf>",
         (f"<{_SH}nodeKind>", f"<{_SH}IRI>"), (f"<{_SH}minCount>", '"1"^^' + f"{x}integer>"),
         (f"<{_SH}maxCount>", '"1"^^' + f"{x}integer>"))
    for i, path in enumerate(_NESTED_FORWARD, 1):
        prop(f"genest-{i}", f"<{path}>", (f"<{_SH}node>", nested))
    # member ← dct:subject ← #behandeling → heeftBeslissing → #beslissing ← beschrijft ← #stuk
    lines += [
        (f"<{layout.stream}#behandeling>", "a", f"<{_SH}NodeShape>"),
        (f"<{layout.stream}#beslissing>", "a", f"<{_SH}NodeShape>"),
        (f"<{layout.stream}#genest-behandeling>", f"<{_SH}path>", "_:naarOnderwerp"),
        ("_:naarOnderwerp", f"<{_SH}inversePath>", "<http://purl.org/dc/terms/subject>"),
        (f"<{layout.stream}#genest-behandeling>", f"<{_SH}node>",
         f"<{layout.stream}#behandeling>"),
        (shape, f"<{_SH}property>", f"<{layout.stream}#genest-behandeling>"),
        (f"<{layout.stream}#behandeling>", f"<{_SH}property>",
         f"<{layout.stream}#genest-beslissing>"),
        (f"<{layout.stream}#genest-beslissing>", f"<{_SH}path>",
         "<https://data.vlaanderen.be/ns/besluitvorming#heeftBeslissing>"),
        (f"<{layout.stream}#genest-beslissing>", f"<{_SH}node>",
         f"<{layout.stream}#beslissing>"),
        (f"<{layout.stream}#beslissing>", f"<{_SH}property>", f"<{layout.stream}#genest-stuk>"),
        (f"<{layout.stream}#genest-stuk>", f"<{_SH}path>", "_:naarStuk"),
        ("_:naarStuk", f"<{_SH}inversePath>", "<https://data.vlaanderen.be/ns/dossier#beschrijft>"),
        (f"<{layout.stream}#genest-stuk>", f"<{_SH}node>", nested),
    ]
    return lines


def stream_description(layout: StreamLayout, fmt: str, total: int) -> bytes:
    """The stream root: what the stream is, its member shape, where its view starts."""
    lines = _stream_lines(layout) + _shape_lines(layout)
    if fmt == "jsonld":
        return _expanded_jsonld(lines, layout.context)
    return _triples_bytes(lines, fmt)


def _expanded_jsonld(lines: list[tuple[str, str, str]], context: str) -> bytes:
    """JSON-LD with full IRIs as keys, written from N-Triples terms."""
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
    doc = {"@context": context, "@graph": list(nodes.values())}
    return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode()


def _jsonld_id(term: str) -> str:
    return term if term.startswith("_:") else term[1:-1]


def _triples_bytes(lines: list[tuple[str, str, str]], fmt: str) -> bytes:
    rdf_type = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
    if fmt == "nt":
        return "".join(f"{s} {rdf_type if p == 'a' else p} {o} .\n" for s, p, o in lines).encode()
    body = "".join(f"{s} {p} {o} .\n" for s, p, o in lines)
    return (_prefix_lines() + "\n" + body).encode()


def page_bytes(layout: StreamLayout, page: Page, fmt: str) -> bytes:
    """One page: the stream, the page node and its relation onward, then each member."""
    s, here = layout.stream, layout.page(page.number)
    nxt = layout.page(page.number + 1)
    tree = "https://w3id.org/tree#"
    if fmt == "jsonld":
        node: dict[str, object] = {"id": here, "type": ["Node"]}
        if page.closed:
            node["immutable"] = True
        if page.next_time:
            node["relation"] = [{
                "id": f"{here}#volgende",
                "type": ["GreaterThanOrEqualToRelation"],
                "path": "tijdstip",
                "value": {"@value": page.next_time, "@type": "xsd:dateTime"},
                "node": nxt,
                "remainingItems": page.remaining,
            }]
        stream = {**_stream_json(layout), "member": [m.iri for m in page.members]}
        head = json.dumps({"@context": layout.context}, ensure_ascii=False)[:-1]
        parts = [json.dumps(node, ensure_ascii=False, indent=2),
                 json.dumps(stream, ensure_ascii=False, indent=2)]
        parts += [m.bodies["jsonld"].decode() for m in page.members]
        return (head + ', "@graph": [\n' + ",\n".join(parts) + "\n]}\n").encode()
    lines = _stream_lines(layout)
    if page.number != 1:
        lines.append((f"<{here}>", "a", f"<{tree}Node>"))
    if page.closed:
        lines.append((f"<{here}>", "<https://w3id.org/ldes#immutable>",
                      '"true"^^<http://www.w3.org/2001/XMLSchema#boolean>'))
    if page.next_time:
        rel = f"<{here}#volgende>"
        lines += [
            (f"<{here}>", f"<{tree}relation>", rel),
            (rel, "a", f"<{tree}GreaterThanOrEqualToRelation>"),
            (rel, f"<{tree}path>", "<http://www.w3.org/ns/prov#generatedAtTime>"),
            (rel, f"<{tree}value>",
             f'"{page.next_time}"^^<http://www.w3.org/2001/XMLSchema#dateTime>'),
            (rel, f"<{tree}node>", f"<{nxt}>"),
            (rel, f"<{tree}remainingItems>",
             f'"{page.remaining}"^^<http://www.w3.org/2001/XMLSchema#integer>'),
        ]
    head = _triples_bytes(lines, fmt)
    # TREE profile order: each member's tree:member triple right before its description.
    key = "ttl" if fmt == "ttl" else "nt"
    member_lines = []
    for m in page.members:
        link = f"<{s}> <{tree}member> <{m.iri}> .\n".encode()
        member_lines.append(link + m.bodies[key] + (b"\n" if fmt == "ttl" else b""))
    return head + (b"\n" if fmt == "ttl" else b"") + b"".join(member_lines)
