"""Collections (/doc/{kind}), filters, ?embed= and the formats, against a live server on
the sample corpus. Expected results are exact: they were checked against the sources."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import httpx
import pytest
import rdflib
from pyld import jsonld
from rdflib.compare import isomorphic

from beleidsdata.formats.context import context_document
from support import LiveServer


def get(
    server: LiveServer, path: str, accept: str | None = "application/ld+json", **headers: str
) -> httpx.Response:
    if accept:
        headers["Accept"] = accept
    return httpx.get(server.url + path, headers=headers, timeout=30)


def members(server: LiveServer, path: str) -> list[str]:
    """Every member path of a collection, following volgende links."""
    out: list[str] = []
    url: str | None = server.url + path
    while url:
        body = httpx.get(url, headers={"Accept": "application/json"}, timeout=30).json()
        out += [m["id"].removeprefix(server.url + "/id/") for m in body["leden"]]
        url = body["weergave"].get("volgende")
        assert len(out) <= body["totaalAantal"]
    return out


def dates(server: LiveServer, path: str) -> list[str]:
    return [p.split("/")[1] for p in members(server, path)]


def test_a_collection_is_a_hydra_page_with_links(live_server: LiveServer) -> None:
    response = get(live_server, "/doc/beslissing?aantal=10")
    assert response.status_code == 200
    body = response.json()
    assert "@graph" not in body and body["type"] == ["Collection"]
    assert body["totaalAantal"] == 26 and len(body["leden"]) == 10
    view = body["weergave"]
    assert view["type"] == ["PartialCollectionView"]
    assert {"eerste", "volgende", "laatste"} <= set(view) and "vorige" not in view
    second = httpx.get(view["volgende"], headers={"Accept": "application/json"}).json()
    assert "vorige" in second["weergave"]
    back = httpx.get(second["weergave"]["vorige"], headers={"Accept": "application/json"})
    assert [m["id"] for m in back.json()["leden"]] == [m["id"] for m in body["leden"]]
    last = httpx.get(view["laatste"], headers={"Accept": "application/json"}).json()
    assert len(last["leden"]) == 10 and "volgende" not in last["weergave"]
    assert len(set(members(live_server, "/doc/beslissing?aantal=7"))) == 26


def test_every_kind_has_a_collection(live_server: LiveServer) -> None:
    kinds = get(live_server, "/", "application/json").json()["kinds"]
    for kind, count in kinds.items():
        body = get(live_server, f"/doc/{kind}?aantal=100").json()
        assert body["totaalAantal"] == count, kind
    assert get(live_server, "/doc/nergens").status_code == 404


def test_date_range_and_sorting(live_server: LiveServer) -> None:
    in_2021 = dates(live_server, "/doc/beslissing?van=2021-01-01&tot=2021-12-31&sorteer=datum")
    assert in_2021 == [
        "2021-01-29",
        "2021-05-07",
        "2021-05-07",
        "2021-06-04",
        "2021-06-18",
        "2021-06-25",
        "2021-06-25",
        "2021-07-16",
        "2021-07-16",
        "2021-09-17",
        "2021-10-22",
        "2021-12-03",
        "2021-12-17",
    ]
    english = dates(
        live_server, "/doc/beslissing?date_from=2021-01-01&date_to=2021-12-31&sort=-date&limit=4"
    )
    assert english == sorted(in_2021, reverse=True)


def test_cited_by_an_evaluation_or_about_a_section(live_server: LiveServer) -> None:
    section = members(live_server, "/doc/beslissing?sectie=2.3.5&aantal=100")
    assert len(section) == 26
    by_path = members(live_server, "/doc/beslissing?sectie=regeerakkoord/2019-2024/sectie/2.3.5")
    assert by_path == section
    cited = members(live_server, "/doc/beslissing?geciteerdDoor=evaluatie/2.3.5-d9e4a424ac")
    assert cited == section
    finding = members(
        live_server,
        f"/doc/beslissing?cited_by={live_server.url}/id/evaluatie/2.3.5-d9e4a424ac/bevinding/1",
    )
    assert len(finding) == 7 and set(finding) <= set(section)
    assert members(live_server, "/doc/beslissing?sectie=9.9.9") == []


def test_full_text_type_amount_and_kind_filters(live_server: LiveServer) -> None:
    ai = members(live_server, "/doc/beslissing?q=AI")
    assert (
        ai
        == [
            "beslissing/2019-12-20/1bf403a640",
            "beslissing/2019-12-20/2a624bf70b",
            "beslissing/2020-04-10/c893381a1d",
            "beslissing/2020-06-19/480e83f8a9",
            "beslissing/2020-12-04/b7d6c7069c",
            "beslissing/2021-01-29/c6734177dc",
            *ai[6:],
        ]
        and len(ai) == 9
    )  # the decisions whose title or summary says AI
    for path in ai:
        doc = get(live_server, f"/doc/{path}").json()
        assert re.search(r"\bAI\b", doc["titel"] + doc.get("beschrijving", "")), path
    assert set(members(live_server, "/doc/beslissing?q=artificiele")) <= set(
        members(live_server, "/doc/beslissing?q=artificiële")
    )
    notes = members(live_server, "/doc/beslissing?agendapunttype=nota")
    communications = members(live_server, "/doc/beslissing?item_type=mededeling")
    assert len(notes) + len(communications) <= 26 and communications
    assert not set(notes) & set(communications)
    big = members(live_server, "/doc/beslissing?bedragVan=10000000")
    assert "beslissing/2019-12-20/1bf403a640" in big  # 12 miljoen euro
    small = members(live_server, "/doc/beslissing?bedragVan=1&bedragTot=1000000")
    assert small and not set(small) & {"beslissing/2021-01-29/c6734177dc"}
    actions = members(live_server, "/doc/strategie?soort=actiepunt&aantal=100")
    assert len(actions) == 44 and all("/actiepunt/" in p for p in actions)
    assert len(members(live_server, "/doc/strategie?soort=speerpunt")) == 9
    assert len(members(live_server, "/doc/evaluatie?klasse=Evaluatie")) == 2


@pytest.mark.parametrize(
    "query",
    [
        "foo=1",
        "van=gisteren",
        "aantal=0",
        "aantal=1000",
        "agendapunttype=besluit",
        "klasse=Ding",
        "sorteer=titel",
        "na=xyz",
        "bedragVan=veel",
        "van=2021-01-01&date_from=2021",
    ],
)
def test_bad_filters_are_400_problems_saying_what_is_allowed(
    live_server: LiveServer, query: str
) -> None:
    response = get(live_server, f"/doc/beslissing?{query}")
    assert response.status_code == 400, query
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert body["detail"] and "van" in body["allowed"] and "date_from" in body["allowed"]


def _loader(url: str, options: dict | None = None) -> dict:
    return {"contextUrl": None, "documentUrl": url, "document": context_document()}


@pytest.mark.parametrize(
    "path",
    [
        "/doc/beslissing?sectie=2.3.5&sorteer=datum&aantal=5",
        "/doc/strategie?soort=actiepunt",
        "/doc/evaluatie/2.3.5-d9e4a424ac?embed=alles",
    ],
)
def test_every_format_says_the_same(live_server: LiveServer, path: str) -> None:
    ld = get(live_server, path).json()
    expected = rdflib.Graph().parse(
        data=jsonld.to_rdf(ld, {"format": "application/n-quads", "documentLoader": _loader}),
        format="nquads",
    )
    assert len(expected) > 10
    for media, fmt in (
        ("text/turtle", "turtle"),
        ("application/n-triples", "nt"),
        ("application/rdf+xml", "xml"),
    ):
        response = get(live_server, path, media)
        assert response.status_code == 200 and response.headers["content-type"].startswith(media)
        graph = rdflib.Graph().parse(data=response.text, format=fmt)
        assert isomorphic(graph, expected), (path, media)
    html = get(live_server, path, "text/html")
    assert html.status_code == 200 and html.headers["content-type"].startswith("text/html")


def test_suffixes_and_rdfxml_of_resources(live_server: LiveServer) -> None:
    path = "/doc/beslissing/2019-12-20/1bf403a640"
    turtle = rdflib.Graph().parse(data=get(live_server, path, "text/turtle").text, format="turtle")
    for suffix, fmt in ((".rdf", "xml"), (".ttl", "turtle"), (".nt", "nt"), (".jsonld", "json-ld")):
        response = get(live_server, path + suffix, None)
        assert response.status_code == 200, suffix
        if fmt != "json-ld":
            assert isomorphic(rdflib.Graph().parse(data=response.text, format=fmt), turtle)
    collection = get(live_server, "/doc/beslissing.ttl", None)
    assert collection.headers["content-type"].startswith("text/turtle")


def test_embed_inlines_related_resources(live_server: LiveServer) -> None:
    evaluation = get(live_server, "/doc/evaluatie/2.3.5-d9e4a424ac?embed=alles").json()
    assert "@graph" not in evaluation
    decisions = evaluation["verwijstNaar"]
    assert len(decisions) == 26 and all(isinstance(d, dict) for d in decisions)
    first = next(d for d in decisions if d["id"].endswith("1bf403a640"))
    assert [b["waarde"] for b in first["bedrag"]] == ["6000000", "12000000"]
    assert first["behandelingen"][0]["beslissing"]["datum"] == "2019-12-20"
    findings = evaluation["delen"]
    assert len(findings) == 8 and findings[0]["inhoud"][0]["inhoudstekst"]
    speerpunt = get(
        live_server, "/doc/strategie/vlaamse-digitale-strategie/speerpunt/2.3?embed=onderdelen"
    ).json()
    actions = [p for p in speerpunt["onderdelen"] if "/actiepunt/" in p["id"]]
    assert len(actions) == 5 and all(a["titel"] for a in actions)
    root = members(live_server, "/doc/resolutie?aantal=100")
    resolution = min(root, key=len)
    whole = get(live_server, f"/doc/{resolution}?embed=onderdelen").text
    assert all(f'"id": "{live_server.url}/id/{p}"' in whole for p in root)  # every part
    bad = get(live_server, "/doc/evaluatie/2.3.5-d9e4a424ac?embed=iets")
    assert bad.status_code == 400 and "verwijstNaar" in bad.json()["allowed"]


def test_caching_headers_conditional_gets_and_cors(live_server: LiveServer) -> None:
    path = "/doc/beslissing/2019-12-20/1bf403a640"
    first = get(live_server, path, Origin="https://example.org")
    assert first.headers["access-control-allow-origin"] == "*"
    assert "etag" in first.headers["access-control-expose-headers"].lower()
    assert "accept" in first.headers["vary"].lower()
    modified = first.headers["last-modified"]
    assert get(live_server, path, **{"If-None-Match": first.headers["etag"]}).status_code == 304
    assert get(live_server, path, **{"If-Modified-Since": modified}).status_code == 304
    earlier = format_datetime(datetime.now(UTC) - timedelta(days=3650), usegmt=True)
    assert get(live_server, path, **{"If-Modified-Since": earlier}).status_code == 200
    preflight = httpx.options(
        live_server.url + "/doc/beslissing",
        headers={"Origin": "https://example.org", "Access-Control-Request-Method": "GET"},
    )
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == "*"
    page = get(live_server, "/doc/beslissing")
    assert (
        get(live_server, "/doc/beslissing", **{"If-None-Match": page.headers["etag"]}).status_code
        == 304
    )
    plain = get(live_server, "/doc/beslissing", "application/json")
    assert plain.headers["content-type"].startswith("application/json")
    assert 'rel="http://www.w3.org/ns/json-ld#context"' in plain.headers["link"]
