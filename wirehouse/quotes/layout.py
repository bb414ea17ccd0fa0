"""How a quote sits in its text: opening a sentence, resumed after its attribution, direct or partial, after an
attribution link with an agent; the paragraph or sentence before it that introduces it (scare quotes and titles:
`not_speech.py`).

A part of `RuleAttributor` (`attribution.py`): its methods read the attributor's lexicon and call the other parts.
"""

from __future__ import annotations

from wirehouse.compiled import trait
from wirehouse.quotes.common import (
    _CLAUSE_MARKS,
    _HEADLINE_MARKS,
    _STOPS,
    _is_possessive_name,
)
from wirehouse.quotes.model import Attribution, Found, Mention, MentionKind, QuoteSpan, Rule
from wirehouse.quotes.tokens import (
    CLOSE,
    CUT,
    OPEN,
    REACH,
    SPECIAL,
    ParaTokens,
    at_or_before,
    sentence_starts,
)


@trait
class Layout:
    def _headline(self, p: ParaTokens, q: int) -> Found | None:
        """A digest item: a paragraph that opens with a headline in capitals summarises another outlet's story, and
        its quotes are that story's, named by the headline ('ROLL TIDE Alabama beat Clemson in a game many are
        calling an "instant classic." [ESPN.]', 'HOW CHINA'S DECLINE AFFECTS THE REST OF THE WORLD "China's
        economic slowdown ..." [Reuters.]'), unless a name and a colon introduce one ('- Jane Doe: "..."'). The
        dev set's annotators credit the headline for all 10 such quotes with no 'Name:', also where a speech verb
        names someone ('AT LEAST 10 KILLED IN ... EXPLOSION Turkish President Recep Tayyip Erdogan said ... had
        "Syrian roots."'); they are all in one news digest of the dev set, so this rule rests on one layout."""
        toks = p.toks
        first = toks[0] if toks else ""
        if len(first) < 2 or not first.isupper() or q < 3 or (toks[q - 2] == ":" and toks[q - 1] == OPEN):
            return None  # the common case: no capitals open the paragraph
        start = p.start_of(0)
        if start and p.text[start - 1] != "\n":
            return None  # the tokens do not start at the paragraph's start
        k = 0
        while k < q and (toks[k].isupper() or toks[k].isdigit() or toks[k] in _HEADLINE_MARKS):
            k += 1
        last = k - 1
        while last > 0 and not toks[last].isupper():
            last -= 1  # 'HOW IT WORKS,' ends at 'WORKS'
        nxt = toks[k]
        if (
            k != last + 1
            or not (nxt == OPEN or (nxt[0].isupper() and not nxt.isupper()))
            or sum(1 for i in range(k) if toks[i].isupper() and len(toks[i]) > 3) < 2
            or at_or_before(p.ends(), q - 1) >= 0
        ):
            return None  # a dateline ('WASHINGTON', 'NEW YORK - ...', 'WEST PALM BEACH, Fla.'), a name ('NV KLM Royal')
        return Found(p, 0, last, MentionKind.DESC, None, Attribution.EXPLICIT, Rule.HEADLINE)

    def _relative_clause(self, p: ParaTokens, q: int) -> Found | None:
        """A quote woven into a relative clause with no speech verb is credited to the relative pronoun, standing for
        the noun phrase before it: 'Obama, who called the Republican nominee "unfit to serve"', 'Clinton who is
        looking to bring "people together"', '29 others who only specified "Christian"' (the dev set's annotators
        credit 'who'). The clause runs from the pronoun to the quote with no comma or clause mark between."""
        toks = p.toks
        lows = p.lows
        k = q - 1
        if k >= 0 and toks[k] == OPEN:
            k -= 1
        lo = max(0, q - REACH)
        relatives = self.words.person_relatives
        while k > lo and lows[k] not in relatives:
            tok = toks[k]
            if tok in SPECIAL or tok in _CLAUSE_MARKS or (tok in _STOPS and p.ends_sentence(k)):
                return None
            k -= 1
        after = lows[k + 1]
        if (
            k <= lo
            or lows[k] not in relatives
            or lows[k - 1] in self.words.prepositions  # 'those for who'
            or toks[k + 1] == OPEN  # 'her anger at the person who "hasn't worked"': her words for the person
            or toks[k + 1][0].isupper()
            or after in self.words.pronouns
            or after in self.words.determiners
        ):
            return None  # no relative clause, or one whose subject is not the pronoun: 'who Trump called'
        j = k - 1
        if toks[j] in _CLAUSE_MARKS and j > lo:
            j -= 1  # 'Obama, who', 'critics in the US - where it opened - who'
        j = self._before_brackets(p, j, lo)  # 'the Music Managers' Forum (MMF), who'
        if toks[j] == CLOSE:
            return None  # 'calling the mayor a "liar" who was not "honorable"': the quoted words' clause
        antecedent = self._np_ending(p, j, lo)
        if antecedent is None or antecedent.kind == MentionKind.PRONOUN:
            antecedent = Mention(k, k, MentionKind.DESC)  # '29 others who': no phrase the rules know; 'who' alone
        found = Found.of(p, antecedent, None, Attribution.EXPLICIT, Rule.RELATIVE_CLAUSE)
        found.stand_in = k
        return found

    def _opens_sentence(self, p: ParaTokens, q: int) -> bool:
        """Does the quote at token q start its sentence (or paragraph)?"""
        k = q - 1
        if k >= 0 and p.toks[k] == OPEN:
            k -= 1
        return k < 0 or p.toks[k] == CLOSE or (p.toks[k] in _STOPS and p.ends_sentence(k))

    def _introduced(
        self, text: str, paragraphs: list[tuple[int, int]], sentences: dict[int, list[int]], para_no: int
    ) -> Found | None:
        """The speaker of a paragraph that hands over to the next one's quote.

        'President Clinton released the following statement:' / 'Stated Stone:' / 'Valastro praised
        Christie's leadership.' followed by a paragraph that is a quote: the speaker is the speech verb's
        subject, else the named subject of the paragraph's last sentence.
        """
        p_start, p_end = paragraphs[para_no]
        starts = sentences.get(para_no)
        if starts is None:
            starts = sentences[para_no] = sentence_starts(text, p_start, p_end)
        p, _ = ParaTokens.plain(text, starts[-1], p_end, p_end)
        toks = p.toks
        if not toks:
            return None
        self._mark_verbs(p)
        colon = toks[-1] == ":"
        for k in range(len(toks) - 1, -1, -1):
            if p.lows[k] in self.verbs and not self._is_noun_use(p, k):
                found = self._for_verb(p, k)
                if found is not None and (colon or found.kind == MentionKind.NAME):
                    found.via = Attribution.CONTINUATION
                    found.rule = f"{Rule.INTRODUCED}.{found.rule}"
                    return found
                break
        for k in range(min(len(toks), 4) - 1):
            if p.lows[k] == "according" and p.lows[k + 1] == "to":
                # 'According to Fox News's Ed Henry, the money will be used ...' and then a quote paragraph
                source = self._subject_after(p, k + 2, min(len(toks), k + 12))
                if source is not None and source.kind == MentionKind.NAME:
                    return Found.of(p, source, "according to", Attribution.CONTINUATION, Rule.INTRODUCED_ACCORDING)
        subject = self._sentence_subject(p, len(toks) - 1)
        if subject is None or (subject.kind != MentionKind.NAME and not colon):
            return None
        return Found.of(p, subject, None, Attribution.CONTINUATION, Rule.INTRODUCED_SUBJECT)

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

    def _previous_subject(self, p: ParaTokens, q: int) -> Found | None:
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
                    found.via = Attribution.CONTINUATION
                    found.rule = f"{Rule.PREVIOUS_SENTENCE}.{found.rule}"
                    return found
                break
            m -= 1
        subject = self._sentence_subject(p, k)
        if subject is None or subject.kind == MentionKind.DESC:
            return None
        return Found.of(p, subject, None, Attribution.CONTINUATION, Rule.PREVIOUS_SUBJECT)

    def _link_agent(self, p: ParaTokens, q: int) -> Found | None:
        """The agent of an attribution link with no speech verb's subject: 'Clinton's 1,370 fundraisers -- dubbed
        "Hillblazers" by the campaign' (after the quote), 'an option seen by organizers as a "lifeboat"' (between
        the verb and the link), or the owner of a noun of speech: 'Sanders's clarion call for a "revolution"'; the
        dev set credits them."""
        lows = p.lows
        k = q - 1
        if k >= 0 and p.toks[k] == OPEN:
            k -= 1
        link = self._link_at(p, k) if k > 0 else -1
        if link < 0:
            return None
        found = self._agent_after(p, q)
        if found is not None:
            return found
        m = link - 1
        while m > link - 6 and m > 0 and p.toks[m] not in _CLAUSE_MARKS and p.toks[m] not in SPECIAL:
            if lows[m] == "by":
                agent = self._subject_after(p, m + 1, link)
                if agent is None or agent.kind == MentionKind.PRONOUN:
                    return None
                return Found.of(p, agent, None, Attribution.EXPLICIT, Rule.LINK_AGENT)
            m -= 1
        m = link - 1
        while m > link - 3 and m > 0 and p.toks[m].islower():
            m -= 1  # 'Sanders's clarion call', 'Trump's signature slogan'
        if m >= 0 and _is_possessive_name(p.toks[m]):
            owner = self._np_core(p, m, 0)
            if owner is not None:
                return Found.of(p, owner, None, Attribution.EXPLICIT, Rule.SPEECH_NOUN_OWNER)
        return None

    def _form(self, text: str, p: ParaTokens, q: int, found: Found | None) -> str:
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
