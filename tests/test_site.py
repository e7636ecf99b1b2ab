"""The human-readable site: every page of the sample corpus, rendered live and static.

Real samples, a real SQLite store, the real CLI for the static build, a real server.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import httpx
import pytest

from backends import NewDb
from beleidsdata.pipeline import expand_paths, ingest, read_source
from beleidsdata.store import open_store
from beleidsdata.web.i18n import pick_language
from beleidsdata.web.labels import key_label
from support import SAMPLES, LiveServer, cli

SECTION = "regeerakkoord/2019-2024/sectie/2.3.5"
STRATEGY = "strategie/vlaamse-digitale-strategie"


@pytest.fixture(scope="module")
def store_path(module_db: NewDb) -> str:
    db = module_db("site")
    store = open_store(db, "http://localhost:8000")
    ingest(store, [read_source(p) for p in expand_paths([SAMPLES])])
    store.close()
    return db


@pytest.fixture(scope="module")
def built(store_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("built") / "site"
    result = cli("site", "build", "-o", str(out), "--db", str(store_path))
    assert result.returncode == 0, result.stderr
    assert re.search(r"wrote \d+ pages", result.stderr)
    return out


class Links(HTMLParser):
    """Every href/src of a page, and the ids it defines."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src", "action") and value:
                self.links.append(value)
            if name == "id" and value:
                self.ids.add(value)


def parse(page: Path) -> Links:
    parser = Links()
    parser.feed(page.read_text())
    return parser


def target_file(root: Path, url: str) -> Path:
    path = unquote(urlsplit(url).path)
    target = root / path.lstrip("/")
    if path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target


def text_of(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", fragment))


# ---------------------------------------------------------------------- content
def test_section_page_lists_its_26_decisions_in_date_order_with_amounts(built: Path) -> None:
    page = (built / "doc" / f"{SECTION}.html").read_text()
    table = page[page.index('<table class="decisions">') :]
    table = table[: table.index("</table>")]
    rows = re.findall(r"<tr><td class=\"date\"><time datetime=\"([\d-]+)\">.*?</tr>", table, re.S)
    assert len(rows) == 26
    assert rows == sorted(rows)
    assert rows[0] == "2019-12-20"
    # amounts as written in the decisions, formatted; the total beside the chart counts
    # each decision once, at the largest amount it names
    assert "€ 12.000.000" in table and "€ 1.500.000" in table
    total = re.search(r'class="total">€ ([\d.]+)<', page)
    assert total is not None
    largest: dict[str, int] = {}
    for row in re.findall(r"<tr><td class=\"date\">.*?</tr>", table, re.S):
        values = [int(v) for v in re.findall(r'<data value="(\d+)">', row)]
        if values:
            largest[row] = max(values)
    assert int(total.group(1).replace(".", "")) == sum(largest.values())
    # the two exports of the evaluation are one report (export B quotes no section, but it
    # is the same report as export A), shown once with both exports as its sources
    assert page.count('<article class="evaluation">') == 1
    assert "evaluatie-2.3.5-export-a.txt" in page and "evaluatie-2.3.5-export-b.txt" in page
    assert page.count('<li><a href="/doc/evaluatie/2.3.5-') >= 8
    assert "Deels nagekomen" in page or "deels nagekomen" in page.lower()


def test_strategy_page_is_a_tree_of_9_speerpunten_and_44_action_points(built: Path) -> None:
    page = (built / "doc" / f"{STRATEGY}.html").read_text()
    assert page.count('class="speerpunt"') == 9
    assert page.count('class="actiepunt"') == 44
    numbers = re.findall(r'<span class="num">([\d.]+)</span>', page)
    assert numbers == [f"2.{i}" for i in range(1, 10)]
    assert "kondigt 36 actiepunten aan; de tekst bevat er 44" in page
    # the four axes are listed; no decision is invented under an action point
    assert len(re.findall(r'<ol class="axes">(.*?)</ol>', page, re.S)[0].split("<li>")) == 5
    assert 'class="related"' not in page


def test_decision_page_has_date_amounts_links_both_ways_and_source_lines(built: Path) -> None:
    page = (built / "doc" / "beslissing" / "2019-12-20" / "1bf403a640.html").read_text()
    assert '<time datetime="2019-12-20">' in page
    assert "€ 12.000.000" in page and "12 miljoen euro" in page
    assert "Wat hiernaar verwijst" in page  # cited by the evaluations and findings
    assert "/doc/evaluatie/" in page
    assert 'class="ln">48</span>' in page  # the line in export A it was read from
    assert '<link rel="alternate" type="application/ld+json"' in page
    assert '<link rel="alternate" type="text/turtle"' in page
    embedded = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert embedded and '"Agendapunt"' in embedded.group(1)


def test_property_labels_come_from_the_vocabularies() -> None:
    assert key_label("datum", "nl") == "datum"
    assert key_label("datum", "en") == "date"
    assert key_label("realisatiestatus", "en") == "realisation status"
    assert key_label("onderdeelVan", "nl") == "is onderdeel van"


def test_every_page_of_the_corpus_is_built_with_its_twins(built: Path, store_path: Path) -> None:
    store = open_store(store_path, readonly=True)
    entities = store.entities(limit=10_000)
    assert len(entities) == store.count_entities() > 300
    for entity in entities:
        page = built / "doc" / f"{entity.path}.html"
        assert page.is_file(), entity.path
        text = page.read_text()
        assert "<h1>" in text and "</html>" in text
        for fmt in ("jsonld", "ttl", "nt"):
            stored = store.document(f"/doc/{entity.path}", fmt)
            assert stored is not None
            assert (built / "doc" / f"{entity.path}.{fmt}").read_bytes() == stored.body
    for name in (
        "index.html",
        "zoeken/index.html",
        "vocab/index.html",
        "shapes/index.html",
        "vocab/beleidsdata.html",
        "shapes/besluiten.html",
        "context/v1.jsonld",
        "static/style.css",
        "shapes/beleidsdata.ttl",
    ):
        assert (built / name).is_file(), name


def test_link_checker_finds_no_broken_internal_link(built: Path) -> None:
    broken = []
    checked = 0
    ids: dict[Path, set[str]] = {}
    pages = sorted(built.rglob("*.html"))
    for page in pages:
        for link in parse(page).links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith("mailto:"):
                continue
            if not parts.path:  # "#fragment" on the same page
                target = page
            else:
                assert parts.path.startswith("/"), f"{page}: relative link {link}"
                target = target_file(built, link)
            checked += 1
            if not target.is_file():
                broken.append(f"{page.relative_to(built)} → {link}")
                continue
            if parts.fragment and target.suffix == ".html":
                if target not in ids:
                    ids[target] = parse(target).ids
                if parts.fragment not in ids[target]:
                    broken.append(f"{page.relative_to(built)} → {link} (no #{parts.fragment})")
    assert checked > 5000
    assert not broken, "\n".join(broken[:30])


def test_vocabulary_and_shape_pages(built: Path) -> None:
    vocab = (built / "vocab" / "beleidsdata.html").read_text()
    assert 'id="Evaluatie"' in vocab and "Breidt uit" in vocab
    assert "eli:Work" in vocab and "oa:Annotation" in vocab
    concepts = (built / "vocab" / "concepten.html").read_text()
    assert 'id="realisatiestatus-deels-nagekomen"' in concepts
    shapes = (built / "shapes" / "besluiten.html").read_text()
    assert "besluit:Agendapunt" in shapes and "1..1" in shapes and "0..*" in shapes
    assert "Doelklasse" in shapes and "dct:title" in shapes


def test_language_choice() -> None:
    assert pick_language(None, None) == "nl"
    assert pick_language("en", "nl") == "en"
    assert pick_language(None, "en-GB,en;q=0.9,nl;q=0.5") == "en"
    assert pick_language(None, "fr, nl;q=0.4, en;q=0.3") == "nl"
    assert pick_language("de", "de") == "nl"


# ---------------------------------------------------------------------- live service
@pytest.fixture(scope="module")
def server(module_db: NewDb):  # type: ignore[no-untyped-def]
    live = LiveServer(module_db("live"))
    yield live
    live.stop()


def test_live_service_serves_the_same_pages_for_text_html(server: LiveServer) -> None:
    with httpx.Client(base_url=server.url, headers={"Accept": "text/html"}) as client:
        landing = client.get("/")
        assert landing.status_code == 200 and "text/html" in landing.headers["content-type"]
        for link in ("/ldes", "/catalog", "/developers", "/validate", "/zoeken/"):
            assert f'href="{link}"' in landing.text
        assert "Laatste wijzigingen" in landing.text
        section = client.get(f"/doc/{SECTION}")
        assert section.status_code == 200
        assert "Accept-Language" in section.headers["vary"]
        assert len(re.findall(r'<tr><td class="date"><time datetime="', section.text)) == 26
        assert client.get(f"/doc/{SECTION}.html").text == section.text
        english = client.get(f"/doc/{SECTION}", headers={"Accept-Language": "en"})
        assert '<html lang="en">' in english.text and "Evaluations" in english.text
        assert english.headers["content-language"] == "en"
        assert client.get(f"/doc/{SECTION}?lang=en").text == english.text
        found = client.get("/zoeken", params={"q": "Vlaamse AI Academie"})
        assert found.status_code == 200 and "/doc/beslissing/2020-06-19/" in found.text
        assert "Niets gevonden" in client.get("/zoeken/", params={"q": "qqqzzz"}).text
        kind = client.get("/zoeken/", params={"soort": "beslissing"}).text
        assert kind.count('<ol class="results"') == 1 and kind.count('<li class="hit">') == 20
        assert "26 resultaten" in kind
        assert "Klassen" in client.get("/vocab/").text
        assert client.get("/vocab/beleidsdata.html").status_code == 200
        assert (
            client.get("/vocab/beleidsdata.ttl").headers["content-type"].startswith("text/turtle")
        )
        assert "<h1>" in client.get("/shapes/").text
        assert client.get("/shapes/", headers={"Accept": "application/json"}).json()["shapes"]
        assert client.get("/shapes/besluiten.html").status_code == 200
        assert client.get("/shapes/nope.html").status_code == 404
