"""Naming: the canonical speaker of a mention and what kind of speaker a noun is, shared by the cue rules and the
pronoun resolver (`pronouns.py`), both given one `Namer` built from the injected lexicon."""

from __future__ import annotations

import re
from collections.abc import Collection

from wirehouse.quotes.lexicon import Lexicon
from wirehouse.quotes.model import Credit, MentionKind
from wirehouse.quotes.name_core import is_organisation, name_core, strip_possessive
from wirehouse.quotes.speakers import NameBook


def head_words(tokens: list[str], links: frozenset[str]) -> list[str]:
    """A mention's words up to its first prepositional phrase: 'Jason Gilbert of Cheyenne' -> 'Jason Gilbert'."""
    for i, token in enumerate(tokens):
        if i and (token.lower() in links or token.lower() == "in"):
            return tokens[:i]
    return tokens


def surname_alone(core: list[str], words: list[str], honorifics: Collection[str]) -> bool:
    """Is a name core a surname alone: one word, or words after an honorific ('Mr Saumarez Smith'), or
    after an initial ('J. Baker')?"""
    if len(core) == 1 or (core[0].rstrip(".").isupper() and len(core[0].rstrip(".")) == 1):
        return True
    before = len(words) - len(core) - 1
    return before >= 0 and words[before].lower().rstrip(".") in honorifics


def _letters(words: list[str], conjunctions: frozenset[str], marks: dict[int, None]) -> str:
    """The letters of a name but its conjunctions and dots (`marks`: a `str.translate` table deleting them):
    'S and P' -> 'SP', 'AT&T' -> 'ATT', 'S/P' -> 'SP'."""
    return "".join(strip_possessive(w).translate(marks) for w in words if w not in conjunctions)


def _initials(words: list[str], conjunctions: frozenset[str], marks: dict[int, None]) -> bool:
    """Is a name written in capitals only, an organisation's initials: 'USDA', 'GM', 'S and P', 'AT&T'?"""
    if not strip_possessive(words[-1]).isupper():
        return False  # the common case, a name in mixed case ('Blair'), decided cheaply
    letters = _letters(words, conjunctions, marks)
    return len(letters) > 1 and letters.isalpha() and letters.isupper()


class Namer:
    """Canonical names and speaker nouns from one lexicon; caches what it works out across articles."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self.words = lex.words
        self.titles = lex.title_tokens
        self.nouns = lex.speaker_nouns
        self._not_nouns: set[str] = set()  # words `noun_info` found to be no speaker nouns
        # mention -> what its speaker is, short of the article's canonical names (`mention_parts`)
        self._parts: dict[tuple[str, MentionKind], tuple[tuple[str, ...] | None, str | None, str, bool]] = {}
        self._company: re.Pattern[str] | None = None
        # deletes the marks that join initials ('&', '/') and dots: `_letters`
        marks = "".join(w for w in lex.words.name_conjunctions if not w.isalpha()) + "."
        self._marks: dict[int, None] = {ord(c): None for c in marks}

    def noun_info(self, low: str) -> tuple[str, str, bool] | None:
        """(kind, gender, plural) of a noun that can be credited with speech, else None: 'spokeswoman' ->
        ('person', 'she', False), 'officials' -> ('person', '', True), 'firm' -> ('organisation', '', False),
        'report' -> ('source', '', False), 'mother-of-nine' and '22-year-old' -> persons."""
        found = self.nouns.get(low)
        if found is not None:
            return found
        if low in self._not_nouns:
            return None
        found = self._noun_guess(low)
        if found is None:
            if len(self._not_nouns) > 50_000:
                self._not_nouns.clear()
            self._not_nouns.add(low)
        return found

    def _noun_guess(self, low: str) -> tuple[str, str, bool] | None:
        heads = self.lex.title_heads
        if low in heads:
            return ("person", "", False)
        if len(low) > 4 and low[-1] == "s" and low[:-1] in heads:
            return ("person", "", True)
        if low in self.words.org_heads:
            return ("organisation", "", False)
        if "-" in low:
            parts = low.split("-")
            if len(parts) >= 3 and parts[-2] in self.words.age_units and parts[-1] in self.words.age_words:
                return ("person", "", parts[-1] == "olds")  # 'the 22-year-old'
            for part in (parts[-1], parts[0]):  # 'ex-minister', 'mother-of-nine'
                found = self.nouns.get(part)
                if found is not None:
                    return found
        return None

    def noun_like(self, low: str) -> bool:
        """A noun that can speak: a listed one, or a person noun by its ending ('lobbyist', 'attendees')."""
        return self.noun_info(low) is not None or (len(low) > 5 and low.endswith(self.words.agent_endings))

    def is_role(self, low: str) -> bool:
        """A role noun ('spokesman', 'officials'), so a bare description can be a speaker."""
        return (
            low in self.titles
            or (len(low) > 4 and low[-1] == "s" and low[:-1] in self.titles)
            or low in self.words.org_heads
        )

    def title_word(self, word: str) -> bool:
        """A word of a title or role, not of a name: 'Foreign', 'Secretary', 'U.S.', 'Officials'."""
        low = strip_possessive(word).lower().rstrip(".")
        if low in self.titles:
            return True
        info = self.noun_info(low)
        return info is not None and info[0] == "person"

    def all_titles(self, name: str) -> bool:
        """Is every word of a name a title or role word ('Foreign Secretary')?"""
        last = name.rsplit(" ", 1)[-1]
        low = last.lower()
        if not (low in self.titles or low in self.nouns or last.endswith(("’s", "'s", "s", "."))):
            return False  # the common case: a surname
        return self.title_word(last) and all(self.title_word(w) for w in name.split())

    def speaker_name(self, mention: str, kind: MentionKind, book: NameBook) -> tuple[str | None, str]:
        """Canonical speaker and its kind for a named or described mention."""
        key = (mention, kind)
        parts = self._parts.get(key)
        if parts is None:
            if len(self._parts) > 50_000:
                self._parts.clear()
            parts = self._parts[key] = self.mention_parts(mention, kind)
        core, fixed, speaker_kind, lookup = parts
        if core is None:
            if fixed is not None and fixed.isupper() and fixed.isalpha() and fixed.capitalize() in book.text:
                return book.canonical([fixed]), "person"  # 'TRUMP:' of a transcript is 'Trump', no initials
            return fixed, speaker_kind
        # a surname alone ('Blair', 'Mr Saumarez Smith', 'J. Baker') is written more fully elsewhere in the
        # article; a full name ('Tony Blair') is as full as it gets (a longer form is most often a modifier:
        # 'Frankfurt-based Deutsche Boerse', 'Another Deutsche Boerse')
        name = book.canonical(list(core)) if lookup else " ".join(core)
        if fixed is not None and (name == " ".join(core) or self.all_titles(name)):
            return fixed, "unknown"  # 'The Foreign Secretary', 'Lawyers', 'U.S. Official': a role, not a name
        if " " not in name and " " not in mention and not book.profile(name)[1]:
            # one word, never given a first name, an honorific, a role or an age in the article: 'Iraq said',
            # 'Chrysler said', 'Texaco said' name a government or a company, not a person
            return name, "organisation"
        return name, "person"

    def possessive_name(self, mention: str) -> str | None:
        """The name of a subject written as a possessive ("Moody's said", "McDonald's told"): a business named
        after its founder, kept with its 's; None if the mention is no such name (or has an honorific)."""
        words = mention.split()
        if words[0].lower() in self.words.articles:
            words = words[1:]
        if not words or strip_possessive(words[-1]) == words[-1] or not all(w[:1].isupper() for w in words):
            return None
        if any(w.lower().rstrip(".") in self.lex.honorifics for w in words):
            return None
        return " ".join(words)

    def mention_parts(self, mention: str, kind: MentionKind) -> tuple[tuple[str, ...] | None, str | None, str, bool]:
        """What `speaker_name` decides without the article: (name core, or None; the speaker if there is no
        core, or the role text if the core is all titles; speaker kind; whether the core is a surname alone,
        to be made canonical from the article)."""
        words = mention.split()
        if kind == MentionKind.NAME:
            owner = max((i for i, w in enumerate(words[:-1]) if strip_possessive(w) is not w), default=-1)
            if owner >= 0 and not is_organisation(words[owner + 1 :], False, self.lex):
                words = words[owner + 1 :]  # "The Washington Post's Ed O'Keefe": the person, not the paper
            full = words
            words = head_words(words, self.words.pp_links)
            n = len(words)
            if n < len(full) and (all(self.title_word(w) for w in words) or self._titled(full)):
                # 'U.K. Chancellor of the Exchequer Nigel Lawson', 'Bank of Japan Governor Satoshi Sumita': the
                # name after the title, not the institution before its 'of'
                core = name_core(full, self.lex)
                info = self.noun_info(words[-1].lower())
                if core and not all(self.title_word(w) for w in core) and not (info is not None and info[2]):
                    # not after a plural role, a group: 'Officials in Washington', 'Dealers in the straight bonds'
                    return tuple(core), None, "person", surname_alone(core, full, self.lex.honorifics)
            if n < len(full) and words[-1].lower() in self.words.org_heads and full[n] == "of":
                # 'the Bank of England', 'Bank of Canada', 'the Department of Agriculture': an institution's name
                # runs on after 'of'
                end = n + 1
                while end < len(full) and full[end][:1].isupper():
                    end += 1
                if end > n + 1:
                    named = full[1:end] if full[0].lower() == "the" else full[:end]
                    return None, " ".join([*named[:-1], strip_possessive(named[-1])]), "organisation", False
            with_article = words[0].lower() == "the"
            if with_article:
                words = words[1:]
            if words and is_organisation([strip_possessive(w) for w in words], with_article, self.lex):
                # a possessive inside the name is the name's own: "Moody's Investors Service Inc"
                return None, " ".join([*words[:-1], strip_possessive(words[-1])]), "organisation", False
            if _initials(words, self.words.name_conjunctions, self._marks):
                return None, " ".join([*words[:-1], strip_possessive(words[-1])]), "organisation", False
            core = name_core(words, self.lex)
            if not core:
                return None, None, "unknown", False
            before = len(words) - len(core) - 1
            honorific = words[before].lower().rstrip(".") if before >= 0 else ""
            # 'The Foreign Secretary', 'U.S. Official': titles only, a role; but 'Mr White' is a name (not
            # 'The Lord Chancellor')
            role = None
            if honorific not in self.lex.plain_honorifics and self.all_titles(" ".join(core)):
                role = " ".join(strip_possessive(w) for w in words)
            return tuple(core), role, "person", surname_alone(core, words, self.lex.honorifics)
        # a description: 'the senator', 'a spokesman', 'the Trump campaign'
        if words[0].lower() in self.words.articles:
            words = words[1:]
        head = head_words(words, self.words.pp_links)
        speaker_kind = "organisation" if head and head[-1].lower() in self.words.org_heads else "unknown"
        return None, " ".join(words) or None, speaker_kind, False

    def _titled(self, full: list[str]) -> bool:
        """Does a mention end in a title and a name after an institution's 'of' ('Bank of Japan Governor Satoshi
        Sumita')? Not 'Jason Gilbert of Cheyenne', 'Bank of Canada'."""
        core = name_core(full, self.lex)
        before = len(full) - len(core) - 1
        if not core or before < 1:
            return False
        word = full[before].lower().rstrip(".")
        return word in self.lex.title_heads or word in self.lex.honorifics

    def fuller_organisations(self, named: dict[str, str]) -> dict[str, str]:
        """Short forms of an organisation credited in the same article, to its full name: "Moody's" -> "Moody's
        Investors Service Inc" (the name it starts), 'S and P' -> "Standard and Poor's Corp" and 'GM' -> 'General
        Motors Corp' (its initials, company words left out). Only when one full name fits."""
        orgs = [name for name, kind in named.items() if kind == "organisation"]
        if len(orgs) < 2:
            return {}
        out: dict[str, str] = {}
        for short in orgs:
            letters = _letters(short.split(), self.words.name_conjunctions, self._marks)
            fits = [
                name
                for name in orgs
                if name.startswith(short + " ")
                or (letters.isupper() and len(name) > len(short) and self._initials_of(name) == letters)
            ]
            if len(fits) == 1:
                out[short] = fits[0]
        return out

    def short_form(self, mention: str | None, orgs: list[str]) -> str | None:
        """The organisation credited in the article that a definite article and one capitalised word stand for:
        'the Post' of 'The Washington Post' (its last word), 'the Bank' of 'the Bank of England' (its head before
        'of'); None unless exactly one fits, and never for a title ('the Senator')."""
        words = mention.split() if mention else ()
        if len(words) != 2 or words[0].lower() not in self.words.articles or not words[1][:1].isupper():
            return None
        word = strip_possessive(words[1])
        if self.title_word(word):
            return None
        fits = {org for org in orgs if word in (org.split()[-1], head_words(org.split(), self.words.pp_links)[-1])}
        return fits.pop() if len(fits) == 1 else None

    def _initials_of(self, name: str) -> str:
        """'General Motors Corp' -> 'GM'; "Standard and Poor's Corp" -> 'SP' (company words and joiners left out)."""
        words = [w for w in name.split() if w not in self.lex.organisation_words and w[:1].isupper()]
        return "".join(w[0] for w in words)

    def company_desc(self, mention: str) -> bool:
        """'the firm', 'The High Street retailer': a definite description of a company."""
        words = head_words(mention.split(), self.words.pp_links)
        return len(words) > 1 and words[0].lower() == "the" and words[-1].lower() in self.lex.company_nouns

    def sole_company(self, text: str, book: NameBook, credits: list[Credit]) -> str | None:
        """The one company an article names, in its fullest form, or None if it names none or several.

        Companies are names ending in a company word ('Cairn Energy', 'Nortel Networks', 'Computer Terminal
        Systems Inc') and organisations credited with speech; a short form ('Cairn') is the same company
        as a longer one it starts. Only companies credited with speech count (one named in passing may not
        be the one meant): the one that speaks is the one a description of its words refers to.
        """
        speaking: set[str] = set()
        for _, _, kind, speaker, speaker_kind in credits:
            if kind == MentionKind.NAME and speaker_kind == "organisation":
                speaking.add(speaker)
            elif kind == MentionKind.NAME and " " not in speaker and not book.profile(speaker)[1]:
                speaking.add(speaker)  # 'Cairn' said, of 'Cairn Energy'; or 'Yukos': another company
        if not speaking:
            return None  # a company named only in passing ('Mitsubishi Motors') may not be the one meant
        # the longer names in company form that start with a speaking one: 'Cairn' -> 'Cairn Energy'
        found: set[str] = set()
        pattern = self.company_pattern()
        for name in speaking:
            needle = name + " "
            pos = text.find(needle)
            while pos >= 0:
                match = pattern.match(text, pos)
                if match is not None:
                    found.add(" ".join(strip_possessive(w) for w in match.group(0).split()))
                pos = text.find(needle, pos + 1)
        names = sorted(found | speaking, key=len, reverse=True)
        fullest = {n: next((m for m in names if m.startswith(n + " ")), n) for n in names}
        distinct = {fullest[n] for n in speaking}
        return distinct.pop() if len(distinct) == 1 else None

    def company_pattern(self) -> re.Pattern[str]:
        """Capitalised words ending in a company word of this lexicon: 'Cairn Energy', 'Nortel Networks'."""
        if self._company is None:
            ends = "|".join(sorted((re.escape(w) for w in self.lex.organisation_words), key=len, reverse=True))
            self._company = re.compile(
                rf"(?<![\w&.’'-])(?:[A-Z][\w&’'.-]*\s){{1,4}}(?:{ends})(?![\w-])(?! (?:and|&|of) [A-Z])"
            )
        return self._company

    def affiliation(self, mention: str) -> str | None:
        """The organisation a description names before its head noun: 'a Bank of England spokesman' -> 'Bank of
        England', "Labour's spokesman" -> 'Labour'; None for 'a company spokesman' or 'analysts'."""
        words = head_words(mention.split(), self.words.pp_links) if " of " not in mention else mention.split()
        if len(words) < 2 or self.noun_info(strip_possessive(words[-1]).lower()) is None:
            return None
        if words[0].lower() in self.words.subject_determiners or words[0].lower() in self.words.possessive_determiners:
            words = words[1:]  # 'the', 'His office', 'One source': no organisation's name
        taken: list[str] = []
        for word in words[:-1]:
            bare = strip_possessive(word)
            if not (bare[:1].isupper() or (taken and bare in self.words.name_joiners)):
                break
            info = self.noun_info(bare.lower()) if bare[:1].isupper() else None
            if info is not None and info[0] == "person":
                break  # 'Foreign Office Minister': a title, not an organisation's name
            taken.append(bare)
            if bare is not word:
                break  # "Labour's"
        while taken and not taken[-1][:1].isupper():
            taken.pop()
        return " ".join(taken) or None

    def is_description(self, mention: str) -> bool:
        """A capitalised mention that ends in a noun for people, written in lowercase ('Bank of England spokesman',
        'Western diplomats'), is one plural one ('Analysts'), or has only institution words ('the Bank'); not
        'Amy Pope', 'Mr Brown', 'Deutsche Bank'."""
        words = mention.split()
        named = [strip_possessive(w).lower().rstrip(".") for w in words if w.lower() not in self.words.articles]
        if named and all(w in self.words.org_heads for w in named):
            return True  # 'the Bank', 'the Group', 'Co': an institution word alone names no one
        last = strip_possessive(words[-1])
        info = self.noun_info(last.lower())
        if info is None or info[0] != "person":
            return False
        return last.islower() or (len(words) == 1 and info[2])
