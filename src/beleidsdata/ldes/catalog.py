"""The DCAT catalogue (DCAT-AP 3 style) that lists the event stream.

The stream ``{base}/ldes`` is a ``dcat:Dataset`` (also typed ``ldes:EventStream``, with
``dct:type ldes:EventStream`` as the issue asks), published by the Flemish government
under the Modellicentie Gratis Hergebruik v1.0, the Flemish government's standard open-data
licence (free reuse, also commercial, with attribution; the licence its open-data portal
uses). One ``dcat:Distribution`` per format, each with its IANA ``dcat:mediaType``, the
stream as ``dcat:accessURL`` and the view serving it as ``dcat:accessService``. Each view
is a ``dcat:DataService`` (``dcat:endpointURL`` its root page, ``dcat:servesDataset`` the
stream it serves), listed with ``dcat:service``; the kinds' streams are datasets too.
The current-state dumps (N-Quads and JSON-LD, gzipped) are distributions of the whole
stream with ``dcat:downloadURL``, ``dcat:byteSize``, an ``spdx:checksum`` and
``dct:modified``. The catalogue is rendered at ingest and after each dump build.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..mapping.namespaces import DCAT, DCT, FOAF, LDES, SPDX, XSD
from ..store.core import Store
from . import dump, render
from .hypermedia import Line, view_lines
from .layout import LATEST, TIME, TITLE, StreamLayout

LICENCE = "https://data.vlaanderen.be/id/licentie/modellicentie-gratis-hergebruik/v1.0"
PUBLISHER_NAME = "Vlaamse overheid"
IANA = "http://www.iana.org/assignments/media-types/"
MEDIA_TYPES = {
    "jsonld": "application/ld+json",
    "ttl": "text/turtle",
    "nt": "application/n-triples",
    "nq": "application/n-quads",
    "trig": "application/trig",
}


def _i(iri: str) -> str:
    return f"<{iri}>"


def catalog_lines(
    layout: StreamLayout, kinds: Iterable[str], dumps: Iterable[dump.DumpInfo] = ()
) -> list[Line]:
    base = layout.base
    catalog, publisher = _i(f"{base}/catalog"), _i(f"{base}/catalog#uitgever")
    lines: list[Line] = [
        (catalog, "a", _i(DCAT.Catalog)),
        (catalog, _i(DCT.title), '"Vlaamse beleidsdocumenten als linked open data"@nl'),
        (catalog, _i(DCT.title), '"Flemish policy documents as linked open data"@en'),
        (
            catalog,
            _i(DCT.description),
            '"Beleidsteksten van de Vlaamse overheid in RDF, '
            'met een Linked Data Event Stream van elke wijziging."@nl',
        ),
        (catalog, _i(DCT.publisher), publisher),
        (catalog, _i(DCT.license), _i(LICENCE)),
        (publisher, "a", _i(FOAF.Agent)),
        (publisher, _i(FOAF.name), f'"{PUBLISHER_NAME}"@nl'),
        (publisher, _i(FOAF.homepage), "<https://www.vlaanderen.be/>"),
    ]
    streams = [(TIME, layout.stream, TITLE)] + [
        (kind, layout.stream_of(kind), f"{TITLE} ({kind})") for kind in kinds
    ]
    for view, stream, title in streams:
        s = _i(stream)
        lines += [
            (catalog, _i(DCAT.dataset), s),
            (s, "a", _i(DCAT.Dataset)),
            (s, "a", _i(LDES.EventStream)),
            (s, _i(DCT.type), _i(LDES.EventStream)),
            (s, _i(DCT.title), f'"{title}"@nl'),
            (
                s,
                _i(DCT.description),
                '"Elke creatie, wijziging en verwijdering, als versies, '
                'in tijdsvolgorde (LDES 1.0)."@nl',
            ),
            (s, _i(DCT.publisher), publisher),
            (s, _i(DCT.license), _i(LICENCE)),
            (s, _i(DCT.conformsTo), "<https://w3id.org/ldes/specification>"),
        ]
        if stream != layout.stream:
            lines.append((s, _i(DCT.isPartOf), _i(layout.stream)))
        services = [view] + ([LATEST] if view == TIME else [])
        for v in services:
            lines.append((catalog, _i(DCAT.service), _i(layout.description(v))))
            lines += [
                line
                for line in view_lines(layout, v)
                if not line[0].startswith(_i(layout.root(v))[:-1])
            ]
        for fmt, media in MEDIA_TYPES.items():
            dist = _i(f"{stream}#distributie-{fmt}")
            lines += [
                (s, _i(DCAT.distribution), dist),
                (dist, "a", _i(DCAT.Distribution)),
                (dist, _i(DCT.title), f'"{title} ({media})"@nl'),
                (dist, _i(DCAT.accessURL), s),
                (dist, _i(DCAT.accessService), _i(layout.description(view))),
                (dist, _i(DCAT.mediaType), _i(IANA + media)),
                (dist, _i(DCT.license), _i(LICENCE)),
            ]
    stream = _i(layout.stream)
    for info in dumps:
        dist = _i(f"{layout.stream}#dump-{info.name.split('.', 1)[1].replace('.', '-')}")
        media = dump.MEDIA_TYPES[info.name]
        checksum = _i(f"{layout.stream}#dump-{info.name.split('.', 1)[1].replace('.', '-')}-sha256")
        lines += [
            (stream, _i(DCAT.distribution), dist),
            (dist, "a", _i(DCAT.Distribution)),
            (dist, _i(DCT.title), f'"Huidige toestand ({media}, gzip)"@nl'),
            (dist, _i(DCT.title), f'"Current state ({media}, gzip)"@en'),
            (dist, _i(DCAT.downloadURL), _i(layout.base + info.path)),
            (dist, _i(DCAT.accessURL), _i(layout.base + info.path)),
            (dist, _i(DCAT.mediaType), _i(IANA + media)),
            (dist, _i(DCAT.compressFormat), _i(IANA + "application/gzip")),
            (dist, _i(DCAT.byteSize), f'"{info.size}"^^<{XSD.nonNegativeInteger}>'),
            (dist, _i(DCT.modified), f'"{info.modified}"^^<{XSD.dateTime}>'),
            (dist, _i(DCT.license), _i(LICENCE)),
            (dist, _i(SPDX.checksum), checksum),
            (checksum, "a", _i(SPDX.Checksum)),
            (checksum, _i(SPDX.algorithm), _i(SPDX.checksumAlgorithm_sha256)),
            (checksum, _i(SPDX.checksumValue), f'"{info.sha256}"^^<{XSD.hexBinary}>'),
        ]
    return lines


def render_catalog(store: Store, layout: StreamLayout, time: str) -> None:
    """Store ``/catalog`` in every stream format (at ingest, and after a dump build)."""
    dumps = [d for name in dump.PIECES if (d := dump.current(store, name)) is not None]
    lines = catalog_lines(layout, sorted(store.view_sizes()), dumps)
    for fmt in render.FORMATS:
        store.put_document("/catalog", fmt, render.document(lines, fmt, layout.context), time)
