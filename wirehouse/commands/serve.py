"""`wirehouse serve [PATHS...] (--cron EXPR | --interval SECONDS)`: news-etl as a scheduled Prefect deployment.

Prefect's own machinery does the scheduling (`flow.serve`'s runner polls a Prefect server for due runs), so
this needs a running server: without PREFECT_API_URL it says so, with the one command that starts one.
Overlap: the deployment allows one run at a time and a tick that comes due while a run is still writing is
cancelled (CANCEL_NEW), never queued; runs are incremental, so the next tick picks up whatever it missed.
"""

import argparse
import os
import sys

from wirehouse.errors import WirehouseError
from wirehouse.ops.options import add_run_options, flow_parameters

START_SERVER = "make server   (= PREFECT_SERVER_ANALYTICS_ENABLED=false prefect server start --host 127.0.0.1)"
API_HINT = "export PREFECT_API_URL=http://127.0.0.1:4200/api"


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("serve", help="run news-etl on a schedule (needs a Prefect server)")
    add_run_options(parser)
    when = parser.add_mutually_exclusive_group(required=True)
    when.add_argument("--cron", metavar="EXPR", help="cron schedule, e.g. '*/10 * * * *'")
    when.add_argument("--interval", type=float, metavar="SECONDS", help="seconds between runs")
    parser.add_argument("--name", default="scheduled", help="deployment name (default: scheduled)")
    parser.set_defaults(handler=handle)


def server_problem() -> str | None:
    """Why serving cannot work here (no server configured, or it does not answer), or None."""
    from prefect.settings import get_current_settings

    url = get_current_settings().api.url
    if not url:
        return (
            "serve needs a running Prefect server (Prefect cannot schedule runs on its ephemeral one).\n"
            f"Start one with:  {START_SERVER}\nthen:  {API_HINT}"
        )
    from prefect.client.orchestration import get_client

    with get_client(sync_client=True) as client:
        error = client.api_healthcheck()
    if error is not None:
        return f"no Prefect server answers at {url} ({type(error).__name__}).\nStart one with:  {START_SERVER}"
    return None


def build_deployment(args: argparse.Namespace):
    """The RunnerDeployment of news-etl with the schedule, parameters and overlap policy the options name."""
    from prefect.client.schemas.objects import ConcurrencyLimitConfig, ConcurrencyLimitStrategy
    from prefect.types.entrypoint import EntrypointType

    from wirehouse.ops.runners import flow_with_runner

    flow = flow_with_runner(args.runner, args.dask_address)
    deployment = flow.to_deployment(
        name=args.name,
        cron=args.cron,
        interval=args.interval,
        parameters=flow_parameters(args, absolute=True),
        concurrency_limit=ConcurrencyLimitConfig(limit=1, collision_strategy=ConcurrencyLimitStrategy.CANCEL_NEW),
        description="news-etl on a schedule: new or changed files in, a published snapshot out",
        tags=["wirehouse"],
        entrypoint_type=EntrypointType.MODULE_PATH,  # each run is a fresh process that imports the flow
    )
    if args.runner == "dask":  # ... so it must import the flow object that has the Dask runner
        from wirehouse.flows import news_etl_dask

        deployment.entrypoint = "wirehouse.flows.news_etl_dask.news_etl_dask"
        if args.dask_address:
            os.environ[news_etl_dask.DASK_ADDRESS_ENV] = args.dask_address
    return deployment


def handle(args: argparse.Namespace) -> int:
    from wirehouse.prefect_env import configure

    configure()
    from wirehouse.ingest.discover import discover

    try:
        discover(args.paths)  # a path that names nothing is an error now, not at every tick
        problem = server_problem()
        if problem is not None:
            raise WirehouseError(problem)
        deployment = build_deployment(args)
    except WirehouseError as error:
        print(f"wirehouse: {error}", file=sys.stderr)
        return 2
    from prefect import serve

    serve(deployment, limit=1)  # until SIGINT/SIGTERM; the schedule is paused on shutdown
    return 0
