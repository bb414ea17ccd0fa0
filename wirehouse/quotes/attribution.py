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
`RuleAttributor.cues`), `subjects.py` and `noun_phrases.py` (who is the subject of a cue), `continuation.py`
(quotes that take another quote's speaker), `reported.py` (reported speech), `naming.py` (canonical names)
and `pronouns.py` (who a pronoun is). Every speaker found names its rule (`model.Rule`).
"""

from __future__ import annotations

import re

from wirehouse.quotes.common import _first
from wirehouse.quotes.continuation import Continuation
from wirehouse.quotes.cues import Cues
from wirehouse.quotes.lexicon import (
    Lexicon,
    lexicon,
)
from wirehouse.quotes.model import Attribution, Credit, Found, Item, MentionKind, Quote, QuoteSpan, Reported, Rule
from wirehouse.quotes.naming import Namer
from wirehouse.quotes.noun_phrases import NounPhrases
from wirehouse.quotes.pronouns import Antecedents
from wirehouse.quotes.reported import ReportedSpeech
from wirehouse.quotes.speakers import NameBook
from wirehouse.quotes.subjects import Subjects
from wirehouse.quotes.tokens import (
    MAX_QUOTES,
    ParaTokens,
    sentence_starts,
)


class RuleAttributor(Cues, Subjects, NounPhrases, Continuation, ReportedSpeech):
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
        # the cues of a quote's speaker, in the order they are tried: the first to find one credits it
        self.cues = (self._post, self._pre, self._later)  # after the quote, before it, later in its sentence

    def _mark_verbs(self, p: ParaTokens) -> None:
        """Join two-word speech verbs ('shot back') and unmark verbs that are not speech ('continued to')."""
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

    # ----------------------------------------------------------------- article
    def attribute(self, text: str, paragraphs: list[tuple[int, int]], spans: list[QuoteSpan]) -> list[Quote]:
        """Quotes of one article with speakers, in order of start; reported speech included."""
        sentences: dict[int, list[int]] = {}  # paragraph -> its sentence starts, worked out once
        reported = self._reported(text, paragraphs, spans, sentences) if self.indirect else []
        reporter = {clause.paragraph_no: clause.found for clause in reported}
        if not spans:
            return self._build(text, spans, [], [], [], reported, paragraphs, sentences)
        n = len(spans)
        found: list[Found | None] = [None] * n
        scare = [False] * n
        forms = ["direct"] * n
        paras: list[ParaTokens | None] = [None] * n
        para_of: dict[int, ParaTokens] = {}
        read = min(n, MAX_QUOTES)  # the quotes the rules read; any after them stay unattributed
        i = 0
        while i < read:
            para_no = spans[i].paragraph_no
            j = i
            while j < read and spans[j].paragraph_no == para_no:
                j += 1
            p_start, p_end = paragraphs[para_no]
            starts = sentences.get(para_no)
            if starts is None:
                starts = sentences[para_no] = sentence_starts(text, p_start, p_end)
            p = ParaTokens.around_quotes(text, p_start, p_end, spans[i:j], starts)
            self._mark_verbs(p)
            para_of[para_no] = p
            for local, idx in enumerate(range(i, j)):
                q = p.quote_at[local]
                paras[idx] = p
                attr: Found | None = None
                previous = found[idx - 1] if local else None
                if previous is not None and self._resumes(text, spans[idx], p, q):
                    attr = previous.continued(Rule.RESUMED)
                for cue in () if attr is not None else self.cues:
                    attr = cue(p, q)
                    if attr is not None:
                        break
                if attr is None and self._is_scare(text, spans[idx], p, q):
                    scare[idx] = True
                forms[idx] = self._form(text, p, q, attr)
                if attr is None and not scare[idx] and not self._opens_sentence(p, q):
                    # quoted words woven into a sentence with no speech verb: 'Trump attacked "..."'
                    subject = self._sentence_subject(p, q, clause=True)
                    if subject is not None:
                        attr = Found.of(p, subject, None, Attribution.EXPLICIT, Rule.SENTENCE_SUBJECT)
                found[idx] = attr
            # quotes of the paragraph with no speaker of their own take the nearest one that has one
            for idx in range(i, j):
                if found[idx] is None and not scare[idx]:
                    found[idx] = self._donor(text, spans, found, scare, idx, i, j, p, reporter)
            i = j
        # quotes running over paragraphs share a speaker, in both directions
        for idx in range(1, n):
            donor = found[idx - 1]
            if spans[idx].continues and found[idx] is None and donor is not None:
                found[idx] = donor.continued(Rule.RUNNING_QUOTE)
        for idx in range(n - 2, -1, -1):
            donor = found[idx + 1]
            if spans[idx + 1].continues and found[idx] is None and donor is not None:
                found[idx] = donor.continued(Rule.RUNNING_QUOTE)
        # a paragraph opening with an unattributed quote continues the previous paragraph's last speaker:
        # of its last quote, or else of the speech it reports ('Smith said the plan was sound.' / '"It works."')
        for idx in range(n):
            span = spans[idx]
            if found[idx] is not None or scare[idx]:
                continue
            para = paras[idx]
            if para is None or para.quote_at[0] > 1 or (idx and spans[idx - 1].paragraph_no == span.paragraph_no):
                continue  # the quote does not open its paragraph
            if idx and spans[idx - 1].paragraph_no == span.paragraph_no - 1:
                donor = found[idx - 1]
            else:
                donor = reporter.get(span.paragraph_no - 1)
                if donor is None and span.paragraph_no > 0:
                    donor = self._introduced(text, *paragraphs[span.paragraph_no - 1])
            if donor is None:
                continue
            found[idx] = donor.continued(Rule.PREVIOUS_PARAGRAPH)
            for later in range(idx + 1, n):
                if spans[later].paragraph_no != span.paragraph_no:
                    break
                if found[later] is None and not scare[later]:
                    found[later] = found[idx]
        return self._build(text, spans, found, scare, forms, reported, paragraphs, sentences)

    # ----------------------------------------------------------------- speakers
    def _build(
        self,
        text: str,
        spans: list[QuoteSpan],
        found: list[Found | None],
        scare: list[bool],
        forms: list[str],
        reported: list[Reported],
        paragraphs: list[tuple[int, int]],
        sentences: dict[int, list[int]],
    ) -> list[Quote]:
        book = NameBook(text, self.lex)
        names: dict[str, tuple[str | None, str]] = {}  # mention text -> (speaker, speaker kind)
        quotes: list[Quote] = []
        ante: Antecedents | None = None  # made when the first pronoun needs it
        credits: list[Credit] = []  # explicit speakers so far, for pronouns
        places: dict[tuple[ParaTokens, int, int], tuple[int, int, str]] = {}  # mention tokens -> offsets, text
        companies: set[str] = set()  # speakers that are descriptions of a company: 'firm', 'carmaker'
        described: set[str] = set()  # mentions that are descriptions: 'the firm', 'a Bank of England spokesman'
        items = [
            Item(span.start, span.end, span.paragraph_no, "scare" if scare[i] else forms[i], found[i])
            for i, span in enumerate(spans)
        ]
        if reported:
            items += [Item(r.start, r.end, r.paragraph_no, "indirect", r.found) for r in reported]
            items.sort(key=_first)
        for idx, (q_start, q_end, para_no, kind, attr) in enumerate(items):
            mention = speaker = cue = None
            m_start = m_end = None
            speaker_kind = "unknown"
            how = Attribution.NONE
            rule = None
            if attr is not None and kind != "scare":
                rule = attr.rule
                p = attr.para
                key = (p, attr.first, attr.last)
                offsets = places.get(key)
                if offsets is None:  # continued quotes share their mention: find its offsets once
                    m_start = p.start_of(attr.first)
                    m_end = m_start + len(p.toks[attr.first]) if attr.first == attr.last else p.end_of(attr.last)
                    offsets = places[key] = (m_start, m_end, text[m_start:m_end])
                m_start, m_end, mention = offsets
                cue = attr.cue
                how = attr.via
                if attr.kind == MentionKind.PRONOUN:
                    if how == Attribution.EXPLICIT:
                        how = Attribution.PRONOUN
                    first = attr.first
                    # '..., he claimed,' after a clause: the clause's subject is not the speaker
                    aside = first > 1 and p.toks[first - 1] == "," and p.lows[first - 2] not in self.words.relatives
                    if ante is None:
                        ante = Antecedents(self.namer, text, paragraphs, sentences, book, names, spans, credits)
                    resolved = ante.resolved.get(m_start)
                    if resolved is None:  # a quote continuing another keeps what its pronoun was resolved to
                        resolved = ante.resolved[m_start] = ante.resolve(p.lows[first], m_start, para_no, aside)
                    speaker, speaker_kind = resolved
                else:
                    cached = names.get(mention)
                    if cached is None:
                        cached = names[mention] = self.namer.speaker_name(mention, attr.kind, book)
                        if attr.kind == MentionKind.DESC or self.namer.is_description(mention):
                            described.add(mention)
                        if attr.kind == MentionKind.DESC and cached[0] is not None and self.namer.company_desc(mention):
                            companies.add(cached[0])
                    speaker, speaker_kind = cached
                    if how == Attribution.EXPLICIT and speaker is not None:
                        credits.append(Credit(m_start, mention, attr.kind, speaker, speaker_kind))
            quotes.append(
                Quote(
                    idx,
                    kind,
                    text[q_start:q_end],
                    q_start,
                    q_end,
                    para_no,
                    mention,
                    m_start,
                    m_end,
                    speaker,
                    speaker_kind,
                    cue,
                    how.value,
                    rule,
                )
            )
        company = self.namer.sole_company(text, book, credits) if companies else None
        self._descriptions(quotes, names, described, companies, company)
        return quotes

    def _descriptions(
        self,
        quotes: list[Quote],
        names: dict[str, tuple[str | None, str]],
        described: set[str],
        companies: set[str],
        company: str | None,
    ) -> None:
        """Only named people and organisations are speakers. 'the firm', 'the carmaker' become the one company
        the article credits with speech, if there is exactly one (`company`); any other description ('a Bank of
        England spokesman', 'analysts', 'the report'), and a pronoun that refers to one, keeps its mention with
        speaker_kind 'description', the organisation it names as its affiliation, and no canonical speaker."""
        named: dict[str, str] = {}  # speakers of name mentions -> their kind
        for mention, (speaker, kind) in names.items():
            if speaker is not None and kind in ("person", "organisation") and mention not in described:
                named.setdefault(speaker, kind)
        for quote in quotes:
            if quote.speaker is None:
                continue
            pronoun = quote.attribution == Attribution.PRONOUN
            if company is not None and quote.speaker in companies:
                quote.speaker, quote.speaker_kind = company, "organisation"
            elif quote.speaker in named and (pronoun or quote.speaker_mention not in described):
                quote.speaker_kind = named[quote.speaker]
            else:
                if not pronoun and quote.speaker_mention:
                    quote.speaker_affiliation = self.namer.affiliation(quote.speaker_mention)
                quote.speaker, quote.speaker_kind = None, "description"
