"""The world the benchmark corpus speaks of: legislatures, their meetings, decisions,
agreement sections and ministers, grown from one seed as documents ask for them.

See :mod:`corpus`: the documents made from this world share what real ones share.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from beleidsdata.sources.dates import MONTHS as DUTCH_MONTHS

LEGISLATURES = ((2004, 2009), (2009, 2014), (2014, 2019), (2019, 2024))
MONTHS = list(DUTCH_MONTHS)  # in calendar order: MONTHS[m - 1] is month m
WEEKDAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]

# What the government and Parliament talk about: (subject, project, sector).
TOPICS = (
    ("digitale infrastructuur", "Slimme Regio", "lokale besturen"),
    ("artificiële intelligentie", "Vlaamse AI Academie", "onderzoekscentra"),
    ("cybersecurity", "Cyberweerbaarheid", "kmo's"),
    ("slimme mobiliteit", "Mobilidata", "vervoerregio's"),
    ("digitale competenties", "Digisprong", "scholen"),
    ("open data", "Datanutsbedrijf", "steden en gemeenten"),
    ("renovatie van woningen", "Mijn VerbouwPremie", "sociale huisvestingsmaatschappijen"),
    ("stadsbossen", "Natuur in je Buurt", "natuurverenigingen"),
    ("energiebesparing", "Energiehuizen", "gezinnen"),
    ("eerstelijnszorg", "Zorgzame Buurten", "eerstelijnszones"),
    ("inburgering", "Samenleven in Diversiteit", "integratiediensten"),
    ("cultuurparticipatie", "Cultuur Digitaal", "cultuurhuizen"),
    ("fietsinfrastructuur", "Fietsbeleidsplan", "provincies"),
    ("waterbeheer", "Blue Deal", "landbouwers"),
    ("kinderopvang", "Groeipakket", "opvanginitiatieven"),
    ("levenslang leren", "Vlaamse Opleidingsincentives", "werkzoekenden"),
)
OPENERS = (
    "Werk maken van",
    "Inzetten op",
    "Versterken van",
    "Een toekomstgericht beleid voor",
    "Investeren in",
    "Naar een duurzaam beleid rond",
    "Vernieuwen van",
    "Een slagkrachtig beleid voor",
)
QUALIFIERS = (
    "in heel Vlaanderen",
    "voor iedereen",
    "met oog voor de lokale noden",
    "als hefboom voor de economie",
    "in samenwerking met de partners",
    "dicht bij de burger",
    "met meetbare doelen",
    "zonder bijkomende planlast",
    "met een gebiedsgerichte aanpak",
)
CHAPTERS = (
    "Een welvarend Vlaanderen",
    "Een warm Vlaanderen",
    "Een groen Vlaanderen",
    "Een slimme overheid",
    "Een lerend Vlaanderen",
    "Een verbonden Vlaanderen",
    "Een veilig Vlaanderen",
    "Een zorgzaam Vlaanderen",
    "Een ondernemend Vlaanderen",
)
SUBCHAPTERS = (
    "Economie",
    "Welzijn",
    "Omgeving",
    "Bestuurszaken",
    "Onderwijs",
    "Mobiliteit",
    "Wonen",
    "Cultuur",
    "Werk",
)
FIRST_NAMES = [
    "An",
    "Bart",
    "Carine",
    "Dirk",
    "Els",
    "Frank",
    "Greet",
    "Hilde",
    "Jan",
    "Karin",
    "Koen",
    "Lies",
    "Marc",
    "Nele",
    "Pieter",
    "Ria",
    "Sofie",
    "Tom",
    "Veerle",
    "Wim",
    "Joke",
    "Stijn",
    "Annick",
    "Geert",
]
LAST_NAMES = [
    "Peeters",
    "Janssens",
    "Maes",
    "Jacobs",
    "Mertens",
    "Willems",
    "Claes",
    "Goossens",
    "Wouters",
    "De",
    "Smet",
    "Dubois",
    "Hermans",
    "Aerts",
    "Lambrechts",
    "Vermeulen",
    "Michiels",
    "Desmet",
    "Verstraete",
    "Coppens",
    "Van",
    "Damme",
]
PORTFOLIOS = (
    "Economie, Innovatie, Werk en Landbouw",
    "Welzijn, Volksgezondheid en Gezin",
    "Omgeving, Energie en Klimaat",
    "Mobiliteit en Openbare Werken",
    "Onderwijs, Sport en Dierenwelzijn",
    "Financiën en Begroting, Wonen en Onroerend Erfgoed",
    "Binnenlands Bestuur, Bestuurszaken, Inburgering en Gelijke Kansen",
    "Buitenlandse Zaken, Cultuur, Digitalisering en Facilitair Management",
)
STRATEGY_WORDS = (
    ("Vlaamse", "Lokale", "Gedeelde", "Nieuwe", "Brede", "Regionale", "Tweede", "Open"),
    ("Digitale", "Groene", "Sociale", "Slimme", "Duurzame", "Veilige", "Lerende", "Gezonde"),
    ("Data", "Klimaat", "Mobiliteits", "Zorg", "Onderwijs", "Water", "Cultuur", "Energie"),
)
AXES = ("burger", "onderneming", "overheid", "infrastructuur")
CITIES = [
    "Antwerpen",
    "Gent",
    "Brugge",
    "Leuven",
    "Hasselt",
    "Mechelen",
    "Kortrijk",
    "Aalst",
    "Genk",
    "Roeselare",
]


def dutch_date(d: date, weekday: bool = False) -> str:
    text = f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    return f"{WEEKDAYS[d.weekday()]} {text}" if weekday else text


def amount_text(rnd: random.Random) -> str:
    """A euro amount in one of the notations the texts use."""
    value = rnd.randrange(2, 400) * 25_000
    millions, rest = divmod(value, 1_000_000)
    style = rnd.randrange(6)
    if style == 0 and millions and not rest:
        return f"{millions} miljoen euro"
    if style == 1 and millions:
        return f"{value / 1_000_000:.2f}".rstrip("0").rstrip(".").replace(".", ",") + (
            " miljoen euro"
        )
    if style == 2:
        return f"{value:,} euro".replace(",", ".")
    if style == 3:
        return f"EUR {value:,}".replace(",", ".")
    if style == 4:
        return f"{value:,} euro".replace(",", " ")
    return f"€ {value:,}".replace(",", ".")


@dataclass(frozen=True)
class Person:
    first: str
    last: str
    portfolio: str

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"


@dataclass(frozen=True)
class Decision:
    """One decision of the government at one meeting."""

    meeting: date
    kaleidos: str  # the Kaleidos id of its document (stuk)
    kind: str  # "nota" | "mededeling"
    title: str
    summary: str
    minister: Person


@dataclass(frozen=True)
class Section:
    period: str
    number: str
    title: str
    text: str


@dataclass
class Legislature:
    period: str
    start: int
    end: int
    ministers: list[Person]
    meetings: list[date]
    decisions: dict[date, list[Decision]] = field(default_factory=dict)
    sections: list[Section] = field(default_factory=list)
    chapters: dict[str, str] = field(default_factory=dict)  # "2" / "2.3" → title


class World:
    """The decisions, sections and people the documents of one corpus speak of."""

    def __init__(self, seed: int, size: int) -> None:
        self.rnd = random.Random(seed)
        self.legislatures = [self._legislature(s, e, size) for s, e in LEGISLATURES]
        self._titles: set[str] = set()
        self._hot: dict[str, list[Decision]] = {}

    def _legislature(self, start: int, end: int, size: int) -> Legislature:
        rnd = self.rnd
        first = date(start, 10, 1)
        first += timedelta(days=(4 - first.weekday()) % 7)  # the first Friday in office
        meetings = []
        day = first
        while day < date(end, 10, 1) - timedelta(days=14):
            if day.month != 8:  # no meetings in August
                meetings.append(day)
            day += timedelta(days=7)
        names = rnd.sample([(f, ln) for f in FIRST_NAMES for ln in LAST_NAMES], len(PORTFOLIOS))
        ministers = [Person(f, ln, p) for (f, ln), p in zip(names, PORTFOLIOS, strict=True)]
        leg = Legislature(f"{start}-{end}", start, end, ministers, meetings)
        for c, chapter in enumerate(CHAPTERS, 1):
            leg.chapters[str(c)] = chapter
            for s, sub in enumerate(SUBCHAPTERS, 1):
                leg.chapters[f"{c}.{s}"] = sub
        return leg

    # ------------------------------------------------------------------ sections

    def section_title(self, leg: Legislature, number: str) -> str:
        """A unique, lower-case section title (so the quoted text splits off cleanly)."""
        rnd = random.Random(f"{leg.period}/{number}")
        while True:
            subject = rnd.choice(TOPICS)[0]
            title = f"{rnd.choice(OPENERS)} {subject} {rnd.choice(QUALIFIERS)}"
            if title not in self._titles:
                self._titles.add(title)
                return title
            title = f"{title} en {rnd.choice(TOPICS)[0]}"
            if title not in self._titles:
                self._titles.add(title)
                return title

    def new_section(self, leg: Legislature) -> Section:
        taken = {s.number for s in leg.sections}
        while True:
            c, s, k = (self.rnd.randrange(1, 10) for _ in range(3))
            number = f"{c}.{s}.{k}"
            if number not in taken:
                break
        title = self.section_title(leg, number)
        subject = next(t for t in TOPICS if t[0] in title)
        text = (
            f"We zetten de komende jaren sterk in op {subject[0]}. Samen met de "
            f"{subject[2]} werken we een plan uit met duidelijke doelen en een tijdpad. "
            f"Het project {subject[1]} zetten we verder en breiden we uit. We volgen de "
            f"uitvoering jaarlijks op en rapporteren erover aan het Vlaams Parlement."
        )
        section = Section(leg.period, number, title, text)
        leg.sections.append(section)
        return section

    # ------------------------------------------------------------------ decisions

    def decision(self, leg: Legislature, meeting: date) -> Decision:
        rnd = self.rnd
        subject, project, sector = rnd.choice(TOPICS)
        n = len(leg.decisions.get(meeting, [])) + 1
        kind = "mededeling" if rnd.random() < 0.15 else "nota"
        shapes = (
            f"{project}: subsidie voor {sector} werkjaar {meeting.year + rnd.randrange(2)}",
            f"Plan Vlaamse Veerkracht: {subject} bij {sector} (dossier {rnd.randrange(10, 99)})",
            f"Beleidsplan {subject}: programma {project} {meeting.year}-{n}",
            f"{project}: oproep voor projecten rond {subject} in {rnd.choice(CITIES)}",
        )
        title = rnd.choice(shapes)
        amount = amount_text(rnd)
        summary = (
            f"De Vlaamse Regering kent {amount} toe voor {subject} bij {sector}. "
            f"Het project {project} wordt zo verder uitgerold en jaarlijks opgevolgd."
        )
        if rnd.random() < 0.3:
            summary += f" Daarnaast gaat {amount_text(rnd)} naar de begeleiding."
        ident = "".join(rnd.choice("0123456789ABCDEF") for _ in range(24))
        found = Decision(meeting, ident, kind, title, summary, rnd.choice(leg.ministers))
        leg.decisions.setdefault(meeting, []).append(found)
        return found

    def cited(self, leg: Legislature, count: int) -> list[Decision]:
        """Decisions an evaluation cites: some popular ones (cited by many reports), some
        cited before by other reports, the rest new."""
        rnd = self.rnd
        hot = self._hot.setdefault(leg.period, [])
        while len(hot) < 6:
            hot.append(self.decision(leg, rnd.choice(leg.meetings)))
        known = [d for ds in leg.decisions.values() for d in ds]
        out: dict[str, Decision] = {}
        while len(out) < count:
            draw = rnd.random()
            if draw < 0.15:
                pick = rnd.choice(hot)
            elif draw < 0.45 and known:
                pick = rnd.choice(known)
            else:
                pick = self.decision(leg, rnd.choice(leg.meetings))
            out[pick.kaleidos] = pick
        return sorted(out.values(), key=lambda d: d.meeting)
