"""Text repair before parsing: entities, mojibake, odd spaces and control characters, Unicode NFC.

Every later stage computes character offsets on the repaired text, so repair runs once, first, and never
changes what the author wrote: curly quotes and dashes are kept (quote extraction needs open and close marks).

Speed: most articles are plain ASCII or clean UTF-8. Each step first checks cheaply whether it has anything
to do; ftfy (5-8 MB/s) only sees texts with a mojibake signature, not every non-ASCII text (BBC's `£` alone
would otherwise send a third of that corpus through it). A regex scan for a character class costs ~4 ns a
character; for a text whose characters all fit in Latin-1 (ASCII, every BBC and Reuters file) the same
question is answered on its Latin-1 bytes by `bytes.translate`, ~5x faster, and such a text is always NFC.
"""

import html
import re
import unicodedata

import ftfy

# `&#39;` and `&amp;`, but also `&39;` (a scraper lost the `#`: `Putin&39;s`), `&#x27;`, `&#3;` (the
# Reuters end marker). A semicolon is required: html.unescape alone would also turn `&notice` into `¬ice`.
_ENTITY = re.compile(r"&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|(\d{2,5})|([A-Za-z][A-Za-z0-9]{1,31}));")

# What UTF-8 read as cp1252/latin-1 looks like: a lead byte Â..ô followed by a continuation byte shown as
# a latin-1 or cp1252 character; or a lead byte before a space (a lost NBSP: `Ã  la`); or raw C1
# controls (cp1252 read as latin-1). Also ligatures and full-width forms, which ftfy folds.
_CP1252_CONTINUATION = (
    "\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d"
    "\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178"
)
# Written as one leading class (then lookbehinds say which case it is) so that re scans for that class
# instead of trying the three alternatives at every position: 3x faster on a long text.
_MOJIBAKE_LEAD = "\u0080-\u009f\u00c2-\u00f4"
_NEEDS_FTFY = re.compile(
    f"[{_MOJIBAKE_LEAD}\ufb00-\ufb06\uff01-\uff5e]"
    f"(?:(?<=[\u00c2-\u00f4])[{_CP1252_CONTINUATION}]|(?<=[\u00c2\u00c3]) |(?<![\u00c2-\u00f4]))"
)

# Characters to replace or drop, found with one regex scan and fixed with one str.translate.
_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_ZERO_WIDTH = (
    "\u00ad\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff"
)
_LINE_BREAKS = "\x0b\x0c\x85\u2028\u2029"
_CONTROLS = "".join(chr(c) for c in [*range(0x00, 0x09), *range(0x0E, 0x20), *range(0x7F, 0xA0)])
_CHAR_MAP: dict[int, str | None] = {
    **{ord(c): " " for c in _SPACES},
    **{ord(c): None for c in _ZERO_WIDTH},
    **{ord(c): None for c in _CONTROLS if c not in _LINE_BREAKS},
    **{ord(c): "\n" for c in _LINE_BREAKS},
}
_ODD_CHARS = re.compile("[" + re.escape("".join(chr(c) for c in _CHAR_MAP)) + "]")

# Latin-1 bytes that are not of interest, for `bytes.translate(None, delete)`: what is left is what we look for.
_NOT_ODD_LATIN1 = bytes(c for c in range(256) if c not in _CHAR_MAP)
_NOT_MOJIBAKE_LEAD_LATIN1 = bytes(c for c in range(256) if not re.match(f"[{_MOJIBAKE_LEAD}]", chr(c)))
_TERMINAL_ESCAPE = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")

_FTFY_CONFIG = ftfy.TextFixerConfig(uncurl_quotes=False, unescape_html=False, explain=False)
_entity_cache: dict[str, str] = {}


def _decode_entity(match: re.Match[str]) -> str:
    """One entity to its character; numeric ones go through html.unescape for its cp1252 rules (`&#146;`)."""
    whole = match.group(0)
    found = _entity_cache.get(whole)
    if found is None:
        decimal, hexadecimal, hashless, name = match.groups()
        if decimal or hashless:
            found = html.unescape(f"&#{decimal or hashless};")
        elif hexadecimal:
            found = html.unescape(f"&#x{hexadecimal};")
        else:
            found = html.unescape(f"&{name};")  # unknown names come back unchanged
        if len(_entity_cache) < 4096:
            _entity_cache[whole] = found
    return found


# Entities common enough for a fast path (Reuters has `&lt;`, `&#3;`, `&#2;` in nearly every file), as
# the text between `&` and `;` -> the value _ENTITY.sub gives them. Values that hold what an entity is made
# of are left out.
def _common_entities(entities: tuple[str, ...]) -> dict[str, str]:
    values = {entity: _ENTITY.sub(_decode_entity, entity) for entity in entities}
    return {entity[1:]: value for entity, value in values.items() if not any(c.isalnum() or c in "&#;" for c in value)}


_COMMON_ENTITIES = _common_entities(("&lt;", "&gt;", "&quot;", "&#39;", "&#3;", "&#2;", "&#127;"))


def _unescape_common(text: str) -> str | None:
    """The text with its entities decoded, when every `&` in it opens a common entity; else None.

    Then each `&` is where _ENTITY matches, with the same value, and no `&` is left for a second pass: the
    result is _unescape's, without a regex callback per entity.
    """
    pieces = text.split("&")
    for i in range(1, len(pieces)):
        piece = pieces[i]
        end = piece.find(";") + 1
        value = _COMMON_ENTITIES.get(piece[:end]) if end else None
        if value is None:
            return None
        pieces[i] = value + piece[end:]
    return "".join(pieces)


def _unescape(text: str) -> str:
    """Entities, repeatedly, because some texts were escaped twice (`&amp;quot;`). Every entity ends with `;`:
    without one left there is no second pass to make (Reuters' `&lt;` leaves `AT&T`, `S&P`)."""
    fast = _unescape_common(text)
    if fast is not None:
        return fast
    for _ in range(3):
        fixed = _ENTITY.sub(_decode_entity, text)
        if fixed == text or "&" not in fixed or ";" not in fixed:
            return fixed
        text = fixed
    return text


def _latin1(text: str) -> bytes | None:
    """The text's Latin-1 bytes (a copy, ~0.1 µs a KB), or None when it has a character above U+00FF."""
    try:
        return text.encode("latin-1")
    except UnicodeEncodeError:
        return None


def _needs_ftfy(text: str, latin1: bytes | None) -> bool:
    """Does the text show a mojibake signature? In Latin-1 text only a C1 control or Â..ô can start one."""
    if latin1 is not None and not latin1.translate(None, _NOT_MOJIBAKE_LEAD_LATIN1):
        return False
    return _NEEDS_FTFY.search(text) is not None


def _has_odd_chars(text: str) -> bool:
    """Is there an odd space, zero-width, control or line-break character to replace or drop? Every one of
    them is unprintable, so a text that is printable but for its newlines and tabs has none (a C loop, 3x
    faster than the regex scan on a text with curly quotes)."""
    latin1 = _latin1(text)
    if latin1 is not None:
        return bool(latin1.translate(None, _NOT_ODD_LATIN1))
    if text.replace("\n", "").replace("\t", "").isprintable():
        return False
    return _ODD_CHARS.search(text) is not None


def repair_text(text: str) -> str:
    """Repair a decoded article so that later offsets point at clean text.

    Fixes broken and real entities (`Putin&39;s`, `&amp;quot;`), mojibake (via ftfy, only when the text shows
    its signature), NBSP and other odd spaces to ' ', drops zero-width and control characters (Reuters'
    `&#3;` end marker), turns `\\r\\n`/`\\r` into `\\n`, and normalises to NFC. Curly quotes and dashes are kept.
    """
    if "&" in text:
        text = _unescape(text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    ascii_only = text.isascii()
    if not ascii_only:
        latin1 = _latin1(text)
        # Compose first: some scrapers store mojibake decomposed (`A` + U+0303 for `Ã`), hiding its signature.
        if latin1 is None and not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
            latin1 = _latin1(text)
        if _needs_ftfy(text, latin1):
            text = ftfy.fix_text(text, _FTFY_CONFIG)
            ascii_only = text.isascii()
    if "\x1b" in text:
        text = _TERMINAL_ESCAPE.sub("", text)
    if _has_odd_chars(text):
        text = text.translate(_CHAR_MAP)
        # Dropping a zero-width character can bring a base letter and a combining mark together.
        if not ascii_only and not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
    return text
