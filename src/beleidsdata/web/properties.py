"""The property table of a page: each key of a stored node with its label, definition and
values, a value shown as a link, a text, a long text or a nested node.

Labels and definitions come from the vocabularies (``labels.py``), so the table reads in
Dutch or English whatever the JSON key is.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from .document import as_list, euro
from .labels import class_label, key_definition, key_iri, key_label
from .links import Links, Titles

# Keys shown in their own place on a resource page rather than in the property table.
SPECIAL = frozenset({"@context", "id", "type", "titel", "herkomst", "afgeleidVan"})
# Keys of a nested node that its heading shows.
NODE_HEADING = frozenset({"id", "type", "@context"})
LONG_TEXT = {"tekst", "beschrijving", "conclusie", "inhoudstekst"}


def rows(
    links: Links,
    data: dict[str, Any],
    titles: Titles,
    lang: str,
    current: str,
    skip: Collection[str] = SPECIAL,
) -> list[dict[str, Any]]:
    """The table rows of a node: every key but those in ``skip``, in document order."""
    return [
        {
            "key": key,
            "label": key_label(key, lang),
            "definition": key_definition(key, lang),
            "values": [value(links, key, v, titles, lang, current) for v in as_list(values)],
        }
        for key, values in data.items()
        if key not in skip
    ]


def value(
    links: Links, key: str, v: Any, titles: Titles, lang: str, current: str
) -> dict[str, Any]:
    """One value of ``key``: a link, a (long) text, or a nested node with its own rows."""
    if isinstance(v, dict):
        if "@value" in v:
            return {"kind": "text", "text": str(v["@value"])}
        if set(v) == {"id"}:
            r = links.ref(v["id"], titles, lang, current)
            return {"kind": "link", "href": r.href, "text": r.text}
        return {"kind": "node", **node(links, v, titles, lang, current)}
    if (
        isinstance(v, str)
        and v.startswith(("http://", "https://"))
        and key_iri(key) is not None
        and key not in ("munt",)
    ):
        r = links.ref(v, titles, lang, current)
        return {"kind": "link", "href": r.href, "text": r.text}
    if key == "waarde":
        return {"kind": "text", "text": euro(v, lang)}
    if isinstance(v, bool):
        return {"kind": "text", "text": "ja" if v and lang == "nl" else str(v).lower()}
    return {"kind": "long" if key in LONG_TEXT else "text", "text": str(v)}


def node(
    links: Links, data: dict[str, Any], titles: Titles, lang: str, current: str
) -> dict[str, Any]:
    """A nested node (``#fragment``): its anchor, IRI, class labels and rows."""
    iri = data.get("id", "")
    return {
        "anchor": iri.split("#", 1)[1] if "#" in iri else "",
        "iri": iri,
        "types": [class_label(t, lang) for t in as_list(data.get("type"))],
        "rows": rows(links, data, titles, lang, current, skip=NODE_HEADING),
    }
