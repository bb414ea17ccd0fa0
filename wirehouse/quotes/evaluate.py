"""Score quote extraction against an annotated set (one article per JSONL line).

Gold rows: `{"id", "text", "quotes": [{"start", "end", "speaker", ...}]}`, offsets into `text`, marks excluded.
- Spans: precision/recall/F1 with a match = overlap of at least half the longer span, one-to-one (greedy by
  overlap), plus exact-span F1. Only quote-mark kinds are scored by default ('direct', 'partial'): annotated
  sets hold quoted text, so reported speech ('indirect') and scare quotes are not predictions of gold quotes.
- Speakers, over matched quotes whose gold has a speaker: the gold speaker is the mention as annotated, with
  no coreference, so a prediction is right if the canonical name equals it, is a name part of it, or one
  contains the other as whole words. Named gold speakers (a capitalised word that is not a determiner or a
  pronoun) are reported apart from pronoun and description ones; for the latter the predicted mention counts
  too, since "he" can only match "he".
"""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wirehouse.quotes.extract import extract_quotes
from wirehouse.quotes.lexicon import lexicon
from wirehouse.quotes.model import MARKED_KINDS, Quote

_WORD = re.compile(r"[\w’'\-.]+")
_GOLD_HEAD = re.compile(r"\s*[,(]")  # 'Flynn, the president of Common Cause,' -> 'Flynn'
_NOT_NAMES = lexicon().words.eval_not_names  # a gold speaker with one of these is no name (quote_words.csv)


def read_gold(path: Path) -> Iterator[dict[str, Any]]:
    """Articles of a gold JSONL file, one per non-blank line."""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def half_of(article_id: str) -> str:
    """'even' or 'odd': the parity of the CRC-32 of an article's id, which splits a gold set in two halves that
    do not depend on its order, so that a rule change can be checked to help both (and not one half's articles)."""
    return "odd" if zlib.crc32(article_id.encode("utf-8")) % 2 else "even"


def _words(name: str) -> list[str]:
    words = []
    for word in _WORD.findall(name.lower()):
        word = word.replace("’", "'")
        if word.endswith("'s"):
            word = word[:-2]  # "Trump’s" -> "trump"
        word = word.strip(".'-")
        if word:
            words.append(word)
    return words


def _contains(outer: list[str], inner: list[str]) -> bool:
    size = len(inner)
    return size > 0 and any(outer[i : i + size] == inner for i in range(len(outer) - size + 1))


def speaker_matches(gold: str, predicted: str | None) -> bool:
    """Lenient name match: equal, or one contains the other as whole words ('Trump' ~ 'Donald Trump').

    The gold mention is also tried without its appositive ('Flynn, the president of Common Cause,' ->
    'Flynn') and without titles ('Mr. Clarke' -> 'Clarke'), since annotators kept both and there is no
    coreference, while predicted names drop titles by design.
    """
    if not predicted:
        return False
    p = _words(predicted)
    if not p:
        return False
    head_text = _GOLD_HEAD.split(gold, 1)[0]
    head = _words(head_text)
    titles = lexicon().title_tokens
    # the capitalised words that are not titles: 'a smiling Clinton' -> 'Clinton', 'Mr. Clarke' -> 'Clarke'
    bare = [w for w in _words(" ".join(t for t in head_text.split() if t[:1].isupper())) if w not in titles]
    bare = [w for w in bare if w not in _NOT_NAMES]
    return any(g and (g == p or _contains(p, g) or _contains(g, p)) for g in (_words(gold), head, bare))


def is_named(gold: str) -> bool:
    """A named speaker has a capitalised word that is not a determiner or pronoun ('Trump', not 'He')."""
    return any(w[:1].isupper() and w.lower() not in _NOT_NAMES for w in gold.split())


def match_spans(gold: list[tuple[int, int]], predicted: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs overlapping by at least half the longer span."""
    candidates = []
    for gi, (gs, ge) in enumerate(gold):
        for pi, (ps, pe) in enumerate(predicted):
            overlap = min(ge, pe) - max(gs, ps)
            if overlap > 0 and 2 * overlap >= max(ge - gs, pe - ps):
                candidates.append((-overlap, gi, pi))
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, gi, pi in candidates:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return sorted(pairs)


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Report:
    """Counts over a gold set; the ratios are properties."""

    articles: int = 0
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    exact: int = 0
    named: int = 0
    named_right: int = 0
    other: int = 0
    other_right: int = 0
    kinds: int = 0  # matched quotes whose gold says 'direct' or 'partial'
    kinds_right: int = 0
    # attribution rule ('none' if nobody was credited) -> [right, scored] over matched quotes with a gold speaker
    by_rule: dict[str, list[int]] = field(default_factory=dict)
    errors: list[dict[str, Any]] = field(default_factory=list)
    predictions: list[dict[str, Any]] = field(default_factory=list)

    @property
    def spans(self) -> tuple[float, float, float]:
        return _prf(self.matched, self.predicted, self.gold)

    @property
    def exact_spans(self) -> tuple[float, float, float]:
        return _prf(self.exact, self.predicted, self.gold)

    @property
    def named_accuracy(self) -> float:
        return self.named_right / self.named if self.named else 0.0

    @property
    def other_accuracy(self) -> float:
        return self.other_right / self.other if self.other else 0.0

    @property
    def kind_agreement(self) -> float:
        return self.kinds_right / self.kinds if self.kinds else 0.0

    @property
    def speaker_accuracy(self) -> float:
        total = self.named + self.other
        return (self.named_right + self.other_right) / total if total else 0.0

    def format(self) -> str:
        p, r, f = self.spans
        ep, er, ef = self.exact_spans
        kinds = f"{self.kind_agreement:.3f}  ({self.kinds_right}/{self.kinds})"
        lines = [
            f"articles {self.articles}  gold quotes {self.gold}  predicted {self.predicted}"
            "  (scored kinds: direct, partial)",
            f"spans, overlap >= half the longer: P {p:.3f}  R {r:.3f}  F1 {f:.3f}  ({self.matched} matched)",
            f"spans, exact:                      P {ep:.3f}  R {er:.3f}  F1 {ef:.3f}  ({self.exact} exact)",
            "speaker accuracy over matched quotes with a gold speaker:",
            f"  named gold speakers:            {self.named_accuracy:.3f}  ({self.named_right}/{self.named})",
            f"  pronoun/description speakers:   {self.other_accuracy:.3f}  ({self.other_right}/{self.other})",
            f"  all:                            {self.speaker_accuracy:.3f}",
        ]
        if self.kinds:
            lines.append(f"direct/partial agreement with the gold kind: {kinds}")
        if self.by_rule:
            lines.append("speakers by attribution rule, most wrong first (right/scored):")
            for rule, (right, scored) in sorted(self.by_rule.items(), key=lambda item: item[1][0] - item[1][1]):
                lines.append(f"  {rule:<44} {right:>5}/{scored:<5} {scored - right:>4} wrong")
        return "\n".join(lines)


def _context(text: str, start: int, end: int, width: int = 160) -> str:
    return text[max(0, start - width) : min(len(text), end + width)]


def evaluate(
    rows: Iterable[dict[str, Any]],
    extract: Callable[[str], list[Quote]] = extract_quotes,
    kinds: frozenset[str] = MARKED_KINDS,
    keep_errors: bool = False,
    keep_predictions: bool = False,
) -> Report:
    """Run `extract` on each article's text and score it against the gold quotes."""
    report = Report()
    for row in rows:
        text = row["text"]
        gold = sorted(row.get("quotes") or [], key=lambda g: (g["start"], g["end"]))
        predicted = [q for q in extract(text) if q.kind in kinds]
        pairs = match_spans([(g["start"], g["end"]) for g in gold], [(q.start, q.end) for q in predicted])
        report.articles += 1
        report.gold += len(gold)
        report.predicted += len(predicted)
        report.matched += len(pairs)
        wrong = [_score_pair(report, text, gold[gi], predicted[pi]) for gi, pi in pairs]
        if keep_errors:
            _keep_errors(report, row, gold, predicted, pairs, [w for w in wrong if w is not None])
        if keep_predictions:
            report.predictions.append(
                {"id": row.get("id"), "text": text, "quotes": [_prediction(q) for q in predicted]}
            )
    return report


def _score_pair(report: Report, text: str, g: dict[str, Any], q: Quote) -> dict[str, Any] | None:
    """Count one gold quote matched by a predicted one; the error record if its speaker is wrong."""
    if g["start"] == q.start and g["end"] == q.end:
        report.exact += 1
    if g.get("kind") in MARKED_KINDS:
        report.kinds += 1
        report.kinds_right += g["kind"] == q.kind
    speaker = g.get("speaker")
    if not speaker:
        return None
    if is_named(speaker):
        report.named += 1
        # the speaker credited: the canonical name, or for a description its mention ('the senator')
        credited = q.speaker_mention if q.speaker_kind == "description" else q.speaker
        right = speaker_matches(speaker, credited)
        report.named_right += right
    else:
        report.other += 1
        right = speaker_matches(speaker, q.speaker_mention) or speaker_matches(speaker, q.speaker)
        report.other_right += right
    counts = report.by_rule.setdefault(q.attribution_rule or "none", [0, 0])
    counts[0] += right
    counts[1] += 1
    if right:
        return None
    return {
        "start": q.start,
        "end": q.end,
        "gold_speaker": speaker,
        "speaker": q.speaker,
        "speaker_mention": q.speaker_mention,
        "attribution": q.attribution,
        "attribution_rule": q.attribution_rule,
        "kind": q.kind,
        "context": _context(text, q.start, q.end),
    }


def _keep_errors(
    report: Report,
    row: dict[str, Any],
    gold: list[dict[str, Any]],
    predicted: list[Quote],
    pairs: list[tuple[int, int]],
    wrong: list[dict[str, Any]],
) -> None:
    """The article's missed and spurious quotes and wrong speakers, if any, as one error record."""
    text = row["text"]
    got_g = {gi for gi, _ in pairs}
    got_p = {pi for _, pi in pairs}
    missed = [
        {"start": g["start"], "end": g["end"], "speaker": g.get("speaker"), "text": text[g["start"] : g["end"]]}
        for gi, g in enumerate(gold)
        if gi not in got_g
    ]
    spurious = [
        {
            "start": q.start,
            "end": q.end,
            "kind": q.kind,
            "speaker": q.speaker,
            "attribution_rule": q.attribution_rule,
            "text": q.text,
        }
        for pi, q in enumerate(predicted)
        if pi not in got_p
    ]
    if missed or spurious or wrong:
        report.errors.append({"id": row.get("id"), "missed": missed, "spurious": spurious, "wrong_speaker": wrong})


def _prediction(q: Quote) -> dict[str, Any]:
    return {
        "start": q.start,
        "end": q.end,
        "speaker": q.speaker,
        "kind": q.kind,
        "speaker_mention": q.speaker_mention,
        "attribution": q.attribution,
        "attribution_rule": q.attribution_rule,
    }


def write_jsonl(path: Path, rows: Iterable[dict[str, Any]]) -> None:
    """One JSON object per line, UTF-8, non-ASCII kept as is."""
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
