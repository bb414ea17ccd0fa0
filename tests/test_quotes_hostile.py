"""Hostile input stays linear: cleaning, sentence splitting and quote extraction on 1 MB of unbalanced quote
marks, a 1 MB single paragraph and 1 MB of 'a. '.

Each stage runs on 64 KB, 256 KB and 1 MB of the same text. From 64 KB to 1 MB a linear stage takes about 16
times as long, a quadratic one 256 times: the test allows 64 (a shared machine is noisy, and a long test
process's garbage collector adds to the larger runs: 12.7x was seen for one 4x step of a linear stage). The
256 KB run stops a quadratic stage before it runs for minutes on 1 MB (allowed: 32x for that 4x step).
100 KB of unbalanced marks took 15 s in extract_quotes, 200 KB 73 s.
Timings are compared within one run, never against a fixed figure; below 0.3 s a stage is too fast to be
quadratic at 1 MB and the ratio is only noise. The outputs are checked too: the rows are all there.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

import pytest

from wirehouse.clean.parse import parse_article
from wirehouse.quotes import extract_quotes
from wirehouse.quotes.tokens import MAX_QUOTES, MAX_REPORTED
from wirehouse.segment.sentences import split_sentences

MB = 1_000_000
UNBALANCED = 'He said "x '
SENTENCE = "The minister said the plan would work. "
A_DOT = "a. "


def _repeat(unit: str, size: int) -> str:
    return unit * (size // len(unit))


def _seconds(stage: Callable[[str], object], text: str, runs: int = 1) -> float:
    """CPU seconds (less disturbed than wall time by the other work of a shared machine), best of `runs`."""
    best = float("inf")
    for _ in range(runs):
        start = time.process_time()
        stage(text)
        best = min(best, time.process_time() - start)
    return best


def _clean(text: str) -> object:
    return parse_article(text)


@pytest.mark.parametrize("unit", [UNBALANCED, SENTENCE, A_DOT], ids=["unbalanced-marks", "one-paragraph", "a-dot"])
@pytest.mark.parametrize("stage", [_clean, split_sentences, extract_quotes], ids=["clean", "split", "quotes"])
def test_stage_is_linear_on_hostile_text(unit: str, stage: Callable[[str], object]) -> None:
    gc.collect()
    base = _seconds(stage, _repeat(unit, MB // 16), runs=3)
    quarter = _seconds(stage, _repeat(unit, MB // 4), runs=2)
    assert quarter < 0.3 or quarter / base < 32, f"{quarter:.2f} s on 256 KB, {base:.2f} s on 64 KB"
    whole = _seconds(stage, _repeat(unit, MB), runs=2)
    assert whole < 0.3 or whole / base < 64, f"{whole:.2f} s on 1 MB, {base:.2f} s on 64 KB"


def test_unbalanced_marks_keep_every_quote() -> None:
    """Each mark opens a quote (a letter follows it), so each closes the one before: every quote is there,
    the rules read the first MAX_QUOTES and the rest are kept unattributed."""
    text = _repeat(UNBALANCED, MB)
    n = len(text) // len(UNBALANCED)
    quotes = extract_quotes(text)
    assert len(quotes) == n
    assert [(q.start, q.end) for q in quotes[:2]] == [(9, 18), (20, 29)]
    assert quotes[0].text == "x He said" and quotes[-1].text == "x"
    assert all(text[q.start : q.end] == q.text for q in quotes)
    assert (quotes[0].speaker_mention, quotes[0].cue_verb) == ("He", "said")
    assert {q.attribution for q in quotes[MAX_QUOTES:]} == {"none"}


def test_one_paragraph_of_a_megabyte() -> None:
    text = _repeat(SENTENCE, MB)
    article = parse_article(text)
    assert [p.kind for p in article.paragraphs] == ["body"]
    sentences = split_sentences(article.body)
    assert len(sentences) == len(text) // len(SENTENCE)
    assert article.body[slice(*sentences[1])] == SENTENCE.strip()
    quotes = extract_quotes(article.body)
    # reported speech is read in the first MAX_REPORTED sentences of an article only
    assert len(quotes) == MAX_REPORTED
    found = {(q.kind, q.text, q.speaker_mention) for q in quotes}
    assert found == {("indirect", "the plan would work", "The minister")}


def test_a_dot_is_one_sentence() -> None:
    """'a. a. ...': a lowercase word after each dot, so no sentence ends before the last."""
    text = _repeat(A_DOT, MB)
    assert split_sentences(text) == [(0, len(text) - 1)]
    assert extract_quotes(text) == []
