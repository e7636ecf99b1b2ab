"""The documents of the benchmark corpus, one function per kind, in the real layouts of
the samples and fixtures (see :mod:`corpus`)."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date
from urllib.parse import quote

from corpus_world import (
    AXES,
    CITIES,
    FIRST_NAMES,
    LAST_NAMES,
    OPENERS,
    STRATEGY_WORDS,
    TOPICS,
    Decision,
    Legislature,
    World,
    amount_text,
    dutch_date,
)


def _cites(numbers: list[int]) -> str:
    return "".join(f"\\[{k}\\]" for k in numbers)


def _search_url(d: Decision) -> str:
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
            lines.append(
                f"{k}. tegen {year + k} werk te maken van {topic[0]} in {rnd.choice(CITIES)}{end}"
            )
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
        lines.append(
            f"{k}° een actieplan op te stellen voor {topic[0]} in {rnd.choice(CITIES)}{end}"
        )
    return "\n".join(lines) + "\n"


def note(world: World, leg: Legislature, index: int) -> str:
    """A note (nota) to the government proposing one decision of a meeting, by subject."""
    rnd = world.rnd
    meeting = rnd.choice(leg.meetings)
    d = (
        world.decision(leg, meeting)
        if rnd.random() < 0.5 or not leg.decisions
        else rnd.choice([x for ds in leg.decisions.values() for x in ds])
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
