"""The named analyses in sql/queries/: each one run through `wirehouse query`, checked row by row."""

import json
import shutil

import pytest

from wirehouse.cli import main
from wirehouse.link.roots import group_id_of
from wirehouse.paths import SEEDS_DIR
from wirehouse.queries import named_queries

A000 = "000_f586c72162ac7c3d"
A001 = "001_468d0ff313ca5494"
REQUIRED = {
    "agency_share",
    "articles_without_quotes",
    "biggest_stories",
    "most_carried_quotes",
    "quote_carriers",
    "quotes_by_speaker",
    "rejects_by_reason",
    "speaker_over_time",
    "top_speakers",
}


def rows(warehouse, capsys, name: str, *params: str) -> list[dict]:
    argv = ["query", name, "--warehouse", str(warehouse), "--format", "json"]
    for param in params:
        argv += ["--param", param]
    assert main(argv) == 0
    return json.loads(capsys.readouterr().out)


@pytest.fixture(scope="module")
def mixed_warehouse(prefect_harness, shared_dir, tmp_path_factory):
    """The seeds, a BBC article, an article that quotes nobody, a wire copy of seed 000, an empty and a binary file."""
    from wirehouse.flows.news_etl import news_etl

    inbox = tmp_path_factory.mktemp("mixed")
    for path in SEEDS_DIR.glob("*.txt"):
        shutil.copy(path, inbox / path.name)
    shutil.copy(shared_dir / "corpora" / "bbc" / "tech" / "003.txt", inbox / "bbc_tech_003.txt")
    text = (SEEDS_DIR / f"{A000}.txt").read_text(encoding="utf-8")
    (inbox / "wire_copy.txt").write_text("Kremlin says Putin and Trump spoke\n" + text.partition("\n")[2])
    (inbox / "weather.txt").write_text(
        "Rain in Leeds\n\nIt rained in Leeds all day on Monday. The sun came out at six.\n"
    )
    (inbox / "empty.txt").write_bytes(b"")
    (inbox / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    warehouse = tmp_path_factory.mktemp("mixed-wh")
    news_etl(paths=[str(inbox)], warehouse=str(warehouse))
    return warehouse


def test_every_query_has_a_description_and_the_required_ones_exist():
    queries = named_queries()
    assert set(queries) >= REQUIRED
    for query in queries.values():
        assert query.description.endswith(".") and len(query.description) > 30, query.name
        for parameter in query.parameters:
            assert f"${parameter.name}" in query.sql, (query.name, parameter.name)


def test_list_shows_names_descriptions_and_parameters(capsys):
    assert main(["query", "--list"]) == 0
    out = capsys.readouterr().out
    assert "top_speakers: Top speakers: who is quoted most" in out
    assert "    --param speaker=<varchar> (required): the speaker's canonical name, any case" in out


def test_top_speakers(seed_warehouse, capsys):
    assert rows(seed_warehouse, capsys, "top_speakers", "limit=4") == [
        {"speaker": "Kremlin", "kind": "organisation", "n_quotes": 9, "n_articles": 2, "n_outlets": 2},
        {"speaker": "Donald Trump", "kind": "person", "n_quotes": 6, "n_articles": 1, "n_outlets": 1},
        {"speaker": "Sergei Ryabkov", "kind": "person", "n_quotes": 3, "n_articles": 2, "n_outlets": 2},
        {"speaker": "Dmitry Peskov", "kind": "person", "n_quotes": 2, "n_articles": 2, "n_outlets": 2},
    ]


def test_quotes_by_speaker_binds_the_name(seed_warehouse, capsys):
    found = rows(seed_warehouse, capsys, "quotes_by_speaker", "speaker=dmitry peskov")
    assert [(r["article_id"], r["kind"], r["speaker_decided_by"], r["text"][:40]) for r in found] == [
        (A000, "indirect", "article", "Mr Putin and Mr Trump had not discussed "),
        (A001, "indirect", "article", "Putin and Trump had not discussed the po"),
    ]
    assert rows(seed_warehouse, capsys, "quotes_by_speaker", "speaker=x' OR 1=1 --") == []


def test_most_carried_quotes_and_who_carried_them_first(seed_warehouse, capsys):
    carried = rows(seed_warehouse, capsys, "most_carried_quotes")
    assert sorted((r["canonical_text"][:30], r["speaker"], r["n_outlets"], r["n_quotes"]) for r in carried) == [
        ("Mr Putin and Mr Trump had not ", "Dmitry Peskov", 2, 2),
        ("Special attention was devoted ", "Kremlin", 2, 2),
        ("The leaders spoke in favour of", "Kremlin", 2, 2),
        ("Tuesday’s conversation between", "Kremlin", 2, 2),
    ]
    assert {r["first_article_id"] for r in carried} == {A000}
    carriers = rows(seed_warehouse, capsys, "quote_carriers", "text=SPECIAL ATTENTION")
    assert [(r["carried_no"], r["article_id"], r["outlet"], r["speaker"]) for r in carriers] == [
        (1, A000, "Reuters", "Kremlin"),
        (2, A001, A001, "Kremlin"),
    ]


def test_speaker_over_time(seed_warehouse, capsys):
    assert rows(seed_warehouse, capsys, "speaker_over_time", "speaker=Kremlin", "period=year") == [
        {"period_start": "2018-01-01", "n_quotes": 6, "n_articles": 1}
    ]


def test_biggest_stories_and_agency_share(mixed_warehouse, capsys):
    stories = rows(mixed_warehouse, capsys, "biggest_stories")
    assert [(s["story_id"], s["n_articles"], s["n_outlets"], s["representative_article_id"]) for s in stories] == [
        (group_id_of(A000), 3, 2, A000)  # the wire copy credits Reuters, like 000
    ]
    # 000 (the root) has no headline: the story takes the earliest member's that has one; 001 and the wire
    # copy have no date, so the first by id (001)
    assert [s["title"] for s in stories] == ["Trump congratulates Putin on election win"]
    assert rows(mixed_warehouse, capsys, "agency_share") == [
        {"agency": "(none)", "n_articles": 3, "share": 0.6},
        {"agency": "Reuters", "n_articles": 2, "share": 0.4},
    ]


def test_articles_without_quotes_and_rejects(mixed_warehouse, capsys):
    quiet = rows(mixed_warehouse, capsys, "articles_without_quotes")
    assert [(r["article_id"], r["title"]) for r in quiet] == [("weather", "Rain in Leeds")]
    rejects = rows(mixed_warehouse, capsys, "rejects_by_reason")
    assert [(r["reason"], r["n_files"], r["example_path"].rsplit("/", 1)[1]) for r in rejects] == [
        ("binary", 1, "image.txt"),
        ("empty", 1, "empty.txt"),
    ]


def test_bad_parameters_are_one_line_errors(seed_warehouse, capsys):
    warehouse = ["--warehouse", str(seed_warehouse)]
    assert main(["query", "top_speakers", "--param", "limit=ten", *warehouse]) == 2
    assert capsys.readouterr().err == "wirehouse: parameter limit: 'ten' is not an integer\n"
    assert main(["query", "quotes_by_speaker", *warehouse]) == 2
    assert "needs --param speaker=" in capsys.readouterr().err
    assert main(["query", "top_speakers", "--param", "speaker=x", *warehouse]) == 2
    assert "has no parameter speaker (it has: limit)" in capsys.readouterr().err
    assert main(["query", "no_such_query", *warehouse]) == 2
    assert "no query named 'no_such_query'" in capsys.readouterr().err
