"""Tokens of the prose around quotes, with the quotes themselves folded into placeholder tokens.

Attribution only needs the sentence a quote sits in (and, for a quote opening a sentence, the one before),
so a paragraph is tokenised only there: from the sentence start before each quote and to the sentence end
after it, with a CUT token (a hard sentence break) over what is left out. Each quote becomes an opening mark,
the quote, and its last punctuation, which tells whether the quote ended a sentence.

Tokenising is one C-level `findall` per stretch on the text and one on its lowercase copy; offsets are only
worked out for the few tokens that become speaker mentions. A '.' is its own token, and whether it ends a
sentence looks at the word before it ("Sen.", "U.S.", "J." do not).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Collection

from wirehouse.quotes.model import QuoteSpan
from wirehouse.segment.sentences import MAY_END, TITLE, abbreviation_kinds, opens_sentence, split_sentences

OPEN = "\x02"  # an opening quote mark
CLOSE = "\x03"  # a closing quote mark
QUOTE = "\x01"  # the quoted words
CUT = "\x04"  # text left out: a hard sentence break
SPECIAL = frozenset((OPEN, CLOSE, QUOTE, CUT))
SENTENCE_END = frozenset(".!?")
CLOSERS = frozenset((CLOSE, ")", "]", "’", "'", '"', "”"))
_STARTERS = frozenset((OPEN, QUOTE, CUT, "(", "[", "‘"))
_QUOTE_ENDS = frozenset(".!?,;:")  # a quote's last character kept as a token after it

ABBREVIATIONS = abbreviation_kinds()  # seeds/abbreviations.csv, as the sentence splitter reads it
_TOKEN = re.compile(r"\w[\w’'&-]*(?:\.\w+)*|\S")
MAX_BEFORE = 400  # characters of context kept before a quote
MAX_AFTER = 250  # characters of context kept after a quote
# Tokens a rule walks from a quote at most, looking for its cue or its sentence's edge. Natural sentences end
# well within it (the context kept around a quote is MAX_BEFORE/MAX_AFTER characters of prose); it bounds the
# work per quote where a paragraph of thousands of quote marks is one "sentence" ('He said "x He said "x ...').
REACH = 80
QUOTE_REACH = 10  # quotes of a paragraph looked at, on each side, for the speaker of an unattributed one
# Quotes and reported-speech sentences of one article that the rules read, at most (the most in BBC, Reuters-21578
# and the dev set is 48): past them an article is a table, a list or hostile input, and its further quotes are
# kept unattributed, so that no article holds a run for more than a fraction of a second.
MAX_QUOTES = 500
MAX_REPORTED = 500
_MAX_CLOSERS = 6  # closing marks after a '.' looked through ('."), ' ...)


def tokenize(text: str, start: int, end: int) -> list[str]:
    """The tokens `_TOKEN` finds in text[start:end].

    No token spans whitespace, so a whitespace-split word that is all letters and digits is one token as it
    stands, and only words holding punctuation ('said,', 'U.S.', 'Trump’s') go through the regex: a third
    cheaper than running the regex over every word.
    """
    toks: list[str] = []
    append = toks.append
    known = _WORD_SPLITS.get
    for word in text[start:end].split():
        if word.isalnum():
            append(word)
        else:
            found = known(word)  # `_split_word`, its cache looked up here: this loop is hot
            toks += found if found is not None else _split_word(word)
    return toks


_WORD_SPLITS: dict[str, list[str]] = {}  # 'said,' -> ['said', ','], shared by all articles


def _split_word(word: str) -> list[str]:
    """The tokens of a whitespace-free word with punctuation, remembered: news repeats 'said,' and 'Mr.'."""
    found = _WORD_SPLITS.get(word)
    if found is None:
        if len(_WORD_SPLITS) >= 100_000:
            _WORD_SPLITS.clear()  # a bound on memory over a long batch
        found = _WORD_SPLITS[word] = _TOKEN.findall(word)
    return found


def sentence_starts(text: str, p_start: int, p_end: int) -> list[int]:
    """Offsets where the sentences of a paragraph start, the paragraph start first: the sentences of the
    `sentences` table (`wirehouse.segment.sentences.split_sentences`, the one splitter)."""
    spans = split_sentences(text, p_start, p_end)
    return [p_start] + [start for start, _ in spans[1:]]


def at_or_before(positions: list[int], k: int) -> int:
    """The last of the ascending `positions` at or before k, or -1."""
    at = bisect_right(positions, k)
    return positions[at - 1] if at else -1


def at_or_after(positions: list[int], k: int, default: int) -> int:
    """The first of the ascending `positions` at or after k, or `default`."""
    at = bisect_left(positions, k)
    return positions[at] if at < len(positions) else default


class ParaTokens:
    """Tokens of the prose around quotes (or of one plain sentence); `quote_at[i]` is the index of quote i's
    QUOTE token. Built by `around_quotes` or `plain`."""

    __slots__ = ("_anchor_pos", "_anchors", "_ends", "_positions", "lows", "quote_at", "text", "toks")

    def __init__(self, text: str) -> None:
        self.text = text
        self.toks: list[str] = []
        self.lows: list[str] = []
        self.quote_at: list[int] = []
        self._anchors: list[int] = []  # token index where a stretch of known offset begins
        self._anchor_pos: list[int] = []
        self._ends: list[int] | None = None  # see `ends`
        self._positions: dict[str, list[int]] = {}  # see `positions`

    @classmethod
    def around_quotes(
        cls, text: str, p_start: int, p_end: int, spans: list[QuoteSpan], starts: list[int] | None = None
    ) -> ParaTokens:
        """Tokens of a paragraph holding `spans`: each quote folded into OPEN, QUOTE, its last punctuation and
        CLOSE, with the sentences around it (`starts`: the paragraph's sentence starts, if known)."""
        if starts is None:
            starts = sentence_starts(text, p_start, p_end)
        self = cls(text)
        toks = self.toks
        quote_at = self.quote_at
        anchors = self._anchors
        anchor_pos = self._anchor_pos
        pos = p_start
        first = True
        for span in spans:
            open_pos = span.open_pos
            gap_end = open_pos if open_pos >= 0 else span.start
            if pos < gap_end:
                self._gap(starts, pos, gap_end, first, True)
            first = False
            n = len(toks)
            if open_pos >= 0:
                anchors.append(n)
                anchor_pos.append(open_pos)
                toks.append(OPEN)
                n += 1
            quote_at.append(n)
            anchors.append(n)
            anchor_pos.append(span.start)
            toks.append(QUOTE)
            last = text[span.end - 1]
            if last in _QUOTE_ENDS:
                anchors.append(n + 1)
                anchor_pos.append(span.end - 1)
                toks.append(last)
            if span.close_pos >= 0:
                anchors.append(len(toks))
                anchor_pos.append(span.close_pos)
                toks.append(CLOSE)
                pos = span.close_pos + 1
            else:
                pos = span.end
        if pos < p_end:
            self._gap(starts, pos, p_end, False, False)
        anchors.append(len(toks))  # a sentinel: the paragraph end
        anchor_pos.append(p_end)
        self.lows = list(map(str.lower, toks))
        return self

    @classmethod
    def plain(cls, text: str, start: int, split: int, end: int) -> tuple[ParaTokens, int]:
        """Tokens of a stretch of prose with no quotes (a sentence, for reported speech), and the index of
        the first token at or after `split` (which must fall between words)."""
        self = cls(text)
        self._stretch(start, split)
        index = len(self.toks)
        self._stretch(split, end)
        self._anchors.append(len(self.toks))  # a sentinel: the stretch end
        self._anchor_pos.append(end)
        self.lows = list(map(str.lower, self.toks))
        return self, index

    def _gap(self, starts: list[int], start: int, end: int, at_paragraph_start: bool, before_quote: bool) -> None:
        """Tokenise the prose between two quotes: the sentence after the first, the one(s) before the next."""
        text = self.text
        head_end = start
        if not at_paragraph_start:
            # to the end of the sentence that follows the previous quote
            first = start
            while first < end and text[first].isspace():
                first += 1
            at = bisect_right(starts, first)
            head_end = min(starts[at] if at < len(starts) else end, end, start + MAX_AFTER)
        tail_start = end
        if before_quote:
            # from the start of the sentence holding the next quote; from the one before if the quote opens it
            at = bisect_right(starts, end) - 1
            if at > 0 and not text[starts[at] : end].strip():
                at -= 1
            lo = max(start, end - MAX_BEFORE)
            tail_start = max(starts[at], lo)
            if tail_start == lo and lo > start:
                space = text.find(" ", lo, end)
                tail_start = space + 1 if space >= 0 else lo
        if head_end >= tail_start:
            self._stretch(start, end)
            return
        if head_end > start:
            self._stretch(start, head_end)
        self._anchors.append(len(self.toks))
        self._anchor_pos.append(head_end)
        self.toks.append(CUT)
        if tail_start < end:
            self._stretch(tail_start, end)

    def _stretch(self, start: int, end: int) -> None:
        """Append the tokens of text[start:end], anchored at `start`."""
        found = tokenize(self.text, start, end)
        if found:
            self._anchors.append(len(self.toks))
            self._anchor_pos.append(start)
            self.toks += found

    def start_of(self, index: int) -> int:
        """Offset in the text of token `index`, found from the nearest token of known offset."""
        anchors = self._anchors
        at = bisect_right(anchors, index) - 1
        first = anchors[at]
        toks = self.toks
        if first == index:
            tok = toks[index]
            pos = self._anchor_pos[at]
            return pos if tok in SPECIAL else self.text.find(tok, pos)
        text = self.text
        nxt = at + 1
        if nxt < len(anchors) and anchors[nxt] - index < index - first:
            # nearer the next anchor (the next quote mark): walk back from it
            pos = self._anchor_pos[nxt]
            rfind = text.rfind
            for tok in reversed(toks[index : anchors[nxt]]):
                pos = rfind(tok, 0, pos)
            return pos
        pos = self._anchor_pos[at]
        find = text.find
        for tok in toks[first : index + 1]:
            pos = find(tok, pos) + len(tok)
        return pos - len(toks[index])

    def end_of(self, index: int) -> int:
        """End offset of token `index`."""
        return self.start_of(index) + len(self.toks[index])

    def ends(self) -> list[int]:
        """The tokens that end a sentence, ascending; found once, on first use (after the verbs are marked), so
        that a rule finds the edges of a quote's sentence with `at_or_before`/`at_or_after` instead of walking
        to them: walking is quadratic in a paragraph of thousands of quote marks that is all one sentence."""
        if self._ends is None:
            ends = self.ends_sentence
            self._ends = [k for k, tok in enumerate(self.toks) if (tok in SENTENCE_END or tok == CUT) and ends(k)]
        return self._ends

    def positions(self, key: str, members: Collection[str]) -> list[int]:
        """The tokens whose lowercase form is in `members`, ascending; found once per `key`, so that a rule
        steps from one candidate cue word to the next instead of through every token."""
        found = self._positions.get(key)
        if found is None:
            found = self._positions[key] = [k for k, low in enumerate(self.lows) if low in members]
        return found

    def is_abbreviation_dot(self, k: int) -> bool:
        """Is the '.' at k part of the word before it ('Sen.', 'U.S.', 'J.')?"""
        if k == 0:
            return False
        word = self.toks[k - 1]
        return (
            (len(word) == 1 and word.isupper())
            or self.lows[k - 1] in ABBREVIATIONS
            or ("." in word and word.replace(".", "").isalpha())  # 'U.S', not a number ('$8.6m.' ends)
        )

    def _abbreviation_before(self, k: int, nxt: str) -> bool:
        """Is the '.' at k an abbreviation's, going by `seeds/abbreviations.csv` as the sentence splitter does?
        'Sen.' always; 'Inc.' or 'Bros.' unless a usual opener or a quote follows ('Warner Bros. "The real
        world benefits ..."'); 'No.' or 'Art.' before a number ('No. 10')."""
        kind = ABBREVIATIONS.get(self.lows[k - 1])
        if kind is None:
            return False
        if kind == TITLE:
            return True
        if kind == MAY_END:
            return nxt != OPEN and not opens_sentence(nxt)
        return nxt[0].isdigit()

    def ends_sentence(self, k: int) -> bool:
        """Does token k end a sentence? A CUT does; '.', '!', '?' only if what follows opens a new one."""
        toks = self.toks
        tok = toks[k]
        if tok == CUT:
            return True
        if tok not in SENTENCE_END:
            return False
        n = len(toks)
        j = k + 1
        stop = min(n, k + 1 + _MAX_CLOSERS)
        while j < stop and toks[j] in CLOSERS:
            j += 1
        if tok == "." and k:
            word = toks[k - 1]  # an abbreviation dot ('Sen.', 'U.S.', 'J.'), as in `is_abbreviation_dot`
            if (len(word) == 1 and word.isupper()) or ("." in word and word.replace(".", "").isalpha()):
                return False
            if j < n and self._abbreviation_before(k, toks[j]):
                return False
        if j >= n:
            return True
        first = toks[j][0]
        return first.isupper() or first.isdigit() or first in _STARTERS
