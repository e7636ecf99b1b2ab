"""The runnable examples of ``/developers``: complete programs and what they print.

Each is checked against a live server by ``tests/test_developers.py``, so they cannot
go stale. ``{base}`` stands for the server's base IRI.
"""

from __future__ import annotations

from dataclasses import dataclass

from .collection_query import ALLOWED
from .examples import DECISION, EVALUATION, SECTION


@dataclass(frozen=True)
class Example:
    id: str
    lang: str  # sh, python, javascript
    code: str  # with {base} for the server's base IRI
    output: str  # what it prints on the sample corpus, with {base}

    def render(self, base: str) -> tuple[str, str]:
        return self.code.replace("{base}", base), self.output.replace("{base}", base)


EXAMPLES = {
    e.id: e
    for e in [
        # -- /id → /doc
        Example(
            "curl-redirect",
            "sh",
            """\
curl -s -o /dev/null -w '%{http_code} %{redirect_url}\\n' \\
  {base}/id/"""
            + DECISION
            + "\n",
            "303 {base}/doc/" + DECISION + "\n",
        ),
        Example(
            "curl-turtle",
            "sh",
            """\
curl -sL -H 'Accept: text/turtle' {base}/id/"""
            + SECTION
            + """ \\
  | grep 'dct:title'
""",
            '    dct:title "Vlaanderen verder uitbouwen tot een Slimme Regio met '
            'performante fysieke en digitale infrastructuur"@nl ;\n',
        ),
        Example(
            "curl-suffix",
            "sh",
            """\
curl -s {base}/doc/"""
            + DECISION
            + """.nt | wc -l
""",
            "49\n",
        ),
        Example(
            "python-decision",
            "python",
            """\
import json
import urllib.request

request = urllib.request.Request(
    "{base}/doc/"""
            + DECISION
            + """",
    headers={"Accept": "application/json"},
)
with urllib.request.urlopen(request) as response:
    print(response.headers["Link"].split(";")[0])
    decision = json.load(response)

print(decision["titel"])
print(decision["behandelingen"][0]["beslissing"]["datum"])
for amount in decision.get("bedrag", []):
    print(amount["waarde"], amount["munt"])
""",
            """\
<{base}/context/v1.jsonld>
Subsidie Kenniscentrum Data en Maatschappij
2020-04-10
750000 EUR
""",
        ),
        Example(
            "js-decision",
            "javascript",
            """\
const response = await fetch("{base}/doc/"""
            + DECISION
            + """", {
  headers: { Accept: "application/json" },
});
const decision = await response.json();
console.log(response.status, decision.titel);
console.log(decision.bedrag.map((b) => `${b.waarde} ${b.munt}`).join(", "));
""",
            """\
200 Subsidie Kenniscentrum Data en Maatschappij
750000 EUR
""",
        ),
        # -- collections
        Example(
            "curl-collection",
            "sh",
            """\
curl -s -H 'Accept: application/json' \\
  '{base}/doc/beslissing?van=2021-01-01&tot=2021-12-31&sorteer=datum&aantal=1'
""",
            """\
{
  "@context": "{base}/context/v1.jsonld",
  "id": "{base}/doc/beslissing?van=2021-01-01&tot=2021-12-31&sorteer=datum",
  "type": [
    "Collection"
  ],
  "totaalAantal": 13,
  "leden": [
    {
      "id": "{base}/id/beslissing/2021-01-29/c6734177dc",
      "type": [
        "Agendapunt"
      ],
      "titel": "Onderzoeksprogramma Artificiële Intelligentie (AI): 12 miljoen euro subsidie \
werkjaar 2021",
      "agendapuntType": "http://themis.vlaanderen.be/id/concept/agendapunt-type/\
dd47a8f8-3ad2-4d5a-8318-66fc02fe80fd",
      "bedrag": [
        {
          "id": "{base}/id/beslissing/2021-01-29/c6734177dc#bedrag-12000000",
          "type": [
            "Bedrag"
          ],
          "waarde": 12000000,
          "munt": "EUR"
        }
      ],
      "behandelingen": [
        {
          "id": "{base}/id/beslissing/2021-01-29/c6734177dc#behandeling",
          "beslissing": {
            "id": "{base}/id/beslissing/2021-01-29/c6734177dc#beslissing",
            "datum": "2021-01-29"
          }
        }
      ]
    }
  ],
  "weergave": {
    "id": "{base}/doc/beslissing?van=2021-01-01&tot=2021-12-31&sorteer=datum&aantal=1",
    "type": [
      "PartialCollectionView"
    ],
    "eerste": "{base}/doc/beslissing?van=2021-01-01&tot=2021-12-31&sorteer=datum&aantal=1",
    "volgende": "{base}/doc/beslissing?van=2021-01-01&tot=2021-12-31&sorteer=datum&aantal=1&na=\
{next}",
    "laatste": "{base}/doc/beslissing?van=2021-01-01&tot=2021-12-31&sorteer=datum&aantal=1\
&voor=einde"
  }
}
""".replace("{next}", "WyIyMDIxLTAxLTI5IiwgImJlc2xpc3NpbmcvMjAyMS0wMS0yOS9jNjczNDE3N2RjIl0"),
        ),
        Example(
            "python-collection",
            "python",
            """\
import json
import urllib.parse
import urllib.request

query = urllib.parse.urlencode({"q": "AI", "sort": "date", "limit": 5})
url = "{base}/doc/beslissing?" + query
while url:  # follow the "volgende" (next) links to the end
    request = urllib.request.Request(url, headers={"Accept": "application/json"})
    with urllib.request.urlopen(request) as response:
        page = json.load(response)
    for decision in page["leden"]:
        date = decision["behandelingen"][0]["beslissing"]["datum"]
        print(date, decision["titel"][:60])
    url = page["weergave"].get("volgende")
""",
            """\
2019-12-20 AI-onderzoeksprogramma: subsidie voor de periode 1 januari t
2019-12-20 Flankerende maatregelen hoger onderwijs in het kader van bel
2020-04-10 Subsidie Kenniscentrum Data en Maatschappij
2020-06-19 Vlaams Beleidsplan AI – Luik opleidingen: De Vlaamse AI Acad
2020-12-04 Vlaams Beleidsplan AI – Flankerend beleid: programma voor Bu
2021-01-29 Onderzoeksprogramma Artificiële Intelligentie (AI): 12 miljo
2022-02-11 Subsidie AI-plan onderzoeksluik
2023-05-05 Vlaamse AI-Academie (VAIA): werkingssubsidie 2023
2023-12-22 Vlaams Beleidsplan Artificiële Intelligentie (AI), Luik ople
""",
        ),
        Example(
            "js-collection",
            "javascript",
            """\
const url = new URL("{base}/doc/beslissing");
url.searchParams.set("sectie", "2.3.5");        // cited by evaluations of 2.3.5
url.searchParams.set("bedragVan", "1000000");   // naming at least 1 million euro
url.searchParams.set("aantal", "100");
const page = await (await fetch(url, { headers: { Accept: "application/json" } })).json();
console.log(page.totaalAantal, "decisions");
console.log(page.leden[0].titel);
""",
            """\
18 decisions
AI-onderzoeksprogramma: subsidie voor de periode 1 januari tot en met 30 juni 2020
""",
        ),
        Example(
            "curl-bad-filter",
            "sh",
            """\
curl -s '{base}/doc/beslissing?year=2021'; echo
""",
            '{"type": "about:blank", "title": "Bad Request", "status": 400, "detail": "unknown '
            "parameter 'year'; allowed: "
            + ", ".join(ALLOWED)
            + '", "instance": "/doc/beslissing", "allowed": ['
            + ", ".join(f'"{n}"' for n in ALLOWED)
            + "]}\n",
        ),
        Example(
            "curl-bad-date",
            "sh",
            """\
curl -s -o /dev/null -w '%{http_code}\\n' '{base}/doc/beslissing?van=2021-13-45'
""",
            "400\n",
        ),
        # -- amounts as numbers, CSV
        Example(
            "python-amounts",
            "python",
            """\
import json
import urllib.request

url = ("{base}/doc/beslissing?van=2021-01-01&tot=2021-12-31"
       "&velden=titel,datum,bedrag&sorteer=-bedrag&aantal=100")
request = urllib.request.Request(url, headers={"Accept": "application/json"})
with urllib.request.urlopen(request) as response:
    page = json.load(response)

print(page["totaalAantal"], "decisions in 2021")
for decision in page["leden"][:3]:
    largest = max(amount["waarde"] for amount in decision["bedrag"])
    print(f"{largest:>12,}", decision["titel"][:45])
""",
            """\
13 decisions in 2021
  50,000,000 Plan Vlaamse Veerkracht: toewijzing middelen\x20
  21,000,000 Plan Vlaamse Veerkracht: actieplan E-leren
  12,000,000 Onderzoeksprogramma Artificiële Intelligentie
""",
        ),
        Example(
            "curl-csv",
            "sh",
            """\
curl -s '{base}/doc/beslissing.csv?van=2021-01-01&tot=2021-12-31&velden=datum,bedrag&aantal=100' \\
  | head -4
""",
            """\
id,datum,bedrag,bedragen
{base}/id/beslissing/2021-01-29/c6734177dc,2021-01-29,12000000,12000000
{base}/id/beslissing/2021-05-07/80fc390a1d,2021-05-07,5000000,5000000
{base}/id/beslissing/2021-05-07/aac413b5c2,2021-05-07,3500000,3500000
""",
        ),
        # -- embed
        Example(
            "python-embed",
            "python",
            """\
import json
import urllib.request

request = urllib.request.Request(
    "{base}/doc/"""
            + EVALUATION
            + """?embed=alles",
    headers={"Accept": "application/json"},
)
with urllib.request.urlopen(request) as response:
    evaluation = json.load(response)

print(evaluation["titel"][:50])
cited = [d for d in evaluation["verwijstNaar"] if isinstance(d, dict)]
amounts = [float(a["waarde"]) for d in cited for a in d.get("bedrag", [])]
print(len(cited), "decisions cited, together", f"{sum(amounts):,.0f} euro")
""",
            """\
Vlaanderen verder uitbouwen tot een Slimme Regio m
26 decisions cited, together 194,268,000 euro
""",
        ),
        # -- event stream
        Example(
            "python-ldes",
            "python",
            """\
import json
import urllib.request

TREE = "https://w3id.org/tree#"
todo, seen, members, pages = ["{base}/ldes/wortel"], set(), 0, 0
while todo:  # the view is a tree: root, branches, pages; follow every tree:node once
    url = todo.pop()
    seen.add(url)
    request = urllib.request.Request(url, headers={"Accept": "application/ld+json"})
    with urllib.request.urlopen(request) as response:
        graph = json.load(response)["@graph"]
    on_page = sum(len(node.get(TREE + "member", [])) for node in graph)
    members, pages = members + on_page, pages + (on_page > 0)
    todo += {n["@id"] for node in graph for n in node.get(TREE + "node", [])} - seen
print(members, "members on", pages, "pages")
""",
            "310 members on 2 pages\n",
        ),
        Example(
            "curl-ldes",
            "sh",
            """\
curl -s -H 'Accept: text/turtle' {base}/ldes | grep -c 'tree#view>'
""",
            "11\n",
        ),
        # -- conditional requests and CORS
        Example(
            "curl-etag",
            "sh",
            """\
url={base}/doc/"""
            + DECISION
            + """
etag=$(curl -s -o /dev/null -w '%header{etag}' "$url")
curl -s -o /dev/null -w '%{http_code}\\n' -H "If-None-Match: $etag" "$url"
""",
            "304\n",
        ),
        Example(
            "js-cors",
            "javascript",
            """\
const response = await fetch("{base}/doc/beslissing?aantal=1", {
  headers: { Accept: "application/ld+json", Origin: "https://example.org" },
});
console.log(response.headers.get("access-control-allow-origin"));
console.log(response.headers.get("vary"));
const again = await fetch(response.url, {
  headers: { Accept: "application/ld+json", "If-None-Match": response.headers.get("etag") },
});
console.log(again.status);
""",
            """\
*
Origin, Accept
304
""",
        ),
    ]
}
