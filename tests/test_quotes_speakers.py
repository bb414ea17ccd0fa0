"""Speakers an analyst can trust: a description keeps its mention, kind and affiliation but is no speaker; names are
speakers (one row per pattern: text, quote, mention, speaker, kind, affiliation)."""

from __future__ import annotations

import pytest

from wirehouse.quotes import extract_quotes

# (text, quote prefix, speaker mention, speaker, speaker kind, affiliation)
SPEAKERS = [
    (
        '"We start today," a Bank of England spokesman said.',
        "We start",
        "Bank of England spokesman",
        None,
        "description",
        "Bank of England",
    ),
    ('"It is bold," analysts said.', "It is bold", "analysts", None, "description", None),
    ("Labour's spokesman said the plan would fail.", "the plan", "Labour's spokesman", None, "description", "Labour"),
    ('"We lost," the company said.', "We lost", "the company", None, "description", None),
    (
        '"We lost," Cairn Energy said. "We will recover," the company said.',
        "We will",
        "the company",
        "Cairn Energy",
        "organisation",
        None,
    ),
    ('"No," Amy Pope said.', "No", "Amy Pope", "Amy Pope", "person", None),
    # people in a place are no person named after it
    (
        'Traders in London said the market was "very thin" all day.',
        "very thin",
        "Traders in London",
        None,
        "description",
        None,
    ),
    # a determiner or a possessive opening a description names no organisation: 'One', 'Some', 'His'
    ('Some dealers said the market was "very thin" all day.', "very thin", "Some dealers", None, "description", None),
    (
        'One Republican strategist said the vote would be "very close."',
        "very close",
        "One Republican strategist",
        None,
        "description",
        "Republican",
    ),
    ('"We will cut rates," the Bank said.', "We will", "the Bank", None, "description", None),
    (
        '"We will cut rates," the Bank of England said.',
        "We will",
        "the Bank of England",
        "Bank of England",
        "organisation",
        None,
    ),
    # 'the' and one word of an organisation the article credits stand for it, when only one fits
    (
        '"We will cut rates," the Bank of England said. "We will wait," the Bank said.',
        "We will wait",
        "the Bank",
        "Bank of England",
        "organisation",
        None,
    ),
    (
        'The Washington Post said she left "at the urging of her sons." "It came to a head," the Post said.',
        "It came",
        "the Post",
        "Washington Post",
        "organisation",
        None,
    ),
    (
        '"We will cut," the Republican Party said. "We will tax," the Democratic Party said. "No," the Party said.',
        "No",
        "the Party",
        None,
        "description",
        None,
    ),
    # a quoted name inside the subject's appositive does not end the subject
    (
        '"We had better conventions," Ann Smith, wearing a hat and "Ted Cruz" campaign pins, said.',
        "We had",
        "Ann Smith",
        "Ann Smith",
        "person",
        None,
    ),
    ('"No," Jason Gilbert of Cheyenne said.', "No", "Jason Gilbert of Cheyenne", "Jason Gilbert", "person", None),
    ('"No," Deutsche Bank said.', "No", "Deutsche Bank", "Deutsche Bank", "organisation", None),
    # 'who' (or 'which') as the subject of a speech verb is the mention; the speaker is the name it stands for, and
    # a description it stands for keeps its affiliation
    (
        '"It will fail," said Ann Smith, who said the plan was "a disaster from the start."',
        "a disaster",
        "who",
        "Ann Smith",
        "person",
        None,
    ),
    (
        '"It will fail," said a Labour spokesman, who added that the plan was "a disaster."',
        "a disaster",
        "who",
        None,
        "description",
        "Labour",
    ),
    (
        'The panel ruled. The IAAF - which said it was "very surprised" - will appeal.',
        "very",
        "which",
        "IAAF",
        "organisation",
        None,
    ),
    (
        'The plan is backed by Ann Smith (D-N.Y.), who says artists face "an uphill struggle" in the US.',
        "an uphill",
        "who",
        "Ann Smith",
        "person",
        None,
    ),
    (
        'Ann Smith contrasted that with Bob Jones who is looking to bring "people together."',
        "people together",
        "who",
        "Bob Jones",
        "person",
        None,
    ),
    (
        'Ten were admitted as well as 29 others who only specified "Christian" as their religion.',
        "Christian",
        "who",
        None,
        "description",
        None,
    ),
    (
        'They asked the Chicago Police Department, which reported "2,521 shooting incidents" this year.',
        "2,521",
        "which",
        "Chicago Police Department",
        "organisation",
        None,
    ),
]


@pytest.mark.parametrize(("text", "prefix", "mention", "speaker", "kind", "affiliation"), SPEAKERS)
def test_only_names_are_speakers(text: str, prefix: str, mention: str, speaker, kind: str, affiliation) -> None:
    """A description keeps its mention, kind 'description' and the organisation it names, but no speaker;
    'the company' is the one company the article credits, if there is one."""
    quote = next(q for q in extract_quotes(text) if q.text.startswith(prefix))
    found = (quote.speaker_mention, quote.speaker, quote.speaker_kind, quote.speaker_affiliation)
    assert found == (mention, speaker, kind, affiliation)
