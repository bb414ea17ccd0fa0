"""repair_text: what it must fix, what it must keep (curly quotes and dashes), and that it is idempotent."""

import random
import re
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


# --- the fast paths agree with the plain definitions -------------------------------------------------------
# repair_text answers "is there anything to fix?" with cheap tests before the regex scans; these tests pin
# each shortcut to the plain question it replaces.

LATIN1 = [chr(code) for code in range(256)]


def test_latin1_text_is_nfc() -> None:
    """repair_text skips the NFC check for a text that fits in Latin-1: no pair of such characters composes."""
    assert all(unicodedata.is_normalized("NFC", a + b) for a in LATIN1 for b in LATIN1)


def test_odd_characters_on_latin1_bytes_and_by_printability() -> None:
    from wirehouse.clean.repair import _CHAR_MAP, _ODD_CHARS, _has_odd_chars

    for char in [*LATIN1, "\u2028", "\u200b", "\u3000", "\ufeff", "’", "“", "é"]:
        text = f"a{char}b"
        assert _has_odd_chars(text) == (_ODD_CHARS.search(text) is not None), repr(char)
        assert _has_odd_chars(f"“{char}”") == (_ODD_CHARS.search(char) is not None), repr(char)
    assert not any(chr(code).isprintable() for code in _CHAR_MAP)  # why a printable text has none


def test_mojibake_signature() -> None:
    """The one-class-first signature regex and the Latin-1 byte test find what the plain regex finds."""
    from wirehouse.clean.repair import _CP1252_CONTINUATION, _NEEDS_FTFY, _latin1, _needs_ftfy

    plain = re.compile(
        f"[\u00c2-\u00f4][{_CP1252_CONTINUATION}]|[\u00c2\u00c3] |[\u0080-\u009f\ufb00-\ufb06\uff01-\uff5e]"
    )
    chars = LATIN1 + list(_CP1252_CONTINUATION) + ["\ufb01", "\uff21", "\u2019", "\u0100"]
    for a in chars:
        for b in (" ", "a", "\u00a9", "\u00c3", "\u2019", "\u0153", "\ufb01"):
            text = f"x{a}{b}"
            expected = plain.search(text) is not None
            assert (_NEEDS_FTFY.search(text) is not None) == expected, repr(text)
            assert _needs_ftfy(text, _latin1(text)) == expected, repr(text)


def test_common_entities_fast_path() -> None:
    """Entity soups decode as the plain regex passes (three at most) decode them."""
    from wirehouse.clean.repair import _ENTITY, _decode_entity, _unescape

    def plain(text: str) -> str:
        for _ in range(3):
            fixed = _ENTITY.sub(_decode_entity, text)
            if fixed == text or "&" not in fixed:
                return fixed
            text = fixed
        return text

    bits = ["&", "&lt;", "&gt;", "&#3;", "&#2;", "&#127;", "&amp;", "&quot;", "&#39;", "lt;", "amp;", "#3;", ";"]
    bits += ["l", "t", " x", "&l", "t;", "&#", "3", "&#x27;", "&nbsp;", "&#146;", "&&"]
    rng = random.Random(2024)
    for _ in range(20_000):
        text = "".join(rng.choice(bits) for _ in range(rng.randint(1, 10)))
        assert _unescape(text) == plain(text), repr(text)
