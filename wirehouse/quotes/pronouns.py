"""Pronoun speakers: who 'he', 'she', 'they' or 'it' refers to, from what the article has said before it.

Given the naming rules (`naming.Namer`) and the speakers credited so far, never the attributor itself.
"""

from __future__ import annotations

from bisect import bisect_right
from enum import Enum

from wirehouse.quotes.model import Credit, MentionKind, QuoteSpan
from wirehouse.quotes.name_core import strip_possessive
from wirehouse.quotes.naming import Namer, head_words
from wirehouse.quotes.speakers import NameBook
from wirehouse.quotes.tokens import sentence_starts


class Look(Enum):
    """What is known of a named antecedent before a pronoun needs its gender (else its gender: 'he', 'she', or
    None for a person of unknown gender)."""

    UNCHECKED = "unchecked"  # whether it is a person, and its gender, are looked up in the article when needed
    NOT_PERSON = "not a person"  # looked up: no person ('Chrysler', 'Iraq')


Gender = str | Look | None  # of an antecedent: 'he' | 'she' | None, or what is known of it before that


def _offset(item: tuple[int, str, Gender]) -> int:
    return item[0]


def _first_of(text: str, needles: tuple[str, ...]) -> int:
    """Offset of the first of `needles` in `text`, or -1."""
    found = [at for at in (text.find(needle) for needle in needles) if at >= 0]
    return min(found) if found else -1


class Antecedents:
    """Who a pronoun speaker refers to, from what the article has said before it.

    'he' and 'she' go to a single person: a named speaker the article shows to be a person (a full name
    credited with speech, or an honorific, a role or an age next to the name, or a gendered noun: 'his
    mother Katherine Jackson'), an indefinite description of one ('a Home Office spokesman', "Mr Jackson's
    mother"), or a named person who is the subject of a sentence between the last credited person and the
    pronoun ('Davenport believes there is room for improvement. "I started well," she said.'); never a
    plural noun, an organisation or a place; the most recent one whose gender does not say otherwise.
    'they' goes to the most recent organisation or group ('officials'); 'it' to the most recent
    organisation or source ('the report'). Names are checked only when a pronoun needs them.
    """

    __slots__ = (
        "book",
        "groups",
        "known",
        "last_taken",
        "learned",
        "namer",
        "names",
        "paragraphs",
        "pending",
        "persons",
        "quote_starts",
        "quoted",
        "resolved",
        "sentences",
        "spans",
        "subjects",
        "surnames",
        "taken",
        "text",
        "things",
        "words",
    )

    def __init__(
        self,
        namer: Namer,
        text: str,
        paragraphs: list[tuple[int, int]],
        sentences: dict[int, list[int]],
        book: NameBook,
        names: dict[str, tuple[str | None, str]],
        spans: list[QuoteSpan],
        credits: list[Credit],
    ) -> None:
        self.namer = namer
        self.words = namer.lex.words
        self.spans = spans
        self.quoted: list[tuple[int, int]] | None = None  # the quotes' (start, end), when first needed
        self.quote_starts: list[int] = []
        self.text = text
        self.paragraphs = paragraphs
        self.sentences = sentences
        self.book = book
        self.names = names
        # (offset, speaker, gender): 'he' | 'she' | None, or Look.UNCHECKED for a name not yet looked at
        self.persons: list[tuple[int, str, Gender]] = []
        self.groups: list[tuple[int, str]] = []  # organisations and plural speakers, for 'they'
        self.things: list[tuple[int, str]] = []  # organisations and sources, for 'it'
        # sentence start -> its named subject: (offset, name, gender or Look.UNCHECKED)
        self.subjects: dict[int, tuple[int, str, Gender] | None] = {}
        self.known: set[str] = set()  # full names credited with speech: persons
        self.surnames: dict[str, str] = {}  # their surnames -> the names
        self.last_taken: str | None = None  # the last of them sorted out
        self.learned: dict[str, str] = {}  # name -> the pronoun that referred to it
        self.resolved: dict[int, tuple[str | None, str]] = {}  # pronoun offset -> (speaker, kind)
        self.pending = credits  # explicit speakers (the caller appends to it), sorted out up to `taken`
        self.taken = 0

    def _take(self, pos: int, mention: str, kind: MentionKind, speaker: str, speaker_kind: str) -> None:
        if kind == MentionKind.NAME and speaker_kind != "unknown":
            if speaker_kind == "organisation":
                self.groups.append((pos, speaker))
                self.things.append((pos, speaker))
            else:
                if speaker is not self.last_taken and " " in speaker and not speaker.isupper():
                    self.known.add(speaker)
                    self.surnames[speaker.rsplit(" ", 1)[1]] = speaker
                    self.known.update(speaker.split())  # 'Yao' of 'Yao Yilin', surname first
                    self.last_taken = speaker  # the same speaker credited again needs none of this
                elif " " not in speaker and " " in mention and speaker not in self.known:
                    # 'President Reagan said': an office right before a surname credited with speech makes a
                    # person (not a role: 'Rival Sony has said')
                    prev = mention.split()[-2]
                    if prev[:1].isupper() and prev.lower().rstrip(".") in self.namer.lex.office_heads:
                        self.known.add(speaker)
                # 'Mr Blair said': the honorific says the person's gender; else the article is looked at
                space = mention.find(" ")
                gender = self.namer.lex.honorifics.get(mention[:space].lower().rstrip(".")) if space > 0 else None
                self.persons.append((pos, speaker, gender or Look.UNCHECKED))
            return
        words = head_words(mention.split(), self.words.pp_links)
        info = self.namer.noun_info(strip_possessive(words[-1]).lower()) if words else None
        if info is None:
            return
        noun_kind, gender, plural = info
        if noun_kind == "person" and not plural:
            if words[0].lower() not in self.words.anaphoric:  # 'the spokesman' refers back to someone already named
                self.persons.append((pos, speaker, gender or None))
        elif noun_kind == "person" or noun_kind == "organisation":
            self.groups.append((pos, speaker))
            if noun_kind == "organisation" and not plural:
                self.things.append((pos, speaker))
        elif not plural:
            self.things.append((pos, speaker))  # 'the report'; not 'the figures'
        else:
            self.groups.append((pos, speaker))

    def resolve(self, pronoun: str, pos: int, para_no: int, aside: bool = False) -> tuple[str | None, str]:
        """(speaker, speaker kind) for a pronoun mention at `pos`; `aside`: the pronoun attributes its own
        sentence from the side ('Mr Blair has failed, he claimed'), so that sentence's subject is not it."""
        pending = self.pending
        if self.taken < len(pending):
            for at in range(self.taken, len(pending)):
                self._take(*pending[at])
            self.taken = len(pending)
        persons = self.persons
        if pronoun == "i":
            return (persons[-1][1], "person") if persons else (None, "unknown")
        if pronoun in ("he", "she"):
            recent = persons[-1][0] if persons else -1
            # a sentence between the last person and the pronoun may name a nearer one
            found = self._subjects(recent, pos, para_no, aside) if pos - recent > 40 else None
            if found:
                persons += found
                persons.sort(key=_offset)
            learned = self.learned
            book = self.book
            for at in range(len(persons) - 1, max(-1, len(persons) - 10), -1):
                p_pos, name, gender = persons[at]
                if p_pos >= pos or gender is Look.NOT_PERSON:
                    continue
                if gender is Look.UNCHECKED and name in self.known and name in learned:
                    gender = learned[name]  # a person already, and the pronoun said which
                elif gender is Look.UNCHECKED:
                    gender, person = book.profile(name)
                    if not person and name not in self.known:
                        persons[at] = (p_pos, name, Look.NOT_PERSON)
                        continue
                    persons[at] = (p_pos, name, gender)
                elif gender is not None and name not in self.known:
                    self.known.add(name)  # a subject a pronoun of the sentence refers to: a person
                gender = gender or learned.get(name)
                if gender is None or gender == pronoun:
                    persons.append((pos, name, pronoun))
                    learned[name] = pronoun  # what the pronoun says of the person
                    return name, "person"
            return None, "unknown"
        if pronoun == "they" and self.groups:
            return self.groups[-1][1], "unknown"
        if pronoun == "it" and self.things:
            return self.things[-1][1], "organisation"
        return None, "unknown"

    def _subjects(self, lo: int, hi: int, para_no: int, aside: bool) -> list[tuple[int, str, Gender]]:
        """Named persons who are the subject of a sentence starting after `lo` and before `hi` (and ending
        before it, if `aside`), outside quotes, looking back from `hi` over at most four sentences of this
        paragraph and the one before and stopping at the second found; in text order."""
        out: list[tuple[int, str, Gender]] = []
        text = self.text
        quoted = self.quoted
        if quoted is None:
            quoted = self.quoted = [(s.open_pos if s.open_pos >= 0 else s.start, s.end) for s in self.spans]
            self.quote_starts = [start for start, _ in quoted]
        quote_starts = self.quote_starts
        subjects = self.subjects
        looked = 0
        for no in range(para_no, max(-1, para_no - 2), -1):
            if no >= len(self.paragraphs):
                continue
            p_start, p_end = self.paragraphs[no]
            if p_end <= lo:
                break
            starts = self.sentences.get(no)
            if starts is None:
                starts = self.sentences[no] = sentence_starts(text, p_start, p_end)
            at = bisect_right(starts, hi - 1) - 1
            if aside and no == para_no:
                at -= 1  # not the pronoun's own sentence
            while at >= 0:
                start = starts[at]
                if start <= lo:
                    return out
                if start in subjects:
                    found = subjects[start]
                else:
                    q = bisect_right(quote_starts, start) - 1
                    if q >= 0 and quoted[q][1] > start:
                        found = None  # a sentence inside a quote
                    else:
                        found = self._subject_of(start, starts[at + 1] if at + 1 < len(starts) else p_end)
                    subjects[start] = found
                if found is not None and found[0] < hi:
                    out.insert(0, found)
                    if len(out) == 2:
                        return out
                looked += 1
                if looked == 4:
                    return out
                at -= 1
        return out

    def _subject_start(self, start: int, end: int) -> int:
        """Where the name that may open the sentence text[start:end] as its subject starts (after 'But', after an
        opening phrase: 'Realising his error, Mr Campbell ...'), or -1 if the sentence opens otherwise."""
        text = self.text
        if not text[start].isupper():
            return -1  # a quote, a number, a lowercase start
        space = text.find(" ", start, start + 40)
        if space < 0:
            return -1
        low = text[start:space].lower()
        if low in self.words.conjunctions:
            start = space + 1
            if not text[start : start + 1].isupper():
                return -1
            space = text.find(" ", start, start + 40)
            if space < 0:
                return -1
            low = text[start:space].lower()
        if (
            low in self.words.capital_stopwords and low not in self.words.determiners and low not in self.words.pronouns
        ) or low.endswith(("ly", "ing", "ed")):
            # 'Before her meeting with Martinez, Davenport believes ...', 'Realising his error, Mr Campbell
            # ...': the subject after the opening phrase
            comma = text.find(", ", space, min(end, start + 80))
            if comma < 0 or not text[comma + 2 : comma + 3].isupper():
                return -1
            start = comma + 2
            space = text.find(" ", start, start + 40)
            if space < 0:
                return -1
            low = text[start:space].lower()
        if (
            low in self.words.capital_stopwords
            or low in self.words.pronouns
            or low in self.words.determiners
            or not low[-1].isalpha()
            or low.endswith("ly")
        ):
            return -1  # 'The ...', 'He ...', 'Shortly after ...': no named subject first
        return start

    def _before_name(self, words: list[str], at: int, low: str) -> bool:
        """Is the lowercase word at `at` part of a role before a name: 'Forest manager Gary Megson', 'Liverpool
        forward Milan Baros', or a word before the role ('Radio talk host Rush Limbaugh'; not 'X will partner Y')?"""
        namer = self.namer
        if namer.is_role(low) and at + 1 < len(words) and words[at + 1][:1].isupper():
            return True
        return (
            at + 2 < len(words)
            and low not in self.words.aux_adverbs
            and namer.is_role(words[at + 1])
            and words[at + 2][:1].isupper()
        )

    def _subject_of(self, start: int, end: int) -> tuple[int, str, Gender] | None:
        """The name opening the sentence text[start:end] as its subject ('Mr Straw, visiting Beijing, noted',
        'But Mr Herron said'), if any: a name-like first word is needed before anything is tokenised."""
        start = self._subject_start(start, end)
        if start < 0:
            return None
        text = self.text
        # the run of capitalised words (and roles before a name: 'Forest manager Gary Megson') opening the
        # sentence, then its verb (a lowercase word) or an aside (a comma)
        namer = self.namer
        verbs = namer.lex.verb_lemma
        words = text[start : min(end, start + 80)].split(" ")
        taken = 0
        last_name = -1
        for at, word in enumerate(words):
            bare = word.rstrip(",")
            if not bare or not (bare[0].isalpha() and (bare[-1].isalnum() or bare.endswith("."))):
                return None  # a quote mark, a bracket, a number: not a plain name
            low = bare.lower()
            if bare[0].isupper():
                if low in verbs or (at and low in self.words.capital_stopwords) or bare.endswith(("’s", "'s")):
                    return None  # "Mr Campbell's e-mail": the possessor is not the subject
                if low.rstrip(".") not in namer.titles:
                    last_name = at
            elif not self._before_name(words, at, low):
                break
            taken = at + 1
            if bare is not word:
                break  # 'Mr Straw, visiting Beijing, noted'
        if last_name < 0 or last_name + 1 != taken or taken >= len(words):
            return None
        if not words[taken - 1].endswith(",") and not words[taken][:1].islower():
            return None  # a subject is followed by its verb (or an aside)
        mention = " ".join(words[:taken]).rstrip(",")
        m_start = start
        known = self.surnames.get(words[taken - 1].rstrip(","))
        if known is not None and (
            taken == 1 or known.endswith(mention) or words[taken - 2].lower().rstrip(".") in self.namer.lex.honorifics
        ):
            return m_start, known, Look.UNCHECKED  # a person already credited: 'Mr Straw, visiting Beijing, noted'
        cached = self.names.get(mention)
        if cached is None:
            cached = self.names[mention] = self.namer.speaker_name(mention, MentionKind.NAME, self.book)
        speaker, kind = cached
        if speaker is None or kind != "person":
            return None
        # the first pronoun later in the sentence says the subject is a person, and which: 'Davenport believes there
        # is room for improvement in her game', 'Li went out of his way', 'Clinton said Wednesday that she called
        # Sanders ... to congratulate him', if no other name (a day is none) comes before it: not 'England prop
        # Phil Vickery ... ruling him out'
        rest = text[start + len(mention) : min(end, start + 200)]
        his = _first_of(rest, self.words.masculine_needles)
        her = _first_of(rest, self.words.feminine_needles)
        first = min(his, her) if his >= 0 and her >= 0 else max(his, her)
        between = [w.lower().rstrip(",.") for w in rest[:first].split() if w[:1].isupper()]
        if first >= 0 and all(w in self.words.weekdays for w in between):
            return m_start, speaker, "he" if first == his else "she"
        return m_start, speaker, Look.UNCHECKED
