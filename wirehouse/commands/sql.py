"""`wirehouse sql "SELECT ..."`: a read-only query against the published warehouse, printed as a table."""

import argparse
import sys
from pathlib import Path

from wirehouse.settings import DEFAULT_WAREHOUSE


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("sql", help="run a read-only SQL query against the warehouse")
    parser.add_argument("query", help="SQL, or @FILE to read it from a file")
    parser.add_argument("--warehouse", default=str(DEFAULT_WAREHOUSE), help="warehouse folder")
    parser.add_argument("--format", choices=("table", "csv", "json"), default="table")
    parser.add_argument("--max-rows", type=int, default=40, help="rows shown in table format")
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    import duckdb

    from wirehouse.store.layout import Warehouse

    database = Warehouse(Path(args.warehouse)).duckdb_path
    if not database.exists():
        print(f"wirehouse: no warehouse at {args.warehouse} yet: run `wirehouse run` first", file=sys.stderr)
        return 2
    query = Path(args.query[1:]).read_text(encoding="utf-8") if args.query.startswith("@") else args.query
    con = duckdb.connect(str(database), read_only=True)
    try:
        relation = con.sql(query)
        if relation is None:
            return 0
        frame = relation.df()
    except duckdb.Error as error:
        print(f"wirehouse: {error}", file=sys.stderr)
        return 1
    finally:
        con.close()
    if args.format == "csv":
        frame.to_csv(sys.stdout, index=False)
    elif args.format == "json":
        frame.to_json(sys.stdout, orient="records", date_format="iso", force_ascii=False)
        print()
    else:
        import pandas as pd

        with pd.option_context(
            "display.max_rows",
            args.max_rows,
            "display.max_columns",
            None,
            "display.width",
            200,
            "display.max_colwidth",
            60,
        ):
            print(frame.to_string(index=False, max_rows=args.max_rows))
        print(f"({len(frame)} rows)")
    return 0
