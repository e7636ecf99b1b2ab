"""Issue 16, the measurable parts: search finds what is written, collections give the fields
and numbers developers ask for (also as CSV), pages show labels and no machine path,
totals count each decision once, /docs needs no other host, a steward's report names the
parser's message and the lines of the uploaded file."""

from __future__ import annotations

import csv
import io
import re
import subprocess
import sys

import httpx
import pytest

from beleidsdata.store.words import clean_text
from support import FIXTURES, ROOT, LiveServer, cli


@pytest.fixture(scope="module")
def server(live_server: LiveServer) -> LiveServer:
    return live_server


def get(server: LiveServer, path: str, **headers: str) -> httpx.Response:
    return httpx.get(server.url + path, headers=headers, timeout=30)


# ------------------------------------------------------------------ search


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("City of Things", "beslissing/2021-06-04/3115c1eb29"),  # in a summary, not a title
        ("smart retail", "beslissing/2021-06-04/3115c1eb29"),
        ("5G", "evaluatie/"),
        ("artificiele", "beslissing/"),  # typed without the accent
        ("ARTIFICIËLE", "beslissing/"),
        ("investering", "evaluatie/"),  # the text says "investeringen"
    ],
)
def test_search_finds_words_of_bodies_on_the_site_and_in_the_api(
    server: LiveServer, words: str, expected: str
) -> None:
    page = get(server, "/zoeken/?" + httpx.QueryParams({"q": words}).__str__())
    assert page.status_code == 200
    assert f'href="/doc/{expected}' in page.text, words
    assert "<mark>" in page.text
    kind = expected.split("/", 1)[0]
    api = get(
        server, f"/doc/{kind}?" + str(httpx.QueryParams({"q": words})), Accept="application/json"
    )
    assert api.json()["totaalAantal"] >= 1, words


def test_search_results_show_kind_date_amount_and_say_1_resultaat(server: LiveServer) -> None:
    page = get(server, "/zoeken/?q=Digisprong+onderwijsveld").text
    assert "1 resultaat voor" in page and "1 resultaten" not in page
    assert "Agendapunt" in page and "2021-06-25" in page and "€ 10.780.000" in page
    facets = get(server, "/zoeken/?q=AI&soort=beslissing&jaar=2021").text
    assert 'id="f-soort"' in facets and 'id="f-bedrag"' in facets and 'id="f-status"' in facets


def test_search_is_safe_for_any_input(server: LiveServer) -> None:
    for q in ['"', "AND OR NOT", "*", "a:b", "(", "\u00e9\u00e9\u00e9"]:
        assert get(server, "/zoeken/?" + str(httpx.QueryParams({"q": q}))).status_code == 200
        assert get(server, "/doc/beslissing?" + str(httpx.QueryParams({"q": q}))).status_code == 200


# ------------------------------------------------------------------ collections


def test_2021_decisions_with_amounts_as_json_numbers_in_one_request(server: LiveServer) -> None:
    query = "van=2021-01-01&tot=2021-12-31&aantal=100&sorteer=-bedrag"
    page = get(server, f"/doc/beslissing?{query}", Accept="application/json").json()
    assert page["totaalAantal"] == len(page["leden"]) == 13
    amounts = [max(a["waarde"] for a in m["bedrag"]) for m in page["leden"] if "bedrag" in m]
    assert all(isinstance(a, int) for a in amounts) and amounts == sorted(amounts, reverse=True)
    first = page["leden"][0]
    assert first["behandelingen"][0]["beslissing"]["datum"].startswith("2021-")
    assert first["titel"] and first["type"] == ["Agendapunt"]
    # JSON-LD keeps the exact typed literal
    ld = get(server, f"/doc/beslissing?{query}", Accept="application/ld+json").json()
    assert isinstance(ld["leden"][0]["bedrag"][0]["waarde"], str)


def test_every_collection_as_csv_with_the_same_filters(server: LiveServer) -> None:
    query = "van=2021-01-01&tot=2021-12-31&aantal=100"
    by_suffix = get(server, f"/doc/beslissing.csv?{query}")
    by_accept = get(server, f"/doc/beslissing?{query}", Accept="text/csv")
    assert by_suffix.headers["content-type"].startswith("text/csv")
    assert by_suffix.text == by_accept.text
    rows = list(csv.DictReader(io.StringIO(by_suffix.text)))
    assert len(rows) == 13 and {r["datum"][:4] for r in rows} == {"2021"}
    assert rows[0].keys() >= {"id", "titel", "datum", "bedrag", "bedragen"}
    assert any(r["bedrag"] == "12000000" for r in rows)
    for kind in ("evaluatie", "strategie", "resolutie"):
        assert get(server, f"/doc/{kind}.csv").text.startswith("id,")


def test_velden_and_embed_on_collections(server: LiveServer) -> None:
    few = get(
        server,
        "/doc/evaluatie?velden=titel,realisatiestatus&klasse=Evaluatie",
        Accept="application/json",
    ).json()
    assert all(set(m) <= {"id", "titel", "realisatiestatus"} for m in few["leden"])
    assert any(m.get("realisatiestatus", "").endswith("/deels-nagekomen") for m in few["leden"])
    full = get(server, "/doc/evaluatie?embed=leden&klasse=Evaluatie", Accept="application/json")
    assert all("beschrijving" in m for m in full.json()["leden"])
    bad = get(server, "/doc/beslissing?velden=prijs")
    assert bad.status_code == 400 and "velden" in bad.json()["detail"]


@pytest.mark.parametrize(
    "query", ["van=2021-13-45", "tot=2021-02-30", "van=2022-01-01&tot=2021-01-01", "sorteer=prijs"]
)
def test_filter_values_are_validated_strictly(server: LiveServer, query: str) -> None:
    response = get(server, f"/doc/beslissing?{query}")
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"


def test_unknown_parameters_are_refused_on_descriptions_too(server: LiveServer) -> None:
    response = get(server, "/doc/beslissing/2020-04-10/c893381a1d?foo=1")
    assert response.status_code == 400 and response.json()["allowed"] == ["embed", "lang"]
    assert get(server, "/doc/beslissing/2020-04-10/c893381a1d?lang=en").status_code == 200


# ------------------------------------------------------------------ pages


def test_section_page_has_a_status_chart_table_and_a_total_counting_each_decision_once(
    server: LiveServer,
) -> None:
    page = get(server, "/doc/regeerakkoord/2019-2024/sectie/2.3.5.html").text
    assert 'class="badge s-deels-nagekomen"' in page
    assert page.count('<svg class="chart') == 2 and '<table class="figures"' in page
    assert "<script src" not in page
    # 20 decisions name an amount; each counts once, at its largest amount
    assert "€ 177.660.000" in page and "Elke beslissing telt één keer mee" in page
    assert "€ 200.268.000" not in page
    # one report, both exports as its sources
    assert page.count('<article class="evaluation">') == 1
    assert "evaluatie-2.3.5-export-a.txt" in page and "evaluatie-2.3.5-export-b.txt" in page


def test_pages_show_labels_not_iris_or_paths(server: LiveServer) -> None:
    decision = get(server, "/doc/beslissing/2020-04-10/c893381a1d.html").text
    assert "Nota" in decision and ">http://themis" not in decision
    assert "Agendapunt · Agendapunt" not in decision and "(omgekeerd)" not in decision
    section = get(server, "/doc/regeerakkoord/2019-2024/sectie/2.3.5.html").text
    assert ">regeerakkoord/2019-2024/sectie/2.3<" not in section and ">Sectie 2.3<" in section
    assert not re.search(r">(evaluatie|regeerakkoord|beslissing)/[\w./-]+</a>", section)
    strategy = get(server, "/doc/strategie/vlaamse-digitale-strategie.html").text
    assert "niet geëvalueerd" in strategy
    assert strategy.count('class="ln"') < 50  # long source text is a link, not inline


def test_landing_page_leads_with_the_answers(server: LiveServer) -> None:
    page = get(server, "/").text
    promised = page.index('id="h-promises"')
    assert promised < page.index('id="h-counts"') < page.index('id="h-latest"')
    assert 'class="badge s-deels-nagekomen"' in page and '<svg class="chart' in page


def test_clean_text_drops_markup_and_line_end_hyphens() -> None:
    text = (
        "<details> <summary>Sectie</summary> <p>een strate-gisch domein en prakti-sche, "
        "co-creatie, e-inclusie, zee-egel, economisch- en AI-plan</p></details>"
    )
    assert clean_text(text) == (
        "Sectie een strategisch domein en praktische, co-creatie, e-inclusie, zee-egel, "
        "economisch- en AI-plan"
    )


def test_no_machine_path_in_any_representation(server: LiveServer, tmp_path) -> None:
    machine = [str(ROOT), "/data/samples/", "/tmp/", "/home/", "/root/"]
    paths = [
        "/",
        "/zoeken/?q=AI",
        "/doc/bron/vlaamse-digitale-strategie.html",
        "/doc/bron/evaluatie-2-3-5-export-a.html",
        "/doc/regeerakkoord/2019-2024/sectie/2.3.5.html",
        "/doc/beslissing/2021-06-04/3115c1eb29.html",
    ]
    for kind in ("bron", "evaluatie", "beslissing", "strategie"):
        for fmt in ("jsonld", "ttl", "nt", "csv"):
            paths.append(f"/doc/{kind}.{fmt}?aantal=100" if fmt == "csv" else f"/doc/{kind}.{fmt}")
        for row in csv.DictReader(io.StringIO(get(server, f"/doc/{kind}.csv?aantal=100").text)):
            path = row["id"].split("/id/", 1)[1]
            paths += [f"/doc/{path}.html", f"/doc/{path}.jsonld", f"/doc/{path}.ttl"]
    for path in paths:
        body = get(server, path).text
        leaked = [m for m in machine if m in body]
        assert not leaked, (path, leaked)
    out = tmp_path / "site"
    done = cli("site", "build", "--db", str(server.db), "-o", str(out))
    assert done.returncode == 0, done.stderr
    for page in out.rglob("*.html"):
        text = page.read_text()
        assert not [m for m in machine if m in text], page


def test_no_page_references_another_host(server: LiveServer) -> None:
    own = re.compile(r"""(?:src|href)=["'](https?://[^"']+)""")
    for path in (
        "/",
        "/docs",
        "/developers",
        "/validate",
        "/zoeken/?q=AI",
        "/doc/regeerakkoord/2019-2024/sectie/2.3.5.html",
    ):
        text = get(server, path).text
        external = [
            u
            for u in own.findall(text)
            if not u.startswith(server.url)
            and "beslissingenvlaamseregering" not in u
            and "w3id.org" not in u
            and "vlaanderen.be" not in u
        ]
        if path in ("/docs", "/validate", "/"):
            assert not external, (path, external)
        for tag in re.findall(r"<(?:script|link)[^>]+>", text):
            assert "http" not in tag or server.url in tag, (path, tag)
    assert get(server, "/docs/assets/swagger-ui-bundle.js").status_code == 200


# ------------------------------------------------------------------ validation report


BROKEN = '@prefix ex: <http://example.org/> .\nex:a ex:b "unterminated .\nex:c ex:d ex:e .\n'


def test_a_broken_file_gets_the_parsers_full_message_with_line_and_column(
    server: LiveServer, tmp_path
) -> None:
    path = tmp_path / "kapot.ttl"
    path.write_text(BROKEN)
    done = cli("validate", str(path))
    assert done.returncode == 2
    assert f"{path}:2:26: Turtle syntax error: newline found in string literal" in done.stderr
    response = httpx.post(
        server.url + "/validate",
        files={"file": ("kapot.ttl", BROKEN)},
        data={"format": "html"},
        timeout=60,
    )
    assert response.status_code == 400
    assert "kapot.ttl:2:26: Turtle syntax error: newline found in string literal" in response.text


def test_report_lines_refer_to_the_uploaded_file_and_severities_filter(
    server: LiveServer,
) -> None:
    fixture = FIXTURES / "broken" / "bedrag-munt-euro.ttl"
    response = httpx.post(
        server.url + "/validate",
        files={"file": (fixture.name, fixture.read_bytes())},
        data={"format": "html", "lang": "nl"},
        timeout=60,
    )
    page = response.text
    assert page.index('class="verdict nok"') < page.index('id="per-knoop"')
    assert "bedrag-munt-euro.ttl:23-28" in page  # the statement in the uploaded file
    assert 'id="ernst-overtreding"' in page and "Overtreding" in page and "✖" in page
    only = httpx.post(
        server.url + "/validate",
        files={"file": (fixture.name, fixture.read_bytes())},
        data={"format": "json", "severity": "violation"},
        timeout=60,
    ).json()
    assert {r["severity"] for r in only["results"]} == {"Violation"}
    pdf = httpx.post(
        server.url + "/validate",
        files={"file": (fixture.name, fixture.read_bytes())},
        data={"format": "pdf"},
        timeout=60,
    )
    assert pdf.headers["content-type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_cli_report_in_dutch_with_a_severity_filter(tmp_path) -> None:
    fixture = FIXTURES / "broken" / "bedrag-munt-euro.ttl"
    done = cli("validate", str(fixture), "--lang", "nl", "--severity", "violation")
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert lines[0] == "voldoet niet: 1 overtreding, 9 waarschuwingen, 0 info"
    assert len(lines) == 2 and lines[1].startswith("✖ Overtreding: ")
    assert f"{fixture}:23-28" in lines[1]
    out = tmp_path / "rapport.pdf"
    done = cli("validate", str(fixture), "--format", "pdf", "-o", str(out), "--lang", "nl")
    assert done.returncode == 1 and out.read_bytes().startswith(b"%PDF")
    assert "voldoet niet" in done.stderr
    if subprocess.run(["which", "pdftotext"], capture_output=True).returncode == 0:
        text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
        assert "Validatierapport" in text and "Overtreding" in text
    assert sys.executable
