"""The quote record every stage shares, and the seam where another attributor can be plugged in.

Finding quote spans (`marks.py`) and deciding who said them (`attribution.py`) are separate steps so that a
model-based attributor can replace the rules without touching span finding or the callers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

KINDS = ("direct", "partial", "indirect", "scare")
MARKED_KINDS = frozenset({"direct", "partial"})  # quoted words that are attributed to someone
SPEAKER_KINDS = ("person", "organisation", "unknown")
ATTRIBUTIONS = ("explicit", "continuation", "pronoun", "none")


@dataclass(slots=True)
class Quote:
    """One quote (or reported clause) in an article; offsets slice the text given to `extract_quotes`."""

    quote_no: int  # 0-based order in the article by start
    kind: str  # 'direct' | 'partial' | 'indirect' | 'scare'
    text: str  # == text[start:end], without the quote marks
    start: int
    end: int
    paragraph_no: int  # index into the paragraph spans used
    speaker_mention: str | None  # surface text as written: 'Trump', 'he', 'the Kremlin'
    speaker_start: int | None
    speaker_end: int | None
    speaker: str | None  # canonical within the article: fullest name used, titles dropped
    speaker_kind: str  # 'person' | 'organisation' | 'unknown'
    cue_verb: str | None  # 'said', 'told', 'adding', ...
    attribution: str  # 'explicit' | 'continuation' | 'pronoun' | 'none'


@dataclass(slots=True)
class QuoteSpan:
    """Quoted text found between marks, before anyone is credited with it.

    `open_pos`/`close_pos` are the offsets of the marks themselves (-1 when the paragraph ends before the
    quote closes, the newspaper convention for a quote running on into the next paragraph).
    """

    start: int
    end: int
    open_pos: int
    close_pos: int
    paragraph_no: int
    continues: bool = False  # this paragraph's chunk continues a quote left open in the previous one


class Attributor(Protocol):
    """Turns the quote spans of one article into `Quote`s: kind, speaker, cue verb, attribution.

    The rule-based `RuleAttributor` is the default; a statistical one only has to honour this signature.
    """

    def attribute(self, text: str, paragraphs: list[tuple[int, int]], spans: list[QuoteSpan]) -> list[Quote]: ...
