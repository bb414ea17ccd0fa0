"""Quote clusters: one utterance carried by many articles, its speaker decided from all its carriers."""

import duckdb
import pandas as pd

from tests.conftest import query
from wirehouse.link.quotes import candidate_pairs, cluster_quotes, normalise, quote_keys
from wirehouse.link.roots import group_id_of
from wirehouse.schema import create_tables, read_sql
from wirehouse.store.parquet import to_arrow

A000 = "000_f586c72162ac7c3d"
A001 = "001_468d0ff313ca5494"
FULL = "We will never allow anybody to have anything even close to what we have in the arms race, he said"


def clusters(quotes: list[tuple[str, str, str]]) -> dict[str, str]:
    """quote id -> cluster id for (quote_id, kind, text) quotes in order, one article each, as one run."""
    frame = pd.DataFrame(quotes, columns=["quote_id", "kind", "text"]).assign(article_id=lambda f: f["quote_id"])
    keys = quote_keys(frame)
    order = [q for q, _, _ in quotes if q in set(keys["quote_id"])]
    return cluster_quotes(order, candidate_pairs(to_arrow("quote_keys", keys), [], [])).cluster_of


def test_normalising_ignores_case_hyphens_and_british_spelling():
    assert normalise(["Practical CO-OPERATION in Favour of the Centre", "co-operation"]) == [
        "practical cooperation in favor of the center",
        "cooperation",
    ]


def test_normalising_matches_the_plain_patterns(shared_dir):
    """The fast patterns (a prefix tree of the spellings, the hyphen found first) give what the plain ones gave:
    the flat alternation sorted longest first, the hyphen led by its lookbehind; on 300 BBC articles' lines
    (British spellings, hyphens) and on edge cases at word boundaries."""
    import re

    from wirehouse.reference import reference_rows

    variants = {row["british"]: row["american"] for row in reference_rows("spelling_variants")}
    spelling = re.compile(r"\b(" + "|".join(sorted(variants, key=len, reverse=True)) + r")\b")
    hyphen = re.compile(r"(?<=[^\W\d_])-(?=[^\W\d_])")

    def plain(texts: list[str]) -> list[str]:
        joined = hyphen.sub("", "\0".join(texts).lower())
        return spelling.sub(lambda match: variants[match.group(1)], joined).split("\0")

    paths = sorted((shared_dir / "corpora" / "bbc").glob("*/*.txt"))[::7][:300]
    lines = [line for path in paths for line in path.read_text(encoding="latin-1").splitlines() if line]
    edges = ["xcolour colourx Colour_ _colour colour1 éfavour favouré favours favourable", "a-b-c é-ü 1-a ²-a a--b -a-"]
    texts = lines + edges
    assert normalise(texts) == plain(texts)
    assert sum(text != before.lower() for text, before in zip(normalise(lines), lines, strict=True)) > 100
    assert normalise(edges) == [
        "xcolour colourx colour_ _colour colour1 éfavour favouré favors favorable",
        "abc éü 1-a ²a a--b -a-",
    ]


def test_partial_edited_and_restyled_quotes_join_the_full_one():
    found = clusters(
        [
            ("full", "direct", FULL),
            ("partial", "partial", "to have anything even close to what we have in the arms race"),
            ("edited", "direct", FULL.replace("never allow", "not allow")),
            ("restyled", "direct", FULL.upper().replace(",", " --")),
            ("other", "direct", "We will never allow anybody to tell us what to do about taxes, she said"),
            ("scare", "scare", FULL),
            ("short", "direct", "arms race"),
        ]
    )
    root = group_id_of("full")
    assert found == {"full": root, "partial": root, "edited": root, "restyled": root, "other": group_id_of("other")}


def test_no_chaining_through_a_middle_quote():
    a = "the talks covered trade tariffs and the border wall between the two countries this week"
    b = (
        "the talks covered trade tariffs and the border wall between the two countries"
        " and the fishing rights of both nations in the north sea"
    )
    c = "the fishing rights of both nations in the north sea were settled by the court on friday"
    found = clusters([("a", "direct", a), ("b", "direct", b), ("c", "direct", c)])
    assert found == {"a": group_id_of("a"), "b": group_id_of("a"), "c": group_id_of("c")}


def test_seed_clusters_and_their_speakers(seed_warehouse):
    rows = query(
        seed_warehouse,
        "SELECT left(canonical_text, 30), speaker, speaker_basis, n_quotes, n_articles, n_outlets, "
        "first_seen::VARCHAR, first_article_id FROM quote_clusters WHERE n_quotes > 1 ORDER BY 1",
    )
    assert rows == [
        ("Mr Putin and Mr Trump had not ", "Dmitry Peskov", "unanimous", 2, 2, 2, "2018-03-20", A000),
        ("Special attention was devoted ", "Kremlin", "unanimous", 2, 2, 2, "2018-03-20", A000),
        ("The leaders spoke in favour of", "Kremlin", "unanimous", 2, 2, 2, "2018-03-20", A000),
        ("Tuesday’s conversation between", "Kremlin", "unanimous", 2, 2, 2, "2018-03-20", A000),
    ]
    members = query(
        seed_warehouse,
        "SELECT q.article_id, q.speaker FROM quotes q JOIN quote_clusters c USING (cluster_id) "
        "WHERE c.canonical_text LIKE 'The leaders spoke%' ORDER BY 1",
    )
    assert members == [(A000, "Kremlin"), (A001, "Kremlin")]
    unclustered = query(seed_warehouse, "SELECT count(*) FROM quotes WHERE cluster_id IS NULL AND kind <> 'scare'")
    assert unclustered == [(0,)]


def test_a_pronoun_quote_takes_the_named_speaker_of_its_cluster():
    con = duckdb.connect(":memory:")
    create_tables(con)
    articles = [("a1", "2018-03-20", "Reuters"), ("a2", "2018-03-21", None), ("a3", "2018-03-22", None)]
    for article_id, published, agency in articles:
        con.execute(
            "INSERT INTO articles (article_id, file_id, source_path, published_date, agency, body, body_sha256, "
            "n_paragraphs, n_sentences, n_words, n_quotes, run_id) VALUES (?, ?, ?, ?, ?, '', '', 0, 0, 0, 1, 'r')",
            [article_id, article_id, article_id, published, agency],
        )
    cluster = group_id_of("q1")
    quotes = [
        ("q1", "a1", "Trump", "explicit"),
        ("q2", "a2", "Donald Trump", "explicit"),
        ("q3", "a3", None, "none"),
    ]
    for quote_id, article_id, speaker, attribution in quotes:
        con.execute(
            "INSERT INTO quotes (quote_id, article_id, quote_no, kind, text, start_char, end_char, paragraph_no, "
            "speaker, speaker_kind, attribution, cluster_id) VALUES (?, ?, 0, 'direct', ?, 0, 1, 0, ?, 'person', ?, ?)",
            [quote_id, article_id, FULL, speaker, attribution, cluster],
        )
    con.execute(read_sql("models/quote_clusters.sql"))
    con.execute(read_sql("views/quote_speakers.sql"))
    assert con.execute("SELECT speaker, speaker_basis, n_outlets, first_article_id FROM quote_clusters").fetchall() == [
        ("Donald Trump", "unanimous", 3, "a1")
    ]
    decided = con.execute("SELECT quote_id, speaker, speaker_decided_by FROM quote_speakers ORDER BY 1").fetchall()
    assert decided == [("q1", "Trump", "article"), ("q2", "Donald Trump", "article"), ("q3", "Donald Trump", "cluster")]
    # quotes_of_speaker() finds what the view decides without computing it over every quote: q1 is a
    # candidate for "Donald Trump" through its cluster, but its own article's explicit "Trump" decides it
    expected = {"donald TRUMP": [("q2",), ("q3",)], "trump": [("q1",)], "Nobody": []}
    for name, quote_ids in expected.items():
        found = con.execute("SELECT quote_id FROM quotes_of_speaker(?) ORDER BY 1", [name]).fetchall()
        by_view = con.execute(
            "SELECT quote_id FROM quote_speakers WHERE lower(speaker) = lower(?) ORDER BY 1", [name]
        ).fetchall()
        assert found == by_view == quote_ids
