"""Month names come from seeds/months.csv: every spelling there is read in datelines and header dates."""

import datetime
import random
import re

import pytest

from wirehouse.clean.months import MONTHS, _trie_regex
from wirehouse.clean.parse import parse_article
from wirehouse.reference import reference_rows

ROWS = reference_rows("months")


@pytest.mark.parametrize("row", ROWS, ids=[row["spelling"] for row in ROWS])
def test_every_spelling_in_the_seed_reads_as_its_month(row):
    spelling, month = row["spelling"], int(row["month"])
    for written in (spelling.title(), spelling.upper(), spelling.title() + "."):
        lead = parse_article(f"Title here\n\nSALVADOR, {written} 26 - Brazil said on Thursday it would act.\n")
        assert (lead.dateline, lead.dateline_date) == ("SALVADOR", (month, 26)), written
    dated = parse_article(f"date {spelling.title()} 7, 2018\nTitle: A title\n\nBody text of the story.\n")
    assert dated.published_date == datetime.date(2018, month, 7)


@pytest.mark.parametrize(
    ("date", "expected"),
    [("Feb 29", (2, 29)), ("Feb 30", None), ("Sept. 30", (9, 30)), ("Sept. 31", None), ("Dec 31", (12, 31))],
)
def test_a_dateline_day_must_exist_in_its_month(date, expected):
    # No year in a dateline: February 29 may be real; September 31 never is.
    lead = parse_article(f"Title here\n\nMOSCOW, {date} - The ministry said on Monday it would act.\n")
    assert lead.dateline == "MOSCOW" and lead.dateline_date == expected


def test_the_seed_has_twelve_months_and_the_days_of_each():
    assert MONTHS.days == (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
    assert {MONTHS.number[s] for s in ("jan", "january", "sep", "sept", "september", "may")} == {1, 9, 5}


def test_the_trie_regex_matches_exactly_its_words():
    words = sorted({row["spelling"] for row in ROWS} | {"a", "ab", "abc", "b"})
    pattern = re.compile(_trie_regex(words))
    rng = random.Random(2)
    letters = sorted(set("".join(words)))
    candidates = words + ["".join(rng.choice(letters) for _ in range(rng.randint(0, 10))) for _ in range(20_000)]
    for text in candidates:
        assert (pattern.fullmatch(text) is not None) == (text in words), text
