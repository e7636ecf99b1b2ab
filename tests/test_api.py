"""The HTTP service, tested against a real ``beleidsdata serve`` on loopback that loaded
the sample corpus on its first start."""

from __future__ import annotations

import json

import httpx
import pytest
import rdflib
from pyld import jsonld
from rdflib.compare import isomorphic

from support import LiveServer

TREE = rdflib.Namespace("https://w3id.org/tree#")
DCT = rdflib.Namespace("http://purl.org/dc/terms/")


def get(server: LiveServer, path: str, accept: str | None = None, **headers: str) -> httpx.Response:
    if accept:
        headers["Accept"] = accept
    return httpx.get(server.url + path, headers=headers, follow_redirects=False, timeout=30)


def entities_in_stream(server: LiveServer) -> set[str]:
    """Every entity the event stream has a member about, following page relations."""
    root = rdflib.Graph().parse(data=get(server, "/ldes", "text/turtle").text, format="turtle")
    pages = [str(o) for o in root.objects(None, TREE.view)]
    seen, entities = set(), set()
    while pages:
        page = pages.pop()
        if page in seen:
            continue
        seen.add(page)
        assert page.startswith(server.url), page  # a page's IRI is its URL
        response = httpx.get(page, headers={"Accept": "text/turtle"}, timeout=30)
        assert response.status_code == 200
        graph = rdflib.Graph().parse(data=response.text, format="turtle")
        entities |= {str(o) for o in graph.objects(None, DCT.isVersionOf)}
        pages += [str(o) for o in graph.objects(None, TREE.node)]
    return entities


@pytest.fixture(scope="module")
def stream_entities(live_server: LiveServer) -> set[str]:
    return entities_in_stream(live_server)


def test_the_first_run_loads_the_samples(live_server: LiveServer) -> None:
    health = get(live_server, "/healthz").json()
    assert health["status"] == "ok" and health["entities"] > 250
    assert health["members"] == health["entities"]


def test_every_entity_in_the_stream_redirects_from_id_to_doc(
    live_server: LiveServer, stream_entities: set[str]
) -> None:
    assert len(stream_entities) > 250
    for iri in sorted(stream_entities):
        path = iri.removeprefix(live_server.url)
        response = get(live_server, path)
        assert response.status_code == 303, iri
        assert response.headers["location"] == path.replace("/id/", "/doc/", 1)


def _document_loader(server: LiveServer):
    def load(url: str, options: dict | None = None) -> dict:
        response = httpx.get(url, headers={"Accept": "application/ld+json"}, timeout=30)
        return {"contextUrl": None, "documentUrl": url, "document": response.json()}

    return load


@pytest.mark.parametrize(
    "kind",
    [
        "beslissing",
        "regeerakkoord",
        "strategie",
        "resolutie",
        "mededeling",
        "evaluatie",
        "persoon",
        "bron",
    ],
)
def test_jsonld_expanded_by_pyld_gives_the_same_triples_as_turtle(
    live_server: LiveServer, stream_entities: set[str], kind: str
) -> None:
    of_kind = sorted(i for i in stream_entities if f"/id/{kind}/" in i)
    assert of_kind
    for iri in of_kind[:: max(1, len(of_kind) // 6)]:
        doc_path = iri.removeprefix(live_server.url).replace("/id/", "/doc/", 1)
        ld = get(live_server, doc_path, "application/ld+json")
        assert ld.status_code == 200 and ld.headers["content-type"].startswith(
            "application/ld+json"
        )
        nquads = jsonld.to_rdf(
            ld.json(),
            {"format": "application/n-quads", "documentLoader": _document_loader(live_server)},
        )
        from_jsonld = rdflib.Graph().parse(data=nquads, format="nquads")
        ttl = get(live_server, doc_path, "text/turtle")
        assert ttl.headers["content-type"].startswith("text/turtle")
        from_turtle = rdflib.Graph().parse(data=ttl.text, format="turtle")
        assert len(from_turtle) > 0
        assert isomorphic(from_jsonld, from_turtle), iri


def test_ntriples_and_html_are_offered_too(
    live_server: LiveServer, stream_entities: set[str]
) -> None:
    iri = next(i for i in sorted(stream_entities) if "/id/beslissing/" in i)
    doc_path = iri.removeprefix(live_server.url).replace("/id/", "/doc/", 1)
    nt = get(live_server, doc_path, "application/n-triples")
    assert nt.headers["content-type"].startswith("application/n-triples")
    assert len(rdflib.Graph().parse(data=nt.text, format="nt")) > 5
    html = get(live_server, doc_path, "text/html,application/xhtml+xml;q=0.9")
    assert html.headers["content-type"].startswith("text/html")
    assert "<h1>" in html.text and "application/ld+json" in html.text
    for response in (nt, html):
        assert "accept" in response.headers["vary"].lower()


def test_unknown_paths_are_404_problems(live_server: LiveServer) -> None:
    for path in ("/id/beslissing/1999-01-01/onbekend", "/doc/nergens/iets"):
        response = get(live_server, path)
        assert response.status_code == 404
        assert response.headers["content-type"] == "application/problem+json"
        body = response.json()
        assert body["status"] == 404 and body["title"] == "Not Found"


def test_unsupported_media_types_are_406_with_the_list(
    live_server: LiveServer, stream_entities: set[str]
) -> None:
    iri = sorted(stream_entities)[0]
    doc_path = iri.removeprefix(live_server.url).replace("/id/", "/doc/", 1)
    response = get(live_server, doc_path, "image/png")
    assert response.status_code == 406
    assert "text/turtle" in response.json()["available"]


def test_malformed_accept_headers_never_cause_a_server_error(
    live_server: LiveServer, stream_entities: set[str]
) -> None:
    iri = sorted(stream_entities)[0]
    doc_path = iri.removeprefix(live_server.url).replace("/id/", "/doc/", 1)
    for accept in (";;;", "text/turtle;q=abc", "*/", "text/*;q=2, ,"):
        assert get(live_server, doc_path, accept).status_code in (200, 406)
    # DEL is no field character (RFC 9110 5.5): httptools refuses the request, h11 lets
    # the application answer; never a server error.
    assert get(live_server, doc_path, "\x7f").status_code in (200, 400, 406)


def test_the_context_vocabularies_and_shapes_are_served(live_server: LiveServer) -> None:
    context = get(live_server, "/context/v1.jsonld")
    assert context.json()["@context"]["titel"]["@id"] == "http://purl.org/dc/terms/title"
    for path in ("/vocab/beleidsdata.ttl", "/vocab/concepten.ttl", "/shapes/beleidsdata.ttl"):
        response = get(live_server, path)
        assert response.status_code == 200, path
        assert len(rdflib.Graph().parse(data=response.text, format="turtle")) > 10
    listing = get(live_server, "/shapes/").json()["shapes"]
    assert all(get(live_server, p).status_code == 200 for p in listing)


def test_openapi_describes_every_endpoint(live_server: LiveServer) -> None:
    spec = get(live_server, "/openapi.json").json()
    for path in ("/id/{path}", "/doc/{path}", "/ldes", "/context/v1.jsonld", "/healthz"):
        assert path in spec["paths"], path
    assert get(live_server, "/docs").status_code == 200


def test_conditional_get_gives_304(live_server: LiveServer) -> None:
    first = get(live_server, "/ldes", "text/turtle")
    again = get(live_server, "/ldes", "text/turtle", **{"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304


def test_the_landing_page_shows_counts(live_server: LiveServer) -> None:
    html = get(live_server, "/", "text/html")
    assert html.status_code == 200 and "beslissing" in html.text
    data = json.loads(get(live_server, "/", "application/json").text)
    assert data["kinds"]["beslissing"] == 26
