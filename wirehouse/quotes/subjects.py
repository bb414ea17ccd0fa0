"""The subject of a speech verb: before it ('X said'), after it ('said X'), or of the whole sentence.

A part of `RuleAttributor` (`attribution.py`): its methods read the attributor's lexicon and call the other parts.
"""

from __future__ import annotations

from wirehouse.compiled import trait
from wirehouse.quotes.common import _DASHES_ONLY, _DATELINE_DASHES, _LEFT_MARKS, _STARTERS, _STOPS, _is_possessive_name
from wirehouse.quotes.model import Mention, MentionKind
from wirehouse.quotes.tokens import (
    CLOSE,
    CLOSERS,
    OPEN,
    REACH,
    SPECIAL,
    ParaTokens,
    at_or_before,
)


@trait
class Subjects:
    def _subject_before(self, p: ParaTokens, v: int, lo: int) -> Mention | None:
        """Subject of the verb at token v, looking left: 'Trump (also) said', 'X, the Y of Z, said'.

        Only a phrase that can speak is a subject (`_speaks`). A noun phrase after a preposition is not one:
        'China has in the past said' skips 'in the past'. A role right after a name and a comma is the
        name's appositive: 'Rhodri Glyn Thomas, Plaid Cymru health spokesman said' -> the name.
        """
        j = self._skip_adverbs(p, v - 1, lo)
        if j < lo:
            return None
        if p.toks[j] in _LEFT_MARKS or p.lows[j] in self.words.relative_pronouns:
            found = self._subject_left(p, v, lo)
        else:
            found = self._np_ending(p, j, lo)  # the common case, as in `_subject_left`
            if found is None and p.lows[j] not in self.words.coordinators:
                found = self._subject_left(p, v, lo)
        if found is None:
            return None
        first, last, kind = found
        if kind == MentionKind.PRONOUN or (kind == MentionKind.NAME and last > first):
            return found  # 'he said', 'John Smith said'
        return self._checked(p, found, lo)

    def _checked(self, p: ParaTokens, found: Mention, lo: int) -> Mention | None:
        """`_subject_before`'s checks of a found subject: see there."""
        first = found[0]
        if (
            first - 2 >= lo
            and p.lows[first - 1] in self.words.skipped_prepositions
            and found.kind == MentionKind.DESC
            and p.lows[first - 2] in self.words.aux_adverbs
        ):
            retry = self._subject_left(p, first - 1, lo)  # 'has in the past said': 'in' stands for the verb
            if retry is not None and self._speaks(p, retry):
                return retry
        if not self._speaks(p, found):
            if first - 2 >= lo and p.lows[first - 1] in self.words.prepositions:
                # 'she and other Democrats on the stage refused to say': the phrase before the preposition
                head = self._np_ending(p, first - 2, lo)
                if head is not None and self._speaks(p, head):
                    return head
            # 'the wake of a Law Commission report which branded ...': the phrase after 'of' may speak
            core = self._np_core(p, found[1], lo)
            if core is None or core[0] <= first or p.lows[core[0] - 1] != "of" or not self._speaks(p, core):
                return None
            return core
        if (
            first - 2 >= lo
            and p.toks[first - 1] == ","
            and found.kind == MentionKind.DESC
            and self.namer.is_role(p.lows[found.last])
        ):
            name = self._np_ending(p, first - 2, lo)
            if (
                name is not None
                and name.kind == MentionKind.NAME
                and name.last > name.first
                and not self._title_like(p, name)
            ):
                start = name.first
                if start == lo or p.toks[start - 1] in _STARTERS or self._ends_at(p, start - 1):
                    return name
        return found

    def _subject_left(self, p: ParaTokens, v: int, lo: int) -> Mention | None:
        toks = p.toks
        lows = p.lows
        j = self._skip_adverbs(p, v - 1, lo)
        if j < lo:
            return None
        tok = toks[j]
        if tok in _DASHES_ONLY:
            return self._before_dashes(p, j, lo)
        if tok == "," and j - 1 >= lo and toks[j - 1] == ")":
            j -= 1
            tok = ")"
        if tok == ",":
            return self._appositive(p, j, lo)
        if tok == ")":
            # 'Sen. Lindsey Graham (R-S.C.) said'
            k = j - 1
            while k >= lo and j - k < 8 and toks[k] != "(":
                k -= 1
            if k >= lo and toks[k] == "(":
                return self._np_ending(p, k - 1, lo)
            return None
        if lows[j] in self.words.relative_pronouns and j - 1 >= lo:
            k = j - 1
            while k > lo and toks[k] in _LEFT_MARKS and toks[k] != ")":
                k -= 1  # 'Beck, who said', 'The IAAF - which said'; '--' is two tokens
            return self._np_ending(p, self._before_brackets(p, k, lo), lo)  # 'the Forum (MMF), who say
        found = self._np_ending(p, j, lo)
        if found is not None or lows[j] in self.words.coordinators:
            return found
        # 'a White House official who spoke anonymously to discuss strategy said'
        k = j - 1
        while k > lo and j - k < 15:
            tok = toks[k]
            if tok in SPECIAL or tok in (",", ";", ":") or (toks[k] in _STOPS and p.ends_sentence(k)):
                return None
            if lows[k] == "who":
                return self._np_ending(p, k - 1, lo)
            k -= 1
        return None

    def _before_dashes(self, p: ParaTokens, j: int, lo: int) -> Mention | None:
        """'Lord Bingham - a senior law lord - said': the subject before the phrase between dashes ending at j."""
        toks = p.toks
        lows = p.lows
        while j - 1 >= lo and toks[j - 1] in _DASHES_ONLY:
            j -= 1  # '--' is two tokens
        k = j - 1
        while k > lo and j - k < 25 and toks[k] not in _DASHES_ONLY:
            if toks[k] in SPECIAL or self._ends_at(p, k):
                return None
            k -= 1
        if k > lo and toks[k] in _DASHES_ONLY:
            while k - 1 > lo and toks[k - 1] in _DASHES_ONLY:
                k -= 1
            found = self._subject_left(p, k, lo)
            if (
                found is not None
                and found.kind != MentionKind.PRONOUN
                and found[0] > lo
                and (toks[found[0] - 1] == "," or lows[found[0] - 1] in self.words.pp_links)
            ):
                # 'X, managing director, of Y - a company - told': the name opening the clause
                c = found[0] - 1
                while c > lo and toks[c - 1] not in _STARTERS and not self._ends_at(p, c - 1):
                    c -= 1
                opener = self._subject_right(p, c, k)
                if opener is not None and opener.kind == MentionKind.NAME and toks[opener[1] + 1] == ",":
                    return opener
            return found
        return None

    def _appositive(self, p: ParaTokens, j: int, lo: int) -> Mention | None:
        """'X, the Y of Z, said': skip back over comma-enclosed phrases to the noun phrase before them.

        Several commas may sit inside the phrase ("Anne Richards, assistant secretary for population,
        refugees, and migration, said"), so each comma is tried, nearest first, for a name; a role
        description ("An Israeli official, speaking on condition of anonymity, said") is the fallback,
        and an appositive that is itself a name wins over the role before it ("Ryan’s spokeswoman,
        AshLee Strong, said").
        """
        toks = p.toks
        k = j - 1
        steps = 0
        inner_end = j - 1
        fallback = nearest = None
        while k >= lo and steps < 30:
            tok = toks[k]
            if tok == CLOSE and k - 2 > lo and toks[k - 2] == OPEN and p.text[p.start_of(k - 1)].isupper():
                k -= 3  # a quoted name inside the appositive: 'X, wearing "Ted Cruz" campaign pins, said'
                continue
            if tok in SPECIAL or (toks[k] in _STOPS and p.ends_sentence(k)) or tok in (";", ":"):
                break
            if tok == ")":
                while k > lo and toks[k] != "(":
                    k -= 1
            elif tok == ",":
                if k == inner_end:
                    break
                c = k - 1
                if c > lo and toks[c] == ")":
                    while c > lo and toks[c] != "(":
                        c -= 1
                    c -= 1
                found = self._np_ending(p, c, lo)
                if found is not None:
                    inner = self._np_core(p, inner_end, k + 1)
                    if (
                        inner is not None
                        and inner.kind == MentionKind.NAME
                        and inner[0] == k + 1
                        and inner[1] > inner[0]
                        and self._title_like(p, found)
                    ):
                        # 'The Shadow Secretary of State for the Family, Theresa May, said': the name inside
                        return inner
                    if found.kind != MentionKind.DESC:
                        start = found[0]
                        if start == lo or toks[start - 1] in _STARTERS or self._ends_at(p, start - 1):
                            return found  # the sentence's own subject: 'Clinton, in Columbus, Ohio, said'
                        nearest = nearest or found
                        inner_end = k - 1
                        k -= 1
                        steps += 1
                        continue
                    if fallback is None and self.namer.is_role(p.lows[found[1]]):
                        fallback = found
                inner_end = k - 1
            k -= 1
            steps += 1
        return nearest or fallback

    def _title_like(self, p: ParaTokens, found: Mention) -> bool:
        """Is this noun phrase a role rather than a person: a description, 'the ...', a title, or an object?"""
        first, last, kind = found
        if kind == MentionKind.DESC or p.lows[first] == "the":
            return True
        if first > 0 and p.lows[first - 1] in self.words.object_markers:
            return True  # '... of State for the Family'
        return any(p.lows[i] in self.titles for i in range(first, last + 1))

    def _ends_at(self, p: ParaTokens, k: int) -> bool:
        """Does a sentence end at token k?"""
        return p.toks[k] in _STOPS and p.ends_sentence(k)

    def _is_passive(self, p: ParaTokens, v: int) -> bool:
        """Is the speech verb at v a passive participle: 'is (widely) said', 'can be added', 'was told'?"""
        if not v:
            return False
        lows = p.lows
        prev = lows[v - 1]
        if prev in self.words.be_forms:
            return not lows[v].endswith("ing") and p.toks[v][0].islower()
        if prev not in self.words.passive_adverbs and not prev.endswith("ly"):
            return False  # the common case: a name or a noun before the verb
        k = v - 1
        while k >= 0 and (lows[k] in self.words.passive_adverbs or (lows[k].endswith("ly") and len(lows[k]) > 3)):
            k -= 1
        return k >= 0 and lows[k] in self.words.be_forms and not lows[v].endswith("ing") and p.toks[v][0].islower()

    def _subject_starts(self, p: ParaTokens, v: int, clause: bool) -> list[int]:
        """Where `_sentence_subject` looks for the subject of the sentence holding token v, in order."""
        toks = p.toks
        lows = p.lows
        k = max(v - 1, 0)
        lo = max(0, v - REACH)
        if k > lo:
            k = max(lo, at_or_before(p.ends(), k - 1) + 1)  # the sentence's first token, or REACH tokens back
            while k + 1 < v and toks[k] in CLOSERS:
                k += 1  # the closing mark of a quote that ended the sentence before: 'called the lines
                # "unacceptable." Phoenix Mayor Greg Stanton wrote a letter to X asking ...'
        starts: list[int] = []
        if clause:
            for c in range(v - 1, k, -1):
                low = lows[c]
                if low in self.words.clause_openers or toks[c] in (";", "—", "–"):
                    starts.append(c + 1)
                    break
        if (
            k + 1 < v
            and lows[k] in self.words.conjunctions
            and toks[k + 1][0].isupper()
            and lows[k + 1] not in self.words.capital_stopwords
        ):
            k += 1  # 'But Sir Bernard Ingham, Margaret Thatcher's former press secretary, took ...'
        intro = (
            lows[k] in self.words.capital_stopwords
            and lows[k] not in self.words.pronouns
            and lows[k] not in self.words.determiners
        ) or (k + 1 < v and self._adverbial_opener(p, k))
        if (
            not intro
            and k + 1 < v
            and (lows[k] in self.verbs or (lows[k].endswith("ing") and toks[k + 1][0].islower()))
        ):
            intro = True  # 'Walking into the office to chants, the senator said ...'
        if intro:
            for c in range(k, v):
                if toks[c] == "," and c + 1 < v:
                    # a comma inside a quote's marks ends it too: 'After saying her foot was “so swollen ...,” she was'
                    starts.append(c + 2 if toks[c + 1] == CLOSE and c + 2 < v else c + 1)
            if k + 1 < v and lows[k + 1] in self.words.subject_pronouns and toks[k][0].isupper():
                starts.append(k + 1)  # an adverb and no comma: 'Then he cut into Bush, calling him a "stiff"'
        else:
            starts.append(k)
        for c in range(k, min(v, k + 8)):
            if toks[c] in _DATELINE_DASHES and c + 1 < v:
                starts.append(c + 1)  # 'MOSCOW - ...', 'Washington (AFP) – ...'
                break
        return starts

    def _adverbial_opener(self, p: ParaTokens, k: int) -> bool:
        """Does the sentence open at token k with an adverbial, not with its subject? A preposition ('Outside the
        sports arena in downtown Washington, about 200 protesters ...') or an '-ly' word before a comma or a
        preposition ('Domestically, Trump's row ...', 'Early in his campaign, Trump attacked ...'), or a time before
        a comma ('Thirteen years earlier, she had voted')."""
        low = p.lows[k]
        if low in self.words.prepositions:
            return True
        for c in range(k + 1, min(k + 5, len(p.toks) - 1)):
            if p.toks[c] == ",":
                if p.lows[c - 1] in self.words.time_openers:
                    return True  # 'Thirteen years earlier, she had voted', 'Two weeks ago, Trump said'
                break
        nxt = p.lows[k + 1]
        return (
            low.endswith("ly")
            and len(low) > 4
            and (nxt == "," or nxt in self.words.prepositions or nxt in self.words.object_markers)
        )

    def _sentence_subject(self, p: ParaTokens, v: int, clause: bool = False) -> Mention | None:
        """The subject of the sentence holding token v (for 'X did Y, saying "..."').

        The first noun phrase of the sentence, or of a later comma-separated stretch when the sentence opens
        with an adverbial ('In an August speech, Trump attacked "..."') or a dateline ('Washington (AFP) -').
        With `clause`, the nearest clause opened by 'but', 'while', a semicolon or a dash comes first
        ('Clinton proposed a debate - but the Sanders campaign rejected it as "ludicrous"').
        """
        toks = p.toks
        lows = p.lows
        starts = self._subject_starts(p, v, clause)
        fallback = None
        for j in starts[:4]:
            found = self._subject_after(p, j, v)
            if found is None or (
                found.kind == MentionKind.DESC
                and lows[j] not in self.words.articles
                and lows[j] not in self.words.quantifiers  # 'In August, several environmental groups ...'
                and not _is_possessive_name(toks[j])
                and not (toks[j][0].isupper() and lows[j] not in self.words.subject_determiners)
            ):
                continue
            nxt = found[1] + 1
            if nxt < v and (toks[nxt] in SPECIAL or toks[nxt] in _DATELINE_DASHES):
                continue
            if nxt + 3 < v and toks[nxt] == "(" and toks[nxt + 2] == ")" and toks[nxt + 3] in _DATELINE_DASHES:
                continue  # 'Washington (AFP) – ...'

            if found.kind == MentionKind.NAME and toks[found[1]].isupper() and len(toks[found[1]]) > 3:
                continue  # an all-capitals dateline: 'LA CROSSE, Wisc.'
            if nxt < v and not toks[nxt][0].islower():
                # 'Speaking in Salem, New Hampshire, Trump went after Bush': a subject is followed by its verb
                fallback = fallback or found
                continue
            return found
        return fallback
