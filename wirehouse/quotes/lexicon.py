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
CONJUNCTIONS = word_set("but and yet so or")
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
    august september october november december last next every some many most all both each no not
    despite amid amidst according having being given including besides nearly almost just only even once
    twice overall separately elsewhere together perhaps maybe soon nonetheless afterwards"""
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
    # nouns that can be credited with speech, singular and plural: 'spokeswoman' -> ('person', 'she', False),
    # 'officials' -> ('person', '', True), 'firm' -> ('organisation', '', False), 'report' -> ('source', '', False)
    speaker_nouns: dict[str, tuple[str, str, bool]]
    title_heads: frozenset[str]  # the noun of a role or office title: 'minister', 'secretary' (not 'foreign')
    company_nouns: frozenset[str]  # descriptions of a company: 'firm', 'carmaker' ('the firm said')
    organisation_words: frozenset[str]  # last words of organisation names: 'Inc', 'Group', 'Energy' (as written)
    office_heads: frozenset[str]  # the noun of an office written before a name: 'president' ('President Reagan')
    # the one list of honorifics (seeds/titles.csv, kind 'honorific'), lowercase without the dot -> the pronoun
    # it implies ('mr' -> 'he', 'dr' -> ''); `plain_honorifics` are never part of an office ('mr', not 'lord')
    honorifics: dict[str, str]
    plain_honorifics: frozenset[str]


def plural(noun: str) -> str:
    """English plural of a speaker noun: 'spokesman' -> 'spokesmen', 'agency' -> 'agencies', 'boss' -> 'bosses'."""
    if noun.endswith("man"):
        return noun[:-3] + "men"
    if noun.endswith("person"):
        return noun[:-6] + "people"
    if noun == "child":
        return "children"
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


def _speaker_nouns() -> dict[str, tuple[str, str, bool]]:
    nouns: dict[str, tuple[str, str, bool]] = {}
    for row in reference_rows("speaker_nouns"):
        noun = row["noun"].lower()
        nouns.setdefault(plural(noun), (_kind(row["kind"]), "", True))
    for row in reference_rows("speaker_nouns"):
        nouns[row["noun"].lower()] = (_kind(row["kind"]), row["gender"], False)  # 'data', 'figures': as listed
    return nouns


def _kind(kind: str) -> str:
    """A company is an organisation; the seeds tell them apart for `Lexicon.company_nouns`."""
    return "organisation" if kind == "company" else kind


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
    heads: set[str] = set()
    offices: set[str] = set()
    honorifics: dict[str, str] = {}
    plain_honorifics: set[str] = set()
    for row in reference_rows("titles"):
        if row["kind"] == "honorific":
            honorific = _strip_dot(row["title"].lower())
            honorifics[honorific] = row["gender"]
            if row["plain"] == "yes":
                plain_honorifics.add(honorific)
        if row["kind"] in ("role", "office"):
            words = row["title"].lower().split(" of ")[0].split()
            if words:
                heads.add(_strip_dot(words[-1]))
                if row["kind"] == "office":
                    offices.add(_strip_dot(words[-1]))
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
    return Lexicon(
        verb_lemma,
        clause,
        listener,
        frozenset(titles),
        orgs,
        {k: frozenset(v) for k, v in phrasal.items()},
        _speaker_nouns(),
        frozenset(heads),
        frozenset(row["noun"].lower() for row in reference_rows("speaker_nouns") if row["kind"] == "company"),
        frozenset(row["word"] for row in reference_rows("organisation_words")),
        frozenset(offices),
        honorifics,
        frozenset(plain_honorifics),
    )
