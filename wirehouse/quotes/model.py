"""The quote record every stage shares, and the seam where another attributor can be plugged in.

Finding quote spans (`marks.py`) and deciding who said them (`attribution.py`) are separate steps so that a
model-based attributor can replace the rules without touching span finding or the callers.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, NamedTuple, Protocol

if TYPE_CHECKING:
    from wirehouse.quotes.tokens import ParaTokens

KINDS = ("direct", "partial", "indirect", "scare")
MARKED_KINDS = frozenset({"direct", "partial"})  # quoted words that are attributed to someone
SPEAKER_KINDS = ("person", "organisation", "description", "unknown")
ATTRIBUTIONS = ("explicit", "continuation", "pronoun", "none")


class Rule(StrEnum):
    """The rule that credited a quote's speaker, as stored in `quotes.attribution_rule`.

    A speaker found as the subject of a speech verb is named '<cue>.<subject rule>': 'before_quote.verb_subject'
    for 'X said: "..."', 'reported.inverted_verb' for '..., said X.' in reported speech.
    """

    # a cue right after the quote
    AFTER_VERB_FIRST = "after_quote.verb_first"  # '"...," said X'
    AFTER_SUBJECT_FIRST = "after_quote.subject_first"  # '"...," X said'
    # a digest item's headline: 'ROLL TIDE Alabama beat Clemson in a game many are calling an "instant classic."'
    HEADLINE = "headline"
    # a cue before the quote, in its sentence (prefixes of the subject rules below)
    BEFORE_QUOTE = "before_quote"  # 'X said: "..."', 'X told reporters the plan was "..."'
    TRANSCRIPT_NAME = "before_quote.transcript_name"  # 'Philip Bump: "..."'
    EXCERPT_SOURCE = "before_quote.excerpt_source"  # 'From the report: "..."'
    SPEECH_NOUN_OWNER = "before_quote.speech_noun_owner"  # 'Trump’s claim that Obama "founded ISIS"'
    ACCORDING_TO = "before_quote.according_to"  # 'according to X, "..."'
    AGENT_AFTER_QUOTE = "before_quote.agent_after_quote"  # 'was described as "..." by X'
    LINK_AGENT = "before_quote.link_agent"  # 'an option seen by organizers as a "lifeboat"'
    # a cue later in the quote's sentence
    LATER_VERB = "later_in_sentence.verb"  # 'called it "..." and "...," the senator said'
    LATER_ACCORDING_TO = "later_in_sentence.according_to"
    # no cue: the subject of the quote's own sentence, or of the one before
    SENTENCE_SUBJECT = "sentence_subject"  # 'Trump attacked "..."'
    RELATIVE_CLAUSE = "relative_clause"  # 'Obama, who called the nominee "unfit to serve"': 'who', standing for Obama
    PREVIOUS_SENTENCE = "previous_sentence"  # 'Patriots wanted ..., Mr Straw said. "..."' (+ a subject rule)
    PREVIOUS_SUBJECT = "previous_sentence.subject"  # 'Clinton touted her record. "We need to ..."'
    INTRODUCED = "introduced"  # 'Stone released the following statement:' + a quote paragraph
    INTRODUCED_SUBJECT = "introduced.subject"
    INTRODUCED_ACCORDING = "introduced.according_to"  # 'According to X, the money ...' + a quote paragraph
    REPORTED = "reported"  # reported speech: 'X said (that) ...' (+ a subject rule)
    # the subject of a speech verb (after one of the prefixes above)
    VERB_SUBJECT = "verb_subject"  # 'X said'
    INVERTED_VERB = "inverted_verb"  # 'said X,'
    PARTICIPLE_SUBJECT = "participle_subject"  # '..., adding:' / 'in a statement saying' -> the clause's subject
    PASSIVE_BY_AGENT = "passive_by_agent"  # 'was told by X'
    VERB_BY_AGENT = "verb_by_agent"  # 'as described by FBI Director James Comey'
    COORDINATED_VERB = "coordinated_verb"  # 'X supports A and called B "..."'
    OUTER_SUBJECT = "outer_subject"  # 'X said Y called it "..."': the one who reports the clause, X
    SHARE_SUBJECT = "share_subject"  # 'About four in 10 said they were "angry"': a share of people
    POLL_SOURCE = "poll_source"  # 'In a CNN/ORC poll, 31% of Republicans said "..."': the poll, for its respondents
    RELATIVE_SUBJECT = "relative_subject"  # 'Trump, who has called the pact "insanity,"': 'who', standing for Trump
    # continuation: the speaker of another quote
    RESUMED = "continuation.resumed"  # '"We know," he wrote, "you are rooting for her."'
    RUNNING_QUOTE = "continuation.running_quote"  # a quote running on over paragraphs
    RUN_AFTER = "continuation.run_after"  # '"A." "B," X said': A takes B's speaker
    QUOTE_BEFORE = "continuation.quote_before"  # the nearest attributed quote before, in the paragraph
    QUOTE_LATER = "continuation.quote_later"  # the next attributed quote of the paragraph
    PREVIOUS_PARAGRAPH = "continuation.previous_paragraph"  # a paragraph opening with a quote: the last speaker


class MentionKind(StrEnum):
    """What a noun phrase credited with speech is, before the article decides who it names."""

    PRONOUN = "pronoun"  # 'he', 'they'
    NAME = "name"  # a run of capitalised words: 'Sen. John McCain', 'the Kremlin'
    DESC = "desc"  # a description: 'the senator', 'a company spokesman', 'officials'


class Attribution(StrEnum):
    """How a quote got its speaker, as stored in `quotes.attribution`."""

    EXPLICIT = "explicit"  # a cue of its own names the speaker
    CONTINUATION = "continuation"  # it takes another quote's (or the paragraph before's) speaker
    PRONOUN = "pronoun"  # an explicit cue whose speaker is a pronoun
    NONE = "none"  # nobody is credited


class Mention(NamedTuple):
    """A noun phrase that may be a speaker: tokens first..last (inclusive) of a `ParaTokens`, and its kind."""

    first: int
    last: int
    kind: MentionKind


@dataclass(slots=True)
class Found:
    """A speaker found for one quote: token range of the mention in `para`, cue verb, how it was found."""

    para: ParaTokens
    first: int
    last: int
    kind: MentionKind
    cue: str | None
    via: Attribution  # EXPLICIT or CONTINUATION
    rule: str  # the rule that found the speaker: a `Rule`, or 'cue.rule' for a verb's subject found by a cue
    # the token of a relative pronoun that is the cue's subject and stands for the mention ('Trump, who has
    # called the pact "insanity,"'): the quote's mention is that word, its speaker the mention's; -1 if none
    stand_in: int = -1

    @classmethod
    def of(cls, para: ParaTokens, mention: Mention, cue: str | None, via: Attribution, rule: str) -> Found:
        """The speaker `mention` of `para`, found by `rule` through the cue word `cue`."""
        return cls(para, mention.first, mention.last, mention.kind, cue, via, rule)

    def continued(self, rule: Rule) -> Found:
        """The same speaker, credited by `rule` to a quote that continues this one's."""
        return Found(
            self.para, self.first, self.last, self.kind, self.cue, Attribution.CONTINUATION, rule, self.stand_in
        )


class Reported(NamedTuple):
    """A reported clause ('X said (that) CLAUSE'): its offsets, paragraph and speaker."""

    start: int
    end: int
    paragraph_no: int
    found: Found


class Credit(NamedTuple):
    """A speaker named explicitly so far in the article: what pronouns and descriptions may refer to."""

    start: int  # offset of the mention
    mention: str  # as written: 'President Reagan'
    kind: MentionKind
    speaker: str  # canonical: 'Ronald Reagan'
    speaker_kind: str  # 'person' | 'organisation' | 'unknown'


class Item(NamedTuple):
    """A quote or reported clause on its way to a `Quote`: offsets, paragraph, kind and speaker found."""

    start: int
    end: int
    paragraph_no: int
    kind: str  # one of KINDS
    found: Found | None


@dataclass(slots=True)
class Quote:
    """One quote (or reported clause) in an article; offsets slice the text given to `extract_quotes`."""

    quote_no: int  # 0-based order in the article by start
    kind: str  # 'direct' | 'partial' | 'indirect' | 'scare'
    text: str  # == text[start:end], without the quote marks
    start: int
    end: int
    paragraph_no: int  # index into the paragraph spans used
    speaker_mention: str | None = None  # surface text as written: 'Trump', 'he', 'the Kremlin'
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker: str | None = None  # canonical within the article: fullest name used, titles dropped
    speaker_kind: str = "unknown"  # 'person' | 'organisation' | 'description' (no canonical speaker) | 'unknown'
    cue_verb: str | None = None  # 'said', 'told', 'adding', ...
    attribution: str = "none"  # 'explicit' | 'continuation' | 'pronoun' | 'none'
    attribution_rule: str | None = None  # the `Rule` that credited the speaker; None when nobody is credited
    speaker_affiliation: str | None = None  # of a description: 'a Bank of England spokesman' -> 'Bank of England'


@dataclass(slots=True)
class QuoteSpan:
    """Quoted text found between marks, before anyone is credited with it.

    `open_pos`/`close_pos` are the offsets of the marks themselves (-1 when the paragraph ends before the
    quote closes, the newspaper convention for a quote running on into the next paragraph).
    """

    start: int
    end: int
    open_pos: int
    close_pos: int
    paragraph_no: int
    continues: bool = False  # this paragraph's chunk continues a quote left open in the previous one


class Attributor(Protocol):
    """Turns the quote spans of one article into `Quote`s: kind, speaker, cue verb, attribution.

    The rule-based `RuleAttributor` is the default; a statistical one only has to honour this signature
    (`sentences`, the paragraphs' sentence starts, is passed only by callers that have split them already:
    one that takes the first three arguments only still plugs in).
    """

    def attribute(
        self,
        text: str,
        paragraphs: list[tuple[int, int]],
        spans: list[QuoteSpan],
        sentences: dict[int, list[int]] | None = None,
    ) -> list[Quote]: ...
