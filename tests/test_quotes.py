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


@pytest.mark.parametrize(
    "text",
    [
        'Relations with Moscow never recovered from the so-called "reset" under Obama.',
        'Her book "Living History" sold well in Britain, where Jane Smith lives.',
        'Trump, the "dealmaker" from New York, arrived late.',
        # 'as' after 'such' lists examples, and 'As' opening a sentence is a conjunction: no attribution links
        'Officials searched their records for words such as "Benghazi" last year.',
        'As the "Never Trump" movement continues to battle on, delegates meet in Cleveland.',
        # a noun that mentions words is no attribution link
        'The conversation is changing in Washington, where the words "preemptive strike" are more often heard.',
        # a button's label after 'click', though it ends with its own full stop
        'You can receive this daily update by email! Enter your email address, and click "sign up." That is all.',
        # a speech verb in another clause of the sentence does not make a short quote speech: in a subordinate
        # clause that opens it and a comma closes, or in a relative clause after the quote (dev set, BBC)
        'Even though people initially hailed these as bold moves by people desperate for freedom, the "Arab '
        'Spring" was, in fact, a way for Islamists to dethrone secular dictators.',
        "And when asked about her plans for the seasons ahead, the 34-year-old has repeatedly chosen to tick the "
        '"don\'t know" box.',
        'The slate\'s main competition came from antiabortion groups and an unaligned "Wyoming first" push, which '
        "proposed their own slates.",
        # 'as' comparing after 'the same', with an adjective after 'the' (BBC)
        'Projects were showing the same worrying tendencies as the older "legacy projects", such as the Eurofighter.',
    ],
)
def test_scare_quotes_and_titles_have_no_speaker(text: str) -> None:
    (quote,) = [q for q in extract_quotes(text) if q.kind != "indirect"]
    assert (quote.kind, quote.speaker, quote.speaker_mention, quote.attribution) == ("scare", None, None, "none")


def test_a_quote_dated_in_brackets_is_a_title() -> None:
    """A caption of campaign posters (dev set): each slogan is dated by the year in brackets after it, whatever
    its punctuation; a bracket without a year after a quote leaves it speech."""
    text = (
        "“Lose safety? Lose work? No to Schengen” (2005) — “Free pass for all? No.” (2007). (SVP/Global Risk "
        "Insights.)\n\n“We Swiss are increasingly becoming strangers” (St. Gallen general election poster 2003).\n\n"
        "Ann Smith said the plan was “a disaster for all of us” (her emphasis)."
    )
    quotes = [(q.text, q.kind) for q in extract_quotes(text) if q.kind != "indirect"]
    assert quotes == [
        ("Lose safety? Lose work? No to Schengen", "scare"),
        ("Free pass for all? No.", "scare"),
        ("We Swiss are increasingly becoming strangers", "scare"),
        ("a disaster for all of us", "partial"),
    ]


def test_a_pull_quote_repeats_a_quote_and_is_none() -> None:
    """A paragraph repeating an earlier quote with its speaker's name on the last line inside the marks is a pull
    quote (dev set); the same layout with words not quoted before is a quote."""
    text = (
        "“Everybody believes in the Geneva Convention until they start losing,” Ann Smith said at one point.\n\n"
        '"Everybody believes in the Geneva Convention until they start losing.\nAnn Smith."\n\n'
        '"We will never give up on the people of this state.\nBob Jones, governor."'
    )
    quotes = [(q.text[:20], q.kind) for q in extract_quotes(text) if q.kind != "indirect"]
    assert quotes == [
        ("Everybody believes i", "direct"),
        ("Everybody believes i", "scare"),
        ("We will never give u", "direct"),
    ]


def test_the_items_of_a_list_of_titles_are_titles() -> None:
    """The dev set: the second title of a list is no speech either, though 'posted' follows it."""
    text = (
        "Serafinowicz, who’s starred in “Parks and Recreation” and “Guardians of the Galaxy,” posted the clip to "
        "YouTube on Thursday."
    )
    quotes = [(q.text, q.kind, q.speaker) for q in extract_quotes(text) if q.kind != "indirect"]
    assert quotes == [("Parks and Recreation", "scare", None), ("Guardians of the Galaxy,", "scare", None)]


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        # a short quote after 'as' sits inside an attribution, speech verb or not (the dev set annotates 47 of 52)
        ('Harry Reid has been steadily pounding Trump as a "con artist" since May.', "con artist"),
        ('In political theory, it\'s known as "issue ownership" among scholars.', "issue ownership"),
        ('The cardinal used a Christmas message to denounce the war in Iraq as a "terrible" waste.', "terrible"),
        # after 'having' or 'being', or one adjective after 'a' (dev set: both annotated)
        ("For now, the administration waves off the delay as having “minimal” impact.", "minimal"),
        ("Shrugging off a woman’s opinion as a mere “moan” is never OK.", "moan"),
        # a naming word names its words ('dubbed', 'entitled', 'titled': 7 of 8 annotated)
        (
            'In all, Clinton\'s 1,370 fundraisers -- dubbed "Hillblazers" by the campaign -- have bundled money.',
            "Hillblazers",
        ),
        ('The ad, entitled "Our History," features five Hispanic-Americans.', "Our History,"),
        # a noun of someone's words, through 'of' or 'for': 27 of the dev set's 28 annotated
        ('Sanders has consistently pushed his promise of "free college" for years.', "free college"),
        ('The party campaigned on a slogan of "Say no to Europe" last year.', "Say no to Europe"),
        # a speech verb in the quote's own clause, or in a clause the sentence's first comma does not close off
        (
            'When she appeared before supporters, she declined to claim victory, saying she was breathing a "sigh of '
            'relief" at the numbers.',
            "sigh of relief",
        ),
        (
            'Clinton supports "appropriate pay raises," opposes pay freezes and recalled the three-year freeze.',
            "appropriate pay raises,",
        ),
    ],
)
def test_short_quotes_inside_an_attribution_are_quotes(text: str, quoted: str) -> None:
    (quote,) = [q for q in extract_quotes(text) if q.kind != "indirect"]
    assert (quote.text, quote.kind) == (quoted, "partial")


def test_quoted_words_of_a_list_are_no_speech() -> None:
    # the commas inside the marks are the list's, not a speaker's (no speech verb in the sentence)
    text = (
        "Officials searched their records for terms containing words such as "
        '"ambassador," "attack," "Benghazi," "Libya" and "talking points." Any document was returned.'
    )
    quotes = extract_quotes(text)
    assert [(q.text, q.kind, q.speaker_mention) for q in quotes] == [
        (word, "scare", None) for word in ("ambassador,", "attack,", "Benghazi,", "Libya", "talking points.")
    ]


def test_a_quote_on_a_line_of_capitals_is_a_heading() -> None:
    text = (
        "“Assad is secondary, to me, to ISIS,” he said.\n"
        "OBAMA FOCUSED “ON HIS GOLF GAME”\n"
        "On Russia, Trump again knocked Clinton and said the crowd had chanted “USA! USA!” at the rally."
    )
    quotes = {q.text: q for q in extract_quotes(text) if q.kind != "indirect"}
    assert (quotes["ON HIS GOLF GAME"].kind, quotes["ON HIS GOLF GAME"].speaker) == ("scare", None)
    assert quotes["USA! USA!"].kind == "partial"  # capitals inside a line of prose: speech


def test_quoted_sentences_one_after_the_other_are_no_list() -> None:
    text = '"Harlem has come to bid farewell," she said, quoting Uncle Ossie. "Ditto." "Ossie was my hero," said Al.'
    ditto = next(q for q in extract_quotes(text) if q.text == "Ditto.")
    assert (ditto.kind, ditto.speaker_mention) == ("direct", "she")


def test_nested_double_quotes_of_the_same_shape_belong_to_the_outer_quote() -> None:
    """The dev set and BBC nest double marks in double marks: the outer quote closes at the second of two closing
    marks in a row; a mark of another shape around a quote, or an opening mark with no second closing one after
    it, is no nesting."""
    text = (
        '"You lie; you don\'t go into work because you "had stuff to do at home"; you cancel plans," he wrote.\n\n'
        "“Polls face the fast growing number of “cell phone only” households.” [HuffPost.]\n\n"
        '"“If I was a donor, I’d want answers,” Ann Smith said."\n\n'
        'Ann Smith called it "a disaster. Bob Jones said it was "fine."'
    )
    assert [q.text for q in extract_quotes(text) if q.kind != "indirect"] == [
        'You lie; you don\'t go into work because you "had stuff to do at home"; you cancel plans,',
        "Polls face the fast growing number of “cell phone only” households.",
        "If I was a donor, I’d want answers,",
        "a disaster. Bob Jones said it was",
        "fine.",
    ]


def test_nested_single_quotes_belong_to_the_outer_quote() -> None:
    text = "“He told me ‘never again’ and left,” Jane Smith said."
    (quote,) = extract_quotes(text)
    assert quote.text == "He told me ‘never again’ and left,"
    assert quote.speaker == "Jane Smith"


@pytest.mark.parametrize("marks", [('"', '"'), ("“", "”"), ('"', "”"), ("“", '"')])
def test_straight_curly_and_mismatched_marks(marks: tuple[str, str]) -> None:
    opening, closing = marks
    text = f"{opening}We will win,{closing} Jane Smith said."
    (quote,) = extract_quotes(text)
    assert (quote.text, quote.start, quote.end, quote.speaker) == ("We will win,", 1, 13, "Jane Smith")


def test_spaces_just_inside_the_marks_are_no_part_of_the_quote() -> None:
    """BBC sport/041: 'and it is a great end to a great year. " Hayes said: "...' ended with a space before its
    closing mark, which then read as an opening one and handed the quote to the wrong speaker."""
    text = (
        '"It is such a great honour to win the Jesse Owens Award," said Gatlin. "It is one of the biggest '
        'honours in track and field and it is a great end to a great year. " Hayes said: "Knowing some of the '
        'great people who have won this award before me, I feel a sense of pride."\n\n'
        "Hayes added: “ You have to give them a path. ”"
    )
    quotes = [(q.text, q.speaker) for q in extract_quotes(text)]
    assert quotes == [
        ("It is such a great honour to win the Jesse Owens Award,", "Gatlin"),
        ("It is one of the biggest honours in track and field and it is a great end to a great year.", "Gatlin"),
        (
            "Knowing some of the great people who have won this award before me, I feel a sense of pride.",
            "Hayes",
        ),
        ("You have to give them a path.", "Hayes"),
    ]


def test_markup_attribute_values_are_no_quotes() -> None:
    """An embedded post's attributes ('<tweet author="..." timestamp="...">') are markup; its text is not quoted."""
    text = (
        'He tweeted on Friday.\n\n<tweet pic="" author="realDonaldTrump" timestamp="1448038800">'
        'I didn’t suggest a database.</tweet> "We must win," Jane Smith said.'
    )
    quotes = [(q.text, q.speaker) for q in extract_quotes(text) if q.kind != "indirect"]
    assert quotes == [("We must win,", "Jane Smith")]


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
