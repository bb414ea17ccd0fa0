"""Names as words: the name at the end of a mention (`name_core`), whether a name is an organisation's, and the
possessive of a name. Shared by the name book (`speakers.py`) and the naming rules (`naming.py`)."""

from __future__ import annotations

import re

from wirehouse.quotes.lexicon import Lexicon

_INITIAL = re.compile(r"[A-Z]\.")
_POSSESSIVE = ("’s", "'s", "’", "'")


def strip_possessive(token: str) -> str:
    """'Trump’s' -> 'Trump'."""
    if not token.endswith(_POSSESSIVE):
        return token
    for suffix in _POSSESSIVE:
        if token.endswith(suffix) and len(token) > len(suffix):
            return token[: -len(suffix)]
    return token


def _is_name_token(token: str, particles: frozenset[str]) -> bool:
    return token[:1].isupper() or token.lower() in particles


_CORES: dict[tuple[str, ...], list[str]] = {}  # `name_core` of a mention's tokens: the same in every article
_CORES_LEX: list[Lexicon | None] = [None]  # the lexicon `_CORES` and `_NAME_FORMS` were worked out with


def _caches_for(lex: Lexicon) -> None:
    """Forget the cached name cores and forms when another lexicon asks."""
    if _CORES_LEX[0] is not lex:
        _CORES.clear()
        _NAME_FORMS.clear()
        _CORES_LEX[0] = lex


def name_core(tokens: list[str], lex: Lexicon) -> list[str]:
    """The name at the end of a mention's tokens: the trailing run after the last title, role or stopword.

    The last token is always kept, so a surname that is also a title word ("John Major") survives.
    """
    _caches_for(lex)
    key = tuple(tokens)
    found = _CORES.get(key)
    if found is None:
        if len(_CORES) > 50_000:
            _CORES.clear()
        found = _CORES[key] = _name_core(tokens, lex)
    return list(found)


def _name_core(tokens: list[str], lex: Lexicon) -> list[str]:
    if not tokens:
        return []
    words = lex.words
    titles = lex.title_tokens
    last = strip_possessive(tokens[-1])
    core = [last]
    for token in reversed(tokens[:-1]):
        low = token.lower()
        bare = low[:-1] if low.endswith(".") else low
        if (
            not _is_name_token(token, words.name_particles)
            or bare in titles
            or (bare.endswith("s") and bare[:-1] in titles)
            or ("-" in bare and all(part in titles for part in bare.rstrip("s").split("-")))
            or low in words.capital_stopwords
            or low in lex.verb_lemma
            or token.endswith(("’s", "'s", "’", ",", ":", ";", ")", "!", "?", '"', "”"))
            or (token.endswith(".") and not _INITIAL.fullmatch(token))
        ):
            break
        core.append(token)
    core.reverse()
    while len(core) > 1 and core[0].lower() in words.name_particles:
        core.pop(0)
    return core


def is_organisation(tokens: list[str], with_article: bool, lex: Lexicon) -> bool:
    """An organisation if the seeds know it, its head noun is an institution word, or it takes 'the'."""
    if not tokens:
        return False
    name = " ".join(tokens).lower()
    if name in lex.organisations:
        return True
    head = tokens[-1].lower()
    if head in lex.words.org_heads or (len(tokens) > 1 and tokens[-1] in lex.organisation_words):
        return True  # 'Cairn Energy', 'Nortel Networks': a company name's last word
    # "the Kremlin", "the Pentagon": a capitalised name after 'the' that is not a title ("the President")
    return with_article and head not in lex.title_tokens


_UNSEEN = ()
_NAME_FORMS: dict[tuple[str, ...], tuple[str, ...] | None] = {}  # `_name_form`, the same in every article


def _name_form(tokens: tuple[str, ...], lex: Lexicon) -> tuple[str, ...] | None:
    """The name the capitalised words before a surname and the surname make (`name_core`), or None if it
    is no name: a headline in title case, an all-capitals dateline, a sentence opener ("Yesterday Trump")."""
    if len(_NAME_FORMS) > 50_000:
        _NAME_FORMS.clear()
    candidate: tuple[str, ...] | None = tuple(name_core(list(tokens), lex))
    if any(w.endswith("ly") or (w.isupper() and len(w) > 2) for w in candidate[:-1]):
        candidate = None  # a headline in title case, an all-capitals dateline
    elif candidate[0].lower() in lex.words.capital_stopwords:
        candidate = None  # a capitalised sentence opener is not a first name ("Yesterday Trump")
    _NAME_FORMS[tokens] = candidate
    return candidate
