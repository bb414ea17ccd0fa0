"""Throughput benchmark: N article files through `wirehouse run`, cold and as a no-op re-run.

The corpus is the seeds plus every article in ../shared/corpora (BBC, Reuters-21578), repeated with a small
variation per copy (a changed first line), so that every file has its own content hash, up to N files.

    .venv/bin/python bench/throughput.py                   # 100,000 files, one worker per core
    .venv/bin/python bench/throughput.py --files 20000 --workers 1

Prints articles/s, MB/s and peak RSS of the whole `wirehouse run` process (Prefect start-up included) and of
the flow alone: a cold run into an empty warehouse, then re-runs over the unchanged files, once as
`wirehouse run` does it (it sees that nothing changed before starting Prefect) and once through the flow.
"""

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"


def source_articles() -> list[Path]:
    sources = sorted((ROOT / "seeds").glob("*.txt"))
    if CORPORA.is_dir():
        sources += sorted((CORPORA / "bbc").glob("*/*.txt"))
        sources += sorted((CORPORA / "reuters21578" / "articles").glob("*.txt"))
    return sources


def build_corpus(target: Path, n_files: int) -> int:
    """Write n_files variants of the source articles under target (reused if already complete)."""
    marker = target / ".complete"
    if marker.exists() and marker.read_text() == str(n_files):
        return sum(p.stat().st_size for p in target.rglob("*.txt"))
    shutil.rmtree(target, ignore_errors=True)
    sources = [p.read_bytes() for p in source_articles()]
    total = 0
    for i in range(n_files):
        data = corpus_file_bytes(sources[i % len(sources)], i // len(sources))
        folder = target / f"{i // 1000:04d}"
        if i % 1000 == 0:
            folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{i:07d}.txt").write_bytes(data)
        total += len(data)
    marker.write_text(str(n_files))
    return total


def corpus_file_bytes(data: bytes, copy: int) -> bytes:
    """A corpus file: file i is source i modulo their number, taken for the (i // number)-th time; its first
    line is marked with the take after the first."""
    if copy:
        first, _, rest = data.partition(b"\n")
        data = first + f" (take {copy})".encode() + b"\n" + rest
    return data


def run(corpus: Path, warehouse: Path, workers: int, batch_size: int, *extra: str) -> tuple[dict, float, float]:
    """One `wirehouse run` as a process: its summary, wall seconds and peak RSS in MiB."""
    command = [sys.executable, "-m", "wirehouse.cli", "run", str(corpus), "--warehouse", str(warehouse), "--json"]
    command += ["--workers", str(workers), "--batch-size", str(batch_size), *extra]
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if done.returncode:
        sys.exit(f"run failed:\n{done.stderr[-3000:]}")
    peak = max(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, before) / 1024
    return json.loads(done.stdout.strip().splitlines()[-1]), seconds, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--batch-size", type=int, default=5000)
    parser.add_argument("--workdir", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "wirehouse-bench")
    args = parser.parse_args()

    corpus = args.workdir / f"corpus-{args.files}"
    warehouse = args.workdir / "warehouse"
    megabytes = build_corpus(corpus, args.files) / 1e6
    shutil.rmtree(warehouse, ignore_errors=True)
    print(f"corpus: {args.files:,} files, {megabytes:,.1f} MB; workers={args.workers} batch={args.batch_size}")
    for label, extra in (("cold run", ()), ("no-op re-run", ()), ("no-op via flow", ("--always-flow",))):
        summary, wall, peak = run(corpus, warehouse, args.workers, args.batch_size, *extra)
        flow = max(summary["seconds"], 1e-9)
        print(
            f"{label:>13}: {summary['n_articles']:>7,} articles, {summary['n_quotes']:>8,} quotes | "
            f"flow {flow:6.2f} s = {args.files / flow:9,.0f} files/s, {megabytes / flow:6.1f} MB/s | "
            f"process {wall:6.2f} s = {args.files / wall:8,.0f} files/s | peak RSS {peak:,.0f} MiB"
        )
        if summary["phase_seconds"]:
            print(f"{'':>15}flow phases (s): {summary['phase_seconds']}")


if __name__ == "__main__":
    main()
