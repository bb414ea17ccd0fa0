"""What analysts run, timed on a warehouse's published DuckDB file: no storage change may make one slower.

    .venv/bin/python bench/queries.py WAREHOUSE [--save before.json]          # time, print, keep the figures
    .venv/bin/python bench/queries.py WAREHOUSE --before before.json          # print both side by side

Every named analysis in sql/queries/ (defaults, plus 'Donald Trump' / 'said' for the required parameters),
COUNT(*) of every article table, sentence and paragraph texts by article and by a word, a quotes-articles
join, raw text by article. Each query is run `--repeat` times on one read-only connection, best time kept
(the first run also warms the file's pages). Compare figures taken on one machine within minutes only.
"""

import argparse
import json
import sys
import time
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from wirehouse.queries import named_queries

REQUIRED = {"speaker": "Donald Trump", "text": "said"}
COUNTS = ("articles", "raw_articles", "paragraphs", "sentences", "quotes", "files")


def workload(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[str, dict]]:
    """name -> (SQL, parameters); ids picked from the warehouse itself so every run asks the same."""
    some_id = con.execute("SELECT min(article_id) FROM articles").fetchone()[0]
    mid_id = con.execute("SELECT quantile_disc(article_id, 0.5) FROM articles").fetchone()[0]
    work: dict[str, tuple[str, dict]] = {}
    for name, query in sorted(named_queries().items()):
        given = {p.name: REQUIRED[p.name] for p in query.parameters if p.default is None}
        work[f"query {name}"] = (query.sql, query.bind(given))
    for table in COUNTS:
        work[f"count {table}"] = (f"SELECT count(*) FROM {table}", {})
    ids = {"a": some_id, "b": mid_id}
    work["sentence texts of 2 articles"] = (
        "SELECT text FROM sentences WHERE article_id IN ($a, $b) ORDER BY article_id, sentence_no",
        ids,
    )
    work["paragraph texts of 2 articles"] = (
        "SELECT kind, text FROM paragraphs WHERE article_id IN ($a, $b) ORDER BY article_id, paragraph_no",
        ids,
    )
    work["sentences with a word"] = ("SELECT count(*) FROM sentences WHERE text LIKE '%minister%'", {})
    work["body paragraphs with a word"] = (
        "SELECT count(*) FROM body_paragraphs WHERE text ILIKE '%oil%'",
        {},
    )
    work["longest sentences"] = ("SELECT article_id, length(text) n FROM sentences ORDER BY n DESC LIMIT 10", {})
    work["quotes x articles by agency"] = (
        "SELECT a.agency, q.kind, count(*) FROM quotes q JOIN articles a USING (article_id) GROUP BY ALL",
        {},
    )
    work["article_quotes view, a speaker"] = (
        "SELECT title, text FROM article_quotes WHERE speaker ILIKE '%trump%' ORDER BY article_id, quote_no",
        {},
    )
    work["raw text of 2 articles"] = ("SELECT raw_text FROM raw_articles WHERE article_id IN ($a, $b)", ids)
    work["bodies with a word"] = ("SELECT count(*) FROM articles WHERE body LIKE '%minister%'", {})
    return work


def time_all(database: Path, repeat: int) -> dict[str, float]:
    con = duckdb.connect(str(database), read_only=True)
    try:
        seconds = {}
        for name, (sql, parameters) in workload(con).items():
            best = float("inf")
            for _ in range(repeat):
                start = time.perf_counter()
                con.execute(sql, parameters).fetchall()
                best = min(best, time.perf_counter() - start)
            seconds[name] = best
        return seconds
    finally:
        con.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("warehouse", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--save", type=Path, help="write the figures here (JSON)")
    parser.add_argument("--before", type=Path, help="figures of an earlier version (JSON) to print beside")
    args = parser.parse_args()

    database = args.warehouse / "wirehouse.duckdb"
    seconds = time_all(database, args.repeat)
    if args.save:
        args.save.write_text(json.dumps(seconds, indent=1), encoding="utf-8")
    before = json.loads(args.before.read_text(encoding="utf-8")) if args.before else {}
    print(f"{database.resolve()} ({database.resolve().stat().st_size / 1e6:,.0f} MB), best of {args.repeat}")
    print("| query | before ms | now ms | now/before |" if before else "| query | ms |")
    print("| --- | --- | --- | --- |" if before else "| --- | --- |")
    for name, now in seconds.items():
        if before:
            then = before.get(name)
            ratio = f"{now / then:.2f}" if then else "-"
            print(f"| {name} | {then * 1000 if then else float('nan'):,.1f} | {now * 1000:,.1f} | {ratio} |")
        else:
            print(f"| {name} | {now * 1000:,.1f} |")


if __name__ == "__main__":
    main()
