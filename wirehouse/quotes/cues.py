"""The cues of a quote's speaker: after the quote, before it in its sentence, later in it, a transcript's
`Name:`, 'according to'; the sentence or paragraph before; and whether a quote is a scare quote.

A part of `RuleAttributor` (`attribution.py`): its methods read the attributor's lexicon and call the other parts.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from wirehouse.compiled import trait
from wirehouse.quotes.common import (
    _DASHES,
    _POST_HALTS,
    _STOPS,
    _is_possessive_name,
)
from wirehouse.quotes.model import Attribution, Found, Mention, MentionKind, Rule
from wirehouse.quotes.tokens import (
    CLOSE,
    OPEN,
    REACH,
    SENTENCE_END,
    SPECIAL,
    ParaTokens,
    at_or_after,
    at_or_before,
)


@trait
class Cues:
    def _according(self, p: ParaTokens, q: int) -> Found | None:
        """'according to Y' in the quote's sentence names its source, before any speech verb does: '"Delegates
        should vote the way they see fit," Walker said, according to an Associated Press account.' / 'According to
        White House pool reports, Obama said "there is love" in Orlando.' (the dev set credits the account, 32
        of the 37 quotes whose sentence has 'according to')."""
        toks = p.toks
        lows = p.lows
        n = len(toks)
        cues = p.positions("cue", self._cue_words)
        near = cues[bisect_left(cues, q - REACH) : bisect_left(cues, q + REACH)]
        if "according" not in [lows[k] for k in near]:
            return None  # the common case, decided before the sentence's edges are worked out
        ends = p.ends()
        lo = max(at_or_before(ends, q - 1) + 1, q - REACH)
        if q + 1 < n and toks[q + 1] in _STOPS and p.ends_sentence(q + 1):
            hi = q  # the quote ends its sentence: only the words before it
        else:
            hi = min(at_or_after(ends, q + 1, n), q + REACH)
        for k in near:
            if k < lo or k >= hi:
                continue
            if lows[k] == "according" and k + 1 < n and lows[k + 1] == "to":
                subject = self._subject_after(p, k + 2, min(n, k + 10))
                if subject is None and k + 2 < n and self.nouns.get(lows[k + 2], ("",))[0] == "source":
                    subject = self._source_by(p, k + 2)  # 'according to audio obtained by the Texas Tribune'
                if subject is not None and subject.kind != MentionKind.PRONOUN:
                    subject = self._source_after_name(p, subject)
                    rule = Rule.ACCORDING_TO if k < q else Rule.LATER_ACCORDING_TO
                    return Found.of(p, subject, "according to", Attribution.EXPLICIT, rule)
        return None

    def _post(self, p: ParaTokens, q: int) -> Found | None:
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
                return Found.of(p, subject, toks[j], Attribution.EXPLICIT, Rule.AFTER_VERB_FIRST)
            return None
        # subject first: find the verb within a few tokens, then check its subject starts right here
        limit = min(n, j + 30)
        verbs = self.verbs
        v = j
        while v < limit:
            tok = toks[v]
            if tok == OPEN and v + 2 < n and toks[v + 2] == CLOSE and v > j and p.text[p.start_of(v + 1)].isupper():
                v += 3  # a quoted name inside the subject: 'X, wearing "Ted Cruz" campaign pins, said'
                continue
            if tok in _POST_HALTS and (tok in SPECIAL or tok in (";", ":") or p.ends_sentence(v)):
                return None
            if (lows[v] in verbs or self._states_at(p, v)) and v > j:
                subject = self._subject_before(p, v, j)
                if subject is not None and subject[0] == j:
                    if ended and not self._tail_ok(p, v):
                        return None
                    if v + 1 < n and toks[v + 1] == ":":
                        return None  # '"...," Trump said: "..."' introduces the next quote
                    return Found.of(p, subject, toks[v], Attribution.EXPLICIT, Rule.AFTER_SUBJECT_FIRST)
                if subject is not None or v - j > 3:
                    return None
            v += 1
        return None

    def _states_at(self, p: ParaTokens, v: int) -> bool:
        """A verb form that is mostly a plural noun ('states'), read as speech only right after a quote's subject
        and before the end of the clause: '"...," a voice-over in the ad states.', '"...," the Saudis state in the
        white paper'. Not '"...," officials in several states said'."""
        toks = p.toks
        if p.lows[v] not in self.words.post_verbs or not toks[v].islower():
            return False
        nxt = toks[v + 1] if v + 1 < len(toks) else "."
        return nxt in (".", ",") or p.lows[v + 1] in self.words.relatives

    def _for_verb(self, p: ParaTokens, v: int, depth: int = 0) -> Found | None:
        """The speaker of the speech verb at token v (before the quote)."""
        toks = p.toks
        lows = p.lows
        low = lows[v]
        if low.endswith("ing") and v > 0 and depth < 2 and lows[v - 1] in self.words.participle_links:
            return self._participle(p, v, depth)
        n = len(toks)
        if (
            depth == 0
            and v
            and (lows[v - 1] in self.words.passive_before or lows[v - 1].endswith("ly"))
            and self._is_passive(p, v)
        ):
            # 'can be added', 'was told': the subject is not the speaker; only 'by X' names one
            if v + 2 < n and lows[v + 1] == "by":
                subject = self._subject_after(p, v + 2, min(n, v + 12))
                if subject is not None:
                    return Found.of(p, subject, toks[v], Attribution.EXPLICIT, Rule.PASSIVE_BY_AGENT)
            return None
        if v + 2 < n and lows[v + 1] == "by" and low.endswith("ed"):
            # 'as described by FBI Director James Comey'
            subject = self._subject_after(p, v + 2, min(n, v + 12))
            if subject is not None:
                return Found.of(p, subject, toks[v], Attribution.EXPLICIT, Rule.VERB_BY_AGENT)
        share = self._share_subject(p, v)
        if share is not None:
            return share
        subject = self._subject_before(p, v, 0)
        if low.endswith("ing") and (
            (subject is None and self._subject_left(p, v, 0) is not None)
            or (
                subject is not None
                and (
                    (
                        subject.kind == MentionKind.DESC
                        and not self.namer.is_role(lows[subject[1]])
                        # 'tried to tie Bradley to Walker, with one of her ads asking, "..."': the ad asks
                        and not (subject[0] > 0 and lows[subject[0] - 1] == "with")
                    )
                    or (subject[0] > 0 and lows[subject[0] - 1] in self.words.object_markers)
                )
            )
        ):
            # 'The Trump campaign sent an email saying "..."': the email's sender is the speaker
            sender = self._sentence_subject(p, v)
            if sender is not None:
                subject = sender
        if subject is not None:
            return self._verb_subject(p, subject, v)
        return self._verb_without_subject(p, v)

    def _verb_subject(self, p: ParaTokens, subject: Mention, v: int) -> Found:
        """The subject of the speech verb at v, found before it. When a relative pronoun between them is the verb's
        own subject, the quote's mention is that word: the annotated news credits 'who' in 'Trump, who has called
        the 12-nation TPP pact "insanity," and Sanders, who says it's "disastrous."' (13 of the 15 dev set quotes
        this rule credits; the other two credit neither word nor name), and the speaker is still the name it
        stands for."""
        found = Found.of(p, subject, p.toks[v], Attribution.EXPLICIT, Rule.VERB_SUBJECT)
        j = self._skip_adverbs(p, v - 1, 0)
        if j > subject.last and p.lows[j] in self.words.relative_pronouns:
            found.stand_in = j
            found.rule = Rule.RELATIVE_SUBJECT
        return found

    def _participle(self, p: ParaTokens, v: int, depth: int) -> Found | None:
        """'..., the Kremlin said, adding:' / 'was quoted as saying': the clause's own verb has the subject."""
        toks = p.toks
        lows = p.lows
        k = v - 2
        while k >= 0 and not (toks[k] in _STOPS and p.ends_sentence(k)) and toks[k] not in SPECIAL:
            if lows[k] in self.verbs or (lows[k] in self.words.citation_verbs and toks[k].islower()):
                found = self._for_verb(p, k, depth + 1)
                if found is not None:
                    found.cue = toks[v]
                    return found
                break
            k -= 1
        subject = self._sentence_subject(p, v) or self._after_opener(p, v)
        if subject is not None:
            return Found.of(p, subject, toks[v], Attribution.EXPLICIT, Rule.PARTICIPLE_SUBJECT)
        return None

    def _verb_without_subject(self, p: ParaTokens, v: int) -> Found | None:
        """A speech verb at v with no subject before it: a coordinated verb, or an inverted one ('said X')."""
        toks = p.toks
        lows = p.lows
        j = self._skip_adverbs(p, v - 1, 0)
        if j >= 0 and lows[j] in self.words.coordinators:
            # 'X supports A and called B "..."': a coordinated verb shares the sentence's subject
            subject = self._sentence_subject(p, v)
            if subject is not None:
                return Found.of(p, subject, toks[v], Attribution.EXPLICIT, Rule.COORDINATED_VERB)
        n = len(p.toks)
        inverted = v > 0 and toks[v - 1] == ","
        subject = self._subject_after(p, v + 1, min(n, v + (14 if inverted else 9)))
        if subject is not None and (subject.kind != MentionKind.DESC or inverted):
            # 'said Jason Stilwell, a manager' / '..., said the report, ...' / '..., said Lewis Preston.'
            after = subject[1] + 1
            if after < n and (toks[after] in (",", ":") or (inverted and self._ends_at(p, after))):
                return Found.of(p, subject, toks[v], Attribution.EXPLICIT, Rule.INVERTED_VERB)
        return None

    def _pre(self, p: ParaTokens, q: int) -> Found | None:
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
                and found.kind == MentionKind.NAME
                and (found[1] > found[0] or opens)
                and p.lows[found[1]] not in self.words.header_words
                and not self._verb_before(p, found[0])
            ):
                return Found(p, found[0], found[1], MentionKind.NAME, None, Attribution.EXPLICIT, Rule.TRANSCRIPT_NAME)
            source = self._excerpt_source(p, found) if found is not None else None  # 'From the report: "..."'
            if source is not None:
                return Found.of(p, source, None, Attribution.EXPLICIT, Rule.EXCERPT_SOURCE)
        if k < 0:
            return None
        verbs = self.verbs
        lo = max(at_or_before(p.ends(), k) + 1, q - REACH)  # the quote's sentence, or its last REACH tokens
        cues = p.positions("pre", self._pre_words)
        hi = bisect_right(cues, k)
        for k in reversed(cues[bisect_left(cues, lo) : hi]):
            low = lows[k]
            if low in self.words.speech_nouns and k > 0 and lows[k + 1] == "that" and _is_possessive_name(toks[k - 1]):
                # 'Trump’s claim that Obama "founded ISIS"'
                owner = self._np_core(p, k - 1, 0)
                if owner is not None:
                    return Found.of(p, owner, None, Attribution.EXPLICIT, Rule.SPEECH_NOUN_OWNER)
            if low in verbs and not self._is_noun_use(p, k):
                speaker = self._for_verb(p, k)
                if speaker is not None:
                    speaker = self._outer_speaker(p, speaker, k, q, lo) or speaker
                    speaker.rule = f"{Rule.BEFORE_QUOTE}.{speaker.rule}"
                    return speaker
                if (
                    k
                    and (lows[k - 1] in self.words.passive_before or lows[k - 1].endswith("ly"))
                    and self._is_passive(p, k)
                    and all(lows[m] in self.words.passive_links for m in range(k + 1, q - 1))
                ):
                    return self._agent_after(p, q)  # 'was described as "..." by his friend X'
            elif low == "according" and k + 1 < len(toks) and lows[k + 1] == "to":
                subject = self._subject_after(p, k + 2, min(len(toks), k + 10))
                if subject is not None:
                    return Found.of(p, subject, "according to", Attribution.EXPLICIT, Rule.ACCORDING_TO)
        return None

    def _agent_after(self, p: ParaTokens, q: int) -> Found | None:
        """'by X' after the quote at q in its sentence, for a passive speech verb before it."""
        toks = p.toks
        n = len(toks)
        k = q + 1
        while k < n and not (toks[k] in _STOPS and p.ends_sentence(k)) and toks[k] != OPEN and k - q < 12:
            if p.lows[k] == "by" and k + 1 < n:
                subject = self._subject_after(p, k + 1, min(n, k + 12))
                if subject is not None and subject.kind != MentionKind.PRONOUN:
                    return Found.of(p, subject, None, Attribution.EXPLICIT, Rule.AGENT_AFTER_QUOTE)
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

    def _later(self, p: ParaTokens, q: int) -> Found | None:
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
                    return Found.of(p, subject, tok, Attribution.EXPLICIT, Rule.LATER_VERB)
            elif low == "according" and k + 1 < n and lows[k + 1] == "to":
                subject = self._subject_after(p, k + 2, min(n, k + 10))
                if subject is not None:
                    return Found.of(p, subject, "according to", Attribution.EXPLICIT, Rule.LATER_ACCORDING_TO)
        return None
