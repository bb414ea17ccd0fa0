"""Search benchmark: a commit's search cost per 5,000 new articles, and query latency at 100,000 articles.

The warehouse is built once by `wirehouse run` over bench/throughput.py's corpus (--articles files: the seeds
and the shared BBC and Reuters articles, repeated) and reused. Then:

- commit cost: the postings of 5,000 articles and their quotes (the link step's `index_run` work: tokenising
  with pyarrow and counting with numpy, writing the `search_terms` and `search_docs` parts), and loading those
  parts into the warehouse's DuckDB file (in a transaction rolled back, so the warehouse is unchanged);
- queries: `wirehouse search`'s SQL (sql/search/articles.sql, quotes.sql) for a list of queries, with and
  without --quotes and --speaker, each run --repeat times on one read-only connection: p50 and p95.

    .venv/bin/python bench/search.py                        # 100,000 articles
    .venv/bin/python bench/search.py --articles 20000 --repeat 3
"""

import argparse
import os
import statistics
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
        load = read_sql("load/table_from_parquet.sql")
        for table, part in (("search_terms", terms_part), ("search_docs", docs_part)):
            con.execute(load.format(table=table), {"files": [str(part)]})
        loaded = time.perf_counter() - start
        con.execute("ROLLBACK")
    finally:
        con.close()
    print(
        f"commit cost for {articles.num_rows:,} new articles + {quotes.num_rows:,} quotes ({len(terms):,} postings; "
        f"warehouse holds {n_docs:,} documents): postings + parts {indexed:.2f} s ({indexed_cpu:.2f} s CPU), "
        f"DuckDB load {loaded:.2f} s, total {indexed + loaded:.2f} s"
    )


def latency(warehouse: Path, repeat: int) -> None:
    con = duckdb.connect(str(warehouse / "wirehouse.duckdb"), read_only=True)
    try:
        n_articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        speaker = con.execute("SELECT name FROM speakers ORDER BY n_quotes DESC, name LIMIT 1").fetchone()[0]
        print(f"queries at {n_articles:,} articles; --speaker {speaker!r}; {len(QUERIES)} queries x {repeat}")
        for mode, sql_file, speaker_value in (
            ("articles", "search/articles.sql", None),
            ("--quotes", "search/quotes.sql", None),
            ("articles --speaker", "search/articles.sql", speaker),
            ("--quotes --speaker", "search/quotes.sql", speaker),
        ):
            sql = read_sql(sql_file)
            times = []
            for query in QUERIES:
                values = {"q": query, "since": None, "speaker": speaker_value, "limit": 10}
                for _ in range(repeat):
                    start = time.perf_counter()
                    con.execute(sql, values).fetchall()
                    times.append(time.perf_counter() - start)
            times.sort()
            p95 = times[min(len(times) - 1, int(0.95 * len(times)))]
            print(
                f"  {mode:>20}: p50 {1000 * statistics.median(times):6.1f} ms, p95 {1000 * p95:6.1f} ms, "
                f"max {1000 * times[-1]:6.1f} ms"
            )
    finally:
        con.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--new", type=int, default=5000, help="new articles for the commit cost")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--workdir", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "wirehouse-bench")
    args = parser.parse_args()
    warehouse = warehouse_for(args)
    commit_cost(warehouse, args.new)
    latency(warehouse, args.repeat)


if __name__ == "__main__":
    main()
