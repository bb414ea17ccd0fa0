"""What a run did, as the flow returns it and `wirehouse run` prints it (no Prefect import here)."""

from dataclasses import asdict, dataclass, field

COUNTS = ("n_files", "n_articles", "n_rejects", "n_unchanged", "n_paragraphs", "n_sentences", "n_quotes")


@dataclass
class RunSummary:
    run_id: str
    status: str = "nothing to do"  # or 'committed'
    n_found: int = 0
    n_new: int = 0  # files never seen before (the rest of n_files were known and changed or touched)
    n_files: int = 0  # files read (new, changed, or touched)
    n_articles: int = 0
    n_rejects: int = 0
    n_unchanged: int = 0  # read, but the same bytes as before
    n_replaced: int = 0
    n_rederived: int = 0  # articles re-derived from raw_articles (rules changed, or --full-refresh)
    reprocessed: list[str] = field(default_factory=list)  # why anything was done again, for the summary
    n_paragraphs: int = 0
    n_sentences: int = 0
    n_quotes: int = 0
    seconds: float = 0.0
    phase_seconds: dict[str, float] = field(default_factory=dict)  # plan, process, commit

    def as_dict(self) -> dict:
        return asdict(self)
