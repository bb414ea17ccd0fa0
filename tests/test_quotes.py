"""Quote extraction and attribution: the seed articles' expected quotes, and the shapes news writes."""

from __future__ import annotations

import pytest

from tests.conftest import seed_text
from wirehouse.quotes import Quote, QuoteSpan, RuleAttributor, extract_quotes, paragraph_spans
from wirehouse.quotes.speakers import NameBook

SEED_REUTERS = "000_f586c72162ac7c3d"
SEED_CNN = "001_468d0ff313ca5494"


def seed(name: str) -> str:
    """A seed article with the broken `&39;` apostrophes repaired (cleaning is another stage's job)."""
    return seed_text(name).replace("&39;", "'")


def find(quotes: list[Quote], prefix: str) -> Quote:
    matches = [q for q in quotes if q.text.startswith(prefix)]
    assert len(matches) == 1, f"{prefix!r}: {[q.text[:40] for q in quotes]}"
    return matches[0]


@pytest.fixture(scope="module")
def cnn() -> list[Quote]:
    return extract_quotes(seed(SEED_CNN))


@pytest.fixture(scope="module")
def reuters() -> list[Quote]:
    return extract_quotes(seed(SEED_REUTERS))


@pytest.mark.parametrize(
    ("prefix", "kind", "speaker", "speaker_kind", "cue", "attribution"),
    [
        ("I congratulated him on the victory", "direct", "Donald Trump", "person", "told", "explicit"),
        ("The call had to do also with the fact", "direct", "Donald Trump", "person", "told", "continuation"),
        ("We will never allow anybody", "direct", "Donald Trump", "person", "said", "explicit"),
        ("It certainly looks like the Russians were behind", "partial", "Donald Trump", "person", "saying", "explicit"),
        ("An American president does not lead the Free World", "direct", "John McCain", "person", "said", "explicit"),
        ("And by doing so with Vladimir Putin", "direct", "John McCain", "person", "said", "continuation"),
        ("The leaders spoke in favour", "direct", "Kremlin", "organisation", "said", "explicit"),
        ("Special attention was devoted", "direct", "Kremlin", "organisation", "adding", "explicit"),
        ("emphasized the importance of denuclearizing", "partial", "White House", "organisation", "said", "explicit"),
        ("Putin and Trump had not discussed", "indirect", "Dmitry Peskov", "person", "told", "explicit"),
        ("he hoped Putin's win would persuade", "indirect", "Sergei Ryabkov", "person", "said", "explicit"),
    ],
)
def test_cnn_seed(
    cnn: list[Quote], prefix: str, kind: str, speaker: str, speaker_kind: str, cue: str, attribution: str
) -> None:
    quote = find(cnn, prefix)
    assert (quote.kind, quote.speaker, quote.speaker_kind, quote.cue_verb, quote.attribution) == (
        kind,
        speaker,
        speaker_kind,
        cue,
        attribution,
    )


@pytest.mark.parametrize(
    ("prefix", "kind", "speaker"),
    [
        ("The leaders spoke in favour", "direct", "Kremlin"),
        ("Special attention was devoted", "direct", "Kremlin"),
        ("Mr Putin and Mr Trump had not discussed the poisoning", "indirect", "Dmitry Peskov"),
        ("he hoped Mr Putin’s win would lead", "indirect", "Sergei Ryabkov"),
    ],
)
def test_reuters_seed(reuters: list[Quote], prefix: str, kind: str, speaker: str) -> None:
    quote = find(reuters, prefix)
    assert (quote.kind, quote.speaker) == (kind, speaker)


def test_seed_mentions_and_offsets(cnn: list[Quote]) -> None:
    text = seed(SEED_CNN)
    quote = find(cnn, "I congratulated him")
    assert quote.text == "I congratulated him on the victory, the electoral victory,"
    assert quote.speaker_mention == "Trump"
    assert text[quote.speaker_start : quote.speaker_end] == "Trump"
    kremlin = find(cnn, "The leaders spoke")
    assert kremlin.speaker_mention == "the Kremlin"
    mccain = find(cnn, "An American president")
    assert mccain.speaker_mention == "McCain"
    continued = find(cnn, "And by doing so")
    assert continued.paragraph_no == mccain.paragraph_no + 1
    # the quote marks are mismatched (“...," and "...”) and excluded from the text
    assert text[mccain.start - 1] == "“" and text[mccain.end] == '"'
    assert [q.quote_no for q in cnn] == list(range(len(cnn)))
    assert [q.start for q in cnn] == sorted(q.start for q in cnn)


def test_every_quote_slices_the_text(cnn: list[Quote], reuters: list[Quote]) -> None:
    for name, quotes in ((SEED_CNN, cnn), (SEED_REUTERS, reuters)):
        text = seed(name)
        paragraphs = paragraph_spans(text)
        for quote in quotes:
            assert text[quote.start : quote.end] == quote.text
            p_start, p_end = paragraphs[quote.paragraph_no]
            assert p_start <= quote.start < quote.end <= p_end
            if quote.speaker_mention is not None:
                assert text[quote.speaker_start : quote.speaker_end] == quote.speaker_mention


def test_canonical_names_take_the_fullest_form() -> None:
    book = NameBook(seed(SEED_REUTERS))
    assert book.canonical(["Putin"]) == "Vladimir Putin"
    assert book.canonical(["Trump"]) == "Donald Trump"
    assert NameBook(seed(SEED_CNN)).canonical(["McCain"]) == "John McCain"
    # a two-word core is extended only by a form holding both words
    book = NameBook("Senator Hillary Rodham Clinton spoke. Later Rodham Clinton said no. Bill Clinton agreed.")
    assert book.canonical(["Rodham", "Clinton"]) == "Hillary Rodham Clinton"
    assert book.canonical(["Bill", "Clinton"]) == "Bill Clinton"


def speaker_of(text: str, prefix: str) -> Quote:
    return find(extract_quotes(text), prefix)


@pytest.mark.parametrize(
    ("text", "prefix", "speaker", "cue", "attribution"),
    [
        ('"We will win," Smith said.', "We will win", "Smith", "said", "explicit"),
        ('"We will win", said Jane Smith.', "We will win", "Jane Smith", "said", "explicit"),
        ('Jane Smith said: "We will win."', "We will win", "Jane Smith", "said", "explicit"),
        ('Jane Smith told reporters: "We will win."', "We will win", "Jane Smith", "told", "explicit"),
        (
            'Taxes will rise, Jane Smith said, adding: "We have no choice."',
            "We have",
            "Jane Smith",
            "adding",
            "explicit",
        ),
        ('"We will win," Jane Smith said in a statement.', "We will win", "Jane Smith", "said", "explicit"),
        (
            '"We will win," Jane Smith, the leader of the party, said.',
            "We will win",
            "Jane Smith",
            "said",
            "explicit",
        ),
        ('"Taxes will rise next year," according to Jane Smith.', "Taxes", "Jane Smith", "according to", "explicit"),
        (
            'The Shadow Secretary of State for the Family, Theresa May, said: "These plans are old."',
            "These plans",
            "Theresa May",
            "said",
            "explicit",
        ),
        (
            '"It will pass," Ryan’s spokeswoman, AshLee Strong, said.',
            "It will pass",
            "AshLee Strong",
            "said",
            "explicit",
        ),
        ('Jane Smith said the plan was "a disaster for everyone".', "a disaster", "Jane Smith", "said", "explicit"),
        ('"We will win," the Treasury said.', "We will win", "Treasury", "said", "explicit"),
        ('"We will win," said Sen. John Smith, R-Ariz.', "We will win", "John Smith", "said", "explicit"),
    ],
)
def test_attribution_shapes(text: str, prefix: str, speaker: str, cue: str, attribution: str) -> None:
    quote = speaker_of(text, prefix)
    assert (quote.speaker, quote.cue_verb, quote.attribution) == (speaker, cue, attribution)


def test_partial_and_direct() -> None:
    text = 'Jane Smith said the plan was "a disaster". She added: "We will fight it."'
    assert speaker_of(text, "a disaster").kind == "partial"
    assert speaker_of(text, "We will fight").kind == "direct"


def test_pronoun_resolves_to_the_last_named_speaker() -> None:
    text = 'Senator John Smith said the party was ready.\n\n"We will win," he said.'
    quote = speaker_of(text, "We will win")
    assert (quote.speaker_mention, quote.speaker, quote.attribution) == ("he", "John Smith", "pronoun")
    assert text[quote.speaker_start : quote.speaker_end] == "he"


def test_titles_are_dropped_and_surnames_extended() -> None:
    text = (
        "Republican U.S. Senator John McCain criticised the call.\n\n"
        '"This is a mistake," McCain said.\n\n'
        '"It is wrong," Mr McCain told reporters.'
    )
    quotes = extract_quotes(text)
    assert [q.speaker for q in quotes if q.kind == "direct"] == ["John McCain", "John McCain"]


def test_continuation_over_paragraphs() -> None:
    text = (
        '"The first part of the quote," Jane Smith said.\n\n'
        '"The second paragraph belongs to her too."\n\n'
        '"A long quote that does not close here.\n\n'
        '"And ends here," Bob Jones said.'
    )
    quotes = extract_quotes(text)
    assert [(q.speaker, q.attribution) for q in quotes] == [
        ("Jane Smith", "explicit"),
        ("Jane Smith", "continuation"),
        ("Bob Jones", "continuation"),
        ("Bob Jones", "explicit"),
    ]


def test_indirect_speech_can_be_left_out() -> None:
    text = "Jane Smith said the party was ready for the election."
    assert [q.kind for q in extract_quotes(text)] == ["indirect"]
    assert extract_quotes(text, attributor=RuleAttributor(indirect=False)) == []


def test_paragraph_spans_given_by_the_caller() -> None:
    text = 'Intro line\n"We will win," Jane Smith said.\nAnother line'
    (quote,) = extract_quotes(text, [(0, 10), (11, 42), (43, 55)])
    assert (quote.paragraph_no, quote.speaker) == (1, "Jane Smith")


def test_a_plugged_in_attributor_gets_the_spans() -> None:
    class Nobody:
        def attribute(self, text: str, paragraphs: list[tuple[int, int]], spans: list[QuoteSpan]) -> list[Quote]:
            return [
                Quote(i, "direct", text[s.start : s.end], s.start, s.end, s.paragraph_no, None, None, None, None,
                      "unknown", None, "none")
                for i, s in enumerate(spans)
            ]  # fmt: skip

    quotes = extract_quotes('"We will win," Jane Smith said.', attributor=Nobody())
    assert [(q.text, q.speaker) for q in quotes] == [("We will win,", None)]


def test_pronouns_skip_people_of_the_other_gender() -> None:
    text = (
        "Theresa May said the party was ready.\n\n"
        "Mr Blair told MPs the plan was sound.\n\n"
        '"We will win," she said.\n\n'
        '"Nonsense," he said.'
    )
    quotes = extract_quotes(text)
    assert [(q.kind, q.speaker) for q in quotes] == [
        ("indirect", "Theresa May"),
        ("indirect", "Blair"),
        ("direct", "Theresa May"),
        ("direct", "Blair"),
    ]
    assert [q.text for q in quotes[:2]] == ["the party was ready", "the plan was sound"]


@pytest.mark.parametrize(
    ("text", "clause", "speaker"),
    [
        ("Tony Blair told reporters on Tuesday he would stay.", "he would stay", "Tony Blair"),
        ("She told The Associated Press that she was fine.", "she was fine", None),
        (
            "Prices will rise again next year, the central bank said.",
            "Prices will rise again next year",
            None,  # a description: no canonical speaker (speaker_kind 'description')
        ),
        (
            "Jane Smith said he hoped the talks would resume, the RIA news agency reported.",
            "he hoped the talks would resume",
            "Jane Smith",
        ),
    ],
)
def test_reported_speech_clauses(text: str, clause: str, speaker: str | None) -> None:
    (quote,) = extract_quotes(text)
    assert (quote.kind, quote.text, quote.speaker) == ("indirect", clause, speaker)


def test_malformed_text_never_breaks_offsets() -> None:
    """Random mixes of marks, speech verbs and names: no exception, and every offset slices the text."""
    import random

    pieces = ['"', "“", "”", " ", "\n", "\n\n", "said", "Smith", "he", ".", ",", ":", "Mr.", "U.S.", "(", ")", "—"]
    pieces += ["told", "reporters", "adding", "according", "to", "that", "’s", "the", "Kremlin"]
    rng = random.Random(7)
    for _ in range(3000):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        if rng.random() < 0.3:
            text = text.replace(" ", "")
        for quote in extract_quotes(text):
            assert text[quote.start : quote.end] == quote.text and quote.text.strip()
            if quote.speaker_mention is not None:
                assert text[quote.speaker_start : quote.speaker_end] == quote.speaker_mention


def _fuzz_texts() -> list[str]:
    """The seed articles and random mixes of words, marks, abbreviations and non-ASCII punctuation."""
    import random

    pieces = ['"', "“", "”", "„", " ", "  ", "\n", "\t", "\xa0", "said,", "Smith.", "he", ".", "!", "?", ",", ":", "’"]
    pieces += ["Mr.", "U.S.", "Calif.", "J.", "2.5bn.", "end.)", 'end."', "ÉTAT", "état.", "x", "İstanbul", "don't"]
    pieces += ["Blair’s", "well-known", "AT&T", "'quoted'", "-5", "...", "$10.9bn", "ab.cd.", "aaaaa.", "Aaaaaa."]
    rng = random.Random(11)
    texts = [seed(SEED_CNN), seed(SEED_REUTERS)]
    for _ in range(2000):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(0, 25)))
        texts.append(text.replace(" ", "") if rng.random() < 0.2 else text)
    return texts


def test_fast_paths_agree_with_the_plain_definitions() -> None:
    """The speed-ups find exactly what the plain definitions do: tokens by `_TOKEN`, quote marks by a regex,
    and the quotes' sentence starts are those of the `sentences` table's splitter."""
    import re

    from wirehouse.quotes.marks import mark_positions
    from wirehouse.quotes.tokens import _TOKEN, sentence_starts, tokenize
    from wirehouse.segment.sentences import split_sentences

    for text in _fuzz_texts():
        for start, end in ((0, len(text)), (len(text) // 3, len(text) - len(text) // 4)):
            assert tokenize(text, start, end) == _TOKEN.findall(text, start, end)
        assert mark_positions(text) == [m.start() for m in re.finditer(r'["“”„]', text)]
        spans = split_sentences(text, 0, len(text))
        assert sentence_starts(text, 0, len(text)) == [0] + [start for start, _ in spans[1:]]
