"""Canonical speaker names within one article: the fullest form of a name the article uses, titles dropped.

News introduces a person once in full ("Republican U.S. Senator John McCain") and then by surname ("McCain")
or honorific ("Mr Putin"), so the canonical name of a mention is found by looking at the other places the
article writes the same surname. Organisations keep their own name without the article ("the Kremlin" ->
"Kremlin").
"""

from __future__ import annotations

import re

from wirehouse.quotes.lexicon import CAPITAL_STOPWORDS, NAME_PARTICLES, ORG_HEADS, lexicon

_HONORIFICS = tuple(
    (f"{title}{dot} ", pronoun)
    for title, pronoun in (("Mr", "he"), ("Mrs", "she"), ("Ms", "she"), ("Miss", "she"), ("Sir", "he"), ("Dame", "she"))
    for dot in ("", ".")
)
_HONORIFIC_PREFIXES = tuple(honorific for honorific, _ in _HONORIFICS)
_LONGEST_HONORIFIC = max(map(len, _HONORIFIC_PREFIXES))
_INITIAL = re.compile(r"[A-Z]\.")
_POSSESSIVE = ("’s", "'s", "’", "'")


def strip_possessive(token: str) -> str:
    """'Trump’s' -> 'Trump'."""
    if not token.endswith(_POSSESSIVE):
        return token
    for suffix in _POSSESSIVE:
        if token.endswith(suffix) and len(token) > len(suffix):
            return token[: -len(suffix)]
    return token


def _is_name_token(token: str) -> bool:
    return token[:1].isupper() or token.lower() in NAME_PARTICLES


def name_core(tokens: list[str]) -> list[str]:
    """The name at the end of a mention's tokens: the trailing run after the last title, role or stopword.

    The last token is always kept, so a surname that is also a title word ("John Major") survives.
    """
    if not tokens:
        return []
    lex = lexicon()
    titles = lex.title_tokens
    last = strip_possessive(tokens[-1])
    core = [last]
    for token in reversed(tokens[:-1]):
        low = token.lower()
        bare = low[:-1] if low.endswith(".") else low
        if (
            not _is_name_token(token)
            or bare in titles
            or (bare.endswith("s") and bare[:-1] in titles)
            or low in CAPITAL_STOPWORDS
            or low in lex.verb_lemma
            or token.endswith(("’s", "'s", "’", ",", ":", ";", ")", "!", "?", '"', "”"))
            or (token.endswith(".") and not _INITIAL.fullmatch(token))
        ):
            break
        core.append(token)
    core.reverse()
    while len(core) > 1 and core[0].lower() in NAME_PARTICLES:
        core.pop(0)
    return core


def is_organisation(tokens: list[str], with_article: bool) -> bool:
    """An organisation if the seeds know it, its head noun is an institution word, or it takes 'the'."""
    if not tokens:
        return False
    name = " ".join(tokens).lower()
    if name in lexicon().organisations:
        return True
    head = tokens[-1].lower()
    if head in ORG_HEADS:
        return True
    # "the Kremlin", "the Pentagon": a capitalised name after 'the' that is not a title ("the President")
    return with_article and head not in lexicon().title_tokens


class NameBook:
    """Per-article cache of canonical names; built lazily so articles without quotes pay nothing."""

    __slots__ = ("_cache", "_genders", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._cache: dict[tuple[str, ...], str] = {}
        self._genders: dict[str, str | None] = {}

    def pronoun(self, name: str) -> str | None:
        """'he' or 'she' if the article gives the person an honorific ('Mr Putin', 'Mrs. May'), else None."""
        if name in self._genders:
            return self._genders[name]
        surname = name.split()[-1]
        text = self.text
        find = text.find
        # one scan for the surname, looking just before each occurrence (not one scan per honorific); the
        # honorific earliest in `_HONORIFICS` that is found wins, as with `honorific + surname in text`
        best = len(_HONORIFICS)
        pos = find(surname)
        while pos >= 0 and best:
            if pos and text[pos - 1] == " ":
                before = text[max(0, pos - _LONGEST_HONORIFIC) : pos]
                if before.endswith(_HONORIFIC_PREFIXES[:best]):
                    best = next(i for i, honorific in enumerate(_HONORIFIC_PREFIXES) if before.endswith(honorific))
            pos = find(surname, pos + 1)
        found = _HONORIFICS[best][1] if best < len(_HONORIFICS) else None
        self._genders[name] = found
        return found

    def canonical(self, core: list[str]) -> str:
        """Fullest name in the article ending with `core` ('Trump' -> 'Donald Trump')."""
        key = tuple(core)
        found = self._cache.get(key)
        if found is not None:
            return found
        best = core
        surname = core[-1]
        if len(surname) > 1:
            text = self.text
            find = text.find
            rfind = text.rfind
            size = len(surname)
            width = len(core)
            given = core[:-1]  # the candidate's words before the surname must end with these
            titles = lexicon().title_tokens
            counts: dict[tuple[str, ...], int] = {}
            # a longer form of 'Tony Blair' holds 'Tony Blair': look for that rather than every 'Blair'
            needle = f"{given[-1]} {surname}" if given else surname
            lead = len(needle) - size
            pos = find(needle)
            while pos >= 0:
                start = pos + lead
                pos = find(needle, start + size if lead == 0 else pos + 1)
                # whole word only, with a capitalised word right before it on the same line
                if start < 2 or text[start - 1] != " ":
                    continue
                after = text[start + size : start + size + 1]
                if after and (after.isalnum() or after == "-"):
                    continue
                prev = text[start - 2]
                if not prev.isalpha() and prev != ".":
                    continue
                space = rfind(" ", 0, start - 1)
                newline = rfind("\n", space + 1, start - 1)
                word_start = (newline if newline >= 0 else space) + 1
                if not text[word_start].isupper():
                    continue  # the word before is not capitalised: no longer name here
                before = text[word_start : start - 1].lower()
                if before in titles or before.rstrip(".") in titles or before in CAPITAL_STOPWORDS:
                    continue  # 'Mr Blair', 'President Obama', 'When Obama': the surname alone after all
                window = text[max(0, start - 50) : start - 1]
                words = window[window.rfind("\n") + 1 :].split()[-4:]
                while words and not words[0][0].isupper():
                    words.pop(0)
                # the candidate is a tail of words + surname, so it can only be longer than the core and end
                # with it if the words end with the core's given names: skip name_core otherwise
                if len(words) < width or (given and words[len(words) - len(given) :] != given):
                    continue
                candidate = name_core([*words, surname])
                if len(candidate) <= width or candidate[-width:] != core or len(candidate) > width + 2:
                    continue
                if any(w.endswith("ly") or (w.isupper() and len(w) > 2) for w in candidate[:-1]):
                    continue  # a headline in title case, an all-capitals dateline
                # a capitalised sentence opener is not a first name ("Yesterday Trump")
                if candidate[0].lower() in CAPITAL_STOPWORDS:
                    continue
                key_c = tuple(candidate)
                counts[key_c] = counts.get(key_c, 0) + 1
            if counts:
                # the form the article uses most ('Bernie Sanders' over a stray 'New Hampshire Sanders'), then
                # the longest ('Hillary Rodham Clinton' when it is used as often)
                most = max(counts, key=lambda form: (counts[form], len(form)))
                best = list(most)
        name = " ".join(best)
        self._cache[key] = name
        return name
