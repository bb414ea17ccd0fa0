"""Find quoted spans: one regex pass over the quote marks, then pairing them paragraph by paragraph.

Raw news mixes straight and curly marks and often mismatches them (`“...,"`), so a mark's direction comes
from its neighbours first (space before and a letter after opens; a letter before and a space or punctuation
after closes) and from its shape only when the context says nothing. A paragraph that ends inside a quote is
the newspaper convention for a quote running on: the chunk ends at the paragraph end, and the next paragraph
that opens with a mark continues it. A mark right after '=' opens an attribute value of markup (embedded
posts: `<tweet author="...">`): it and its closing mark quote no one. Single marks are left alone: inside
double marks they are nested quotes and belong to the outer quote; elsewhere they are mostly apostrophes.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from wirehouse.quotes.model import QuoteSpan

_MARKS = ('"', "“", "”", "„")
_BLOCK = re.compile(r"\S[^\n]*(?:\n[ \t\r\f\v]*\S[^\n]*)*")
_OPEN_BEFORE = frozenset(" \t\n\r([{—–-/")
_CLOSE_AFTER = frozenset(" \t\n\r,.;:!?)]}—–-/…")
_SPACE = frozenset(" \t\n\r\f\v\xa0")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Blank-line-separated blocks of `text` as (start, end) offsets, surrounding whitespace excluded."""
    spans = []
    for match in _BLOCK.finditer(text):
        end = match.end()
        while text[end - 1].isspace():
            end -= 1
        spans.append((match.start(), end))
    return spans


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _add(spans: list[QuoteSpan], text: str, span: QuoteSpan) -> None:
    """Append `span` unless it is blank; spaces just inside its marks are no part of it ('said. “ You know,
    ...”', '... to harvest its brain,' " said')."""
    start = span.start
    end = span.end
    while start < end and text[start].isspace():
        start += 1
    end = _rstrip(text, start, end)
    if end > start:
        span.start = start
        span.end = end
        spans.append(span)


def mark_positions(text: str) -> list[int]:
    """Offsets of the double quote marks, ascending: one `str.find` scan per mark shape (several times faster
    than a regex character class, which steps through the text a character at a time)."""
    marks: list[int] = []
    shapes = 0
    find = text.find
    for mark in _MARKS:
        pos = find(mark)
        if pos < 0:
            continue
        shapes += 1
        while pos >= 0:
            marks.append(pos)
            pos = find(mark, pos + 1)
    if shapes > 1:
        marks.sort()
    return marks


def _direction(text: str, pos: int, p_end: int) -> int:
    """The direction of the quote mark at `pos` (not a paragraph's first character): +1 opens, -1 closes, 0
    undecided (then marks alternate)."""
    before = text[pos - 1]
    after = text[pos + 1] if pos + 1 < p_end else " "
    if before in _OPEN_BEFORE and after not in _SPACE:
        return 1
    if after in _CLOSE_AFTER and before not in _SPACE:
        return -1
    char = text[pos]
    return 1 if char in "“„" else -1 if char == "”" else 0


def _nested(text: str, marks: list[int], mi: int, p_end: int) -> bool:
    """Does the opening mark before marks[mi], met while a quote is open in a mark of its shape, open a quote nested
    in it: the next two marks of the paragraph both close ('“Although the polls failed ... the fast growing number
    of “cell phone only” households — the Iowa misfire traces to ... night.”')? Else the open quote lost its
    closing mark. A straight mark around curly ones is no nesting: '"“If I was a donor, ...”\nRepublican National
    Committee member."' is the curly quote (an excerpt's or a pull quote's outer marks)."""
    return (
        mi + 1 < len(marks)
        and marks[mi + 1] < p_end
        and _direction(text, marks[mi], p_end) < 0
        and _direction(text, marks[mi + 1], p_end) < 0
    )


def find_spans(text: str, paragraphs: list[tuple[int, int]]) -> list[QuoteSpan]:
    """Quoted spans (marks excluded) in document order; each paragraph's chunk of a long quote is its own."""
    marks = mark_positions(text)
    spans: list[QuoteSpan] = []
    if not marks:
        return spans
    starts = [start for start, _ in paragraphs]
    n_marks = len(marks)
    mi = 0
    carried_from = -2  # paragraph whose last quote was left open
    while mi < n_marks:
        para_no = bisect_right(starts, marks[mi]) - 1
        if para_no < 0 or marks[mi] >= paragraphs[para_no][1]:
            mi += 1  # a mark outside every paragraph
            continue
        p_start, p_end = paragraphs[para_no]
        carried = carried_from == para_no - 1
        open_at = -1
        continues = False
        first = True
        while mi < n_marks and marks[mi] < p_end:
            pos = marks[mi]
            mi += 1
            if pos > p_start and text[pos - 1] == "=" and open_at < 0:
                # markup: '<tweet author="realDonaldTrump" timestamp="1448038800">' quotes no one; the value's
                # closing mark goes with it
                if mi < n_marks and marks[mi] < p_end:
                    mi += 1
                continue
            direction = 1 if pos == p_start else _direction(text, pos, p_end)
            if open_at < 0:
                if direction < 0:
                    # a closing mark with nothing open: the tail of a quote carried over without a fresh mark
                    if first and carried and pos > p_start:
                        end = _rstrip(text, p_start, pos)
                        if end > p_start:
                            spans.append(QuoteSpan(p_start, end, -1, pos, para_no, True))
                    first = False
                    continue
                open_at = pos
                continues = first and carried and pos == p_start
            elif direction > 0 and text[pos] == text[open_at] and _nested(text, marks, mi, p_end):
                mi += 1  # a quote inside the open one, in the same marks: its closing mark is passed over too
            elif direction > 0:
                # an opening mark while a quote is open: the earlier one lost its closing mark
                _add(spans, text, QuoteSpan(open_at + 1, pos, open_at, -1, para_no, continues))
                open_at = pos
                continues = False
            else:
                _add(spans, text, QuoteSpan(open_at + 1, pos, open_at, pos, para_no, continues))
                open_at = -1
            first = False
        if open_at >= 0:
            _add(spans, text, QuoteSpan(open_at + 1, p_end, open_at, -1, para_no, continues))
            carried_from = para_no
    return spans
