"""The news-etl flow on the two sample articles, checked in the DuckDB warehouse it publishes."""

from tests.conftest import query
from wirehouse.paths import SEEDS_DIR

A000 = "000_f586c72162ac7c3d"
A001 = "001_468d0ff313ca5494"


def test_titles_dates_and_agencies(seed_warehouse):
    rows = query(seed_warehouse, "SELECT article_id, title, published_date, dateline, agency FROM articles ORDER BY 1")
    assert rows[1][:2] == (A001, "Trump congratulates Putin on election win")
    assert rows[1][3] == "MOSCOW"
    assert rows[0][0] == A000
    assert str(rows[0][2]) == "2018-03-20"
    assert rows[0][4] == "Reuters"


def test_bodies_are_clean(seed_warehouse):
    bodies = dict(query(seed_warehouse, "SELECT article_id, body FROM articles"))
    assert all("&39;" not in body and "&#" not in body for body in bodies.values())
    assert "Putin's win" in bodies[A001]
    assert bodies[A001].startswith("President Donald Trump on Tuesday congratulated Vladimir Putin")
    assert bodies[A000].startswith("US president Donald Trump phoned Russia’s Vladimir Putin")
    assert bodies[A000].endswith("open to dialogue with Washington.")
    assert "Reuters" not in bodies[A000][-20:]


def test_caption_and_promo_are_kept_apart_from_the_body(seed_warehouse):
    rows = query(
        seed_warehouse,
        "SELECT kind, start_char, text FROM paragraphs WHERE article_id = ? AND kind <> 'body' ORDER BY paragraph_no",
        [A001],
    )
    kinds = [(kind, start, text[:30]) for kind, start, text in rows]
    assert ("caption", None, "US President Donald Trump (L) ") in kinds
    assert ("promo", None, "READ: Re-elected Putin to addr") in kinds
    body = query(seed_warehouse, "SELECT body FROM articles WHERE article_id = ?", [A001])[0][0]
    assert "chats with Russia's President" not in body
    assert "READ:" not in body


def test_every_offset_slices_the_body_exactly(seed_warehouse):
    for table in ("paragraphs", "sentences", "quotes"):
        bad = query(
            seed_warehouse,
            f"SELECT count(*) FROM {table} t JOIN articles a USING (article_id) "
            "WHERE t.start_char IS NOT NULL AND substr(a.body, t.start_char + 1, t.end_char - t.start_char) <> t.text",
        )
        assert bad == [(0,)], table
    counts = query(seed_warehouse, "SELECT count(*) FROM sentences")[0][0]
    assert counts == query(seed_warehouse, "SELECT sum(n_sentences) FROM articles")[0][0] == 16 + 23


def test_sentences_keep_abbreviations_and_quote_attributions(seed_warehouse):
    sentences = [text for (text,) in query(seed_warehouse, "SELECT text FROM sentences WHERE article_id = ?", [A001])]
    assert any("2016 U.S. election." in s and s.startswith("Trump's administration last week") for s in sentences)
    assert (
        '"I congratulated him on the victory, the electoral victory," Trump told reporters at the White House '
        "while meeting Saudi Crown Prince Mohammed bin Salman."
    ) in sentences
    sentences_000 = [t for (t,) in query(seed_warehouse, "SELECT text FROM sentences WHERE article_id = ?", [A000])]
    assert any(
        s.startswith("Mr Putin won a landslide victory in Sunday’s presidential election") for s in sentences_000
    )


def test_files_manifest_records_provenance(seed_warehouse):
    rows = query(
        seed_warehouse,
        "SELECT article_id, size_bytes, content_sha256, encoding, status FROM files ORDER BY 1",
    )
    assert [r[0] for r in rows] == [A000, A001]
    assert rows[0][1] == (SEEDS_DIR / f"{A000}.txt").stat().st_size
    assert all(len(r[2]) == 64 and r[3] == "utf-8" and r[4] == "loaded" for r in rows)
    raw = query(seed_warehouse, "SELECT raw_text FROM raw_articles WHERE article_id = ?", [A001])[0][0]
    assert "Sunday&39;s" in raw
