"""What a run pays for Prefect, per mode: whole processes over the same small inbox, alternating the modes.

    .venv/bin/python bench/prefect_cost.py               # the two seed articles, 3 rounds
    .venv/bin/python bench/prefect_cost.py --rounds 5 --ticks 5

Modes, each a whole process into a fresh warehouse (so every run has work):
  no Prefect      the same plan -> batches -> commit functions in one process (bench/reprocess.py's one_run):
                  the floor, with wirehouse's own imports and worker start-up
  ephemeral       `wirehouse run` with no PREFECT_API_URL: a temporary Prefect server for the run
  running server  `wirehouse run` with PREFECT_API_URL pointing at a `prefect server start` already up
  serve tick      `wirehouse serve` (warm): each scheduled tick, from its expected start to its end, as the
                  API records it (the first tick loads the inbox; later ticks find nothing new but still
                  run the flow: plan-files, and Prefect's own per-run costs)
Prints the median wall and CPU seconds (user + system, the process and the children it waited for) of each
mode, and the wall time above the no-Prefect floor: what the user pays for Prefect in that mode.
"""

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from prefect_server import BIN, flow_runs, prefect_server, stop_group

ROOT = Path(__file__).resolve().parent.parent


def direct(inbox: Path, warehouse: Path) -> None:
    """The no-Prefect floor, run in a child process of the benchmark (see --direct)."""
    from reprocess import one_run

    from wirehouse.store.layout import Warehouse
    from wirehouse.workers import worker_pool

    with worker_pool(2):
        one_run(inbox, Warehouse(warehouse), 5000)


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds of one whole process (its waited-for children included)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    clock = time.perf_counter()
    subprocess.run(command, env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - clock
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def serve_ticks(inbox: Path, warehouse: Path, ticks: int, interval: int) -> list[float]:
    """Seconds from expected start to end of each no-op tick of a warm `wirehouse serve`."""
    command = [str(BIN / "wirehouse"), "serve", str(inbox), "--warehouse", str(warehouse)]
    command += ["--interval", str(interval), "--name", "prefect-cost"]
    serving = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    try:
        deadline = time.monotonic() + 600 + ticks * interval * 3
        while True:
            done = [r for r in flow_runs("prefect-cost") if r.state.is_completed()]
            if len(done) > ticks:
                break
            if serving.poll() is not None or time.monotonic() > deadline:
                sys.exit("serve stopped or took too long")
            time.sleep(1)
    finally:
        stop_group(serving)
    return [(r.end_time - r.expected_start_time).total_seconds() for r in done[1 : ticks + 1]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--ticks", type=int, default=3, help="no-op serve ticks to measure (0: skip serve)")
    parser.add_argument("--interval", type=int, default=10, help="serve interval, seconds")
    parser.add_argument("--direct", nargs=2, type=Path, metavar=("INBOX", "WAREHOUSE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.direct:
        direct(*args.direct)
        return

    scratch = Path(tempfile.mkdtemp(prefix="wirehouse-prefect-cost-"))
    inbox = scratch / "inbox"
    inbox.mkdir()
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        shutil.copy(path, inbox / path.name)
    base = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API_URL")}
    base["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
    run = [str(BIN / "wirehouse"), "run", str(inbox), "--json", "--warehouse"]
    figures: dict[str, list[tuple[float, float]]] = {"no Prefect": [], "ephemeral": [], "running server": []}
    ticks: list[float] = []
    try:
        with prefect_server() as server_env:
            modes = {
                "no Prefect": ([sys.executable, __file__, "--direct", str(inbox)], base),
                "ephemeral": (run, base),
                "running server": (run, server_env),
            }
            for number in range(args.rounds):
                for name, (command, env) in modes.items():
                    warehouse = scratch / f"wh-{name.replace(' ', '-')}-{number}"
                    figures[name].append(timed([*command, str(warehouse)], env))
                    print(f"round {number + 1} {name:15s} {figures[name][-1][0]:6.1f} s wall", flush=True)
            if args.ticks:
                ticks = serve_ticks(inbox, scratch / "wh-serve", args.ticks, args.interval)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    floor = statistics.median(wall for wall, _ in figures["no Prefect"])
    print(f"\n{'mode':16s} {'wall':>8s} {'cpu':>8s} {'paid for Prefect':>17s}   (medians of {args.rounds})")
    for name, rows in figures.items():
        wall, cpu = statistics.median(r[0] for r in rows), statistics.median(r[1] for r in rows)
        print(f"{name:16s} {wall:7.1f}s {cpu:7.1f}s {wall - floor:16.1f}s")
    if ticks:
        each = ", ".join(f"{tick:.1f}" for tick in ticks)
        print(f"{'serve tick':16s} {statistics.median(ticks):7.1f}s {'':8s}  (no-op ticks, due to done: {each})")
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
