"""What every rule module shares: the word sets of the rules and small token tests."""

from __future__ import annotations

from wirehouse.quotes.lexicon import (
    word_set,
)
from wirehouse.quotes.model import Item
from wirehouse.quotes.tokens import (
    CLOSE,
    CUT,
    OPEN,
    SPECIAL,
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


def _first(item: Item) -> int:
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
