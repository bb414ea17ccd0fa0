"""Dates: a dateline's month and day in their own columns (never a guessed published_date), and the day a
file was first seen, ready to group by, through the article_days view."""

import shutil

import pytest

from tests.builder import build
from tests.conftest import query
from wirehouse.clean.parse import parse_article

LEAD = "Showers continued throughout the week in the Bahia cocoa zone, Comissaria Smith said."


@pytest.mark.parametrize(
    ("opening", "place", "month_day"),
    [
        ("SALVADOR, Feb 26 - ", "SALVADOR", (2, 26)),
        ("NEW YORK, Sept. 3 - ", "NEW YORK", (9, 3)),
        ("Toronto, March 9 - ", "Toronto", (3, 9)),
        ("LONDON, Feb 29 - ", "LONDON", (2, 29)),  # no year, so February 29 may be real
        ("LONDON, Feb 30 - ", "LONDON", None),  # no such day: no date, the place stays
        ("MOSCOW - ", "MOSCOW", None),
    ],
)
def test_a_dateline_date_gives_month_and_day_never_a_published_date(opening, place, month_day):
    parsed = parse_article(f"A TITLE LINE\n\n{opening}{LEAD}\n")
    assert (parsed.dateline, parsed.dateline_date, parsed.published_date) == (place, month_day, None)
    assert parsed.body == LEAD


def test_article_days_answers_articles_per_day(shared_dir, tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in ("00001.txt", "00002.txt", "00003.txt"):
        shutil.copy(shared_dir / "corpora/reuters21578/articles" / name, inbox / name)
    build([str(inbox)], tmp_path / "wh")
    rows = query(
        tmp_path / "wh",
        "SELECT article_id, published_date, dateline_month, dateline_day, first_seen_date = CAST(first_seen_at AS DATE)"
        " FROM article_days ORDER BY article_id",
    )
    assert rows == [("00001", None, 2, 26, True), ("00002", None, 2, 26, True), ("00003", None, 2, 26, True)]
    (seen,) = query(tmp_path / "wh", "SELECT DISTINCT CAST(first_seen_at AS DATE) FROM files")
    per_day = "SELECT first_seen_date, count(*) FROM article_days GROUP BY 1"
    assert query(tmp_path / "wh", per_day) == [(seen[0], 3)]
    by_dateline = "SELECT dateline_month, dateline_day, count(*) FROM article_days GROUP BY ALL"
    assert query(tmp_path / "wh", by_dateline) == [(2, 26, 3)]
