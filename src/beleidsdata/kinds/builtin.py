"""The document kinds beleidsdata reads, one ``register`` call each.

Order matters only for ties in detection: the more specific kind first. To add a kind,
read docs/adding-a-kind.md: a parser, a mapper, a shape file, a concept in
vocab/concepten.ttl and one entry here.
"""

from __future__ import annotations

from ..mapping import agreement as agreement_mapping
from ..mapping import communication as communication_mapping
from ..mapping import decision_list as decision_list_mapping
from ..mapping import evaluation as evaluation_mapping
from ..mapping import resolution as resolution_mapping
from ..mapping import strategy as strategy_mapping
from ..mapping.namespaces import BD
from ..sources import agreement, communication, decision_list, evaluation, resolution, strategy
from .registry import Kind, Label, TemplateRule, register

PART = "https://w3id.org/beleidsdata/concept/onderdeelsoort/"

register(
    Kind(
        key="evaluatie",
        label=Label("evaluatie van een regeerakkoordsectie", "evaluation of an agreement section"),
        description=Label(
            "Een verslag dat beoordeelt in welke mate een sectie van het regeerakkoord "
            "nagekomen is, met bevindingen en de beslissingen die het aanhaalt (beide exports).",
            "A report judging how far a coalition-agreement section was kept, with findings "
            "and the decisions it cites (both export forms).",
        ),
        parser=evaluation,
        mapper=evaluation_mapping.MAPPER,
        shapes=("evaluatie", "besluiten", "regeerakkoord"),
        example="regeerakkoord/2019-2024/sectie/2.3.5",
        templates=(
            TemplateRule("evaluation.html.j2", BD.Evaluatie),
            TemplateRule("finding.html.j2", BD.Bevinding),
        ),
    )
)

register(
    Kind(
        key="strategie",
        label=Label("beleidsstrategie", "policy strategy"),
        description=Label(
            "Een strategie zoals de Vlaamse Digitale Strategie: assen, speerpunten, ambities, "
            "actiepunten en principes.",
            "A strategy such as the Vlaamse Digitale Strategie: axes, speerpunten, ambitions, "
            "action points and principles.",
        ),
        parser=strategy,
        mapper=strategy_mapping.MAPPER,
        shapes=("strategie",),
        example="strategie/vlaamse-digitale-strategie",
        templates=(
            TemplateRule(
                "strategy.html.j2", "http://data.europa.eu/eli/ontology#Work", "strategie"
            ),
        ),
        primary_for=("strategie",),
    )
)

register(
    Kind(
        key="resolutie",
        label=Label("resolutie of motie van het Vlaams Parlement", "Flemish Parliament text"),
        description=Label(
            "Een resolutie of motie van het Vlaams Parlement: gelet op, overwegingen en "
            "verzoeken aan de Vlaamse Regering.",
            "A resolution or motion of the Flemish Parliament: citations, recitals and "
            "requests to the Flemish Government.",
        ),
        parser=resolution,
        mapper=resolution_mapping.MAPPER,
        shapes=("resolutie",),
        example="resolutie/86220afeb2d5",
        primary_for=("resolutie", "motie"),
        aliases=("motie",),
    )
)

register(
    Kind(
        key="mededeling",
        label=Label("mededeling of nota aan de Vlaamse Regering", "note to the government"),
        description=Label(
            "Een mededeling, nota, bisnota, conceptnota … aan de Vlaamse Regering, of een "
            "omzendbrief: betreft, genummerde secties en de ministers die ze ondertekenen.",
            "A communication, note, supplementary or concept note … to the Flemish "
            "Government, or a circular: subject, numbered sections and the signing ministers.",
        ),
        parser=communication,
        mapper=communication_mapping.MAPPER,
        shapes=("mededeling",),
        example="mededeling/uitbouw-van-slimme-regio-vlaanderen",
        primary_for=(
            "mededeling",
            "nota",
            "bisnota",
            "ternota",
            "conceptnota",
            "visienota",
            "witboek",
            "groenboek",
            "omzendbrief",
        ),
        aliases=("nota",),
    )
)

register(
    Kind(
        key="regeerakkoord",
        label=Label("tekst van het regeerakkoord", "coalition-agreement text"),
        description=Label(
            "De tekst van een Vlaams regeerakkoord, of een deel ervan: hoofdstukken en "
            "genummerde secties.",
            "The text of a Flemish coalition agreement, or part of it: chapters and numbered "
            "sections.",
        ),
        parser=agreement,
        mapper=agreement_mapping.MAPPER,
        shapes=("regeerakkoord",),
        example="regeerakkoord/2019-2024/sectie/2.3.5",
        templates=(TemplateRule("section.html.j2", PART + "sectie", "regeerakkoord"),),
        primary_for=("regeerakkoord",),
    )
)

register(
    Kind(
        key="beslissingenlijst",
        label=Label("beslissingenlijst van de Vlaamse Regering", "government decision list"),
        description=Label(
            "De lijst van de beslissingen van één vergadering van de Vlaamse Regering "
            "(webpagina, kortbestek of persbericht): per beslissing de titel, de voorstellers "
            "met hun mandaat, de bedragen en de soort goedkeuring.",
            "The list of the decisions of one meeting of the Flemish Government (web page, "
            "kortbestek or press release): per decision the title, the proposers with their "
            "office, the amounts and the kind of approval.",
        ),
        parser=decision_list,
        mapper=decision_list_mapping.MAPPER,
        shapes=("beslissingenlijst", "besluiten", "mededeling"),
        example="beslissing/2021-06-04/3115c1eb29",
        primary_for=("beslissing", "beslissingenlijst"),
    )
)
