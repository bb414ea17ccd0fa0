"""Hostile copies: one page carried thousands of times, run after run (a scraper's error page, a press release
sent to every outlet). Each run adds --copies new files holding the same article to the same warehouse; the
link step and the commit must grow with the run, not with the copies already stored times the new ones.

    .venv/bin/python bench/copies.py                       # 4 runs of 3,000 copies
    .venv/bin/python bench/copies.py --copies 10000 --runs 3

Prints per run: the articles stored before it, the flow's seconds by phase, the link step's and the commit's
microseconds per new article, the largest process's peak RSS, and what the warehouse holds after it (stories,
the largest story, quote clusters, the largest cluster): every copy in one story, each quote in one cluster.
Before 8 Dec 2026 the second run of 3,000 copies took 130 s and 24 GB in the link step (k * m pairs), and the
third spent 59 s of its commit in the quote_clusters model (every voter against every other of a cluster).
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import ROOT, run

SHARED = ROOT.parent / "shared"


def holdings(warehouse: Path) -> dict:
    sql = """SELECT (SELECT count(*) FROM stories) AS stories, (SELECT max(n_articles) FROM stories) AS largest_story,
                    (SELECT count(*) FROM quote_clusters) AS clusters, (SELECT max(n_quotes) FROM quote_clusters) AS
                    largest_cluster"""
    command = [sys.executable, "-m", "wirehouse.cli", "sql", sql, "--warehouse", str(warehouse), "--format", "json"]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True)
    return json.loads(done.stdout)[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=3000, help="files per run, all the same article")
    parser.add_argument("--runs", type=int, default=4)
    parser.add_argument("--source", type=Path, default=SHARED / "corpora" / "bbc" / "politics" / "001.txt")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--workdir", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "wirehouse-copies")
    args = parser.parse_args()

    shutil.rmtree(args.workdir, ignore_errors=True)
    warehouse = args.workdir / "warehouse"
    text = args.source.read_bytes()
    print(f"{args.runs} runs of {args.copies:,} copies of {args.source.name}; workers={args.workers}")
    columns = ["run", "stored before", "flow s", "link s", "commit s", "link µs/article", "commit µs/article"]
    print("| " + " | ".join([*columns, "peak MiB", "holds"]) + " |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for number in range(1, args.runs + 1):
        inbox = args.workdir / f"inbox-{number}"
        inbox.mkdir(parents=True)
        for copy in range(args.copies):
            (inbox / f"{copy:06d}.txt").write_bytes(text)
        summary, _, peak = run(inbox, warehouse, args.workers, 5000)
        phases, n = summary["phase_seconds"], max(summary["n_articles"], 1)
        print(
            f"| {number} | {(number - 1) * args.copies:,} | {summary['seconds']:.1f} | {phases.get('link', 0):.2f} | "
            f"{phases.get('commit', 0):.2f} | {1e6 * phases.get('link', 0) / n:,.0f} | "
            f"{1e6 * phases.get('commit', 0) / n:,.0f} | {peak:,.0f} | {holdings(warehouse)} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
