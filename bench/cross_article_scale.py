"""Cross-article scale benchmark: what stories, quote clusters and search postings cost a run, at 10k-100k.

For each size, two cold `wirehouse run`s over the same files (bench/throughput.py's corpus: the seeds and the
shared BBC and Reuters articles, repeated with a changed first line, so every ~22,000 files the bodies repeat,
as syndicated copies do): one as shipped, one with the cross-article layer switched off
($WIREHOUSE_CROSS_ARTICLE=off: no story or quote keys in the batches, no link step). Then, at the largest
size, an incremental run of --increment new files into the warehouse of the cold run (the lookup against
stored articles). Runs alternate on/off so that load on a shared machine falls on both alike.

    .venv/bin/python bench/cross_article_scale.py                      # 10,000 30,000 100,000
    .venv/bin/python bench/cross_article_scale.py --sizes 2000 6000 --increment 1000
    .venv/bin/python bench/cross_article_scale.py --sizes 100000 --increment 0    # cold runs only
    .venv/bin/python bench/cross_article_scale.py --sizes 20000 --increment 0 --workers 1   # all CPU counted

Prints per size: articles/s of the flow with the layer on and off and the share of throughput it costs; the
link step's seconds and microseconds per article (it should stay flat as the size grows: linear); the
process phase (batches, where the keys are computed) on and off; the CPU seconds of each run's own process
and the share of them the layer takes, steadier than wall time when others load the machine (the batch
workers' CPU is not in it: with --workers 1 the batches run in that process and it is the whole run's).
"""

import argparse
import os
import resource
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import build_corpus, run, source_articles

SWITCH = "WIREHOUSE_CROSS_ARTICLE"  # wirehouse.settings.CROSS_ARTICLE_ENV


def one_run(corpus: Path, warehouse: Path, on: bool, args: argparse.Namespace, fresh: bool = True) -> dict:
    if fresh:
        shutil.rmtree(warehouse, ignore_errors=True)
    os.environ[SWITCH] = "on" if on else "off"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    summary, wall, _ = run(corpus, warehouse, args.workers, args.batch_size)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    summary["wall"] = wall
    # CPU of the `wirehouse run` process and the children it reaped (Prefect's server): the plan, link step and
    # commit, and with --workers 1 the batches too; batch workers come from a forkserver and are not counted.
    # On a machine shared with others, the wall-clock ratio moves with their load, the CPU ratio much less
    summary["cpu"] = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return summary


def report(label: str, n: int, on: dict, off: dict) -> None:
    rate_on, rate_off = n / on["seconds"], n / off["seconds"]
    link = on["phase_seconds"].get("link", 0.0)
    process_on, process_off = on["phase_seconds"].get("process", 0.0), off["phase_seconds"].get("process", 0.0)
    print(
        f"{label:>18}: on {rate_on:7,.0f} art/s, off {rate_off:7,.0f} art/s -> costs {1 - rate_on / rate_off:6.1%} "
        f"| link {link:6.2f} s = {1e6 * link / n:5.0f} us/article | process on {process_on:6.2f} s, "
        f"off {process_off:6.2f} s ({1e6 * (process_on - process_off) / n:+5.0f} us/article) "
        f"| run process CPU on {on['cpu']:6.1f} s, off {off['cpu']:6.1f} s -> costs {1 - off['cpu'] / on['cpu']:6.1%}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 30_000, 100_000])
    parser.add_argument("--increment", type=int, default=5000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--batch-size", type=int, default=5000)
    parser.add_argument("--workdir", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "wirehouse-bench")
    args = parser.parse_args()
    print(f"workers={args.workers} batch={args.batch_size}; flow seconds (Prefect start-up excluded)")
    for n in args.sizes:
        corpus = args.workdir / f"corpus-{n}"
        build_corpus(corpus, n)
        on = one_run(corpus, args.workdir / "warehouse-on", True, args)
        off = one_run(corpus, args.workdir / "warehouse-off", False, args)
        report(f"cold {n:,}", on["n_articles"], on, off)
    if not args.increment:  # --increment 0: the cold runs only
        return
    # Incremental: the last size's warehouses gain --increment new files (more copies of the same sources).
    n = args.sizes[-1]
    corpus = args.workdir / f"corpus-{n}"
    added = add_files(corpus / "increment", n, args.increment)
    try:
        on = one_run(corpus, args.workdir / "warehouse-on", True, args, fresh=False)
        off = one_run(corpus, args.workdir / "warehouse-off", False, args, fresh=False)
    finally:
        shutil.rmtree(added)
    report(f"+{args.increment:,} to {n:,}", on["n_articles"], on, off)


def add_files(folder: Path, first: int, count: int) -> Path:
    """Files first .. first+count-1 of the corpus sequence, in a folder of their own."""
    sources = [p.read_bytes() for p in source_articles()]
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(first, first + count):
        first_line, _, rest = sources[i % len(sources)].partition(b"\n")
        (folder / f"{i:07d}.txt").write_bytes(first_line + f" (take {i // len(sources)})".encode() + b"\n" + rest)
    return folder


if __name__ == "__main__":
    main()
