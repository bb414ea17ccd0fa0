"""Speed and footprint, every row of the README's Speed table in one run, with the peer beside it.

    .venv/bin/python bench/speed.py                     # 100,000 files (what `make bench` runs)
    .venv/bin/python bench/speed.py --files 1000000     # the RSS row at a million (~4 GB of disk)
    .venv/bin/python bench/speed.py --skip-peer --pairs 1

Rows, each measured on whole processes, commands alternated so that a noisy machine hurts both sides alike:
- cold run: `wirehouse run` into an empty warehouse vs datatrove writing the same files to Parquet with no NLP
  (`bench/peer_datatrove.py`, in a bench-only virtual environment `bench/.peer-venv` made on first use);
- no-op re-run over the unchanged files vs `find DIR -type f -printf '%p %s %T@\\n'`;
- one changed file in the warehouse built by the cold run;
- the warehouse on disk (the published DuckDB file + Parquet lake) vs the input's bytes;
- peak RSS of the cold run (the whole process tree, sampled every 50 ms).
It also writes a content hash of every table (run ids and times left out) to `bench/out/tables-<files>.json`;
`--compare FILE` checks a speed change against an earlier one: nothing in the output may change.
"""

import argparse
import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import build_corpus, corpus_file_bytes, source_articles

ROOT = Path(__file__).resolve().parent.parent
PEER_VENV = ROOT / "bench" / ".peer-venv"
PEER_PACKAGES = ("datatrove==0.10.1", "orjson", "pyarrow")
OUT = ROOT / "bench" / "out"
# Columns that say when or in which run a row was written, not what it holds; and those that change with the
# bench's folder or file times (source_path, mtime_ns) or with any edit of the code (the pipeline fingerprint).
VOLATILE = {"run_id", "last_run_id", "flow_run_id", "started_at", "finished_at", "first_seen_at", "rejected_at"}
VOLATILE |= {"source_path", "mtime_ns", "pipeline_fingerprint", "pipeline"}


@dataclass
class Measured:
    seconds: float
    peak_mib: float
    stdout: str
    at_peak: str = ""  # the processes of the tree at its peak, largest first: "workers 2 x 440, server 220, ..."


def measure(command: list[str], cwd: Path = ROOT) -> Measured:
    """Wall time and peak RSS (summed over the process tree) of one command run to its end."""
    process = psutil.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak, at_peak = 0, ""
    done = threading.Event()

    def sample() -> None:
        nonlocal peak, at_peak
        while not done.is_set():
            try:
                tree = [process, *process.children(recursive=True)]
                sizes = [(p, p.memory_info().rss) for p in tree if p.is_running()]
                if sum(size for _, size in sizes) > peak:
                    peak, at_peak = sum(size for _, size in sizes), _composition(process, sizes)
            except psutil.Error:
                pass
            done.wait(0.05)

    start = time.perf_counter()
    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, stderr = process.communicate()
    seconds = time.perf_counter() - start
    done.set()
    sampler.join()
    if process.returncode:
        sys.exit(f"failed: {' '.join(command)}\n{stderr[-3000:]}")
    return Measured(seconds, peak / 2**20, stdout, at_peak)


def _composition(root: psutil.Process, sizes: list[tuple[psutil.Process, int]]) -> str:
    """What a process tree's RSS is made of, by role: the command itself, Prefect's server, the workers'
    forkserver and the workers forked from it."""
    roles: dict[str, list[int]] = {}
    for process, size in sizes:
        command = " ".join(process.cmdline())
        if process.pid == root.pid:
            role = "run"
        elif "uvicorn" in command:
            role = "server"
        elif "forkserver" in command:
            role = "forkserver" if process.ppid() == root.pid else "workers"
        else:
            role = "other"
        roles.setdefault(role, []).append(size >> 20)
    parts = [(sum(mib), role, mib) for role, mib in roles.items()]
    return ", ".join(
        f"{role} {len(mib)} x {max(mib):,}" if len(mib) > 1 else f"{role} {mib[0]:,}"
        for _, role, mib in sorted(parts, reverse=True)
    )


def wirehouse(corpus: Path, warehouse: Path, *extra: str) -> tuple[Measured, dict]:
    command = [str(ROOT / ".venv" / "bin" / "wirehouse"), "run", str(corpus), "--warehouse", str(warehouse)]
    measured = measure([*command, "--json", *extra])
    return measured, json.loads(measured.stdout.strip().splitlines()[-1])


def peer_python() -> Path:
    python = PEER_VENV / "bin" / "python"
    if not python.exists():
        print(f"making the peer's virtual environment {PEER_VENV} ({', '.join(PEER_PACKAGES)})", flush=True)
        subprocess.run([sys.executable, "-m", "venv", str(PEER_VENV)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", *PEER_PACKAGES], check=True)
    return python


def peer(corpus: Path, output: Path) -> Measured:
    shutil.rmtree(output, ignore_errors=True)
    return measure([str(peer_python()), str(ROOT / "bench" / "peer_datatrove.py"), str(corpus), str(output)])


def disk_bytes(path: Path) -> int:
    """Bytes of the files below path, each hard-linked file counted once."""
    seen, total = set(), 0
    for file in path.rglob("*"):
        stat = file.stat()
        if file.is_file() and (stat.st_dev, stat.st_ino) not in seen:
            seen.add((stat.st_dev, stat.st_ino))
            total += stat.st_size
    return total


def table_hashes(warehouse: Path) -> dict[str, str]:
    """A content hash per table, ignoring run ids and times: the published DuckDB file's tables, and the
    lake-only tables (LAKE_TABLES) loaded from their Parquet parts into memory with their DDL, so that their
    rows print as a DuckDB table's would (and hash as they did when the file held them)."""
    import duckdb

    from wirehouse.schema import LAKE_TABLES, read_sql, table_ddl

    con = duckdb.connect(str(warehouse / "wirehouse.duckdb"), read_only=True)
    try:
        tables = [row[0] for row in con.execute("SELECT table_name FROM duckdb_tables() ORDER BY 1").fetchall()]
        hashes = {table: _content_hash(con, table) for table in tables}
    finally:
        con.close()
    scratch = Path(tempfile.mkdtemp(prefix="wirehouse-hashes-"))  # on disk: at 1,000,000 files the lake
    con = duckdb.connect(str(scratch / "lake.duckdb"))  # tables held in memory took the process past 24 GB
    try:
        con.execute("SET temp_directory = ?", [str(scratch / "spill")])
        for table in LAKE_TABLES:
            con.execute(table_ddl(table))
            files = [str(p) for p in sorted((warehouse / "parquet" / table).glob("*.parquet"))]
            if files:
                con.execute(read_sql("load/table_from_parquet.sql").format(table=table), {"files": files})
            hashes[table] = _content_hash(con, table)
    finally:
        con.close()
        shutil.rmtree(scratch, ignore_errors=True)
    return dict(sorted(hashes.items()))


def _content_hash(con, table: str) -> str:
    con.execute("SET enable_progress_bar = false")  # a long sort would draw DuckDB's bar into the report
    columns = [c for (c,) in con.execute(f"SELECT name FROM pragma_table_info('{table}')").fetchall()]
    kept = ", ".join(f'"{c}"' for c in columns if c not in VOLATILE)
    digest = hashlib.sha256()
    rows = con.execute(f"SELECT md5(CAST(ROW({kept}) AS VARCHAR)) AS h FROM {table} ORDER BY h")
    for batch in rows.fetch_record_batch(100_000):  # streamed: 140 M postings at 1,000,000 files
        for value in batch.column(0).to_pylist():
            digest.update(value.encode())
    return digest.hexdigest()


def footprint(warehouse: Path) -> tuple[dict[str, tuple[int, int]], int]:
    """Per table: (Parquet bytes, bytes of the DuckDB blocks holding it); and the DuckDB file's free bytes."""
    import duckdb

    from wirehouse.schema import LAKE_TABLES

    snapshot = warehouse / "current"
    con = duckdb.connect(str(snapshot / "wirehouse.duckdb"), read_only=True)
    try:
        block = con.execute("SELECT block_size FROM pragma_database_size()").fetchone()[0]
        free = con.execute("SELECT free_blocks FROM pragma_database_size()").fetchone()[0] * block
        sizes = {}
        for (table,) in con.execute("SELECT table_name FROM duckdb_tables() ORDER BY 1").fetchall():
            blocks = con.execute(
                f"SELECT count(DISTINCT b) FROM (SELECT block_id AS b FROM pragma_storage_info('{table}') "
                f"WHERE block_id >= 0 UNION ALL SELECT unnest(additional_block_ids) "
                f"FROM pragma_storage_info('{table}'))"
            ).fetchone()[0]
            sizes[table] = (disk_bytes(snapshot / "parquet" / table), blocks * block)
        for table in LAKE_TABLES:  # Parquet parts only
            sizes[table] = (disk_bytes(snapshot / "parquet" / table), 0)
        return sizes, free
    finally:
        con.close()


def median(values: list[float]) -> float:
    return statistics.median(values)


def change_one_file(corpus: Path, round_no: int | None) -> None:
    """File 1 of the corpus as generated plus a sentence for the round (None: as generated), so that every
    run of the benchmark changes it the same way and its tables can be compared with an earlier run's."""
    sources = source_articles()
    pristine = corpus_file_bytes(sources[1 % len(sources)].read_bytes(), 1 // len(sources))
    added = b"" if round_no is None else f"\nA sentence added by the speed benchmark, round {round_no}.\n".encode()
    (corpus / "0000" / "0000001.txt").write_bytes(pristine + added)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=100_000)
    parser.add_argument("--pairs", type=int, default=3, help="alternating pairs of cold runs (median reported)")
    parser.add_argument("--noop-pairs", type=int, default=5)
    parser.add_argument("--skip-peer", action="store_true")
    parser.add_argument("--compare", type=Path, help="tables JSON of an earlier run: must hash the same")
    parser.add_argument("--workdir", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "wirehouse-speed")
    args = parser.parse_args()

    corpus = args.workdir / f"corpus-{args.files}"
    warehouse = args.workdir / "warehouse"
    if (corpus / "0000").is_dir():
        change_one_file(corpus, None)  # as generated, whatever an earlier run of the benchmark left
    input_bytes = build_corpus(corpus, args.files)
    print(f"corpus: {args.files:,} files, {input_bytes / 1e6:,.1f} MB; {os.cpu_count()} cores; {time.ctime()}")

    ours, theirs, peaks, flows = [], [], [], []
    for pair in range(args.pairs):
        shutil.rmtree(warehouse, ignore_errors=True)
        measured, summary = wirehouse(corpus, warehouse)
        ours.append(measured.seconds)
        peaks.append(measured.peak_mib)
        flows.append(summary["seconds"])
        print(
            f"  cold {pair + 1}: wirehouse {measured.seconds:6.1f} s (flow {summary['seconds']:.1f} s, phases "
            f"{summary['phase_seconds']}), peak {measured.peak_mib:,.0f} MiB ({measured.at_peak})",
            flush=True,
        )
        if not args.skip_peer:
            measured_peer = peer(corpus, args.workdir / "peer")
            theirs.append(measured_peer.seconds)
            print(
                f"  cold {pair + 1}: datatrove {measured_peer.seconds:6.1f} s, peak {measured_peer.peak_mib:,.0f} MiB",
                flush=True,
            )

    noop, find = [], []
    for _ in range(args.noop_pairs):
        measured, summary = wirehouse(corpus, warehouse)
        assert summary["status"] == "nothing to do", summary
        noop.append((measured.seconds, measured.peak_mib))
        find.append(measure(["find", str(corpus), "-type", "f", "-printf", "%p %s %T@\n"]).seconds)

    changed = []
    for round_no in range(3):
        change_one_file(corpus, round_no)
        measured, summary = wirehouse(corpus, warehouse)
        changed.append((summary["seconds"], measured.seconds))

    lake = disk_bytes(warehouse / "current" / "parquet")
    database = (warehouse / "current" / "wirehouse.duckdb").stat().st_size
    hashes = table_hashes(warehouse)
    sizes, free = footprint(warehouse)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"tables-{args.files}.json").write_text(json.dumps(hashes, indent=1), encoding="utf-8")

    cold, flow = median(ours), median(flows)
    print()
    print("| row | wirehouse | reference | ratio | aim |")
    print("| --- | --- | --- | --- | --- |")
    if theirs:
        print(
            f"| cold run (median of {args.pairs} alternating pairs) | {cold:.1f} s"
            f" = {args.files / cold:,.0f} articles/s"
            f" (flow {flow:.1f} s = {args.files / flow:,.0f}/s) | datatrove {median(theirs):.1f} s |"
            f" {cold / median(theirs):.2f}x | <= 0.8x; flow >= 10,000/s, process >= 8,000/s |"
        )
    else:
        print(f"| cold run | {cold:.1f} s = {args.files / cold:,.0f} articles/s (flow {flow:.1f} s) | - | - | - |")
    noop_s, noop_mib = median([s for s, _ in noop]), max(m for _, m in noop)
    print(
        f"| no-op re-run (median of {args.noop_pairs}) | {noop_s:.2f} s, {noop_mib:,.0f} MiB"
        f" | find {median(find):.2f} s |"
        f" {noop_s / median(find):.2f}x | <= 1.5x, < 150 MiB |"
    )
    print(
        f"| one changed file | flow {median([f for f, _ in changed]):.2f} s, process"
        f" {median([p for _, p in changed]):.1f} s | - | - | flow <= 1 s |"
    )
    print(
        f"| warehouse on disk | {database / 1e6:,.0f} MB DuckDB + {lake / 1e6:,.0f} MB Parquet | input"
        f" {input_bytes / 1e6:,.0f} MB | {(database + lake) / input_bytes:.1f}x | <= 2x |"
    )
    print(f"| peak RSS, cold run | {max(peaks):,.0f} MiB at {args.files:,} files | - | - | < 1 GiB at 1,000,000 |")
    big = sorted(sizes.items(), key=lambda item: -sum(item[1]))[:12]
    print(
        "  by table, MB Parquet + DuckDB: "
        + ", ".join(f"{t} {p / 1e6:,.1f} + {d / 1e6:,.1f}" for t, (p, d) in big)
        + f"; DuckDB free blocks {free / 1e6:,.1f} MB"
    )
    if args.compare:
        before = json.loads(args.compare.read_text(encoding="utf-8"))
        differ = sorted(t for t in set(before) | set(hashes) if before.get(t) != hashes.get(t))
        print(f"tables compared with {args.compare}: " + ("identical" if not differ else f"DIFFER: {differ}"))
        if differ:
            sys.exit(1)


if __name__ == "__main__":
    main()
