"""Rule-based speaker attribution: who said each quote, found from the words around it.

The rules follow how news writes attribution:
- right after the quote: `"...," X said` / `"...," said X` / `"..." X, the Y of Z, said`;
- before it in the same sentence: `X said: "..."` / `X told reporters, "..."` / `X said the plan was "..."`
  (the nearest speech verb before the quote, and its subject) / `..., X said, adding: "..."` / `according to X`
  / `Name: "..."` (transcripts);
- after it in the same sentence: `called it "..." and "...," the senator said`;
- none of those: the subject of the quote's own sentence (`Trump attacked "..."`), another quote of the same
  paragraph, the quote or reported speech ending the previous paragraph, or a paragraph introducing it
  (`released the following statement:`) gives the speaker (continuation); a quote running over paragraphs
  keeps one speaker.
A short quote with no speech verb in its sentence, or after "so-called", is a scare quote or a title and is
credited to nobody. Pronouns resolve to the most recent person credited before them whose honorific does not
say the other gender. Reported speech (`X said (that) ...`, `..., X said.`) is found from substring search
for the commonest reporting verbs, in sentences without quote marks.

Everything works on tokens of the sentences around quotes (`tokens.ParaTokens`), never on the whole text.

The rules live in parts that `RuleAttributor` combines: `cues.py` (the cues, tried in the order of
`RuleAttributor.cues`), `layout.py` (how a quote sits in its sentence: form, resumed quotes, introducing
paragraphs), `not_speech.py` (work titles, scare quotes, lists of quoted words, attribution links), `subjects.py`,
`subjects_after.py` and `noun_phrases.py` (who is the subject of a cue), `continuation.py` (quotes that take
another quote's speaker), `reported.py` (reported speech), `credits.py` (quotes with canonical speakers),
`naming.py` (canonical names) and `pronouns.py` (who a pronoun is). `RuleAttributor.attribute` runs its passes in
one visible order. Every speaker found names its rule (`model.Rule`); the types the parts pass are in `model.py`
and the word lists in `Lexicon.words`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from wirehouse.quotes.continuation import Continuation
from wirehouse.quotes.credits import Crediting
from wirehouse.quotes.cues import Cues
from wirehouse.quotes.layout import Layout
from wirehouse.quotes.lexicon import (
    Lexicon,
    lexicon,
)
from wirehouse.quotes.model import Attribution, Found, Quote, QuoteSpan, Rule
from wirehouse.quotes.naming import Namer
from wirehouse.quotes.not_speech import NotSpeech
from wirehouse.quotes.noun_phrases import NounPhrases
from wirehouse.quotes.reported import ReportedSpeech
from wirehouse.quotes.subjects import Subjects
from wirehouse.quotes.subjects_after import SubjectsAfter
from wirehouse.quotes.tokens import (
    MAX_QUOTES,
    ParaTokens,
    sentence_starts,
)


@dataclass(slots=True)
class _Article:
    """What the passes of `RuleAttributor.attribute` share about one article: per quote span, the speaker
    found so far, whether it is a scare quote, its form and its paragraph's tokens."""

    text: str
    paragraphs: list[tuple[int, int]]
    spans: list[QuoteSpan]
    sentences: dict[int, list[int]]  # paragraph -> its sentence starts, worked out once
    reporter: dict[int, Found]  # paragraph -> the speaker of the speech it reports
    found: list[Found | None] = field(default_factory=list)
    scare: list[bool] = field(default_factory=list)
    forms: list[str] = field(default_factory=list)
    paras: list[ParaTokens | None] = field(default_factory=list)

    def __post_init__(self) -> None:
        n = len(self.spans)
        self.found = [None] * n
        self.scare = [False] * n
        self.forms = ["direct"] * n
        self.paras = [None] * n


class RuleAttributor(
    Cues, Layout, NotSpeech, Subjects, SubjectsAfter, NounPhrases, Continuation, ReportedSpeech, Crediting
):
    """The default `Attributor`: hand-written rules over the tokens around each quote (no model)."""

    def __init__(self, lex: Lexicon | None = None, indirect: bool = True) -> None:
        self.lex = lex or lexicon()
        self.words = self.lex.words  # the word lists every rule reads (seeds/quote_words.csv)
        self.indirect = indirect  # also extract reported speech ('X said (that) ...')
        self.verbs = self.lex.verb_lemma
        forms = [form for form in self.words.reporting_forms if form in self.verbs]
        # ' said' as a whole word (not 'saids', 'said-'): one scan of the text finds every reporting verb; the
        # forms grouped by first letter ('s(?:aid|ays)') so that each space is tried against a few letters
        groups: dict[str, list[str]] = {}
        for form in forms:
            groups.setdefault(form[0], []).append(re.escape(form[1:]))
        alternatives = "|".join(f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in groups.items())
        self._report_hits = re.compile(rf" (?:{alternatives})(?![^\W_]|[-’'])") if forms else None
        self.titles = self.lex.title_tokens
        self.nouns = self.lex.speaker_nouns
        self.namer = Namer(self.lex)  # canonical names and speaker nouns, shared with the pronoun resolver
        self._verb_heads = frozenset(self.lex.phrasal) | self.words.not_speech_before_to
        # the words a cue search stops at (`ParaTokens.jumps`): speech verbs, 'according' (to), speech nouns
        self._cue_words = frozenset(self.verbs) | {"according"}
        self._pre_words = self._cue_words | self.words.speech_nouns
        self._share_cues = self.words.share_words | {"in"}  # what a share subject needs: '31 %', 'four in 10'
        # the cues of a quote's speaker, in the order they are tried: the first to find one credits it
        # a digest item's headline, 'according to' in its sentence, else after the quote, before it, later in it,
        # else the agent of an attribution link ('seen by organizers as a "lifeboat"')
        self.cues = (self._headline, self._according, self._post, self._pre, self._later, self._link_agent)

    def _mark_verbs(self, p: ParaTokens) -> None:
        """Join two- and three-word speech verbs ('shot back', 'made it clear') and unmark verbs that are not speech
        ('continued to')."""
        lows = p.lows
        heads = self._verb_heads
        if heads.isdisjoint(lows):
            return
        phrasal = self.lex.phrasal
        last = len(lows) - 1
        for k in [k for k, low in enumerate(lows) if low in heads]:
            if k == last:
                continue
            low = lows[k]
            nxt = lows[k + 1]
            if nxt == "to" and low in self.words.not_speech_before_to:
                lows[k] = "_" + low  # 'continued to expand', 'added to the list'
            elif nxt in phrasal.get(low, ()):
                lows[k] = low + " " + nxt
            elif k + 1 < last and nxt + " " + lows[k + 2] in phrasal.get(low, ()):
                lows[k] = low + " " + nxt + " " + lows[k + 2]  # 'she made it clear that she has "serious concerns"'

    # ----------------------------------------------------------------- article
    def attribute(
        self,
        text: str,
        paragraphs: list[tuple[int, int]],
        spans: list[QuoteSpan],
        sentences: dict[int, list[int]] | None = None,
    ) -> list[Quote]:
        """Quotes of one article with speakers, in order of start; reported speech included.

        sentences: paragraph index -> its sentence starts (`tokens.sentence_starts`), for the paragraphs the
        caller has split already (the batch's `sentences` table); the others are split when needed, once.
        """
        sentences = {} if sentences is None else sentences
        reported = self._reported(text, paragraphs, spans, sentences) if self.indirect else []
        reporter = {clause.paragraph_no: clause.found for clause in reported}
        art = _Article(text, paragraphs, spans, sentences, reporter)
        if spans:
            # the passes, in order: each paragraph's own cues (and its quotes' speakers shared within it), then
            # quotes running over paragraphs, then paragraphs opening with a quote
            self._paragraph_cues(art)
            self._running_quotes(art)
            self._paragraph_openers(art)
        return self._build(text, spans, art.found, art.scare, art.forms, reported, paragraphs, sentences)

    def _paragraph_cues(self, art: _Article) -> None:
        """Every quote's own cue (`self.cues`, or a quote resumed after its attribution, or the subject of the
        sentence it is woven into); then the quotes of a paragraph left without a speaker take the nearest
        one that has one (`_donor`)."""
        spans = art.spans
        read = min(len(spans), MAX_QUOTES)  # the quotes the rules read; any after them stay unattributed
        i = 0
        while i < read:
            para_no = spans[i].paragraph_no
            j = i
            while j < read and spans[j].paragraph_no == para_no:
                j += 1
            p_start, p_end = art.paragraphs[para_no]
            starts = art.sentences.get(para_no)
            if starts is None:
                starts = art.sentences[para_no] = sentence_starts(art.text, p_start, p_end)
            p = ParaTokens.around_quotes(art.text, p_start, p_end, spans[i:j], starts)
            self._mark_verbs(p)
            for local, idx in enumerate(range(i, j)):
                art.paras[idx] = p
                art.found[idx] = self._own_cue(art, idx, p, p.quote_at[local], local > 0)
            for idx in range(i, j):
                if art.found[idx] is None and not art.scare[idx]:
                    art.found[idx] = self._donor(art.text, spans, art.found, art.scare, idx, i, j, p, art.reporter)
            i = j

    def _own_cue(self, art: _Article, idx: int, p: ParaTokens, q: int, after_another: bool) -> Found | None:
        """The speaker of quote `idx` (token q of p) from its own sentence; sets its scare flag and form."""
        span = art.spans[idx]
        found: Found | None = None
        previous = art.found[idx - 1] if after_another else None
        if previous is not None and self._resumes(art.text, span, p, q):
            found = previous.continued(Rule.RESUMED)
        if found is None and (
            self._is_work_title(art.text, span, p, q)
            or self._in_heading(art.text, span)
            or self._is_dated(art.text, span)
            or self._is_pull_quote(art.text, span, art.paragraphs[span.paragraph_no][0])
            or (after_another and self._next_title(art.text, art.spans[idx - 1], span, p, q))
        ):
            art.scare[idx] = True  # 'Clinton said on ABC's "This Week"': a programme, not her words
            return None
        for cue in () if found is not None else self.cues:
            found = cue(p, q)
            if found is not None:
                break
        if found is None and self._is_scare(art.text, span, p, q):
            art.scare[idx] = True
        art.forms[idx] = self._form(art.text, p, q, found)
        if found is None and not art.scare[idx] and not self._opens_sentence(p, q):
            # quoted words woven into a sentence with no speech verb: 'Trump attacked "..."', 'Obama, who called
            # the nominee "unfit to serve"'
            found = self._relative_clause(p, q)
            subject = None if found is not None else self._sentence_subject(p, q, clause=True)
            if subject is not None:
                found = Found.of(p, subject, None, Attribution.EXPLICIT, Rule.SENTENCE_SUBJECT)
        return found

    def _running_quotes(self, art: _Article) -> None:
        """Quotes running over paragraphs share a speaker, in both directions."""
        spans = art.spans
        found = art.found
        n = len(spans)
        for idx in range(1, n):
            donor = found[idx - 1]
            if spans[idx].continues and found[idx] is None and donor is not None:
                found[idx] = donor.continued(Rule.RUNNING_QUOTE)
        for idx in range(n - 2, -1, -1):
            donor = found[idx + 1]
            if spans[idx + 1].continues and found[idx] is None and donor is not None:
                found[idx] = donor.continued(Rule.RUNNING_QUOTE)

    def _paragraph_openers(self, art: _Article) -> None:
        """A paragraph opening with an unattributed quote continues the previous paragraph's last speaker: of
        its last quote, or else of the speech it reports ('Smith said the plan was sound.' / '"It works."')."""
        spans = art.spans
        found = art.found
        n = len(spans)
        for idx in range(n):
            span = spans[idx]
            if found[idx] is not None or art.scare[idx]:
                continue
            para = art.paras[idx]
            if para is None or para.quote_at[0] > 1 or (idx and spans[idx - 1].paragraph_no == span.paragraph_no):
                continue  # the quote does not open its paragraph
            if idx and spans[idx - 1].paragraph_no == span.paragraph_no - 1:
                donor = found[idx - 1]
            else:
                donor = art.reporter.get(span.paragraph_no - 1)
                if donor is None and span.paragraph_no > 0:
                    donor = self._introduced(art.text, art.paragraphs, art.sentences, span.paragraph_no - 1)
            if donor is None:
                continue
            found[idx] = donor.continued(Rule.PREVIOUS_PARAGRAPH)
            for later in range(idx + 1, n):
                if spans[later].paragraph_no != span.paragraph_no:
                    break
                if found[later] is None and not art.scare[later]:
                    found[later] = found[idx]
