"""`wirehouse query NAME [--param key=value ...]`: run one of the named analyses in sql/queries/."""

import argparse
import sys
from pathlib import Path

from wirehouse.settings import WAREHOUSE_HELP, default_warehouse


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("query", help="run a named analysis from sql/queries/ (--list shows them)")
    parser.add_argument("name", nargs="?", help="the analysis, e.g. top_speakers")
    parser.add_argument("--list", action="store_true", help="list the analyses with their parameters")
    parser.add_argument("--param", action="append", default=[], metavar="KEY=VALUE", help="a parameter (repeatable)")
    parser.add_argument("--warehouse", type=Path, default=None, help=WAREHOUSE_HELP)
    parser.add_argument("--format", choices=("table", "csv", "json"), default="table")
    parser.add_argument("--max-rows", type=int, default=40, help="rows shown in table format")
    parser.set_defaults(handler=handle)


def _print_list(queries: dict) -> None:
    for query in queries.values():
        print(f"{query.name}: {query.description}")
        for p in query.parameters:
            default = f" (default {p.default})" if p.default is not None else " (required)"
            print(f"    --param {p.name}=<{p.type.lower()}>{default}: {p.description}")


def handle(args: argparse.Namespace) -> int:
    from wirehouse.errors import WirehouseError
    from wirehouse.queries import named_queries

    queries = named_queries()
    if args.list or not args.name:
        _print_list(queries)
        return 0 if args.list else 2
    if args.name not in queries:
        print(f"wirehouse: no query named {args.name!r}; `wirehouse query --list` shows them", file=sys.stderr)
        return 2
    given = {}
    for item in args.param:
        key, sep, value = item.partition("=")
        if not sep:
            print(f"wirehouse: --param {item!r}: write it as key=value", file=sys.stderr)
            return 2
        given[key.strip()] = value
    try:
        values = queries[args.name].bind(given)
    except WirehouseError as error:
        print(f"wirehouse: {error}", file=sys.stderr)
        return 2
    return run_and_print(
        args.warehouse or default_warehouse(), queries[args.name].sql, values, args.format, args.max_rows
    )


def run_and_print(warehouse: Path, sql: str, values: dict, fmt: str, max_rows: int) -> int:
    """Run SQL with bound values on the published warehouse (read-only, wirehouse.store.readonly) and print it."""
    from wirehouse.output import write_result
    from wirehouse.store.readonly import fetch_or_exit_code

    fetched = fetch_or_exit_code(warehouse, sql, values)
    if isinstance(fetched, int):
        return fetched
    columns, rows = fetched
    write_result(sys.stdout, columns, rows, fmt, max_rows)
    return 0
