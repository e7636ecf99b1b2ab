"""Facts read from a stored JSON-LD document, and amounts as a reader writes them.

Our context makes a stored description plain JSON: a root node (the first of ``@graph``
when there are several), nested nodes typed by class name, values or lists of values.
Pages read it with these few helpers rather than through an RDF graph, so a page costs
a ``json.loads``, not RDF work.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from .labels import iri_label


def as_list(value: Any) -> list[Any]:
    """A JSON value that may be one value or a list, as a list (``None``: empty)."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def root_of(data: dict[str, Any]) -> dict[str, Any]:
    """The node the document describes."""
    root: dict[str, Any] = data["@graph"][0] if "@graph" in data else data
    return root


def find_key(data: Any, key: str) -> Any:
    """The first value of ``key`` anywhere in a JSON tree (depth first), or None."""
    if isinstance(data, dict):
        if key in data:
            return data[key]
        for v in data.values():
            found = find_key(v, key)
            if found is not None:
                return found
    elif isinstance(data, list):
        for v in data:
            found = find_key(v, key)
            if found is not None:
                return found
    return None


def find_nodes(data: Any, type_name: str) -> list[dict[str, Any]]:
    """Every node of a JSON tree typed ``type_name``."""
    out: list[dict[str, Any]] = []
    if isinstance(data, dict):
        if type_name in as_list(data.get("type")):
            out.append(data)
        for v in data.values():
            out.extend(find_nodes(v, type_name))
    elif isinstance(data, list):
        for v in data:
            out.extend(find_nodes(v, type_name))
    return out


def euro(value: Decimal | str | int, lang: str = "nl") -> str:
    """12000000 → "€ 12.000.000" (nl) or "€12,000,000" (en)."""
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    whole = f"{amount:,.2f}" if amount != amount.to_integral_value() else f"{amount:,.0f}"
    if lang == "nl":
        whole = whole.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
        return f"€ {whole}"
    return f"€{whole}"


def decision_info(data: dict[str, Any], lang: str) -> dict[str, Any]:
    """Date, amounts, document identifiers and decider of a stored decision."""
    amounts = []
    for node in find_nodes(data, "Bedrag"):
        value = node.get("waarde")
        amounts.append(
            {
                "value": value,
                "text": node.get("bedragTekst"),
                "formatted": euro(value, lang) if value is not None else "",
                "currency": node.get("munt"),
            }
        )
    stukken = [i for node in find_nodes(data, "Stuk") for i in as_list(node.get("identificator"))]
    by = find_key(data, "genomenDoor")
    return {
        "date": find_key(data, "datum"),
        "amounts": amounts,
        "documents": stukken,
        "by": iri_label(by, lang) if isinstance(by, str) else None,
        "type": iri_label(str(find_key(data, "agendapuntType") or ""), lang),
        "incomplete": bool(find_key(data, "onvolledig")),
        "see_also": as_list(root_of(data).get("zieOok")),
    }


def total_of(decisions: list[dict[str, Any]], lang: str) -> str | None:
    """The sum of the euro amounts of these decisions (from :func:`decision_info`)."""
    total = Decimal(0)
    found = False
    for d in decisions:
        for a in d["amounts"]:
            if a["value"] is not None and (a["currency"] in (None, "EUR")):
                try:
                    total += Decimal(str(a["value"]))
                    found = True
                except InvalidOperation:
                    continue
    return euro(total, lang) if found else None
