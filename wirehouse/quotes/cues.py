"""The cues of a quote's speaker: after the quote, before it in its sentence, later in it, a transcript's
`Name:`, 'according to'; the sentence or paragraph before; and whether a quote is a scare quote.

A part of `RuleAttributor` (`attribution.py`): its methods read the attributor's lexicon and call the other parts.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from wirehouse.compiled import trait
from wirehouse.quotes.common import (
    _COORDINATORS,
    _DASHES,
    _HEADER_WORDS,
    _OBJECT_MARKERS,
    _PARTICIPLE_LINKS,
    _PASSIVE_BEFORE,
    _PASSIVE_LINKS,
    _POST_HALTS,
    _SPEECH_NOUNS,
    _STOPS,
    _TITLE_CUES,
    _Attr,
    _is_possessive_name,
    _is_title,
)
from wirehouse.quotes.model import QuoteSpan, Rule
from wirehouse.quotes.tokens import (
    CLOSE,
    CUT,
    OPEN,
    REACH,
    SENTENCE_END,
    SPECIAL,
    ParaTokens,
    at_or_after,
    at_or_before,
    sentence_starts,
)


@trait
class Cues:
    def _post(self, p: ParaTokens, q: int) -> _Attr | None:
        """Attribution right after the quote: '"...," X said', '"...," said X'."""
        toks = p.toks
        lows = p.lows
        n = len(toks)
        j = q + 1
        ended = False
        if j < n and toks[j] in ".!?,;:":
            ended = toks[j] in SENTENCE_END and p.ends_sentence(j)
            j += 1
        if j >= n or toks[j] != CLOSE:
            return None
        j += 1
        if j < n and toks[j] in _DASHES:
            j += 1
        if j >= n:
            return None
        low = lows[j]
        if low in self.verbs:
            if low.endswith("ing"):
                return None  # '" — asserting that ...': the sentence's own subject, found by the other rules
            hi = min(n, j + 12)
            subject = self._subject_after(p, j + 1, hi)
            if subject is not None:
                return _Attr(p, subject[0], subject[1], subject[2], toks[j], "explicit", Rule.AFTER_VERB_FIRST)
            return None
        # subject first: find the verb within a few tokens, then check its subject starts right here
        limit = min(n, j + 30)
        verbs = self.verbs
        v = j
        while v < limit:
            tok = toks[v]
            if tok in _POST_HALTS and (tok in SPECIAL or tok in (";", ":") or p.ends_sentence(v)):
                return None
            if lows[v] in verbs and v > j:
                subject = self._subject_before(p, v, j)
                if subject is not None and subject[0] == j:
                    if ended and not self._tail_ok(p, v):
                        return None
                    if v + 1 < n and toks[v + 1] == ":":
                        return None  # '"...," Trump said: "..."' introduces the next quote
                    return _Attr(p, subject[0], subject[1], subject[2], toks[v], "explicit", Rule.AFTER_SUBJECT_FIRST)
                if subject is not None or v - j > 3:
                    return None
            v += 1
        return None

    def _for_verb(self, p: ParaTokens, v: int, depth: int = 0) -> _Attr | None:
        """The speaker of the speech verb at token v (before the quote)."""
        toks = p.toks
        lows = p.lows
        low = lows[v]
        if low.endswith("ing") and v > 0 and depth < 2 and lows[v - 1] in _PARTICIPLE_LINKS:
            # '..., the Kremlin said, adding:' / 'was quoted as saying': the clause's own verb has the subject
            k = v - 2
            while k >= 0 and not (toks[k] in _STOPS and p.ends_sentence(k)) and toks[k] not in SPECIAL:
                if lows[k] in self.verbs or (lows[k] in ("quoted", "cited") and toks[k].islower()):
                    found = self._for_verb(p, k, depth + 1)
                    if found is not None:
                        found.cue = toks[v]
                        return found
                    break
                k -= 1
            subject = self._sentence_subject(p, v)
            if subject is not None:
                return _Attr(p, subject[0], subject[1], subject[2], toks[v], "explicit", Rule.PARTICIPLE_SUBJECT)
            return None
        n = len(toks)
        if (
            depth == 0
            and v
            and (lows[v - 1] in _PASSIVE_BEFORE or lows[v - 1].endswith("ly"))
            and self._is_passive(p, v)
        ):
            # 'can be added', 'was told': the subject is not the speaker; only 'by X' names one
            if v + 2 < n and lows[v + 1] == "by":
                subject = self._subject_after(p, v + 2, min(n, v + 12))
                if subject is not None:
                    return _Attr(p, subject[0], subject[1], subject[2], toks[v], "explicit", Rule.PASSIVE_BY_AGENT)
            return None
        if v + 2 < n and lows[v + 1] == "by" and low.endswith("ed"):
            # 'as described by FBI Director James Comey'
            subject = self._subject_after(p, v + 2, min(n, v + 12))
            if subject is not None:
                return _Attr(p, subject[0], subject[1], subject[2], toks[v], "explicit", Rule.VERB_BY_AGENT)
        subject = self._subject_before(p, v, 0)
        if low.endswith("ing") and (
            (subject is None and self._subject_left(p, v, 0) is not None)
            or (
                subject is not None
                and (
                    (subject[2] == "desc" and not self.namer.is_role(lows[subject[1]]))
                    or (subject[0] > 0 and lows[subject[0] - 1] in _OBJECT_MARKERS)
                )
            )
        ):
            # 'The Trump campaign sent an email saying "..."': the email's sender is the speaker
            sender = self._sentence_subject(p, v)
            if sender is not None:
                subject = sender
        if subject is not None:
            return _Attr(p, subject[0], subject[1], subject[2], toks[v], "explicit", Rule.VERB_SUBJECT)
        j = self._skip_adverbs(p, v - 1, 0)
        if j >= 0 and lows[j] in _COORDINATORS:
            # 'X supports A and called B "..."': a coordinated verb shares the sentence's subject
            subject = self._sentence_subject(p, v)
            if subject is not None:
                return _Attr(p, subject[0], subject[1], subject[2], toks[v], "explicit", Rule.COORDINATED_VERB)
        n = len(p.toks)
        inverted = v > 0 and toks[v - 1] == ","
        subject = self._subject_after(p, v + 1, min(n, v + (14 if inverted else 9)))
        if subject is not None and (subject[2] != "desc" or inverted):
            # 'said Jason Stilwell, a manager' / '..., said the report, ...' / '..., said Lewis Preston.'
            after = subject[1] + 1
            if after < n and (toks[after] in (",", ":") or (inverted and self._ends_at(p, after))):
                return _Attr(p, subject[0], subject[1], subject[2], toks[v], "explicit", Rule.INVERTED_VERB)
        return None

    def _opens_sentence(self, p: ParaTokens, q: int) -> bool:
        """Does the quote at token q start its sentence (or paragraph)?"""
        k = q - 1
        if k >= 0 and p.toks[k] == OPEN:
            k -= 1
        return k < 0 or p.toks[k] == CLOSE or (p.toks[k] in _STOPS and p.ends_sentence(k))

    def _introduced(self, text: str, p_start: int, p_end: int) -> _Attr | None:
        """The speaker of a paragraph that hands over to the next one's quote.

        'President Clinton released the following statement:' / 'Stated Stone:' / 'Valastro praised
        Christie's leadership.' followed by a paragraph that is a quote: the speaker is the speech verb's
        subject, else the named subject of the paragraph's last sentence.
        """
        starts = sentence_starts(text, p_start, p_end)
        p, _ = ParaTokens.plain(text, starts[-1], p_end, p_end)
        toks = p.toks
        if not toks:
            return None
        self._mark_verbs(p)
        colon = toks[-1] == ":"
        for k in range(len(toks) - 1, -1, -1):
            if p.lows[k] in self.verbs and not self._is_noun_use(p, k):
                found = self._for_verb(p, k)
                if found is not None and (colon or found.kind == "name"):
                    found.via = "continuation"
                    found.rule = f"{Rule.INTRODUCED}.{found.rule}"
                    return found
                break
        subject = self._sentence_subject(p, len(toks) - 1)
        if subject is None or (subject[2] != "name" and not colon):
            return None
        return _Attr(p, subject[0], subject[1], subject[2], None, "continuation", Rule.INTRODUCED_SUBJECT)

    def _resumes(self, text: str, span: QuoteSpan, p: ParaTokens, q: int) -> bool:
        """A quote split by its attribution: '"We know," he wrote, "you are rooting for her."'.

        It resumes in lowercase after a comma, and the quote before it ended with a comma too.
        """
        if not text[span.start].islower():
            return False
        k = q - 1
        if k < 1 or p.toks[k] != OPEN or p.toks[k - 1] != ",":
            return False
        lo = max(0, q - REACH)
        while k > lo and p.toks[k] != CLOSE:
            k -= 1
        return k > 1 and p.toks[k - 1] == ","

    def _previous_subject(self, p: ParaTokens, q: int) -> _Attr | None:
        """For a quote opening a sentence with no attribution: the named subject of the sentence before it.

        'Clinton touted her record. "We need to ..."' -> Clinton.
        """
        k = q - 1
        if k >= 0 and p.toks[k] == OPEN:
            k -= 1
        if k < 1 or p.toks[k] == CUT or not (p.toks[k] in _STOPS and p.ends_sentence(k)):
            return None
        # a sentence reporting speech hands over its speaker: 'Patriots wanted ..., Mr Straw said. "..."'
        m = k - 1
        while m >= 0 and p.toks[m] not in SPECIAL and not (p.toks[m] in _STOPS and p.ends_sentence(m)):
            if p.lows[m] in self.verbs and not self._is_noun_use(p, m):
                found = self._for_verb(p, m)
                if found is not None:
                    found.via = "continuation"
                    found.rule = f"{Rule.PREVIOUS_SENTENCE}.{found.rule}"
                    return found
                break
            m -= 1
        subject = self._sentence_subject(p, k)
        if subject is None or subject[2] == "desc":
            return None
        return _Attr(p, subject[0], subject[1], subject[2], None, "continuation", Rule.PREVIOUS_SUBJECT)

    def _pre(self, p: ParaTokens, q: int) -> _Attr | None:
        """The nearest speech verb before the quote in its sentence, and its subject."""
        toks = p.toks
        lows = p.lows
        k = q - 1
        if k >= 0 and toks[k] == OPEN:
            k -= 1
        if k >= 1 and toks[k] == ":":
            # 'Philip Bump: “...”', 'Rep. Trey Gowdy (R-S.C.):"...': a name and a colon, as in transcripts
            c = k - 1
            if toks[c] == ")":
                while c > 0 and toks[c] != "(":
                    c -= 1
                c -= 1
            found = self._np_core(p, c, 0)
            opens = found is not None and (
                found[0] == 0
                or toks[found[0] - 1] == CLOSE
                or (toks[found[0] - 1] in _STOPS and p.ends_sentence(found[0] - 1))
            )
            if (
                found is not None
                and found[2] == "name"
                and (found[1] > found[0] or opens)
                and p.lows[found[1]] not in _HEADER_WORDS
                and not self._verb_before(p, found[0])
            ):
                return _Attr(p, found[0], found[1], "name", None, "explicit", Rule.TRANSCRIPT_NAME)
        if k < 0:
            return None
        verbs = self.verbs
        lo = max(at_or_before(p.ends(), k) + 1, q - REACH)  # the quote's sentence, or its last REACH tokens
        cues = p.positions("pre", self._pre_words)
        hi = bisect_right(cues, k)
        for k in reversed(cues[bisect_left(cues, lo) : hi]):
            low = lows[k]
            if low in _SPEECH_NOUNS and k > 0 and lows[k + 1] == "that" and _is_possessive_name(toks[k - 1]):
                # 'Trump’s claim that Obama "founded ISIS"'
                owner = self._np_core(p, k - 1, 0)
                if owner is not None:
                    return _Attr(p, owner[0], owner[1], owner[2], None, "explicit", Rule.SPEECH_NOUN_OWNER)
            if low in verbs and not self._is_noun_use(p, k):
                speaker = self._for_verb(p, k)
                if speaker is not None:
                    speaker.rule = f"{Rule.BEFORE_QUOTE}.{speaker.rule}"
                    return speaker
                if (
                    k
                    and (lows[k - 1] in _PASSIVE_BEFORE or lows[k - 1].endswith("ly"))
                    and self._is_passive(p, k)
                    and all(lows[m] in _PASSIVE_LINKS for m in range(k + 1, q - 1))
                ):
                    return self._agent_after(p, q)  # 'was described as "..." by his friend X'
            elif low == "according" and k + 1 < len(toks) and lows[k + 1] == "to":
                subject = self._subject_after(p, k + 2, min(len(toks), k + 10))
                if subject is not None:
                    return _Attr(p, subject[0], subject[1], subject[2], "according to", "explicit", Rule.ACCORDING_TO)
        return None

    def _agent_after(self, p: ParaTokens, q: int) -> _Attr | None:
        """'by X' after the quote at q in its sentence, for a passive speech verb before it."""
        toks = p.toks
        n = len(toks)
        k = q + 1
        while k < n and not (toks[k] in _STOPS and p.ends_sentence(k)) and toks[k] != OPEN and k - q < 12:
            if p.lows[k] == "by" and k + 1 < n:
                subject = self._subject_after(p, k + 1, min(n, k + 12))
                if subject is not None and subject[2] != "pronoun":
                    return _Attr(p, subject[0], subject[1], subject[2], None, "explicit", Rule.AGENT_AFTER_QUOTE)
                return None
            k += 1
        return None

    def _verb_before(self, p: ParaTokens, k: int) -> bool:
        """Is there a speech verb before token k in its sentence? ('McLeish told BBC Radio Five Live: "..."'
        names the listener before the colon, not a transcript's speaker.)"""
        toks = p.toks
        lows = p.lows
        verbs = self.verbs
        k -= 1
        while k >= 0 and toks[k] not in SPECIAL and not (toks[k] in _STOPS and p.ends_sentence(k)):
            if lows[k] in verbs and not self._is_noun_use(p, k):
                return True
            k -= 1
        return False

    def _later(self, p: ParaTokens, q: int) -> _Attr | None:
        """A speech verb later in the quote's sentence whose subject follows the quote."""
        toks = p.toks
        lows = p.lows
        n = len(toks)
        k = q + 1
        if k < n and (toks[k] in _STOPS and p.ends_sentence(k)):
            return None
        while k < n and toks[k] != CLOSE and toks[k] != OPEN:
            k += 1
        if k >= n or toks[k] != CLOSE:
            return None
        lo = k + 1
        if lo >= n:
            return None
        stop = min(at_or_after(p.ends(), lo, n), q + REACH)  # the end of the quote's sentence, or REACH tokens on
        cues = p.positions("cue", self._cue_words)
        for k in cues[bisect_left(cues, lo) : bisect_left(cues, stop)]:
            tok = toks[k]
            low = lows[k]
            if low in self.verbs and not self._is_noun_use(p, k):
                subject = self._subject_before(p, k, lo)
                if subject is None and toks[k - 1] in (",", CLOSE):
                    subject = self._subject_after(p, k + 1, min(n, k + 12))  # '..., said Brad Bannon'
                if subject is not None:
                    return _Attr(p, subject[0], subject[1], subject[2], tok, "explicit", Rule.LATER_VERB)
            elif low == "according" and k + 1 < n and lows[k + 1] == "to":
                subject = self._subject_after(p, k + 2, min(n, k + 10))
                if subject is not None:
                    return _Attr(
                        p, subject[0], subject[1], subject[2], "according to", "explicit", Rule.LATER_ACCORDING_TO
                    )
        return None

    def _has_cue(self, p: ParaTokens, q: int) -> bool:
        """Is there any speech verb in the quote's sentence (outside the quote)?"""
        ends = p.ends()
        cues = p.positions("cue", self._cue_words)
        n = len(p.toks)
        if q > 0 and at_or_before(cues, q - 1) > at_or_before(ends, q - 1):
            return True
        return q + 1 < n and at_or_after(cues, q + 1, n) < at_or_after(ends, q + 1, n)

    def _is_scare(self, text: str, span: QuoteSpan, p: ParaTokens, q: int) -> bool:
        """A scare quote or a title: after 'so-called', or short with no speech verb in its sentence.

        A short quote that ends with its own punctuation ("faulty," / "We’re hopeful.") is speech, unless it
        is a capitalised title in mid-sentence ("a memo titled "The Facts on Where the Race Stands."").
        """
        k = q - 1
        if k >= 0 and p.toks[k] == OPEN:
            k -= 1
        if k >= 0 and p.lows[k] in _TITLE_CUES:
            return True
        words = text.count(" ", span.start, span.end) + 1
        if words > 4 or k < 0:
            return False
        if self._has_cue(p, q):
            return False
        if text[span.end - 1] in ".!?,":
            sentence_start = p.toks[k] in (":", CLOSE) or (p.toks[k] in _STOPS and p.ends_sentence(k))
            return not sentence_start and _is_title(text[span.start : span.end])
        return True

    def _form(self, text: str, p: ParaTokens, q: int, found: _Attr | None) -> str:
        """'direct' if the quote stands as its own sentence or clause, 'partial' if it is woven into one."""
        toks = p.toks
        k = q - 1
        if k >= 0 and toks[k] == OPEN:
            k -= 1
        clean_start = k < 0 or toks[k] in (":", ",", "—", "–", CLOSE, CUT) or (toks[k] in _STOPS and p.ends_sentence(k))
        if not clean_start:
            return "partial"
        j = q + 1
        n = len(toks)
        if j < n and toks[j] in ".!?,;:":
            return "direct"
        if j < n and toks[j] == CLOSE:
            j += 1
        if j >= n or toks[j] in (",", ".", CUT, OPEN, "—", "–", ";", ":", "!", "?", ")"):
            return "direct"
        if found is not None and found.para is p and found.first == j:
            return "direct"
        return "partial"
