"""The run's link step, between its batches and its commit: stories for the staged articles.

Reads only this run's staged parts and the published index's keys (not the warehouse's articles), decides
each new article's story, and rewrites the run's staged `articles` and `story_keys` parts with it, adding
an `article_links` part. Nothing published is touched: the commit carries everything over as usual.
"""

from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from wirehouse.link.stories import assign_stories, candidate_pairs, story_id_of, verify
from wirehouse.store.commit import replaced_articles
from wirehouse.store.layout import Warehouse
from wirehouse.store.parquet import parts, read_parts, to_arrow, write_part


@dataclass(frozen=True)
class LinkResult:
    n_articles: int
    n_links: int
    n_joined: int  # new articles that joined a story founded by another article


def _with_story(part: Path, story_of: dict[str, str]) -> None:
    """Rewrite one staged part with its story_id column filled in."""
    table = pq.read_table(part)
    ids = table["article_id"].to_pylist()
    stories = pa.array([story_of[i] for i in ids], type=pa.string())
    index = table.schema.get_field_index("story_id")
    write_part(table.set_column(index, table.schema.field("story_id"), stories), part)


def link_run(warehouse: Warehouse, run_id: str) -> LinkResult:
    staging = warehouse.staging_dir(run_id)
    articles = read_parts(staging / "articles", "articles", columns=["article_id", "published_date"])
    if articles.num_rows == 0:
        return LinkResult(0, 0, 0)
    new_keys = read_parts(staging / "story_keys", "story_keys")
    previous = warehouse.current_snapshot()
    stored_parts: list[str] = []
    excluded = articles["article_id"].to_pylist()
    if previous is not None:
        old = previous / "parquet"
        stored_parts = [str(p) for p in parts(old / "story_keys")]
        replaced = replaced_articles(read_parts(old / "files", "files"), read_parts(staging / "files", "files"))
        excluded = sorted(set(excluded) | set(replaced.to_pylist()))
    order = (
        articles.to_pandas()
        .sort_values(["published_date", "article_id"], na_position="last", kind="stable")["article_id"]
        .tolist()
    )
    linked = assign_stories(order, verify(candidate_pairs(new_keys, stored_parts, excluded)))
    for table in ("articles", "story_keys"):
        for part in parts(staging / table):
            _with_story(part, linked.story_of)
    if not linked.links.empty:
        write_part(to_arrow("article_links", linked.links), staging / "article_links" / f"{run_id}-links.parquet")
    n_joined = sum(1 for a, s in linked.story_of.items() if s != story_id_of(a))
    return LinkResult(len(order), len(linked.links), n_joined)
