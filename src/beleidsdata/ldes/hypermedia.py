"""The stream's own triples: what the stream is, its views, the nodes and their relations.

Written as lines of N-Triples terms (``a`` for ``rdf:type``), a few fixed lines per node,
so no RDF library runs; :mod:`.render` turns them into each format.
"""

from __future__ import annotations

from ..mapping.namespaces import DCAT, DCT, LDES, PROV, RDF, TREE, XSD
from .layout import LATEST, POLLING_INTERVAL_S, TIME, TITLE, StreamLayout

Line = tuple[str, str, str]
AS = "https://www.w3.org/ns/activitystreams#"
SH = "http://www.w3.org/ns/shacl#"


def i(iri: str) -> str:
    return f"<{iri}>"


def integer(n: int) -> str:
    return f'"{n}"^^<{XSD.integer}>'


def timestamp(t: str) -> str:
    return f'"{t}"^^<{XSD.dateTime}>'


def boolean(value: bool) -> str:
    return f'"{"true" if value else "false"}"^^<{XSD.boolean}>'


def stream_lines(layout: StreamLayout, view: str = TIME) -> list[Line]:
    """What the stream is and which view serves it: repeated on every node, so no node
    lacks the stream's properties."""
    stream = layout.stream_of(view)
    s = i(stream)
    rdf_type = i(RDF.type)
    title = TITLE if stream == layout.stream else f"{TITLE} ({view})"
    lines: list[Line] = [
        (s, "a", i(LDES.EventStream)),
        (s, i(DCT.title), f'"{title}"@nl'),
        (s, i(LDES.timestampPath), i(PROV.generatedAtTime)),
        (s, i(LDES.versionOfPath), i(DCT.isVersionOf)),
        (s, i(LDES.versionCreatePath), rdf_type),
        (s, i(LDES.versionCreateObject), f"<{AS}Create>"),
        (s, i(LDES.versionUpdatePath), rdf_type),
        (s, i(LDES.versionUpdateObject), f"<{AS}Update>"),
        (s, i(LDES.versionDeletePath), rdf_type),
        (s, i(LDES.versionDeleteObject), f"<{AS}Delete>"),
        (s, i(LDES.pollingInterval), integer(POLLING_INTERVAL_S)),
        (s, i(TREE.shape), i(layout.shape)),
    ]
    if stream != layout.stream:
        lines.append((s, i(DCT.isPartOf), i(layout.stream)))
    # A node of a view names that view's root as the stream's view, so a client that
    # starts at any node of the latest-version view stays in it (``/ldes`` itself names
    # only the whole log: an entry point has exactly one tree:view).
    lines.append((s, i(TREE.view), i(layout.root(view))))
    return lines + view_lines(layout, view)


def view_lines(layout: StreamLayout, view: str) -> list[Line]:
    """A view's root node and its description: a dcat:DataService serving the stream,
    with its fragmentation, page size and retention policy."""
    root, desc = i(layout.root(view)), i(layout.description(view))
    retention = i(layout.description(view) + "-retentie")
    what = {
        TIME: ("alle versies", "every version"),
        LATEST: ("de laatste versie van elk ding", "the latest version of each thing"),
    }
    nl, en = what.get(view, (f"alle versies, soort {view}", f"every version, kind {view}"))
    size = layout.page_size
    lines: list[Line] = [
        (root, "a", i(TREE.Node)),
        (root, i(TREE.viewDescription), desc),
        (desc, "a", i(DCAT.DataService)),
        (desc, i(DCT.title), f'"{view}"@nl'),
        (
            desc,
            i(DCT.description),
            f"\"Tijdsgeordende boom: wortel, takken van 100 pagina's, pagina's van ten hoogste "
            f'{size} leden: {nl}."@nl',
        ),
        (
            desc,
            i(DCT.description),
            f'"Time-ordered tree: a root, branches of 100 pages, pages of at most {size} '
            f'members: {en}."@en',
        ),
        (desc, i(DCAT.endpointURL), root),
        (desc, i(DCAT.servesDataset), i(layout.stream_of(view))),
        (desc, i(LDES.retentionPolicy), retention),
    ]
    if view == TIME:
        lines.append((desc, "a", i(LDES.EventSource)))
    if view == LATEST:
        lines.append((retention, i(LDES.versionAmount), integer(1)))
    else:  # keeps every member since the beginning of time
        lines.append((retention, i(LDES.startingFrom), timestamp("1970-01-01T00:00:00Z")))
    return lines


def relation_lines(node: str, target: str, first: str | None, last: str | None) -> list[Line]:
    """``node`` → ``target`` for members from ``first`` (and up to ``last``, once the
    target is closed) in time: inclusive bounds, since one ingest stamps all its members
    with one time and equal times can straddle nodes."""
    out: list[Line] = []
    for kind, bound, suffix in (
        (TREE.GreaterThanOrEqualToRelation, first, "van"),
        (TREE.LessThanOrEqualToRelation, last, "tot"),
    ):
        if bound is None:
            continue
        rel = i(f"{node}#{target.rsplit('/', 2)[-2]}-{target.rsplit('/', 1)[-1]}-{suffix}")
        out += [
            (i(node), i(TREE.relation), rel),
            (rel, "a", i(kind)),
            (rel, i(TREE.path), i(PROV.generatedAtTime)),
            (rel, i(TREE.value), timestamp(bound)),
            (rel, i(TREE.node), i(target)),
        ]
    return out


def node_lines(iri: str, immutable: bool) -> list[Line]:
    lines: list[Line] = [(i(iri), "a", i(TREE.Node))]
    if immutable:
        lines.append((i(iri), i(LDES.immutable), boolean(True)))
    return lines


# Properties that lead from a member to the nested nodes of its payload in the triple
# formats (Turtle, N-Triples), where the payload is restated about the version IRI, so a
# client extracting members by shape gets them too. The decision's treatment and
# document point *at* the member, hence the inverse paths.
_NESTED_FORWARD = (
    "http://www.w3.org/ns/prov#qualifiedDerivation",
    "http://www.w3.org/ns/oa#hasSelector",
    "http://www.w3.org/ns/oa#hasStartSelector",
    "http://www.w3.org/ns/oa#hasEndSelector",
    "https://w3id.org/beleidsdata/ns#bedrag",
    "http://www.w3.org/ns/oa#hasBody",
    "http://spdx.org/rdf/terms#checksum",
    "https://w3id.org/beleidsdata/ns#verwijzing",
)


def shape_lines(layout: StreamLayout) -> list[Line]:
    """The member shape, inline in the stream description: what every member has (its
    time and the entity it is a version of, both on the version IRI) and, optionally, the
    paths to the nested nodes of a restated payload. SHACL writes inverse paths as blank
    nodes; these are the only ones we publish."""
    base = layout.stream
    shape, nested = i(layout.shape), i(f"{base}#genest")
    x = "<http://www.w3.org/2001/XMLSchema#"
    one = '"1"^^' + f"{x}integer>"
    lines: list[Line] = [(shape, "a", f"<{SH}NodeShape>"), (nested, "a", f"<{SH}NodeShape>")]

    def prop(name: str, path: str, *extra: tuple[str, str]) -> None:
        node = i(f"{base}#{name}")
        lines.append((shape, f"<{SH}property>", node))
        lines.append((node, f"<{SH}path>", path))
        lines.extend((node, p, o) for p, o in extra)

    prop(
        "tijdstip",
        i(PROV.generatedAtTime),
        (f"<{SH}datatype>", f"{x}dateTime>"),
        (f"<{SH}minCount>", one),
        (f"<{SH}maxCount>", one),
    )
    prop(
        "versieVan",
        i(DCT.isVersionOf),
        (f"<{SH}nodeKind>", f"<{SH}IRI>"),
        (f"<{SH}minCount>", one),
        (f"<{SH}maxCount>", one),
    )
    for n, path in enumerate(_NESTED_FORWARD, 1):
        prop(f"genest-{n}", i(path), (f"<{SH}node>", nested))
    # nested nodes lead on to their own nested nodes (a selector's start and end)
    for n in range(1, len(_NESTED_FORWARD) + 1):
        lines.append((nested, f"<{SH}property>", i(f"{base}#genest-{n}")))
    # member ← dct:subject ← #behandeling → heeftBeslissing → #beslissing ← beschrijft ← #stuk
    treatment, decision = i(f"{base}#behandeling"), i(f"{base}#beslissing")
    lines += [
        (treatment, "a", f"<{SH}NodeShape>"),
        (decision, "a", f"<{SH}NodeShape>"),
        (i(f"{base}#genest-behandeling"), f"<{SH}path>", "_:naarOnderwerp"),
        ("_:naarOnderwerp", f"<{SH}inversePath>", i(DCT.subject)),
        (i(f"{base}#genest-behandeling"), f"<{SH}node>", treatment),
        (shape, f"<{SH}property>", i(f"{base}#genest-behandeling")),
        (treatment, f"<{SH}property>", i(f"{base}#genest-beslissing")),
        (
            i(f"{base}#genest-beslissing"),
            f"<{SH}path>",
            "<https://data.vlaanderen.be/ns/besluitvorming#heeftBeslissing>",
        ),
        (i(f"{base}#genest-beslissing"), f"<{SH}node>", decision),
        (decision, f"<{SH}property>", i(f"{base}#genest-stuk")),
        (i(f"{base}#genest-stuk"), f"<{SH}path>", "_:naarStuk"),
        ("_:naarStuk", f"<{SH}inversePath>", "<https://data.vlaanderen.be/ns/dossier#beschrijft>"),
        (i(f"{base}#genest-stuk"), f"<{SH}node>", nested),
    ]
    return lines
