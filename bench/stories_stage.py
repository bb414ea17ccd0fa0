"""What the stories stage costs per article: its batch side (story keys) and its link side (candidates, grouping,
the story ids written into the staged parts), on the articles of a built warehouse taken as one cold run.

    .venv/bin/python bench/stories_stage.py /tmp/wirehouse-speed/warehouse     # make bench's 100,000 files

The batch side is `story_keys` on 5,000 of the warehouse's bodies (CPU, best of 3; in a run it is spread over
the workers). The link side runs the link step's story code (wirehouse/link/stage.py) over copies of the
warehouse's `story_keys` and `articles` parts, as a cold run's link step meets them, and prints its wall and
CPU time with its three parts: finding and verifying candidates, grouping them into stories, and rewriting
the parts with the decided ids.
"""

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from wirehouse.link import stage
from wirehouse.link.index import StoredIndex, sample_rows, write_fine_part
from wirehouse.link.shingles import story_keys
from wirehouse.link.stories import assign_stories, candidate_pairs, verify
from wirehouse.store.layout import DUCKDB_NAME, Warehouse
from wirehouse.store.parquet import to_arrow, write_part


class Clock:
    def __init__(self) -> None:
        self.wall, self.cpu = time.perf_counter(), time.process_time()

    def lap(self) -> tuple[float, float]:
        wall, cpu = time.perf_counter(), time.process_time()
        spent = (wall - self.wall, cpu - self.cpu)
        self.wall, self.cpu = wall, cpu
        return spent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("warehouse", type=Path)
    args = parser.parse_args()
    snapshot = Warehouse(args.warehouse.resolve()).current_snapshot()
    if snapshot is None:
        sys.exit(f"no warehouse at {args.warehouse}: run `wirehouse run` first")
    con = duckdb.connect(str(snapshot / DUCKDB_NAME), read_only=True)
    articles = con.execute("SELECT article_id, body, published_date FROM articles ORDER BY article_id").df()
    con.close()
    n = len(articles)
    ids, bodies = articles["article_id"].tolist()[:5000], articles["body"].tolist()[:5000]
    with tempfile.TemporaryDirectory(prefix="stories-batch-") as folder:
        best = min(_cpu(lambda: _batch_side(ids, bodies, Path(folder))) for _ in range(3))
    print(
        f"batch side: story keys and their two parts {1e6 * best / len(ids):.1f} µs/article CPU "
        f"({len(ids):,} articles, best of 3)"
    )

    with tempfile.TemporaryDirectory(prefix="stories-stage-") as work:
        staged = Path(work)
        for table in ("story_keys", "articles"):
            shutil.copytree(snapshot / "parquet" / table, staged / table)
        order = articles.sort_values(["published_date", "article_id"], na_position="last", kind="stable")
        order = order["article_id"].tolist()
        keys = sorted((staged / "story_keys").glob("*.parquet"))
        clock, spent = Clock(), {}
        verified = verify(candidate_pairs(keys, StoredIndex([], []), [], order=order))
        spent["candidates + verification"] = clock.lap()
        stories = stage.Decided.of(assign_stories(order, verified).story_of)
        spent["grouping (no chaining)"] = clock.lap()
        for part in sorted((staged / "articles").glob("*.parquet")):
            stage._rewrite(part, "article_id", "story_id", stories)
        spent["story ids into the articles parts"] = clock.lap()
    wall, cpu = (sum(s[i] for s in spent.values()) for i in (0, 1))
    print(f"link side, {n:,} articles: {wall:.2f} s wall, {cpu:.2f} s CPU = {1e6 * wall / n:.0f} µs/article wall")
    for step, (step_wall, step_cpu) in spent.items():
        print(f"  {step}: {step_wall:.2f} s wall, {step_cpu:.2f} s CPU")
    print(f"stories stage: {1e6 * best / len(ids) + 1e6 * cpu / n:.0f} µs/article of CPU in all")


def _batch_side(ids: list[str], bodies: list[str], folder: Path) -> None:
    """What a batch does for the stories stage: the keys, and the story_keys and story_sample parts."""
    keys = story_keys(ids, bodies)
    write_fine_part(to_arrow("story_keys", keys), folder / "story_keys" / "part.parquet")
    write_part(to_arrow("story_sample", sample_rows(keys)), folder / "story_sample" / "part.parquet")


def _cpu(work) -> float:
    start = time.process_time()
    work()
    return time.process_time() - start


if __name__ == "__main__":
    main()
