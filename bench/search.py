"""Search benchmark: a commit's search cost per 5,000 new articles, and query latency at 100,000 articles.

The warehouse is built once by `wirehouse run` over bench/throughput.py's corpus (--articles files: the seeds
and the shared BBC and Reuters articles, repeated) and reused. Then:

- commit cost: the postings of 5,000 articles and their quotes (what the batches' workers do beside their other
  tables: tokenising with pyarrow and counting with numpy, writing the `search_terms` and `search_docs` parts),
  and the commit's share: loading those parts into the warehouse's DuckDB file, sorted by term as the commit
  does (in a transaction rolled back, so the warehouse is unchanged);
- queries: `wirehouse search`'s SQL (sql/search/articles.sql, quotes.sql) for a list of queries, with and
  without --quotes and --speaker, each run --repeat times on one read-only connection: p50 and p95. The
  worktree's search and speaker macros and views (sql/views/search.sql, quote_speakers.sql) are installed as
  temporary ones first, so a warehouse
  built before a change to them measures the current SQL. With --baseline REF, the same SQL files as of git
  REF run too, query by query alternating with the current ones (their macros renamed `base_search_*`), and
  both sides must return the same rows.

    .venv/bin/python bench/search.py                        # 100,000 articles
    .venv/bin/python bench/search.py --articles 20000 --repeat 3 --baseline main
"""

import argparse
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from throughput import build_corpus, run  # noqa: E402

from wirehouse.schema import read_sql  # noqa: E402
from wirehouse.search.index import postings  # noqa: E402
from wirehouse.store.duckdb_build import load_sql  # noqa: E402
from wirehouse.store.parquet import write_part  # noqa: E402

QUERIES = (
    "arms race",
    "oil prices",
    "interest rates",
    "bank of england",
    "election",
    "prime minister tony blair",
    "the",
    "said",
    "chelsea",
    "mobile phone",
    "debt crisis",
    "wheat exports",
    "film award",
    "trade deficit",
    "shares rose",
    "opec",
    "strike",
    "gordon brown budget",
    "microsoft",
    "zzzz nothing",
)


def warehouse_for(args: argparse.Namespace) -> Path:
    warehouse = args.workdir / f"warehouse-search-{args.articles}"
    if not (warehouse / "wirehouse.duckdb").exists():
        corpus = args.workdir / f"corpus-{args.articles}"
        build_corpus(corpus, args.articles)
        print(f"building the warehouse: {args.articles:,} files through `wirehouse run` ...", flush=True)
        run(corpus, warehouse, os.cpu_count() or 1, 5000)
    return warehouse


def commit_cost(warehouse: Path, n: int) -> None:
    con = duckdb.connect(str(warehouse / "wirehouse.duckdb"), read_only=True)
    try:
        articles = con.execute(
            "SELECT 'new-' || article_id AS article_id, title, body FROM articles ORDER BY article_id LIMIT ?", [n]
        ).fetch_arrow_table()
        quotes = con.execute(
            "SELECT 'new-' || article_id AS article_id, 'new-' || quote_id AS quote_id, quote_no, text FROM quotes "
            "WHERE article_id IN (SELECT article_id FROM articles ORDER BY article_id LIMIT ?)",
            [n],
        ).fetch_arrow_table()
        n_docs = con.execute("SELECT count(*) FROM search_docs").fetchone()[0]
    finally:
        con.close()
    folder = warehouse.parent / "search-bench-parts"
    start, cpu = time.perf_counter(), time.process_time()
    terms, docs = postings(articles, quotes)
    terms_part = write_part(terms, folder / "terms.parquet")
    docs_part = write_part(docs, folder / "docs.parquet")
    indexed, indexed_cpu = time.perf_counter() - start, time.process_time() - cpu
    con = duckdb.connect(str(warehouse / "wirehouse.duckdb"))
    try:
        start = time.perf_counter()
        con.execute("BEGIN")
        for table, part in (("search_terms", terms_part), ("search_docs", docs_part)):
            con.execute(read_sql(load_sql(table)).format(table=table), {"files": [str(part)]})
        loaded = time.perf_counter() - start
        con.execute("ROLLBACK")
    finally:
        con.close()
    print(
        f"commit cost for {articles.num_rows:,} new articles + {quotes.num_rows:,} quotes ({len(terms):,} postings; "
        f"warehouse holds {n_docs:,} documents): postings + parts {indexed:.2f} s ({indexed_cpu:.2f} s CPU; in the "
        f"batches' workers), the commit's DuckDB load {loaded:.2f} s; total {indexed + loaded:.2f} s"
    )


MACROS = re.compile(r"\bsearch_(bm25|articles|quotes|tokens)\b")
MODES = (
    ("articles", "search/articles.sql", False),
    ("--quotes", "search/quotes.sql", False),
    ("articles --speaker", "search/articles.sql", True),
    ("--quotes --speaker", "search/quotes.sql", True),
)


def _sql_at(ref: str, relative_path: str) -> str:
    return subprocess.run(
        ["git", "show", f"{ref}:sql/{relative_path}"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout


def _install(con: duckdb.DuckDBPyConnection, views_sql: str) -> None:
    """Macros and views as temporary ones (a read-only connection may create those; they come first)."""
    for kind in ("MACRO", "VIEW"):
        views_sql = views_sql.replace(f"CREATE OR REPLACE {kind}", f"CREATE OR REPLACE TEMP {kind}")
    con.execute(views_sql)


def _percentiles(times: list[float]) -> str:
    times = sorted(times)
    p95 = times[min(len(times) - 1, int(0.95 * len(times)))]
    return f"p50 {1000 * statistics.median(times):6.1f} ms, p95 {1000 * p95:6.1f} ms, max {1000 * times[-1]:6.1f} ms"


def latency(warehouse: Path, repeat: int, baseline: str | None) -> None:
    con = duckdb.connect(str(warehouse / "wirehouse.duckdb"), read_only=True)
    try:
        for view in ("quote_speakers", "search"):
            _install(con, read_sql(f"views/{view}.sql"))
        sides = {"now": {mode: read_sql(path) for mode, path, _ in MODES}}
        if baseline:
            _install(con, MACROS.sub(r"base_search_\1", _sql_at(baseline, "views/search.sql")))
            sides[baseline] = {mode: MACROS.sub(r"base_search_\1", _sql_at(baseline, path)) for mode, path, _ in MODES}
        n_articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        speaker = con.execute("SELECT name FROM speakers ORDER BY n_quotes DESC, name LIMIT 1").fetchone()[0]
        print(f"queries at {n_articles:,} articles; --speaker {speaker!r}; {len(QUERIES)} queries x {repeat}")
        for mode, _, with_speaker in MODES:
            times: dict[str, list[float]] = {side: [] for side in sides}
            for query in QUERIES:
                values = {"q": query, "since": None, "speaker": speaker if with_speaker else None, "limit": 10}
                rows = {}
                for _ in range(repeat):
                    for side, sqls in sides.items():
                        start = time.perf_counter()
                        rows[side] = con.execute(sqls[mode], values).fetchall()
                        times[side].append(time.perf_counter() - start)
                if baseline and _rounded(rows["now"]) != _rounded(rows[baseline]):
                    sys.exit(f"{mode} {query!r}: the rows differ from {baseline}'s")
            print(f"  {mode:>20}: " + "; ".join(f"{side} {_percentiles(t)}" for side, t in times.items()))
    finally:
        con.close()


def _rounded(rows: list[tuple]) -> list[tuple]:
    """Rows with scores to 9 decimals: summing in another order may change the last bits."""
    return [tuple(round(v, 9) if isinstance(v, float) else v for v in row) for row in rows]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--new", type=int, default=5000, help="new articles for the commit cost")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--baseline", help="git ref whose search SQL runs alternating with the current one")
    parser.add_argument("--skip-commit", action="store_true", help="queries only")
    parser.add_argument("--workdir", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "wirehouse-bench")
    args = parser.parse_args()
    warehouse = warehouse_for(args)
    if not args.skip_commit:
        commit_cost(warehouse, args.new)
    latency(warehouse, args.repeat, args.baseline)


if __name__ == "__main__":
    main()
