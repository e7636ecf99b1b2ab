"""A corpus of N distinct, realistic policy documents of every kind, deterministic by seed.

    .venv/bin/python benchmarks/corpus.py N DIR [--seed 1]

Writes N ``.txt`` files into DIR. The documents are variants of the samples and fixtures
(``data/samples/``, ``tests/fixtures/``) in their real layouts: evaluation reports in both
export layouts (A, with the quoted agreement section and linked references, and B, with
Kaleidos file names and full texts) in pairs, coalition-agreement chapters, strategies,
resolutions and motions of the Parliament, notes and communications to the government,
and the government's decision lists. What varies: section numbers and titles, dates over
four legislatures (2004-2024), titles, Kaleidos ids, stuk numbers, ministers, amounts in
every notation the texts use, and how many themes, findings, references, items and
clauses a document has.

Documents share what real ones share, from one model of the world built from the seed:

- the decisions of the government, met on Fridays: several evaluation reports cite some
  of the same decisions (a few popular ones by many), the decision list of a meeting lists
  the decisions taken there, and a note to the government names its decision by subject;
- every evaluation of a legislature quotes a section of the same agreement (and so its
  chapter), and the agreement's chapters are documents of their own;
- ministers (people, mandates) sign notes and propose decisions across documents;
- a communication names the agreement section it implements by its title.

The same generator feeds ``tests/test_corpus.py`` and ``benchmarks/ingest_bench.py``.
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

LEGISLATURES = ((2004, 2009), (2009, 2014), (2014, 2019), (2019, 2024))
MONTHS = (
    "januari februari maart april mei juni juli augustus september oktober november december"
).split()
WEEKDAYS = "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag".split()

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
FIRST_NAMES = (
    "An Bart Carine Dirk Els Frank Greet Hilde Jan Karin Koen Lies Marc Nele Pieter Ria "
    "Sofie Tom Veerle Wim Joke Stijn Annick Geert"
).split()
LAST_NAMES = (
    "Peeters Janssens Maes Jacobs Mertens Willems Claes Goossens Wouters De Smet Dubois "
    "Hermans Aerts Lambrechts Vermeulen Michiels Desmet Verstraete Coppens Van Damme"
).split(" ")
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
CITIES = "Antwerpen Gent Brugge Leuven Hasselt Mechelen Kortrijk Aalst Genk Roeselare".split()


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


# ---------------------------------------------------------------------------- documents


def _cites(numbers: list[int]) -> str:
    return "".join(f"\\[{k}\\]" for k in numbers)


def _search_url(d: Decision) -> str:
    from urllib.parse import quote

    when = f"{d.meeting.isoformat()}T08%3A00%3A00Z"
    return (
        "https://beslissingenvlaamseregering.vlaanderen.be/?search="
        f"{quote(d.title, safe='')}&dateOption=select&startDate={when}&endDate={when}"
    )


@dataclass(frozen=True)
class Finding:
    theme: str
    bullets: tuple[tuple[str, tuple[int, ...]], ...]


def evaluation_pair(world: World, leg: Legislature, index: int) -> tuple[str, str]:
    """The two exports (A, B) of one evaluation report of a fresh agreement section."""
    rnd = world.rnd
    section = world.new_section(leg)
    decisions = world.cited(leg, rnd.randrange(6, 31))
    subject = next(t for t in TOPICS if t[0] in section.title)
    verdict = rnd.choice(
        ("grotendeels nagekomen", "deels nagekomen", "niet nagekomen", "volledig nagekomen")
    )
    summary = (
        f"De beloften uit het regeerakkoord over {subject[0]} zijn {verdict} door de "
        f"Vlaamse Regering (rapport {index}). De beslissingen tonen investeringen bij "
        f"{subject[2]} en een verdere uitrol van {subject[1]}, al kunnen niet alle details "
        "uit de verstrekte documenten worden gehaald."
    )
    numbers = list(range(len(decisions)))
    findings = []
    for t in range(rnd.randrange(3, 8)):
        bullets = []
        for b in range(rnd.randrange(1, 4)):
            refs = tuple(sorted(rnd.sample(numbers, min(len(numbers), rnd.randrange(1, 4)))))
            bullets.append(
                (
                    f"Maatregel {t + 1}.{b + 1} rond **{subject[1]}** werd uitgevoerd met "
                    f"middelen voor {subject[2]} in {rnd.choice(CITIES)} {_cites(list(refs))}.",
                    refs,
                )
            )
        findings.append(Finding(f"{rnd.choice(OPENERS)} {subject[0]} ({t + 1})", tuple(bullets)))
    conclusion = (
        f"**Conclusie**: Er zijn stappen gezet voor {subject[0]}, maar de impact op het "
        "terrein moet nog blijken."
    )
    body: list[str] = []
    for f in findings:
        body += [f"### {f.theme}"] + [f"- {text}" for text, _ in f.bullets] + [""]
    body += [
        "### Algemene Bevindingen",
        f"De regering volgt het thema op {_cites(numbers[:2])}, maar niet alle doelen "
        "zijn gehaald.",
        "",
        conclusion,
        "",
    ]
    export_a = [
        f"# {section.title}",
        "",
        "<details>",
        "        <summary>Regeerakkoord Sectie </summary>",
        f"        <p>{section.number} {section.title} {section.text} </p>",
        "        </details> ",
        "",
        "Samenvatting",
        summary,
        "",
        *body,
        "<details>",
        "        <summary> Referenties</summary>",
        "        ",
    ]
    for k, d in enumerate(decisions):
        if rnd.random() < 0.08:  # a bare date, as real exports have
            export_a += [f"**[\\[{k}\\]]** : **({d.meeting.isoformat()})**  ", ""]
        else:
            export_a += [
                f"**[\\[{k}\\]]({_search_url(d)})** : **({d.meeting.isoformat()})** {d.title} ",
                "",
            ]
    export_a.append("        </details> ")
    export_b = [
        f"# Evaluatie van de Vlaamse Regering: {subject[0]} ({leg.period}, {index})",
        "",
    ]
    if rnd.random() < 0.3:  # some B exports quote the section too
        export_b += [
            "<details>",
            "  <summary>Regeerakkoord Sectie</summary>",
            f"  <p>{section.number} {section.title} {section.text}</p>",
            "</details>",
            "",
        ]
    export_b += ["## Samenvatting", summary, "", *body, "## Referenties (s3 files)", ""]
    for k, d in enumerate(decisions):
        day = d.meeting
        export_b.append(
            f"\\[{k}\\]: clean/{day.year}/{day.month:02d}/{day.isoformat()}-{d.kind}-"
            f"{d.kaleidos}.txt"
        )
    export_b += ["", "", "## Referenties (full text)", ""]
    for k, d in enumerate(decisions):
        export_b += [
            f"\\[{k}\\]: {d.title} Ontwerpbesluit van de Vlaamse Regering over "
            f"{d.title.split(':')[0].lower()}  {d.summary}",
            "",
        ]
    return "\n".join(export_a) + "\n", "\n".join(export_b) + "\n"


def decision_list(world: World, leg: Legislature, meeting: date) -> str:
    """The decisions of one meeting, in one of the layouts the government publishes."""
    rnd = world.rnd
    items = list(leg.decisions.get(meeting, []))
    for _ in range(rnd.randrange(1, 4)):  # decisions no report cites
        items.append(world.decision(leg, meeting))
    style = rnd.randrange(3)
    lines: list[str]
    if style == 0:
        lines = ["# Beslissingen van de Vlaamse Regering", ""]
        lines += [f"Vergadering van {dutch_date(meeting, weekday=True)}", ""]
        for d in items:
            lines += [f"## {d.title}", "", _proposer(d), "", d.summary, ""]
    elif style == 1:
        lines = [
            "KORTBESTEK VAN DE VERGADERING VAN DE VLAAMSE REGERING",
            f"VAN {dutch_date(meeting, weekday=True).upper()}",
            "",
        ]
        for n, d in enumerate(items, 1):
            lines += [f"{n}. {d.title}", "", _proposer(d), "", d.summary, ""]
    else:
        lines = ["PERSBERICHT VLAAMSE REGERING", "", f"Brussel, {dutch_date(meeting)}", ""]
        for d in items:
            lines += [f"**{d.title}**", "", _proposer(d), "", d.summary, ""]
    return "\n".join(lines)


def _proposer(d: Decision) -> str:
    m = d.minister
    return f"Op voorstel van Vlaams minister van {m.portfolio} {m.name}"


def agreement_chapter(world: World, leg: Legislature, chapter: str) -> str:
    """One chapter of a coalition agreement: its subchapters and numbered sections."""
    rnd = world.rnd
    lines = [f"Vlaams Regeerakkoord {leg.period}", "", f"{chapter} {leg.chapters[chapter]}", ""]
    quoted = [s for s in leg.sections if s.number.split(".")[0] == chapter]
    own = {s.number for s in quoted}
    for _ in range(rnd.randrange(1, 4)):  # sections no report evaluates (yet)
        section = world.new_section(leg)
        if section.number.split(".")[0] == chapter:
            quoted.append(section)
        else:
            leg.sections.remove(section)
    quoted = sorted({s.number: s for s in quoted}.values(), key=lambda s: s.number)
    sub = None
    for s in quoted:
        c, k = s.number.rsplit(".", 1)[0], s.number
        if c != sub:
            sub = c
            lines += [f"{c} {leg.chapters[c]}", ""]
            lines += [
                f"Binnen {leg.chapters[c].lower()} kiezen we voor een beleid dat werkt "
                "en dat meetbaar is.",
                "",
            ]
        lines += [f"{k} {s.title}", "", s.text, ""]
        if k not in own and rnd.random() < 0.5:
            lines += ["We nemen daarvoor de volgende stappen:", "1. een plan van aanpak;"]
            lines += ["2. een jaarlijkse opvolging.", ""]
    return "\n".join(lines)


def strategy(world: World, index: int) -> str:
    rnd = world.rnd
    a, b, c = STRATEGY_WORDS
    name = f"{a[index % 8]} {b[index // 8 % 8]} {c[index // 64 % 8]} Strategie"
    count = rnd.randrange(2, 5)
    topics = rnd.sample(TOPICS, count)
    actions = [rnd.randrange(1, 4) for _ in topics]
    lines = [
        "1 INLEIDING",
        "",
        f"Deze {name} telt {count} speerpunten en {sum(actions)} actiepunten. Ze versterkt "
        f"Vlaanderen op 4 assen: {', '.join(AXES[:3])} en {AXES[3]}.",
        "",
        "2 STRATEGIE",
        "",
        "In dit hoofdstuk beschrijven we de speerpunten van de strategie.",
        "",
        "2.1 DE SPEERPUNTEN",
        "",
    ]
    for n, (topic, acts) in enumerate(zip(topics, actions, strict=True), 1):
        head = f"2.1.{n}"
        lines += [f"{head} {topic[0].upper()} VOOR IEDEREEN", "", f"{head}.1 Ambities", ""]
        lines += [f"D Vlaanderen zet in op {topic[0]} samen met {topic[2]}.", ""]
        lines += [f"{head}.2 Een schets van de uitdagingen: {topic[0]} blijft achter", ""]
        lines += [
            f"Een deel van de {topic[2]} heeft onvoldoende middelen om mee te gaan met "
            f"{topic[0]}, en die groep wordt niet vanzelf kleiner.",
            "",
        ]
        lines += [f"{head}.3 Enkele lopende initiatieven", "", f"{topic[1]}  Netwerk {n}", ""]
        lines += [f"{head}.4 {topic[0].capitalize()}: hiermee willen we het verschil maken", ""]
        for k in range(acts):
            lines += [
                f"We ontwikkelen een actieplan voor {topic[0]} in {rnd.choice(CITIES)} ({k + 1})",
                "",
                f"Vlaanderen maakt werk van een overkoepelend actieplan met {topic[2]}, "
                f"met een budget van {amount_text(rnd)}.",
                "",
            ]
    lines += [
        "3 OPVOLGING",
        "",
        "De Vlaamse Regering volgt de uitvoering van deze strategie jaarlijks op en "
        "rapporteert erover aan het Vlaams Parlement.",
        "",
    ]
    return "\n".join(lines)


def _members(rnd: random.Random, count: int) -> str:
    people = [
        (rnd.choice(("de heer", "mevrouw")), f"{rnd.choice(FIRST_NAMES)} {rnd.choice(LAST_NAMES)}")
        for _ in range(count)
    ]
    if len(people) == 1:
        return f"{people[0][0]} {people[0][1]}"
    head = ", ".join(f"{t} {n}" for t, n in people[:-1])
    return f"{head} en {people[-1][0]} {people[-1][1]}"


def resolution(world: World, leg: Legislature, index: int) -> str:
    rnd = world.rnd
    year = rnd.randrange(leg.start + 1, leg.end)
    day = date(year, rnd.randrange(1, 13), rnd.randrange(1, 29))
    session = f"{year - 1}-{year}" if day.month < 10 else f"{year}-{year + 1}"
    short = f"{session[:4]}-{session[7:]}"
    topic = rnd.choice(TOPICS)
    lines = [
        f"Stuk {1000 + index} ({short}) – Nr. {rnd.randrange(2, 9)}",
        "",
        f"Zitting {session}",
        "",
        dutch_date(day),
        "",
        "Voorstel van resolutie",
        "",
        f"van {_members(rnd, rnd.randrange(1, 4))}",
        "",
        f"betreffende {topic[0]} bij {topic[2]} ({index})",
        "",
        "Tekst aangenomen door de plenaire vergadering",
        "",
        "Het Vlaams Parlement,",
        "",
        f"– gelet op het beleidsplan {topic[1]} van {year - 2};",
        "",
        "– overwegende dat:",
    ]
    for k in range(1, rnd.randrange(2, 6)):
        lines.append(f"{k}. de {topic[2]} in {rnd.choice(CITIES)} nood hebben aan {topic[0]};")
    lines += ["", "– vraagt de Vlaamse Regering om:"]
    asks = rnd.randrange(2, 7)
    for k in range(1, asks + 1):
        end = "." if k == asks else ";"
        if rnd.random() < 0.3:
            lines += [f"{k}. een programma voor {topic[0]} op te zetten met:"]
            lines += [f"• een jaarlijks budget van {amount_text(rnd)};", "• een publiek dashboard;"]
            lines[-1] = lines[-1][:-1] + end
        else:
            lines.append(f"{k}. tegen {year + k} werk te maken van {topic[0]} in {rnd.choice(CITIES)}{end}")
    chair = f"{rnd.choice(FIRST_NAMES)} {rnd.choice(LAST_NAMES)}"
    lines += ["", f"Brussel, {dutch_date(day)}", "", "De voorzitter,", chair]
    return "\n".join(lines) + "\n"


def motion(world: World, leg: Legislature, index: int) -> str:
    rnd = world.rnd
    year = rnd.randrange(leg.start + 1, leg.end)
    day = date(year, rnd.randrange(1, 13), rnd.randrange(1, 29))
    session = f"{year - 1}-{year}" if day.month < 10 else f"{year}-{year + 1}"
    minister = rnd.choice(leg.ministers)
    topic = rnd.choice(TOPICS)
    asker = f"{rnd.choice(FIRST_NAMES)} {rnd.choice(LAST_NAMES)}"
    lines = [
        f"Stuk {3000 + index} ({session}) – Nr. 2",
        f"Zitting {session}",
        dutch_date(day),
        "",
        "Motie van aanbeveling",
        f"van {_members(rnd, 2)}",
        f"tot besluit van de interpellatie van mevrouw {asker} tot de Vlaamse",
        f"minister van {minister.portfolio} over {topic[0]} bij {topic[2]} ({index})",
        "",
        f"ingediend op {dutch_date(day)}",
        "",
        "Het Vlaams Parlement,",
        "",
        f"– gehoord de interpellatie van mevrouw {asker} tot de Vlaamse minister",
        f"van {minister.portfolio} over {topic[0]};",
        "",
        "– gehoord het antwoord van de minister;",
        "",
        f"– stelt vast dat nog maar een derde van de {topic[2]} bereikt is;",
        "",
        "– vraagt de Vlaamse Regering:",
    ]
    asks = rnd.randrange(2, 5)
    for k in range(1, asks + 1):
        end = "." if k == asks else ";"
        lines.append(f"{k}° een actieplan op te stellen voor {topic[0]} in {rnd.choice(CITIES)}{end}")
    return "\n".join(lines) + "\n"


def note(world: World, leg: Legislature, index: int) -> str:
    """A note (nota) to the government proposing one decision of a meeting, by subject."""
    rnd = world.rnd
    meeting = rnd.choice(leg.meetings)
    d = world.decision(leg, meeting) if rnd.random() < 0.5 or not leg.decisions else rnd.choice(
        [x for ds in leg.decisions.values() for x in ds]
    )
    m = d.minister
    topic = next((t for t in TOPICS if t[1] in d.title or t[0] in d.title), TOPICS[0])
    footnote = ""
    lines = [
        "VLAAMSE REGERING",
        "",
        f"DE VLAAMSE MINISTER VAN {m.portfolio.upper()}",
        "",
        f"VR {d.meeting.year} {d.meeting.day:02d}{d.meeting.month:02d} DOC.{index % 10000:04d}",
        "",
        "NOTA AAN DE VLAAMSE REGERING",
        "",
        f"Betreft: {d.title}",
        "",
        "## 1. SITUERING",
        "",
    ]
    evaluated = [s for s in leg.sections]
    if evaluated and rnd.random() < 0.5:
        s = rnd.choice(evaluated)
        lines.append(
            f"Het Vlaams regeerakkoord vraagt om in te zetten op {topic[0]}<sup>1</sup>. "
            "Dit ontwerp geeft daar uitvoering aan."
        )
        footnote = f'<sup>1</sup> Uit het deel "{s.title}", p.{rnd.randrange(10, 200)}'
    else:
        lines.append(f"Het Vlaams regeerakkoord vraagt om in te zetten op {topic[0]}.")
    lines += ["", footnote, ""] if footnote else [""]
    lines += ["## 2. INHOUD", "", d.summary, ""]
    steps = rnd.randrange(2, 5)
    lines += [f"Het ontwerp regelt {steps} zaken:", ""]
    for k in range(1, steps + 1):
        lines.append(f"{k}. de ondersteuning van {topic[2]} in {rnd.choice(CITIES)};")
    lines += ["", "## 3. BEGROTINGSIMPACT", "", f"Het ontwerp kost {amount_text(rnd)}.", ""]
    lines += ["## 4. VOORSTEL VAN BESLISSING", "", "De Vlaamse Regering beslist:", ""]
    lines += [f"1. Het ontwerp over {topic[0]} wordt principieel goedgekeurd.", ""]
    lines += [f"2. De Vlaamse minister van {m.portfolio} wordt belast met de uitvoering.", ""]
    lines += [f"De Vlaamse minister van {m.portfolio},", "", f"{m.first} {m.last.upper()}", ""]
    return "\n".join(lines)


def communication(world: World, leg: Legislature, index: int) -> str:
    """A communication (mededeling) of one to three ministers about a section's subject."""
    rnd = world.rnd
    ministers = rnd.sample(leg.ministers, rnd.randrange(1, 4))
    topic = rnd.choice(TOPICS)
    section = rnd.choice(leg.sections) if leg.sections else None
    lines = [f"VLAAMS MINISTER VAN {m.portfolio.upper()}  " for m in ministers]
    lines += ["", "# MEDEDELING AAN DE VLAAMSE REGERING", ""]
    lines += [f"**Betreft:     {topic[1]}: stand van zaken {index}**", ""]
    lines += [
        "## Samenvatting",
        "",
        f"Deze mededeling geeft duiding bij de aanpak van {topic[0]} bij {topic[2]} en de "
        "rolverdeling tussen de betrokken administraties.",
        "",
        "## 1. REGEERAKKOORD",
        "",
    ]
    if section is not None:
        lines += [
            f"Het Vlaams regeerakkoord schuift een duidelijke ambitie naar voor op vlak van "
            f"{topic[0]}<sup>1</sup>.",
            "",
            f'<sup>1</sup> Uit het deel "{section.title}", p.{rnd.randrange(10, 200)}',
            "",
        ]
    else:
        lines += [f"Het Vlaams regeerakkoord schuift een ambitie naar voor over {topic[0]}.", ""]
    lines += ["## 2. ACHTERGROND", ""]
    for k in range(rnd.randrange(1, 4)):
        lines += [
            f"In {rnd.choice(CITIES)} loopt sinds {leg.start + k + 1} een proefproject rond "
            f"{topic[0]} met een budget van {amount_text(rnd)}.",
            "",
        ]
    lines += ["## 3. AANPAK", ""]
    for k in range(rnd.randrange(2, 5)):
        lines.append(f"- Actie {k + 1}: {topic[1]} uitbreiden naar {rnd.choice(CITIES)}.")
    lines += ["", "## 4. VOORSTEL VAN BESLISSING", ""]
    lines += ["De Vlaamse Regering neemt kennis van deze mededeling.", ""]
    for m in ministers:
        lines += [f"De Vlaamse minister van {m.portfolio},", "", f"{m.first} {m.last.upper()}", ""]
    return "\n".join(lines)


# ---------------------------------------------------------------------------- the corpus

# One round of the mix (25 documents), in the proportions of a real archive: mostly notes
# to the government (one behind most decisions), evaluation reports in pairs, the decision
# lists of meetings, communications, Parliament texts, and now and then a strategy or a
# chapter of an agreement. Every kind comes up in the first ten documents.
MIX = (
    "evaluatie",
    "beslissingenlijst",
    "nota",
    "mededeling",
    "resolutie",
    "motie",
    "strategie",
    "regeerakkoord",
    "nota",
    "evaluatie",
    "nota",
    "mededeling",
    "nota",
    "beslissingenlijst",
    "nota",
    "evaluatie",
    "nota",
    "resolutie",
    "nota",
    "mededeling",
    "nota",
    "nota",
)
SECTIONS_PER_LEGISLATURE = 600  # of the 729 numbers c.s.k, so a fresh one is quick to find
STRATEGIES = 512  # distinct strategy names


def generate(count: int, seed: int = 1) -> Iterator[tuple[str, str]]:
    """(file name, text) of ``count`` distinct documents, every kind among the first ten.

    Documents come in a fixed order for a seed: a later document may cite decisions and
    sections an earlier one introduced, as a real archive grows."""
    world = World(seed, count)
    rnd = world.rnd
    made = 0
    index = 0
    lists: set[date] = set()
    strategies = 0
    chapters: set[tuple[str, str]] = set()
    pending: list[tuple[str, str]] = []
    while made < count:
        if pending:
            yield pending.pop(0)
            made += 1
            continue
        kind = MIX[index % len(MIX)]
        index += 1
        leg = world.legislatures[rnd.randrange(len(world.legislatures))]
        if kind == "evaluatie" and len(leg.sections) >= SECTIONS_PER_LEGISLATURE:
            open_legs = [x for x in world.legislatures if len(x.sections) < SECTIONS_PER_LEGISLATURE]
            if not open_legs:
                kind = "nota"
            else:
                leg = rnd.choice(open_legs)
        if kind == "beslissingenlijst" and all(m in lists for m in leg.meetings):
            kind = "nota"
        if kind == "strategie" and strategies >= STRATEGIES:
            kind = "nota"
        if kind == "evaluatie":
            a, b = evaluation_pair(world, leg, index)
            key = f"{leg.period}-{leg.sections[-1].number}-{index:05d}"
            pending = [(f"evaluatie-{key}-export-a.txt", a), (f"evaluatie-{key}-export-b.txt", b)]
            continue
        if kind == "beslissingenlijst":
            open_days = [m for m in leg.meetings if m in leg.decisions and m not in lists]
            day = rnd.choice(open_days or [m for m in leg.meetings if m not in lists])
            lists.add(day)
            yield f"beslissingen-{day.isoformat()}-{index:05d}.txt", decision_list(world, leg, day)
        elif kind == "regeerakkoord":
            free = [c for c in map(str, range(1, 10)) if (leg.period, c) not in chapters]
            if not free:
                continue
            chapter = min(free, key=lambda c: (-sum(s.number[0] == c for s in leg.sections), c))
            chapters.add((leg.period, chapter))
            name = f"regeerakkoord-{leg.period}-hoofdstuk-{chapter}-{index:05d}.txt"
            yield name, agreement_chapter(world, leg, chapter)
        elif kind == "strategie":
            yield f"strategie-{index:05d}.txt", strategy(world, strategies)
            strategies += 1
        elif kind == "resolutie":
            yield f"resolutie-{leg.period}-{index:05d}.txt", resolution(world, leg, index)
        elif kind == "motie":
            yield f"motie-{leg.period}-{index:05d}.txt", motion(world, leg, index)
        elif kind == "nota":
            yield f"nota-{leg.period}-{index:05d}.txt", note(world, leg, index)
        else:
            yield f"mededeling-{leg.period}-{index:05d}.txt", communication(world, leg, index)
        made += 1


def write(folder: Path, count: int, seed: int = 1) -> list[Path]:
    """Write the corpus as ``.txt`` files into ``folder``; their paths, in corpus order."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for name, text in generate(count, seed):
        path = folder / name
        path.write_text(text, encoding="utf-8")
        out.append(path)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", type=int)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    paths = write(args.folder, args.count, args.seed)
    print(f"{len(paths)} documents in {args.folder}")


if __name__ == "__main__":
    main()
