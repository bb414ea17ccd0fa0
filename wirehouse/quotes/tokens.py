"""Tokens of the prose around quotes, with the quotes themselves folded into placeholder tokens.

Attribution only needs the words next to quotes, so a paragraph is tokenised between its quotes (long
stretches only near their ends), and each quote becomes three tokens: an opening mark, the quote, and its last
punctuation, which tells whether the quote ended a sentence. Abbreviations keep their dot ("Sen.", "U.S."), so
a lone '.' token is a sentence end candidate.
"""

from __future__ import annotations

import re

from wirehouse.quotes.model import QuoteSpan

OPEN = "\x02"  # an opening quote mark
CLOSE = "\x03"  # a closing quote mark
QUOTE = "\x01"  # the quoted words
CUT = "\x04"  # text left out between the two ends of a long stretch: a hard sentence break
SPECIAL = frozenset((OPEN, CLOSE, QUOTE, CUT))
SENTENCE_END = frozenset(".!?")
CLOSERS = frozenset((CLOSE, ")", "]", "’", "'", '"', "”"))

_ABBREVIATIONS = (
    "Mr|Mrs|Ms|Dr|Sens?|Reps?|Gov|Govs|Lt|Gen|Col|Maj|Capt|Sgt|Adm|Cmdr|Prof|Rev|St|Jr|Sr|Hon|Pres|Atty|Supt"
    "|Det|Insp|Brig|Corp|Inc|Co|Ltd|Mt|Ft|Jan|Feb|Aug|Sept?|Oct|Nov|Dec|No|Nos|vs|etc|approx"
    "|Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Ky|La|Md|Mass|Mich|Minn|Miss|Mo|Mont|Neb|Nev"
    "|Okla|Ore|Pa|Tenn|Tex|Va|Vt|Wash|Wis|Wyo"
)
_TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}"  # U.S. D.C. a.m.
    rf"|(?:{_ABBREVIATIONS})\.(?!\w)"
    r"|[A-Z]\.(?=\s+[A-Z])"  # a middle initial: John F. Kennedy
    r"|[RDI]-[A-Z][\w.]*(?<![.,])\.?"  # party and state: R-Wis., D-S.C.
    r"|[^\W_](?:[\w’'&]|[-.](?=[^\W_]))*"
    r"|\S"
)
HEAD = 160  # characters tokenised after a quote
TAIL = 260  # characters tokenised before a quote


class ParaTokens:
    """Tokens of one paragraph that holds quotes; `quote_at[i]` is the index of quote i's QUOTE token."""

    __slots__ = ("lows", "quote_at", "starts", "toks")

    def __init__(self, text: str, p_start: int, p_end: int, spans: list[QuoteSpan]) -> None:
        toks: list[str] = []
        starts: list[int] = []
        quote_at: list[int] = []
        pos = p_start
        for span in spans:
            gap_end = span.open_pos if span.open_pos >= 0 else span.start
            _tokenise(text, pos, gap_end, toks, starts, pos == p_start)
            if span.open_pos >= 0:
                toks.append(OPEN)
                starts.append(span.open_pos)
            quote_at.append(len(toks))
            toks.append(QUOTE)
            starts.append(span.start)
            last = text[span.end - 1]
            if last in ".!?,;:":
                toks.append(last)
                starts.append(span.end - 1)
            if span.close_pos >= 0:
                toks.append(CLOSE)
                starts.append(span.close_pos)
                pos = span.close_pos + 1
            else:
                pos = span.end
        _tokenise(text, pos, p_end, toks, starts, False)
        self.toks = toks
        self.starts = starts
        self.quote_at = quote_at
        self.lows = [t.lower() for t in toks]

    def end_of(self, index: int) -> int:
        """End offset of token `index` (quote tokens have no meaningful end; callers do not ask)."""
        return self.starts[index] + len(self.toks[index])

    def ends_sentence(self, k: int) -> bool:
        """Does token k ('.', '!', '?') end a sentence? Only if what follows opens a new one."""
        toks = self.toks
        tok = toks[k]
        if tok == CUT:
            return True
        if tok not in SENTENCE_END:
            return False
        n = len(toks)
        j = k + 1
        while j < n and toks[j] in CLOSERS:
            j += 1
        if j >= n:
            return True
        first = toks[j][0]
        return first.isupper() or first.isdigit() or first in (OPEN, QUOTE, CUT)


def _tokenise(text: str, start: int, end: int, toks: list[str], starts: list[int], at_start: bool) -> None:
    """Tokens of text[start:end]; a long stretch keeps only its head and tail, with a CUT between."""
    if end - start <= HEAD + TAIL:
        for match in _TOKEN.finditer(text, start, end):
            toks.append(match.group())
            starts.append(match.start())
        return
    if not at_start:
        for match in _TOKEN.finditer(text, start, start + HEAD):
            toks.append(match.group())
            starts.append(match.start())
    toks.append(CUT)
    starts.append(start + HEAD)
    tail = end - TAIL
    space = text.find(" ", tail, end)
    for match in _TOKEN.finditer(text, space + 1 if space >= 0 else tail, end):
        toks.append(match.group())
        starts.append(match.start())
