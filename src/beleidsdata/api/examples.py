"""Examples for the OpenAPI description, taken from the bundled sample corpus.

``/docs`` "Try it out" and schemathesis reach real data only if the examples are real: the
paths and bodies here are those of ``data/samples/`` served with the default base IRI
``http://localhost:8000``. They are in one place so that a change to the samples is one
edit; the routers use them in the descriptions next to their routes.
"""

from __future__ import annotations

from typing import Any

BASE = "http://localhost:8000"

# Real things of the sample corpus (their paths do not depend on the base IRI).
DECISION = "beslissing/2020-04-10/c893381a1d"
SECTION = "regeerakkoord/2019-2024/sectie/2.3.5"
EVALUATION = "evaluatie/2.3.5-d9e4a424ac"
STRATEGY = "strategie/vlaamse-digitale-strategie"
SPEERPUNT = "strategie/vlaamse-digitale-strategie/speerpunt/2.1"
RESOLUTION = "resolutie/86220afeb2d5"

DECISION_JSONLD: dict[str, Any] = {
    "@context": f"{BASE}/context/v1.jsonld",
    "id": f"{BASE}/id/{DECISION}",
    "type": ["Agendapunt"],
    "titel": "Subsidie Kenniscentrum Data en Maatschappij",
    "beschrijving": "Naar aanleiding van het Vlaams Beleidsplan Artificiële Intelligentie "
    "werd de oprichting van het Vlaams Kenniscentrum Data & Maatschappij "
    "op 24 mei 2019 door de Vlaamse Regering goedgekeurd. […] Ze kent "
    "750.000 euro subsidie toe voor het werkingsjaar 2020.",
    "agendapuntType": "http://themis.vlaanderen.be/id/concept/agendapunt-type/"
    "dd47a8f8-3ad2-4d5a-8318-66fc02fe80fd",
    "bedrag": [
        {
            "id": f"{BASE}/id/{DECISION}#bedrag-750000",
            "type": ["Bedrag"],
            "waarde": "750000",
            "munt": "EUR",
            "bedragTekst": "750.000 euro",
        }
    ],
    "behandelingen": [
        {
            "id": f"{BASE}/id/{DECISION}#behandeling",
            "type": ["BehandelingVanAgendapunt"],
            "beslissing": {
                "id": f"{BASE}/id/{DECISION}#beslissing",
                "type": ["Beslissingsactiviteit"],
                "datum": "2020-04-10",
            },
        }
    ],
    "afgeleidVan": [
        f"{BASE}/id/bron/evaluatie-2-3-5-export-a",
        f"{BASE}/id/bron/evaluatie-2-3-5-export-b",
    ],
}
DECISION_TURTLE = f"""@prefix besluit: <http://data.vlaanderen.be/ns/besluit#> .
@prefix dct: <http://purl.org/dc/terms/> .

<{BASE}/id/{DECISION}> a besluit:Agendapunt ;
    dct:title "Subsidie Kenniscentrum Data en Maatschappij"@nl .
"""


def _member(path: str, date: str, title: str) -> dict[str, Any]:
    iri = f"{BASE}/id/{path}"
    return {
        "id": iri,
        "type": ["Agendapunt"],
        "titel": title,
        "behandelingen": [
            {"id": iri + "#behandeling", "beslissing": {"id": iri + "#beslissing", "datum": date}}
        ],
    }


DECISIONS_PAGE: dict[str, Any] = {
    "@context": f"{BASE}/context/v1.jsonld",
    "id": f"{BASE}/doc/beslissing?sorteer=-datum",
    "type": ["Collection"],
    "totaalAantal": 26,
    "leden": [
        _member(
            "beslissing/2023-12-22/b4a8b77b9d",
            "2023-12-22",
            "Vlaams Beleidsplan Artificiële Intelligentie (AI), Luik opleidingen: "
            "verlenging Vlaamse AI Academie – Werkjaar 2024",
        ),
        _member(
            "beslissing/2023-11-17/96451ae144",
            "2023-11-17",
            "Programma Vlaanderen Radicaal Digitaal: exploitatiebudget begrotingsjaar 2024",
        ),
    ],
    "weergave": {
        "id": f"{BASE}/doc/beslissing?sorteer=-datum&aantal=2",
        "type": ["PartialCollectionView"],
        "eerste": f"{BASE}/doc/beslissing?sorteer=-datum&aantal=2",
        "volgende": f"{BASE}/doc/beslissing?sorteer=-datum&aantal=2&na=WyIyMDIzLTExLTE3Iiwg"
        "ImJlc2xpc3NpbmcvMjAyMy0xMS0xNy85NjQ1MWFlMTQ0Il0",
        "laatste": f"{BASE}/doc/beslissing?sorteer=-datum&aantal=2&voor=einde",
    },
}
