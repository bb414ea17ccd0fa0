"""Stage 4, quotes: article bodies and their body paragraphs in, one row per quote out."""

import pandas as pd

from wirehouse.ids import quote_id
from wirehouse.quotes import extract_quotes

QUOTE_COLUMNS = (
    "quote_id",
    "article_id",
    "quote_no",
    "kind",
    "text",
    "start_char",
    "end_char",
    "paragraph_no",
    "speaker_mention",
    "speaker_start",
    "speaker_end",
    "speaker",
    "speaker_kind",
    "cue_verb",
    "attribution",
    "attribution_rule",
    "speaker_affiliation",
)


def _body_paragraphs(paragraphs: pd.DataFrame) -> dict[str, tuple[list[tuple[int, int]], list[int]]]:
    """Per article: the body paragraphs' spans and their paragraph numbers, in order."""
    body_rows = paragraphs[paragraphs["kind"] == "body"]
    grouped: dict[str, tuple[list[tuple[int, int]], list[int]]] = {}
    for article_id, number, start, end in zip(
        body_rows["article_id"].tolist(),
        body_rows["paragraph_no"].tolist(),
        body_rows["start_char"].tolist(),
        body_rows["end_char"].tolist(),
        strict=True,
    ):
        spans, numbers = grouped.setdefault(article_id, ([], []))
        spans.append((start, end))
        numbers.append(number)
    return grouped


def _sentence_starts(sentences: pd.DataFrame) -> dict[str, dict[int, list[int]]]:
    """Per article: paragraph_no -> the starts of its sentences after the first (rows in sentence order)."""
    starts: dict[str, dict[int, list[int]]] = {}
    for article_id, paragraph_no, start in zip(
        sentences["article_id"].tolist(),
        sentences["paragraph_no"].tolist(),
        sentences["start_char"].tolist(),
        strict=True,
    ):
        starts.setdefault(article_id, {}).setdefault(paragraph_no, []).append(start)
    return starts


def _by_index(
    spans: list[tuple[int, int]], numbers: list[int], split: dict[int, list[int]] | None
) -> dict[int, list[int]] | None:
    """The batch's sentences as `extract_quotes` takes them: paragraph index -> its sentence starts, the
    paragraph's start first (as `tokens.sentence_starts` gives them)."""
    if split is None:
        return None
    out: dict[int, list[int]] = {}
    for index, (number, (start, _)) in enumerate(zip(numbers, spans, strict=True)):
        out[index] = [start, *split.get(number, [start])[1:]]
    return out


def extract_article_quotes(
    articles: pd.DataFrame, paragraphs: pd.DataFrame, sentences: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Quotes of every article. `sentences`: the batch's `sentences` rows of the same articles (the one
    splitter's), so the rules need not split the paragraphs again; without it they split what they look at."""
    grouped = _body_paragraphs(paragraphs)
    split = _sentence_starts(sentences) if sentences is not None else {}
    out: dict[str, list] = {name: [] for name in QUOTE_COLUMNS}
    for article_id, body in zip(articles["article_id"].tolist(), articles["body"].tolist(), strict=True):
        spans, numbers = grouped.get(article_id, ([], []))
        if not spans:
            continue
        starts = _by_index(spans, numbers, split.get(article_id, {})) if sentences is not None else None
        for quote in extract_quotes(body, spans, sentences=starts):
            out["quote_id"].append(quote_id(article_id, quote.start, quote.end, quote.kind))
            out["article_id"].append(article_id)
            out["quote_no"].append(quote.quote_no)
            out["kind"].append(quote.kind)
            out["text"].append(quote.text)
            out["start_char"].append(quote.start)
            out["end_char"].append(quote.end)
            out["paragraph_no"].append(numbers[quote.paragraph_no])
            out["speaker_mention"].append(quote.speaker_mention)
            out["speaker_start"].append(quote.speaker_start)
            out["speaker_end"].append(quote.speaker_end)
            out["speaker"].append(quote.speaker)
            out["speaker_kind"].append(quote.speaker_kind)
            out["cue_verb"].append(quote.cue_verb)
            out["attribution"].append(quote.attribution)
            out["attribution_rule"].append(quote.attribution_rule)
            out["speaker_affiliation"].append(quote.speaker_affiliation)
    return pd.DataFrame(out, columns=list(QUOTE_COLUMNS)).astype({"speaker_start": "Int32", "speaker_end": "Int32"})
