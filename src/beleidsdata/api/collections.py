"""``/doc/{kind}``: every thing of a kind as a paged, filterable Hydra collection.

``{kind}`` is the first path segment of the members' IRIs (``/doc/beslissing`` lists
``/id/beslissing/…``). A page is a ``hydra:Collection`` (``totaalAantal``, ``leden``) with a
``hydra:PartialCollectionView`` (``weergave``: ``eerste``, ``vorige``, ``volgende``,
``laatste``). Pages are cut by keyset (cursor) pagination on (sort key, path), answered
from the index tables filled at ingest (store/index.py): the cost of a page does not
depend on how far into the collection it is. The triples of a page are written with our
own writers (JSON-LD, Turtle, N-Triples, RDF/XML): no rdflib on this path.

Filters have Dutch names and English aliases; an unknown name or a bad value is a 400
problem that lists what is allowed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import Response

from ..errors import BadRequest
from ..formats.context import CLASSES, context_url
from ..formats.jsonld import dumps as jsonld_dumps
from ..formats.jsonld import to_jsonld
from ..formats.rdfxml import to_rdfxml
from ..formats.turtle import to_turtle
from ..mapping.namespaces import BESLUITVORMING, DCT, DOSSIER, ELI, HYDRA, RDF
from ..mapping.terms import IRI, Literal, Triple, date, integer, string, text, to_ntriples
from ..site.render import render
from ..store.index import Filters, Page, decode_cursor, encode_cursor
from . import openapi as oa
from .deps import store_of
from .http import not_acceptable, not_found, respond
from .negotiation import choose
from .problems import Problem, problem_response
from .resources import DOC_TYPES, SUFFIXES, context_link

router = APIRouter(tags=["collections"])

# A collection is offered in the same representations as a single resource.
TYPES = DOC_TYPES
DEFAULT_LIMIT, MAX_LIMIT = 20, 100
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_CODE = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True)
class Param:
    name: str  # Dutch, canonical
    alias: str  # English
    doc: str


PARAMS = (
    Param(
        "van",
        "date_from",
        "Only things dated on or after this day (YYYY-MM-DD): the "
        "decision date of a decision, the document date of a document.",
    ),
    Param("tot", "date_to", "Only things dated on or before this day (YYYY-MM-DD)."),
    Param(
        "q",
        "search",
        "Full-text search in title and text: every word must occur "
        "(the last one as a prefix); accents and case do not matter.",
    ),
    Param("agendapunttype", "item_type", "Decisions of this type: nota or mededeling."),
    Param(
        "soort",
        "document_kind",
        "Kind of document or part, the code of its concept: "
        "evaluatie, speerpunt, actiepunt, sectie, verzoek, principe…",
    ),
    Param(
        "klasse",
        "type",
        "Things of this class, by its name in the context: Agendapunt, "
        "Work, WorkSubdivision, Annotation…",
    ),
    Param(
        "geciteerdDoor",
        "cited_by",
        "Things cited by this resource (a path such as evaluatie/2.3.5-d9e4a424ac, or its IRI).",
    ),
    Param(
        "sectie",
        "section",
        "Things cited by an evaluation of this coalition-agreement "
        "section: its number (2.3.5) or path.",
    ),
    Param("bedragVan", "amount_min", "Decisions naming an amount of at least this many euro."),
    Param("bedragTot", "amount_max", "Decisions naming an amount of at most this many euro."),
    Param(
        "sorteer",
        "sort",
        "Order: pad (by identifier, the default), datum (oldest first) "
        "or -datum (newest first); English: path, date, -date.",
    ),
    Param("aantal", "limit", f"Members per page, 1 to {MAX_LIMIT} (default {DEFAULT_LIMIT})."),
    Param("na", "after", "Cursor: the page after this one (from a volgende link)."),
    Param(
        "voor",
        "before",
        "Cursor: the page before this one (from a vorige link); einde (end) gives the last page.",
    ),
)
_BY_NAME = {p.name: p for p in PARAMS} | {p.alias: p for p in PARAMS}
ALLOWED = [p.name for p in PARAMS] + [p.alias for p in PARAMS]
_SORTS = {
    "pad": "pad",
    "path": "pad",
    "datum": "datum",
    "date": "datum",
    "-datum": "-datum",
    "-date": "-datum",
}


@dataclass(frozen=True)
class Request_:
    filters: Filters
    sort: str
    limit: int
    after: tuple[str, ...] | None
    before: tuple[str, ...] | None
    last: bool
    canonical: dict[str, str]  # filters and sort, Dutch names, for links


def _path_of(value: str, base: str) -> str:
    for prefix in (base + "/id/", base + "/doc/", "/id/", "/doc/"):
        if value.startswith(prefix):
            return value[len(prefix) :]
    return value.strip("/")


def parse(query: list[tuple[str, str]], base: str) -> Request_:
    """Validate the query string; raises BadRequest with a message naming the problem."""
    values: dict[str, str] = {}
    for name, value in query:
        param = _BY_NAME.get(name)
        if param is None:
            raise BadRequest(f"unknown parameter {name!r}; allowed: " + ", ".join(ALLOWED))
        if param.name in values:
            raise BadRequest(f"parameter {param.name!r} given more than once")
        values[param.name] = value.strip()
    f: dict[str, object] = {}
    canonical: dict[str, str] = {}
    for name in ("van", "tot"):
        if name in values:
            if not _DATE.match(values[name]):
                raise BadRequest(f"{name}: expected a date YYYY-MM-DD, got {values[name]!r}")
            f["date_from" if name == "van" else "date_to"] = canonical[name] = values[name]
    if "q" in values:
        if not values["q"] or len(values["q"]) > 200:
            raise BadRequest("q: expected 1 to 200 characters of text")
        f["q"] = canonical["q"] = values["q"]
    if "agendapunttype" in values:
        value = values["agendapunttype"].lower()
        if value not in ("nota", "mededeling"):
            raise BadRequest(f"agendapunttype: expected nota or mededeling, got {value!r}")
        f["itemtype"] = canonical["agendapunttype"] = value
    if "soort" in values:
        if not _CODE.match(values["soort"]):
            raise BadRequest("soort: expected a concept code such as speerpunt or actiepunt")
        f["soort"] = canonical["soort"] = values["soort"]
    if "klasse" in values:
        if values["klasse"] not in CLASSES:
            raise BadRequest("klasse: expected one of " + ", ".join(CLASSES))
        f["rdf_type"] = canonical["klasse"] = values["klasse"]
    if "geciteerdDoor" in values:
        f["cited_by"] = canonical["geciteerdDoor"] = _path_of(values["geciteerdDoor"], base)
        if not f["cited_by"]:
            raise BadRequest("geciteerdDoor: expected the path or IRI of a resource")
    if "sectie" in values:
        value = _path_of(values["sectie"], base)
        if not re.match(r"^[\w.\-/]+$", value):
            raise BadRequest("sectie: expected a section number such as 2.3.5, or its path")
        f["section"] = canonical["sectie"] = value
    for name, key in (("bedragVan", "amount_min"), ("bedragTot", "amount_max")):
        if name in values:
            try:
                amount = Decimal(values[name])
            except InvalidOperation:
                amount = Decimal("NaN")
            if not amount.is_finite() or amount < 0:
                raise BadRequest(
                    f"{name}: expected an amount in euro such as 1000000, got {values[name]!r}"
                )
            f[key] = amount
            canonical[name] = values[name]
    sort = _SORTS.get(values.get("sorteer", "pad"))
    if sort is None:
        raise BadRequest("sorteer: expected pad, datum or -datum")
    if sort != "pad":
        canonical["sorteer"] = sort
    limit = DEFAULT_LIMIT
    if "aantal" in values:
        if not values["aantal"].isdigit() or not 1 <= int(values["aantal"]) <= MAX_LIMIT:
            raise BadRequest(f"aantal: expected a whole number from 1 to {MAX_LIMIT}")
        limit = int(values["aantal"])
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
    return Request_(Filters(**f), sort, limit, after, before, last, canonical)  # type: ignore[arg-type]


def _url(base: str, kind: str, params: dict[str, str]) -> str:
    return f"{base}/doc/{kind}" + ("?" + urlencode(params) if params else "")


def page_triples(base: str, kind: str, req: Request_, page: Page) -> tuple[list[Triple], str]:
    """The triples of one page, and the collection's IRI."""
    collection = IRI(_url(base, kind, req.canonical))
    paging = {**req.canonical, "aantal": str(req.limit)}
    here = dict(paging)
    if req.after:
        here["na"] = encode_cursor(req.after)
    elif req.before:
        here["voor"] = encode_cursor(req.before)
    elif req.last:
        here["voor"] = "einde"
    view = IRI(_url(base, kind, here))
    out: list[Triple] = [
        (collection, IRI(RDF.type), IRI(HYDRA.Collection)),
        (collection, IRI(HYDRA.totalItems), integer(page.total)),
        (collection, IRI(HYDRA.view), view),
        (view, IRI(RDF.type), IRI(HYDRA.PartialCollectionView)),
        (view, IRI(HYDRA.first), IRI(_url(base, kind, paging))),
        (view, IRI(HYDRA.last), IRI(_url(base, kind, {**paging, "voor": "einde"}))),
    ]
    if page.has_next and page.last_key:
        out.append(
            (
                view,
                IRI(HYDRA.next),
                IRI(_url(base, kind, {**paging, "na": encode_cursor(page.last_key)})),
            )
        )
    if page.has_previous and page.first_key:
        out.append(
            (
                view,
                IRI(HYDRA.previous),
                IRI(_url(base, kind, {**paging, "voor": encode_cursor(page.first_key)})),
            )
        )
    for row in page.rows:
        member = IRI(f"{base}/id/{row.path}")
        out.append((collection, IRI(HYDRA.member), member))
        for name in row.types:
            if name in CLASSES:
                out.append((member, IRI(RDF.type), IRI(CLASSES[name])))
        if row.title:
            value: Literal = string(row.title) if "Bron" in row.types else text(row.title)
            out.append((member, IRI(DCT.title), value))
        if row.date and "Agendapunt" in row.types:
            treatment, activity = IRI(member + "#behandeling"), IRI(member + "#beslissing")
            out += [
                (treatment, IRI(DCT.subject), member),
                (treatment, IRI(BESLUITVORMING.heeftBeslissing), activity),
                (activity, IRI(DOSSIER["Activiteit.startdatum"]), date(row.date)),
            ]
        elif row.date:
            out.append((member, IRI(ELI.date_document), date(row.date)))
    return out, collection


COLLECTION_DOC = (
    "Every thing of a kind as a paged Hydra collection, filterable and "
    "sortable without SPARQL. Filters (Dutch name / English alias):\n\n"
    + "\n".join(f"- `{p.name}` / `{p.alias}`: {p.doc}" for p in PARAMS)
    + "\n\nUnknown parameters and bad values give 400 problem+json listing "
    "what is allowed. Also by suffix: `/doc/beslissing.ttl`."
)


@router.get(
    "/doc/{kind}",
    summary="A paged, filterable collection of the things of a kind",
    description=COLLECTION_DOC,
    **oa.collection(PARAMS),
)
def collection(kind: str, request: Request) -> Response:
    store = store_of(request)
    accept = request.headers.get("accept")
    kinds = store.kinds()
    if kind not in kinds:
        for suffix, media in SUFFIXES.items():
            if kind.endswith(suffix) and kind[: -len(suffix)] in kinds:
                kind, accept = kind[: -len(suffix)], media
                break
    if kind not in kinds:
        return not_found(
            f"/doc/{kind}",
            f"no collection /doc/{kind}; there are: " + ", ".join(f"/doc/{k}" for k in kinds),
        )
    base = store.base_iri
    try:
        req = parse(list(request.query_params.multi_items()), base)
    except BadRequest as exc:
        return problem_response(
            Problem(400, detail=str(exc), instance=f"/doc/{kind}"), extra={"allowed": ALLOWED}
        )
    offered = list(TYPES)
    media = choose(accept, offered)
    if media is None:
        return not_acceptable(offered, f"/doc/{kind}")
    page = store.collection(
        kind,
        req.filters,
        sort=req.sort,
        after=req.after,
        before=req.before,
        last=req.last,
        limit=req.limit,
    )
    triples, iri = page_triples(base, kind, req, page)
    fmt = TYPES[media]
    headers: dict[str, str] = {}
    if fmt == "jsonld":
        doc = to_jsonld(triples, iri, context_url(base), nest_all=True)
        order = {f"{base}/id/{row.path}": i for i, row in enumerate(page.rows)}
        if isinstance(doc.get("leden"), list):
            doc["leden"].sort(key=lambda m: order.get(m["id"] if isinstance(m, dict) else m, 0))
        else:  # an empty page: still an array for plain-JSON readers (expands to nothing)
            doc = {k: v for k, v in [*doc.items(), ("leden", [])] if k != "weergave"} | {
                "weergave": doc["weergave"]
            }
        body = jsonld_dumps(doc)
        if media == "application/json":
            headers["Link"] = context_link(request)
    elif fmt == "ttl":
        body = to_turtle(triples, first=iri).encode()
    elif fmt == "nt":
        body = to_ntriples(triples).encode()
    elif fmt == "rdf":
        body = to_rdfxml(triples, first=iri).encode()
    else:
        links = {}
        for key, predicate in (
            ("eerste", HYDRA.first),
            ("vorige", HYDRA.previous),
            ("volgende", HYDRA.next),
            ("laatste", HYDRA.last),
        ):
            found = [o for s, p, o in triples if p == predicate]
            if found:
                links[key] = found[0].removeprefix(base)
        body = render(
            "collection.html.j2",
            base=base,
            kind=kind,
            total=page.total,
            rows=page.rows,
            links=links,
            filters=req.canonical,
            params=PARAMS,
        )
    return respond(body, media, request, headers=headers)
