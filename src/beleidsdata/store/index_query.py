"""Reading the search index: one page of a collection, with keyset pagination.

A page is an index range scan on (sort key, path), so page 1 and page 5,000 cost the same.
The tables are filled at ingest by :mod:`.index`.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from .database import Database
from .search import text_condition

# Reading: one page of a collection.


@dataclass(frozen=True)
class Filters:
    """Validated filters of a collection request (see api/collection_query.py for the names)."""

    date_from: str | None = None
    date_to: str | None = None
    q: str | None = None
    itemtype: str | None = None
    soort: str | None = None
    rdf_type: str | None = None
    cited_by: str | None = None
    section: str | None = None
    amount_min: Decimal | None = None
    amount_max: Decimal | None = None


@dataclass(frozen=True)
class Row:
    """One member of a collection page, with the fields a client lists it by."""

    path: str
    types: tuple[str, ...]
    date: str
    title: str | None
    soort: str | None = None
    itemtype: str | None = None
    status: str | None = None
    amount: float | None = None
    amounts: tuple[float, ...] = ()


@dataclass(frozen=True)
class Page:
    rows: list[Row]
    total: int
    first_key: tuple[str, ...] | None  # cursor of the first row, for "previous"
    last_key: tuple[str, ...] | None  # cursor of the last row, for "next"
    has_previous: bool
    has_next: bool


# Sort orders: name → key columns (SQL) and whether they run descending.
SORTS: dict[str, tuple[tuple[str, ...], bool]] = {
    "pad": (("e.path",), False),
    "datum": (("e.date", "e.path"), False),
    "-datum": (("e.date", "e.path"), True),
    "bedrag": (("coalesce(e.amount, -1)", "e.path"), False),
    "-bedrag": (("coalesce(e.amount, -1)", "e.path"), True),
}


def _where(conn: Database, kind: str, f: Filters) -> tuple[str, list[object]]:
    sql = ["e.kind = ?"]
    args: list[object] = [kind]
    if f.date_from:
        sql.append("e.date >= ?")
        args.append(f.date_from)
    if f.date_to:
        sql.append("e.date <> '' AND e.date <= ?")
        args.append(f.date_to)
    if f.itemtype:
        sql.append("e.itemtype = ?")
        args.append(f.itemtype)
    if f.soort:
        sql.append("e.soort = ?")
        args.append(f.soort)
    if f.rdf_type:
        sql.append("e.types LIKE ?")
        args.append(f"% {f.rdf_type} %")
    if f.q:
        condition, more = text_condition(conn, f.q)
        sql.append(condition)
        args += more
    if f.cited_by:
        sql.append("e.path IN (SELECT cited FROM citations WHERE entity = ?)")
        args.append(f.cited_by)
    if f.section:
        exact = "/" in f.section
        sql.append(
            "e.path IN (SELECT c.cited FROM citations c JOIN entity_index s "
            f"ON s.path = c.entity WHERE s.subject {'=' if exact else 'LIKE'} ?)"
        )
        args.append(f.section if exact else "%/sectie/" + f.section.replace("%", ""))
    if f.amount_min is not None or f.amount_max is not None:
        cond = ["a.path = e.path"]
        if f.amount_min is not None:
            cond.append("a.value >= ?")
            args.append(float(f.amount_min))
        if f.amount_max is not None:
            cond.append("a.value <= ?")
            args.append(float(f.amount_max))
        sql.append(f"EXISTS (SELECT 1 FROM entity_amounts a WHERE {' AND '.join(cond)})")
    return " AND ".join(sql), args


def encode_cursor(key: Sequence[str]) -> str:
    return base64.urlsafe_b64encode(json.dumps(list(key)).encode()).decode().rstrip("=")


def decode_cursor(token: str, width: int) -> tuple[str, ...] | None:
    """The key a cursor stands for, or None when it is not one of ours."""
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        key = json.loads(raw)
    except (binascii.Error, ValueError, UnicodeDecodeError):
        return None
    if not (isinstance(key, list) and len(key) == width and all(isinstance(k, str) for k in key)):
        return None
    return tuple(key)


def _cursor_args(sort: str, key: tuple[str, ...]) -> list[object]:
    """A cursor's values as SQL arguments (an amount key compares as a number)."""
    if sort in ("bedrag", "-bedrag"):
        try:
            return [float(key[0]), key[1]]
        except ValueError:
            return [-1.0, key[1]]
    return list(key)


def _amounts(conn: Database, paths: list[str]) -> dict[str, tuple[float, ...]]:
    """Every amount each of these entities names, smallest first."""
    out: dict[str, list[float]] = {}
    if paths:
        found = conn.query(
            "SELECT path, value FROM entity_amounts WHERE path IN "
            f"({', '.join('?' * len(paths))}) ORDER BY path, value",
            paths,
        )
        for path, value in found:
            out.setdefault(path, []).append(float(value))
    return {path: tuple(values) for path, values in out.items()}


def query_page(
    conn: Database,
    kind: str,
    filters: Filters,
    *,
    sort: str = "pad",
    after: tuple[str, ...] | None = None,
    before: tuple[str, ...] | None = None,
    last: bool = False,
    limit: int = 20,
) -> Page:
    """One page in keyset order; ``sort`` is a key of :data:`SORTS`."""
    where, args = _where(conn, kind, filters)
    columns, descending = SORTS[sort]
    key_sql = "(" + ", ".join(columns) + ")"
    asc, desc = ("DESC", "ASC") if descending else ("ASC", "DESC")
    backwards = before is not None or last
    cond, cargs = where, list(args)
    marks = ", ".join("?" * len(columns))
    if after is not None:
        cond += f" AND {key_sql} {'<' if descending else '>'} ({marks})"
        cargs += _cursor_args(sort, after)
    if before is not None:
        cond += f" AND {key_sql} {'>' if descending else '<'} ({marks})"
        cargs += _cursor_args(sort, before)
    order = ", ".join(f"{c} {desc if backwards else asc}" for c in columns)
    rows = conn.query(
        "SELECT e.path, e.types, e.date, e.title, e.soort, e.itemtype, e.status, e.amount "
        f"FROM entity_index e WHERE {cond} ORDER BY {order} LIMIT ?",
        [*cargs, limit + 1],
    )
    more = len(rows) > limit
    rows = rows[:limit]
    if backwards:
        rows.reverse()
    counted = conn.one(f"SELECT count(*) FROM entity_index e WHERE {where}", args)
    total = int(counted[0]) if counted else 0
    amounts = _amounts(conn, [r[0] for r in rows])
    out = [
        Row(
            path=r[0],
            types=tuple(r[1].split()),
            date=r[2],
            title=r[3],
            soort=r[4],
            itemtype=r[5],
            status=r[6],
            amount=float(r[7]) if r[7] is not None else None,
            amounts=amounts.get(r[0], ()),
        )
        for r in rows
    ]

    def key(row: Row) -> tuple[str, ...]:
        if sort == "pad":
            return (row.path,)
        if sort in ("bedrag", "-bedrag"):
            return (repr(row.amount if row.amount is not None else -1.0), row.path)
        return (row.date, row.path)

    if backwards:
        has_previous, has_next = more, bool(out) and not last
    else:
        has_previous, has_next = after is not None and bool(out), more
    return Page(
        rows=out,
        total=total,
        first_key=key(out[0]) if out else None,
        last_key=key(out[-1]) if out else None,
        has_previous=has_previous,
        has_next=has_next,
    )
