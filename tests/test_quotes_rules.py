"""One row per attribution rule: the sentence, the quote, the speaker mention, the cue verb and the rule recorded
in `quotes.attribution_rule` (so that `eval-quotes` and SQL can group speakers, right and wrong, by rule)."""

from __future__ import annotations

import pytest

from wirehouse.quotes import extract_quotes
from wirehouse.quotes.model import Rule

# (text, quote prefix, speaker mention, cue verb, rule)
CUES = [
    # after the quote
    ('"It works," said Ann Smith.', "It works", "Ann Smith", "said", Rule.AFTER_VERB_FIRST),
    ('"It works," Ann Smith said.', "It works", "Ann Smith", "said", Rule.AFTER_SUBJECT_FIRST),
    # verbs of speech beyond 'say': 'surmised', 'exhorted'
    (
        '"People are afraid of wasting their votes," he surmised.',
        "People are",
        "he",
        "surmised",
        Rule.AFTER_SUBJECT_FIRST,
    ),
    (
        'Ann Smith exhorted delegates to "vote your conscience".',
        "vote your",
        "Ann Smith",
        "exhorted",
        "before_quote.verb_subject",
    ),
    # 'likened', 'groused': a short quote after them was a scare quote with no speech verb in its sentence
    (
        'At a rally, Ann Smith likened the refugees to a "vicious snake" in a song.',
        "vicious snake",
        "Ann Smith",
        "likened",
        "before_quote.verb_subject",
    ),
    (
        'Ann Smith groused to a crowd in Georgia that CNN "doesn’t treat me properly" on Monday.',
        "doesn’t treat",
        "Ann Smith",
        "groused",
        "before_quote.verb_subject",
    ),
    # 'made (it) clear' speaks: a short quote after it was a scare quote with no speech verb in its sentence
    (
        "Ann Smith endorsed the deal, although she made it clear that she has “serious concerns” about a handful "
        "of provisions in the legislation.",
        "serious concerns",
        "she",
        "made",
        "before_quote.verb_subject",
    ),
    (
        "During his 2008 campaign for president, Ann Smith made clear his aim to “fundamentally transform” the "
        "United States.",
        "fundamentally",
        "Ann Smith",
        "made",
        "before_quote.verb_subject",
    ),
    (
        '"Our ideas of success are different," agrees Ann Smith, 30.',
        "Our ideas",
        "Ann Smith",
        "agrees",
        Rule.AFTER_VERB_FIRST,
    ),
    # 'read' (past) speaks for a text: a sign, an email, an article
    (
        'Ann Smith lifted a sign.\n\n"We are still here," it read.',
        "We are still",
        "it",
        "read",
        Rule.AFTER_SUBJECT_FIRST,
    ),
    ('"Our revolution works," read the email.', "Our revolution", "the email", "read", Rule.AFTER_VERB_FIRST),
    # 'states', mostly a plural noun, speaks between a quote's subject and the end of its clause
    (
        '"We share the same enemies," the Saudis state in the white paper.',
        "We share",
        "the Saudis",
        "state",
        Rule.AFTER_SUBJECT_FIRST,
    ),
    (
        '"It prevents consumers from choosing," the lawsuit states.',
        "It prevents",
        "the lawsuit",
        "states",
        Rule.AFTER_SUBJECT_FIRST,
    ),
    # a political ad's voice-over speaks, and a phrase after 'in' belongs to the subject before it
    (
        '"Ann Smith is the only one strong enough," a voice-over in the ad states.',
        "Ann Smith is",
        "a voice-over in the ad",
        "states",
        Rule.AFTER_SUBJECT_FIRST,
    ),
    # before the quote, in its sentence
    # 'with' and a noun phrase before a participle: the phrase is its subject, not the sentence's ('with one of her
    # ads asking'), as in 'with Sen. Bob Jones calling it'
    (
        'Ann Smith tried to tie Bob Jones to the governor, with one of her ads asking, "Is he independent enough?"',
        "Is he",
        "one of her ads",
        "asking",
        "before_quote.verb_subject",
    ),
    ('Ann Smith said: "It works."', "It works", "Ann Smith", "said", "before_quote.verb_subject"),
    ('It was, said Ann Smith, "a total disaster".', "a total", "Ann Smith", "said", "before_quote.inverted_verb"),
    ("Philip Bump: “It works.”", "It works", "Philip Bump", None, Rule.TRANSCRIPT_NAME),
    # an excerpt's source after a 'From' opening its clause
    (
        'Aides say she will back him. From the report: "In general, samples did better."',
        "In general",
        "the report",
        None,
        Rule.EXCERPT_SOURCE,
    ),
    (
        'Signs were there all along -More from Blumenthal and Cohen: "Data from our firm helps confirm it."',
        "Data",
        "Blumenthal and Cohen",
        None,
        Rule.EXCERPT_SOURCE,
    ),
    ('Trump’s claim that Obama "founded ISIS" was false.', "founded", "Trump’s", None, Rule.SPEECH_NOUN_OWNER),
    ('According to Ann Smith, "the plan works".', "the plan", "Ann Smith", "according to", Rule.ACCORDING_TO),
    (
        'The plan was described as "a total disaster" by Ann Smith.',
        "a total",
        "Ann Smith",
        None,
        Rule.AGENT_AFTER_QUOTE,
    ),
    # the agent of an attribution link with no speech verb
    (
        'It is an option seen by organizers as a "lifeboat" for conservatives.',
        "lifeboat",
        "organizers",
        None,
        Rule.LINK_AGENT,
    ),
    (
        'While Sanders\'s clarion call for a "revolution" draws thousands of liberals, Clinton draws fewer.',
        "revolution",
        "Sanders's",
        None,
        Rule.SPEECH_NOUN_OWNER,
    ),
    (
        'In all, the 1,370 fundraisers -- dubbed "Hillblazers" by the campaign -- have bundled $137 million.',
        "Hillblazers",
        "the campaign",
        None,
        Rule.AGENT_AFTER_QUOTE,
    ),
    (
        'The plan was told by Ann Smith to be "a total disaster".',
        "a total",
        "Ann Smith",
        "told",
        "before_quote.passive_by_agent",
    ),
    (
        'The plan, as described by FBI Director James Comey, was "a total disaster".',
        "a total",
        "FBI Director James Comey",
        "described",
        "before_quote.verb_by_agent",
    ),
    (
        'The Kremlin issued a statement on Monday, adding: "We deny it."',
        "We deny",
        "The Kremlin",
        "adding",
        "before_quote.participle_subject",
    ),
    (
        'Trump met the press and called the deal "a disaster for workers".',
        "a disaster",
        "Trump",
        "called",
        "before_quote.coordinated_verb",
    ),
    # a digest item: a paragraph opening with a headline in capitals; its quotes are its story's
    (
        'Digest.\n\nROLL TIDE Alabama beat Clemson 45-40 in a game many are calling an "instant classic." [ESPN.]',
        "instant classic",
        "ROLL TIDE",
        None,
        Rule.HEADLINE,
    ),
    # the one who reports a clause with its own speech verb: 'X said Y called ... "..."'
    (
        'Rep. Ann Smith said Bob Jones called on members to be "closely coordinated."',
        "closely",
        "Rep. Ann Smith",
        "said",
        "before_quote.outer_subject",
    ),
    # a share of people speaks; a poll named before it in the sentence speaks for it
    (
        'Exit polls told a tale. About four in 10 said they were "angry" with the government.',
        "angry",
        "About four in 10",
        "said",
        "before_quote.share_subject",
    ),
    (
        'In a national CNN/ORC poll released Monday, 31% of Republicans said they were "extremely enthusiastic."',
        "extremely",
        "ORC poll",
        "said",
        "before_quote.poll_source",
    ),
    (
        'The Q poll also finds that, while 37 percent of Americans say he is "very responsible" for it, others do not.',
        "very responsible",
        "The Q poll",
        "say",
        "before_quote.poll_source",
    ),
    # a relative pronoun that is the verb's subject is the mention, as annotated news credits it
    (
        'Ann Smith is for the pact. Bob Jones, who has called it "insanity," is not.',
        "insanity",
        "who",
        "called",
        "before_quote.relative_subject",
    ),
    (
        'Ann Smith met Bob Jones, who wants the pact to bring "people together to accomplish the goal."',
        "people together",
        "who",
        None,
        Rule.RELATIVE_CLAUSE,
    ),
    # 'according to' names the source even where a speech verb names someone too
    (
        '"We will vote as we see fit," Ann Smith said, according to a White House pool report.',
        "We will vote",
        "a White House pool report",
        "according to",
        Rule.LATER_ACCORDING_TO,
    ),
    (
        'According to Yahoo News, Ann Smith said on Friday that she "would sign the bill".',
        "would sign",
        "Yahoo News",
        "according to",
        Rule.ACCORDING_TO,
    ),
    (
        '"It helps people," Ann Smith said Monday, according to audio provided by Wyoming Public Radio.',
        "It helps",
        "audio provided by Wyoming Public Radio",
        "according to",
        Rule.LATER_ACCORDING_TO,
    ),
    # later in the sentence
    (
        'The plan, "a disgrace and a sham", was dropped, according to the senator.',
        "a disgrace",
        "the senator",
        "according to",
        Rule.LATER_ACCORDING_TO,
    ),
    # the sentence before
    (
        'Patriots wanted a deal, Mr Straw said. "We will see."',
        "We will see",
        "Mr Straw",
        "said",
        "previous_sentence.verb_subject",
    ),
    ('Ann Smith runs the firm. "We will govern well."', "We will govern", "Ann Smith", None, Rule.PREVIOUS_SUBJECT),
    # reported speech
    ("Ann Smith said the plan would work.", "the plan would", "Ann Smith", "said", "reported.verb_subject"),
    # continuation: the speaker of another quote
    ('"We know," Ann Smith wrote, "you are rooting for her."', "you are", "Ann Smith", "wrote", Rule.RESUMED),
    ('"We will win." "We will fight on," Ann Smith said.', "We will win", "Ann Smith", "said", Rule.RUN_AFTER),
    ('"We will win," Ann Smith said. "It is our time."', "It is our", "Ann Smith", "said", Rule.QUOTE_BEFORE),
    (
        '"We will win." Then came the rain. "We will govern well," Ann Smith said.',
        "We will win",
        "Ann Smith",
        "said",
        Rule.QUOTE_LATER,
    ),
    ('"It is over," Ann Smith said.\n\n"We lost."', "We lost", "Ann Smith", "said", Rule.PREVIOUS_PARAGRAPH),
    # a paragraph opening with 'According to X' hands over to the next paragraph's quote
    (
        'According to Fox News\'s Ann Smith, the money will be spent on ads.\n\n"It helps Republicans down ballot."',
        "It helps",
        "Fox News's Ann Smith",
        "according to",
        Rule.PREVIOUS_PARAGRAPH,
    ),
    (
        '"We will win and then see what follows\n\n"We will govern well," Ann Smith said.',
        "We will win",
        "Ann Smith",
        "said",
        Rule.RUNNING_QUOTE,
    ),
]


@pytest.mark.parametrize(("text", "prefix", "mention", "cue", "rule"), CUES, ids=[str(row[4]) for row in CUES])
def test_cue(text: str, prefix: str, mention: str, cue: str | None, rule: str) -> None:
    quotes = [q for q in extract_quotes(text) if q.text.startswith(prefix)]
    assert len(quotes) == 1, [q.text for q in extract_quotes(text)]
    quote = quotes[0]
    assert (quote.speaker_mention, quote.cue_verb, quote.attribution_rule) == (mention, cue, rule)
    assert text[quote.speaker_start : quote.speaker_end] == mention


@pytest.mark.parametrize(
    ("text", "mention", "rule"),
    [
        # a name and a colon in a digest item introduce its quote
        (
            'IOWA POLLS NOT WRONG, JUST EARLY - Ann Smith: "Although the polls failed, they worked." [HuffPost.]',
            "Ann Smith",
            Rule.TRANSCRIPT_NAME,
        ),
        # a dateline, or a name in capitals, is no headline
        ('WEST PALM BEACH, Fla. - Ann Smith said the plan was "a disaster."', "Ann Smith", "before_quote.verb_subject"),
        ('NEW YORK - Ann Smith said the plan was "a disaster."', "Ann Smith", "before_quote.verb_subject"),
        ('NV KLM Royal Dutch Airlines is "absolutely not" in talks, Ann Smith said.', "Ann Smith", Rule.LATER_VERB),
    ],
)
def test_what_is_no_headline(text: str, mention: str, rule: str) -> None:
    quote = extract_quotes(text)[0]
    assert (quote.speaker_mention, quote.attribution_rule) == (mention, rule)


@pytest.mark.parametrize(
    ("text", "prefix"),
    [
        # the relative clause closes before the quote: the sentence's subject
        ('Ann Smith, who is in Iowa, wants the pact to bring "people together to accomplish the goal."', "people"),
        # a relative clause about quoted words is the quote's speaker's: 'he' calls the mayor a liar
        (
            'Ann Smith spoke. The effort stalled, and he has battled with the mayor, at one point calling him a "liar" '
            'who was not "honorable."',
            "honorable",
        ),
        # the quoted words are the clause's own: the speaker's words for the person 'who' stands for
        (
            'Ann Smith spoke. She was angry at the person who "has not worked and wants to take what is yours".',
            "has not",
        ),
        # 'who' is the clause's object, not its subject
        ('Ann Smith met Bob Jones, who the firm hired to bring "people together to accomplish the goal."', "people"),
    ],
)
def test_what_is_no_relative_clause_speaker(text: str, prefix: str) -> None:
    quote = next(q for q in extract_quotes(text) if q.text.startswith(prefix))
    assert quote.speaker_mention != "who" and quote.attribution_rule != Rule.RELATIVE_CLAUSE


@pytest.mark.parametrize(
    ("text", "prefix", "mention"),
    [
        ('Ann Smith said he called the plan "a disaster for all of us."', "a disaster", "he"),
        ('Ann Smith said Bob Jones told her: "We will win this race."', "We will win", "Bob Jones"),
        ('"We lost," said Ann Smith, who said the plan was "a disaster for us."', "a disaster", "who"),
    ],
)
def test_what_is_no_outer_speaker(text: str, prefix: str, mention: str) -> None:
    """A pronoun, a quote introduced after a colon, or a relative clause after a comma keeps its own speaker."""
    quote = next(q for q in extract_quotes(text) if q.text.startswith(prefix))
    assert (quote.speaker_mention, quote.attribution_rule != "before_quote.outer_subject") == (mention, True)


@pytest.mark.parametrize(
    ("text", "prefix", "mention"),
    [
        # a share that is not the subject of the speech verb
        ('Shares in Cairn rose 6% on Tuesday after it said an oilfield was "larger than thought."', "larger", "it"),
        ('Senate majority leader Robert Byrd said the bill was "a disgrace to the Senate."', "a disgrace", None),
        ('Ann Smith spent most of the session arguing the plan was "a disgrace to us all."', "a disgrace", "Ann Smith"),
    ],
)
def test_what_is_no_share_speaker(text: str, prefix: str, mention: str | None) -> None:
    quote = next(q for q in extract_quotes(text) if q.text.startswith(prefix))
    assert not (quote.attribution_rule or "").endswith(("share_subject", "poll_source"))
    assert mention is None or quote.speaker_mention == mention


def test_scare_quotes_and_the_unattributed_have_no_rule() -> None:
    quotes = extract_quotes('The so-called "experts" were wrong. The "plan" failed.')
    assert [(q.kind, q.text, q.attribution, q.attribution_rule) for q in quotes] == [
        ("scare", "experts", "none", None),
        ("scare", "plan", "none", None),
    ]
