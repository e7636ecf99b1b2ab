"""The words of the whole user interface (headings, buttons, the validation form and
report), in Dutch and English, in one table with one lookup (:class:`Translator`, the
``t`` of every template).

Property, class and concept labels are not here: they come from the vocabularies
(:mod:`beleidsdata.web.labels`).
"""

from __future__ import annotations

DEFAULT = "nl"

MESSAGES: dict[str, dict[str, str]] = {
    "skip": {"nl": "Naar de inhoud", "en": "Skip to content"},
    "main_nav": {"nl": "Hoofdnavigatie", "en": "Main navigation"},
    "home": {"nl": "Start", "en": "Home"},
    "stream": {"nl": "Gebeurtenissenstroom (LDES)", "en": "Event stream (LDES)"},
    "catalog": {"nl": "Catalogus", "en": "Catalogue"},
    "developers": {"nl": "Voor ontwikkelaars", "en": "For developers"},
    "validator": {"nl": "Validator", "en": "Validator"},
    "api": {"nl": "API (OpenAPI)", "en": "API (OpenAPI)"},
    "vocab": {"nl": "Vocabularium", "en": "Vocabulary"},
    "shapes": {"nl": "Shapes (SHACL)", "en": "Shapes (SHACL)"},
    "search": {"nl": "Zoeken", "en": "Search"},
    "search_label": {"nl": "Zoek in titels en teksten", "en": "Search titles and texts"},
    "search_button": {"nl": "Zoek", "en": "Search"},
    "other_lang": {"nl": "English", "en": "Nederlands"},
    "footer": {
        "nl": "Vlaamse beleidsdocumenten als linked open data · OSLO · ELI · LDES",
        "en": "Flemish policy documents as linked open data · OSLO · ELI · LDES",
    },
    "landing_title": {
        "nl": "Vlaamse beleidsdocumenten als linked open data",
        "en": "Flemish policy documents as linked open data",
    },
    "landing_intro": {
        "nl": "Wat beloofde de Vlaamse Regering, wat besliste ze, met hoeveel geld, en hoe ver "
        "staat het? Regeerakkoord, Vlaamse Digitale Strategie, beslissingen van de "
        "Vlaamse Regering, resoluties van het Vlaams Parlement, mededelingen en "
        "evaluaties: gelezen uit de bronteksten, als RDF volgens OSLO en ELI, gevalideerd "
        "met SHACL, elk gegeven terug te volgen tot op de regel in de bron.",
        "en": "What did the Flemish Government promise, what did it decide, with how much "
        "money, and how far has it got? Coalition agreement, Flemish Digital Strategy, "
        "decisions of the Flemish Government, resolutions of the Flemish Parliament, "
        "communications and evaluations: read from the source texts, as RDF with OSLO "
        "and ELI, validated with SHACL, every fact traceable to its line in the source.",
    },
    "start_here": {"nl": "Begin hier", "en": "Start here"},
    "counts": {"nl": "Wat staat hier", "en": "What is here"},
    "kind": {"nl": "Soort", "en": "Kind"},
    "number": {"nl": "Aantal", "en": "Number"},
    "things": {"nl": "beschreven dingen", "en": "described things"},
    "events": {"nl": "gebeurtenissen in de stroom", "en": "events in the stream"},
    "latest": {"nl": "Laatste wijzigingen", "en": "Latest changes"},
    "when": {"nl": "Tijdstip", "en": "Time"},
    "what": {"nl": "Wat", "en": "What"},
    "event": {"nl": "Gebeurtenis", "en": "Event"},
    "create": {"nl": "nieuw", "en": "created"},
    "update": {"nl": "gewijzigd", "en": "changed"},
    "delete": {"nl": "verwijderd", "en": "removed"},
    "for_machines": {"nl": "Voor toepassingen", "en": "For applications"},
    "context": {"nl": "JSON-LD-context", "en": "JSON-LD context"},
    "properties": {"nl": "Eigenschappen", "en": "Properties"},
    "property": {"nl": "Eigenschap", "en": "Property"},
    "value": {"nl": "Waarde", "en": "Value"},
    "identifier": {"nl": "Identificator", "en": "Identifier"},
    "also_as": {"nl": "Ook als", "en": "Also as"},
    "nested": {"nl": "Onderdelen van deze beschrijving", "en": "Parts of this description"},
    "links_out": {"nl": "Waarnaar dit verwijst", "en": "What this refers to"},
    "links_in": {"nl": "Wat hiernaar verwijst", "en": "What refers to this"},
    "provenance": {"nl": "Herkomst", "en": "Provenance"},
    "lines": {"nl": "regels", "en": "lines"},
    "source_text": {"nl": "Brontekst", "en": "Source text"},
    "text": {"nl": "Tekst", "en": "Text"},
    "part_of": {"nl": "Deel van", "en": "Part of"},
    "parts": {"nl": "Onderdelen", "en": "Parts"},
    "date": {"nl": "Datum", "en": "Date"},
    "decision": {"nl": "Beslissing", "en": "Decision"},
    "decisions": {"nl": "Beslissingen", "en": "Decisions"},
    "amounts": {"nl": "Bedragen", "en": "Amounts"},
    "total": {"nl": "Totaal", "en": "Total"},
    "total_note": {
        "nl": "Elke beslissing telt één keer mee, met het grootste bedrag dat haar samenvatting "
        "noemt ({counted} van de {n} beslissingen noemen een bedrag). Een samenvatting kan "
        "ook een jaarbudget of een eerdere schijf noemen: lees het totaal als een bovengrens "
        "van wat beslist werd.",
        "en": "Each decision counts once, at the largest amount its summary names ({counted} "
        "of the {n} decisions name an amount). A summary may also name a yearly budget or an "
        "earlier tranche: read the total as an upper bound of what was decided.",
    },
    "not_evaluated": {"nl": "niet geëvalueerd", "en": "not evaluated"},
    "at_a_glance": {"nl": "In één oogopslag", "en": "At a glance"},
    "chart_decisions": {"nl": "Beslissingen per jaar", "en": "Decisions per year"},
    "chart_amounts": {"nl": "Bedragen per jaar", "en": "Amounts per year"},
    "millions": {"nl": "miljoen euro", "en": "million euro"},
    "year": {"nl": "Jaar", "en": "Year"},
    "n_decisions": {"nl": "Beslissingen", "en": "Decisions"},
    "amount": {"nl": "Bedrag", "en": "Amount"},
    "chart_table": {
        "nl": "Beslissingen en bedragen per jaar (de cijfers van de grafieken)",
        "en": "Decisions and amounts per year (the figures of the charts)",
    },
    "promises": {
        "nl": "Wat beloofd werd, en hoe ver het staat",
        "en": "What was promised, and how far it got",
    },
    "promises_intro": {
        "nl": "Per sectie van het regeerakkoord: hoe de evaluatie de realisatie beoordeelt, "
        "hoeveel beslissingen ze aanhaalt en met welk bedrag.",
        "en": "Per section of the coalition agreement: how the evaluation rates its "
        "realisation, how many decisions it cites and with what amount.",
    },
    "strategy_glance": {
        "nl": "De Vlaamse Digitale Strategie: speerpunten en actiepunten",
        "en": "The Flemish Digital Strategy: spearheads and action points",
    },
    "decisions_cited": {"nl": "{n} beslissingen", "en": "{n} decisions"},
    "one_decision": {"nl": "1 beslissing", "en": "1 decision"},
    "search_intro": {
        "nl": "Zoek in titels en teksten: hoofdletters en accenten maken niet uit, "
        "vervoegingen en meervouden worden gevonden.",
        "en": "Search titles and texts: case and accents do not matter, inflections and "
        "plurals are found.",
    },
    "one_result": {"nl": "1 resultaat", "en": "1 result"},
    "n_results_for": {"nl": "{n} resultaten", "en": "{n} results"},
    "for_query": {"nl": "voor “{q}”", "en": "for “{q}”"},
    "refine": {"nl": "Verfijn", "en": "Refine"},
    "any": {"nl": "alle", "en": "any"},
    "amount_range": {"nl": "Bedrag", "en": "Amount"},
    "tot-1m": {"nl": "minder dan 1 miljoen", "en": "under 1 million"},
    "1m-5m": {"nl": "1 tot 5 miljoen", "en": "1 to 5 million"},
    "5m-10m": {"nl": "5 tot 10 miljoen", "en": "5 to 10 million"},
    "vanaf-10m": {"nl": "10 miljoen of meer", "en": "10 million or more"},
    "previous_page": {"nl": "Vorige", "en": "Previous"},
    "next_page": {"nl": "Volgende", "en": "Next"},
    "incomplete": {
        "nl": "Onvolledig: gelezen uit een tekst die afbreekt of een uittreksel is.",
        "en": "Incomplete: read from a text that breaks off or is an excerpt.",
    },
    "all_properties": {"nl": "Alle eigenschappen", "en": "All properties"},
    "read_source": {
        "nl": "{name}, regels {start}–{end}",
        "en": "{name}, lines {start}–{end}",
    },
    "long_source": {
        "nl": "Een lange passage ({n} regels): lees ze in de brontekst",
        "en": "A long passage ({n} lines): read it in the source text",
    },
    "exports": {"nl": "Bronnen", "en": "Sources"},
    "also_export": {"nl": "zelfde rapport, andere export", "en": "same report, other export"},
    "see_on": {"nl": "Bekijk op {host}", "en": "View on {host}"},
    "status_short": {"nl": "Status", "en": "Status"},
    "see_also": {"nl": "Zie ook", "en": "See also"},
    "evaluations": {"nl": "Evaluaties", "en": "Evaluations"},
    "findings": {"nl": "Bevindingen", "en": "Findings"},
    "conclusion": {"nl": "Conclusie", "en": "Conclusion"},
    "summary": {"nl": "Samenvatting", "en": "Summary"},
    "status": {"nl": "Realisatiestatus", "en": "Realisation status"},
    "cites": {"nl": "Haalt aan", "en": "Cites"},
    "cited_by": {"nl": "Aangehaald door", "en": "Cited by"},
    "no_decisions": {"nl": "Geen beslissingen aangehaald.", "en": "No decisions cited."},
    "section_decisions": {
        "nl": "Beslissingen die de evaluaties aanhalen, in de tijd",
        "en": "Decisions the evaluations cite, in time order",
    },
    "strategy_tree": {"nl": "De strategie als boom", "en": "The strategy as a tree"},
    "axes": {"nl": "Assen", "en": "Axes"},
    "speerpunten": {"nl": "Speerpunten", "en": "Spearheads"},
    "action_points": {"nl": "actiepunten", "en": "action points"},
    "related_decisions": {"nl": "Verwante beslissingen", "en": "Related decisions"},
    "announced": {
        "nl": "De inleiding kondigt {n} actiepunten aan; de tekst bevat er {m}.",
        "en": "The introduction announces {n} action points; the text holds {m}.",
    },
    "signed_by": {"nl": "Ondertekend door", "en": "Signed by"},
    "derived": {"nl": "Gelezen uit deze bron", "en": "Read from this source"},
    "history": {"nl": "Geschiedenis", "en": "History"},
    "history_intro": {
        "nl": "Elke versie in de gebeurtenisstroom, met wat ze toevoegde en wegnam.",
        "en": "Every version in the event stream, with what it added and removed.",
    },
    "version": {"nl": "Versie", "en": "Version"},
    "added": {"nl": "Toegevoegd", "en": "Added"},
    "removed": {"nl": "Weggenomen", "en": "Removed"},
    "results": {"nl": "Resultaten", "en": "Results"},
    "no_results": {"nl": "Niets gevonden.", "en": "Nothing found."},
    "all_titles": {"nl": "Alle beschreven dingen", "en": "Everything described"},
    "results_for": {"nl": "{n} resultaten voor “{q}”", "en": "{n} results for “{q}”"},
    "result_for": {"nl": "1 resultaat voor “{q}”", "en": "1 result for “{q}”"},
    "classes": {"nl": "Klassen", "en": "Classes"},
    "concept_schemes": {"nl": "Begrippenlijsten", "en": "Concept schemes"},
    "concepts": {"nl": "Begrippen", "en": "Concepts"},
    "term": {"nl": "Term", "en": "Term"},
    "label": {"nl": "Label", "en": "Label"},
    "definition": {"nl": "Definitie", "en": "Definition"},
    "extends": {"nl": "Breidt uit", "en": "Extends"},
    "domain": {"nl": "Domein", "en": "Domain"},
    "range": {"nl": "Bereik", "en": "Range"},
    "usage": {"nl": "Gebruik", "en": "Usage"},
    "target_class": {"nl": "Doelklasse", "en": "Target class"},
    "path": {"nl": "Pad", "en": "Path"},
    "cardinality": {"nl": "Kardinaliteit", "en": "Cardinality"},
    "type_or_class": {"nl": "Datatype of klasse", "en": "Datatype or class"},
    "severity": {"nl": "Ernst", "en": "Severity"},
    "message": {"nl": "Melding", "en": "Message"},
    "download": {"nl": "Download als Turtle", "en": "Download as Turtle"},
    "shape_files": {"nl": "Shape-bestanden", "en": "Shape files"},
    "all_shapes": {"nl": "Alle shapes in één bestand", "en": "All shapes in one file"},
    "vocab_files": {
        "nl": "Vocabularia en begrippenlijsten",
        "en": "Vocabularies and concept schemes",
    },
    "not_static": {"nl": "(enkel op de live dienst)", "en": "(on the live service only)"},
    # the validation form and report (also ``beleidsdata validate --format html``)
    "validate_title": {"nl": "Valideer gegevens", "en": "Validate data"},
    "validate_intro": {
        "nl": "Controleer RDF-gegevens (Turtle, N-Triples, JSON-LD, RDF/XML, N-Quads, "
        "TriG) of een brondocument tegen de SHACL-shapes van beleidsdata.",
        "en": "Check RDF data (Turtle, N-Triples, JSON-LD, RDF/XML, N-Quads, TriG) or "
        "a source document against the beleidsdata SHACL shapes.",
    },
    "file": {"nl": "Bestand", "en": "File"},
    "paste": {"nl": "Of plak de gegevens hier", "en": "Or paste the data here"},
    "syntax": {"nl": "Formaat van de geplakte tekst", "en": "Format of the pasted text"},
    "auto_detect": {"nl": "automatisch herkennen", "en": "detect automatically"},
    "source_document": {"nl": "brondocument (tekst)", "en": "source document (text)"},
    "url": {"nl": "Of een URL (de server haalt ze op)", "en": "Or a URL (fetched by the server)"},
    "areas": {"nl": "Profielgebieden", "en": "Profile areas"},
    "all_areas": {"nl": "alle (niets aangevinkt)", "en": "all (none ticked)"},
    "message_language": {"nl": "Taal van de meldingen", "en": "Language of the messages"},
    "report_format": {"nl": "Rapport", "en": "Report"},
    "validate_submit": {"nl": "Valideer", "en": "Validate"},
    "report": {"nl": "Validatierapport", "en": "Validation report"},
    "conforms": {
        "nl": "De gegevens voldoen aan de shapes.",
        "en": "The data conforms to the shapes.",
    },
    "not_conforms": {
        "nl": "De gegevens voldoen niet aan de shapes.",
        "en": "The data does not conform to the shapes.",
    },
    "violations": {"nl": "Overtredingen", "en": "Violations"},
    "warnings": {"nl": "Waarschuwingen", "en": "Warnings"},
    "infos": {"nl": "Info", "en": "Info"},
    "focus": {"nl": "Knoop", "en": "Focus node"},
    "rule": {"nl": "Regel (shape)", "en": "Rule (shape)"},
    "source_lines": {"nl": "Bronregels", "en": "Source lines"},
    "by_focus": {"nl": "Per knoop", "en": "By focus node"},
    "by_rule": {"nl": "Per regel", "en": "By rule"},
    "n_results": {"nl": "{n} resultaten", "en": "{n} results"},
    "nodes": {"nl": "knopen", "en": "nodes"},
    "triples": {"nl": "triples gevalideerd", "en": "triples validated"},
    "areas_used": {"nl": "Gebieden", "en": "Areas"},
    "all": {"nl": "alle", "en": "all"},
    "error": {"nl": "Fout", "en": "Error"},
    "show_results": {"nl": "Toon", "en": "Show"},
}


ELI = "http://data.europa.eu/eli/ontology#"
DCT = "http://purl.org/dc/terms/"
OA = "http://www.w3.org/ns/oa#"
PROV = "http://www.w3.org/ns/prov#"
# How a page names a group of links, by predicate and direction ("what this refers to" /
# "what refers to this"): (nl, en). Other predicates use their vocabulary label.
LINKS_OUT: dict[str, tuple[str, str]] = {
    OA + "hasSource": ("Bron", "Source"),
    OA + "hasTarget": ("Over", "About"),
    ELI + "has_part": ("Onderdelen", "Parts"),
    DCT + "hasPart": ("Onderdelen", "Parts"),
    ELI + "is_part_of": ("Deel van", "Part of"),
    DCT + "isPartOf": ("Deel van", "Part of"),
    DCT + "references": ("Haalt aan", "Cites"),
    ELI + "refers_to": ("Haalt aan", "Cites"),
    DCT + "subject": ("Beoordeelt", "Evaluates"),
}
LINKS_IN: dict[str, tuple[str, str]] = {
    OA + "hasSource": ("Bron van", "Source of"),
    OA + "hasTarget": ("Bevindingen hierover", "Findings about this"),
    ELI + "has_part": ("Deel van", "Part of"),
    DCT + "hasPart": ("Deel van", "Part of"),
    ELI + "is_part_of": ("Onderdelen", "Parts"),
    DCT + "isPartOf": ("Onderdelen", "Parts"),
    DCT + "references": ("Aangehaald door", "Cited by"),
    ELI + "refers_to": ("Aangehaald door", "Cited by"),
    DCT + "subject": ("Beoordeeld in", "Evaluated in"),
    DCT + "creator": ("Ondertekende", "Signed"),
    PROV + "wasDerivedFrom": ("Gelezen uit deze bron", "Read from this source"),
    PROV + "entity": ("Bron van", "Source of"),
    "http://www.w3.org/ns/org#holds": ("Bekleed door", "Held by"),
    "http://data.vlaanderen.be/ns/mandaat#isBestuurlijkeAliasVan": (
        "Bestuurlijke alias",
        "Governing alias",
    ),
    "https://data.vlaanderen.be/ns/dossier#beschrijft": ("Beschreven in", "Described in"),
}


def link_label(predicate: str, incoming: bool, lang: str) -> str | None:
    """The heading of a group of links (None: use the predicate's vocabulary label)."""
    found = (LINKS_IN if incoming else LINKS_OUT).get(predicate)
    return found[0 if lang == "nl" else 1] if found else None


def pick_language(query: str | None, accept_language: str | None) -> str:
    """``?lang=`` first, then the first of nl/en in Accept-Language, else Dutch."""
    if query in ("nl", "en"):
        return query
    if accept_language:
        ranked = []
        for i, part in enumerate(accept_language.split(",")):
            tag, _, params = part.strip().partition(";")
            q = 1.0
            for p in params.split(";"):
                k, _, v = p.strip().partition("=")
                if k == "q":
                    try:
                        q = float(v)
                    except ValueError:
                        q = 0.0
            primary = tag.strip().lower().split("-")[0]
            if primary in ("nl", "en") and q > 0:
                ranked.append((-q, i, primary))
        if ranked:
            return min(ranked)[2]
    return DEFAULT


class Translator:
    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __call__(self, key: str, **fmt: object) -> str:
        text = MESSAGES.get(key, {}).get(self.lang) or MESSAGES.get(key, {}).get(DEFAULT, key)
        return text.format(**fmt) if fmt else text

    def plural(self, n: int, one: str, many: str, **fmt: object) -> str:
        """``one`` for exactly 1 ("1 resultaat"), else ``many`` with ``n``."""
        return self(one, **fmt) if n == 1 else self(many, n=n, **fmt)
