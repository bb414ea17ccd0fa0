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
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from wirehouse.quotes.lexicon import (
    AUX_ADVERBS,
    CAPITAL_STOPWORDS,
    CONJUNCTIONS,
    DETERMINERS,
    NAME_PARTICLES,
    PRONOUNS,
    Lexicon,
    lexicon,
    word_set,
)
from wirehouse.quotes.model import Quote, QuoteSpan, Rule
from wirehouse.quotes.naming import Namer
from wirehouse.quotes.pronouns import Antecedents
from wirehouse.quotes.speakers import NameBook, strip_possessive
from wirehouse.quotes.tokens import (
    CLOSE,
    CUT,
    MAX_QUOTES,
    MAX_REPORTED,
    OPEN,
    QUOTE_REACH,
    REACH,
    SENTENCE_END,
    SPECIAL,
    ParaTokens,
    at_or_after,
    at_or_before,
    sentence_starts,
)

WEEKDAYS = word_set("monday tuesday wednesday thursday friday saturday sunday")
# what may follow a speech verb that comes after a quote ending a sentence: "...." Trump said on Tuesday.
_TAIL_OK = word_set(
    """in at on during to while as before after from via when with outside inside of last this earlier
    later yesterday today tonight afterward afterwards adding according again repeatedly recently
    monday tuesday wednesday thursday friday saturday sunday"""
)
_PARTICIPLE_LINKS = frozenset(("as", "while", "before", "after", "when", "by", "with", "in", ","))
_NOT_DESCRIPTION = word_set(
    """and or but that which who whom whose what when where while as if because than then there here so
    to of in on at by for from with about into over after before under since until during without not
    it he she they we i you him her them us me his its their our my your"""
)
_SUBJECT_PRONOUNS = frozenset(("he", "she", "they", "we", "i"))
_SUBJECT_DETERMINERS = word_set("the a an one another his her their its some two three several many both each")
_NAME_DETERMINERS = frozenset(("the",))
_PP_LINKS = frozenset(("of", "for", "with", "at", "from"))
_COORDINATORS = frozenset(("and", "but", "or", ","))
_STARTERS = frozenset((OPEN, CLOSE, CUT, ":", ";", "—", "–"))  # tokens after which a new clause starts
_CLAUSE_STARTS = word_set("the a an he she it they we i his her their its this there")
_PP_ADJECTIVES = word_set("familiar close closest loyal allied opposed sympathetic near")
# words before a noun phrase that make it an object, not a subject: 'a letter to X asking ...'
_OBJECT_MARKERS = word_set("to of for from at on about against")
# verb forms searched for reported speech: the commonest in news, since each form costs a scan of the text
_REPORTING_FORMS = ("said", "says", "told", "tells", "added", "warned", "claimed", "insisted")
_TIME_WORDS = word_set("on yesterday today tonight earlier later last this week month year separately also")
_STOPS = frozenset((".", "!", "?", CUT))  # tokens that may end a sentence
_POST_HALTS = SPECIAL | _STOPS | {";", ":"}  # tokens that may end the walk from a quote to its verb
_TITLE_CUES = word_set("so-called dubbed titled entitled headlined nicknamed")
_SMALL_WORDS = word_set("of the and a an in on for to with at by from or")
_POSSESSIVE_DETERMINERS = word_set("his her their its my our your")
_NOUN_DETERMINERS = word_set("a an the this that these those")
_CLAUSE_OPENERS = word_set("but while whereas although though because")
_DATELINE_DASHES = frozenset(("—", "–", "-", "--"))
_NOT_SPEECH_BEFORE_TO = word_set("continue continues continued continuing add adds added adding")
# nouns of speech that credit their possessor: "Trump’s claim that Obama "founded ISIS"
_SPEECH_NOUNS = word_set(
    """claim claims statement statements remark remarks comment comments words promise pledge assertion
    suggestion warning tweet tweets message argument charge accusation slogan vow insistence declaration
    contention response answer quip joke description characterization prediction"""
)
_INTRO_WORDS = word_set("by at in on for with however meanwhile but and yet still nevertheless instead overall")
# words between a passive speech verb and the quote it introduces: 'was described as a "..."'
_PASSIVE_LINKS = word_set("as for of a an the being it him her them his its their")
_BE_FORMS = word_set("be been being is was were are am 's")
_PASSIVE_ADVERBS = word_set("also not n't still already now often once reportedly allegedly")
_PASSIVE_BEFORE = _BE_FORMS | _PASSIVE_ADVERBS  # what may stand right before a passive speech verb
_PREPOSITIONS = word_set("in on at from with for by near inside outside across around")


_QUANTIFIERS = word_set("one another some many most several both others few all each either neither none")
_RELATIVES = word_set("in who whom whose which that")
# endings of nouns for people, for speaker nouns the seeds do not list: 'lobbyist', 'historian', 'attendees'
_DASHES_ONLY = frozenset(("—", "–", "-", "--"))
_LEFT_MARKS = _DASHES_ONLY | {",", ")"}  # tokens before a verb that `_subject_left` reads past
# a noun phrase right after these is the object of a preposition, not a subject: 'China has in the past said'
_SKIPPED_PREPOSITIONS = word_set("in on at during over under within throughout")
_HEADER_WORDS = word_set("update watch read note editor related video photo source transcript warning")


_COMMON: dict[str, bool] = {}  # word -> a common word in `_COMMON_TEXT`
_COMMON_TEXT: list[str] = [""]  # the text `_COMMON` is about


def _common_word(text: str, word: str) -> bool:
    """Is a capitalised word a common word in this text: written in lowercase somewhere, and never capitalised
    inside a sentence (after a word or a comma) as a name would be?"""
    if _COMMON_TEXT[0] is not text:
        _COMMON.clear()
        _COMMON_TEXT[0] = text
    found = _COMMON.get(word)
    if found is not None:
        return found
    low = " " + word.lower()
    found = False
    pos = text.find(low)
    while pos >= 0:
        end = pos + len(low)
        if end >= len(text) or not text[end].isalnum():
            found = True
            break
        pos = text.find(low, end)
    if found:
        cap = " " + word
        pos = text.find(cap)
        while pos >= 0:
            end = pos + len(cap)
            before = text[pos - 1 : pos]
            if (end >= len(text) or not text[end].isalnum()) and (before.isalnum() or before == ","):
                found = False  # 'said Brown', 'Gordon Brown': a name after all
                break
            pos = text.find(cap, end)
    _COMMON[word] = found
    return found


def _first(item: tuple[int, int, int, str, _Attr | None]) -> int:
    return item[0]


def _is_title(quoted: str) -> bool:
    """'Good Morning America.', 'The Facts on Where the Race Stands': every word capitalised but small ones."""
    words = quoted.split()
    return len(words) >= 2 and all(w[:1].isupper() or w.lower() in _SMALL_WORDS for w in words)


def _is_possessive_name(token: str) -> bool:
    """'Trump’s', "Obama's": a capitalised word with a possessive ending."""
    return token[0].isupper() and token.endswith(("’s", "'s")) and len(token) > 3


def _is_wordish(token: str) -> bool:
    """A word, possibly hyphenated or with digits ('43-year-old'), not punctuation."""
    return token[0].isalnum() and token[-1].isalnum()


_DASHES = frozenset((",", "—", "–", "-", "--"))


@dataclass(slots=True)
class _Attr:
    """A speaker found for one quote: token range of the mention in `para`, cue verb, how it was found."""

    para: ParaTokens
    first: int
    last: int
    kind: str  # 'pronoun' | 'name' | 'desc'
    cue: str | None
    via: str  # 'explicit' | 'continuation'
    rule: str  # the rule that found the speaker: a `Rule`, or 'cue.rule' for a verb's subject found by a cue

    def continued(self, rule: Rule) -> _Attr:
        """The same speaker, credited by `rule` to a quote that continues this one's."""
        return _Attr(self.para, self.first, self.last, self.kind, self.cue, "continuation", rule)


class RuleAttributor:
    """The default `Attributor`: hand-written rules over the tokens around each quote (no model)."""

    def __init__(self, lex: Lexicon | None = None, indirect: bool = True) -> None:
        self.lex = lex or lexicon()
        self.indirect = indirect  # also extract reported speech ('X said (that) ...')
        self.verbs = self.lex.verb_lemma
        forms = [form for form in _REPORTING_FORMS if form in self.verbs]
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
        self._verb_heads = frozenset(self.lex.phrasal) | _NOT_SPEECH_BEFORE_TO
        # the words a cue search stops at (`ParaTokens.jumps`): speech verbs, 'according' (to), speech nouns
        self._cue_words = frozenset(self.verbs) | {"according"}
        self._pre_words = self._cue_words | _SPEECH_NOUNS

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
            if nxt == "to" and low in _NOT_SPEECH_BEFORE_TO:
                lows[k] = "_" + low  # 'continued to expand', 'added to the list'
            elif nxt in phrasal.get(low, ()):
                lows[k] = low + " " + nxt

    # ----------------------------------------------------------------- subjects
    def _np_ending(self, p: ParaTokens, j: int, lo: int, extend: bool = True) -> tuple[int, int, str] | None:
        """The noun phrase whose last token is j: a name run, 'the Kremlin', 'the senator', 'he'.

        A phrase after 'of/for/with/at/from' is joined to the one before it: 'a spokesman for the campaign',
        'Jason Gilbert of Cheyenne', 'Source familiar with the ad'.
        """
        found = self._np_core(p, j, lo)
        if found is None or not extend or found[2] == "pronoun":
            return found
        k = found[0]
        if k - 2 >= lo and (p.lows[k - 1] in _PP_LINKS or (p.lows[k - 1] == "in" and found[2] == "name")):
            head = self._np_core(p, k - 2, lo)
            if head is not None and head[2] != "pronoun":
                return (head[0], j, head[2])
            # an adjective before the preposition: 'Source familiar with the ad'
            if k - 3 >= lo and p.lows[k - 2] in _PP_ADJECTIVES and p.toks[k - 3][0].isupper():
                head = self._np_core(p, k - 3, lo)
                if head is not None and head[2] != "pronoun":
                    return (head[0], j, head[2])
        return found

    def _np_core(self, p: ParaTokens, j: int, lo: int) -> tuple[int, int, str] | None:
        if j < lo:
            return None
        toks = p.toks
        lows = p.lows
        tok = toks[j]
        if tok in SPECIAL:
            return None
        low = lows[j]
        if low in PRONOUNS and (low != "i" or tok == "I"):
            return (j, j, "pronoun")
        first = tok[0]
        if first.isupper():
            if low in CAPITAL_STOPWORDS or low in self.verbs:
                return None
            k = j
            while k - 1 >= lo and j - k < 8:
                prev = toks[k - 1]
                pl = lows[k - 1]
                if prev in SPECIAL:
                    break
                if prev[0].isupper() or pl in NAME_PARTICLES or (pl in self.titles and prev.isalpha()):
                    k -= 1
                elif prev == "." and k - 2 >= lo and p.is_abbreviation_dot(k - 1):
                    k -= 2  # 'Sen. Marco Rubio', 'John F. Kennedy'
                else:
                    break
            while k < j and lows[k] in CAPITAL_STOPWORDS:
                k += 1
            while k < j and toks[k][0].islower() and lows[k] not in NAME_PARTICLES:
                k += 1
            if k - 1 >= lo and lows[k - 1] in _NAME_DETERMINERS:
                k -= 1
            return (k, j, "name")
        if not first.isalnum() or first.isupper() or low in _NOT_DESCRIPTION or low in self.verbs:
            return None
        if low in AUX_ADVERBS or not _is_wordish(tok):
            return None
        # a description: 'the senator', 'Clinton’s campaign', 'the 43-year-old', 'officials'
        k = j
        while k - 1 >= lo and j - k < 5:
            prev = toks[k - 1]
            pl = lows[k - 1]
            if pl in DETERMINERS:
                return (k - 1, j, "desc")
            if prev in SPECIAL:
                break
            if prev[0].isupper() and pl not in CAPITAL_STOPWORDS:
                k -= 1
                continue
            if _is_wordish(prev) and not prev[0].isupper() and pl not in _NOT_DESCRIPTION and pl not in self.verbs:
                if pl in AUX_ADVERBS or pl.endswith("ly"):
                    break
                if pl.endswith("ed") and k - 2 >= lo and toks[k - 2][0].isupper():
                    break  # 'Obama rebuked critics': a name and its verb, not a description
                k -= 1
                continue
            break
        if toks[k][0].isupper() or self.namer.is_role(low):
            return (k, j, "desc")
        return None

    def _is_noun_use(self, p: ParaTokens, k: int) -> bool:
        """'his claims', 'Trump’s remarks': a speech verb form used as a noun after a possessive."""
        if k == 0:
            return False
        prev = p.lows[k - 1]
        if prev in _POSSESSIVE_DETERMINERS or prev in _NOUN_DETERMINERS or prev.endswith(("’s", "'s")):
            return True
        # 'a Trump-style retort': an article, a modifier, then the verb form
        return k >= 2 and p.lows[k - 2] in _NOUN_DETERMINERS and "-" in p.toks[k - 1]

    def _is_modifier(self, p: ParaTokens, m: int) -> bool:
        """A lowercase word that can sit inside a noun phrase (not a function word or a speech verb)."""
        tok = p.toks[m]
        low = p.lows[m]
        return (
            tok[0].islower()
            and _is_wordish(tok)
            and low not in _NOT_DESCRIPTION
            and low not in self.verbs
            and low not in AUX_ADVERBS
            and not low.endswith("ing")
        )

    def _speaks(self, p: ParaTokens, found: tuple[int, int, str]) -> bool:
        """Can this noun phrase be credited with speech: a pronoun, a name, or a description headed by a noun
        that speaks ('the senator', 'officials', 'the firm', 'the report'; not 'the cost', 'the past')?

        A single capitalised word opening its sentence is a name unless the article also writes it in
        lowercase and never capitalised inside a sentence ('More than 600 people ...', 'Third generation').
        """
        first, last, kind = found
        if kind == "pronoun" or (kind == "name" and first != last):
            return True
        toks = p.toks
        lows = p.lows
        if kind == "desc":
            # some word of the phrase before its prepositional phrase or relative clause can speak: 'a source
            # involved in the talks', 'the paper's editorial board', 'an industry lobbyist who spoke'; or is
            # a capitalised word ('the Trump campaign')
            if first == last and lows[first] in _QUANTIFIERS:
                return True  # 'said one of those advisers', 'many are calling it'
            for i in range(first, last + 1):
                low = lows[i]
                if i > first and (low in _PP_LINKS or low in _RELATIVES):
                    break
                if toks[i][0].isupper():
                    if low not in CAPITAL_STOPWORDS and low not in DETERMINERS:
                        return True
                elif low in self.nouns or self.namer.noun_like(strip_possessive(low)):
                    return True
            return False
        if first == last and (first == 0 or toks[first - 1] in _STARTERS or self._ends_at(p, first - 1)):
            word = toks[first]
            if word.isalpha() and self.namer.noun_info(lows[first]) is None:
                return not _common_word(p.text, word)
        return True

    def _skip_adverbs(self, p: ParaTokens, j: int, lo: int) -> int:
        """Index of the first token left of j that is not an auxiliary, adverb or 'on Tuesday'."""
        toks = p.toks
        lows = p.lows
        while j >= lo:
            low = lows[j]
            tok = toks[j]
            if (low in AUX_ADVERBS and tok.islower()) or (low.endswith("ly") and tok.islower() and len(low) > 4):
                j -= 1  # not 'May' in 'Theresa May said'

            elif low in WEEKDAYS:
                j -= 1
                if j >= lo and lows[j] == "on":
                    j -= 1
            elif low == "to" and j - 1 >= lo and toks[j - 1].islower() and toks[j - 1].isalpha():
                # 'is expected to say', 'is reported to have called', 'went on to say'
                j -= 2
                if j >= lo and lows[j] == "on":
                    j -= 1
            else:
                break
        return j

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

    # ----------------------------------------------------------------- shapes
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

    # ----------------------------------------------------------------- article
    def attribute(self, text: str, paragraphs: list[tuple[int, int]], spans: list[QuoteSpan]) -> list[Quote]:
        """Quotes of one article with speakers, in order of start; reported speech included."""
        sentences: dict[int, list[int]] = {}  # paragraph -> its sentence starts, worked out once
        reported = self._reported(text, paragraphs, spans, sentences) if self.indirect else []
        reporter = {para_no: attr for _, _, para_no, attr in reported}
        if not spans:
            return self._build(text, spans, [], [], [], reported, paragraphs, sentences)
        n = len(spans)
        found: list[_Attr | None] = [None] * n
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
                attr: _Attr | None = None
                previous = found[idx - 1] if local else None
                if previous is not None and self._resumes(text, spans[idx], p, q):
                    attr = previous.continued(Rule.RESUMED)
                attr = attr or self._post(p, q) or self._pre(p, q) or self._later(p, q)
                if attr is None and self._is_scare(text, spans[idx], p, q):
                    scare[idx] = True
                forms[idx] = self._form(text, p, q, attr)
                if attr is None and not scare[idx] and not self._opens_sentence(p, q):
                    # quoted words woven into a sentence with no speech verb: 'Trump attacked "..."'
                    subject = self._sentence_subject(p, q, clause=True)
                    if subject is not None:
                        attr = _Attr(p, subject[0], subject[1], subject[2], None, "explicit", Rule.SENTENCE_SUBJECT)
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

    def _donor(
        self,
        text: str,
        spans: list[QuoteSpan],
        found: list[_Attr | None],
        scare: list[bool],
        idx: int,
        first: int,
        end: int,
        p: ParaTokens,
        reporter: dict[int, _Attr],
    ) -> _Attr | None:
        """The speaker of an unattributed quote, from the quotes of its paragraph (`first`..`end`).

        A chunk that continues a quote left open in the previous paragraph keeps that quote's speaker. Else a
        run of quotes with nothing but punctuation between them shares the speaker of the run ('"A." "B," X
        said.'): the run after the quote if the quote is not joined to the one before, else the nearest quote
        before. A quote opening its paragraph with narrative between it and the next attributed quote is
        left to the previous paragraph's speaker when there is one (the newspaper convention of one speaker
        running on); otherwise the later quote's speaker, or the subject of the sentence before.
        """
        span = spans[idx]
        para_no = span.paragraph_no
        if span.continues and idx and spans[idx - 1].paragraph_no == para_no - 1 and found[idx - 1] is not None:
            return found[idx - 1].continued(Rule.RUNNING_QUOTE)  # type: ignore[union-attr]
        local = idx - first
        quote_at = p.quote_at
        after = None
        a = idx
        end = min(end, idx + QUOTE_REACH)
        while a + 1 < end and not scare[a + 1] and self._adjacent(text, spans[a], spans[a + 1]):
            a += 1
            if found[a] is not None:
                after = found[a]
                break
        before = None
        for b in range(idx - 1, max(first, idx - QUOTE_REACH) - 1, -1):
            if found[b] is not None:
                before = found[b]
                break
        if (
            after is not None
            and not (local > 0 and not scare[idx - 1] and self._adjacent(text, spans[idx - 1], span))
            and (before is None or self._after_narrative(p, quote_at[local]))
        ):
            return after.continued(Rule.RUN_AFTER)
        if before is not None:
            return before.continued(Rule.QUOTE_BEFORE)
        later = None
        for b in range(idx + 1, end):
            if found[b] is not None:
                later = found[b]
                break
        if later is not None and local == 0 and quote_at[0] <= 1 and para_no:
            previous = idx and spans[idx - 1].paragraph_no == para_no - 1 and found[idx - 1] is not None
            if previous or reporter.get(para_no - 1) is not None:
                return None  # the previous paragraph's speaker runs on: see `attribute`
        if later is not None:
            return later.continued(Rule.QUOTE_LATER)
        return self._previous_subject(p, quote_at[local])

    def _after_narrative(self, p: ParaTokens, q: int) -> bool:
        """Does the quote at token q open a sentence that follows a sentence with no quote in it?

        '"A," said X. "B." "C," said Y.': B follows X's attribution and is X's; '"A," said X. Y has doubts.
        "B." "C," said Y.': B follows narrative and opens Y's run of quotes.
        """
        toks = p.toks
        k = q - 1
        if k >= 0 and toks[k] == OPEN:
            k -= 1
        if k < 0 or toks[k] == CUT:
            return k >= 0
        k -= 1
        while k >= 0:
            tok = toks[k]
            if tok in SPECIAL:
                return tok == CUT
            if tok in _STOPS and p.ends_sentence(k):
                return True
            k -= 1
        return True

    @staticmethod
    def _adjacent(text: str, first: QuoteSpan, second: QuoteSpan) -> bool:
        """Nothing but quote marks, punctuation and spaces between two quotes of a paragraph, on one line:
        '"A." "B," X said'."""
        if second.start - first.end > 8:
            return False  # marks, punctuation and spaces only: a short gap
        gap = text[first.end : second.start]
        return "\n" not in gap and not any(map(str.isalnum, gap))

    # ----------------------------------------------------------------- reported speech
    def _reported(
        self,
        text: str,
        paragraphs: list[tuple[int, int]],
        spans: list[QuoteSpan],
        sentences: dict[int, list[int]],
    ) -> list[tuple[int, int, int, _Attr]]:
        """Reported speech in sentences without quote marks: 'X said (that) CLAUSE' / 'CLAUSE, X said'.

        Candidates come from one regex scan for the commonest reporting verbs (one pass over the text is
        cheaper than a substring search per verb); only their sentences are tokenised. The text is the reported clause.
        """
        if self._report_hits is None:
            return []
        hits = [match.start() + 1 for match in self._report_hits.finditer(text)]
        if not hits:
            return []
        p_starts = [start for start, _ in paragraphs]
        quoted = [(s.open_pos if s.open_pos >= 0 else s.start, s.end) for s in spans]
        quote_starts = [q[0] for q in quoted]
        out: list[tuple[int, int, int, _Attr]] = []
        done_until = -1
        budget = MAX_REPORTED  # sentences read
        for hit in hits:
            if hit < done_until:
                continue  # one reported clause per sentence
            if not budget:
                break
            para_no = bisect_right(p_starts, hit) - 1
            if para_no < 0 or hit >= paragraphs[para_no][1]:
                continue
            q = bisect_right(quote_starts, hit) - 1
            if q >= 0 and quoted[q][1] > hit:
                continue  # inside a quote
            p_start, p_end = paragraphs[para_no]
            starts = sentences.get(para_no)
            if starts is None:
                starts = sentences[para_no] = sentence_starts(text, p_start, p_end)
            at = bisect_right(starts, hit)
            s_start = starts[at - 1]
            s_end = starts[at] if at < len(starts) else p_end
            while s_end > s_start and text[s_end - 1].isspace():
                s_end -= 1
            done_until = s_end
            if hit - s_start > 400 or s_end - hit > 400:
                continue  # a run-on 'sentence' (a list, a table): not worth reading
            q = bisect_right(quote_starts, s_end) - 1
            if q >= 0 and quoted[q][1] > s_start:
                continue  # the sentence has quote marks: its quotes were attributed already
            budget -= 1
            p, v = ParaTokens.plain(text, s_start, hit, s_end)
            if v >= len(p.toks) or p.lows[v] not in self.verbs:
                continue
            found = self._for_verb(p, v)
            if found is None or found.para is not p:
                continue
            found.rule = f"{Rule.REPORTED}.{found.rule}"
            if found.first and p.lows[found.first - 1] == "what":
                continue  # 'what it said were specifications': no clause is reported
            if found.first > v:
                clause = self._clause_inverted(p, v, found)
            else:
                clause = self._clause_after(p, v) or self._clause_before(p, v, found)
            if clause is not None:
                first, last = clause
                out.append((p.start_of(first), p.end_of(last), para_no, found))
        return out

    def _clause_after(self, p: ParaTokens, v: int) -> tuple[int, int] | None:
        """'said (on Tuesday) (that) CLAUSE.' / 'told reporters (separately) that CLAUSE.': the clause's tokens."""
        toks = p.toks
        lows = p.lows
        n = len(toks)
        j = v + 1
        if lows[v] in self.lex.listener_verbs:
            # the listener, then 'that' or straight into the clause: 'told MPs (that) the plan was sound'
            k = j
            while k < n and k - j < 8 and lows[k] != "that" and toks[k][0].isalnum():
                k += 1
            if k >= n or lows[k] != "that":
                k = j
                while k < n and k - j < 8 and toks[k][0].isalnum():
                    if (
                        k > j
                        and lows[k] not in WEEKDAYS
                        and (lows[k] in _CLAUSE_STARTS or (toks[k][0].isupper() and toks[k - 1][0].islower()))
                        and lows[k - 1] not in _TIME_WORDS
                    ):
                        break
                    k += 1
            if k >= n or k == j or not (lows[k] == "that" or lows[k] in _CLAUSE_STARTS or toks[k][0].isupper()):
                return None
            j = k + 1 if lows[k] == "that" else k
        else:
            while j < n and (lows[j] in _TIME_WORDS or (toks[j][0].isupper() and lows[j] in WEEKDAYS)):
                j += 1
            if j + 2 < n and lows[j] == "in" and lows[j + 1] in ("a", "an", "his", "her", "its", "their"):
                k = j + 2
                while k < n and k - j < 6 and toks[k] != ",":
                    k += 1
                if k < n and toks[k] == "," and lows[j + 2 : k][-1:] != ["that"]:
                    j = k + 1  # 'said in a statement, ...'
            if j < n and lows[j] == "that":
                j += 1
        end = n - 1
        while end > j and not toks[end][0].isalnum():
            end -= 1
        # a trailing attribution of the report itself: '..., the RIA news agency reported.'
        for k in range(end, max(j, end - 8), -1):
            if toks[k] == "," and k > j:
                if any(lows[m] in self.verbs for m in range(k + 1, end + 1)):
                    end = k - 1
                break
        if end - j < 2 or not toks[j][0].isalnum() or lows[j] in self.verbs:
            return None
        return j, end

    def _clause_inverted(self, p: ParaTokens, v: int, found: _Attr) -> tuple[int, int] | None:
        """'CLAUSE, said X.' / 'CLAUSE, said X, the Y of Z.' / 'By contrast, says X, CLAUSE.': the reported
        clause around a verb whose subject follows it. Before the verb, unless that is only a short
        adverbial ('By contrast', 'At that point') and a clause follows the subject's comma."""
        toks = p.toks
        lows = p.lows
        n = len(toks)
        comma = v - 1
        if comma < 1 or toks[comma] != ",":
            return None
        end = n - 1
        while end > found.last and not toks[end][0].isalnum():
            end -= 1
        after = found.last + 2
        intro = comma <= 4 and (lows[0] in _INTRO_WORDS or lows[0].endswith("ly"))
        if intro and after < n and toks[found.last + 1] == "," and end - after >= 2:
            return after, end
        if comma - 1 < 2:
            return None
        return 0, comma - 1

    def _clause_before(self, p: ParaTokens, v: int, found: _Attr) -> tuple[int, int] | None:
        """'CLAUSE, the Kremlin said.': the verb ends the sentence and a comma sits before its subject."""
        toks = p.toks
        n = len(toks)
        j = v + 1
        while j < n and toks[j][0].isalnum() and (p.lows[j] in _TIME_WORDS or p.lows[j] in WEEKDAYS):
            j += 1
        if j < n and toks[j] not in SENTENCE_END:
            return None
        comma = found.first - 1
        if found.para is not p or comma < 3 or toks[comma] != ",":
            return None
        return 0, comma - 1

    # ----------------------------------------------------------------- speakers
    def _build(
        self,
        text: str,
        spans: list[QuoteSpan],
        found: list[_Attr | None],
        scare: list[bool],
        forms: list[str],
        reported: list[tuple[int, int, int, _Attr]],
        paragraphs: list[tuple[int, int]],
        sentences: dict[int, list[int]],
    ) -> list[Quote]:
        book = NameBook(text)
        names: dict[str, tuple[str | None, str]] = {}  # mention text -> (speaker, speaker kind)
        quotes: list[Quote] = []
        ante: Antecedents | None = None  # made when the first pronoun needs it
        credits: list[tuple[int, str, str, str, str]] = []  # explicit speakers so far, for pronouns
        places: dict[tuple[ParaTokens, int, int], tuple[int, int, str]] = {}  # mention tokens -> offsets, text
        companies: set[str] = set()  # speakers that are descriptions of a company: 'firm', 'carmaker'
        items: list[tuple[int, int, int, str, _Attr | None]] = [
            (span.start, span.end, span.paragraph_no, "scare" if scare[i] else forms[i], found[i])
            for i, span in enumerate(spans)
        ]
        if reported:
            items += [(start, end, para_no, "indirect", attr) for start, end, para_no, attr in reported]
            items.sort(key=_first)
        for idx, (q_start, q_end, para_no, kind, attr) in enumerate(items):
            mention = speaker = cue = None
            m_start = m_end = None
            speaker_kind = "unknown"
            how = "none"
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
                if attr.kind == "pronoun":
                    if how == "explicit":
                        how = "pronoun"
                    first = attr.first
                    # '..., he claimed,' after a clause: the clause's subject is not the speaker
                    aside = first > 1 and p.toks[first - 1] == "," and p.lows[first - 2] not in _RELATIVES
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
                        if attr.kind == "desc" and cached[0] is not None and self.namer.company_desc(mention):
                            companies.add(cached[0])
                    speaker, speaker_kind = cached
                    if how == "explicit" and speaker is not None:
                        credits.append((m_start, mention, attr.kind, speaker, speaker_kind))
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
                    how,
                    rule,
                )
            )
        if companies:
            # 'the firm', 'the carmaker': the one company the article names, if there is exactly one
            company = self.namer.sole_company(text, book, credits)
            if company is not None:
                for quote in quotes:
                    if quote.speaker in companies:
                        quote.speaker = company
                        quote.speaker_kind = "organisation"
        return quotes
