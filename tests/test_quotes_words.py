"""The quote rules' word lists live in seeds/quote_words.csv, are loaded once into `Lexicon.words` and injected:
no rule module holds a word list of its own, and a lexicon built from other words changes what the rules do."""

from __future__ import annotations

import ast
import csv
import dataclasses
from pathlib import Path

import pytest

from wirehouse.paths import SEEDS_DIR
from wirehouse.quotes import RuleAttributor, extract_quotes
from wirehouse.quotes.lexicon import Words, lexicon, load_words
from wirehouse.reference import reference_rows

QUOTES_DIR = Path(__file__).resolve().parents[1] / "wirehouse" / "quotes"
# the loader and the output's own vocabularies (quote kinds, speaker kinds, column names) are not rules
NOT_RULES = {"lexicon.py", "model.py", "stage.py", "evaluate.py", "__init__.py"}
# literals that are no word list, each with its reason
ALLOWED = {
    ("credits.py", ("person", "organisation")),  # speaker kinds of the output (model.SPEAKER_KINDS)
    ("pronouns.py", ("he", "she")),  # the genders the seeds give ('gender' of titles.csv and speaker_nouns.csv)
}


def _is_word(value: str) -> bool:
    """'said', 'Mr', 'Mr.': a word of two letters or more (as a list would hold it, spaces around or not)."""
    letters = value.rstrip(".")
    return len(letters) > 1 and letters.isalpha()


def _word_literals(path: Path) -> list[tuple[str, ...]]:
    """Tuples, sets and lists of two or more strings, one of them a lowercase word, outside `__slots__` and
    the suffixes handed to `str.endswith`."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "__slots__" for t in node.targets):
            skipped.add(id(node.value))
        if isinstance(node, ast.Call) and getattr(node.func, "attr", "") in ("endswith", "startswith"):
            skipped.update(id(arg) for arg in node.args)
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Tuple | ast.Set | ast.List) or id(node) in skipped or len(node.elts) < 2:
            continue
        values = [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
        if len(values) == len(node.elts) and any(_is_word(v.strip()) for v in values):
            found.append(tuple(values))
    return found


def test_no_rule_module_holds_a_word_list():
    offenders = [
        (path.name, literal)
        for path in sorted(QUOTES_DIR.glob("*.py"))
        if path.name not in NOT_RULES
        for literal in _word_literals(path)
        if (path.name, literal) not in ALLOWED
    ]
    assert offenders == []


def test_the_scan_finds_a_word_list(tmp_path):
    module = tmp_path / "rule.py"
    module.write_text(
        'WORDS = frozenset(("said", "told"))\nENDS = "x".endswith(("ly", "ed"))\nAT = (" Mr ", "\\nMr ")\n',
        encoding="utf-8",
    )
    assert sorted(_word_literals(module)) == [(" Mr ", "\nMr "), ("said", "told")]


def test_every_list_of_the_seed_is_a_field_and_back():
    with (SEEDS_DIR / "quote_words.csv").open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == ["list", "word", "value", "note"]
    lists = {row["list"] for row in rows}
    assert lists == {field.name for field in dataclasses.fields(Words) if field.init}
    assert all(row["note"] for row in rows if row is next(r for r in rows if r["list"] == row["list"]))
    words = lexicon().words
    assert words.weekdays == frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
    assert words.pronouns["she"] == "person" and words.pronouns["it"] == "organisation"
    assert words.reporting_forms[:2] == ("said", "says")  # ordered lists keep the file's order
    assert words.passive_before == words.be_forms | words.passive_adverbs


def test_a_list_missing_from_the_seed_is_a_clear_error():
    rows = tuple(row for row in reference_rows("quote_words") if row["list"] != "title_cues")
    with pytest.raises(ValueError, match="title_cues"):
        load_words(rows)


def test_the_rules_read_the_injected_words():
    text = 'Critics attacked the so-called "plan for the many and not the few" on Monday.'
    [quote] = extract_quotes(text)
    assert (quote.kind, quote.speaker_mention) == ("scare", None)  # 'so-called' is a title cue
    lex = lexicon()
    words = dataclasses.replace(lex.words, title_cues=lex.words.title_cues - {"so-called"})
    other = RuleAttributor(dataclasses.replace(lex, words=words))
    [quote] = extract_quotes(text, attributor=other)
    assert (quote.kind, quote.speaker_mention, quote.attribution_rule) == ("partial", "Critics", "sentence_subject")


def test_the_quotes_read_the_sentences_of_the_sentences_table():
    from wirehouse.quotes.tokens import sentence_starts
    from wirehouse.segment.sentences import split_sentences

    text = '"We expect it," said Elliott Schlang, analyst at Turben Inc. "Any company that does not like it goes."'
    assert sentence_starts(text, 0, len(text)) == [start for start, _ in split_sentences(text, 0, len(text))]
    # 'Inc.' (may_end in seeds/abbreviations.csv) ends a sentence before a quote, as the splitter decides: the
    # second quote stands as its own sentence (it was 'partial' when the quotes had their own abbreviations)
    assert [(q.text[:11], q.kind, q.speaker_mention) for q in extract_quotes(text)] == [
        ("We expect i", "direct", "Elliott Schlang"),
        ("Any company", "direct", "Elliott Schlang"),
    ]
