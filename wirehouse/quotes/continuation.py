"""Continuation: an unattributed quote takes the speaker of the quotes it runs with.

A part of `RuleAttributor` (`attribution.py`): its methods read the attributor's lexicon and call the other parts.
"""

from __future__ import annotations

from wirehouse.compiled import trait
from wirehouse.quotes.common import (
    _STOPS,
)
from wirehouse.quotes.model import Found, QuoteSpan, Rule
from wirehouse.quotes.tokens import (
    CUT,
    OPEN,
    QUOTE_REACH,
    SPECIAL,
    ParaTokens,
)


@trait
class Continuation:
    def _donor(
        self,
        text: str,
        spans: list[QuoteSpan],
        found: list[Found | None],
        scare: list[bool],
        idx: int,
        first: int,
        end: int,
        p: ParaTokens,
        reporter: dict[int, Found],
    ) -> Found | None:
        """The speaker of an unattributed quote, from the quotes of its paragraph (`first`..`end`).

        A chunk that continues a quote left open in the previous paragraph keeps that quote's speaker. Else a
        run of quotes with nothing but punctuation between them shares the speaker of the run ('"A." "B," X
        said.'): the run after the quote if the quote is not joined to the one before, else the nearest quote
        before. A quote opening its paragraph with narrative between it and the next attributed quote is
        left to the previous paragraph's speaker when there is one (the newspaper convention of one speaker
        running on); otherwise the later quote's speaker, or the subject of the sentence before.
        """
        span = spans[idx]
        para_no = span.paragraph_no
        if span.continues and idx and spans[idx - 1].paragraph_no == para_no - 1 and found[idx - 1] is not None:
            return found[idx - 1].continued(Rule.RUNNING_QUOTE)  # type: ignore[union-attr]
        local = idx - first
        quote_at = p.quote_at
        after = None
        a = idx
        end = min(end, idx + QUOTE_REACH)
        while a + 1 < end and not scare[a + 1] and self._adjacent(text, spans[a], spans[a + 1]):
            a += 1
            if found[a] is not None:
                after = found[a]
                break
        before = None
        for b in range(idx - 1, max(first, idx - QUOTE_REACH) - 1, -1):
            if found[b] is not None:
                before = found[b]
                break
        if (
            after is not None
            and not (local > 0 and not scare[idx - 1] and self._adjacent(text, spans[idx - 1], span))
            and (before is None or self._after_narrative(p, quote_at[local]))
        ):
            return after.continued(Rule.RUN_AFTER)
        if before is not None:
            return before.continued(Rule.QUOTE_BEFORE)
        later = None
        for b in range(idx + 1, end):
            if found[b] is not None:
                later = found[b]
                break
        if later is not None and local == 0 and quote_at[0] <= 1 and para_no:
            previous = idx and spans[idx - 1].paragraph_no == para_no - 1 and found[idx - 1] is not None
            if previous or reporter.get(para_no - 1) is not None:
                return None  # the previous paragraph's speaker runs on: see `attribute`
        if later is not None:
            return later.continued(Rule.QUOTE_LATER)
        return self._previous_subject(p, quote_at[local])

    def _after_narrative(self, p: ParaTokens, q: int) -> bool:
        """Does the quote at token q open a sentence that follows a sentence with no quote in it?

        '"A," said X. "B." "C," said Y.': B follows X's attribution and is X's; '"A," said X. Y has doubts.
        "B." "C," said Y.': B follows narrative and opens Y's run of quotes.
        """
        toks = p.toks
        k = q - 1
        if k >= 0 and toks[k] == OPEN:
            k -= 1
        if k < 0 or toks[k] == CUT:
            return k >= 0
        k -= 1
        while k >= 0:
            tok = toks[k]
            if tok in SPECIAL:
                return tok == CUT
            if tok in _STOPS and p.ends_sentence(k):
                return True
            k -= 1
        return True

    @staticmethod
    def _adjacent(text: str, first: QuoteSpan, second: QuoteSpan) -> bool:
        """Nothing but quote marks, punctuation and spaces between two quotes of a paragraph, on one line:
        '"A." "B," X said'."""
        if second.start - first.end > 8:
            return False  # marks, punctuation and spaces only: a short gap
        gap = text[first.end : second.start]
        return "\n" not in gap and not any(map(str.isalnum, gap))
