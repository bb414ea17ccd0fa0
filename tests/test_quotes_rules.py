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
    # before the quote, in its sentence
    ('Ann Smith said: "It works."', "It works", "Ann Smith", "said", "before_quote.verb_subject"),
    ('It was, said Ann Smith, "a total disaster".', "a total", "Ann Smith", "said", "before_quote.inverted_verb"),
    ("Philip Bump: “It works.”", "It works", "Philip Bump", None, Rule.TRANSCRIPT_NAME),
    ('Trump’s claim that Obama "founded ISIS" was false.', "founded", "Trump’s", None, Rule.SPEECH_NOUN_OWNER),
    ('According to Ann Smith, "the plan works".', "the plan", "Ann Smith", "according to", Rule.ACCORDING_TO),
    (
        'The plan was described as "a total disaster" by Ann Smith.',
        "a total",
        "Ann Smith",
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
]


@pytest.mark.parametrize(
    ("text", "prefix", "mention"), ADVERBIAL_OPENERS, ids=[r[0].split()[0] for r in ADVERBIAL_OPENERS]
)
def test_adverbial_openers_are_no_subjects(text: str, prefix: str, mention: str) -> None:
    """'Early in ...', 'Domestically, ...', 'Outside the arena ...', 'Thirteen years earlier, ...': a preposition, an
    '-ly' word before a comma or a preposition, or a time before a comma opens an adverbial; the subject follows it."""
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
]


@pytest.mark.parametrize(("text", "prefix", "mention"), SENTENCE_SUBJECTS, ids=[r[2] for r in SENTENCE_SUBJECTS])
def test_sentence_subjects(text: str, prefix: str, mention: str) -> None:
    """A sentence starts after the closing mark of a quote that ended the one before; a description ends at its
    noun when a verb follows ('The agency declined'); a quantifier may open one ('several environmental groups')."""
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
