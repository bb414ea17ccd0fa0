"""The options `wirehouse run` and `wirehouse serve` share, defined once, and the flow parameters they make."""

import argparse
from pathlib import Path

from wirehouse.settings import (
    DEFAULT_BATCH_SIZE,
    DEFAULT_FOLLOW_OUTSIDE_LINKS,
    DEFAULT_INBOX,
    DEFAULT_MAX_BYTES,
    DEFAULT_WORKERS,
    WAREHOUSE_HELP,
    default_warehouse,
)

RUNNERS = ("default", "dask")


def add_run_options(parser: argparse.ArgumentParser) -> None:
    """PATHS, --warehouse, --batch-size, --max-bytes, --workers, --runner, --dask-address."""
    parser.add_argument("paths", nargs="*", default=[DEFAULT_INBOX], help="folders, files or globs")
    parser.add_argument("--warehouse", type=Path, default=None, metavar="DIR", help=WAREHOUSE_HELP)
    parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE, metavar="N", help="files per batch task")
    parser.add_argument(
        "--max-bytes", type=int, default=DEFAULT_MAX_BYTES, metavar="N", help="larger files are rejected as oversize"
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=DEFAULT_WORKERS,
        metavar="N",
        help="processes for the batch work (one per core; 1 runs it in the run's own process)",
    )
    parser.add_argument(
        "--follow-outside-links",
        action="store_true",
        default=DEFAULT_FOLLOW_OUTSIDE_LINKS,
        help="read files that symlinks inside the folders lead to outside them (default: reject as symlink_outside)",
    )
    parser.add_argument(
        "--runner",
        choices=RUNNERS,
        default="default",
        help="where batch tasks run: 'default' (this machine's worker processes) or 'dask' (prefect-dask)",
    )
    parser.add_argument(
        "--dask-address",
        metavar="tcp://HOST:PORT",
        help="scheduler of an existing Dask cluster (with --runner dask; default: a LocalCluster of processes)",
    )


def flow_parameters(args: argparse.Namespace, absolute: bool = False) -> dict:
    """The news_etl parameters the options name; absolute=True for runs started elsewhere (a served deployment)."""
    paths, warehouse = list(args.paths), str(args.warehouse or default_warehouse())
    if absolute:
        paths = [str(Path(p).absolute()) for p in paths]
        warehouse = str(Path(warehouse).absolute())
    return {
        "paths": paths,
        "warehouse": warehouse,
        "batch_size": args.batch_size,
        "max_bytes": args.max_bytes,
        "workers": args.workers,
        "follow_outside_links": args.follow_outside_links,
    }
