"""Noun phrases that can be a speaker: where one ends, its core, whether it can speak.

A part of `RuleAttributor` (`attribution.py`): its methods read the attributor's lexicon and call the other parts.
"""

from __future__ import annotations

from wirehouse.compiled import trait
from wirehouse.quotes.common import (
    _NAME_DETERMINERS,
    _NOT_DESCRIPTION,
    _NOUN_DETERMINERS,
    _POSSESSIVE_DETERMINERS,
    _PP_ADJECTIVES,
    _PP_LINKS,
    _QUANTIFIERS,
    _RELATIVES,
    _STARTERS,
    WEEKDAYS,
    _common_word,
    _is_wordish,
)
from wirehouse.quotes.lexicon import (
    AUX_ADVERBS,
    CAPITAL_STOPWORDS,
    DETERMINERS,
    NAME_PARTICLES,
    PRONOUNS,
)
from wirehouse.quotes.speakers import strip_possessive
from wirehouse.quotes.tokens import (
    SPECIAL,
    ParaTokens,
)


@trait
class NounPhrases:
    # ----------------------------------------------------------------- subjects
    def _np_ending(self, p: ParaTokens, j: int, lo: int, extend: bool = True) -> tuple[int, int, str] | None:
        """The noun phrase whose last token is j: a name run, 'the Kremlin', 'the senator', 'he'.

        A phrase after 'of/for/with/at/from' is joined to the one before it: 'a spokesman for the campaign',
        'Jason Gilbert of Cheyenne', 'Source familiar with the ad'.
        """
        found = self._np_core(p, j, lo)
        if found is None or not extend or found[2] == "pronoun":
            return found
        k = found[0]
        if k - 2 >= lo and (p.lows[k - 1] in _PP_LINKS or (p.lows[k - 1] == "in" and found[2] == "name")):
            head = self._np_core(p, k - 2, lo)
            if head is not None and head[2] != "pronoun":
                return (head[0], j, head[2])
            # an adjective before the preposition: 'Source familiar with the ad'
            if k - 3 >= lo and p.lows[k - 2] in _PP_ADJECTIVES and p.toks[k - 3][0].isupper():
                head = self._np_core(p, k - 3, lo)
                if head is not None and head[2] != "pronoun":
                    return (head[0], j, head[2])
        return found

    def _np_core(self, p: ParaTokens, j: int, lo: int) -> tuple[int, int, str] | None:
        if j < lo:
            return None
        toks = p.toks
        lows = p.lows
        tok = toks[j]
        if tok in SPECIAL:
            return None
        low = lows[j]
        if low in PRONOUNS and (low != "i" or tok == "I"):
            return (j, j, "pronoun")
        first = tok[0]
        if first.isupper():
            if low in CAPITAL_STOPWORDS or low in self.verbs:
                return None
            k = j
            while k - 1 >= lo and j - k < 8:
                prev = toks[k - 1]
                pl = lows[k - 1]
                if prev in SPECIAL:
                    break
                if prev[0].isupper() or pl in NAME_PARTICLES or (pl in self.titles and prev.isalpha()):
                    k -= 1
                elif prev == "." and k - 2 >= lo and p.is_abbreviation_dot(k - 1):
                    k -= 2  # 'Sen. Marco Rubio', 'John F. Kennedy'
                else:
                    break
            while k < j and lows[k] in CAPITAL_STOPWORDS:
                k += 1
            while k < j and toks[k][0].islower() and lows[k] not in NAME_PARTICLES:
                k += 1
            if k - 1 >= lo and lows[k - 1] in _NAME_DETERMINERS:
                k -= 1
            return (k, j, "name")
        if not first.isalnum() or first.isupper() or low in _NOT_DESCRIPTION or low in self.verbs:
            return None
        if low in AUX_ADVERBS or not _is_wordish(tok):
            return None
        # a description: 'the senator', 'Clinton’s campaign', 'the 43-year-old', 'officials'
        k = j
        while k - 1 >= lo and j - k < 5:
            prev = toks[k - 1]
            pl = lows[k - 1]
            if pl in DETERMINERS:
                return (k - 1, j, "desc")
            if prev in SPECIAL:
                break
            if prev[0].isupper() and pl not in CAPITAL_STOPWORDS:
                k -= 1
                continue
            if _is_wordish(prev) and not prev[0].isupper() and pl not in _NOT_DESCRIPTION and pl not in self.verbs:
                if pl in AUX_ADVERBS or pl.endswith("ly"):
                    break
                if pl.endswith("ed") and k - 2 >= lo and toks[k - 2][0].isupper():
                    break  # 'Obama rebuked critics': a name and its verb, not a description
                k -= 1
                continue
            break
        if toks[k][0].isupper() or self.namer.is_role(low):
            return (k, j, "desc")
        return None

    def _is_noun_use(self, p: ParaTokens, k: int) -> bool:
        """'his claims', 'Trump’s remarks': a speech verb form used as a noun after a possessive."""
        if k == 0:
            return False
        prev = p.lows[k - 1]
        if prev in _POSSESSIVE_DETERMINERS or prev in _NOUN_DETERMINERS or prev.endswith(("’s", "'s")):
            return True
        # 'a Trump-style retort': an article, a modifier, then the verb form
        return k >= 2 and p.lows[k - 2] in _NOUN_DETERMINERS and "-" in p.toks[k - 1]

    def _is_modifier(self, p: ParaTokens, m: int) -> bool:
        """A lowercase word that can sit inside a noun phrase (not a function word or a speech verb)."""
        tok = p.toks[m]
        low = p.lows[m]
        return (
            tok[0].islower()
            and _is_wordish(tok)
            and low not in _NOT_DESCRIPTION
            and low not in self.verbs
            and low not in AUX_ADVERBS
            and not low.endswith("ing")
        )

    def _speaks(self, p: ParaTokens, found: tuple[int, int, str]) -> bool:
        """Can this noun phrase be credited with speech: a pronoun, a name, or a description headed by a noun
        that speaks ('the senator', 'officials', 'the firm', 'the report'; not 'the cost', 'the past')?

        A single capitalised word opening its sentence is a name unless the article also writes it in
        lowercase and never capitalised inside a sentence ('More than 600 people ...', 'Third generation').
        """
        first, last, kind = found
        if kind == "pronoun" or (kind == "name" and first != last):
            return True
        toks = p.toks
        lows = p.lows
        if kind == "desc":
            # some word of the phrase before its prepositional phrase or relative clause can speak: 'a source
            # involved in the talks', 'the paper's editorial board', 'an industry lobbyist who spoke'; or is
            # a capitalised word ('the Trump campaign')
            if first == last and lows[first] in _QUANTIFIERS:
                return True  # 'said one of those advisers', 'many are calling it'
            for i in range(first, last + 1):
                low = lows[i]
                if i > first and (low in _PP_LINKS or low in _RELATIVES):
                    break
                if toks[i][0].isupper():
                    if low not in CAPITAL_STOPWORDS and low not in DETERMINERS:
                        return True
                elif low in self.nouns or self.namer.noun_like(strip_possessive(low)):
                    return True
            return False
        if first == last and (first == 0 or toks[first - 1] in _STARTERS or self._ends_at(p, first - 1)):
            word = toks[first]
            if word.isalpha() and self.namer.noun_info(lows[first]) is None:
                return not _common_word(p.text, word)
        return True

    def _skip_adverbs(self, p: ParaTokens, j: int, lo: int) -> int:
        """Index of the first token left of j that is not an auxiliary, adverb or 'on Tuesday'."""
        toks = p.toks
        lows = p.lows
        while j >= lo:
            low = lows[j]
            tok = toks[j]
            if (low in AUX_ADVERBS and tok.islower()) or (low.endswith("ly") and tok.islower() and len(low) > 4):
                j -= 1  # not 'May' in 'Theresa May said'

            elif low in WEEKDAYS:
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
