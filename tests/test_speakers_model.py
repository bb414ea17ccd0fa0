"""sql/models/speakers.sql on quotes rows: one row per person, a surname alone joined to the full name the
warehouse quotes it under, descriptions left out."""

from __future__ import annotations

import duckdb
import pandas as pd

from wirehouse.paths import SQL_DIR

# (article_id, speaker, speaker_kind): what the quotes stage writes
QUOTES = [
    ("a1", "Ronald Reagan", "person"),
    ("a1", "Ronald Reagan", "person"),
    ("a2", "Reagan", "person"),  # 'President Reagan said', the first name never given in a2
    ("a3", "Reagan", "person"),
    ("a4", "Nancy Reagan", "person"),  # quoted in 1 of the 4 articles quoting a full name '... Reagan'
    ("a5", "Ronald Reagan", "person"),
    ("a6", "Ronald Reagan", "person"),
    ("a1", "Gordon Brown", "person"),
    ("a2", "Nick Brown", "person"),  # two Browns quoted as often: 'Brown' stays itself
    ("a3", "Brown", "person"),
    ("a4", "Gerald Ford", "person"),
    ("a5", "Ford", "organisation"),  # 'Ford said': the company is not the president
    ("a6", "BBC", "organisation"),
    ("a7", "Bbc", "organisation"),  # case variants are one speaker
    ("a7", None, "description"),  # 'a company spokesman': no speaker
]


def speakers(rows: list[tuple[str, str | None, str]]) -> dict[str, tuple[str, int, int]]:
    con = duckdb.connect()
    con.execute((SQL_DIR / "schema" / "speakers.sql").read_text(encoding="utf-8"))
    frame = pd.DataFrame(rows, columns=["article_id", "speaker", "speaker_kind"])
    con.register("rows", frame)
    con.execute("CREATE TABLE quotes AS SELECT * FROM rows")
    con.execute((SQL_DIR / "models" / "speakers.sql").read_text(encoding="utf-8"))
    found = con.sql("SELECT name, kind, n_quotes, n_articles FROM speakers").fetchall()
    return {name: (kind, n_quotes, n_articles) for name, kind, n_quotes, n_articles in found}


def test_a_surname_alone_joins_the_full_name_the_warehouse_quotes_most() -> None:
    assert speakers(QUOTES) == {
        "Ronald Reagan": ("person", 6, 5),  # 4 quotes as 'Ronald Reagan' + 2 as 'Reagan'
        "Nancy Reagan": ("person", 1, 1),
        "Gordon Brown": ("person", 1, 1),
        "Nick Brown": ("person", 1, 1),
        "Brown": ("person", 1, 1),
        "Gerald Ford": ("person", 1, 1),
        "Ford": ("organisation", 1, 1),
        "BBC": ("organisation", 2, 2),
    }


def test_without_a_full_name_a_surname_stays_itself() -> None:
    assert speakers([("a1", "Reagan", "person"), ("a2", "reagan", "person")]) == {"Reagan": ("person", 2, 2)}
