"""The no-op fast path (wirehouse.store.noop) pinned to the plain reference, plan_with_reprocessing: on the same
inbox states both decide the same, and a run of the one agrees with the other."""

import os
import shutil
import subprocess
import sys
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from tests.builder import build
from wirehouse.fingerprint import current_pipeline
from wirehouse.reprocess import plan_with_reprocessing
from wirehouse.store.layout import Warehouse
from wirehouse.store.noop import NAME, NoopManifest, nothing_changed

LIMIT = 5 * 1024 * 1024


def decide(paths: list[Path], root: Path, max_bytes: int = LIMIT, full_refresh: bool = False, pipeline=None):
    """(reference, fast path): plan_with_reprocessing's is_noop and nothing_changed's answer."""
    store = Warehouse(root.resolve())
    names = [str(p) for p in paths]
    pipeline = pipeline or current_pipeline()
    plan, _ = plan_with_reprocessing(names, store, "check", datetime.now(), max_bytes, full_refresh, pipeline)
    fast = nothing_changed(names, store.current_snapshot(), max_bytes, full_refresh, digest=pipeline.digest)
    assert fast.n_found == plan.n_found
    again, _ = plan_with_reprocessing(
        names, store, "check", datetime.now(), max_bytes, full_refresh, pipeline, listing=fast.listing
    )
    assert again.to_read.equals(plan.to_read)  # the listing handed on plans the same as one taken afresh
    return plan.is_noop, fast.idle


def test_fast_path_and_plan_agree_on_every_inbox_state(inbox, tmp_path):
    wh = tmp_path / "wh"
    assert decide([inbox], wh) == (False, False)  # a new warehouse, two files
    build([str(inbox)], wh)
    assert decide([inbox], wh) == (True, True)  # unchanged

    (inbox / "new.txt").write_text("LONDON - A new story arrived.\n", encoding="utf-8")
    assert decide([inbox], wh) == (False, False)  # a new file
    (inbox / "new.txt").unlink()
    assert decide([inbox], wh) == (True, True)

    first = inbox / "000_f586c72162ac7c3d.txt"
    stat = first.stat()
    os.utime(first, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1))
    assert decide([inbox], wh) == (False, False)  # a changed mtime, same size
    os.utime(first, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert decide([inbox], wh) == (True, True)

    kept = tmp_path / "kept.txt"
    shutil.copy2(first, kept)
    first.unlink()
    assert decide([inbox], wh) == (False, False)  # a deleted file: to be recorded as gone
    assert decide([inbox / "001_468d0ff313ca5494.txt"], wh) == (True, True)  # one file named: nothing is gone
    build([str(inbox)], wh)
    assert decide([inbox], wh) == (True, True)  # gone, and recorded as gone
    shutil.copy2(kept, first)
    assert decide([inbox], wh) == (False, False)  # a recheckable reject: the gone file is back, as it was
    build([str(inbox)], wh)
    assert decide([inbox], wh) == (True, True)

    current = current_pipeline()
    edited = replace(current, seeds={**current.seeds, "speech_verbs.csv": "0" * 16})
    assert decide([inbox], wh, pipeline=edited) == (False, False)  # a stale fingerprint: re-derive
    assert decide([inbox], wh, full_refresh=True) == (False, False)


def test_fast_path_and_plan_agree_on_oversize_and_skipped_entries(inbox, tmp_path):
    wh = tmp_path / "wh"
    big = inbox / "001_468d0ff313ca5494.txt"
    os.mkfifo(inbox / "pipe.txt")  # a special file: rejected while listing, never opened
    build([str(inbox)], wh, max_bytes=big.stat().st_size - 1)
    assert decide([inbox], wh, max_bytes=big.stat().st_size - 1) == (True, True)
    assert decide([inbox], wh, max_bytes=big.stat().st_size) == (False, False)  # the limit admits it now
    (inbox / "pipe.txt").unlink()
    os.mkfifo(inbox / "pipe.txt")  # a new FIFO of another mtime: its reject row is written again
    os.utime(inbox / "pipe.txt", ns=(1, 1))
    assert decide([inbox], wh, max_bytes=big.stat().st_size - 1) == (False, False)


def test_a_snapshot_without_the_manifest_leaves_the_decision_to_the_plan(inbox, tmp_path):
    wh = tmp_path / "wh"
    build([str(inbox)], wh)
    snapshot = Warehouse(wh.resolve()).current_snapshot()
    manifest = NoopManifest.read(snapshot)
    assert sorted(manifest.files) == sorted(str(p) for p in inbox.iterdir())
    assert list(manifest.fingerprints.values()) == [{current_pipeline().digest: 2}]
    (snapshot / NAME).unlink()
    assert decide([inbox], wh) == (True, None)


def test_a_commit_carries_fingerprint_counts_of_parts_it_did_not_write(inbox, tmp_path):
    wh = tmp_path / "wh"
    build([str(inbox)], wh)
    (inbox / "new.txt").write_text("LONDON - A new story arrived.\n", encoding="utf-8")
    build([str(inbox)], wh)
    manifest = NoopManifest.read(Warehouse(wh.resolve()).current_snapshot())
    assert sorted(sum(c.values()) for c in manifest.fingerprints.values()) == [1, 2]
    assert len(manifest.files) == 3 and manifest.healing == {} and manifest.oversize == {}


def test_the_no_op_run_imports_neither_pandas_nor_pyarrow_nor_duckdb_nor_prefect(inbox, tmp_path):
    wh = tmp_path / "wh"
    build([str(inbox)], wh)
    probe = (
        "import sys\nfrom wirehouse.cli import main\n"
        f"code = main(['run', {str(inbox)!r}, '--warehouse', {str(wh)!r}])\n"
        "heavy = sorted({m.split('.')[0] for m in sys.modules} & {'pandas', 'pyarrow', 'duckdb', 'prefect'})\n"
        "print(code, heavy)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    lines = result.stdout.strip().splitlines()
    assert lines[0].startswith("nothing to do: 2 files found")
    assert lines[-1] == "0 []"


def test_a_manifest_of_the_first_format_still_decides(inbox, tmp_path):
    """Format 1 held the files as a dict; a warehouse written then keeps its fast no-op until the next commit."""
    import marshal

    wh = tmp_path / "wh"
    build([str(inbox)], wh)
    snapshot = Warehouse(wh.resolve()).current_snapshot()
    now = NoopManifest.read(snapshot)
    files = dict(zip(now.paths, zip(now.sizes, now.mtimes, strict=True), strict=True))
    (snapshot / NAME).write_bytes(marshal.dumps((1, files, now.healing, now.oversize, now.fingerprints)))
    assert NoopManifest.read(snapshot) == now
    assert decide([inbox], wh) == (True, True)
    (inbox / "new.txt").write_text("LONDON - A new story.\n", encoding="utf-8")
    assert decide([inbox], wh) == (False, False)


def test_the_precheck_counts_the_files_the_snapshot_does_not_know(inbox, tmp_path):
    """`wirehouse run` starts the workers' forkserver while Prefect's server boots only when the run will open
    a pool: more new files than one batch holds, on this machine's workers (wirehouse.commands.run)."""
    import argparse

    from wirehouse.commands.run import needs_pool, nothing_to_do

    wh = tmp_path / "wh"

    def precheck(full_refresh: bool = False, batch_size: int = 2, workers: int = 2, runner: str = "default"):
        args = argparse.Namespace(
            paths=[str(inbox)], warehouse=wh, max_bytes=LIMIT, full_refresh=full_refresh,
            follow_outside_links=False, batch_size=batch_size, workers=workers, runner=runner,
        )  # fmt: skip
        found = nothing_to_do(args)
        return found.idle is not None, found.new_files, needs_pool(args, found)

    assert precheck() == (False, 2, False)  # a new warehouse: two files, one batch of two
    assert precheck(batch_size=1) == (False, 2, True)
    assert precheck(batch_size=1, workers=1) == (False, 2, False)
    assert precheck(batch_size=1, runner="dask") == (False, 2, False)  # Dask brings its own workers
    build([str(inbox)], wh)
    assert precheck(batch_size=1) == (True, 0, False)  # unchanged
    for number in range(3):
        (inbox / f"new-{number}.txt").write_text(f"LONDON - Story {number} arrived.\n", encoding="utf-8")
    assert precheck(batch_size=2) == (False, 3, True)
    assert precheck(batch_size=3) == (False, 3, False)
    first = inbox / "000_f586c72162ac7c3d.txt"
    first.write_text(first.read_text(encoding="utf-8") + "\nA changed ending.\n", encoding="utf-8")
    assert precheck(batch_size=3) == (False, 3, False)  # a changed file is not counted: it opens no pool early
    assert precheck(full_refresh=True, batch_size=3) == (False, 5, True)  # every file is read again
