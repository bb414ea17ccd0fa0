"""`--runner dask` against the default runner, same corpus, same machine, alternating runs.

    .venv/bin/python bench/dask_vs_default.py                  # 20,000 files of bench/throughput.py's corpus
    .venv/bin/python bench/dask_vs_default.py --files 5000 --rounds 1

Each run is `wirehouse run --json` as a process into an empty warehouse (Prefect's ephemeral server); prints
the flow's seconds per phase and the ratio dask / default of the batch phase, per round and as a median.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import ROOT, build_corpus


def run(corpus: Path, warehouse: Path, *extra: str) -> dict:
    shutil.rmtree(warehouse, ignore_errors=True)
    command = [sys.executable, "-m", "wirehouse.cli", "run", str(corpus), "--warehouse", str(warehouse), "--json"]
    done = subprocess.run([*command, *extra], cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode:
        sys.exit(f"run failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=1000, help="several batches, so both runners use every core")
    parser.add_argument("--workdir", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "wirehouse-dask")
    args = parser.parse_args()
    corpus = args.workdir / f"corpus-{args.files}"
    build_corpus(corpus, args.files)
    ratios = []
    for round_no in range(args.rounds):
        results = {}
        for name, extra in (("default", ()), ("dask", ("--runner", "dask"))):
            summary = run(corpus, args.workdir / "warehouse", "--batch-size", str(args.batch_size), *extra)
            phases = summary["phase_seconds"]
            results[name] = phases["process"]
            print(
                f"round {round_no}: {name:7s} {summary['n_articles']:,} articles, flow {summary['seconds']:.1f} s "
                f"(plan {phases['plan']:.1f}, batches {phases['process']:.1f}, commit {phases['commit']:.1f}), "
                f"{summary['n_articles'] / phases['process']:,.0f} articles/s in the batches",
                flush=True,
            )
        ratios.append(results["dask"] / results["default"])
    print(f"batch phase, dask / default on {os.cpu_count()} cores: median {statistics.median(ratios):.2f}x the time")


if __name__ == "__main__":
    main()
