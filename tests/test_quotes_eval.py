"""`wirehouse eval-quotes` on a small gold file with known answers, and the dev set: offsets and score floors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wirehouse.cli import main
from wirehouse.quotes import extract_quotes, paragraph_spans
from wirehouse.quotes.evaluate import evaluate, half_of, is_named, match_spans, read_gold, speaker_matches

# Measured on eval/quotes_dev.jsonl (version 3: 385 articles, 2,872 quotes) when the rules were last changed;
# the floors leave a small margin so that a change that loses accuracy fails here.
DEV_SPAN_F1 = 0.969
DEV_NAMED_ACCURACY = 0.966
DEV_OTHER_ACCURACY = 0.902
MARGIN = 0.01


def gold_quote(text: str, quoted: str, speaker: str | None) -> dict[str, object]:
    start = text.index(quoted)
    return {"start": start, "end": start + len(quoted), "speaker": speaker}


@pytest.fixture
def gold_file(tmp_path: Path) -> Path:
    """Three articles: 4 gold quotes, 4 predicted (scare quotes and reported speech do not count), 3 matched.

    A: both quotes found, the second with the wrong gold speaker on purpose (named: 1 of 2 right).
    B: the gold span has no quote marks (missed); "Nobody knows," is not in the gold (spurious).
    C: a pronoun speaker, matched by the mention 'she'.
    """
    a = '"We will win," Jane Smith said. The so-called "reset" failed.\n\nBob Jones said: "Taxes are too high."'
    b = 'Jane Doe said the plan was fine.\n\n"Nobody knows," he said.'
    c = '"We are ready," she said.'
    rows = [
        {
            "id": "a",
            "text": a,
            "quotes": [gold_quote(a, "We will win,", "Smith"), gold_quote(a, "Taxes", "Mary Brown")],
        },
        {"id": "b", "text": b, "quotes": [gold_quote(b, "the plan was fine", "Jane Doe")]},
        {"id": "c", "text": c, "quotes": [gold_quote(c, "We are ready,", "she")]},
    ]
    rows[0]["quotes"][1]["end"] = a.index("high.") + len("high.")
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def test_eval_command_scores(gold_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    errors = tmp_path / "errors.jsonl"
    predictions = tmp_path / "predictions.jsonl"
    code = main(["eval-quotes", str(gold_file), "--errors", str(errors), "--predictions", str(predictions)])
    out = capsys.readouterr().out
    assert code == 0
    assert "articles 3  gold quotes 4  predicted 4" in out
    assert "P 0.750  R 0.750  F1 0.750  (3 matched)" in out
    assert "spans, exact:                      P 0.750  R 0.750  F1 0.750  (3 exact)" in out
    assert "named gold speakers:            0.500  (1/2)" in out
    assert "pronoun/description speakers:   1.000  (1/1)" in out

    by_id = {row["id"]: row for row in map(json.loads, errors.read_text(encoding="utf-8").splitlines())}
    assert set(by_id) == {"a", "b"}
    assert [w["gold_speaker"] for w in by_id["a"]["wrong_speaker"]] == ["Mary Brown"]
    assert by_id["a"]["wrong_speaker"][0]["speaker"] == "Bob Jones"
    assert [m["text"] for m in by_id["b"]["missed"]] == ["the plan was fine"]
    assert [s["text"] for s in by_id["b"]["spurious"]] == ["Nobody knows,"]

    written = [json.loads(line) for line in predictions.read_text(encoding="utf-8").splitlines()]
    assert [row["id"] for row in written] == ["a", "b", "c"]
    first = written[0]["quotes"][0]
    assert first["speaker"] == "Jane Smith"
    assert written[0]["text"][first["start"] : first["end"]] == "We will win,"


def test_eval_command_can_score_reported_speech(gold_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["eval-quotes", str(gold_file), "--kinds", "direct,partial,indirect"])
    out = capsys.readouterr().out
    assert "predicted 5  (scored kinds: direct, indirect, partial)" in out
    assert "(4 matched)" in out


def test_span_matching_is_one_to_one_by_half_overlap() -> None:
    assert match_spans([(0, 10)], [(0, 10)]) == [(0, 0)]
    assert match_spans([(0, 10)], [(5, 10)]) == [(0, 0)]  # 5 of the longer 10
    assert match_spans([(0, 10)], [(6, 10)]) == []
    assert match_spans([(0, 10), (20, 30)], [(0, 30)]) == []
    assert match_spans([(0, 10)], [(0, 9), (1, 10)]) == [(0, 0)]


@pytest.mark.parametrize(
    ("gold", "predicted", "right"),
    [
        ("Trump", "Donald Trump", True),
        ("President Donald Trump", "Donald Trump", True),
        ("Mr. Clarke", "Tom Clarke", True),
        ("Flynn, the president of Common Cause,", "Karen Hobert Flynn", True),
        ("Trump’s", "Donald Trump", True),
        ("a smiling Clinton", "Hillary Clinton", True),
        ("Clinton", "Donald Trump", False),
        ("the senator", None, False),
    ],
)
def test_speaker_matching(gold: str, predicted: str | None, right: bool) -> None:
    assert speaker_matches(gold, predicted) is right


def test_halves_split_by_the_id_alone() -> None:
    ids = [f"polnear/article-{n}" for n in range(200)]
    halves = [half_of(i) for i in ids]
    assert set(halves) == {"even", "odd"} and 60 < halves.count("even") < 140
    assert halves == [half_of(i) for i in reversed(ids)][::-1]  # the id alone decides, not the order


def test_named_speakers() -> None:
    assert is_named("Trump") and is_named("the Florida senator") and is_named("Mr. Clarke")
    assert not is_named("he") and not is_named("The senator") and not is_named("Another")


@pytest.fixture(scope="module")
def dev(shared_dir: Path) -> list[dict]:
    return list(read_gold(shared_dir / "eval" / "quotes_dev.jsonl"))


def test_dev_offsets_slice_the_text(dev: list[dict]) -> None:
    """Property: every quote of every dev article slices its text exactly, inside its paragraph."""
    total = 0
    for row in dev:
        text = row["text"]
        paragraphs = paragraph_spans(text)
        quotes = extract_quotes(text)
        assert [q.quote_no for q in quotes] == list(range(len(quotes)))
        assert [q.start for q in quotes] == sorted(q.start for q in quotes)
        for quote in quotes:
            assert text[quote.start : quote.end] == quote.text
            assert quote.text.strip()
            p_start, p_end = paragraphs[quote.paragraph_no]
            assert p_start <= quote.start < quote.end <= p_end
            if quote.speaker_mention is None:
                assert quote.speaker_start is None and quote.speaker_end is None
            else:
                assert text[quote.speaker_start : quote.speaker_end] == quote.speaker_mention
            if quote.kind == "scare":
                assert quote.speaker is None and quote.attribution == "none"
            assert quote.kind in ("direct", "partial", "indirect", "scare")
            assert quote.attribution in ("explicit", "continuation", "pronoun", "none")
            assert quote.speaker_kind in ("person", "organisation", "description", "unknown")
        total += len(quotes)
    assert total > 3000


def test_dev_scores_do_not_regress(dev: list[dict]) -> None:
    report = evaluate(dev)
    precision, recall, f1 = report.spans
    assert report.gold == 2872
    assert f1 >= DEV_SPAN_F1 - MARGIN, report.format()
    assert report.named_accuracy >= DEV_NAMED_ACCURACY - MARGIN, report.format()
    assert report.other_accuracy >= DEV_OTHER_ACCURACY - MARGIN, report.format()
    assert precision >= 0.92 and recall >= 0.97
    assert report.kind_agreement >= 0.94
