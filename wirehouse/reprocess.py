"""Reprocessing when rules change: which articles a run re-derives, and which rejects it reads again.

- An article whose `pipeline_fingerprint` differs from the current pipeline's (an edited seed CSV, new code)
  is re-derived from `raw_articles`: its file is not read again, and need not even exist any more.
- A file rejected as `oversize` is read again when `--max-bytes` now admits it (the only reject whose reason
  depends on a setting).
- `--full-refresh` reads every file found again and re-derives every other article, as dbt's flag rebuilds.

The rows to re-derive join the run's plan as ordinary rows that name the `raw_articles` part holding their
stored text (`stored_part`), not the text itself: the plan stays small (no text pickled into every batch task
or held in memory for the whole run), and the batch step (`read_inputs`) fetches only its own rows' texts from
those parts, so every stage after reading is the same and memory stays bounded by the batch. Stale rows are
planned in part order, so a batch of re-derived rows mostly reads one part.
"""

import os
from dataclasses import dataclass, field
from datetime import datetime

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from wirehouse.fingerprint import Pipeline, current_pipeline
from wirehouse.ingest.discover import Listing
from wirehouse.ingest.stage import READ_COLUMNS, read_files
from wirehouse.plan import LISTING_REJECT_COLUMNS, TO_READ_COLUMNS, RunPlan, load_manifest, plan_run
from wirehouse.store.layout import Warehouse
from wirehouse.store.noop import NoopManifest
from wirehouse.store.parquet import parts, read_parts

STORED_COLUMNS = ("stored_part", "encoding", "content_sha256")  # extra plan columns of a row to re-derive
STORED_TEXT = "raw_text"  # the raw_articles column that holds an article's decoded text


@dataclass
class Reprocessing:
    """What a run does again, and why (for the summary)."""

    n_rederive: int = 0  # articles re-derived from raw_articles
    n_reread: int = 0  # rejected files read again because a setting changed
    reasons: list[str] = field(default_factory=list)


def plan_with_reprocessing(
    paths: list[str],
    warehouse: Warehouse,
    run_id: str,
    started_at: datetime,
    max_bytes: int,
    full_refresh: bool = False,
    pipeline: Pipeline | None = None,
    follow_outside: bool = False,
    listing: Listing | None = None,
    noop: NoopManifest | None = None,
) -> tuple[RunPlan, Reprocessing]:
    """plan_run, plus the rejects to read again and the stale articles to re-derive (`listing`, `noop`: the
    inbox as already listed and the snapshot's no-op manifest as already read, see plan_run)."""
    pipeline = pipeline or current_pipeline()
    snapshot = warehouse.current_snapshot()
    if snapshot is None:
        return plan_run(paths, warehouse, run_id, started_at, follow_outside, listing=listing), Reprocessing()
    parquet = snapshot / "parquet"
    noop = noop if noop is not None else NoopManifest.read(snapshot)
    if noop is not None:  # the same facts as the rejects table's, already read
        reread = frozenset(path for path, size in noop.oversize.items() if size <= max_bytes)
    else:
        reread = _admitted_rejects(read_parts(parquet / "rejects", "rejects"), max_bytes)
    plan = plan_run(
        paths, warehouse, run_id, started_at, follow_outside, reread, full_refresh, listing=listing, noop=noop
    )
    done = Reprocessing(n_reread=int(plan.to_read["source_path"].isin(reread).sum()))
    if done.n_reread:
        done.reasons.append(f"{done.n_reread} oversize rejects fit --max-bytes {max_bytes}")
    if full_refresh:
        done.reasons.append(f"--full-refresh: {len(plan.to_read)} files read again")

    if noop is not None and not noop.stale(pipeline.digest, full_refresh):
        return plan, done  # no article of another pipeline, by the articles parts' counts in the manifest
    articles = read_parts(parquet / "articles", "articles", ["article_id", "pipeline_fingerprint"])
    stale = articles if full_refresh else articles.filter(_differs(articles["pipeline_fingerprint"], pipeline.digest))
    stale_ids = set(stale["article_id"].to_pylist()) - set(plan.to_read["article_id"].tolist())
    if stale_ids:
        stored = _stored_rows(warehouse, parquet, stale_ids)
        # (an empty plan's columns are float64: concatenating would round mtime_ns)
        plan.to_read = pd.concat([plan.to_read, stored], ignore_index=True) if len(plan.to_read) else stored
        done.n_rederive = len(stale_ids)
        why = ["--full-refresh"] if full_refresh else pipeline.changes_since(_last_pipeline(parquet))
        done.reasons.append(f"{len(stale_ids)} re-derived: {', '.join(why) or 'derived by an older pipeline'}")
    return plan, done


def _differs(fingerprints: pa.ChunkedArray, digest: str) -> pa.ChunkedArray:
    return pc.fill_null(pc.not_equal(fingerprints, digest), True)


def _admitted_rejects(rejects: pa.Table, max_bytes: int) -> frozenset[str]:
    """Source paths of files rejected as oversize that the current limit admits."""
    hit = pc.and_(pc.equal(rejects["reason"], "oversize"), pc.less_equal(rejects["size_bytes"], max_bytes))
    return frozenset(rejects.filter(hit)["source_path"].to_pylist())


def _last_pipeline(parquet: os.PathLike) -> Pipeline | None:
    runs = read_parts(parquet / "runs", "runs", ["run_id", "pipeline"]).to_pylist()
    recorded = [row for row in runs if row["pipeline"]]
    return Pipeline.from_json(max(recorded, key=lambda row: row["run_id"])["pipeline"]) if recorded else None


def _stored_rows(warehouse: Warehouse, parquet: os.PathLike, article_ids: set[str]) -> pd.DataFrame:
    """Plan rows for articles re-derived from raw_articles, with the manifest's facts about their files and the
    part that holds each one's text (only ids are read here: no text enters the plan)."""
    wanted = pa.array(sorted(article_ids))
    found = []
    for part in parts(parquet / "raw_articles"):
        ids = pq.read_table(part, columns=["article_id", "file_id"])
        ids = ids.filter(pc.is_in(ids["article_id"], value_set=wanted))
        if ids.num_rows:
            found.append(ids.append_column("stored_part", pa.array([str(part)] * ids.num_rows, pa.string())))
    if not found:
        return pd.DataFrame(columns=[*TO_READ_COLUMNS, *LISTING_REJECT_COLUMNS, *STORED_COLUMNS])
    raw = pa.concat_tables(found).to_pandas()
    raw["stored_part"] = raw["stored_part"].astype("category")  # one string per part, not one per row
    files = load_manifest(warehouse).select(
        ["file_id", "source_path", "size_bytes", "mtime_ns", "content_sha256", "encoding"]
    )
    rows = raw.merge(files.to_pandas(), on="file_id", how="left", sort=False)
    rows["known_sha256"] = rows["reject_reason"] = rows["reject_detail"] = None
    return rows[[*TO_READ_COLUMNS, *LISTING_REJECT_COLUMNS, *STORED_COLUMNS]]


def stored_texts(rows: pd.DataFrame) -> list[str]:
    """The stored text of each row to re-derive, fetched from the raw_articles part its `stored_part` names."""
    texts: dict[str, str] = {}
    for part, group in rows.groupby("stored_part", sort=False, observed=True):
        wanted = pa.array(group["article_id"].tolist(), pa.string())
        table = pq.read_table(part, columns=["article_id", STORED_TEXT])
        table = table.filter(pc.is_in(table["article_id"], value_set=wanted))
        texts.update(zip(table["article_id"].to_pylist(), table[STORED_TEXT].to_pylist(), strict=True))
    return [texts[article_id] for article_id in rows["article_id"].tolist()]


def read_inputs(to_read: pd.DataFrame, max_bytes: int) -> pd.DataFrame:
    """read_files for rows to read from disk; the stored text for rows to re-derive. Same columns either way."""
    if "stored_part" not in to_read.columns or to_read["stored_part"].isna().all():
        return read_files(to_read, max_bytes)
    stored = to_read["stored_part"].notna()
    again = to_read[stored]
    again = again.assign(text=stored_texts(again), unchanged=False, reject_reason=None, reject_detail=None)
    again = again[list(READ_COLUMNS)]
    fresh = read_files(to_read[~stored].reset_index(drop=True), max_bytes)
    return pd.concat([fresh, again], ignore_index=True) if len(fresh) else again.reset_index(drop=True)
