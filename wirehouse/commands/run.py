"""`wirehouse run [PATHS...]`: run the news-etl flow and print a short summary."""

import argparse
import sys

from wirehouse.errors import WirehouseError
from wirehouse.ingest.decode import DEFAULT_MAX_BYTES
from wirehouse.paths import DEFAULT_WAREHOUSE


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("run", help="ingest new or changed article files into the warehouse")
    parser.add_argument("paths", nargs="*", default=["inbox"], help="folders, files or globs (default: inbox)")
    parser.add_argument("--warehouse", default=str(DEFAULT_WAREHOUSE), help="warehouse folder")
    parser.add_argument("--batch-size", type=int, default=5000, help="files per batch task")
    parser.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, help="larger files are rejected")
    parser.add_argument("--workers", type=int, default=1, help="processes for batch tasks (1: in the flow's own)")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    from wirehouse.prefect_env import configure

    configure()
    from flows.news_etl import news_etl

    flow = news_etl
    if args.workers > 1:
        from prefect.task_runners import ProcessPoolTaskRunner

        flow = news_etl.with_options(task_runner=ProcessPoolTaskRunner(max_workers=args.workers))
    try:
        summary = flow(paths=args.paths, warehouse=args.warehouse, batch_size=args.batch_size, max_bytes=args.max_bytes)
    except WirehouseError as error:
        print(f"wirehouse: {error}", file=sys.stderr)
        return 2
    if args.json:
        import json

        print(json.dumps(summary.as_dict()))
    else:
        print(
            f"{summary.status}: {summary.n_articles} articles, {summary.n_paragraphs} paragraphs, "
            f"{summary.n_sentences} sentences, {summary.n_quotes} quotes, {summary.n_rejects} rejects "
            f"({summary.n_found} files found, {summary.n_files - summary.n_unchanged} new or changed, "
            f"{summary.n_replaced} articles replaced) in {summary.seconds:.1f} s  [run {summary.run_id}]"
        )
    return 0
