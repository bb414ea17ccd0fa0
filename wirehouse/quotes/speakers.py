"""Canonical speaker names within one article: the fullest form of a name the article uses, titles dropped.

News introduces a person once in full ("Republican U.S. Senator John McCain") and then by surname ("McCain")
or honorific ("Mr Putin"), so the canonical name of a mention is found by looking at the other places the
article writes the same surname. Organisations keep their own name without the article ("the Kremlin" ->
"Kremlin").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from wirehouse.quotes.lexicon import Lexicon, lexicon
from wirehouse.quotes.name_core import (
    _NAME_FORMS,
    _POSSESSIVE,
    _UNSEEN,
    _caches_for,
    _name_form,
)


def _appositive_gender(
    text: str, pos: int, nouns: dict[str, tuple[str, str, bool]], heads: frozenset[str]
) -> str | None:
    """After 'Name, ': an age or a person noun in the next few words ('46,', 'a special projects manager',
    'the club's managing director'): '' or the noun's gender; None if the words do not describe a person."""
    if text[pos : pos + 1].isdigit():
        return ""
    for word in text[pos : pos + 60].split()[:5]:
        low = word.lower().strip(".,;:()'\"’")
        info = nouns.get(low)
        if info is not None and info[0] == "person" and not info[2]:
            return info[1]
        if low in heads:
            return ""
        if word.endswith((",", ".", ";", ":")):
            break
    return None


@dataclass(slots=True)
class _Signs:
    """What the places an article writes a name say about it (`NameBook.profile`)."""

    person: bool = False
    shared: bool = False  # another person of the article shares the surname
    noun_gender: str | None = None
    honorifics: set[str] = field(default_factory=set)  # genders of honorifics before the surname alone
    full_honorifics: set[str] = field(default_factory=set)  # ... before the full name


class NameBook:
    """Per-article cache of canonical names; built lazily so articles without quotes pay nothing."""

    __slots__ = ("_cache", "_honorific_ends", "_profiles", "lex", "text", "words")

    def __init__(self, text: str, lex: Lexicon | None = None) -> None:
        self.text = text
        self.lex = lex or lexicon()
        self.words = self.lex.words
        self._honorific_ends = self.words.honorific_ends
        _caches_for(self.lex)
        self._cache: dict[tuple[str, ...], str] = {}
        self._profiles: dict[str, tuple[str | None, bool]] = {}

    def profile(self, name: str) -> tuple[str | None, bool]:
        """(gender, is a person) for a canonical name, from how the article writes it.

        A person: an honorific, a role or a gendered noun right before the name or its surname ('Mr Jobs',
        'manager Jose Mourinho', 'his mother Katherine Jackson', "Arsenal's Thierry Henry"), or an age or a
        role right after it ('Mr Jackson, 46,', 'Jason Stilwell, a special projects manager'). A team or a
        country ('New Zealand', 'Japan') has none of these. The gender comes from a gendered noun, else from
        the honorifics, unless another person of the article shares the surname ('Mr Jackson' is not
        'Katherine Jackson').
        """
        found = self._profiles.get(name)
        if found is not None:
            return found
        space = name.rfind(" ")
        surname = name[space + 1 :]
        given = name[: space + 1]  # the given names and a space: 'Katherine '
        text = self.text
        find = text.find
        signs = _Signs()
        size = len(surname)
        pos = find(surname)
        seen_at = 0
        while pos >= 0 and seen_at < 6:  # a person is introduced at the first mentions
            seen_at += 1
            end = pos + size
            pos_was = pos
            pos = find(surname, end)
            if pos_was and text[pos_was - 1].isalnum():
                continue
            nxt = text[end : end + 1]
            if nxt and (nxt.isalnum() or nxt == "-"):
                continue
            start = pos_was
            full = bool(given) and text.endswith(given, 0, start)
            if full:
                start -= len(given)
            if start > 1 and text[start - 1] == " ":  # the word before, on its line
                self._word_before(signs, start - 1, full, bool(given))
            if not given and nxt == " " and self._name_goes_on(end + 1):
                signs.person = True  # 'Li said' where the article writes 'Li Peng': a person's name
            if text.startswith(", ", end):
                after = _appositive_gender(text, end + 2, self.lex.speaker_nouns, self.lex.title_heads)
                if after is not None:
                    signs.person = True
                    signs.noun_gender = signs.noun_gender or after or None
        gender = signs.noun_gender
        if gender is None:
            seen = signs.full_honorifics if signs.shared else signs.full_honorifics | signs.honorifics
            if len(seen) == 1:
                gender = next(iter(seen))
        found = self._profiles[name] = (gender, signs.person)
        return found

    def _name_goes_on(self, pos: int) -> bool:
        """Is the word at `pos` a capitalised word of a person's name ('Peng' of 'Li Peng'), not the company word
        or institution word of an organisation's ('Corp' of 'Chrysler Corp', 'Post' of 'Washington Post')?"""
        text = self.text
        end = pos
        while end < len(text) and text[end].isalpha():
            end += 1
        word = text[pos:end]
        if len(word) < 2 or not word[0].isupper() or not word[1:].islower():
            return False
        low = word.lower()
        lex = self.lex
        return (
            word not in lex.organisation_words
            and low not in self.words.org_heads
            and low not in self.words.capital_stopwords
            and low not in lex.title_tokens
            and low not in lex.verb_lemma
        )

    def _word_before(self, signs: _Signs, w_end: int, full: bool, given: bool) -> None:
        """What the word ending at `w_end` before a name (`full`: the full name, else its surname) says."""
        text = self.text
        rfind = text.rfind
        lex = self.lex
        word = text[max(rfind(" ", 0, w_end), rfind("\n", max(0, w_end - 40), w_end)) + 1 : w_end]
        low = word.lower().rstrip(".,")
        gender = lex.honorifics.get(low)
        if gender is not None:
            signs.person = True
            if gender:
                (signs.full_honorifics if full else signs.honorifics).add(gender)
        elif not given and low in lex.office_heads:
            signs.person = True  # an office before a name of one word: 'President Reagan', 'Minister Subroto'
        elif full:
            info = lex.speaker_nouns.get(low)
            if low in lex.title_heads or (info is not None and info[0] == "person" and not info[2]):
                signs.person = True  # a role before a full name: not 'Bolton host Arsenal'
                if info is not None and info[1]:
                    signs.noun_gender = info[1]
            elif word.endswith(_POSSESSIVE[:2]) and word[:1].isupper():
                signs.person = True  # "Arsenal's Thierry Henry"
        elif given and word[:1].isupper() and low not in self.words.capital_stopwords and low not in lex.title_tokens:
            signs.shared = True  # 'Michael Jackson' beside 'Katherine Jackson'

    def canonical(self, core: list[str]) -> str:
        """Fullest name in the article ending with `core` ('Trump' -> 'Donald Trump')."""
        key = tuple(core)
        found = self._cache.get(key)
        if found is not None:
            return found
        best = core
        if len(core[-1]) > 1:
            counts = self._longer_forms(core)
            if counts:
                # the form the article uses most ('Bernie Sanders' over a stray 'New Hampshire Sanders'), then
                # the longest ('Hillary Rodham Clinton' when it is used as often)
                most = max(counts, key=lambda form: (counts[form], len(form)))
                best = list(most)
        name = " ".join(best)
        self._cache[key] = name
        return name

    def _longer_forms(self, core: list[str]) -> dict[tuple[str, ...], int]:
        """The longer names the article writes that end with `core`, and how often."""
        text = self.text
        find = text.find
        surname = core[-1]
        size = len(surname)
        given = core[:-1]  # the candidate's words before the surname must end with these
        counts: dict[tuple[str, ...], int] = {}
        # a longer form of 'Tony Blair' holds 'Tony Blair': look for that rather than every 'Blair'
        needle = f"{given[-1]} {surname}" if given else surname
        lead = len(needle) - size
        pos = find(needle)
        while pos >= 0:
            start = pos + lead
            pos = find(needle, start + size if lead == 0 else pos + 1)
            candidate = self._form_at(start, core)
            if candidate is not None:
                counts[candidate] = counts.get(candidate, 0) + 1
        return counts

    def _given_names_free(self, start: int, given_text: str) -> bool:
        """May a longer name end with the given names `given_text` written right before the surname at
        `start`? Not after a lowercase word or a title: 'said Tony Blair', 'Minister Tony Blair'."""
        text = self.text
        rfind = text.rfind
        titles = self.lex.title_tokens
        # a longer form of 'Tony Blair' needs a name word right before 'Tony': not in 'said Tony
        # Blair', 'Minister Tony Blair' or at the start of a line (the common cases, checked cheaply)
        g_start = start - 1 - len(given_text)
        if g_start >= 0 and text.startswith(given_text, g_start, start - 1):
            if g_start < 2 or text[g_start - 1] == "\n":
                return False
            if text[g_start - 1] == " ":
                w_end = g_start - 1
                space = rfind(" ", 0, w_end)
                newline = rfind("\n", space + 1, w_end)
                word = text[(newline if newline >= 0 else space) + 1 : w_end]
                low = word.lower()
                if (
                    (not word[:1].isupper() and low not in self.words.name_particles)
                    or low in titles
                    or low.rstrip(".") in titles
                    or low in self.words.capital_stopwords
                ):
                    return False
        return True

    def _form_at(self, start: int, core: list[str]) -> tuple[str, ...] | None:
        """The longer name ending with `core` whose surname is at `start`, if one is written there."""
        text = self.text
        rfind = text.rfind
        surname = core[-1]
        size = len(surname)
        width = len(core)
        given = core[:-1]
        titles = self.lex.title_tokens
        # whole word only, with a capitalised word right before it on the same line
        if start < 2 or text[start - 1] != " ":
            return None
        if text.endswith(self._honorific_ends, max(0, start - 5), start):
            return None  # 'Mr Blair': the surname alone after all (the commonest case, checked first)
        after = text[start + size : start + size + 1]
        if after and (after.isalnum() or after == "-"):
            return None
        prev = text[start - 2]
        if not prev.isalpha() and prev != ".":
            return None
        space = rfind(" ", 0, start - 1)
        newline = rfind("\n", space + 1, start - 1)
        word_start = (newline if newline >= 0 else space) + 1
        if not text[word_start].isupper():
            return None  # the word before is not capitalised: no longer name here
        before = text[word_start : start - 1].lower()
        if before in titles or before.rstrip(".") in titles or before in self.words.capital_stopwords:
            return None  # 'Mr Blair', 'President Obama', 'When Obama': the surname alone after all
        if given and not self._given_names_free(start, " ".join(given)):
            return None
        window = text[max(0, start - 50) : start - 1]
        words = window[window.rfind("\n") + 1 :].split()[-4:]
        while words and not words[0][0].isupper():
            words.pop(0)
        # the candidate is a tail of words + surname, so it can only be longer than the core and end
        # with it if the words end with the core's given names: skip name_core otherwise
        if len(words) < width or (given and words[len(words) - len(given) :] != given):
            return None
        words.append(surname)
        key_c = tuple(words)
        candidate = _NAME_FORMS.get(key_c, _UNSEEN)
        if candidate is _UNSEEN:
            candidate = _name_form(key_c, self.lex)
        if candidate is None:
            return None
        size_c = len(candidate)
        if size_c <= width or size_c > width + 2 or list(candidate[-width:]) != core:
            return None
        return candidate
