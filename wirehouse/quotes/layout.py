"""How a quote sits in its text: opening a sentence, resumed after its attribution, a scare quote or a title,
direct or partial; the paragraph or sentence before it that introduces it.

A part of `RuleAttributor` (`attribution.py`): its methods read the attributor's lexicon and call the other parts.
"""

from __future__ import annotations

from wirehouse.compiled import trait
from wirehouse.quotes.common import (
    _CLAUSE_MARKS,
    _HEADLINE_MARKS,
    _STOPS,
    _is_title,
)
from wirehouse.quotes.model import Attribution, Found, Mention, MentionKind, QuoteSpan, Rule
from wirehouse.quotes.tokens import (
    CLOSE,
    CUT,
    OPEN,
    REACH,
    SPECIAL,
    ParaTokens,
    at_or_after,
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

    def _has_cue(self, p: ParaTokens, q: int) -> bool:
        """Is there any speech verb in the quote's sentence (outside the quote)?"""
        ends = p.ends()
        cues = p.positions("cue", self._cue_words)
        n = len(p.toks)
        if q > 0 and at_or_before(cues, q - 1) > at_or_before(ends, q - 1):
            return True
        return q + 1 < n and at_or_after(cues, q + 1, n) < at_or_after(ends, q + 1, n)

    def _is_work_title(self, text: str, span: QuoteSpan, p: ParaTokens, q: int) -> bool:
        """The title of a show, a book or a film, known from where it sits, whatever verb the sentence has.

        Capitalised next to a work noun: 'the podcast "Here's the Thing."', 'the PBS medical drama, "Mercy
        Street,"', 'POLITICO's "Off Message" podcast', or after its maker: 'the author of "America's Bitter
        Pill,"'; in title case after a possessive, 'on' or in a listener's place: 'said on ABC's "This Week" on
        Sunday', 'said on "Fox News Sunday."', 'told "Fox and Friends,"'.
        """
        toks = p.toks
        lows = p.lows
        if not text[span.start].isupper():
            return False
        works = self.words.work_nouns
        k = q - 1
        if k >= 0 and toks[k] == OPEN:
            k -= 1
        if k >= 0 and (lows[k] in works or (toks[k] == "," and k > 0 and lows[k - 1] in works)):
            return True
        if k > 0 and lows[k] in self.words.work_links and lows[k - 1] in self.words.work_makers:
            return True  # 'the author of "America's Bitter Pill,"', 'who's starred in "Parks and Recreation"'
        j = q + 1
        n = len(toks)
        if j < n and toks[j] in ".!?,;:":
            j += 1
        if j < n and toks[j] == CLOSE:
            j += 1
        if j < n and lows[j] in works:
            return True
        if k < 0:
            return False
        low = lows[k]
        possessive = low.endswith(("’s", "'s", "s’", "s'"))
        if not (possessive or low in self.words.title_preps or low in self.lex.listener_verbs):
            return False
        return _is_title(text[span.start : span.end].rstrip(".,;:!?"), self.words.small_words)

    def _is_scare(self, text: str, span: QuoteSpan, p: ParaTokens, q: int) -> bool:
        """A scare quote or a title: after 'so-called', or short with no speech verb in its sentence and no
        attribution link right before it.

        A short quote that ends with its own punctuation ("faulty," / "We’re hopeful.") is speech, unless it
        is a capitalised title in mid-sentence ("a book "Living History."").
        """
        k = q - 1
        if k >= 0 and p.toks[k] == OPEN:
            k -= 1
        if k >= 0 and p.lows[k] in self.words.title_cues:
            return True
        words = text.count(" ", span.start, span.end) + 1
        if words > 4 or k < 0:
            return False
        if self._after_link(p, k) or self._has_cue(p, q):
            return False
        if text[span.end - 1] in ".!?,":
            if self._in_list(p, q):
                return True  # '"ambassador," "attack," "Benghazi,"': the list's commas
            sentence_start = p.toks[k] in (":", CLOSE) or (p.toks[k] in _STOPS and p.ends_sentence(k))
            return not sentence_start and _is_title(text[span.start : span.end], self.words.small_words)
        return True

    def _in_list(self, p: ParaTokens, q: int) -> bool:
        """Is the quote at token q an item of a list of quoted words: joined to the quote before or after it by a
        comma inside the first one's marks, or by a comma, 'and' or 'or' between them ('words such as
        "ambassador," "attack," "Benghazi," "Libya" and "talking points."')? Quoted sentences one after the other
        are no list: '... Uncle Ossie. "Ditto." "Ossie was my hero," said ...'."""
        toks = p.toks
        n = len(toks)
        j = q + 1
        if j < n and toks[j] in ".!?,;:":
            j += 1
        if j < n and toks[j] == CLOSE and self._joined(p, j):
            return True
        k = q - 2  # before the opening mark
        if k > 0 and p.lows[k] in self.words.list_joiners:
            k -= 1
        return k > 0 and toks[k] == CLOSE and self._joined(p, k)

    def _joined(self, p: ParaTokens, close: int) -> bool:
        """Does the quote closing at token `close` join the next one as an item of a list?"""
        toks = p.toks
        j = close + 1
        if j < len(toks) and toks[j] == OPEN:
            return toks[close - 1] == ","  # '"ambassador," "attack,"'
        return j + 1 < len(toks) and p.lows[j] in self.words.list_joiners and toks[j + 1] == OPEN

    def _after_link(self, p: ParaTokens, k: int) -> bool:
        """Does a short quote after token k sit inside an attribution, with no speech verb: 'an option seen by
        organizers as a "lifeboat"', 'casting Johnson as an "honorable choice"', 'fundraisers -- dubbed
        "Hillblazers" by the campaign' (the dev set annotates 47 of its 52 quotes after 'as' and 7 of 8 after a
        naming word)? Not after 'such as' or 'as well as', which list: 'words such as "ambassador," "attack,"', nor
        after 'As' opening a sentence, a conjunction: 'As the "Never Trump" movement continues to battle ...'."""
        lows = p.lows
        if lows[k] in self.words.articles and k > 0:
            k -= 1  # 'as a "lifeboat"'
        return (
            lows[k] in self.words.attribution_links
            and p.toks[k].islower()
            and not (k > 0 and lows[k - 1] in self.words.not_link_before)
        )

    def _link_agent(self, p: ParaTokens, q: int) -> Found | None:
        """The agent of an attribution link with no speech verb's subject: 'Clinton's 1,370 fundraisers -- dubbed
        "Hillblazers" by the campaign' (after the quote), 'an option seen by organizers as a "lifeboat"' (between
        the verb and the link): the dev set credits the agent."""
        lows = p.lows
        k = q - 1
        if k >= 0 and p.toks[k] == OPEN:
            k -= 1
        if k < 1 or not self._after_link(p, k):
            return None
        found = self._agent_after(p, q)
        if found is not None:
            return found
        link = k - 1 if lows[k] in self.words.articles else k
        m = link - 1
        while m > link - 6 and m > 0 and p.toks[m] not in _CLAUSE_MARKS and p.toks[m] not in SPECIAL:
            if lows[m] == "by":
                agent = self._subject_after(p, m + 1, link)
                if agent is None or agent.kind == MentionKind.PRONOUN:
                    return None
                return Found.of(p, agent, None, Attribution.EXPLICIT, Rule.LINK_AGENT)
            m -= 1
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
