"""The sentence splitter: news cases, the seeds, pySBD's golden rules, the CLI, and span properties on BBC."""

import json
import random
import re
from pathlib import Path

import pytest

from tests.conftest import seed_text
from wirehouse import cli
from wirehouse.reference import reference_rows
from wirehouse.segment.evaluate import evaluate_golden
from wirehouse.segment.sentences import split_sentences

GOLDEN_PASSED = 47  # achieved; only rule 18 (a.m. Mr. vs P.M. Mr., xfail in pySBD itself) fails
PARAGRAPH = re.compile(r"[^\n]+(?:\n[^\S\n]*[^\s][^\n]*)*")  # a block of non-blank lines


def sentences(text: str) -> list[str]:
    return [text[begin:stop] for begin, stop in split_sentences(text)]


def paragraphs(text: str) -> list[tuple[int, int]]:
    return [match.span() for match in PARAGRAPH.finditer(text)]


def assert_valid_spans(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    """In order, inside the range, non-overlapping, non-empty, stripped, covering all non-whitespace."""
    previous = start
    for begin, stop in spans:
        assert previous <= begin < stop <= end, (begin, stop, spans)
        assert not text[begin].isspace() and not text[stop - 1].isspace(), text[begin:stop]
        assert not text[previous:begin].strip(), text[previous:begin]
        previous = stop
    assert not text[previous:end].strip(), text[previous:end]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '"We will never allow anybody to have anything," Trump said.',
            ['"We will never allow anybody to have anything," Trump said.'],
        ),
        (
            '"I congratulated him on the victory, the electoral victory," Trump told reporters at the White House.',
            ['"I congratulated him on the victory, the electoral victory," Trump told reporters at the White House.'],
        ),
        ('He said: "It is over." Then he left.', ['He said: "It is over."', "Then he left."]),
        ("He said: “It is over.” Then he left.", ["He said: “It is over.”", "Then he left."]),
        ("He said: ‘It is over.’ Then he left.", ["He said: ‘It is over.’", "Then he left."]),
        ('"Why not?" Trump asked. Then he left.', ['"Why not?" Trump asked.', "Then he left."]),
        ("“It is over!” Mr Putin told reporters. He left.", ["“It is over!” Mr Putin told reporters.", "He left."]),
        ('"It is over." He said the war would end.', ['"It is over."', "He said the war would end."]),
        ('"We won." Mr Blair said he would stay.', ['"We won."', "Mr Blair said he would stay."]),
        ('"Really?" she asked. "Yes."', ['"Really?" she asked.', '"Yes."']),
        ("I live in the U.S. How about you?", ["I live in the U.S.", "How about you?"]),
        ("I work for the U.S. Government in Virginia.", ["I work for the U.S. Government in Virginia."]),
        ("Mr Putin met Mr. Smith and Dr. Jones.", ["Mr Putin met Mr. Smith and Dr. Jones."]),
        ("Fruit, e.g. apples, at 10 a.m. on Monday.", ["Fruit, e.g. apples, at 10 a.m. on Monday."]),
        ("Output grew 3.2% to $3.2 million. It fell.", ["Output grew 3.2% to $3.2 million.", "It fell."]),
        ("A book by J. K. Rowling and J.R.R. Tolkien.", ["A book by J. K. Rowling and J.R.R. Tolkien."]),
        ("Shares in Apple Inc. The firm rose.", ["Shares in Apple Inc.", "The firm rose."]),
        ("He lives at No. 10 Downing Street.", ["He lives at No. 10 Downing Street."]),
        ("Was it good? No. Definitely not.", ["Was it good?", "No.", "Definitely not."]),
        (
            "See www.bbc.co.uk/news. Mail jo.doe@bbc.co.uk. Thanks.",
            ["See www.bbc.co.uk/news.", "Mail jo.doe@bbc.co.uk.", "Thanks."],
        ),
        ("Sales rose. iPod sales fell. eBay rose.", ["Sales rose.", "iPod sales fell.", "eBay rose."]),
        ("It was odd... The end.", ["It was odd...", "The end."]),
        ("It was ... well, odd. He said… Rooney left.", ["It was ... well, odd.", "He said… Rooney left."]),
        ("Hello!! Long time. Really?! Yes.", ["Hello!!", "Long time.", "Really?!", "Yes."]),
        ("(He was right.) The end.", ["(He was right.)", "The end."]),
        ("One.\n\nTwo. Three.", ["One.", "Two.", "Three."]),
        ("Items: • one thing • another thing", ["Items:", "• one thing", "• another thing"]),
        ("A man. \n   ", ["A man."]),
        ("He thanked\xa0Mr. Smith and\nDr. Jones.", ["He thanked\xa0Mr. Smith and\nDr. Jones."]),
    ],
)
def test_news_cases(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_offsets_are_into_the_whole_text() -> None:
    text = "xx  Hello there. World!  yy"
    assert split_sentences(text, 2, 24) == [(4, 16), (17, 23)]
    assert split_sentences(text, 5, 5) == []
    assert split_sentences(text, 20, 10) == []
    assert split_sentences(text, 0, 1000) == [(0, 16), (17, 27)]
    assert split_sentences("   \n\t ") == []


def seed_paragraph(name: str, prefix: str) -> tuple[str, int, int]:
    """The seed's text (HTML apostrophe entities undone: cleaning is another stage) and a paragraph's range."""
    text = seed_text(name).replace("&39;", "'")
    for begin, stop in paragraphs(text):
        if text[begin:stop].lstrip().startswith(prefix):
            return text, begin, stop
    raise AssertionError(f"no paragraph starting with {prefix!r} in seed {name}")


@pytest.mark.parametrize(
    ("seed", "prefix", "expected"),
    [
        (
            "000_f586c72162ac7c3d",
            "Mr Putin won a landslide",
            [
                "Mr Putin won a landslide victory in Sunday’s presidential election, extending his rule over "
                "the world’s largest country for another six years at a time when his ties with the West are "
                "on a hostile trajectory."
            ],
        ),
        (
            "000_f586c72162ac7c3d",
            "A US administration official",
            [
                "A US administration official confirmed to Reuters that the call had taken place, without elaborating.",
                "The White House would issue a statement later on Tuesday, the official said.",
            ],
        ),
        (
            "000_f586c72162ac7c3d",
            "Kremlin spokesman Dmitry Peskov",
            [
                "Kremlin spokesman Dmitry Peskov told Russian news agencies separately that Mr Putin and Mr "
                "Trump had not discussed the poisoning of former Russian double agent Sergei Skripal and his "
                "daughter in Britain.",
                "London has blamed Moscow for the attack, a charge Russia denies.",
                "The Skripals remain in a critical condition.",
            ],
        ),
        (
            "000_f586c72162ac7c3d",
            "“The leaders spoke",
            [
                "“The leaders spoke in favour of developing practical co-operation in different spheres, "
                "including on questions of how to ensure strategic stability and fight international "
                "terrorism,” the Kremlin said in a statement."
            ],
        ),
        (
            "000_f586c72162ac7c3d",
            "Mr Putin and Mr Trump agreed",
            [
                "Mr Putin and Mr Trump agreed on the need to work together to avoid a possible arms race, the "
                "Kremlin said, adding: “Special attention was devoted to working through the question of a "
                "possible high-level meeting.”"
            ],
        ),
        (
            "001_468d0ff313ca5494",
            "Trump's administration last week",
            [
                "Trump's administration last week accused Russia of hacking into America's energy grid and "
                "approved the first sanctions on Russian entities and individuals for alleged meddling in the "
                "2016 U.S. election."
            ],
        ),
        (
            "001_468d0ff313ca5494",
            '"I congratulated him',
            [
                '"I congratulated him on the victory, the electoral victory," Trump told reporters at the '
                "White House while meeting Saudi Crown Prince Mohammed bin Salman."
            ],
        ),
        (
            "001_468d0ff313ca5494",
            '"The call had to do',
            [
                '"The call had to do also with the fact that we will probably get together in the not too '
                "distant future so we can discuss arms, we can discuss the arms race.”",
                "The White House later said there were no specific plans for a summit meeting.",
            ],
        ),
        (
            "001_468d0ff313ca5494",
            "Moscow and Washington are at odds",
            [
                "Moscow and Washington are at odds over Ukraine and Syria, while U.S. allegations that Russia "
                "interfered in the U.S. presidential election, something Moscow denies, continue to cast a "
                "shadow over ties.",
                "Trump has said there was no collusion between his presidential campaign and Russians.",
            ],
        ),
        (
            "001_468d0ff313ca5494",
            "Republican U.S. Senator John McCain",
            ["Republican U.S. Senator John McCain chastised Trump for the congratulatory call."],
        ),
        (
            "001_468d0ff313ca5494",
            "Speaking of the arms race",
            [
                'Speaking of the arms race, Trump said: "We will never allow anybody to have anything even '
                'close to what we have."'
            ],
        ),
    ],
)
def test_seed_paragraphs(seed: str, prefix: str, expected: list[str]) -> None:
    text, begin, stop = seed_paragraph(seed, prefix)
    spans = split_sentences(text, begin, stop)
    assert [text[b:e] for b, e in spans] == expected
    assert_valid_spans(text, begin, stop, spans)


def test_golden_rules_score(shared_dir: Path) -> None:
    result = evaluate_golden(shared_dir / "eval" / "sentences_golden_en.jsonl")
    assert result["cases"] == 48
    assert result["passed"] >= GOLDEN_PASSED, [failure["id"] for failure in result["failures"]]
    assert result["boundary"]["f1"] >= 0.98
    assert result["boundary"]["fp"] == 0


def test_eval_sentences_cli(shared_dir: Path, tmp_path: Path, capsys, monkeypatch) -> None:
    # Only this command: the test is about it, not about whether every other command imports today.
    monkeypatch.setattr(cli, "command_modules", lambda: ["eval_sentences"])
    gold = shared_dir / "eval" / "sentences_golden_en.jsonl"
    predictions = tmp_path / "out" / "predictions.jsonl"
    assert cli.main(["eval-sentences", str(gold), "--predictions", str(predictions)]) == 0
    out = capsys.readouterr().out
    assert f"passed {GOLDEN_PASSED}/48" in out
    assert "FAIL pysbd-golden-en-18: A.M. / P.M. as non sentence boundary and sentence boundary" in out
    assert "boundary P/R/F1" in out
    rows = [json.loads(line) for line in predictions.read_text(encoding="utf-8").splitlines()]
    golds = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines()]
    assert [row["id"] for row in rows] == [case["id"] for case in golds]
    assert set(rows[0]) == set(golds[0])
    assert rows[0]["sentences"] == ["Hello World.", "My name is Jonas."]


def test_eval_sentences_cli_missing_file(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setattr(cli, "command_modules", lambda: ["eval_sentences"])
    assert cli.main(["eval-sentences", str(tmp_path / "nope.jsonl")]) == 2


def read_corpus(folder: Path) -> list[str]:
    texts = []
    for path in sorted(folder.glob("*/*.txt")):
        raw = path.read_bytes()
        try:
            texts.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            texts.append(raw.decode("cp1252"))  # sport/199.txt
    return texts


def test_span_properties_on_all_of_bbc(shared_dir: Path) -> None:
    texts = read_corpus(shared_dir / "corpora" / "bbc")
    assert len(texts) == 2225
    total = 0
    for text in texts:
        for begin, stop in paragraphs(text):
            spans = split_sentences(text, begin, stop)
            assert_valid_spans(text, begin, stop, spans)
            total += len(spans)
        whole = split_sentences(text)  # several paragraphs at once: blank lines are boundaries
        assert_valid_spans(text, 0, len(text), whole)
    assert 40_000 < total < 50_000  # about 20 sentences an article


def test_span_properties_on_news_with_curly_quotes(shared_dir: Path) -> None:
    with (shared_dir / "eval" / "quotes_dev.jsonl").open(encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for line in handle]
    for text in texts:
        for begin, stop in paragraphs(text):
            assert_valid_spans(text, begin, stop, split_sentences(text, begin, stop))
        assert_valid_spans(text, 0, len(text), split_sentences(text))


def test_span_properties_on_random_text() -> None:
    """Odd punctuation in odd places, and ranges cut anywhere, must still give valid spans."""
    pieces = [
        "a", "b", "Mr", "U.S.", "1", "10", "I", "The", "He", "said", "asked", "co", "e.g.", "iPod",
        ".", ". ", "!", "?", "…", "...", ". . . ", "\"", "“", "”", "'", "’", "(", ")", "[", "]", "•", "⁃",
        " ", " ", " ", "\n", "\n\n", "\t", "\xa0", ":", ",", "1.", "a.", "2.", "b)", "é", "É",
    ]  # fmt: skip
    rng = random.Random(20261125)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        assert_valid_spans(text, start, end, split_sentences(text, start, end))
        assert_valid_spans(text, 0, len(text), split_sentences(text))


def test_abbreviations_reference_table() -> None:
    rows = reference_rows("abbreviations")
    assert {row["kind"] for row in rows} == {"title", "may_end", "number"}
    assert all(row["abbreviation"].endswith(".") for row in rows)
    assert len({row["abbreviation"] for row in rows}) == len(rows)
    kinds = {row["abbreviation"]: row["kind"] for row in rows}
    assert kinds["Mr."] == "title"
    assert kinds["U.S."] == "may_end"
    assert kinds["No."] == "number"
