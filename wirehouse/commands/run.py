"""`wirehouse run [PATHS...]`: run the news-etl flow and print a short summary."""

import argparse
import contextlib
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from wirehouse.errors import WirehouseError
from wirehouse.helptext import DefaultsHelpFormatter
from wirehouse.ops.options import add_run_options, flow_parameters
from wirehouse.settings import default_warehouse

if TYPE_CHECKING:
    from wirehouse.flows.summary import RunSummary
    from wirehouse.store.layout import Warehouse


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "run",
        help="load new or changed article files into the warehouse",
        description="Read the article files under PATHS that are new or changed since the last run, derive "
        "articles, paragraphs, sentences, quotes and speakers, and publish them to the warehouse atomically. "
        "Articles derived by older rules (reference CSVs, code version) are re-derived from raw_articles.",
        formatter_class=DefaultsHelpFormatter,
    )
    add_run_options(parser)  # shared with `wirehouse serve`
    parser.add_argument("--always-flow", action="store_true", help="start the flow even when no file is new or changed")
    parser.add_argument(
        "--full-refresh",
        action="store_true",
        help="read every file again and re-derive every article (as dbt's --full-refresh)",
    )
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress display, only the summary")
    parser.set_defaults(handler=handle)


@dataclass(frozen=True)
class Precheck:
    """What the check before Prefect starts found."""

    idle: "RunSummary | None"  # a 'nothing to do' summary when no file is new or changed
    new_files: int  # files listed beyond those the snapshot knows (all of them for a first run or a full refresh)


def nothing_to_do(args: argparse.Namespace) -> Precheck:
    """Is any file new or changed (a Precheck whose `idle` is the 'nothing to do' summary if none is)? Checked
    before Prefect starts.

    Listing and stat take about half a second per 100,000 files, and the snapshot's compact no-op manifest
    (wirehouse.store.noop) is read without pandas, pyarrow or DuckDB; importing Prefect and starting its
    server take 5 to 25 s, so an idle scheduled run should not pay for them.
    """
    from wirehouse.flows.summary import RunSummary
    from wirehouse.store.layout import Warehouse
    from wirehouse.store.noop import nothing_changed

    clock = time.perf_counter()
    store = Warehouse(args.warehouse.resolve())
    store.tidy()  # leftovers of a killed run go even if nothing is new
    check = nothing_changed(
        args.paths, store.current_snapshot(), args.max_bytes, args.full_refresh, args.follow_outside_links
    )
    idle, n_found = check.idle, check.n_found
    known = 0 if check.manifest is None or args.full_refresh else len(check.manifest.paths)
    if idle is None:  # a snapshot from before the no-op manifest: plan the full way
        from datetime import datetime

        from wirehouse.reprocess import plan_with_reprocessing

        plan, _ = plan_with_reprocessing(
            args.paths,
            store,
            "precheck",
            datetime.now(),
            args.max_bytes,
            args.full_refresh,
            follow_outside=args.follow_outside_links,
            listing=check.listing,
            noop=check.manifest,
        )
        idle, n_found = plan.is_noop, plan.n_found
    if not idle:
        return Precheck(None, max(n_found - known, 0))
    seconds = time.perf_counter() - clock
    summary = RunSummary(run_id="", n_found=n_found, seconds=seconds, phase_seconds={"plan": round(seconds, 3)})
    return Precheck(summary, 0)


def handle(args: argparse.Namespace) -> int:
    from wirehouse import progress
    from wirehouse.run_options import check_memory_cap, check_run_options
    from wirehouse.store.layout import Warehouse

    args.warehouse = (args.warehouse or default_warehouse()).absolute()
    store = Warehouse(args.warehouse)
    try:
        check_run_options(args.batch_size, args.workers, args.max_bytes, args.warehouse)
        with store.writer_lock():  # a second run fails here, at once, before Prefect starts
            precheck = None if args.always_flow else nothing_to_do(args)
            if precheck is not None and precheck.idle is not None:
                return report(precheck.idle, args.json, args.warehouse)
            check_memory_cap()
            if sys.stderr.isatty() and not (args.quiet or args.json):
                progress.enable()
            summary = run_flow(args, store, warm_workers=precheck is not None and needs_pool(args, precheck))
    except WirehouseError as error:
        progress.disable()
        print(f"wirehouse: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:  # before the flow started: nothing was written
        progress.disable()
        print("wirehouse: stopped by SIGINT; the warehouse is unchanged", file=sys.stderr)
        return 130
    progress.disable()
    return report(summary, args.json, args.warehouse)


def needs_pool(args: argparse.Namespace, precheck: Precheck) -> bool:
    """Will the run open the pool of worker processes (more than one batch of files to read, on this machine)?
    Counted from the files the snapshot does not know yet, so a run of changed files alone says no: it opens
    its pool in the flow, as before."""
    return args.runner == "default" and args.workers > 1 and precheck.new_files > args.batch_size


def run_flow(args: argparse.Namespace, store: "Warehouse", warm_workers: bool = False) -> "RunSummary":
    """The flow, with Prefect's temporary server (when no PREFECT_API_URL is set) booting while Prefect and the
    flow's modules are imported, and killed at the end instead of Prefect's stop (see wirehouse.prefect_env).

    `warm_workers`: while this process waits for that server, the worker processes' forkserver imports the
    stages (it would only start after planning in the flow). Its ~1 s of imports ran on the core the
    waiting left idle: the `process` phase of a 30,000-file run 8.96 -> 8.33 s, the whole process 21.96 ->
    20.91 s (medians of 7 alternating runs each, 8 Dec 03:18-03:23, load ~1.5-2)."""
    from wirehouse import progress
    from wirehouse.interrupt import stop_cleanly
    from wirehouse.prefect_env import configure, start_temporary_server

    configure()
    server = start_temporary_server()
    try:
        from wirehouse.ops.runners import flow_with_runner
        from wirehouse.prefect_env import quiet_known_failures, without_heartbeats
        from wirehouse.workers import start_forkserver

        quiet_known_failures()
        with stop_cleanly(store, before_exit=progress.disable):
            flow = flow_with_runner(args.runner, args.dask_address)
            if server is not None:
                if warm_workers:
                    start_forkserver()
                server.wait_ready()
            with without_heartbeats() if server is not None else contextlib.nullcontext():
                return flow(**flow_parameters(args), full_refresh=args.full_refresh)
    finally:
        if server is not None:
            server.stop()


def report(summary: "RunSummary", as_json: bool, warehouse: Path) -> int:
    if as_json:
        print(json.dumps({**summary.as_dict(), "warehouse": str(warehouse)}))
    elif summary.status == "nothing to do":
        print(f"nothing to do: {summary.n_found} files found, none new or changed  [warehouse {warehouse}]")
    else:
        print(
            f"{summary.status}: {summary.n_articles} articles, {summary.n_paragraphs} paragraphs, "
            f"{summary.n_sentences} sentences, {summary.n_quotes} quotes, {summary.n_rejects} rejects "
            f"({summary.n_found} files found, {summary.n_files - summary.n_unchanged - summary.n_rederived} new or "
            f"changed, {summary.n_replaced} articles replaced) in {summary.seconds:.1f} s  "
            f"[run {summary.run_id}, warehouse {warehouse}]"
        )
        if summary.reprocessed:
            print(f"reprocessed: {'; '.join(summary.reprocessed)}")
    return 0
