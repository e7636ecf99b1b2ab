"""The query string of a collection (``/doc/{kind}?…``): its filters, sort and paging.

Filters have Dutch names and English aliases. The query string is read here, not by
FastAPI, because the answers a client needs are ours to give: an unknown name, a filter
given twice (also as name and alias) or a bad value is a 400 problem that says what is
allowed. Each :class:`Param` carries its own documentation, JSON schema and examples, so
the OpenAPI parameters (:func:`openapi_parameters`), the developers' page and the parser
read one list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from fastapi.openapi.models import Example

from ..errors import BadRequest
from ..formats.context import CLASSES
from ..formats.embed import EMBEDDABLE, parse_embed
from ..store.index import ITEM_TYPE_NAMES
from ..store.index_query import Filters, decode_cursor
from . import openapi as oa
from .collection_members import FIELDS
from .examples import EVALUATION

DEFAULT_LIMIT, MAX_LIMIT = 20, 100
_SORTS = {
    "pad": "pad",
    "path": "pad",
    "datum": "datum",
    "date": "datum",
    "-datum": "-datum",
    "-date": "-datum",
    "bedrag": "bedrag",
    "amount": "bedrag",
    "-bedrag": "-bedrag",
    "-amount": "-bedrag",
}
MEMBERS = ("leden", "members")
_DATE = r"^\d{4}-\d{2}-\d{2}$"
_CODE = r"^[a-z0-9][a-z0-9-]*$"
_SECTION = r"^[\w.\-/]+$"
_AMOUNT = r"^\d+(\.\d+)?$"


@dataclass(frozen=True)
class Param:
    name: str  # Dutch, canonical
    alias: str  # English
    doc: str
    schema: dict[str, Any] = field(default_factory=lambda: {"type": "string"})
    examples: dict[str, Example] = field(default_factory=dict)


PARAMS = (
    Param(
        "van",
        "date_from",
        "Only things dated on or after this day (YYYY-MM-DD): the "
        "decision date of a decision, the document date of a document.",
        {"type": "string", "pattern": _DATE},
        oa.examples(**{"2021": ("From 1 January 2021", "2021-01-01")}),
    ),
    Param(
        "tot",
        "date_to",
        "Only things dated on or before this day (YYYY-MM-DD).",
        {"type": "string", "pattern": _DATE},
        oa.examples(**{"2021": ("Up to 31 December 2021", "2021-12-31")}),
    ),
    Param(
        "q",
        "search",
        "Full-text search in title and text: every word must occur "
        "(the last one as a prefix); accents and case do not matter.",
        {"type": "string", "minLength": 1, "maxLength": 200, "pattern": r"\S"},
        oa.examples(ai=("Titles or texts with AI", "AI")),
    ),
    Param(
        "agendapunttype",
        "item_type",
        "Decisions of this type: nota or mededeling.",
        {"type": "string", "enum": list(ITEM_TYPE_NAMES)},
        oa.examples(nota=("Decisions on a nota", "nota")),
    ),
    Param(
        "soort",
        "document_kind",
        "Kind of document or part, the code of its concept: "
        "evaluatie, speerpunt, actiepunt, sectie, verzoek, principe…",
        {"type": "string", "pattern": _CODE},
        oa.examples(speerpunt=("The 9 speerpunten of the strategy", "speerpunt")),
    ),
    Param(
        "klasse",
        "type",
        "Things of this class, by its name in the context: Agendapunt, "
        "Work, WorkSubdivision, Annotation…",
        examples=oa.examples(agendapunt=("Agenda items", "Agendapunt")),
    ),
    Param(
        "geciteerdDoor",
        "cited_by",
        "Things cited by this resource (a path such as evaluatie/2.3.5-d9e4a424ac, or its IRI).",
        {"type": "string", "minLength": 1},
        oa.examples(evaluation=("Cited by the evaluation of 2.3.5", EVALUATION)),
    ),
    Param(
        "sectie",
        "section",
        "Things cited by an evaluation of this coalition-agreement "
        "section: its number (2.3.5) or path.",
        {"type": "string", "pattern": _SECTION},
        oa.examples(section=("Cited by the evaluations of section 2.3.5", "2.3.5")),
    ),
    Param(
        "bedragVan",
        "amount_min",
        "Decisions naming an amount of at least this many euro.",
        {"type": "string", "pattern": _AMOUNT},
        oa.examples(million=("At least one million euro", "1000000")),
    ),
    Param(
        "bedragTot",
        "amount_max",
        "Decisions naming an amount of at most this many euro.",
        {"type": "string", "pattern": _AMOUNT},
        oa.examples(small=("At most 500,000 euro", "500000")),
    ),
    Param(
        "sorteer",
        "sort",
        "Order: pad (by identifier, the default), datum (oldest first), -datum (newest "
        "first), bedrag (smallest amount first) or -bedrag (largest first); English: path, "
        "date, -date, amount, -amount. A member's amount is the largest it names; members "
        "without one come last with -bedrag.",
        {"type": "string", "enum": list(_SORTS)},
        oa.examples(newest=("Newest first", "-datum"), largest=("Largest amount first", "-bedrag")),
    ),
    Param(
        "velden",
        "fields",
        "The fields of each member, comma-separated: " + ", ".join(FIELDS) + " (default: all). "
        "The identifier is always there.",
        {"type": "string", "pattern": "^(" + "|".join(FIELDS) + ")(,(" + "|".join(FIELDS) + "))*$"},
        oa.examples(amounts=("Title, date and amounts", "titel,datum,bedrag")),
    ),
    Param(
        "embed",
        "embed",
        "Members in full: leden (their stored descriptions), or keys to inline into them "
        "as on a single description (verwijstNaar, delen…, or alles). Not with CSV.",
        {"type": "string"},
        oa.examples(members=("Each member's full description", "leden")),
    ),
    Param(
        "aantal",
        "limit",
        f"Members per page, 1 to {MAX_LIMIT} (default {DEFAULT_LIMIT}).",
        {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT, "default": DEFAULT_LIMIT},
        oa.examples(ten=("Ten per page", 10)),
    ),
    Param("na", "after", "Cursor: the page after this one (from a volgende link)."),
    Param(
        "voor",
        "before",
        "Cursor: the page before this one (from a vorige link); einde (end) gives the last page.",
        examples=oa.examples(end=("The last page", "einde")),
    ),
)
_BY_NAME = {p.name: p for p in PARAMS} | {p.alias: p for p in PARAMS}
ALLOWED = list(dict.fromkeys([p.name for p in PARAMS] + [p.alias for p in PARAMS]))


def openapi_parameters() -> list[dict[str, Any]]:
    """Each filter under its Dutch name and its English alias, as OpenAPI parameters."""
    out: list[dict[str, Any]] = []
    for p in PARAMS:
        names = [(p.name, f"{p.doc} English alias: `{p.alias}`.", p.examples)]
        if p.alias != p.name:
            names.append((p.alias, f"English alias of `{p.name}`: {p.doc}", {}))
        for name, description, examples in names:
            parameter: dict[str, Any] = {
                "name": name,
                "in": "query",
                "required": False,
                "description": description,
                "schema": dict(p.schema),
            }
            if examples:
                parameter["examples"] = examples
            out.append(parameter)
    return out


@dataclass(frozen=True)
class CollectionQuery:
    filters: Filters
    sort: str
    limit: int
    after: tuple[str, ...] | None
    before: tuple[str, ...] | None
    last: bool
    canonical: dict[str, str]  # filters and sort, Dutch names, for links
    fields: tuple[str, ...] = FIELDS
    members: bool = False  # embed: members in full
    embed: tuple[str, ...] = ()  # embed: keys inlined into the members


def _path_of(value: str, base: str) -> str:
    for prefix in (base + "/id/", base + "/doc/", "/id/", "/doc/"):
        if value.startswith(prefix):
            return value[len(prefix) :]
    return value.strip("/")


DOC_PARAMS = ("embed", "lang")  # what /doc/{path} takes


def check_names(query: list[tuple[str, str]], allowed: tuple[str, ...]) -> None:
    """Refuse unknown or repeated parameter names (BadRequest), as collections do."""
    seen: set[str] = set()
    for name, _value in query:
        if name not in allowed:
            raise BadRequest(f"unknown parameter {name!r}; allowed: " + ", ".join(allowed))
        if name in seen:
            raise BadRequest(f"parameter {name!r} given more than once")
        seen.add(name)


def _values(query: list[tuple[str, str]]) -> dict[str, str]:
    """The parameters by their Dutch names; unknown or repeated ones are refused."""
    values: dict[str, str] = {}
    for name, value in query:
        param = _BY_NAME.get(name)
        if param is None:
            raise BadRequest(f"unknown parameter {name!r}; allowed: " + ", ".join(ALLOWED))
        if param.name in values:
            raise BadRequest(f"parameter {param.name!r} given more than once")
        values[param.name] = value.strip()
    return values


_EURO = re.compile(_AMOUNT)


def _date(name: str, value: str) -> str:
    """A real calendar day (2021-13-45 is refused, not compared as text)."""
    try:
        if not re.match(_DATE, value):
            raise ValueError
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise BadRequest(f"{name}: expected a date YYYY-MM-DD that exists, got {value!r}") from None


def _amount(name: str, value: str) -> Decimal:
    """Euro as written in a query: digits and a decimal point (no exponent, sign or
    separators: ``1e999`` is no amount)."""
    try:
        amount = Decimal(value) if _EURO.fullmatch(value) else Decimal("NaN")
    except InvalidOperation:
        amount = Decimal("NaN")
    if not amount.is_finite() or amount < 0:
        raise BadRequest(f"{name}: expected an amount in euro such as 1000000, got {value!r}")
    return amount


def _filters(values: dict[str, str], base: str) -> tuple[Filters, dict[str, str]]:
    """The filters asked for, and their canonical (Dutch) names and values for links.
    Checked in the order of :data:`PARAMS`, so the first bad one is named."""
    canonical: dict[str, str] = {}
    texts: dict[str, str] = {}  # the Filters field of each text filter
    for name in ("van", "tot"):
        if name in values:
            texts["date_from" if name == "van" else "date_to"] = canonical[name] = _date(
                name, values[name]
            )
    if "van" in canonical and "tot" in canonical and canonical["van"] > canonical["tot"]:
        raise BadRequest(f"van ({canonical['van']}) is after tot ({canonical['tot']})")
    if "q" in values:
        if not values["q"] or len(values["q"]) > 200:
            raise BadRequest("q: expected 1 to 200 characters of text")
        texts["q"] = canonical["q"] = values["q"]
    if "agendapunttype" in values:
        value = values["agendapunttype"].lower()
        if value not in ITEM_TYPE_NAMES:
            expected = " or ".join(ITEM_TYPE_NAMES)
            raise BadRequest(f"agendapunttype: expected {expected}, got {value!r}")
        texts["itemtype"] = canonical["agendapunttype"] = value
    if "soort" in values:
        if not re.match(_CODE, values["soort"]):
            raise BadRequest("soort: expected a concept code such as speerpunt or actiepunt")
        texts["soort"] = canonical["soort"] = values["soort"]
    if "klasse" in values:
        if values["klasse"] not in CLASSES:
            raise BadRequest("klasse: expected one of " + ", ".join(CLASSES))
        texts["rdf_type"] = canonical["klasse"] = values["klasse"]
    if "geciteerdDoor" in values:
        texts["cited_by"] = canonical["geciteerdDoor"] = _path_of(values["geciteerdDoor"], base)
        if not texts["cited_by"]:
            raise BadRequest("geciteerdDoor: expected the path or IRI of a resource")
    if "sectie" in values:
        value = _path_of(values["sectie"], base)
        if not re.match(_SECTION, value):
            raise BadRequest("sectie: expected a section number such as 2.3.5, or its path")
        texts["section"] = canonical["sectie"] = value
    amount_min = amount_max = None
    if "bedragVan" in values:
        amount_min = _amount("bedragVan", values["bedragVan"])
        canonical["bedragVan"] = values["bedragVan"]
    if "bedragTot" in values:
        amount_max = _amount("bedragTot", values["bedragTot"])
        canonical["bedragTot"] = values["bedragTot"]
    if amount_min is not None and amount_max is not None and amount_min > amount_max:
        raise BadRequest("bedragVan is larger than bedragTot")
    return Filters(**texts, amount_min=amount_min, amount_max=amount_max), canonical


def parse(query: list[tuple[str, str]], base: str) -> CollectionQuery:
    """Validate the query string; raises BadRequest with a message naming the problem."""
    values = _values(query)
    filters, canonical = _filters(values, base)
    sort = _SORTS.get(values.get("sorteer", "pad"))
    if sort is None:
        raise BadRequest("sorteer: expected one of " + ", ".join(_SORTS))
    if sort != "pad":
        canonical["sorteer"] = sort
    limit = DEFAULT_LIMIT
    if "aantal" in values:
        if not values["aantal"].isdigit() or not 1 <= int(values["aantal"]) <= MAX_LIMIT:
            raise BadRequest(f"aantal: expected a whole number from 1 to {MAX_LIMIT}")
        limit = int(values["aantal"])
    fields, members, embed = _fields(values)
    if "velden" in values:
        canonical["velden"] = ",".join(fields)
    if "embed" in values:
        canonical["embed"] = values["embed"]
    width = 1 if sort == "pad" else 2
    after = before = None
    last = False
    if "na" in values and "voor" in values:
        raise BadRequest("na and voor cannot be combined")
    if "na" in values:
        after = decode_cursor(values["na"], width)
        if after is None:
            raise BadRequest("na: not a cursor of this collection (take it from a link)")
    if "voor" in values:
        if values["voor"] in ("einde", "end"):
            last = True
        else:
            before = decode_cursor(values["voor"], width)
            if before is None:
                raise BadRequest("voor: not a cursor of this collection (take it from a link)")
    return CollectionQuery(
        filters, sort, limit, after, before, last, canonical, fields, members, embed
    )


def _fields(values: dict[str, str]) -> tuple[tuple[str, ...], bool, tuple[str, ...]]:
    """The member fields (``velden``) and what ``embed`` asks for."""
    fields: tuple[str, ...] = FIELDS
    if "velden" in values:
        asked = [v.strip() for v in values["velden"].split(",") if v.strip()]
        unknown = [v for v in asked if v not in FIELDS]
        if unknown or not asked:
            raise BadRequest(
                f"velden: unknown field {(unknown or [''])[0]!r}; allowed: " + ", ".join(FIELDS)
            )
        fields = tuple(f for f in FIELDS if f in asked)
    members, keys = False, tuple[str, ...]()
    if "embed" in values:
        rest = [v.strip() for v in values["embed"].split(",") if v.strip()]
        members = any(v in MEMBERS for v in rest) or bool(rest)
        try:
            keys = parse_embed(",".join(v for v in rest if v not in MEMBERS))
        except ValueError as exc:
            raise BadRequest(
                f"embed: unknown key {exc.args[0]!r}; allowed: "
                + ", ".join(("leden", "alles", *EMBEDDABLE))
            ) from None
        if not rest:
            raise BadRequest("embed: expected leden, alles or keys to inline")
    return fields, members, keys
