"""`extract_quotes`: quote spans, then speakers, for one article's text."""

from __future__ import annotations

from wirehouse.quotes.attribution import RuleAttributor
from wirehouse.quotes.marks import find_spans, paragraph_spans
from wirehouse.quotes.model import Attributor, Quote

_default: RuleAttributor | None = None


def default_attributor() -> RuleAttributor:
    """The rule-based attributor, built once (it reads the seeds)."""
    global _default
    if _default is None:
        _default = RuleAttributor()
    return _default


def extract_quotes(
    text: str,
    paragraphs: list[tuple[int, int]] | None = None,
    *,
    attributor: Attributor | None = None,
    sentences: dict[int, list[int]] | None = None,
) -> list[Quote]:
    """Quotes of `text`, ordered by start; offsets slice `text` exactly.

    paragraphs: spans of the prose paragraphs in text (if None: blank-line-separated blocks). A quote never
    spans two paragraphs: a quote running on is one `Quote` per paragraph.
    sentences: paragraph index -> its sentence starts, the paragraph's start first (`tokens.sentence_starts`),
    when the caller has split the paragraphs already (the batch's `sentences` table); the rules split the
    others themselves. Either way they are the one splitter's sentences.
    """
    if paragraphs is None:
        paragraphs = paragraph_spans(text)
    spans = find_spans(text, paragraphs)
    if sentences is None:  # an attributor plugged in may know only the three arguments of the seam
        return (attributor or default_attributor()).attribute(text, paragraphs, spans)
    return (attributor or default_attributor()).attribute(text, paragraphs, spans, sentences)
