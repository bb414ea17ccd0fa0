"""The Prefect artifacts a committing run publishes, under stable keys so the UI shows each as a history.

news-etl-summary    markdown: files, rows, quotes by kind, speakers, seconds per phase, the snapshot
news-etl-rejects    table: this run's rejected files (path, reason, detail)
news-etl-quality    table: every data-quality check with value, threshold and result
news-etl-progress   progress: batches finished, moving while the run processes
"""

from dataclasses import dataclass
from pathlib import Path

import duckdb

from wirehouse.flows.summary import RunSummary
from wirehouse.ops.checks import CheckResult
from wirehouse.scratch import spill_config
from wirehouse.store.layout import DUCKDB_NAME

SUMMARY_KEY = "news-etl-summary"
REJECTS_KEY = "news-etl-rejects"
QUALITY_KEY = "news-etl-quality"
PROGRESS_KEY = "news-etl-progress"
QUOTE_KINDS = ("direct", "partial", "indirect", "scare")


@dataclass(frozen=True)
class SnapshotFacts:
    """What the summary needs that only the published snapshot knows."""

    quotes_by_kind: dict[str, int]
    n_speakers: int
    rejects: list[dict]  # this run's: path, reason, detail


def snapshot_facts(snapshot: Path, run_id: str) -> SnapshotFacts:
    con = duckdb.connect(str(snapshot / DUCKDB_NAME), read_only=True, config=spill_config("artifacts"))
    try:
        by_kind = dict(
            con.execute(
                "SELECT q.kind, count(*) FROM quotes q JOIN articles a USING (article_id)"
                " WHERE a.run_id = ? GROUP BY q.kind",
                [run_id],
            ).fetchall()
        )
        n_speakers = con.execute("SELECT count(*) FROM speakers").fetchone()[0]
        rejects = con.execute(
            "SELECT source_path, reason, detail FROM rejects WHERE run_id = ? ORDER BY source_path", [run_id]
        ).fetchall()
    finally:
        con.close()
    return SnapshotFacts(
        quotes_by_kind={kind: by_kind.get(kind, 0) for kind in QUOTE_KINDS},
        n_speakers=n_speakers,
        rejects=[{"path": p, "reason": r, "detail": d} for p, r, d in rejects],
    )


def summary_markdown(summary: RunSummary, facts: SnapshotFacts, snapshot: Path) -> str:
    phases = summary.phase_seconds
    process_seconds = phases.get("process", 0.0) or summary.seconds
    rate = summary.n_articles / process_seconds if process_seconds else 0.0
    n_changed = summary.n_files - summary.n_new - summary.n_unchanged
    kinds = " / ".join(f"{facts.quotes_by_kind[k]:,} {k}" for k in QUOTE_KINDS)
    return "\n".join(
        [
            f"# news-etl run `{summary.run_id}`: {summary.status}",
            "",
            "| files found | new | changed | unchanged (touched) | rejected |",
            "| ---: | ---: | ---: | ---: | ---: |",
            f"| {summary.n_found:,} | {summary.n_new:,} | {n_changed:,} | {summary.n_unchanged:,} "
            f"| {summary.n_rejects:,} |",
            "",
            "| articles | paragraphs | sentences | quotes | speakers (warehouse) | articles replaced |",
            "| ---: | ---: | ---: | ---: | ---: | ---: |",
            f"| {summary.n_articles:,} | {summary.n_paragraphs:,} | {summary.n_sentences:,} | {summary.n_quotes:,} "
            f"| {facts.n_speakers:,} | {summary.n_replaced:,} |",
            "",
            f"Quotes by kind: {kinds}.",
            "",
            "| plan s | process s | commit s | total s | articles/s (process) |",
            "| ---: | ---: | ---: | ---: | ---: |",
            f"| {phases.get('plan', 0):.2f} | {phases.get('process', 0):.2f} | {phases.get('commit', 0):.2f} "
            f"| {summary.seconds:.2f} | {rate:,.0f} |",
            "",
            f"Snapshot published: `{snapshot}`",
        ]
    )


def publish_run_artifacts(summary: RunSummary, snapshot: Path) -> SnapshotFacts:
    """The summary and rejects artifacts of a committed run (the quality table is published by the gate)."""
    from prefect.artifacts import create_markdown_artifact, create_table_artifact

    facts = snapshot_facts(snapshot, summary.run_id)
    create_markdown_artifact(
        summary_markdown(summary, facts, snapshot), key=SUMMARY_KEY, description="What the news-etl run did"
    )
    create_table_artifact(
        facts.rejects or [{"path": "", "reason": "none", "detail": "no file was rejected"}],
        key=REJECTS_KEY,
        description=f"Files rejected by run {summary.run_id}: {len(facts.rejects)}",
    )
    return facts


def publish_quality(results: list[CheckResult], run_id: str) -> None:
    from prefect.artifacts import create_table_artifact

    failed = sum(not r.passed for r in results)
    create_table_artifact(
        [r.as_row() for r in results],
        key=QUALITY_KEY,
        description=f"Data-quality checks of run {run_id}: {len(results) - failed} passed, {failed} did not",
    )


class Progress:
    """A progress artifact that moves as batches finish."""

    def __init__(self, n_batches: int) -> None:
        from prefect.artifacts import create_progress_artifact

        self.n_batches = n_batches
        self.done = 0
        self.artifact_id = create_progress_artifact(0.0, key=PROGRESS_KEY, description=self._describe())

    def _describe(self) -> str:
        return f"{self.done} of {self.n_batches} batches processed"

    def batch_done(self) -> None:
        from prefect.artifacts import update_progress_artifact

        self.done += 1
        update_progress_artifact(self.artifact_id, 100.0 * self.done / self.n_batches, description=self._describe())
