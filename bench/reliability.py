"""Reliability suite: hostile inputs, kill -9 at random moments, a full disk, and an analyst reading throughout.

    .venv/bin/python bench/reliability.py                  # 24 kill trials, seed 1
    .venv/bin/python bench/reliability.py --trials 40 --seed 7

1. The zoo: one inbox of hostile entries (bad names, loops, links outside, FIFOs, unreadable folders, binary,
   foreign encodings, HTML, JSON/CSV/markup exports, ...), run once by `wirehouse run`; each entry must be
   loaded or rejected with its expected reason, and the run must finish.
2. Kill trials: BBC articles arrive in slices; each run is SIGKILLed at a random moment of a randomly chosen
   phase (plan, batches, commit, publish), either its whole process group or its main process only. After
   each kill the published warehouse must be the one before the run, and no process of the run may remain.
   A final run completes the inbox; then rows are checked against the files (lost, duplicated).
3. A run on an 8 MB tmpfs (if `mount -t tmpfs` works here) must fail with one line and leave nothing.
4. An analyst process queries the warehouse all along (read-only) and counts errors and inconsistent reads.

Prints inputs tried, kills survived, rows lost, rows duplicated, leftovers. Runs as root drop the capability
to bypass file permissions (setpriv), so unreadable entries are unreadable.
"""

import argparse
import contextlib
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BBC = ROOT.parent / "shared" / "corpora" / "bbc"
from tests.hardening_support import WITHOUT_ROOT_OVERRIDE  # noqa: E402

CLI = [*WITHOUT_ROOT_OVERRIDE, sys.executable, "-m", "wirehouse.cli", "run"]
GOOD = 'Budget row deepens\n\nThe chancellor said the plan would work. "We will win," he said on Monday.\n'
PHASES = ("plan", "batches", "commit", "publish")


def zoo(inbox: Path, outside: Path) -> dict[str, str]:
    """Write the hostile inbox; returns each entry's expected outcome ('loaded' or a reject reason)."""
    inbox.mkdir(parents=True)
    outside.mkdir(parents=True)
    expected: dict[str, str] = {}

    def put(name: str, data: bytes | str, outcome: str) -> None:
        path = inbox / name
        path.write_bytes(data.encode() if isinstance(data, str) else data)
        expected[name] = outcome

    put("good.txt", GOOD, "loaded")
    put("empty.txt", b"", "empty")
    put("spaces.txt", "  \n\t\n", "empty")
    put("numbers.txt", "12 34 56\n7.5 8.25\n", "no_text")
    put("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "binary")
    put("report.txt", b"%PDF-1.7\n" + os.urandom(500), "binary")
    put("nuls.txt", b"abc\x00def\x00" * 50, "binary")
    put("utf16.txt", GOOD.encode("utf-16"), "loaded")
    put("cp1252.txt", "Pound row\n\nIt cost £1,400, Hewitt’s plan said.\n".encode("cp1252"), "loaded")
    japanese = "円相場が急落\n\n東京外国為替市場で円が急落した。「介入はない」と財務相は述べた。\n" * 3
    put("shift_jis.txt", japanese.encode("shift_jis"), "loaded")
    chinese = "央行降息\n\n中国人民银行周五宣布降息。行长表示：“经济需要支持。”市场反应积极。\n" * 3
    put("gb18030.txt", chinese.encode("gb18030"), "loaded")
    put("cyrillic.txt", ("Москва\n\nОн сказал, что экономика растет. " * 5).encode("cp1251"), "loaded")
    noise = random.Random(3)
    put("garbage.txt", bytes(noise.choice([*range(0x80, 0x100), 32]) for _ in range(4000)), "undecodable")
    put(
        "page.html",
        f'<!DOCTYPE html><html><head><title>Row</title><script>var x = "said he";</script>'
        f"</head><body><p>{GOOD}</p></body></html>",
        "loaded",
    )
    records = [{"id": i, "title": f"Story {i}", "quote": '"he said"', "by": "desk"} for i in range(1200)]
    put("export.txt", repr(records).replace("'", '"'), "not_prose")
    put("table.txt", "date,open,close\n" + "\n".join(f"2024-01-{d:02d},{d}.5,{d}.9" for d in range(1, 28)), "not_prose")
    put(
        "feed.txt",
        "<feed>" + "".join(f"<e><id>{i}</id><t>Item {i}</t></e>" for i in range(300)) + "</feed>",
        "not_prose",
    )
    put("wall.txt", "Note\n\n" + " ".join(f'"{w}"' for w in ["yes", "no"] * 800), "not_prose")
    put("one_line.txt", "Long line\n\n" + "word said the man and " * 25_000, "loaded")
    put("oversize.txt", b"a " * (3 * 1024 * 1024), "oversize")
    with open(os.fsencode(str(inbox)) + b"/caf\xe9.txt", "wb") as handle:
        handle.write(GOOD.encode())
    expected["caf\\xe9.txt"] = "bad_name"
    (inbox / "loop").symlink_to(inbox)
    expected["loop"] = "symlink_loop"
    (inbox / "self").symlink_to(inbox / "self")
    expected["self"] = "symlink_loop"
    (inbox / "passwd.txt").symlink_to("/etc/passwd")
    expected["passwd.txt"] = "symlink_outside"
    (outside / "story.txt").write_text(GOOD)
    (inbox / "elsewhere").symlink_to(outside)
    expected["elsewhere"] = "symlink_outside"
    os.mkfifo(inbox / "pipe.txt")
    expected["pipe.txt"] = "special_file"
    (inbox / "locked").mkdir()
    (inbox / "locked" / "x.txt").write_text(GOOD)
    (inbox / "locked").chmod(0)
    expected["locked"] = "unreadable" if WITHOUT_ROOT_OVERRIDE or os.geteuid() != 0 else "loaded"
    (inbox / "unreadable.txt").write_text(GOOD)
    (inbox / "unreadable.txt").chmod(0)
    expected["unreadable.txt"] = "unreadable" if WITHOUT_ROOT_OVERRIDE or os.geteuid() != 0 else "loaded"
    deep = inbox / "deep"
    deep.mkdir()
    fd = os.open(deep, os.O_RDONLY)
    for _ in range(22):  # 22 x 201 characters: past PATH_MAX (4096)
        os.mkdir("d" * 200, dir_fd=fd)
        child = os.open("d" * 200, os.O_RDONLY, dir_fd=fd)
        os.close(fd)
        fd = child
    os.close(fd)
    expected["deep"] = "bad_name"  # the folder whose path grows too long is reported, not the whole tree
    return expected


def outcomes(warehouse: Path, inbox: Path) -> dict[str, str]:
    con = duckdb.connect(str(warehouse / "wirehouse.duckdb"), read_only=True)
    try:
        rows = con.execute(
            "SELECT f.source_path, coalesce(r.reason, 'loaded') FROM files f LEFT JOIN rejects r USING (file_id)"
        ).fetchall()
    finally:
        con.close()
    found = {}
    prefix = str(inbox) + "/"
    for path, outcome in rows:
        relative = path[len(prefix) :] if path.startswith(prefix) else path
        top = relative.split("/")[0]
        found.setdefault(top, outcome)
    return found


def run_zoo(work: Path) -> tuple[int, int, float, list[str]]:
    inbox = work / "zoo"
    expected = zoo(inbox, work / "outside")
    warehouse = work / "zoo-wh"
    clock = time.perf_counter()
    done = subprocess.run([*CLI, str(inbox), "--warehouse", str(warehouse)], cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - clock
    if done.returncode:
        return len(expected), 0, seconds, [f"the run failed: {done.stderr.strip()[-500:]}"]
    got = outcomes(warehouse, inbox)
    wrong = [
        f"{name}: expected {want}, got {got.get(name)}" for name, want in expected.items() if got.get(name) != want
    ]
    (inbox / "locked").chmod(0o755)
    return len(expected), len(expected) - len(wrong), seconds, wrong


def descendants(pid: int) -> list[int]:
    children = Path(f"/proc/{pid}/task/{pid}/children")
    try:
        found = [int(c) for c in children.read_text().split()]
    except OSError:
        found = []
    return found + [d for child in found for d in descendants(child)]


def alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"
    except OSError:
        return False


def published(warehouse: Path) -> tuple[str | None, int]:
    if not (warehouse / "current").is_symlink():
        return None, 0
    con = duckdb.connect(os.path.realpath(warehouse / "wirehouse.duckdb"), read_only=True)
    try:
        return os.readlink(warehouse / "current"), con.execute("SELECT count(*) FROM articles").fetchone()[0]
    finally:
        con.close()


def reached(phase: str, warehouse: Path, started: float) -> bool:
    if phase == "plan":
        return time.monotonic() - started > 1.0
    if phase == "batches":
        return any(warehouse.glob("staging/*/sentences/*.parquet"))
    if phase == "commit":
        return any(warehouse.glob("snapshots/*.building/parquet/*"))
    return any(warehouse.glob("snapshots/*.building/wirehouse.duckdb*"))  # the DuckDB file: publish is next


def kill_trial(inbox: Path, warehouse: Path, rng: random.Random, phase: str, whole_group: bool) -> dict:
    before = published(warehouse)
    run = subprocess.Popen(
        [*CLI, str(inbox), "--warehouse", str(warehouse), "--batch-size", "40"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    started = time.monotonic()
    while not reached(phase, warehouse, started) and run.poll() is None and time.monotonic() - started < 300:
        time.sleep(0.002)
    time.sleep(rng.uniform(0, 0.3))
    children = descendants(run.pid)
    finished_first = run.poll() is not None
    if whole_group:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(run.pid, signal.SIGKILL)
    else:
        with contextlib.suppress(ProcessLookupError):
            os.kill(run.pid, signal.SIGKILL)
    run.wait()
    deadline = time.monotonic() + 10
    while any(alive(p) for p in children) and time.monotonic() < deadline:
        time.sleep(0.05)
    orphans = [p for p in children if alive(p)]
    for pid in orphans:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    after = published(warehouse)
    atomic = after == before or after[0] != before[0]  # either untouched or a whole new snapshot
    return {
        "phase": phase,
        "group": whole_group,
        "finished_first": finished_first,
        "orphans": len(orphans),
        "atomic": atomic,
    }


ANALYST = """
import os, sys, time, duckdb
path, stop = sys.argv[1], sys.argv[2]
queries = errors = inconsistent = 0
while not os.path.exists(stop):
    try:
        con = duckdb.connect(os.path.realpath(path), read_only=True)
        a, s = con.execute("SELECT (SELECT count(*) FROM articles), "
                           "(SELECT count(*) FROM sentences WHERE article_id NOT IN (SELECT article_id FROM articles))"
                           ).fetchone()
        inconsistent += s != 0
        con.close()
        queries += 1
    except Exception:
        errors += 1
    time.sleep(0.05)
print(queries, errors, inconsistent)
"""


def check_rows(warehouse: Path, expected_ids: set[str]) -> tuple[int, int]:
    con = duckdb.connect(os.path.realpath(warehouse / "wirehouse.duckdb"), read_only=True)
    try:
        ids = [r[0] for r in con.execute("SELECT article_id FROM articles").fetchall()]
        duplicated = len(ids) - len(set(ids))
        for table, key in (
            ("sentences", "article_id, sentence_no"),
            ("paragraphs", "article_id, paragraph_no"),
            ("quotes", "quote_id"),
            ("raw_articles", "article_id"),
        ):
            duplicated += con.execute(f"SELECT count(*) - count(DISTINCT ({key})) FROM {table}").fetchone()[0]
        return len(expected_ids - set(ids)), duplicated
    finally:
        con.close()


def leftovers(warehouse: Path) -> list[str]:
    found = (
        [str(p.relative_to(warehouse)) for p in (warehouse / "staging").glob("*")]
        if (warehouse / "staging").exists()
        else []
    )
    current = Path(os.path.realpath(warehouse / "current"))
    keep = {current.name, (current / ".previous").read_text().strip()}
    found += [f"snapshots/{p.name}" for p in (warehouse / "snapshots").iterdir() if p.name not in keep]
    return found


def disk_full(work: Path) -> str:
    mount = work / "disk"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mount)], capture_output=True).returncode:
        return "skipped (mount -t tmpfs not allowed here)"
    try:
        inbox = work / "disk-inbox"
        inbox.mkdir()
        shutil.copy(ROOT / "seeds" / "000_f586c72162ac7c3d.txt", inbox)
        warehouse = mount / "wh"
        subprocess.run([*CLI, str(inbox), "--warehouse", str(warehouse)], cwd=ROOT, capture_output=True, check=True)
        before = published(warehouse)
        for path in sorted(BBC.glob("business/*.txt"))[:100]:
            shutil.copy(path, inbox / f"b-{path.name}")
        done = subprocess.run(
            [*CLI, str(inbox), "--warehouse", str(warehouse)], cwd=ROOT, capture_output=True, text=True
        )
        lines = [line for line in done.stderr.splitlines() if line.strip()]
        left = leftovers(warehouse) + [p.name for p in (warehouse / "snapshots").glob("*.building")]
        return (
            f"exit {done.returncode}, {len(lines)} line(s) on stderr, warehouse unchanged: "
            f"{published(warehouse) == before}, leftovers: {len(left)}; {lines[:1]}"
        )
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=24)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--per-trial", type=int, default=60, help="BBC articles added to the inbox per trial")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    work = Path(tempfile.mkdtemp(prefix="wirehouse-reliability-"))
    work.chmod(0o755)
    try:
        tried, passed, seconds, wrong = run_zoo(work)
        print(f"zoo: {tried} hostile inputs tried, {passed} handled as expected, run took {seconds:.1f} s")
        for line in wrong:
            print(f"  MISMATCH {line}")

        inbox, warehouse = work / "inbox", work / "wh"
        inbox.mkdir()
        sources = sorted(BBC.glob("*/*.txt"))
        rng.shuffle(sources)
        shutil.copy(ROOT / "seeds" / "000_f586c72162ac7c3d.txt", inbox)
        subprocess.run([*CLI, str(inbox), "--warehouse", str(warehouse)], cwd=ROOT, capture_output=True, check=True)
        stop = work / "stop-analyst"
        analyst = subprocess.Popen(
            [sys.executable, "-c", ANALYST, str(warehouse / "wirehouse.duckdb"), str(stop)],
            stdout=subprocess.PIPE,
            text=True,
        )
        trials = []
        for number in range(args.trials):
            for path in sources[number * args.per_trial : (number + 1) * args.per_trial]:
                shutil.copy(path, inbox / f"{path.parent.name}-{path.name}")
            phase, group = PHASES[number % len(PHASES)], rng.random() < 0.5
            trials.append(kill_trial(inbox, warehouse, rng, phase, group))
            t = trials[-1]
            print(
                f"  kill {number + 1:2d}: {phase:8s} {'group' if group else 'main '} "
                f"atomic={t['atomic']} orphans={t['orphans']}{' (run had finished)' if t['finished_first'] else ''}"
            )
        final = subprocess.run(
            [*CLI, str(inbox), "--warehouse", str(warehouse)], cwd=ROOT, capture_output=True, text=True
        )
        noop = subprocess.run(
            [*CLI, str(inbox), "--warehouse", str(warehouse)], cwd=ROOT, capture_output=True, text=True
        )
        stop.touch()
        queries, errors, inconsistent = (int(x) for x in analyst.communicate(timeout=60)[0].split())
        expected = {p.stem for p in inbox.glob("*.txt")}
        lost, duplicated = check_rows(warehouse, expected)
        survived = sum(t["atomic"] and not t["orphans"] for t in trials)
        print(
            f"kills: {len(trials)} trials ({sum(t['group'] for t in trials)} whole group, "
            f"{sum(not t['group'] for t in trials)} main process only), {survived} survived "
            f"(published warehouse untouched or whole, no process left), "
            f"{sum(t['orphans'] for t in trials)} orphan processes"
        )
        print(f"final run: exit {final.returncode}; no-op run: {noop.stdout.strip()[:60]!r}")
        print(f"rows: {len(expected)} articles expected, {lost} lost, {duplicated} duplicated")
        print(f"leftovers after the final and a no-op run: {leftovers(warehouse) or 'none'}")
        print(f"analyst: {queries} queries while runs were killed, {errors} errors, {inconsistent} inconsistent reads")
        print(f"disk full: {disk_full(work)}")
    finally:
        with contextlib.suppress(OSError):
            (work / "zoo" / "locked").chmod(0o755)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
