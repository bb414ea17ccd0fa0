"""Reprocessing: stale articles are re-derived from raw_articles, admitted rejects are read again.

These runs use the plan, batch and commit functions without Prefect (tests/builder.py). A pipeline that
differs from this code's stands for "the rules changed"; the real thing (an edited seed CSV in an installed
copy) is tested end to end in test_package.py.
"""

import os
import shutil
from dataclasses import replace
from pathlib import Path

from tests.builder import build
from tests.conftest import query, table_contents
from wirehouse.fingerprint import Pipeline, current_pipeline
from wirehouse.paths import SEEDS_DIR
from wirehouse.schema import ARTICLE_TABLES, arrow_schema

DERIVED = ("articles", "paragraphs", "sentences", "quotes")


def inbox_with_seeds(tmp_path: Path) -> Path:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for path in sorted(SEEDS_DIR.glob("*.txt")):
        shutil.copy(path, inbox / path.name)
    return inbox


def test_every_article_records_the_pipeline_and_the_run_its_parts(tmp_path):
    inbox = inbox_with_seeds(tmp_path)
    build([str(inbox)], tmp_path / "wh")
    pipeline = current_pipeline()
    assert query(tmp_path / "wh", "SELECT DISTINCT pipeline_fingerprint FROM articles") == [(pipeline.digest,)]
    (recorded,) = query(tmp_path / "wh", "SELECT pipeline FROM runs")[0]
    assert Pipeline.from_json(recorded) == pipeline
    assert "speech_verbs.csv" in pipeline.seeds and len(pipeline.seeds) == len(list(SEEDS_DIR.glob("*.csv")))


def test_stale_articles_are_re_derived_from_raw_articles_without_reading_their_files(tmp_path):
    inbox = inbox_with_seeds(tmp_path)
    warehouse = tmp_path / "wh"
    build([str(inbox)], warehouse)
    before = table_contents(warehouse, ARTICLE_TABLES)

    # The rules "changed": the plan compares with a pipeline whose speech_verbs.csv hash differs.
    current = current_pipeline()
    edited = replace(current, seeds={**current.seeds, "speech_verbs.csv": "0" * 16})
    # Re-deriving does not read the file: overwrite one with other bytes of the same size and mtime.
    edited_file = inbox / "000_f586c72162ac7c3d.txt"
    stat = edited_file.stat()
    edited_file.write_bytes(b"x" * stat.st_size)
    os.utime(edited_file, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    run_id, again = build([str(inbox)], warehouse, pipeline=edited)
    assert again.n_rederive == 2 and again.n_reread == 0
    assert again.reasons == ["2 re-derived: speech_verbs.csv changed"]
    assert query(warehouse, "SELECT DISTINCT run_id FROM articles") == [(run_id,)]
    assert query(warehouse, "SELECT n_files, n_rederived, n_replaced FROM runs WHERE run_id = ?", [run_id]) == [
        (2, 2, 2)
    ]
    after = table_contents(warehouse, ARTICLE_TABLES)
    # Same code and seeds, so the same rows, but for the run that derived them.
    strip = {"articles": arrow_schema("articles").names.index("run_id")}
    for table in ARTICLE_TABLES:
        if table in strip:
            assert [r[: strip[table]] + r[strip[table] + 1 :] for r in after[table]] == [
                r[: strip[table]] + r[strip[table] + 1 :] for r in before[table]
            ]
        else:
            assert after[table] == before[table], table

    # Against this code's own pipeline nothing is stale: nothing to do.
    assert build([str(inbox)], warehouse) == ("", again.__class__())


def test_an_oversize_reject_loads_when_max_bytes_is_raised(tmp_path):
    inbox = inbox_with_seeds(tmp_path)
    warehouse = tmp_path / "wh"
    big = inbox / "001_468d0ff313ca5494.txt"
    first_run, _ = build([str(inbox)], warehouse, max_bytes=big.stat().st_size - 1)
    assert query(warehouse, "SELECT reason FROM rejects") == [("oversize",)]
    assert query(warehouse, "SELECT count(*) FROM articles") == [(1,)]

    assert build([str(inbox)], warehouse, max_bytes=big.stat().st_size - 1)[0] == ""  # same limit: nothing to do
    run_id, again = build([str(inbox)], warehouse, max_bytes=big.stat().st_size)
    assert run_id and (again.n_reread, again.n_rederive) == (1, 0)
    assert again.reasons == [f"1 oversize rejects fit --max-bytes {big.stat().st_size}"]
    assert query(warehouse, "SELECT count(*) FROM rejects") == [(0,)]
    assert query(warehouse, "SELECT article_id, run_id FROM articles ORDER BY 1") == [
        ("000_f586c72162ac7c3d", first_run),  # run ids sort by the second only: two runs may share one
        ("001_468d0ff313ca5494", run_id),
    ]


def test_full_refresh_reads_every_file_again(tmp_path):
    inbox = inbox_with_seeds(tmp_path)
    warehouse = tmp_path / "wh"
    build([str(inbox)], warehouse)
    before = table_contents(warehouse, ("quotes", "sentences"))
    run_id, again = build([str(inbox)], warehouse, full_refresh=True)
    # every file is there: all read again, none re-derived from raw_articles
    assert (again.n_rederive, again.reasons) == (0, ["--full-refresh: 2 files read again"])
    assert query(warehouse, "SELECT n_files, n_rederived, n_replaced FROM runs WHERE run_id = ?", [run_id]) == [
        (2, 0, 2)
    ]
    assert query(warehouse, "SELECT DISTINCT run_id FROM articles") == [(run_id,)]
    assert table_contents(warehouse, ("quotes", "sentences")) == before
