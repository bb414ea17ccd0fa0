"""Attribution on real news the rules were not tuned on: BBC and Reuters-21578 articles from ../shared, with the
exact speaker of one quote each. Each case is an error the rules used to make, named by its general cause."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from wirehouse.clean.parse import parse_article
from wirehouse.quotes import Quote, extract_quotes


@cache
def _quotes(path: Path) -> list[Quote]:
    article = parse_article(path.read_text(encoding="utf-8", errors="replace"))
    spans = [(p.start, p.end) for p in article.paragraphs if p.kind == "body"]
    return extract_quotes(article.body, spans)


def quote_in(shared_dir: Path, article: str, prefix: str) -> Quote:
    """The one quote of a corpus article (path under corpora/) whose text starts with `prefix`."""
    quotes = [q for q in _quotes(shared_dir / "corpora" / article) if q.text.startswith(prefix)]
    assert len(quotes) == 1, [q.text[:40] for q in _quotes(shared_dir / "corpora" / article)]
    return quotes[0]


# (article, quote prefix, speaker, speaker_mention); one row per error fixed, the cause in the comment
CASES = [
    # 'X told <outlet>: "..."' names the listener before the colon, not a transcript speaker
    ("bbc/politics/166.txt", "I fell in love with someone", "David Blunkett", "Mr Blunkett"),
    ("bbc/sport/263.txt", "We were in pole position", "Alex McLeish", "McLeish"),
    # '$8.6m.' ends a sentence: a dot after a number is not an abbreviation's
    ("bbc/business/425.txt", "these members of the core executive team", "Nortel", "Nortel"),
    # a quote left open at a paragraph end runs on with its speaker, before the next paragraph's quotes
    ("bbc/politics/190.txt", "I'm just being honest", "Michael Howard", "He"),
    ("bbc/business/314.txt", "I would not exclude that the structure", "Kaha Kiknavelidze", "Kaha Kiknavelidze"),
    # a paragraph opening with a quote, then narrative, then another speaker's quote: the previous speaker's
    ("bbc/tech/350.txt", "We want to communicate freely", "Bill Simmelink", "he"),
    ("bbc/business/323.txt", "The proof is that some properties", "Miles Shipside", "Mr Shipside"),
    # '"A," said X. Narrative. "B." "C," said Y.': B opens Y's run of quotes, not X's
    ("bbc/sport/470.txt", "I think it will help these guys", "Patrick McEnroe", "McEnroe"),
    # '"A," said X, role. "B." "C," said Y.': B follows X's attribution and is X's
    ("bbc/business/007.txt", "We are not getting the boost", "Rick Egelton", "Rick Egelton"),
    # a run of quotes takes the speaker of the run's last quote
    ("bbc/sport/326.txt", "But we are certainly not out", "Jason Robinson", "he"),
    # a subject that cannot speak ('The cost of security ...') is no speaker: the inverted 'said X' is
    ("bbc/entertainment/108.txt", "The cost of security", "Jason Stilwell", "Jason Stilwell"),
    ("bbc/tech/338.txt", "More than 674 million mobiles", None, "the report"),  # a description: no speaker
    (
        "reuters21578/articles/15212.txt",
        "The relatively high level",
        "Lewis Preston",
        "J.P. Morgan and Co Inc chairman Lewis Preston",
    ),
    # a noun phrase after a preposition is not the subject: 'China has in the past said'
    ("bbc/politics/386.txt", "it sees the weapons ban", "China", "China"),
    # 'Name, role said' / 'Name, role - aside - said': the name, not the role
    ("bbc/politics/121.txt", "It's exactly the same target", "Rhodri Glyn Thomas", "Rhodri Glyn Thomas"),
    ("bbc/tech/350.txt", "Voice-over broadband is a key trend", "Eric Abensur", "Eric Abensur"),
    ("bbc/business/375.txt", "LG Card will not need", "Laah Chong-gyu", "Laah Chong-gyu"),
    ("bbc/politics/040.txt", "in a way that discriminates", "Bingham", "Lord Bingham"),
    # 'she' goes to the nearest singular person: a named speaker of reported speech counts, a plural noun
    # ('Lawyers') does not, and a surname shared with another person's honorific does not decide the gender
    ("bbc/entertainment/108.txt", "I believe that for one reason", "Katherine Jackson", "she"),
    ("bbc/entertainment/108.txt", "I can't sleep thinking", "Katherine Jackson", "she"),
    # an organisation's name with 'Says' in it is not a speech verb, and 'he' is no organisation
    ("bbc/politics/200.txt", "The reality is that it is not going to deliver", "Neil Herron", "he"),
    # a singular described speaker is a person a pronoun can refer to (a description: no canonical speaker)
    ("bbc/politics/071.txt", "that the traditional system", None, "He"),
    # the honorific of the mention that credited a speaker ('Ms Berry said', 'Mr de Vabres said') tells the
    # pronoun that refers back to that speaker
    ("bbc/politics/239.txt", "more powers would mean more paperwork", "Jan Berry", "She"),
    ("bbc/entertainment/383.txt", "veritable artistic commitment", "Vabres", "He"),
    # an office right before a surname credited with speech ('President Reagan said', 'General Musharraf')
    # makes a person for the pronouns after it
    ("reuters21578/articles/17748.txt", "Economic policy decisions made", "Reagan", "he"),
    ("bbc/politics/155.txt", "Yes, absolutely.", "Musharraf", "he"),
    # a surname after an honorific is a name even if it is also a title word ('Mr White')
    ("bbc/politics/190.txt", "We loved the game", "White", "Mr White"),
    # a person who is the subject of a sentence between the last speaker and the pronoun is nearer
    ("bbc/sport/436.txt", "I started well and finished well", "Lindsay Davenport", "she"),
    ("bbc/sport/474.txt", "Sometimes not everything works", "Vera Zvonareva", "she"),
    ("reuters21578/articles/16784.txt", "The cost of transport is higher", "Richard Lyng", "he"),
    ("reuters21578/articles/10666.txt", "he had never met Soviet leader", "Li", "he"),
    # a sentence reporting speech hands its speaker to the quote after it, not its subject ('Patriots')
    ("bbc/politics/142.txt", "Our role as a leading member", "Jack Straw", "Mr Straw"),
    # 'the firm' / 'the company' is the one company the article names (as written: the mention stays)
    ("bbc/business/198.txt", "an Indian oilfield was larger", "Cairn Energy", "the firm"),
    ("bbc/business/198.txt", "its belief that the path of oil", "Cairn Energy", "the group"),
    ("reuters21578/articles/00010.txt", "the warrants are exercisable", "Computer Terminal Systems Inc", "The company"),
    # ... and stays a description when the article names several ('Mercedes', 'DaimlerChrysler')
    ("bbc/business/117.txt", "it was determined to retain Mercedes", None, "The firm"),
    # a full name is as full as the article writes it: a modifier before it is no first name
    ("bbc/business/171.txt", "it would lift its 2004 dividend", "Deutsche Boerse", "Deutsche Boerse"),
    ("bbc/business/474.txt", "profits after tax for the year", "Virgin Blue", "Virgin Blue"),
    # ... and a name with initials stays whole, the sentence splitter keeping 'D. J.' in its sentence
    ("reuters21578/articles/16306.txt", "the nation's third largest oil", "D. J. Baker", "D. J. Baker"),
    # the company a description refers to is named as a company, not as a division ("Macrovision's
    # Entertainment Technologies Group")
    ("bbc/tech/043.txt", "RipGuard is designed to", "Macrovision", "the firm"),
    # roles joined by 'and' before the name
    (
        "bbc/business/425.txt",
        "With the completion of our restatements",
        "Bill Owens",
        "Nortel president and chief executive Bill Owens",
    ),
]


def test_no_speaker_for_a_passive_or_a_thing(shared_dir: Path) -> None:
    """'Wireless and a dvd burner can be added at extra cost': a passive speech verb reports nothing."""
    quotes = _quotes(shared_dir / "corpora" / "bbc/tech/301.txt")
    assert not [q for q in quotes if q.speaker_mention and "burner" in q.speaker_mention]
    # 'More than 14 million people saw "Dirty" Den Watts': a capitalised common word is not a name
    (dirty,) = [q for q in _quotes(shared_dir / "corpora" / "bbc/entertainment/031.txt") if q.text == "Dirty"]
    assert (dirty.speaker, dirty.speaker_mention) == (None, None)
    # 'Rival Sony has said': a role word before a company does not make it a person 'he' can refer to
    price = quote_in(shared_dir, "bbc/tech/084.txt", "It's a very, very competitive price point")
    assert price.speaker != "Sony"


@pytest.mark.parametrize(("article", "prefix", "speaker", "mention"), CASES)
def test_corpus_speakers(shared_dir: Path, article: str, prefix: str, speaker: str | None, mention: str | None) -> None:
    quote = quote_in(shared_dir, article, prefix)
    assert (quote.speaker, quote.speaker_mention) == (speaker, mention)
