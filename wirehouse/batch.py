"""One batch of files through every stage, its tables written as Parquet parts into the run's staging folder.

This is the unit of parallel work: it reads only its own files and writes only its own parts, so batches
can run in threads, processes or on a cluster that shares the warehouse folder. Nothing here is visible to
readers until the run commits.
"""

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pandas as pd
import pyarrow as pa

from wirehouse.clean.stage import parse_articles
from wirehouse.fingerprint import current_pipeline
from wirehouse.isolate import mark_errors, run_isolated
from wirehouse.link.index import sample_rows, write_fine_part
from wirehouse.link.quotes import quote_keys
from wirehouse.link.shingles import story_keys
from wirehouse.quotes.stage import extract_article_quotes
from wirehouse.reprocess import read_inputs
from wirehouse.schema import TOUCHED, TOUCHED_SCHEMA
from wirehouse.search.index import search_postings
from wirehouse.segment.stage import segment_sentences
from wirehouse.settings import DEFAULT_MAX_BYTES, cross_article_enabled
from wirehouse.store.parquet import to_arrow, write_part
from wirehouse.store.spans import stored_form

# Every table a batch writes (the link step later fills articles.story_id and quotes.cluster_id).
BATCH_TABLES = (
    "articles",
    "raw_articles",
    "paragraphs",
    "sentences",
    "quotes",
    "files",
    "rejects",
    "story_keys",
    "quote_keys",
    "search_terms",
    "search_docs",
)


@dataclass(frozen=True)
class BatchResult:
    batch_no: int
    n_files: int
    n_articles: int
    n_rejects: int
    n_unchanged: int
    n_paragraphs: int
    n_sentences: int
    n_quotes: int


@dataclass(frozen=True)
class BatchTables:
    """Every table a batch produces, as frames: what the pure pipeline returns before anything is written."""

    articles: pd.DataFrame
    raw_articles: pd.DataFrame
    paragraphs: pd.DataFrame
    sentences: pd.DataFrame
    quotes: pd.DataFrame
    files: pd.DataFrame
    rejects: pd.DataFrame
    touched: pd.DataFrame
    story_keys: pd.DataFrame
    quote_keys: pd.DataFrame
    search_terms: pa.Table  # the postings, built here in the workers (one part per batch), not in the link step
    search_docs: pa.Table


def transform(to_read: pd.DataFrame, run_id: str, now: datetime, max_bytes: int = DEFAULT_MAX_BYTES) -> BatchTables:
    """ingest -> parse/clean -> segment -> quotes, over plain frames (no Prefect, no writing)."""
    read = read_inputs(to_read, max_bytes)  # rows to re-derive carry their stored text
    unchanged = read["unchanged"]
    decoded = read[~unchanged & read["reject_reason"].isna()].reset_index(drop=True)
    (articles, paragraphs, sentences, quotes), failed = run_isolated(_stages, decoded)
    if failed:  # a stage raised on these files: rejected as 'error', the rest of the batch loads
        read, decoded = mark_errors(read, failed), decoded[~decoded["file_id"].isin(failed)].reset_index(drop=True)
    rejected = read["reject_reason"].notna() & ~unchanged
    quotes["cluster_id"] = None  # set by the run's link step (wirehouse.link)
    articles["n_sentences"] = _count_by(sentences, articles)
    articles["n_quotes"] = _count_by(quotes, articles)
    articles["run_id"] = run_id
    articles["pipeline_fingerprint"] = current_pipeline().digest
    articles["story_id"] = None  # set by the run's link step, once every batch is in (wirehouse.link)
    raw_articles = decoded[["article_id", "file_id", "text"]].rename(columns={"text": "raw_text"})

    processed = read[~unchanged]
    files = pd.DataFrame(
        {
            "file_id": processed["file_id"],
            "source_path": processed["source_path"],
            "size_bytes": processed["size_bytes"],
            "mtime_ns": processed["mtime_ns"],
            "content_sha256": processed["content_sha256"],
            "encoding": processed["encoding"],
            "status": ["rejected" if r else "loaded" for r in rejected[~unchanged]],
            "article_id": processed["article_id"].where(~rejected[~unchanged], None),
            "first_seen_at": now,
            "last_run_id": run_id,
        }
    )
    bad = read[rejected]
    rejects = pd.DataFrame(
        {
            "file_id": bad["file_id"],
            "source_path": bad["source_path"],
            "reason": bad["reject_reason"],
            "detail": bad["reject_detail"],
            "size_bytes": bad["size_bytes"],
            "content_sha256": bad["content_sha256"],
            "run_id": run_id,
            "rejected_at": now,
        }
    )
    touched = read.loc[unchanged, ["file_id", "size_bytes", "mtime_ns"]]
    # off: only to measure the layer's cost. Every quote is of an article of `articles` (an isin() over pandas
    # 3's Arrow strings cost 0.1 s of a 5,000-article batch to say so).
    linked, linked_quotes = (articles, quotes) if cross_article_enabled() else (articles.iloc[:0], quotes.iloc[:0])
    keys = story_keys(linked["article_id"].tolist(), linked["body"].tolist())
    tables = (articles, raw_articles, paragraphs, sentences, quotes, files, rejects, touched)
    return BatchTables(*tables, keys, quote_keys(linked_quotes), *search_postings(linked, linked_quotes))


def _write_story_index(keys: pd.DataFrame, staging_dir: Path, name: str) -> None:
    """The batch's story_keys part (sorted, in row groups: wirehouse/link/index.py) and its story_sample part;
    the link step reads both as they are, and the stories' ids are kept in `articles` only."""
    if not keys.empty:
        write_fine_part(to_arrow("story_keys", keys), staging_dir / "story_keys" / name)
        write_part(to_arrow("story_sample", sample_rows(keys)), staging_dir / "story_sample" / name)


def _stages(decoded: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """parse/clean -> segment -> quotes over decoded texts: articles, paragraphs, sentences, quotes."""
    articles, paragraphs = parse_articles(decoded)
    sentences = segment_sentences(articles, paragraphs)
    quotes = extract_article_quotes(articles, paragraphs, sentences)  # the sentences split once
    return articles, paragraphs, sentences, quotes


def _count_by(rows: pd.DataFrame, articles: pd.DataFrame) -> pd.Series:
    counts = rows["article_id"].value_counts()
    return articles["article_id"].map(counts).fillna(0).astype("int32")


def process_batch(
    to_read: pd.DataFrame,
    batch_no: int,
    run_id: str,
    now: datetime,
    staging_dir: Path,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> BatchResult:
    """transform() one batch and write each of its tables as part `batch-<no>.parquet` under staging."""
    tables = transform(to_read, run_id, now, max_bytes)
    name = f"{run_id}-{batch_no:05d}.parquet"
    for table in BATCH_TABLES:
        rows = getattr(tables, table)
        if table == "story_keys":
            _write_story_index(rows, staging_dir, name)
        elif isinstance(rows, pa.Table):  # already in the table's Arrow schema
            if rows.num_rows:
                write_part(rows, staging_dir / table / name)
        elif not rows.empty:  # span texts that are slices of the body are stored as offsets only
            write_part(to_arrow(table, stored_form(table, rows, tables.articles)), staging_dir / table / name)
    if not tables.touched.empty:
        touched = pa.Table.from_pandas(tables.touched, schema=TOUCHED_SCHEMA, preserve_index=False)
        write_part(touched, staging_dir / TOUCHED / name)
    return BatchResult(
        batch_no=batch_no,
        n_files=len(to_read),
        n_articles=len(tables.articles),
        n_rejects=len(tables.rejects),
        n_unchanged=len(tables.touched),
        n_paragraphs=int((tables.paragraphs["kind"] == "body").sum()),
        n_sentences=len(tables.sentences),
        n_quotes=len(tables.quotes),
    )
