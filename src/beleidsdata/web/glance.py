"""What a reader should see at a glance: how far a promise was kept, what was decided over
time and with how much money.

- :func:`status_badge`: the realisation level an evaluation gives a section (the report's
  own words as a concept), or "not evaluated";
- :func:`figures`: decisions and amounts per year and a total that counts each decision
  once, at the largest amount its summary names (:data:`TOTAL_RULE` in the words of the
  page), since a summary may also name a yearly budget or an earlier tranche;
- :func:`chart`: those figures as an SVG drawn on the server (no script), which the page
  shows beside the same numbers as a table for screen readers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from html import escape
from typing import Any

from ..sources.evaluation.status import STATUS_VALUES
from .document import euro
from .i18n import Translator
from .labels import iri_label

STATUS_ROOT = "https://w3id.org/beleidsdata/concept/realisatiestatus/"
# The realisation levels from kept to not kept (vocab/concepten.ttl), for the badge colour.
LEVELS = STATUS_VALUES


def status_badge(statuses: list[str], lang: str) -> dict[str, str]:
    """The badge of a thing judged by evaluations with these status IRIs (or codes):
    the level they give (the lowest, when they disagree), or "not evaluated"."""
    codes = sorted(
        {s.rsplit("/", 1)[-1] for s in statuses if s},
        key=lambda c: LEVELS.index(c) if c in LEVELS else len(LEVELS),
    )
    if not codes:
        return {"code": "niet-geevalueerd", "label": Translator(lang)("not_evaluated")}
    code = codes[-1]
    return {"code": code, "label": iri_label(STATUS_ROOT + code, lang) or code}


@dataclass
class Year:
    year: str
    decisions: int = 0
    amount: Decimal = Decimal(0)
    with_amount: int = 0


@dataclass
class Figures:
    """Decisions per year and the total, each decision counted once."""

    years: list[Year] = field(default_factory=list)
    total: Decimal = Decimal(0)
    counted: int = 0  # decisions that name an amount
    decisions: int = 0


def counted_amount(decision: dict[str, Any]) -> Decimal | None:
    """The amount a decision counts for: the largest euro amount its summary names."""
    values = []
    for a in decision.get("amounts", []):
        if a.get("value") is None or a.get("currency") not in (None, "EUR"):
            continue
        try:
            values.append(Decimal(str(a["value"])))
        except InvalidOperation:
            continue
    return max(values) if values else None


def figures(decisions: list[dict[str, Any]]) -> Figures:
    """Per year (of the decision date) and in all, from :func:`decision_info` records."""
    years: dict[str, Year] = {}
    out = Figures(decisions=len(decisions))
    for d in decisions:
        year = (d.get("date") or "")[:4]
        if not year:
            continue
        y = years.setdefault(year, Year(year))
        y.decisions += 1
        amount = counted_amount(d)
        if amount is not None:
            y.amount += amount
            y.with_amount += 1
            out.total += amount
            out.counted += 1
    if years:
        first, last = int(min(years)), int(max(years))
        out.years = [years.get(str(y), Year(str(y))) for y in range(first, last + 1)]
    return out


def _bars(values: list[tuple[str, float, str]], title: str, ident: str, css: str, unit: str) -> str:
    """One bar chart: (label, value, text) per bar, on a 320×160 view box."""
    width, height, top, bottom, left = 320, 170, 30, 24, 6
    top_value = max((v for _, v, _ in values), default=0) or 1
    step = (width - 2 * left) / max(len(values), 1)
    bar = step * 0.62
    parts = [
        f'<svg class="chart {css}" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="{ident}-t" preserveAspectRatio="xMidYMid meet">',
        f'<title id="{ident}-t">{escape(title)}</title>',
        f'<line x1="{left}" y1="{height - bottom}" x2="{width - left}" '
        f'y2="{height - bottom}" class="axis"/>',
    ]
    for i, (label, value, text) in enumerate(values):
        h = (height - top - bottom) * value / top_value
        x = left + i * step + (step - bar) / 2
        y = height - bottom - h
        parts.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" rx="2">'
            f"<title>{escape(label)}: {escape(text)}</title></rect>"
        )
        if value:
            parts.append(
                f'<text x="{x + bar / 2:.1f}" y="{y - 4:.1f}" class="value">{escape(text)}</text>'
            )
        parts.append(
            f'<text x="{x + bar / 2:.1f}" y="{height - 8}" class="label">{escape(label)}</text>'
        )
    heading = f"{title} ({unit})" if unit else title
    parts.append(f'<text x="{left}" y="11" class="unit">{escape(heading)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _millions(amount: Decimal, lang: str) -> str:
    value = f"{amount / Decimal(1_000_000):.1f}"
    return value.replace(".", ",") if lang == "nl" else value


def chart(data: Figures, lang: str, ident: str = "grafiek") -> dict[str, Any]:
    """The two charts (decisions per year, amounts per year in millions) and the rows of
    the table beside them; empty when there are no dated decisions."""
    if not data.years:
        return {}
    t = Translator(lang)
    count_svg = _bars(
        [(y.year, float(y.decisions), str(y.decisions)) for y in data.years],
        t("chart_decisions"),
        ident + "-n",
        "count",
        "",
    )
    amount_svg = _bars(
        [(y.year, float(y.amount), _millions(y.amount, lang)) for y in data.years],
        t("chart_amounts"),
        ident + "-b",
        "amount",
        t("millions"),
    )
    return {
        "decisions_svg": count_svg,
        "amounts_svg": amount_svg,
        "rows": [
            {
                "year": y.year,
                "decisions": y.decisions,
                "amount": euro(y.amount, lang) if y.with_amount else "–",
            }
            for y in data.years
        ],
        "total": euro(data.total, lang) if data.counted else None,
        "counted": data.counted,
        "decisions": data.decisions,
    }


__all__ = ["Figures", "chart", "counted_amount", "figures", "status_badge"]
