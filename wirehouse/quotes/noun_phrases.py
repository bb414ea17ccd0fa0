"""Noun phrases that can be a speaker: where one ends, its core, whether it can speak.

A part of `RuleAttributor` (`attribution.py`): its methods read the attributor's lexicon and call the other parts.
"""

from __future__ import annotations

from wirehouse.compiled import trait
from wirehouse.quotes.common import (
    _STARTERS,
    _common_word,
    _is_wordish,
)
from wirehouse.quotes.model import Mention, MentionKind
from wirehouse.quotes.name_core import strip_possessive
from wirehouse.quotes.tokens import (
    SPECIAL,
    ParaTokens,
)


@trait
class NounPhrases:
    # ----------------------------------------------------------------- subjects
    def _np_ending(self, p: ParaTokens, j: int, lo: int, extend: bool = True) -> Mention | None:
        """The noun phrase whose last token is j: a name run, 'the Kremlin', 'the senator', 'he'.

        A phrase after 'of/for/with/at/from/in' is joined to the one before it: 'a spokesman for the campaign',
        'Jason Gilbert of Cheyenne', 'Source familiar with the ad', 'a voice-over in the ad', 'one of her aides';
        after 'in', and a share's 'of', the phrase joined may itself be joined: 'One source at a house involved in
        the deal', 'A senior official at one of four prospective banks'.
        """
        found = self._np_core(p, j, lo)
        if found is None or not extend or found.kind == MentionKind.PRONOUN:
            return found
        for _ in range(3):
            link = p.lows[found[0] - 1] if found[0] > lo else ""
            head = self._pp_head(p, found[0], lo)
            if head is None:
                break
            found = Mention(head[0], j, head.kind)
            if link != "in" and not (link == "of" and p.lows[head[0]] in self.words.quantifiers):
                break  # only a phrase after 'in', or 'one of ...', may sit inside another (see above)
        return found

    def _pp_head(self, p: ParaTokens, k: int, lo: int) -> Mention | None:
        """The noun phrase that the phrase starting at token k is joined to, after one of `pp_links`."""
        if k - 2 < lo or p.lows[k - 1] not in self.words.pp_links:
            return None
        head = self._np_core(p, k - 2, lo)
        if head is not None and head.kind != MentionKind.PRONOUN:
            return head
        if p.lows[k - 1] == "of" and p.lows[k - 2] in self.words.quantifiers:
            return Mention(k - 2, k - 2, MentionKind.DESC)  # 'one of her ads', 'some of his aides'
        # an adjective before the preposition: 'Source familiar with the ad'
        if k - 3 >= lo and p.lows[k - 2] in self.words.pp_adjectives and p.toks[k - 3][0].isupper():
            head = self._np_core(p, k - 3, lo)
            if head is not None and head.kind != MentionKind.PRONOUN:
                return head
        return None

    def _np_core(self, p: ParaTokens, j: int, lo: int) -> Mention | None:
        if j < lo:
            return None
        toks = p.toks
        lows = p.lows
        tok = toks[j]
        if tok in SPECIAL:
            return None
        if self._pronoun_at(p, j, self.words.pronouns):
            return Mention(j, j, MentionKind.PRONOUN)
        low = lows[j]
        first = tok[0]
        if first.isupper():
            if low in self.words.capital_stopwords or low in self.verbs:
                return None
            return self._name_ending(p, j, lo)
        if not first.isalnum() or first.isupper() or low in self.words.not_description or low in self.verbs:
            return None
        if low in self.words.aux_adverbs or not _is_wordish(tok):
            return None
        return self._description_ending(p, j, lo)

    def _pronoun_at(self, p: ParaTokens, j: int, pronouns: frozenset[str] | dict[str, str]) -> bool:
        """Is token j one of `pronouns` (any pronoun before a verb, or the subject pronouns after one)? 'I' is,
        a lowercase 'i' is not (a list item, a roman numeral). Where a noun phrase opens, read either way."""
        low = p.lows[j]
        return low in pronouns and (low != "i" or p.toks[j] == "I")

    def _name_ending(self, p: ParaTokens, j: int, lo: int) -> Mention:
        """The name whose last (capitalised) word is j: 'Sen. Marco Rubio', 'the Kremlin'."""
        toks = p.toks
        lows = p.lows
        k = j
        while k - 1 >= lo and j - k < 8:
            prev = toks[k - 1]
            pl = lows[k - 1]
            if prev in SPECIAL:
                break
            if prev[0].isupper() or pl in self.words.name_particles or (pl in self.titles and prev.isalpha()):
                k -= 1
            elif prev == "." and k - 2 >= lo and p.is_abbreviation_dot(k - 1):
                k -= 2  # 'Sen. Marco Rubio', 'John F. Kennedy'
            elif pl in self.words.name_conjunctions and k - 2 >= lo and self._one_organisation(p, k - 2, k, j):
                k -= 1  # 'Standard and Poor's Corp said', 'S and P said': one organisation, not two speakers
            else:
                break
        while k < j and lows[k] in self.words.capital_stopwords and lows[k + 1] not in self.words.name_conjunctions:
            k += 1  # 'The Kremlin', but 'A and P'
        while k < j and toks[k][0].islower() and lows[k] not in self.words.name_particles:
            k += 1
        if k - 1 >= lo and lows[k - 1] in self.words.name_determiners:
            k -= 1
        return Mention(k, j, MentionKind.NAME)

    def _one_organisation(self, p: ParaTokens, before: int, after: int, j: int) -> bool:
        """Do the capitalised words at `before` and from `after` to `j`, joined by 'and' or '&', make one
        organisation's name: the name ends in a company word ('Merrill Lynch & Co', 'Savings and Loan
        Association'), or both parts are initials ('S and P')? Not 'Britain and France', 'Smith and Jones'."""
        left = p.toks[before]
        if left in SPECIAL or not left[0].isupper():
            return False
        if after == j and len(left) == 1 and len(p.toks[j]) == 1:
            return True  # initials: 'S and P', 'A and P', 'S/P'
        if p.lows[before] in self.words.capital_stopwords:
            return False
        last = strip_possessive(p.toks[j])
        words = self.words
        return last in self.lex.organisation_words or (
            p.lows[j] in words.org_heads and p.lows[before] not in words.org_heads
        )

    def _description_ending(self, p: ParaTokens, j: int, lo: int) -> Mention | None:
        """A description whose head noun is j: 'the senator', 'Clinton’s campaign', 'the 43-year-old', 'officials'."""
        toks = p.toks
        lows = p.lows
        low = lows[j]
        k = j
        while k - 1 >= lo and j - k < 5:
            prev = toks[k - 1]
            pl = lows[k - 1]
            if pl in self.words.determiners:
                return Mention(k - 1, j, MentionKind.DESC)
            if prev in SPECIAL:
                break
            if prev[0].isupper() and pl not in self.words.capital_stopwords:
                k -= 1
                continue
            if (
                _is_wordish(prev)
                and not prev[0].isupper()
                and pl not in self.words.not_description
                and pl not in self.verbs
            ):
                if pl in self.words.aux_adverbs or pl.endswith("ly"):
                    break
                if pl.endswith("ed") and k - 2 >= lo and toks[k - 2][0].isupper():
                    break  # 'Obama rebuked critics': a name and its verb, not a description
                k -= 1
                continue
            break
        if toks[k][0].isupper() or self.namer.is_role(low):
            return Mention(k, j, MentionKind.DESC)
        return None

    def _is_noun_use(self, p: ParaTokens, k: int) -> bool:
        """'his claims', 'Trump’s remarks': a speech verb form used as a noun after a possessive."""
        if k == 0:
            return False
        prev = p.lows[k - 1]
        if (
            prev in self.words.possessive_determiners
            or prev in self.words.noun_determiners
            or prev.endswith(("’s", "'s"))
        ):
            return True
        # 'a Trump-style retort': an article, a modifier, then the verb form
        return k >= 2 and p.lows[k - 2] in self.words.noun_determiners and "-" in p.toks[k - 1]

    def _is_modifier(self, p: ParaTokens, m: int) -> bool:
        """A lowercase word that can sit inside a noun phrase (not a function word or a speech verb)."""
        tok = p.toks[m]
        low = p.lows[m]
        return (
            tok[0].islower()
            and _is_wordish(tok)
            and low not in self.words.not_description
            and low not in self.verbs
            and low not in self.words.aux_adverbs
            and not low.endswith("ing")
        )

    def _speaks(self, p: ParaTokens, found: Mention) -> bool:
        """Can this noun phrase be credited with speech: a pronoun, a name, or a description headed by a noun
        that speaks ('the senator', 'officials', 'the firm', 'the report'; not 'the cost', 'the past')?

        A single capitalised word opening its sentence is a name unless the article also writes it in
        lowercase and never capitalised inside a sentence ('More than 600 people ...', 'Third generation').
        """
        first, last, kind = found
        if kind == MentionKind.PRONOUN or (kind == MentionKind.NAME and first != last):
            return True
        toks = p.toks
        lows = p.lows
        if kind == MentionKind.DESC:
            # some word of the phrase before its prepositional phrase or relative clause can speak: 'a source
            # involved in the talks', 'the paper's editorial board', 'an industry lobbyist who spoke'; or is
            # a capitalised word ('the Trump campaign')
            if lows[first] in self.words.quantifiers and (first == last or lows[first + 1] == "of"):
                return True  # 'said one of those advisers', 'many are calling it', 'one of her aides said'
            for i in range(first, last + 1):
                low = lows[i]
                if i > first and (low in self.words.pp_links or low in self.words.relatives):
                    break
                if toks[i][0].isupper():
                    if low not in self.words.capital_stopwords and low not in self.words.determiners:
                        return True
                elif low in self.nouns or self.namer.noun_like(strip_possessive(low)):
                    return True
            return False
        if first == last and (first == 0 or toks[first - 1] in _STARTERS or self._ends_at(p, first - 1)):
            word = toks[first]
            if word.isalpha() and self.namer.noun_info(lows[first]) is None:
                return not _common_word(p.text, word)
        return True

    def _source_by(self, p: ParaTokens, k: int) -> Mention:
        """A bare source noun at k, with the one who made it public if a 'by' follows in a few lowercase words:
        'audio provided by Wyoming Public Radio', 'excerpts of his speech released by the White House'."""
        toks = p.toks
        stop = min(len(toks), k + 8)
        for m in range(k + 1, stop):
            if p.lows[m] == "by":
                agent = self._subject_after(p, m + 1, min(len(toks), m + 8))
                if agent is not None:
                    return Mention(k, agent.last, MentionKind.DESC)
            if not toks[m].isalpha() or not toks[m].islower():
                break
        return Mention(k, k, MentionKind.DESC)

    def _source_after_name(self, p: ParaTokens, mention: Mention) -> Mention:
        """A name that is the modifier of a source noun a few lowercase words on is that source: 'according to a
        White House pool report' is the report, not 'a White House'."""
        if mention.kind != MentionKind.NAME:
            return mention
        toks = p.toks
        k = mention.last + 1
        stop = min(len(toks), k + 3)
        while k < stop and toks[k].isalpha() and toks[k].islower():
            if self.nouns.get(p.lows[k], ("",))[0] == "source":
                return Mention(mention.first, k, MentionKind.DESC)
            k += 1
        return mention

    def _before_brackets(self, p: ParaTokens, k: int, lo: int) -> int:
        """The token before a bracketed aside ending at k ('the Music Managers' Forum (MMF)'), else k."""
        toks = p.toks
        if toks[k] != ")":
            return k
        m = k - 1
        while m > lo and k - m < 8 and toks[m] != "(":
            m -= 1
        return m - 1 if m > lo and toks[m] == "(" else k

    def _skip_adverbs(self, p: ParaTokens, j: int, lo: int) -> int:
        """Index of the first token left of j that is not an auxiliary, adverb or 'on Tuesday'."""
        toks = p.toks
        lows = p.lows
        while j >= lo:
            low = lows[j]
            tok = toks[j]
            if (low in self.words.aux_adverbs and tok.islower()) or (
                low.endswith("ly") and tok.islower() and len(low) > 4
            ):
                j -= 1  # not 'May' in 'Theresa May said'

            elif low in self.words.weekdays:
                j -= 1
                if j >= lo and lows[j] == "on":
                    j -= 1
            elif low == "to" and j - 1 >= lo and toks[j - 1].islower() and toks[j - 1].isalpha():
                # 'is expected to say', 'is reported to have called', 'went on to say'
                j -= 2
                if j >= lo and lows[j] == "on":
                    j -= 1
            else:
                break
        return j
