"""Crediting: the speakers found by the cues become `Quote`s with canonical speakers, pronouns resolved,
descriptions kept apart from named people and organisations.

A part of `RuleAttributor` (`attribution.py`): its methods read the attributor's lexicon and call the other parts.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from wirehouse.compiled import trait
from wirehouse.quotes.common import _first
from wirehouse.quotes.model import Attribution, Credit, Found, Item, MentionKind, Quote, QuoteSpan, Reported, Rule
from wirehouse.quotes.pronouns import Antecedents
from wirehouse.quotes.speakers import NameBook
from wirehouse.quotes.tokens import ParaTokens

# rules whose speaker is the subject right next to its speech verb: a possessive there is a name ("Moody's said")
_SUBJECT_RULES = (
    Rule.VERB_SUBJECT.value,
    Rule.INVERTED_VERB.value,
    Rule.AFTER_SUBJECT_FIRST.value,
    Rule.COORDINATED_VERB.value,  # "Moody's cut the rating and said"
)
_ATTRIBUTION_TEXT = {how: how.value for how in Attribution}  # a dict lookup: `.value` is slow on a hot path


@dataclass(slots=True)
class _Ledger:
    """What crediting the quotes of one article builds up, quote by quote."""

    text: str
    paragraphs: list[tuple[int, int]]
    sentences: dict[int, list[int]]
    spans: list[QuoteSpan]
    book: NameBook
    names: dict[str, tuple[str | None, str]] = field(default_factory=dict)  # mention -> (speaker, speaker kind)
    ante: Antecedents | None = None  # made when the first pronoun needs it
    credits: list[Credit] = field(default_factory=list)  # explicit speakers so far, for pronouns
    places: dict[tuple[ParaTokens, int, int], tuple[int, int, str]] = field(default_factory=dict)  # -> offsets, text
    companies: set[str] = field(default_factory=set)  # speakers that are descriptions of a company: 'firm'
    described: set[str] = field(default_factory=set)  # mentions that are descriptions: 'the firm'


@trait
class Crediting:
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
        """The article's quotes and reported clauses, in order of start, with their speakers credited."""
        ledger = _Ledger(text, paragraphs, sentences, spans, NameBook(text, self.lex))
        items = [
            Item(span.start, span.end, span.paragraph_no, "scare" if scare[i] else forms[i], found[i])
            for i, span in enumerate(spans)
        ]
        if reported:
            items += [Item(r.start, r.end, r.paragraph_no, "indirect", r.found) for r in reported]
            items.sort(key=_first)
        quotes = [self._credit(ledger, idx, item) for idx, item in enumerate(items)]
        company = self.namer.sole_company(text, ledger.book, ledger.credits) if ledger.companies else None
        self._descriptions(quotes, ledger.names, ledger.described, ledger.companies, company)
        return quotes

    def _credit(self, ledger: _Ledger, idx: int, item: Item) -> Quote:
        """The `Quote` of one item: its mention's offsets, canonical speaker and how it was credited."""
        text = ledger.text
        found = item.found
        if found is None or item.kind == "scare":
            return Quote(idx, item.kind, text[item.start : item.end], item.start, item.end, item.paragraph_no)
        p = found.para
        key = (p, found.first, found.last)
        offsets = ledger.places.get(key)
        if offsets is None:  # continued quotes share their mention: find its offsets once
            m_start = p.start_of(found.first)
            m_end = m_start + len(p.toks[found.first]) if found.first == found.last else p.end_of(found.last)
            offsets = ledger.places[key] = (m_start, m_end, text[m_start:m_end])
        m_start, m_end, mention = offsets
        how = found.via
        affiliation = None
        if found.kind == MentionKind.PRONOUN:
            if how == Attribution.EXPLICIT:
                how = Attribution.PRONOUN
            speaker, speaker_kind = self._pronoun_speaker(ledger, found, m_start, item.paragraph_no)
        else:
            speaker, speaker_kind = self._named_speaker(ledger, found, mention)
            if how == Attribution.EXPLICIT and speaker is not None:
                ledger.credits.append(Credit(m_start, mention, found.kind, speaker, speaker_kind))
            if found.stand_in >= 0:  # 'Trump, who has called ...': the quote's mention is 'who', its speaker Trump
                if found.kind == MentionKind.DESC:
                    affiliation = self.namer.affiliation(mention)  # 'a Bank of England spokesman, who added'
                m_start = p.start_of(found.stand_in)
                m_end = m_start + len(p.toks[found.stand_in])
                mention = text[m_start:m_end]
                if how == Attribution.EXPLICIT:
                    how = Attribution.PRONOUN
        return Quote(
            idx,
            item.kind,
            text[item.start : item.end],
            item.start,
            item.end,
            item.paragraph_no,
            mention,
            m_start,
            m_end,
            speaker,
            speaker_kind,
            found.cue,
            _ATTRIBUTION_TEXT[how],
            found.rule,
            affiliation,
        )

    def _named_speaker(self, ledger: _Ledger, found: Found, mention: str) -> tuple[str | None, str]:
        """Who a name or a description `found` (written `mention`) names: (speaker, speaker kind), once per mention."""
        cached = ledger.names.get(mention)
        if cached is None:
            owner = None
            if found.kind == MentionKind.NAME and found.rule.endswith(_SUBJECT_RULES):
                owner = self.namer.possessive_name(mention)  # "Moody's said": no one's possessive
            if owner is not None:
                cached = ledger.names[mention] = (owner, "organisation")
            else:
                cached = ledger.names[mention] = self.namer.speaker_name(mention, found.kind, ledger.book)
            if found.kind == MentionKind.DESC or self.namer.is_description(mention):
                ledger.described.add(mention)
            if found.kind == MentionKind.DESC and cached[0] is not None and self.namer.company_desc(mention):
                ledger.companies.add(cached[0])
        return cached

    def _pronoun_speaker(self, ledger: _Ledger, found: Found, m_start: int, para_no: int) -> tuple[str | None, str]:
        """Who the pronoun `found` names: (speaker, speaker kind)."""
        p = found.para
        first = found.first
        # '..., he claimed,' after a clause: the clause's subject is not the speaker
        aside = first > 1 and p.toks[first - 1] == "," and p.lows[first - 2] not in self.words.relatives
        ante = ledger.ante
        if ante is None:
            ante = ledger.ante = Antecedents(
                self.namer,
                ledger.text,
                ledger.paragraphs,
                ledger.sentences,
                ledger.book,
                ledger.names,
                ledger.spans,
                ledger.credits,
            )
        resolved = ante.resolved.get(m_start)
        if resolved is None:  # a quote continuing another keeps what its pronoun was resolved to
            resolved = ante.resolved[m_start] = ante.resolve(p.lows[first], m_start, para_no, aside)
        return resolved

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
        fuller = self.namer.fuller_organisations(named)
        orgs = [name for name, kind in named.items() if kind == "organisation"]
        for quote in quotes:
            if quote.speaker is None:
                continue
            pronoun = quote.attribution == Attribution.PRONOUN
            short = self.namer.short_form(quote.speaker_mention, orgs) if orgs and not pronoun else None
            if company is not None and quote.speaker in companies:
                quote.speaker, quote.speaker_kind = company, "organisation"
            elif quote.speaker in named and (pronoun or quote.speaker_mention not in described):
                quote.speaker_kind = named[quote.speaker]
                quote.speaker = fuller.get(quote.speaker, quote.speaker)
            elif short is not None:  # 'the Post' of 'The Washington Post', 'the Bank' of 'the Bank of England'
                quote.speaker, quote.speaker_kind = fuller.get(short, short), "organisation"
            else:
                if not pronoun and quote.speaker_mention and quote.speaker_affiliation is None:
                    quote.speaker_affiliation = self.namer.affiliation(quote.speaker_mention)
                quote.speaker, quote.speaker_kind = None, "description"
