"""Who the subject of a cue is: adverbial openers, the sentence after a quote, where a description ends, titles of
works that are no speech, and the person a pronoun refers to (one table or test per pattern, real sentences' shapes)."""

from __future__ import annotations

import pytest

from wirehouse.quotes import extract_quotes

# (text, quote prefix, speaker mention): the sentence's subject comes after an adverbial opener, never in it
ADVERBIAL_OPENERS = [
    ("Early in his campaign, Ann Smith attacked Bob Jones, calling him “a failed candidate.”", "a failed", "Ann Smith"),
    (
        "Domestically, Ann Smith’s row with the family drew a reply that called it “unfit to stand”.",
        "unfit",
        "Ann Smith’s",
    ),
    ('Outside the arena in downtown Washington, Ann Smith held a sign and chanted "Dump Trump."', "Dump", "Ann Smith"),
    (
        'Thirteen years earlier, Ann Smith had voted for it from "the perspective of a senator from New York."',
        "the perspective",
        "Ann Smith",
    ),
    # a participle after a link that opens the sentence: its subject is the main clause's, after the comma that
    # American news writes inside the quote's marks
    (
        "After saying her right foot was “so swollen I could barely get my shoe on,” Ann Smith was “whisked off” to "
        "hospital.",
        "so swollen",
        "Ann Smith",
    ),
    (
        "After saying her right foot was “so swollen I could barely get my shoe on,” Ann Smith was “whisked off” to "
        "hospital.",
        "whisked",
        "Ann Smith",
    ),
]


@pytest.mark.parametrize(
    ("text", "prefix", "mention"), ADVERBIAL_OPENERS, ids=[r[0].split()[0] for r in ADVERBIAL_OPENERS]
)
def test_adverbial_openers_are_no_subjects(text: str, prefix: str, mention: str) -> None:
    """'Early in ...', 'Domestically, ...', 'Outside the arena ...', 'Thirteen years earlier, ...', 'After saying ...,':
    a preposition, an '-ly' word before a comma or a preposition, a time before a comma or a participle after a link
    opens an adverbial; the subject follows it."""
    quote = next(q for q in extract_quotes(text) if q.text.startswith(prefix))
    assert quote.speaker_mention == mention


# (text, quote prefix, speaker mention): the subject of the sentence after one that ended inside a quote, and where
# a description ends
SENTENCE_SUBJECTS = [
    (
        'Gov. Ann Smith called the lines "unacceptable." Mayor Bob Jones wrote a letter to Attorney General Jane '
        'Doe asking the department to investigate the "fiasco."',
        "fiasco",
        "Mayor Bob Jones",
    ),
    (
        'The FBI said it was "working on it." The agency declined to detail the inquiry\'s "specific focus and scope."',
        "specific focus",
        "The agency",
    ),
    (
        "In August, several environmental groups granted Bob Jones more time, saying his "
        '"capital was less than expected."',
        "capital was",
        "several environmental groups",
    ),
    (
        'At a meeting, Ann Smith accused Bob Jones of being "soft." Then she cut into Bill Day, calling him a "stiff."',
        "stiff",
        "she",
    ),
    (
        'Ann Smith spoke first. But he rejected the call for a quota, saying no "arbitrary figure" would do.',
        "arbitrary",
        "he",
    ),
]


@pytest.mark.parametrize(("text", "prefix", "mention"), SENTENCE_SUBJECTS, ids=[r[2] for r in SENTENCE_SUBJECTS])
def test_sentence_subjects(text: str, prefix: str, mention: str) -> None:
    """A sentence starts after the closing mark of a quote that ended the one before; a description ends at its
    noun when a verb follows ('The agency declined'); a quantifier may open one ('several environmental groups');
    a pronoun right after an opening adverb or conjunction with no comma is the subject ('Then she', 'But he')."""
    quote = next(q for q in extract_quotes(text) if q.text.startswith(prefix))
    assert quote.speaker_mention == mention


# (text, quote prefix, speaker mention): where a description ends: a phrase after 'in' is part of it, and one
# after 'in' may sit in another phrase, as may a share ('one of ...'); a verb's object after its noun is not, nor
# the verb between them
DESCRIPTIONS = [
    (
        'Local officials in the farming province said stock losses were "miraculously low."',
        "miraculously",
        "Local officials in the farming province",
    ),
    (
        'One source at a house involved in the deal said, "It has got to be a blow-out."',
        "It has",
        "One source at a house involved in the deal",
    ),
    ('"It is dead on arrival," one of her aides said.', "It is dead", "one of her aides"),
    (
        'A senior official at one of four prospective banks said the ministry "told us to wait."',
        "told us",
        "A senior official at one of four prospective banks",
    ),
    ('The poster shows the two men on winged pigs and says "the day the sums add up".', "the day", "The poster"),
    (
        '"The price is just not interesting," commented one delegate representing a major producer.',
        "The price",
        "one delegate",
    ),
]


@pytest.mark.parametrize(("text", "prefix", "mention"), DESCRIPTIONS, ids=[r[2] for r in DESCRIPTIONS])
def test_where_a_description_ends(text: str, prefix: str, mention: str) -> None:
    """'officials in the farming province', 'One source at a house involved in the deal'; not 'The poster shows the
    two men', 'one delegate representing a major producer'."""
    quote = next(q for q in extract_quotes(text) if q.text.startswith(prefix))
    assert quote.speaker_mention == mention


# (text, the title): a show, a book or a film named by where it sits, even in a sentence with a speech verb
WORK_TITLES = [
    ("“It is too soon,” Clinton said on ABC’s “This Week” on Sunday.", "This Week"),  # a network's possessive
    ("“We are winning,” Pence said on “Fox News Sunday.”", "Fox News Sunday."),  # 'on' + title case
    ('"He is fair game," Fiorina told "Fox and Friends," reminding the hosts of it.', "Fox and Friends,"),  # listener
    ("“That is my job,” Weiner said in May on the podcast “Here’s the Thing.”", "Here’s the Thing."),  # work noun
    ("The actor, who stars in the PBS medical drama, “Mercy Street,” returns this week.", "Mercy Street,"),
    ("“I was driven,” Murphy said in an interview for POLITICO’s “Off Message” podcast.", "Off Message"),  # after
    (
        "“They have a stranglehold,” said Steven Brill, author of “America’s Bitter Pill,” a history.",
        "America’s Bitter Pill,",
    ),
    ("Serafinowicz, who’s starred in “Parks and Recreation,” posted the clip on Thursday.", "Parks and Recreation,"),
]


@pytest.mark.parametrize(("text", "title"), WORK_TITLES, ids=[row[1] for row in WORK_TITLES])
def test_work_titles_are_no_speech(text: str, title: str) -> None:
    """A title is credited to nobody even when the sentence credits its quote ('said on ABC's "This Week"')."""
    quotes = {q.text: q for q in extract_quotes(text) if q.kind != "indirect"}
    assert (quotes[title].kind, quotes[title].speaker, quotes[title].attribution_rule) == ("scare", None, None)
    spoken = [q for q in quotes.values() if q.text != title]
    assert all(q.speaker is not None for q in spoken), [(q.text, q.speaker) for q in spoken]


@pytest.mark.parametrize(
    ("text", "pronoun", "speaker"),
    [
        # an honorific's gender comes from the one list (seeds/titles.csv, kind 'honorific'): 'Baroness', 'Sheikh'
        ('Labour peer Baroness Kennedy said people distrust politicians. "It will grow," she said.', "she", "Kennedy"),
        ('Sheikh Ali said the plan would work. "We are ready," he said.', "he", "Ali"),
    ],
)
def test_honorific_gender_resolves_the_pronoun(text: str, pronoun: str, speaker: str) -> None:
    quote = next(q for q in extract_quotes(text) if q.kind == "direct")
    assert (quote.speaker_mention, quote.speaker, quote.attribution) == (pronoun, speaker, "pronoun")


def test_a_role_with_a_word_before_it_names_the_pronouns_person() -> None:
    """'Radio talk host Rush Limbaugh used his platform to discuss what he described as ...': the sentence's subject
    is the name after 'Radio talk host', a person, whom the pronoun of its own sentence refers to."""
    text = 'Radio talk host Ann Smith used her platform Friday to discuss what she described as the "brilliant" plan.'
    quote = next(q for q in extract_quotes(text) if q.text.startswith("brilliant"))
    assert (quote.speaker_mention, quote.speaker, quote.attribution) == ("she", "Ann Smith", "pronoun")


def test_a_verb_before_a_role_is_no_part_of_the_subject() -> None:
    """'Navratilova will partner Nathalie Dechy ...': 'will partner' is no role before a name; the subject is the
    first name, whom the later 'she' refers to."""
    text = (
        'Mrs Ann Smith played. Ann Smith will partner Jane Doe in the doubles event. "I might play singles," she said.'
    )
    quote = next(q for q in extract_quotes(text) if q.text.startswith("I might"))
    assert (quote.speaker_mention, quote.speaker) == ("she", "Ann Smith")


def test_the_first_pronoun_after_a_subject_says_its_gender() -> None:
    """'Clinton said Wednesday that she called Sanders ... to congratulate him on what she called "..."': the first
    gendered pronoun after the sentence's named subject, with no other name before it (a day is none), says who the
    subject is, though another pronoun ('him') follows."""
    text = (
        "The primaries ended on Tuesday night with a win.\n\nAnn Smith said Wednesday that she called Bob Jones after "
        'the vote to congratulate him on what she called "an extraordinary campaign."'
    )
    quote = next(q for q in extract_quotes(text) if q.text.startswith("an extraordinary"))
    assert (quote.speaker_mention, quote.speaker, quote.attribution) == ("she", "Ann Smith", "pronoun")
