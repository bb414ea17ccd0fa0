"""parse_article on real text (the two seeds, BBC, Reuters-21578) with exact values, the body/offset invariant
on every article of both corpora, and synthetic cases for the shapes the corpora do not show."""

import datetime
import textwrap
from pathlib import Path

import pytest

from wirehouse.clean.parse import ParsedArticle, parse_article
from wirehouse.clean.rules import rules
from wirehouse.reference import reference_rows

BAD_IN_BODY = ("&lt;", "&amp;", "&#", "\x03", "\r", "\u00a0")


def read_text(path: Path) -> str:
    """Decode as the ingest stage does for these corpora: UTF-8, else cp1252 (BBC's sport/199.txt)."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252")


def kinds(article: ParsedArticle, kind: str) -> list[str]:
    return [p.text for p in article.paragraphs if p.kind == kind]


def assert_body_invariant(article: ParsedArticle) -> None:
    body = [p for p in article.paragraphs if p.kind == "body"]
    assert article.body == "\n\n".join(p.text for p in body)
    for paragraph in body:
        assert article.body[paragraph.start : paragraph.end] == paragraph.text
        assert paragraph.text and "\n" not in paragraph.text
    for paragraph in article.paragraphs:
        if paragraph.kind != "body":
            assert paragraph.start is None and paragraph.end is None


# --- the seeds -------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_001(seeds_dir: Path) -> ParsedArticle:
    return parse_article((seeds_dir / "001_468d0ff313ca5494.txt").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seed_000(seeds_dir: Path) -> ParsedArticle:
    return parse_article((seeds_dir / "000_f586c72162ac7c3d.txt").read_text(encoding="utf-8"))


def test_seed_001_title_caption_dateline(seed_001: ParsedArticle) -> None:
    article = seed_001
    assert article.title == "Trump congratulates Putin on election win"
    captions = kinds(article, "caption")
    assert len(captions) == 1
    assert captions[0].startswith("US President Donald Trump (L) chats with")
    assert captions[0].endswith("November 11, 2017.")
    assert "chats with" not in article.body
    assert article.dateline == "MOSCOW"
    assert article.agency is None  # no credit anywhere in this text
    assert article.body.startswith("President Donald Trump on Tuesday congratulated")
    assert "MOSCOW" not in article.body
    assert_body_invariant(article)


def test_seed_001_promo_entities_and_count(seed_001: ParsedArticle) -> None:
    article = seed_001
    assert kinds(article, "promo") == ["READ: Re-elected Putin to address disputes with West after record vote win"]
    assert "READ" not in article.body and "Re-elected Putin to address" not in article.body
    assert "&39;" not in article.body and all("&39;" not in p.text for p in article.paragraphs)
    assert "Putin's" in article.body
    assert len(kinds(article, "body")) == 19
    assert [p.kind for p in article.paragraphs].count("body") == 19
    assert article.body.endswith("the RIA news agency reported.")


def test_seed_000_inline_header_no_title(seed_000: ParsedArticle) -> None:
    article = seed_000
    assert article.headers == {"date": "2018-03-20"}
    assert article.published_date == datetime.date(2018, 3, 20)
    assert article.title is None
    assert article.paragraphs[0].kind == "header"
    assert article.body.startswith("US president Donald Trump phoned Russia’s Vladimir Putin")
    assert "date 2018-03-20" not in article.body
    assert_body_invariant(article)


def test_seed_000_agency_credit_and_heading(seed_000: ParsedArticle) -> None:
    article = seed_000
    assert article.agency == "Reuters"
    assert article.body.endswith("open to dialogue with Washington.")
    assert "– Reuters" not in article.body
    assert kinds(article, "heading") == ["Tensions"]
    assert "\n\nTensions\n\n" not in article.body and not article.body.startswith("Tensions")
    assert len(kinds(article, "body")) == 13
    assert "“The leaders spoke in favour" in article.body  # curly quotes survive


# --- one article of each corpus, exact values ------------------------------------------------------------


def test_bbc_article(shared_dir: Path) -> None:
    article = parse_article(read_text(shared_dir / "corpora/bbc/business/001.txt"))
    assert article.title == "Ad sales boost Time Warner profit"
    assert article.dateline is None and article.agency is None and article.headers == {}
    assert article.body.startswith("Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn (£600m)")
    assert article.body.endswith("as a loss on the value of that stake.")
    assert len(kinds(article, "body")) == 5
    assert_body_invariant(article)


def test_reuters_article(shared_dir: Path) -> None:
    article = parse_article(read_text(shared_dir / "corpora/reuters21578/articles/00100.txt"))
    assert article.title == "N.Z. TRADING BANK DEPOSIT GROWTH RISES SLIGHTLY"
    assert article.dateline == "WELLINGTON"
    assert article.agency == "Reuters"
    assert kinds(article, "credit") == ["Reuter"]
    assert kinds(article, "body") == [
        "New Zealand's trading bank seasonally adjusted deposit growth rose 2.6 pct in January compared with a "
        "rise of 9.4 pct in December, the Reserve Bank said.",
        "Year-on-year total deposits rose 30.6 pct compared with a 26.3 pct increase in the December year and "
        "34.5 pct rise a year ago period, it said in its weekly statistical release.",
        "Total deposits rose to 17.18 billion N.Z. Dlrs in January compared with 16.74 billion in December and "
        "13.16 billion in January 1986.",
    ]
    assert "Reuter" not in article.body and "\x03" not in article.body
    assert_body_invariant(article)


def test_reuters_entities_and_table(shared_dir: Path) -> None:
    article = parse_article(read_text(shared_dir / "corpora/reuters21578/articles/00002.txt"))
    assert article.title == "STANDARD OIL <SRD> TO FORM FINANCIAL UNIT"
    assert article.dateline == "CLEVELAND"
    assert "British Petroleum Co Plc <BP>, which" in article.body

    prices = parse_article(read_text(shared_dir / "corpora/reuters21578/articles/00005.txt"))
    assert prices.dateline == "WASHINGTON"
    tables = kinds(prices, "table")
    assert len(tables) == 2 and tables[0].lstrip().startswith("Natl   Loan")
    assert "Wheat" not in prices.body  # columns of figures are not prose
    assert prices.body.startswith("The U.S. Agriculture Department reported the farmer-owned reserve")


# --- every article of both corpora ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def parsed_corpora(shared_dir: Path) -> dict[str, list[tuple[Path, ParsedArticle]]]:
    corpora = {
        "bbc": sorted((shared_dir / "corpora/bbc").glob("*/*.txt")),
        "reuters": sorted((shared_dir / "corpora/reuters21578/articles").glob("*.txt")),
    }
    assert len(corpora["bbc"]) == 2225 and len(corpora["reuters"]) == 21578
    return {name: [(path, parse_article(read_text(path))) for path in paths] for name, paths in corpora.items()}


@pytest.mark.parametrize("corpus", ["bbc", "reuters"])
def test_every_article_body_invariant(parsed_corpora: dict, corpus: str) -> None:
    for path, article in parsed_corpora[corpus]:
        try:
            assert_body_invariant(article)
            for bad in BAD_IN_BODY:
                assert bad not in article.body
            assert all("\x03" not in p.text and "\u00a0" not in p.text for p in article.paragraphs)
        except AssertionError as error:
            raise AssertionError(f"{path}: {error}") from error


def test_every_bbc_article_has_title_and_body(parsed_corpora: dict) -> None:
    for path, article in parsed_corpora["bbc"]:
        assert article.title, path
        assert article.body, path
        assert article.title not in article.body.split("\n\n")[0], path


def test_reuters_corpus_shape(parsed_corpora: dict) -> None:
    """Most wires have an ALL-CAPS title, a dateline and the ` Reuter` credit; none keep the credit in body."""
    articles = [article for _, article in parsed_corpora["reuters"]]
    with_title = sum(article.title is not None for article in articles)
    with_dateline = sum(article.dateline is not None for article in articles)
    with_agency = sum(article.agency == "Reuters" for article in articles)
    assert with_title > 0.99 * len(articles)
    assert with_dateline > 0.85 * len(articles)
    assert with_agency > 0.85 * len(articles)
    for article in articles:
        last = article.body.rsplit("\n\n", 1)[-1]
        assert not last.lower().endswith(("reuter", "reuters")), last


# --- shapes the corpora do not show ----------------------------------------------------------------------

LEAD = (
    "The minister said on Monday that the government would review the policy after a series of protests in "
    "the capital, according to officials familiar with the matter."
)
SECOND = (
    "Opposition leaders criticised the decision, saying it came too late and would do little to ease "
    "tensions between the two sides, which have been at odds for months."
)


def test_byline_and_reuters_dateline_and_reporting_credit() -> None:
    article = parse_article(
        f"Minister to review policy\n\nBy Jane Doe\n\nLONDON (Reuters) - {LEAD}\n\n{SECOND}\n\n"
        "(Reporting by Jane Doe; Editing by John Smith)"
    )
    assert article.title == "Minister to review policy"
    assert article.headers == {"author": "Jane Doe"}
    assert (article.dateline, article.agency) == ("LONDON", "Reuters")
    assert article.body == f"{LEAD}\n\n{SECOND}"
    assert kinds(article, "credit") == ["(Reporting by Jane Doe; Editing by John Smith)"]


@pytest.mark.parametrize(
    ("lead", "dateline", "agency"),
    [
        ("DALLAS (AP) — ", "DALLAS", "AP"),
        ("DES MOINES, Iowa (AP) — ", "DES MOINES, Iowa", "AP"),
        ("WASHINGTON (CNN) — ", "WASHINGTON", None),  # an outlet, not a wire agency
        ("Washington (AFP) – ", "Washington", "AFP"),
        ("WELLINGTON, Feb 27 - ", "WELLINGTON", None),
        ("Toronto, Feb 26 - ", "Toronto", None),
        ("BOSTON —", "BOSTON", None),
        ("NEW YORK, March 2 -", "NEW YORK", None),
    ],
)
def test_datelines(lead: str, dateline: str, agency: str | None) -> None:
    article = parse_article(f"Headline here\n\n{lead}{LEAD}")
    assert (article.dateline, article.agency) == (dateline, agency)
    assert article.body == LEAD


@pytest.mark.parametrize(
    "lead",
    [
        "US - China trade talks resume on Monday after a pause of three weeks, officials said.",
        "EXCLUSIVE - Officials said on Monday that talks would resume after a pause of three weeks.",
        "Shares rose on March 3 - the biggest gain in a year - as investors returned to the market.",
        "NATO (the alliance) - said on Monday that talks would resume after a pause of three weeks.",
    ],
)
def test_not_datelines(lead: str) -> None:
    article = parse_article(f"Headline here\n\n{lead}")
    assert article.dateline is None
    assert article.body == lead


def test_header_block_and_date_formats() -> None:
    article = parse_article(f"Title: Minister reviews policy\nAuthor: Jane Doe\nDate: March 20, 2018\n\n{LEAD}")
    assert article.title == "Minister reviews policy"
    assert article.headers == {"title": "Minister reviews policy", "author": "Jane Doe", "date": "March 20, 2018"}
    assert article.published_date == datetime.date(2018, 3, 20)
    assert article.body == LEAD
    assert parse_article(f"date 20 March 2018\n\n{LEAD}").published_date == datetime.date(2018, 3, 20)


def test_title_line_is_not_a_header() -> None:
    article = parse_article(f"Date set for general election\n\n{LEAD}")
    assert article.title == "Date set for general election"
    assert article.headers == {}


def test_captions_promos_and_trailing_credit() -> None:
    article = parse_article(
        f"Headline here\n\nImage copyright Getty Images Image caption The minister at a rally\n\n{LEAD}\n\n"
        "Photo: John Smith/Getty Images\n\nREAD MORE: Other story here\n\n"
        "The minister (C) speaks to reporters in the capital, March 3, 2018. REUTERS/Jane Doe\n\n"
        f"{SECOND} — Associated Press\n\nSign up for our newsletter\n\nClick here to follow us\n\n"
        "Follow Jane Doe on Twitter @janedoe."
    )
    assert kinds(article, "caption") == [
        "Image copyright Getty Images Image caption The minister at a rally",
        "Photo: John Smith/Getty Images",
        "The minister (C) speaks to reporters in the capital, March 3, 2018. REUTERS/Jane Doe",
    ]
    assert kinds(article, "promo") == [
        "READ MORE: Other story here",
        "Sign up for our newsletter",
        "Click here to follow us",
        "Follow Jane Doe on Twitter @janedoe.",
    ]
    assert article.agency == "AP"
    assert article.body == f"{LEAD}\n\n{SECOND}"


def test_party_label_is_not_a_caption() -> None:
    text = "Senator John Smith (R) said on Tuesday he would vote against the bill, calling it a mistake."
    assert parse_article(f"Headline here\n\n{text}").body == text


def test_single_newline_paragraphs() -> None:
    article = parse_article(f"Headline here\n{LEAD}\n{SECOND}\n")
    assert article.title == "Headline here"
    assert article.body == f"{LEAD}\n\n{SECOND}"


def test_hard_wrapped_paragraphs() -> None:
    wrapped = textwrap.fill(f"{LEAD} {SECOND}", 72)
    article = parse_article(f"HEADLINE HERE\n{wrapped}\n\n{textwrap.fill(SECOND, 72)}")
    assert article.title == "HEADLINE HERE"
    assert article.body == f"{LEAD} {SECOND}\n\n{SECOND}"


def test_hyphen_at_wrap_is_kept_without_space() -> None:
    article = parse_article("HEADLINE\n\n    GENEVA, March 3 - James Fry, vice-\npresident of GM, said so.\n Reuter\n")
    assert article.body == "James Fry, vice-president of GM, said so."
    assert article.agency == "Reuters"


def test_embeds_and_separators() -> None:
    article = parse_article(
        f'Headline here\n\n{LEAD}\n\n<tweet tweet-id="1"><tweet/>.\n\n___.\n\n<Video Shopping Mall Inc> said so.'
    )
    assert kinds(article, "embed") == ['<tweet tweet-id="1"><tweet/>.']
    assert kinds(article, "separator") == ["___."]
    assert article.body == f"{LEAD}\n\n<Video Shopping Mall Inc> said so."  # a Reuters company tag, not HTML


@pytest.mark.parametrize("text", ["", "   \n\n ", "&#3;", "\n\n\n"])
def test_empty_texts(text: str) -> None:
    article = parse_article(text)
    assert (article.title, article.body, article.paragraphs) == (None, "", [])


# --- the reference tables --------------------------------------------------------------------------------


def test_reference_tables_compile() -> None:
    table = rules()
    assert table.agencies["reuter"] == "Reuters" and table.agencies["associated press"] == "AP"
    assert table.agencies["agence france-presse"] == "AFP"
    assert table.outlets["bbc"] == "BBC" and table.outlets["breitbart"] == "Breitbart"
    aliases = [row["alias"].lower() for row in reference_rows("agencies")]
    assert len(aliases) == len(set(aliases))
    assert {row["kind"] for row in reference_rows("paragraph_markers")} >= {"promo", "caption", "credit"}
