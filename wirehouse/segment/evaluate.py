"""Scoring the sentence splitter on pySBD's English golden rules (`../shared/eval/sentences_golden_en.jsonl`).

Two views, because they disagree: exact list match per case (the golden rules' own score, comparable with
the figures in MEASURED.md) and sentence-boundary precision/recall/F1 by character offset (the score the
project is judged by on news; here over the golden cases, so a hint rather than the news figure).
"""

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from wirehouse.segment.sentences import split_sentences

Segmenter = Callable[[str], list[tuple[int, int]]]


def load_golden(path: Path | str) -> list[dict[str, Any]]:
    """Cases of a golden-rules JSONL file: `id`, `rule`, `text`, `sentences`."""
    with Path(path).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def gold_spans(text: str, sentences: list[str]) -> list[tuple[int, int]]:
    """Offsets of the gold sentences, found in order (each is an exact substring of `text`)."""
    spans = []
    pos = 0
    for sentence in sentences:
        sentence = sentence.strip()
        begin = text.find(sentence, pos)
        if begin < 0:
            raise ValueError(f"gold sentence not found in order in its text: {sentence!r}")
        pos = begin + len(sentence)
        spans.append((begin, pos))
    return spans


def internal_boundaries(spans: list[tuple[int, int]]) -> set[int]:
    """End offsets of every sentence but the last: the decisions a splitter makes (the text's end is free)."""
    return {stop for _, stop in spans[:-1]}


def prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    """Precision, recall and F1 from counts (1.0 when there is nothing to find and nothing was found)."""
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "tp": tp, "fp": fp, "fn": fn}


def evaluate_golden(path: Path | str, segmenter: Segmenter = split_sentences) -> dict[str, Any]:
    """Score `segmenter` on a golden-rules file.

    Returns `cases`, `passed` (exact list match of whitespace-stripped sentences), `failures` (one dict per
    failing case: id, rule, text, expected, predicted), `boundary` (precision/recall/F1 of internal sentence
    ends by character offset, summed over cases) and `predictions` (the cases with predicted `sentences`).
    """
    cases = load_golden(path)
    failures = []
    predictions = []
    tp = fp = fn = 0
    for case in cases:
        text = case["text"]
        spans = segmenter(text)
        predicted = [text[begin:stop].strip() for begin, stop in spans]
        expected = [sentence.strip() for sentence in case["sentences"]]
        predictions.append({**case, "sentences": predicted})
        if predicted != expected:
            failures.append(
                {
                    "id": case["id"],
                    "rule": case["rule"],
                    "text": text,
                    "expected": expected,
                    "predicted": predicted,
                }
            )
        gold = internal_boundaries(gold_spans(text, case["sentences"]))
        found = internal_boundaries(spans)
        tp += len(gold & found)
        fp += len(found - gold)
        fn += len(gold - found)
    return {
        "cases": len(cases),
        "passed": len(cases) - len(failures),
        "failures": failures,
        "boundary": prf(tp, fp, fn),
        "predictions": predictions,
    }
