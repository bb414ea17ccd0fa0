"""Speakers an analyst can trust, over every article of BBC + Reuters-21578 (../shared/corpora): the 30 speakers
quoted in the most articles are named people or organisations, and no person among them is there twice.

The batch's own stages (decode, parse, quotes) and the warehouse's own model (sql/models/speakers.sql) run over
the 23,800 files, so this takes about a minute: slow."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
import pytest

from wirehouse.clean.stage import parse_articles
from wirehouse.ingest.decode import Decoded, decode_bytes
from wirehouse.paths import SQL_DIR
from wirehouse.quotes.lexicon import lexicon
from wirehouse.quotes.naming import Namer
from wirehouse.quotes.stage import extract_article_quotes

pytestmark = pytest.mark.slow

TOP_SPEAKERS = "SELECT name, kind, n_articles, n_quotes FROM speakers ORDER BY n_articles DESC, n_quotes DESC, name"


def corpus_speakers(corpora: Path) -> duckdb.DuckDBPyConnection:
    """A DuckDB holding the `quotes` and `speakers` of every article under corpora/bbc and
    corpora/reuters21578/articles, made by the pipeline's stages and the speakers model."""
    rows = []
    for root in ("bbc", "reuters21578/articles"):
        for path in sorted((corpora / root).rglob("*.txt")):
            decoded = decode_bytes(path.read_bytes())
            if isinstance(decoded, Decoded):
                article_id = str(path.relative_to(corpora).with_suffix(""))
                rows.append((article_id, article_id, str(path), decoded.text))
    articles, paragraphs = parse_articles(pd.DataFrame(rows, columns=["article_id", "file_id", "source_path", "text"]))
    quotes = extract_article_quotes(articles, paragraphs)
    con = duckdb.connect()
    con.execute((SQL_DIR / "schema" / "speakers.sql").read_text(encoding="utf-8"))
    con.register("corpus_quotes", quotes)
    con.execute("CREATE TABLE quotes AS SELECT * FROM corpus_quotes")
    con.execute((SQL_DIR / "models" / "speakers.sql").read_text(encoding="utf-8"))
    return con


@pytest.fixture(scope="module")
def speakers(shared_dir: Path) -> duckdb.DuckDBPyConnection:
    return corpus_speakers(shared_dir / "corpora")


def test_the_top_30_are_named_people_and_organisations(speakers: duckdb.DuckDBPyConnection) -> None:
    top = speakers.sql(TOP_SPEAKERS + " LIMIT 30").fetchall()
    assert len(top) == 30
    namer = Namer(lexicon())
    for name, kind, _, _ in top:
        assert kind in ("person", "organisation"), name
        # a description ('analysts', 'the Bank', 'company spokesman') or a fragment of one is no speaker
        assert not namer.is_description(name), name
        assert name[:1].isupper() and len(name) > 1, name
    persons = [name for name, kind, _, _ in top if kind == "person"]
    # no person twice: not in another case, not as a surname beside the full name ('Reagan', 'Ronald Reagan')
    assert len({p.lower() for p in persons}) == len(persons)
    for short in persons:
        assert not [p for p in persons if p != short and p.lower().endswith(" " + short.lower())], short


def test_names_the_rules_used_to_cut_or_mistype(speakers: duckdb.DuckDBPyConnection) -> None:
    kinds = dict(speakers.sql("SELECT name, kind FROM speakers").fetchall())
    # joined by 'and' inside one organisation's name, not cut at it ('Poor Corp', 'P')
    assert kinds["Standard and Poor's Corp"] == "organisation"
    assert "Poor Corp" not in kinds and "P" not in kinds
    # initials and a possessive subject are organisations ("USDA said", "Moody's said"), never persons; a short
    # form takes the full name its article gives ("Moody's" of "Moody's Investors Service Inc", 'S and P')
    assert kinds["USDA"] == kinds["A and P"] == kinds["Moody's Investors Service Inc"] == "organisation"
    assert "Moody" not in kinds and kinds.get("Moody's", "organisation") == "organisation"
    # 'Bank of Japan Governor Satoshi Sumita said': the governor speaks, not a 'Bank'
    assert kinds["Satoshi Sumita"] == "person"
    assert "Bank" not in kinds
    # a country credited with speech is no person ('Iraq said')
    assert kinds["Iraq"] == "organisation"
