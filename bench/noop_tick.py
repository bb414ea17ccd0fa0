"""No-op tick under `wirehouse serve`: flow time of a scheduled run that finds nothing new in N files.

    .venv/bin/python bench/noop_tick.py                 # 100,000 files (bench/throughput.py's corpus)
    .venv/bin/python bench/noop_tick.py --files 20000

Starts a Prefect server on a free port, serves news-etl every --interval seconds over the corpus; the first
tick loads it (unless the warehouse in --workdir already holds it: then every tick is a no-op), the following
ticks find nothing new. Prints each no-op tick's flow time (the flow run's start to end in the Prefect API:
listing + stat + manifest, the rename, no worker process, no artifact), then the same planning without
Prefect (wirehouse.plan.plan_run in this process), so that the figure can be read against the machine's
load at the time. Everything it starts is stopped at the end.
"""

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from prefect_server import BIN, flow_runs, prefect_server, stop_group
from throughput import ROOT, build_corpus


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=100_000)
    parser.add_argument("--ticks", type=int, default=5, help="no-op ticks to measure")
    parser.add_argument("--interval", type=int, default=10)
    parser.add_argument("--workdir", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "wirehouse-noop")
    args = parser.parse_args()

    corpus = args.workdir / f"corpus-{args.files}"
    print(f"corpus: {args.files:,} files, {build_corpus(corpus, args.files) / 1e6:.1f} MB in {corpus}", flush=True)
    warehouse = args.workdir / "warehouse"
    loaded = warehouse / f"loaded-{args.files}"
    if not loaded.exists():
        subprocess.run(["rm", "-rf", str(warehouse)], check=True)
    with prefect_server() as env:
        command = [str(BIN / "wirehouse"), "serve", str(corpus), "--warehouse", str(warehouse)]
        command += ["--interval", str(args.interval), "--name", "noop-bench"]
        serving = subprocess.Popen(
            command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
        )
        try:
            deadline = time.monotonic() + 1800
            while True:
                done = [r for r in flow_runs("noop-bench") if r.state.is_completed()]
                if len(done) > args.ticks:
                    break
                if serving.poll() is not None or time.monotonic() > deadline:
                    sys.exit("serve stopped or took too long")
                time.sleep(2)
        finally:
            stop_group(serving)
    loaded.touch()
    first, *noops = done[: args.ticks + 1]
    seconds = [(r.end_time - r.start_time).total_seconds() for r in noops]
    print(f"first tick: {first.name}: {(first.end_time - first.start_time).total_seconds():.1f} s of flow time")
    for run in noops:
        print(f"  {run.name}: {(run.end_time - run.start_time).total_seconds():.2f} s")
    print(f"no-op tick over {args.files:,} unchanged files: median {statistics.median(seconds):.2f} s of flow time")
    bare = plan_seconds(corpus, warehouse, len(noops))
    print(f"the same planning without Prefect: median {statistics.median(bare):.2f} s; load average {os.getloadavg()}")


def plan_seconds(corpus: Path, warehouse: Path, times: int) -> list[float]:
    from datetime import datetime

    from wirehouse.plan import plan_run
    from wirehouse.store.layout import Warehouse

    seconds = []
    for _ in range(times):
        clock = time.perf_counter()
        assert plan_run([str(corpus)], Warehouse(warehouse), "bench", datetime.now()).is_noop
        seconds.append(time.perf_counter() - clock)
    return seconds


if __name__ == "__main__":
    main()
