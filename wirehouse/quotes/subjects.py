"""The subject of a speech verb: before it ('X said'), after it ('said X'), or of the whole sentence.

A part of `RuleAttributor` (`attribution.py`): its methods read the attributor's lexicon and call the other parts.
"""

from __future__ import annotations

from wirehouse.compiled import trait
from wirehouse.quotes.common import (
    _BE_FORMS,
    _CLAUSE_OPENERS,
    _COORDINATORS,
    _DASHES_ONLY,
    _DATELINE_DASHES,
    _LEFT_MARKS,
    _NOT_DESCRIPTION,
    _OBJECT_MARKERS,
    _PASSIVE_ADVERBS,
    _PP_LINKS,
    _PREPOSITIONS,
    _SKIPPED_PREPOSITIONS,
    _STARTERS,
    _STOPS,
    _SUBJECT_DETERMINERS,
    _SUBJECT_PRONOUNS,
    _TAIL_OK,
    WEEKDAYS,
    _is_possessive_name,
    _is_wordish,
)
from wirehouse.quotes.lexicon import (
    AUX_ADVERBS,
    CAPITAL_STOPWORDS,
    CONJUNCTIONS,
    DETERMINERS,
    NAME_PARTICLES,
    PRONOUNS,
)
from wirehouse.quotes.speakers import strip_possessive
from wirehouse.quotes.tokens import (
    CUT,
    OPEN,
    REACH,
    SENTENCE_END,
    SPECIAL,
    ParaTokens,
    at_or_before,
)


@trait
class Subjects:
    def _subject_before(self, p: ParaTokens, v: int, lo: int) -> tuple[int, int, str] | None:
        """Subject of the verb at token v, looking left: 'Trump (also) said', 'X, the Y of Z, said'.

        Only a phrase that can speak is a subject (`_speaks`). A noun phrase after a preposition is not one:
        'China has in the past said' skips 'in the past'. A role right after a name and a comma is the
        name's appositive: 'Rhodri Glyn Thomas, Plaid Cymru health spokesman said' -> the name.
        """
        j = self._skip_adverbs(p, v - 1, lo)
        if j < lo:
            return None
        if p.toks[j] in _LEFT_MARKS or p.lows[j] in ("who", "which"):
            found = self._subject_left(p, v, lo)
        else:
            found = self._np_ending(p, j, lo)  # the common case, as in `_subject_left`
            if found is None and p.lows[j] not in _COORDINATORS:
                found = self._subject_left(p, v, lo)
        if found is None:
            return None
        first, last, kind = found
        if kind == "pronoun" or (kind == "name" and last > first):
            return found  # 'he said', 'John Smith said'
        return self._checked(p, found, lo)

    def _checked(self, p: ParaTokens, found: tuple[int, int, str], lo: int) -> tuple[int, int, str] | None:
        """`_subject_before`'s checks of a found subject: see there."""
        first = found[0]
        if (
            first - 2 >= lo
            and p.lows[first - 1] in _SKIPPED_PREPOSITIONS
            and found[2] == "desc"
            and p.lows[first - 2] in AUX_ADVERBS
        ):
            retry = self._subject_left(p, first - 1, lo)  # 'has in the past said': 'in' stands for the verb
            if retry is not None and self._speaks(p, retry):
                return retry
        if not self._speaks(p, found):
            if first - 2 >= lo and p.lows[first - 1] in _PREPOSITIONS:
                # 'she and other Democrats on the stage refused to say': the phrase before the preposition
                head = self._np_ending(p, first - 2, lo)
                if head is not None and self._speaks(p, head):
                    return head
            # 'the wake of a Law Commission report which branded ...': the phrase after 'of' may speak
            core = self._np_core(p, found[1], lo)
            if core is None or core[0] <= first or p.lows[core[0] - 1] != "of" or not self._speaks(p, core):
                return None
            return core
        if first - 2 >= lo and p.toks[first - 1] == "," and found[2] == "desc" and self.namer.is_role(p.lows[found[1]]):
            name = self._np_ending(p, first - 2, lo)
            if name is not None and name[2] == "name" and name[1] > name[0] and not self._title_like(p, name):
                start = name[0]
                if start == lo or p.toks[start - 1] in _STARTERS or self._ends_at(p, start - 1):
                    return name
        return found

    def _subject_left(self, p: ParaTokens, v: int, lo: int) -> tuple[int, int, str] | None:
        toks = p.toks
        lows = p.lows
        j = self._skip_adverbs(p, v - 1, lo)
        if j < lo:
            return None
        tok = toks[j]
        if tok in _DASHES_ONLY:
            # 'Lord Bingham - a senior law lord - said': the phrase before the opening dash
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
                    and found[2] != "pronoun"
                    and found[0] > lo
                    and (toks[found[0] - 1] == "," or lows[found[0] - 1] in _PP_LINKS)
                ):
                    # 'X, managing director, of Y - a company - told': the name opening the clause
                    c = found[0] - 1
                    while c > lo and toks[c - 1] not in _STARTERS and not self._ends_at(p, c - 1):
                        c -= 1
                    opener = self._subject_right(p, c, k)
                    if opener is not None and opener[2] == "name" and toks[opener[1] + 1] == ",":
                        return opener
                return found
            return None
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
        if lows[j] in ("who", "which") and j - 1 >= lo:
            k = j - 1
            if toks[k] == ",":
                k -= 1
            return self._np_ending(p, k, lo)
        found = self._np_ending(p, j, lo)
        if found is not None or lows[j] in _COORDINATORS:
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

    def _appositive(self, p: ParaTokens, j: int, lo: int) -> tuple[int, int, str] | None:
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
                        and inner[2] == "name"
                        and inner[0] == k + 1
                        and inner[1] > inner[0]
                        and self._title_like(p, found)
                    ):
                        # 'The Shadow Secretary of State for the Family, Theresa May, said': the name inside
                        return inner
                    if found[2] != "desc":
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

    def _title_like(self, p: ParaTokens, found: tuple[int, int, str]) -> bool:
        """Is this noun phrase a role rather than a person: a description, 'the ...', a title, or an object?"""
        first, last, kind = found
        if kind == "desc" or p.lows[first] == "the":
            return True
        if first > 0 and p.lows[first - 1] in _OBJECT_MARKERS:
            return True  # '... of State for the Family'
        return any(p.lows[i] in self.titles for i in range(first, last + 1))

    def _ends_at(self, p: ParaTokens, k: int) -> bool:
        """Does a sentence end at token k?"""
        return p.toks[k] in _STOPS and p.ends_sentence(k)

    def _subject_after(self, p: ParaTokens, j: int, hi: int) -> tuple[int, int, str] | None:
        """Subject placed after its verb, if it can speak (`_speaks`)."""
        found = self._subject_right(p, j, hi)
        if found is None or self._speaks(p, found):
            return found
        if found[0] == found[1] and found[2] == "name":
            # 'Federal labor organizations have ...': a capitalised adjective opening a description
            k = found[1] + 1
            while k < hi and self._is_modifier(p, k):
                k += 1
            for m in range(k - 1, found[1], -1):
                if self.namer.noun_like(strip_possessive(p.lows[m])):
                    return (found[0], m, "desc")
        return None

    def _subject_right(self, p: ParaTokens, j: int, hi: int) -> tuple[int, int, str] | None:
        """Subject placed after its verb: 'said Sen. John McCain', 'said pollster Frank Luntz', 'said he'.

        The run of words stops at punctuation, a function word or a verb; it is a name if it ends with a
        capitalised word, else a description that must start with a determiner or a possessive or end
        with a role noun ('said a former official', 'said officials').
        """
        if j >= hi:
            return None
        toks = p.toks
        lows = p.lows
        tok = toks[j]
        if tok in SPECIAL:
            return None
        low = lows[j]
        if low in _SUBJECT_PRONOUNS and (low != "i" or tok == "I"):
            return (j, j, "pronoun")
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
                if lk in CAPITAL_STOPWORDS and not (k == j and lk in _SUBJECT_DETERMINERS):
                    break
                if lk in self.verbs and k > j:
                    break
                if not (k == j and lk in _SUBJECT_DETERMINERS):
                    last_cap = k  # 'The', 'Some' opening the run are not names
            else:
                if last_cap >= 0 and lk == "and" and k + 1 < hi and self._name_word(p, k + 1):
                    and_at = k  # 'J.P. Morgan and Co Inc chairman Lewis Preston', if a role follows
                    k += 1
                    continue
                if last_cap >= 0 and lk not in NAME_PARTICLES:
                    # after a name, lowercase words continue the subject only as a role before another name
                    # ('Rubio spokesman Alex Conant') or after a possessive ("Ryan’s campaign"); else the
                    # name has ended ('Clinton celebrated')
                    m = k
                    while m < hi and m - k < 5 and self._is_modifier(p, m):
                        if lows[m].endswith(("ed", "s")) and not self.namer.is_role(lows[m]):
                            break  # 'Kasich bemoaned America's', 'Trump attacks Clinton'
                        m += 1
                    if (
                        k < m < hi
                        and toks[m][0].isupper()
                        and toks[m] not in SPECIAL
                        and lows[m] not in CAPITAL_STOPWORDS
                        and lows[m] not in self.verbs
                    ):
                        k = m
                        continue
                    if toks[last_cap].endswith(("’s", "'s")) or self.namer.is_role(lk):
                        # 'Nortel president and chief executive Bill Owens': roles, then maybe the name
                        while (
                            k < hi
                            and k - j < 10
                            and (
                                self.namer.is_role(lows[k])
                                or (lows[k] == "and" and k + 1 < hi and self.namer.is_role(lows[k + 1]))
                            )
                        ):
                            k += 1
                        if k > j and k < hi and self.namer.is_role(lows[k - 1]) and self._name_word(p, k):
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
                if (lk in _NOT_DESCRIPTION or lk in AUX_ADVERBS or lk in WEEKDAYS) and not (
                    k == j and lk in _SUBJECT_DETERMINERS
                ):
                    break
                if lk in self.verbs or not _is_wordish(t):
                    break
            k += 1
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
            return (j, end, "name")
        if lows[j] in _SUBJECT_DETERMINERS or toks[j][0].isupper() or self.namer.is_role(lows[end]):
            return (j, end, "desc")
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
                if lows[j] in _TAIL_OK and j > v + 1:
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
        return tok in SENTENCE_END or tok in (",", ";", CUT) or lows[j] in _TAIL_OK

    def _name_word(self, p: ParaTokens, k: int) -> bool:
        """A capitalised word that can be part of a name (not 'The', 'On', a speech verb or a mark)."""
        tok = p.toks[k]
        return (
            tok[0].isupper()
            and tok not in SPECIAL
            and p.lows[k] not in CAPITAL_STOPWORDS
            and p.lows[k] not in self.verbs
        )

    def _is_passive(self, p: ParaTokens, v: int) -> bool:
        """Is the speech verb at v a passive participle: 'is (widely) said', 'can be added', 'was told'?"""
        if not v:
            return False
        lows = p.lows
        prev = lows[v - 1]
        if prev in _BE_FORMS:
            return not lows[v].endswith("ing") and p.toks[v][0].islower()
        if prev not in _PASSIVE_ADVERBS and not prev.endswith("ly"):
            return False  # the common case: a name or a noun before the verb
        k = v - 1
        while k >= 0 and (lows[k] in _PASSIVE_ADVERBS or (lows[k].endswith("ly") and len(lows[k]) > 3)):
            k -= 1
        return k >= 0 and lows[k] in _BE_FORMS and not lows[v].endswith("ing") and p.toks[v][0].islower()

    def _sentence_subject(self, p: ParaTokens, v: int, clause: bool = False) -> tuple[int, int, str] | None:
        """The subject of the sentence holding token v (for 'X did Y, saying "..."').

        The first noun phrase of the sentence, or of a later comma-separated stretch when the sentence opens
        with an adverbial ('In an August speech, Trump attacked "..."') or a dateline ('Washington (AFP) -').
        With `clause`, the nearest clause opened by 'but', 'while', a semicolon or a dash comes first
        ('Clinton proposed a debate - but the Sanders campaign rejected it as "ludicrous"').
        """
        toks = p.toks
        lows = p.lows
        k = max(v - 1, 0)
        lo = max(0, v - REACH)
        if k > lo:
            k = max(lo, at_or_before(p.ends(), k - 1) + 1)  # the sentence's first token, or REACH tokens back
        starts = []
        if clause:
            for c in range(v - 1, k, -1):
                low = lows[c]
                if low in _CLAUSE_OPENERS or toks[c] in (";", "—", "–"):
                    starts.append(c + 1)
                    break
        if k + 1 < v and lows[k] in CONJUNCTIONS and toks[k + 1][0].isupper() and lows[k + 1] not in CAPITAL_STOPWORDS:
            k += 1  # 'But Sir Bernard Ingham, Margaret Thatcher's former press secretary, took ...'
        intro = lows[k] in CAPITAL_STOPWORDS and lows[k] not in PRONOUNS and lows[k] not in DETERMINERS
        if (
            not intro
            and k + 1 < v
            and (lows[k] in self.verbs or (lows[k].endswith("ing") and toks[k + 1][0].islower()))
        ):
            intro = True  # 'Walking into the office to chants, the senator said ...'
        if intro:
            for c in range(k, v):
                if toks[c] == "," and c + 1 < v:
                    starts.append(c + 1)
        else:
            starts.append(k)
        for c in range(k, min(v, k + 8)):
            if toks[c] in _DATELINE_DASHES and c + 1 < v:
                starts.append(c + 1)  # 'MOSCOW - ...', 'Washington (AFP) – ...'
                break
        fallback = None
        for j in starts[:4]:
            found = self._subject_after(p, j, v)
            if found is None or (
                found[2] == "desc"
                and lows[j] not in ("the", "a", "an")
                and not _is_possessive_name(toks[j])
                and not (toks[j][0].isupper() and lows[j] not in _SUBJECT_DETERMINERS)
            ):
                continue
            nxt = found[1] + 1
            if nxt < v and (toks[nxt] in SPECIAL or toks[nxt] in _DATELINE_DASHES):
                continue
            if nxt + 3 < v and toks[nxt] == "(" and toks[nxt + 2] == ")" and toks[nxt + 3] in _DATELINE_DASHES:
                continue  # 'Washington (AFP) – ...'

            if found[2] == "name" and toks[found[1]].isupper() and len(toks[found[1]]) > 3:
                continue  # an all-capitals dateline: 'LA CROSSE, Wisc.'
            if nxt < v and not toks[nxt][0].islower():
                # 'Speaking in Salem, New Hampshire, Trump went after Bush': a subject is followed by its verb
                fallback = fallback or found
                continue
            return found
        return fallback
