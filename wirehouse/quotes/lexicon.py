"""The word lists the attribution rules use, read once per process from `seeds/*.csv`.

They live as seeds (not code) so an analyst can read and extend them, and the warehouse exposes them as tables.
Everything here is lowercase-keyed sets and dicts: the hot path only does hash lookups.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from wirehouse.reference import reference_rows


def word_set(words: str) -> frozenset[str]:
    """A set of whitespace-separated words (keeps the long lists below readable)."""
    return frozenset(words.split())


PRONOUNS = {
    "he": "person",
    "she": "person",
    "i": "person",
    "we": "unknown",
    "they": "unknown",
    "it": "organisation",
    "you": "unknown",
}
# words that sit between a subject and its verb: "Trump also said", "she has repeatedly said"
AUX_ADVERBS = word_set(
    """has have had was is were are be been being would will did does do could can may might must should
    shall also later then again previously earlier recently further once first reportedly publicly
    privately separately simply just only even still never often always quickly flatly bluntly
    frequently famously not n't already sometimes now since initially finally subsequently ultimately
    immediately afterward afterwards yesterday today tonight last this morning evening night week
    weekend"""
)
DETERMINERS = word_set(
    """the a an his her their its our my your this that these those one another some many several two three
    four five few both each every other any no"""
)
# capitalised words that start sentences or clauses and are never part of a speaker's name
CAPITAL_STOPWORDS = word_set(
    """finally clearly similarly ironically unfortunately fortunately hastily notably additionally
    interestingly importantly specifically currently recently previously ultimately apparently obviously
    frankly honestly instead the a an but and or so yet in on at after before when while as if then now
    still also later earlier
    meanwhile however yesterday today tonight asked speaking here there this that these those it he she
    we they i of for with by from to during since until under over about among though although because
    instead indeed moreover thus hence nevertheless nonetheless otherwise where why how what who which
    monday tuesday wednesday thursday friday saturday sunday january february april june july
    august september october november december last next every some many most all both each no not"""
)
NAME_PARTICLES = word_set("""de da di del della der den van von la le du bin ibn al el dos das st.""")
ORG_HEADS = word_set(
    """house department ministry office committee council party campaign agency bureau commission court
    association union institute university college school foundation group times post news network inc
    inc. corp corp. company co co. ltd ltd. plc bank service administration senate congress parliament
    government police army navy coalition center centre board authority organization organisation
    federation fund watch project pac caucus league club team church trust society alliance press
    journal magazine channel tribune herald gazette review studio studios airlines records"""
)


@dataclass(frozen=True, slots=True)
class Lexicon:
    verb_lemma: dict[str, str]  # lowercase form -> lemma: 'said' -> 'say'
    clause_verbs: frozenset[str]  # forms that can report a clause: 'said (that) ...'
    listener_verbs: frozenset[str]  # forms taking a listener object: 'told reporters'
    title_tokens: frozenset[str]  # lowercase, trailing '.' removed: 'sen', 'president', 'spokesman'
    organisations: frozenset[str]  # lowercase full names: 'kremlin', 'white house'
    phrasal: dict[str, frozenset[str]]  # first word of a two-word form -> its particles: 'shot' -> {'back'}


def _strip_dot(token: str) -> str:
    return token[:-1] if token.endswith(".") else token


@cache
def lexicon() -> Lexicon:
    """Load the seeds once; cached for the process."""
    verbs = reference_rows("speech_verbs")
    verb_lemma = {row["form"].lower(): row["lemma"] for row in verbs}
    clause = frozenset(row["form"].lower() for row in verbs if row["reports_clause"] == "yes")
    listener = frozenset(row["form"].lower() for row in verbs if row["takes_listener"] == "yes")
    titles: set[str] = set()
    for row in reference_rows("titles"):
        for token in row["title"].split():
            token = _strip_dot(token.lower()).rstrip("-")
            if len(token) > 1 and token not in {"of", "the", "and"}:
                titles.add(token)
    orgs = frozenset(row["name"].lower() for row in reference_rows("organisations"))
    phrasal: dict[str, set[str]] = {}
    for form in verb_lemma:
        if " " in form:
            head, particle = form.split(" ", 1)
            phrasal.setdefault(head, set()).add(particle)
    return Lexicon(verb_lemma, clause, listener, frozenset(titles), orgs, {k: frozenset(v) for k, v in phrasal.items()})
