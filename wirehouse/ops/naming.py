"""Flow run and batch names that say what a run did, as the operator reads them in the Prefect UI."""

import pandas as pd


def planned_name(n_to_read: int, n_found: int) -> str:
    """The run's name once it has planned: 'news-etl: 1,234 new or changed of 100,000 files'."""
    if n_to_read == 0:
        return f"news-etl: nothing new in {n_found:,} files"
    return f"news-etl: {n_to_read:,} new or changed of {n_found:,} files"


def committed_name(n_articles: int, n_rejects: int, n_to_read: int, n_found: int) -> str:
    """The run's name once published: '... -> 1,230 articles, 4 rejects'."""
    return f"{planned_name(n_to_read, n_found)} -> {n_articles:,} articles, {n_rejects:,} rejects"


def failed_name(planned: str, error: BaseException) -> str:
    reason = str(error).splitlines()[0] if str(error) else type(error).__name__
    return f"{planned}: FAILED, {reason}"[:250]


def batch_label(batch: pd.DataFrame) -> str:
    """The file range a batch task covers, by article id: '0003/0003000 .. 0003/0003999 (1,000 files)'."""
    if batch.empty:
        return "no files"
    first, last = batch["article_id"].iloc[0], batch["article_id"].iloc[-1]
    return f"{first} .. {last} ({len(batch):,} files)"


def rename_flow_run(flow_run_id: str | None, name: str) -> None:
    """Rename the running flow run in the Prefect API (nothing to do outside a flow run)."""
    if flow_run_id is None:
        return
    from prefect.client.orchestration import get_client

    with get_client(sync_client=True) as client:
        client.update_flow_run(flow_run_id, name=name)
