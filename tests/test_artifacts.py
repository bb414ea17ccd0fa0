"""What an operator sees of a run in the Prefect UI: artifacts with the run's numbers, names, quality checks.

The runs go through the real news-etl flow against a real (temporary) Prefect server, and everything is read
back through the Prefect client, as the UI reads it.
"""

import json
import os
import shutil

import duckdb
import pytest

from tests.conftest import query
from tests.prefect_api import artifacts, flow_run, task_run_names
from wirehouse.ops.checks import CHECKS, QualityCheckError, Severity, run_checks
from wirehouse.paths import SEEDS_DIR


def run(inbox, warehouse):
    from wirehouse.flows.news_etl import news_etl

    return news_etl(paths=[str(inbox)], warehouse=str(warehouse), workers=1)


def latest_flow_run_id(warehouse) -> str:
    return query(warehouse, "SELECT flow_run_id FROM runs ORDER BY run_id DESC LIMIT 1")[0][0]


def test_a_committing_run_publishes_its_numbers_as_artifacts(prefect_harness, inbox, tmp_path):
    (inbox / "empty.txt").write_bytes(b"")
    warehouse = tmp_path / "wh"
    summary = run(inbox, warehouse)
    flow_run_id = latest_flow_run_id(warehouse)
    counts = {t: query(warehouse, f"SELECT count(*) FROM {t}")[0][0] for t in ("articles", "sentences", "quotes")}
    n_body = query(warehouse, "SELECT count(*) FROM paragraphs WHERE kind = 'body'")[0][0]
    n_direct = query(warehouse, "SELECT count(*) FROM quotes WHERE kind = 'direct'")[0][0]
    n_speakers = query(warehouse, "SELECT count(*) FROM speakers")[0][0]
    assert counts["articles"] == 2 and counts["quotes"] > 10

    found = artifacts(flow_run_id)
    assert {"news-etl-summary", "news-etl-rejects", "news-etl-quality", "news-etl-progress"} <= set(found)
    markdown = found["news-etl-summary"].data
    assert "| 3 | 3 | 0 | 0 | 1 |" in markdown  # found, new, changed, unchanged, rejected
    assert (
        f"| 2 | {n_body} | {counts['sentences']} | {counts['quotes']} | {n_speakers} | 0 |" in markdown
    )  # articles, paragraphs, sentences, quotes, speakers, replaced
    assert f"{n_direct} direct" in markdown
    assert f"snapshots/{summary.run_id}`" in markdown

    rejects = json.loads(found["news-etl-rejects"].data)
    assert [(os.path.basename(r["path"]), r["reason"]) for r in rejects] == [("empty.txt", "empty")]

    quality = {row["check"]: row for row in json.loads(found["news-etl-quality"].data)}
    assert set(quality) == {spec.name for spec in CHECKS}
    for spec in CHECKS:
        if spec.severity is Severity.HARD:
            assert (quality[spec.name]["value"], quality[spec.name]["result"]) == (0, "pass")
    assert quality["reject_rate"]["value"] == pytest.approx(1 / 3, abs=1e-4)
    assert quality["reject_rate"]["result"] == "warn"  # one file in three: a soft check only warns
    assert found["news-etl-progress"].data == 100.0

    ran = flow_run(flow_run_id)
    assert ran.name == "news-etl: 3 new or changed of 3 files -> 2 articles, 1 rejects"
    assert ran.state.is_completed()
    names = task_run_names(flow_run_id)
    assert names[0] == "batch-0: 000_f586c72162ac7c3d .. empty (3 files)"
    assert [name.rsplit("-", 1)[0] for name in names[1:]] == ["commit-run", "link-stories", "plan-files"]


def test_a_failed_hard_check_fails_the_run_before_it_publishes(prefect_harness, inbox, tmp_path):
    warehouse = tmp_path / "wh"
    run(inbox, warehouse)
    published = os.readlink(warehouse / "current")
    before = query(warehouse, "SELECT count(*) FROM articles")
    # a damaged warehouse: a sentence of an article nobody has (the next run's snapshot starts from this file)
    con = duckdb.connect(str(warehouse / "wirehouse.duckdb"))
    con.execute("INSERT INTO sentences VALUES ('ghost', 0, 0, 0, 5, 'Boo.')")
    con.close()
    shutil.copy(SEEDS_DIR / "000_f586c72162ac7c3d.txt", inbox / "copy.txt")

    with pytest.raises(QualityCheckError, match=r"orphan_rows = 1 \(max 0\)"):
        run(inbox, warehouse)

    assert os.readlink(warehouse / "current") == published
    assert query(warehouse, "SELECT count(*) FROM articles") == before
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterName
    from prefect.client.schemas.sorting import FlowRunSort

    from tests.prefect_api import client

    with client() as api:
        failed = api.read_flow_runs(
            flow_run_filter=FlowRunFilter(name=FlowRunFilterName(like_="1 new or changed of 3 files: FAILED")),
            sort=FlowRunSort.START_TIME_DESC,
            limit=1,
        )[0]
    assert failed.state.is_failed()
    assert "orphan_rows" in failed.name
    quality = {row["check"]: row for row in json.loads(artifacts(str(failed.id))["news-etl-quality"].data)}
    assert (quality["orphan_rows"]["value"], quality["orphan_rows"]["result"]) == (1, "FAIL")
    assert quality["duplicate_ids"]["result"] == "pass"
    assert "news-etl-summary" not in artifacts(str(failed.id))


def test_checks_find_offsets_that_do_not_slice_the_body(seed_warehouse, tmp_path):
    snapshot = (seed_warehouse / "current").resolve()
    run_id = query(seed_warehouse, "SELECT run_id FROM runs")[0][0]
    assert all(r.passed for r in run_checks(snapshot, run_id) if r.spec.severity is Severity.HARD)

    damaged = tmp_path / "snapshot"
    damaged.mkdir()
    shutil.copy(snapshot / "wirehouse.duckdb", damaged / "wirehouse.duckdb")
    con = duckdb.connect(str(damaged / "wirehouse.duckdb"))
    con.execute("UPDATE sentences SET start_char = start_char + 1 WHERE sentence_no = 3")
    con.execute("UPDATE quotes SET end_char = end_char - 1 WHERE quote_no = 0")
    con.close()
    values = {r.spec.name: r.value for r in run_checks(damaged, run_id)}
    assert (values["sentence_offsets"], values["quote_offsets"], values["paragraph_offsets"]) == (2, 2, 0)
