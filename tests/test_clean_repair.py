"""repair_text: what it must fix, what it must keep (curly quotes and dashes), and that it is idempotent."""

import unicodedata

import pytest

from wirehouse.clean.repair import repair_text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Putin&39;s win", "Putin's win"),  # a scraper lost the '#'
        ("Sunday&#39;s vote", "Sunday's vote"),
        ("&amp;quot;hi&amp;quot;", '"hi"'),  # escaped twice
        ("AT&amp;T &lt;T&gt;", "AT&T <T>"),
        ("STANDARD OIL &lt;SRD> TO FORM", "STANDARD OIL <SRD> TO FORM"),
        ("&#x27;hex&#x27;", "'hex'"),
        ("it&#146;s", "it’s"),  # cp1252 code point in a numeric entity, as browsers read it
        ("R&D and &notice stay", "R&D and &notice stay"),  # no semicolon, no entity
        ("caf&eacute;", "café"),
    ],
)
def test_entities(raw: str, expected: str) -> None:
    assert repair_text(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("cafÃ©", "café"),
        ("naÃ¯ve rÃ©sumÃ©", "naïve résumé"),
        ("Â£100m", "£100m"),
        ("â€œhiâ€\x9d", "“hi”"),  # mojibake of curly quotes comes back curly
        ("It\x92s", "It’s"),  # cp1252 read as latin-1
        ("PeÃ±a", "Peña"),
        ("ré".encode().decode("latin-1") + "sum" + "é".encode().decode("latin-1"), "résumé"),
    ],
)
def test_mojibake(raw: str, expected: str) -> None:
    assert repair_text(raw) == expected


def test_decomposed_mojibake_is_found() -> None:
    """Some scrapers store mojibake in NFD (`A` + combining tilde for `Ã`); it must still be repaired."""
    raw = unicodedata.normalize("NFD", "impressive rÃ©sumÃ©")
    assert repair_text(raw) == "impressive résumé"


def test_curly_quotes_and_dashes_are_kept() -> None:
    text = "“hi,” she said – and ‘no’ — it’s “fine”…"
    assert repair_text(text) == text


def test_clean_utf8_is_untouched() -> None:
    text = "Müller paid £5 in São Paulo; café “latte” — Zürich."
    assert repair_text(text) == text


def test_spaces_zero_width_and_controls() -> None:
    assert repair_text("READ:\u00a0Re-elected") == "READ: Re-elected"
    assert repair_text("a\u2009b\u202fc\u3000d") == "a b c d"
    assert repair_text("zero\u200bwidth\ufeff soft\u00adhyphen") == "zerowidth softhyphen"
    assert repair_text("said.\n Reuter\n&#3;") == "said.\n Reuter\n"  # Reuters' end marker
    assert repair_text("a\x02b\x1ec\x7fd") == "abcd"
    assert repair_text("keep\ttab\nand newline") == "keep\ttab\nand newline"


def test_line_endings() -> None:
    assert repair_text("one\r\ntwo\rthree\u2028four") == "one\ntwo\nthree\nfour"


def test_nfc() -> None:
    assert repair_text("Pen\u0303a") == "Peña"
    assert unicodedata.is_normalized("NFC", repair_text("e\u0301 \u212b"))


@pytest.mark.parametrize(
    "raw",
    ["Putin&39;s &amp;quot;x&amp;quot; cafÃ© \u00a0 “q” \r\n &#3;", "plain ascii", "", "&amp;amp;amp;"],
)
def test_idempotent(raw: str) -> None:
    once = repair_text(raw)
    assert repair_text(once) == once
