"""Query results printed as SQL has them, in the three formats `wirehouse sql` (and later commands) offer.

A value keeps its type: NULL prints as `NULL` in a table, as an empty field in CSV and as `null` in JSON;
integers stay integers; dates and times print in ISO form; an empty result still prints its header.
"""

import csv
import json
import math
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any, TextIO
from uuid import UUID

NULL = "NULL"
MAX_CELL = 60  # characters shown per cell in table format; the rest becomes '…'


def text(value: Any) -> str:
    """One value as a table or CSV cell (None is handled by the caller: NULL or empty)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value) if math.isfinite(value) else str(value).replace("inf", "Infinity")
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, bytes):
        return "\\x" + value.hex()
    if isinstance(value, list | dict):
        return json.dumps(value, default=_json_value, ensure_ascii=False)
    return str(value)


def _json_value(value: Any) -> Any:
    """What json.dumps cannot write by itself."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, timedelta | UUID):
        return str(value)
    if isinstance(value, bytes):
        return "\\x" + value.hex()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def _cell(value: Any) -> str:
    shown = NULL if value is None else text(value).replace("\n", "\\n")
    return shown if len(shown) <= MAX_CELL else shown[: MAX_CELL - 1] + "…"


def _rows_line(n: int) -> str:
    return f"({n} row)" if n == 1 else f"({n} rows)"


def _is_number_column(values: list[Any]) -> bool:
    present = [v for v in values if v is not None]
    return bool(present) and all(isinstance(v, int | float | Decimal) and not isinstance(v, bool) for v in present)


def write_table(out: TextIO, columns: Sequence[str], rows: Sequence[tuple], max_rows: int) -> None:
    """Aligned columns (numbers to the right), a header rule, at most max_rows rows, then the row count."""
    shown = rows[: max(max_rows, 0)]
    cells = [[_cell(v) for v in row] for row in shown]
    numeric = [_is_number_column([row[i] for row in shown]) for i in range(len(columns))]
    widths = [max([len(name), *(len(row[i]) for row in cells)]) for i, name in enumerate(columns)]

    def line(values: Sequence[str]) -> str:
        padded = (v.rjust(w) if num else v.ljust(w) for v, w, num in zip(values, widths, numeric, strict=True))
        return "  ".join(padded).rstrip()

    out.write(line(columns) + "\n")
    out.write("  ".join("-" * w for w in widths) + "\n")
    for row in cells:
        out.write(line(row) + "\n")
    if len(rows) > len(shown):
        out.write(f"… {len(rows) - len(shown)} more (--max-rows)\n")
    out.write(_rows_line(len(rows)) + "\n")


def write_csv(out: TextIO, columns: Sequence[str], rows: Sequence[tuple]) -> None:
    """RFC 4180 CSV with a header; NULL is an empty field, as DuckDB's own COPY writes it."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if v is None else text(v) for v in row])


def write_json(out: TextIO, columns: Sequence[str], rows: Sequence[tuple]) -> None:
    """A JSON array of objects; NULL is null, numbers stay numbers."""
    records = [dict(zip(columns, row, strict=True)) for row in rows]
    out.write(json.dumps(records, default=_json_value, ensure_ascii=False) + "\n")


def write_result(out: TextIO, columns: Sequence[str], rows: Sequence[tuple], fmt: str, max_rows: int = 40) -> None:
    if fmt == "csv":
        write_csv(out, columns, rows)
    elif fmt == "json":
        write_json(out, columns, rows)
    else:
        write_table(out, columns, rows, max_rows)
