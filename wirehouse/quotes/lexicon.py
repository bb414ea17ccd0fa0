"""The word lists the attribution rules use, read once per process from `seeds/*.csv`.

They live as seeds (not code) so an analyst can read and extend them, and the warehouse exposes them as tables.
Everything here is lowercase-keyed sets and dicts: the hot path only does hash lookups.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from functools import cache

from wirehouse.reference import reference_rows


@dataclass(frozen=True, slots=True)
class Words:
    """Every word list of the rules: `seeds/quote_words.csv`, one field per `list` (its `note` says what for).

    The rules read them from the injected `Lexicon.words`, never from module globals, so that a lexicon built
    from other seeds changes every rule.
    """

    weekdays: frozenset[str]
    tail_ok: frozenset[str]
    participle_links: frozenset[str]
    not_description: frozenset[str]
    subject_pronouns: frozenset[str]
    subject_determiners: frozenset[str]
    name_determiners: frozenset[str]
    pp_links: frozenset[str]
    coordinators: frozenset[str]
    clause_starts: frozenset[str]
    pp_adjectives: frozenset[str]
    object_markers: frozenset[str]
    reporting_forms: tuple[str, ...]
    time_words: frozenset[str]
    title_cues: frozenset[str]
    attribution_links: frozenset[str]
    not_link_before: frozenset[str]
    link_prepositions: frozenset[str]
    link_gerunds: frozenset[str]
    indefinite_articles: frozenset[str]
    mention_nouns: frozenset[str]
    list_joiners: frozenset[str]
    work_nouns: frozenset[str]
    work_makers: frozenset[str]
    work_links: frozenset[str]
    title_preps: frozenset[str]
    small_words: frozenset[str]
    possessive_determiners: frozenset[str]
    noun_determiners: frozenset[str]
    clause_openers: frozenset[str]
    not_speech_before_to: frozenset[str]
    speech_nouns: frozenset[str]
    intro_words: frozenset[str]
    passive_links: frozenset[str]
    be_forms: frozenset[str]
    passive_adverbs: frozenset[str]
    prepositions: frozenset[str]
    quantifiers: frozenset[str]
    relatives: frozenset[str]
    skipped_prepositions: frozenset[str]
    header_words: frozenset[str]
    pronouns: dict[str, str]
    conjunctions: frozenset[str]
    aux_adverbs: frozenset[str]
    determiners: frozenset[str]
    capital_stopwords: frozenset[str]
    name_particles: frozenset[str]
    org_heads: frozenset[str]
    agent_endings: tuple[str, ...]
    anaphoric: frozenset[str]
    articles: frozenset[str]
    relative_pronouns: frozenset[str]
    person_relatives: frozenset[str]
    share_words: frozenset[str]
    share_hedges: frozenset[str]
    number_words: frozenset[str]
    time_openers: frozenset[str]
    subordinators: frozenset[str]
    post_verbs: frozenset[str]
    poll_nouns: frozenset[str]
    citation_verbs: frozenset[str]
    age_units: frozenset[str]
    age_words: frozenset[str]
    name_joiners: frozenset[str]
    name_conjunctions: frozenset[str]
    reported_possessives: frozenset[str]
    masculine_pronouns: tuple[str, ...]
    feminine_pronouns: tuple[str, ...]
    surname_honorifics: dict[str, str]
    eval_not_names: frozenset[str]

    # worked out from the lists above once, not on every use (they are read in the hot loops of the rules)
    passive_before: frozenset[str] = field(init=False)  # before a passive speech verb: 'was told', 'was also told'
    honorific_ends: tuple[str, ...] = field(init=False)  # right before a surname alone: ' Mr ', '\\nMr '
    masculine_needles: tuple[str, ...] = field(init=False)  # ' his ', ' him ', ' he '
    feminine_needles: tuple[str, ...] = field(init=False)  # ' her ', ' she '

    def __post_init__(self) -> None:
        spaced = tuple(f" {word} " for word in self.surname_honorifics)
        lines = tuple(f"\n{word} " for word, where in self.surname_honorifics.items() if where == "line")
        object.__setattr__(self, "passive_before", self.be_forms | self.passive_adverbs)
        object.__setattr__(self, "honorific_ends", spaced + lines)
        object.__setattr__(self, "masculine_needles", tuple(f" {word} " for word in self.masculine_pronouns))
        object.__setattr__(self, "feminine_needles", tuple(f" {word} " for word in self.feminine_pronouns))


_ORDERED = (
    "reporting_forms",
    "agent_endings",
    "masculine_pronouns",
    "feminine_pronouns",
)  # lists whose order is kept (tried in this order)


def load_words(rows: tuple[dict[str, str], ...]) -> Words:
    """`Words` from the rows of `quote_words.csv`; every list of the file is a field and every field a list."""
    lists: dict[str, list[str]] = {}
    values: dict[str, dict[str, str]] = {}
    for row in rows:
        lists.setdefault(row["list"], []).append(row["word"])
        values.setdefault(row["list"], {})[row["word"]] = row["value"]
    known = {f.name for f in fields(Words) if f.init}
    if set(lists) != known:
        raise ValueError(f"quote_words.csv lists differ from the rules' lists: {sorted(set(lists) ^ known)}")
    made: dict[str, object] = {name: frozenset(words) for name, words in lists.items()}
    for name in _ORDERED:
        made[name] = tuple(lists[name])
    made["pronouns"] = values["pronouns"]
    made["surname_honorifics"] = values["surname_honorifics"]
    return Words(**made)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class Lexicon:
    verb_lemma: dict[str, str]  # lowercase form -> lemma: 'said' -> 'say'
    clause_verbs: frozenset[str]  # forms that can report a clause: 'said (that) ...'
    listener_verbs: frozenset[str]  # forms taking a listener object: 'told reporters'
    title_tokens: frozenset[str]  # lowercase, trailing '.' removed: 'sen', 'president', 'spokesman'
    organisations: frozenset[str]  # lowercase full names: 'kremlin', 'white house'
    phrasal: dict[str, frozenset[str]]  # a form's first word -> the rest: 'shot' -> {'back'}, 'made' -> {'it clear'}
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
    words: Words  # every other word list of the rules


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
        load_words(reference_rows("quote_words")),
    )
