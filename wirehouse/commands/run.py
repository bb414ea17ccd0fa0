"""`wirehouse run [PATHS...]`: run the news-etl flow and print a short summary."""

import argparse
import json
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from wirehouse.errors import WirehouseError
from wirehouse.ops.options import add_run_options, flow_parameters

if TYPE_CHECKING:
    from wirehouse.flows.summary import RunSummary


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("run", help="ingest new or changed article files into the warehouse")
    add_run_options(parser)  # shared with `wirehouse serve`
    parser.add_argument("--always-flow", action="store_true", help="start the flow even when no file is new or changed")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    parser.set_defaults(handler=handle)


def nothing_to_do(args: argparse.Namespace) -> "RunSummary | None":
    """A 'nothing to do' summary if no file is new or changed, else None: checked before Prefect starts.

    Listing and stat take about a second per 100,000 files; importing Prefect and starting its server take
    5 to 25 s, so an idle scheduled run should not pay for them.
    """
    from datetime import datetime

    from wirehouse.flows.summary import RunSummary
    from wirehouse.plan import plan_run
    from wirehouse.store.layout import Warehouse

    clock = time.perf_counter()
    Warehouse(Path(args.warehouse).resolve()).tidy()  # leftovers of a killed run go even if nothing is new
    plan = plan_run(
        args.paths, Warehouse(Path(args.warehouse).resolve()), "precheck", datetime.now(), args.follow_outside_links
    )
    if not plan.is_noop:
        return None
    seconds = time.perf_counter() - clock
    return RunSummary(run_id="", n_found=plan.n_found, seconds=seconds, phase_seconds={"plan": round(seconds, 3)})


def handle(args: argparse.Namespace) -> int:
    try:
        idle = None if args.always_flow else nothing_to_do(args)
    except WirehouseError as error:
        print(f"wirehouse: {error}", file=sys.stderr)
        return 2
    if idle is not None:
        return report(idle, args.json)

    from wirehouse.prefect_env import configure

    configure()
    from wirehouse.ops.runners import flow_with_runner
    from wirehouse.workers import server_dies_with_run

    server_dies_with_run()
    from wirehouse.prefect_env import quiet_known_failures

    quiet_known_failures()

    try:
        summary = flow_with_runner(args.runner, args.dask_address)(**flow_parameters(args))
    except WirehouseError as error:
        print(f"wirehouse: {error}", file=sys.stderr)
        return 2
    return report(summary, args.json)


def report(summary: "RunSummary", as_json: bool) -> int:
    if as_json:
        print(json.dumps(summary.as_dict()))
    elif summary.status == "nothing to do":
        print(f"nothing to do: {summary.n_found} files found, none new or changed")
    else:
        print(
            f"{summary.status}: {summary.n_articles} articles, {summary.n_paragraphs} paragraphs, "
            f"{summary.n_sentences} sentences, {summary.n_quotes} quotes, {summary.n_rejects} rejects "
            f"({summary.n_found} files found, {summary.n_files - summary.n_unchanged} new or changed, "
            f"{summary.n_replaced} articles replaced) in {summary.seconds:.1f} s  [run {summary.run_id}]"
        )
    return 0
