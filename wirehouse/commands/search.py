"""`wirehouse search "arms race"`: articles (or quotes) ranked by BM25, with a snippet marking the match."""

import argparse
import sys
from datetime import date
from pathlib import Path

from wirehouse.settings import WAREHOUSE_HELP, default_warehouse


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("search", help="full-text search over articles or quotes, ranked by BM25")
    parser.add_argument("query", help='words to look for, e.g. "arms race"')
    parser.add_argument("--quotes", action="store_true", help="search quote texts instead of articles")
    parser.add_argument("--speaker", help="only quotes by (or articles quoting) this speaker")
    parser.add_argument("--since", type=date.fromisoformat, help="only articles published on or after YYYY-MM-DD")
    parser.add_argument("--limit", type=_positive, default=10, help="hits shown (default 10)")
    parser.add_argument("--warehouse", type=Path, default=None, help=WAREHOUSE_HELP)
    parser.set_defaults(handler=handle)


def _positive(text: str) -> int:
    """--limit's type: a whole number of at least 1 (argparse turns the error into one line)."""
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of hits (1 or more)")
    return int(text)


def handle(args: argparse.Namespace) -> int:

    from wirehouse.schema import read_sql
    from wirehouse.search.snippets import query_terms, snippet
    from wirehouse.store.readonly import fetch_or_exit_code

    if not query_terms(args.query):
        print("wirehouse: the query has no words to search for", file=sys.stderr)
        return 2
    sql = read_sql("search/quotes.sql" if args.quotes else "search/articles.sql")
    values = {"q": args.query, "since": args.since, "speaker": args.speaker, "limit": args.limit}
    fetched = fetch_or_exit_code(args.warehouse or default_warehouse(), sql, values)
    if isinstance(fetched, int):
        return fetched
    _, hits = fetched
    terms = query_terms(args.query)
    for rank, (score, article_id, published, title, agency, text, speaker) in enumerate(hits, start=1):
        header = [f"{rank:>2}. {score:6.2f}", str(published or "no date"), title or "(no title)"]
        header += [f"— {speaker}"] if speaker else []
        header += [f"({agency})"] if agency else []
        print("  ".join(header) + f"  [{article_id}]")
        print(f"    {snippet(text, terms)}")
    kind = "quote" if args.quotes else "article"
    print(f"({len(hits)} {kind}{'' if len(hits) == 1 else 's'})")
    return 0
