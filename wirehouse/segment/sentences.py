"""Rule-based English sentence segmentation for news paragraphs, returning character offsets.

Why rules and not a library: the measured libraries are either slow (pysbd: 70 articles/s) or never split
inside quotation marks, which costs recall on news (MEASURED.md). This splitter finds candidate boundaries
with one precompiled regex (terminal punctuation, closing quotes/brackets, whitespace, then something that
can start a sentence), so the scan runs in C, and only looks at the word before a candidate in Python.

Decisions at a candidate, in order:
- `?` / `!` (and `.`) inside a closing quote followed by a short attribution (`"Why?" Trump asked.`) is not
  a boundary: the quote stays with its speaker.
- Ellipses: three dots (`...`, `…`) are an omission, not a boundary, unless followed by a usual sentence
  opener (`... The`); spaced `. . .` always is an omission; four dots end a sentence.
- The word before a period is looked up in `seeds/abbreviations.csv`: `title` (Mr., Dr., e.g.) never ends
  a sentence, `may_end` (Inc., U.S., initials) ends one only before a usual sentence opener (`The`, `He`,
  `How` ...), `number` (No., p., Jan.) does not end one before a number.
- A lone number or letter opening a sentence is a list marker (`1. The first item`).
Only text followed by whitespace and a non-lower-case character is a candidate at all, so decimals,
URLs, e-mail addresses and `e.g. the` never are. Blank lines and bullets (•) are hard boundaries.
"""

import re
from functools import cache

from wirehouse.reference import reference_rows

__all__ = ["MAY_END", "TITLE", "abbreviation_kinds", "opens_sentence", "split_sentences"]

TITLE, MAY_END = "title", "may_end"  # kinds of abbreviations; the third, "number", is whatever is neither

# A candidate boundary: group 1 = terminal punctuation (possessive, so a failed lookahead does not make it
# give back dots; at most 12 characters, so that a long run of dots or spaced dots is not read again from each
# of its characters: that was quadratic), group 2 = closing quotes/brackets; then whitespace and a character
# that may start a sentence (not lower case, unless an iPod/eBay-style word). No top-level alternation, so the
# regex engine skips to candidates in C; a range without `!`, `?` or `…` (most) uses the variant that starts
# with a literal `.`, which it finds faster still.
_CANDIDATE_TEMPLATE = r"""
    ({term}(?:{term}|\x20(?=\.)){{0,11}}+)
    (["'”’»)\]]*+)
    \s+(?=[^\sa-z.,;:)\]}}]|[a-z]+[A-Z])
    """
_CANDIDATE = re.compile(_CANDIDATE_TEMPLATE.format(term="[.!?…]"), re.VERBOSE)
_CANDIDATE_DOT = re.compile(_CANDIDATE_TEMPLATE.format(term=r"\."), re.VERBOSE)
# Hard boundaries, looked for only in ranges holding a newline or a non-ASCII character: a blank line, a bullet.
_HARD = re.compile(r"\n[^\S\n]*\n\s*|[•▪‣⁃◦●]")
_QUOTE_CLOSERS = frozenset("\"'”’»")
_OPENERS = "\"'“‘«([{•▪‣⁃◦●-–—"
_FIRST_WORD = re.compile(r"[A-Za-z]+")
_LETTERS_AND_DOTS = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_BULLETS = "•▪‣⁃◦●"
_LIST_START = re.compile(r"(1|a|A)(\.\)|\.|\))\s")
_LIST_MARKER = re.compile(r"(?:\d{1,2}|[A-Za-z])")

# After a quote that ends with terminal punctuation: a speaker (one to five capitalised words, with
# particles such as `of`; not a pronoun or other sentence opener, checked apart), a speech verb, then the end
# of the attribution: a full stop or comma right away (a colon opens a new quote), a short tail opening with
# a preposition (`Pence said in response.`), or a short object of `told`/`asked` (`Obama asked Republican
# politicians.`). A clause after the verb (`Mr Blair said he would ...`) makes it a new sentence.
_ATTRIBUTION = re.compile(
    r"""
    [A-Z][\w’'.\-]*\s+(?:(?:[A-Z][\w’'.\-]*|of|the|de|van|von|bin|al)\s+){0,4}?
    (?:(?:also|later|then|again|once|\w+ly)\s+)?
    (?:(?:told|tells|asked|asks|urged|warned|reminded|assured)\s+(?:[\w’'\-]+\s+){0,3}[\w’'\-]+\s*[.,]
      |(?:said|says|say|told|tells|asked|asks|added|adds|wrote|writes|tweeted|explained|continued|replied
        |insisted|argued|warned|noted|recalled|declared|stated|admitted|shouted|cried|joked|laughed
        |countered|responded|acknowledged|observed|remarked|conceded|quipped|exclaimed|whispered|claimed
        |suggested|urged|pleaded|demanded|announced|agreed|concluded|retorted|snapped|sighed|interjected)\b
       (?:\s*[.,]
         |\s+(?:in|on|at|to|of|about|during|after|before|from|with|via|through|outside|as|when|while
               |reporters|journalists|the\x20(?:BBC|press|media|audience|crowd|court)|BBC|CNN|Reuters|AP|AFP)\b
          [^.!?;:"“”]{0,60}[.,]))
    """,
    re.VERBOSE,
)

# Words that usually open an English sentence and are rarely part of a name: closed-class words and common
# sentence adverbs. After a `may_end` abbreviation (U.S., Inc., initials) they signal a boundary.
# fmt: off
_OPENER_WORDS = frozenset((
    "A", "An", "The", "This", "That", "These", "Those", "There", "Here", "It", "Its", "He", "His", "Him", "She",
    "Her", "They", "Their", "Them", "We", "Our", "Us", "I", "My", "Me", "You", "Your", "Who", "Whom", "Whose",
    "What", "Which", "When", "Where", "Why", "How", "Whether", "If", "Unless", "Although", "Though", "While",
    "Whilst", "Because", "Since", "As", "But", "And", "Or", "Nor", "So", "Yet", "For", "Then", "Now", "Still",
    "Also", "Even", "Only", "Just", "Instead", "However", "Meanwhile", "Moreover", "Furthermore", "Nevertheless",
    "Nonetheless", "Otherwise", "Overall", "Finally", "Indeed", "Therefore", "Thus", "Hence", "Besides", "Anyway",
    "Perhaps", "Maybe", "Yes", "No", "Not", "Never", "Some", "Many", "Most", "Much", "More", "Few", "Several",
    "All", "Both", "Each", "Every", "Either", "Neither", "Any", "Other", "Another", "Such", "One", "In", "On",
    "At", "By", "From", "With", "Without", "Within", "Into", "Under", "Over", "After", "Before", "During",
    "Despite", "According", "Among", "Between", "Through", "Throughout", "Until", "Unlike", "Like", "To", "Of",
    "Is", "Are", "Was", "Were", "Be", "Been", "Do", "Does", "Did", "Can", "Could", "Will", "Would", "Shall",
    "Should", "May", "Might", "Must", "Has", "Have", "Had", "Earlier", "Later", "Last", "Next", "Today",
    "Yesterday", "Tomorrow", "Recently", "Currently", "Previously", "Initially", "Eventually", "Soon", "Once",
    "Again", "First", "Second", "Third", "Let", "Please",
))
# fmt: on


@cache
def _abbreviations() -> dict[str, str]:
    """Abbreviation (without its final dot) -> kind, from `seeds/abbreviations.csv`.

    Rows written in lower case also match the Capitalised form (`co.` matches `Co.`); other rows match as
    written, so `Mass.` (the state) does not swallow `mass.` (the noun), nor `Ms.` the disease `MS.`.
    """
    table: dict[str, str] = {}
    for row in reference_rows("abbreviations"):
        word = row["abbreviation"].strip().removesuffix(".")
        if not word:
            continue
        forms = [word, word[0].upper() + word[1:]] if word.islower() else [word]
        for form in forms:
            table.setdefault(form, row["kind"])
    return table


@cache
def abbreviation_kinds() -> dict[str, str]:
    """Every abbreviation of `seeds/abbreviations.csv` in lower case, without its final dot, and its kind: how
    the quote rules' tokens (`wirehouse.quotes.tokens`) decide a '.' after a word as this splitter does."""
    kinds: dict[str, str] = {}
    for form, kind in _abbreviations().items():
        kinds.setdefault(form.lower(), kind)
    return kinds


def opens_sentence(word: str) -> bool:
    """Is `word` one that usually opens a sentence ('The', 'He', 'However'), as after a `may_end` abbreviation?"""
    return word in _OPENER_WORDS


def _rstrip_to(text: str, start: int, pos: int) -> int:
    """Position just after the last non-whitespace character of text[start:pos] (start if none)."""
    while pos > start and text[pos - 1].isspace():
        pos -= 1
    return pos


def _opens_sentence(text: str, pos: int, end: int) -> bool:
    """Whether the word at `pos` is one that usually opens a sentence (or is a quote/bracket opening one)."""
    return text[pos] in _OPENERS or _opens_with_word(text, pos, end)


def _opens_with_word(text: str, pos: int, end: int) -> bool:
    """Whether the word at `pos` is one that usually opens a sentence (`The`, `He`, `However` ...)."""
    word = _FIRST_WORD.match(text, pos, end)
    return word is not None and word.group() in _OPENER_WORDS


def _is_list_marker(text: str, seg: int, tok_start: int, token: str) -> bool:
    """A lone number or letter that opens the current sentence (`1. The first item`, `• 9. The ...`)."""
    return (
        len(token) <= 2 and _LIST_MARKER.fullmatch(token) is not None and not text[seg:tok_start].strip(" •▪‣⁃◦●-–—\t")
    )


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans of text[start:end] (one paragraph, usually), as 0-based end-exclusive offsets into `text`
    itself (not into the slice), each stripped of leading/trailing whitespace, in order, non-overlapping,
    never empty. Every non-whitespace character of the range is in exactly one span."""
    length = len(text)
    end = length if end is None else max(0, min(end, length))
    start = max(0, start)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        return []
    if text.find("\n", start, end) >= 0 or (not text.isascii() and _has_bullet(text, start, end)):
        blocks = _hard_blocks(text, start, end)
        if len(blocks) > 1:
            return [span for begin, stop in blocks for span in _paragraph(text, begin, stop)]
    if text[start] in "1aA":  # cheap test first: inline lists are rare
        return _paragraph(text, start, end)
    return _split(text, start, end)


def _has_bullet(text: str, start: int, end: int) -> bool:
    """Whether the range holds a bullet; str.find is O(1) for a character wider than the string's storage."""
    return any(text.find(bullet, start, end) >= 0 for bullet in _BULLETS)


def _hard_blocks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The range cut at blank lines and before bullets (`• item`), each block stripped and not empty."""
    blocks = []
    block = start
    for match in _HARD.finditer(text, start, end):
        cut = match.start()
        if text[cut] == "\n":
            nxt = match.end()
        elif cut == block or not text[cut - 1].isspace():
            continue  # a bullet opening the block, or glued to a word
        else:
            nxt = cut
        stop = _rstrip_to(text, block, cut)
        if stop > block:
            blocks.append((block, stop))
        block = nxt
    blocks.append((block, end))
    return blocks


def _paragraph(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences of a stripped, non-empty range without hard boundaries: inline list items, then _split."""
    if text[start] in "1aA":  # cheap test first: inline lists are rare
        items = _inline_list_items(text, start, end)
        if items is not None:
            return [span for begin, stop in items for span in _split(text, begin, stop)]
    return _split(text, start, end)


def _inline_list_items(text: str, start: int, end: int) -> list[tuple[int, int]] | None:
    """Items of a paragraph that is an inline list (`1) The first item 2) The second item`), else None.

    Only a paragraph that opens with the marker `1`/`a` and goes on with `2`/`b` ... in the same style counts,
    so numbers inside news sentences are left alone.
    """
    marker = _LIST_START.match(text, start, end)
    if marker is None:
        return None
    value, style = marker.group(1), marker.group(2)
    cuts = [start]
    pos = marker.end()
    while True:
        value = str(int(value) + 1) if value.isdigit() else chr(ord(value) + 1)
        found = re.compile(rf"\s{re.escape(value)}{re.escape(style)}\s").search(text, pos, end)
        if found is None:
            break
        cuts.append(found.start() + 1)
        pos = found.end()
    if len(cuts) == 1:
        return None
    cuts.append(end)
    return [(cuts[i], _rstrip_to(text, cuts[i], cuts[i + 1])) for i in range(len(cuts) - 1)]


def _split(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences of a stripped, non-empty range: one pass over the candidate boundaries."""
    lookup = _abbreviations().get  # locals: this loop runs once per candidate boundary
    rfind = text.rfind
    openers, quote_closers = _OPENERS, _QUOTE_CLOSERS
    spans: list[tuple[int, int]] = []
    append = spans.append
    seg = start  # start of the sentence being built; always a non-whitespace character
    dot_only = rfind("!", start, end) < 0 and rfind("?", start, end) < 0 and rfind("…", start, end) < 0
    for match in (_CANDIDATE_DOT if dot_only else _CANDIDATE).finditer(text, start, end):
        term_start, term_end = match.span(1)
        stop = match.end(2)  # the sentence ends after its closing quotes/brackets
        nxt = match.end()
        first = text[term_start]

        if term_end - term_start > 1 or first == "…":  # "!!", "?!", "...", ". . . .", "…"
            term = text[term_start:term_end]
            dots = term.count(".") + 3 * term.count("…")
            if "!" in term or "?" in term:
                pass  # emphatic ending: a boundary unless the quote below keeps its attribution
            elif " " in term:  # spaced ellipsis
                if dots < 4:
                    continue  # ". . ." marks an omission inside the sentence
                if (
                    term_start > seg
                    and not text[term_start - 1].isspace()
                    and text[term_start + 1] == " "
                    and stop == term_end
                ):
                    # "compounds. . . . The": the word's period ends it, ". . ." opens the next sentence
                    append((seg, term_start + 1))
                    seg = term_start + 2
                    continue
            elif dots < 4 and (
                term_start == seg or text[term_start - 1] in "[(" or not _opens_with_word(text, nxt, end)
            ):
                continue  # "..." or "…" marking an omission ("[...]", or before a name or a lower-case word)
        elif first == "." and (stop == term_end or text[term_end:stop] == ")"):
            # a bare period (or "1.)"): is the word before it an abbreviation or a list marker?
            tok_start = rfind(" ", seg, term_start) + 1 or seg
            token = text[tok_start:term_start]
            if not token.isprintable():  # a newline, tab or no-break space: the word is after the last one
                token = "" if token[-1].isspace() else token.rsplit(None, 1)[-1]
                tok_start = term_start - len(token)
            kind = lookup(token) if stop == term_end else None
            if kind is None and token:
                if token[0] in openers:  # ("Mr. / "1. : look at the word inside
                    stripped = token.lstrip(openers)
                    tok_start += len(token) - len(stripped)
                    token = stripped
                    if stop == term_end:
                        kind = lookup(token)
                if len(token) <= 2 and _is_list_marker(text, seg, tok_start, token):
                    continue
                if kind is None and stop == term_end:
                    if len(token) == 1 and token.isalpha():
                        kind = MAY_END  # an initial (J. K. Rowling) or "you and I."
                    elif "." in token and _LETTERS_AND_DOTS.fullmatch(token):
                        kind = MAY_END  # U.S.A., a.m., J.K.
            if kind is not None:
                if kind == TITLE or text[nxt].isdigit():
                    continue
                if kind == MAY_END and not _opens_sentence(text, nxt, end):
                    continue

        if stop > term_end and text[stop - 1] in quote_closers:
            attribution = _ATTRIBUTION.match(text, nxt, end)
            if attribution is not None and not _opens_with_word(text, nxt, end):
                continue  # "Why?" Trump asked. / "It is over." Trump said.
        if text[nxt] > "\x7f" and text[nxt].islower():
            continue  # a non-ASCII lower-case letter the regex let through
        append((seg, stop))
        seg = nxt

    append((seg, end))
    return spans
