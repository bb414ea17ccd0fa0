"""The subject placed after its speech verb ('said Sen. John McCain'), and what may follow a verb after a quote.

A part of `RuleAttributor` (`attribution.py`): its methods read the attributor's lexicon and call the other parts.
"""

from __future__ import annotations

from bisect import bisect_left

from wirehouse.compiled import trait
from wirehouse.quotes.common import (
    _DATELINE_DASHES,
    _STOPS,
    _is_wordish,
)
from wirehouse.quotes.model import Attribution, Found, Mention, MentionKind, Rule
from wirehouse.quotes.name_core import strip_possessive
from wirehouse.quotes.tokens import (
    CLOSE,
    CUT,
    OPEN,
    REACH,
    SENTENCE_END,
    SPECIAL,
    ParaTokens,
    at_or_before,
)


@trait
class SubjectsAfter:
    def _share_subject(self, p: ParaTokens, v: int) -> Found | None:
        """A share of people as the subject of the speech verb at v: '31% of Republicans and Republican-leaning
        voters said', 'About four in 10 said', 'most said', '49%, say'. A poll named before it in the sentence
        speaks for it: 'In a national CNN/ORC poll released Monday, 31% of Republicans ... said they were
        "extremely enthusiastic"', 'The Q poll also finds that, while 37 percent of Americans say Trump is "very
        responsible"' (the dev set credits the poll for all 6 such quotes, and the share where no poll is named
        in its sentence: 'About four in 10', 'most', 'Just shy of half, 49%,')."""
        cues = p.positions("share", self._share_cues)
        at = bisect_left(cues, v - 14)
        if at == len(cues) or cues[at] >= v:
            return None  # the common case: no share word near the verb
        toks = p.toks
        lows = p.lows
        words = self.words
        j = self._skip_adverbs(p, v - 1, 0)
        if j >= 1 and toks[j] == "," and lows[j - 1] in words.share_words:
            j -= 1  # 'Just shy of half, 49%, say'
        if (
            j < 0
            or not (_is_wordish(toks[j]) or toks[j] == "%")
            or lows[j] in words.pronouns
            or lows[j] in words.coordinators
        ):
            return None  # 'shares rose 6% after it said', 'a loss in the first half and said'
        # the subject runs back to a mark, a verb or a clause opener; a share opens it: '31 % of Republicans'
        s = j
        while s > 0 and j - s < 12:
            low = lows[s - 1]
            if not (_is_wordish(toks[s - 1]) or low == "%") or low in self.verbs or low in words.clause_openers:
                break
            if low in words.relatives and low != "in":  # 'finds that 37 percent say', 'voters who'
                break
            s -= 1
        share = -1
        for k in range(s, min(j, s + 4) + 1):
            low = lows[k]
            if low in words.share_words or (
                low == "in" and s < k < j and self._number_at(p, k - 1) and self._number_at(p, k + 1)
            ):
                share = k
                break
        if share < 0 or (share < j and self.namer.title_word(toks[share + 1])):
            return None  # 'majority leader Robert Byrd said'
        if share > s and self._number_at(p, share - 1):
            share -= 1  # '31 %', 'four in 10', '25 percent'
        if any(lows[k] not in words.share_hedges for k in range(s, share)):
            return None  # 'He spent most of his hours ...': the share is no subject
        mention = Mention(s, j, MentionKind.DESC)
        poll = self._poll_before(p, s)
        if poll is not None:
            return Found.of(p, poll, toks[v], Attribution.EXPLICIT, Rule.POLL_SOURCE)
        return Found.of(p, mention, toks[v], Attribution.EXPLICIT, Rule.SHARE_SUBJECT)

    def _outer_speaker(self, p: ParaTokens, inner: Found, v: int, q: int, lo: int) -> Found | None:
        """The speaker reporting a clause whose own speech verb comes before the quote: 'Rep. Steve Israel said
        Clinton called on members to be "closely coordinated"', 'Trump said Fox executives were calling "every 15
        minutes"', 'after CNBC's Becky Quick said the front-runner had referred to Rubio as the "personal senator"'
        (the annotated news credits the one who reports: 3 of the dev set's quotes, none the other way). Not for
        a pronoun ('X said he called it "..."'), a relative clause after a comma ('said Beck, who said ...'), an
        inverted verb ('said Mr Burke'), or a quote introduced after a comma or colon ('Y told Z: "..."')."""
        f = inner.first
        if (
            f > v
            or inner.kind == MentionKind.PRONOUN
            or (inner.stand_in > 0 and p.toks[inner.stand_in - 1] == ",")
            or p.toks[q - 2] in (",", ":")
        ):
            return None
        k = f - 1
        if k >= lo and p.lows[k] in self.words.relatives:  # 'said that'
            k -= 1
        k = self._skip_adverbs(p, k, lo)
        if k < lo or p.lows[k] not in self.words.reporting_forms:
            return None
        outer = self._for_verb(p, k, 1)
        if outer is not None:
            outer.rule = Rule.OUTER_SUBJECT
        return outer

    def _after_opener(self, p: ParaTokens, v: int) -> Mention | None:
        """The main clause's subject, for a participle at v after a link opening its sentence: 'After saying her
        right foot was "so swollen I could barely get my shoe on," she was "whisked ..."', 'While saying that
        outsourcing pits "worker against worker" ..., the document falls short of ...'. A comma inside a quote's
        marks ends the opening phrase, as American news writes it."""
        toks = p.toks
        n = len(toks)
        if v < 1 or v - 1 != at_or_before(p.ends(), v - 2) + 1:
            return None  # the link does not open the sentence
        for c in range(v + 1, min(n - 1, v + REACH)):
            if toks[c] in _STOPS and p.ends_sentence(c):
                return None
            if toks[c] == ",":
                c += 2 if toks[c + 1] == CLOSE else 1
                subject = self._subject_after(p, c, min(n, c + 10))
                after = subject.last + 1 if subject is not None else n
                return subject if after < n and toks[after][:1].islower() else None
        return None

    def _excerpt_source(self, p: ParaTokens, found: Mention) -> Mention | None:
        """The source after a 'From' (or 'More from') opening a clause, before a colon and a quote: 'From the report:
        "..."', "From Bush's Facebook post: "..."", '- More from Blumenthal and Cohen: "..."' (the annotated news
        credits the source for all 3 such quotes of the dev set); `found` is the phrase before the colon."""
        toks = p.toks
        lows = p.lows
        m = found.first - 1
        if found.kind == MentionKind.PRONOUN:
            return None
        while m > 0 and found.first - m < 6 and lows[m] in self.words.name_conjunctions and toks[m - 1][:1].isupper():
            m -= 2  # 'Blumenthal and Cohen'
        if m < 0 or lows[m] != "from":
            return None
        start = m + 1
        if m >= 1 and toks[m - 1][:1].isupper():
            m -= 1  # a word opening the clause: 'More from ...', 'Excerpts from ...'
        if m == 0 or toks[m - 1] in _DATELINE_DASHES or self._ends_at(p, m - 1):
            return Mention(start, found.last, found.kind)
        return None

    def _number_at(self, p: ParaTokens, k: int) -> bool:
        return p.toks[k].isdigit() or p.lows[k] in self.words.number_words

    def _poll_before(self, p: ParaTokens, k: int) -> Mention | None:
        """The poll named in the sentence before token k: 'a national CNN/ORC poll', 'The Q poll'."""
        lo = max(at_or_before(p.ends(), k - 1) + 1, k - REACH)
        for m in range(k - 1, lo - 1, -1):
            if p.lows[m] in self.words.poll_nouns:
                found = self._np_ending(p, m, lo)
                return found if found is not None else Mention(m, m, MentionKind.DESC)
        return None

    def _subject_after(self, p: ParaTokens, j: int, hi: int) -> Mention | None:
        """Subject placed after its verb, if it can speak (`_speaks`)."""
        found = self._subject_right(p, j, hi)
        if found is None or self._speaks(p, found):
            return found
        if found[0] == found[1] and found.kind == MentionKind.NAME:
            # 'Federal labor organizations have ...': a capitalised adjective opening a description
            k = found[1] + 1
            while k < hi and self._is_modifier(p, k):
                k += 1
            for m in range(k - 1, found[1], -1):
                if self.namer.noun_like(strip_possessive(p.lows[m])):
                    return Mention(found[0], m, MentionKind.DESC)
        return None

    def _subject_right(self, p: ParaTokens, j: int, hi: int) -> Mention | None:
        """Subject placed after its verb: 'said Sen. John McCain', 'said pollster Frank Luntz', 'said he'. The run
        of words stops at punctuation, a function word, a verb or a verb's object (`_object_after`); it is a name if
        it ends with a capitalised word, else a description that must start with a determiner or a possessive or
        end with a role noun ('said a former official', 'said officials')."""
        if j >= hi:
            return None
        toks = p.toks
        lows = p.lows
        tok = toks[j]
        if tok in SPECIAL:
            return None
        if self._pronoun_at(p, j, self.words.subject_pronouns):
            return Mention(j, j, MentionKind.PRONOUN)
        k = j
        last_cap = -1
        and_at = -1
        while k < hi and k - j < 10:
            t = toks[k]
            lk = lows[k]
            if t == "." and k > j and p.is_abbreviation_dot(k):
                k += 1  # 'said Sen. John McCain'
                continue
            if t in SPECIAL or not t[0].isalnum():
                break
            if t[0].isupper():
                if lk in self.words.capital_stopwords and not (k == j and lk in self.words.subject_determiners):
                    break
                if lk in self.verbs and k > j:
                    break
                if not (k == j and lk in self.words.subject_determiners):
                    last_cap = k  # 'The', 'Some' opening the run are not names
            else:
                if last_cap >= 0 and lk == "and" and k + 1 < hi and self._name_word(p, k + 1):
                    and_at = k  # 'J.P. Morgan and Co Inc chairman Lewis Preston', if a role follows
                    k += 1
                    continue
                if last_cap >= 0 and lk not in self.words.name_particles:
                    k, more = self._after_name(p, j, k, hi, last_cap)
                    if more:
                        continue
                    break
                if lk == "and" and k > j and self.namer.is_role(lows[k - 1]):
                    # 'his friend and fellow broadcaster Michael Pointon'
                    m = k + 1
                    while m < hi and m - k < 5 and self._is_modifier(p, m):
                        m += 1
                    if k + 1 < m < hi and self._name_word(p, m):
                        k = m
                        continue
                if (
                    lk in self.words.not_description or lk in self.words.aux_adverbs or lk in self.words.weekdays
                ) and not (k == j and lk in self.words.subject_determiners):
                    break
                if lk in self.verbs or not _is_wordish(t):
                    break
                if lk.endswith("ed") and k > j and lows[k - 1] in self.nouns:
                    break  # 'The agency declined to ...': the verb after the noun that speaks
                if lk in self.words.articles and last_cap < 0 and (end := self._object_after(p, j, k)) >= 0:
                    return self._right_mention(p, j, end, last_cap, and_at)
            k += 1
        return self._right_mention(p, j, k, last_cap, and_at)

    def _object_after(self, p: ParaTokens, j: int, k: int) -> int:
        """Where a description that `_subject_right` reads from j ends when the article at k opens the object of a
        verb right after its noun ('The campaign sent an email', 'His office put out a statement', 'said another
        official following an assessment'): after that noun, or -1 if the article does not ('the head of the
        party', 'the chairman and the president')."""
        lows = p.lows
        words = self.words
        before = lows[k - 1]
        if k - 2 <= j or before in words.pp_links or before in words.prepositions or before in words.coordinators:
            return -1
        if before in words.skipped_prepositions:
            return -1
        noun = next((m for m in (k - 2, k - 3) if m > j and lows[m] in self.nouns), -1)
        return noun + 1 if noun >= 0 else -1

    def _after_name(self, p: ParaTokens, j: int, k: int, hi: int, last_cap: int) -> tuple[int, bool]:
        """`_subject_right` at a lowercase word k after a name: where the run goes on, and whether it does.

        After a name, lowercase words continue the subject only as a role before another name ('Rubio
        spokesman Alex Conant') or after a possessive ("Ryan’s campaign"); else the name has ended ('Clinton
        celebrated').
        """
        toks = p.toks
        lows = p.lows
        lk = lows[k]
        m = k
        while m < hi and m - k < 5 and self._is_modifier(p, m):
            if lows[m].endswith(("ed", "s")) and not self.namer.is_role(lows[m]):
                break  # 'Kasich bemoaned America's', 'Trump attacks Clinton'
            m += 1
        if (
            k < m < hi
            and toks[m][0].isupper()
            and toks[m] not in SPECIAL
            and lows[m] not in self.words.capital_stopwords
            and lows[m] not in self.verbs
        ):
            return m, True
        if toks[last_cap].endswith(("’s", "'s")) or self.namer.is_role(lk):
            # 'Nortel president and chief executive Bill Owens': roles, then maybe the name
            while (
                k < hi
                and k - j < 10
                and (
                    self.namer.is_role(lows[k]) or (lows[k] == "and" and k + 1 < hi and self.namer.is_role(lows[k + 1]))
                )
            ):
                k += 1
            if k > j and k < hi and self.namer.is_role(lows[k - 1]) and self._name_word(p, k):
                return k, True
        return k, False

    def _right_mention(self, p: ParaTokens, j: int, k: int, last_cap: int, and_at: int) -> Mention | None:
        """The mention of the run j..k-1 that `_subject_right` read: a name, a description or none."""
        toks = p.toks
        lows = p.lows
        heads = self.lex.title_heads
        if and_at >= 0 and not any(
            (toks[m].islower() and self.namer.is_role(lows[m])) or lows[m] in heads or toks[m].endswith(("’s", "'s"))
            for m in range(and_at + 1, k)
        ):
            # 'Mr Magnier and Mr McManus', 'Tories and Lib Dems': two speakers; the first is credited
            k = and_at
            last_cap = max((m for m in range(j, k) if toks[m][0].isupper()), default=-1)
        if k == j:
            return None
        end = k - 1
        if last_cap == end:
            return Mention(j, end, MentionKind.NAME)
        if lows[j] in self.words.subject_determiners or toks[j][0].isupper() or self.namer.is_role(lows[end]):
            return Mention(j, end, MentionKind.DESC)
        return None

    def _tail_ok(self, p: ParaTokens, v: int) -> bool:
        """After a quote that ended its sentence, 'X said' attributes it only if nothing clause-like follows."""
        toks = p.toks
        lows = p.lows
        n = len(toks)
        j = v + 1
        if lows[v] in self.lex.listener_verbs:
            # skip the listener: 'told reporters', 'told The Associated Press'
            while j < n and j - v <= 5 and toks[j] not in SPECIAL and toks[j].isalpha():
                if lows[j] in self.words.tail_ok and j > v + 1:
                    break
                j += 1
        if j >= n:
            return True
        tok = toks[j]
        if lows[j] == "to":
            # 'replied to him that ...': a listener, then a clause of its own
            for k in range(j + 1, min(n, j + 5)):
                if lows[k] == "that" or toks[k] == OPEN:
                    return False
                if toks[k] in SPECIAL or not toks[k][0].isalnum():
                    break
        return tok in SENTENCE_END or tok in (",", ";", CUT) or lows[j] in self.words.tail_ok

    def _name_word(self, p: ParaTokens, k: int) -> bool:
        """A capitalised word that can be part of a name (not 'The', 'On', a speech verb or a mark)."""
        tok = p.toks[k]
        return (
            tok[0].isupper()
            and tok not in SPECIAL
            and p.lows[k] not in self.words.capital_stopwords
            and p.lows[k] not in self.verbs
        )
