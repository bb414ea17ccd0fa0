"""`wirehouse sql "SELECT ..."`: a read-only query against the published warehouse.

Values print as SQL has them: NULL as `NULL` (JSON `null`, an empty CSV field), integers as integers, an
empty result as its header and `(0 rows)`. The connection is read-only in fact (wirehouse.store.readonly):
no statement can change a file of the warehouse or write anywhere else.
"""

import argparse
import re
import sys
from pathlib import Path

from wirehouse.errors import WirehouseError
from wirehouse.helptext import DefaultsHelpFormatter
from wirehouse.settings import WAREHOUSE_HELP, default_warehouse


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "sql",
        help="run read-only SQL against the warehouse",
        description="Run SQL against the published warehouse and print the result. Every table, reference "
        "table and view is there (`SHOW TABLES`) but the link step's indexes (story and quote keys), which are "
        "Parquet parts only; Parquet parts can be read with absolute paths under <warehouse>/parquet/. Nothing "
        "can be written: COPY, EXPORT, ATTACH, INSTALL/LOAD and SET are refused.",
        formatter_class=DefaultsHelpFormatter,
    )
    parser.add_argument("query", help="SQL (several statements: the last one's result is printed), or @FILE.sql")
    parser.add_argument("--warehouse", type=Path, default=None, metavar="DIR", help=WAREHOUSE_HELP)
    parser.add_argument("--format", choices=("table", "csv", "json"), default="table", help="output format")
    parser.add_argument("--max-rows", type=int, default=40, metavar="N", help="rows shown in a table (csv, json: all)")
    parser.set_defaults(handler=handle)


def read_query(text: str) -> str:
    """The SQL itself, or the contents of @FILE; a missing file is a WirehouseError, not a traceback."""
    if not text.startswith("@"):
        return text
    path = Path(text[1:])
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise WirehouseError(f"cannot read SQL from {path}: {getattr(error, 'strerror', None) or error}") from None


def handle(args: argparse.Namespace) -> int:
    import duckdb

    from wirehouse.output import write_result
    from wirehouse.store.readonly import NoWarehouseError, ReadOnlyError, open_readonly, run_readonly

    warehouse = args.warehouse or default_warehouse()
    try:
        query = read_query(args.query)
        with open_readonly(warehouse) as con:
            result = run_readonly(con, query)
            columns = [column[0] for column in result.description or ()]
            rows = result.fetchall() if columns else []
    except NoWarehouseError as error:
        print(f"wirehouse: {error}", file=sys.stderr)
        return 2
    except ReadOnlyError as error:
        print(f"wirehouse: {error}", file=sys.stderr)
        return 1
    except WirehouseError as error:
        print(f"wirehouse: {error}", file=sys.stderr)
        return 2
    except duckdb.Error as error:
        print(f"wirehouse: {_one_line(error)}{_lake_hint(error, warehouse)}", file=sys.stderr)
        return 1
    if columns:
        write_result(sys.stdout, columns, rows, args.format, args.max_rows)
    return 0


def _one_line(error: Exception) -> str:
    """DuckDB's message without its caret drawings; a refusal says that the warehouse is read-only."""
    import duckdb

    text = str(error).strip().splitlines()[0]
    lowered = text.lower()
    if isinstance(error, duckdb.PermissionException) or "read-only" in lowered or "has been locked" in lowered:
        return f"the warehouse is read-only: {text}"
    return text


def _lake_hint(error: Exception, warehouse: Path) -> str:
    """Where a lake-only table's rows are (LAKE_TABLES: Parquet parts only), for a query that named it as a
    table of the DuckDB file; nothing for any other error."""
    import duckdb

    from wirehouse.schema import LAKE_TABLES

    missing = re.search(r"Table with name (\w+) does not exist", str(error))
    if not isinstance(error, duckdb.CatalogException) or not missing or missing.group(1) not in LAKE_TABLES:
        return ""
    parts = Path(warehouse).absolute() / "parquet" / missing.group(1) / "*.parquet"
    return f" ({missing.group(1)} is kept as Parquet parts only: read_parquet('{parts}'))"
