"""What every rule module shares: classes of marks and small token tests."""

from __future__ import annotations

from wirehouse.quotes.model import Item
from wirehouse.quotes.tokens import (
    CLOSE,
    CUT,
    OPEN,
    SPECIAL,
)

# classes of marks (not words: the word lists are `Lexicon.words`, from seeds/quote_words.csv)
_STARTERS = frozenset((OPEN, CLOSE, CUT, ":", ";", "—", "–"))  # tokens after which a new clause starts
_STOPS = frozenset((".", "!", "?", CUT))  # tokens that may end a sentence
_POST_HALTS = SPECIAL | _STOPS | {";", ":"}  # tokens that may end the walk from a quote to its verb
_DATELINE_DASHES = frozenset(("—", "–", "-", "--"))
_DASHES_ONLY = frozenset(("—", "–", "-", "--"))
_LEFT_MARKS = _DASHES_ONLY | {",", ")"}  # tokens before a verb that `_subject_left` reads past
_CLAUSE_MARKS = frozenset((",", ";", ":", "—", "–", "-", "--", "(", ")"))  # marks that close a relative clause
_HEADLINE_MARKS = frozenset((",", ":", "’", "'", "‘", "&", "!", "?"))  # in a headline: "HOW ‘MAKING IT SMALLER’"


_COMMON: dict[str, bool] = {}  # word -> a common word in `_COMMON_TEXT`
_COMMON_TEXT: list[str] = [""]  # the text `_COMMON` is about


def _common_word(text: str, word: str) -> bool:
    """Is a capitalised word a common word in this text: written in lowercase somewhere, and never capitalised
    inside a sentence (after a word or a comma) as a name would be?"""
    if _COMMON_TEXT[0] is not text:
        _COMMON.clear()
        _COMMON_TEXT[0] = text
    found = _COMMON.get(word)
    if found is not None:
        return found
    low = " " + word.lower()
    found = False
    pos = text.find(low)
    while pos >= 0:
        end = pos + len(low)
        if end >= len(text) or not text[end].isalnum():
            found = True
            break
        pos = text.find(low, end)
    if found:
        cap = " " + word
        pos = text.find(cap)
        while pos >= 0:
            end = pos + len(cap)
            before = text[pos - 1 : pos]
            if (end >= len(text) or not text[end].isalnum()) and (before.isalnum() or before == ","):
                found = False  # 'said Brown', 'Gordon Brown': a name after all
                break
            pos = text.find(cap, end)
    _COMMON[word] = found
    return found


def _first(item: Item) -> int:
    return item[0]


def _is_title(quoted: str, small_words: frozenset[str]) -> bool:
    """'Good Morning America.', 'The Facts on Where the Race Stands': every word capitalised but small ones."""
    words = quoted.split()
    return len(words) >= 2 and all(w[:1].isupper() or w.lower() in small_words for w in words)


def _is_possessive_name(token: str) -> bool:
    """'Trump’s', "Obama's": a capitalised word with a possessive ending."""
    return token[0].isupper() and token.endswith(("’s", "'s")) and len(token) > 3


def _is_wordish(token: str) -> bool:
    """A word, possibly hyphenated or with digits ('43-year-old'), not punctuation."""
    return token[0].isalnum() and token[-1].isalnum()


_DASHES = frozenset((",", "—", "–", "-", "--"))
