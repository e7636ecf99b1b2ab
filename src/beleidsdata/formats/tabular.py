"""CSV (``text/csv``): a collection as a table, one row per member, as datasette does.

The first row names the columns; a value that has several parts (the amounts a decision
names) is joined with ``;``. Numbers are written as their exact decimal digits, dates as
``YYYY-MM-DD``: what a spreadsheet reads without guessing. RFC 4180: CRLF line ends,
quotes where needed, UTF-8.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

CsvValue = str | int | float | None | Sequence[str | int | float]


def cell(value: CsvValue) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return format(value, "f").rstrip("0").rstrip(".") if value == value else ""
    if isinstance(value, str | int):
        return str(value)
    return ";".join(cell(v) for v in value)


def to_csv(columns: Sequence[str], rows: Iterable[dict[str, CsvValue]]) -> bytes:
    """A header row with ``columns``, then one row per item (missing values empty)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([cell(row.get(c)) for c in columns])
    return out.getvalue().encode()


__all__ = ["cell", "to_csv"]
