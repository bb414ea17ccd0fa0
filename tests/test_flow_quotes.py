"""Who said what, as an analyst finds it in the warehouse built from the seeds."""

import pytest

from tests.conftest import query

A000 = "000_f586c72162ac7c3d"
A001 = "001_468d0ff313ca5494"

# (article, quote text prefix, speaker, kind, attribution); the list for the seeds
EXPECTED = [
    (A001, "I congratulated him on the victory", "Donald Trump", "direct", "explicit"),
    (A001, "The call had to do also with the fact", "Donald Trump", "direct", "continuation"),
    (A001, "We will never allow anybody", "Donald Trump", "direct", "explicit"),
    (A001, "It certainly looks like the Russians were behind", "Donald Trump", "partial", "explicit"),
    (A001, "An American president does not lead the Free World", "John McCain", "direct", "explicit"),
    (A001, "And by doing so with Vladimir Putin", "John McCain", "direct", "continuation"),
    (A001, "The leaders spoke in favour", "Kremlin", "direct", "explicit"),
    (A001, "Special attention was devoted", "Kremlin", "direct", "explicit"),
    (A001, "emphasized the importance of denuclearizing", "White House", "partial", "explicit"),
    (A000, "The leaders spoke in favour", "Kremlin", "direct", "explicit"),
    (A000, "Special attention was devoted", "Kremlin", "direct", "explicit"),
    (A000, "Mr Putin and Mr Trump had not discussed the poisoning", "Dmitry Peskov", "indirect", "explicit"),
    (A001, "Putin and Trump had not discussed the poisoning", "Dmitry Peskov", "indirect", "explicit"),
    (A000, "he hoped Mr Putin’s win would lead to a thaw", "Sergei Ryabkov", "indirect", "explicit"),
    (A001, "he hoped Putin's win would persuade", "Sergei Ryabkov", "indirect", "explicit"),
]


@pytest.mark.parametrize(("article_id", "prefix", "speaker", "kind", "attribution"), EXPECTED)
def test_seed_quotes_and_their_speakers(seed_warehouse, article_id, prefix, speaker, kind, attribution):
    rows = query(
        seed_warehouse,
        "SELECT speaker, kind, attribution FROM quotes WHERE article_id = ? AND starts_with(text, ?)",
        [article_id, prefix],
    )
    assert rows == [(speaker, kind, attribution)]


def test_cue_verbs_and_mentions(seed_warehouse):
    rows = dict(
        query(
            seed_warehouse,
            "SELECT left(text, 20), speaker_mention || '/' || cue_verb FROM quotes WHERE article_id = ?",
            [A001],
        )
    )
    assert rows["I congratulated him "] == "Trump/told"
    assert rows["Special attention wa"] == "the Kremlin/adding"
    assert rows["An American presiden"] == "McCain/said"


def test_speaker_mention_offsets_point_at_the_mention(seed_warehouse):
    bad = query(
        seed_warehouse,
        "SELECT count(*) FROM quotes q JOIN articles a USING (article_id) WHERE q.speaker_start IS NOT NULL "
        "AND substr(a.body, q.speaker_start + 1, q.speaker_end - q.speaker_start) <> q.speaker_mention",
    )
    assert bad == [(0,)]


def test_speakers_table_aggregates_across_articles(seed_warehouse):
    speakers = {
        name: (kind, n_articles)
        for name, kind, n_articles in query(seed_warehouse, "SELECT name, kind, n_articles FROM speakers")
    }
    assert speakers["Kremlin"] == ("organisation", 2)
    assert speakers["Donald Trump"] == ("person", 1)
    assert speakers["John McCain"] == ("person", 1)
    assert speakers["Dmitry Peskov"] == ("person", 2)
    total = query(seed_warehouse, "SELECT sum(n_quotes) FROM speakers")[0][0]
    assert total == query(seed_warehouse, "SELECT count(*) FROM quotes WHERE speaker IS NOT NULL")[0][0]
    assert query(seed_warehouse, "SELECT count(*) FROM quotes WHERE kind = 'scare' AND speaker IS NOT NULL") == [(0,)]


def test_attribution_rules_group_the_quotes(seed_warehouse):
    """`attribution_rule` names the rule that credited each speaker, so errors can be grouped by rule in SQL."""
    rows = query(
        seed_warehouse,
        "SELECT attribution_rule, count(*) FROM quotes WHERE article_id = ? GROUP BY 1 ORDER BY 1",
        [A001],
    )
    assert rows == [
        ("after_quote.subject_first", 3),
        ("before_quote.verb_subject", 4),
        ("continuation.previous_paragraph", 2),
        ("reported.coordinated_verb", 1),
        ("reported.verb_subject", 5),
    ]
