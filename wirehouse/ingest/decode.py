"""Raw bytes to text, honestly: say which encoding was used, and refuse what is not an article.

Order of trust: a byte-order mark; strict UTF-8; for text whose bytes are mostly above 0x7F (Cyrillic,
Greek, Japanese, Chinese, ...), the encoding charset-normalizer names, used only when its decoding is clean,
else the file is rejected as `undecodable` with the guess (never stored as mojibake); cp1252 (what
Windows-era wires and BBC's `sport/199.txt` use); latin-1 as the last resort, which never fails. Binary
files are recognised by magic numbers and NUL bytes before any decoding is tried. Decoded text then passes
wirehouse.ingest.prose: HTML is reduced to its text, data and markup are rejected as `not_prose`.
"""

import codecs
import hashlib
import os
from dataclasses import dataclass

import charset_normalizer

from wirehouse.ingest.prose import html_to_text, looks_like_html, not_prose
from wirehouse.settings import DEFAULT_MAX_BYTES

# Magic numbers of the binary files that most often land in an inbox by mistake.
MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or docx/xlsx)"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\x7fELF", "ELF executable"),
    (b"RIFF", "RIFF media file"),
    (b"\xd0\xcf\x11\xe0", "MS Office (OLE) document"),
)
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_HIGH = bytes(range(128, 256))
MIN_FOREIGN_BYTES = 16  # fewer high bytes than this: cp1252/latin-1 as before
FOREIGN_SHARE = 0.2  # cp1252 news (BBC, Reuters): well under 5 % high bytes; Cyrillic, Greek, CJK: over 40 %
MAX_CHAOS = 0.1  # charset-normalizer's mess ratio above which its decoding is not trusted
MIN_REPEAT_SAMPLE = 1000  # non-ASCII characters needed before their variety is judged
MAX_DISTINCT_SHARE = 0.6  # random bytes as cp949: ~0.9 distinct; news in CJK scripts: well under 0.5
# Encodings of real text that charset-normalizer may name; EBCDIC, UTF-7 and the like it also names for noise.
FOREIGN_ENCODINGS = frozenset(
    codecs.lookup(name).name
    for name in (
        "cp932",
        "shift_jis",
        "shift_jis_2004",
        "shift_jisx0213",
        "euc_jp",
        "euc_jis_2004",
        "iso2022_jp",
        "gb2312",
        "gbk",
        "gb18030",
        "hz",
        "big5",
        "big5hkscs",
        "cp950",
        "euc_kr",
        "cp949",
        "johab",
        "cp1251",
        "koi8_r",
        "koi8_u",
        "iso8859_5",
        "mac_cyrillic",
        "cp866",
        "cp1253",
        "iso8859_7",
        "cp1255",
        "iso8859_8",
        "cp1256",
        "iso8859_6",
        "cp874",
        "tis_620",
        "cp1250",
        "iso8859_2",
        "cp1254",
        "iso8859_9",
        "cp1257",
        "iso8859_13",
        "cp1258",
    )
)
# C0 controls other than tab, newline, carriage return, form feed and the Reuters end marker \x03.
_CONTROL = bytes(c for c in range(32) if c not in (3, 9, 10, 12, 13))


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str


@dataclass(frozen=True, slots=True)
class Rejected:
    reason: str  # 'empty' | 'binary' | 'oversize' | 'unreadable' | 'no_text' | 'undecodable' | 'not_prose' | ...
    detail: str


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 with no BOM shows as NULs in every other byte of ASCII text."""
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:4096]
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_nuls > 0.7 * half and even_nuls == 0:  # Latin text in UTF-16: nearly every other byte is NUL
        return "utf-16-le"
    if even_nuls > 0.7 * half and odd_nuls == 0:
        return "utf-16-be"
    return None


def decode_bytes(data: bytes) -> Decoded | Rejected:
    """Decode one file's bytes, or say why it is not an article."""
    if not data:
        return Rejected("empty", "0 bytes")
    for magic, what in MAGIC:
        if data.startswith(magic):
            return Rejected("binary", f"{what} (starts with {magic[:8]!r})")
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return _checked(data.decode(encoding), encoding)
            except UnicodeDecodeError as error:
                return Rejected("unreadable", f"byte-order mark says {encoding}, but: {error}")
    if b"\x00" in data:
        encoding = _utf16_without_bom(data)
        if encoding:
            try:
                return _checked(data.decode(encoding), "utf-16")
            except UnicodeDecodeError:
                pass
        return Rejected("binary", f"{data.count(0)} NUL bytes in {len(data)}")
    controls = len(data) - len(data.translate(None, _CONTROL))
    if controls > max(8, len(data) // 100):
        return Rejected("binary", f"{controls} control bytes in {len(data)}")
    try:
        return _checked(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    foreign = _foreign(data)
    if foreign is not None:
        return foreign
    try:
        return _checked(data.decode("cp1252"), "cp1252")
    except UnicodeDecodeError:
        return _checked(data.decode("latin-1"), "latin-1")


def _foreign(data: bytes) -> Decoded | Rejected | None:
    """Text that is not UTF-8 and mostly high bytes is not a Western code page: decode it as charset-normalizer
    says if that is clean, else reject it. None for Western text (a few accented letters or a pound sign),
    where charset-normalizer's guesses are unreliable (it names cp932 for BBC's cp1252 `sport/199.txt`).
    """
    high = len(data) - len(data.translate(None, _HIGH))
    if high < MIN_FOREIGN_BYTES or high < FOREIGN_SHARE * len(data):
        return None
    best = charset_normalizer.from_bytes(data).best()
    share = f"{high / len(data):.0%} of bytes above 0x7F"
    if best is None:
        return Rejected("undecodable", f"not UTF-8, {share}, and no encoding decodes it")
    encoding = codecs.lookup(best.encoding).name
    if best.chaos <= MAX_CHAOS and encoding in FOREIGN_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            text = None
        if text is not None and not _random_characters(text):
            return _checked(text, encoding)
    return Rejected(
        "undecodable",
        f"not UTF-8, {share}; best guess {encoding} ({best.language}) reads as garbled ({best.chaos:.0%}): "
        "not stored, to keep mojibake out of the warehouse",
    )


def _random_characters(text: str) -> bool:
    """Random bytes decode cleanly as Korean or Chinese (every pair of high bytes is some character), but
    hardly repeat a character; real text does: 1,000 characters of news use a few hundred distinct ones."""
    foreign = [ch for ch in text[:20000] if ord(ch) > 0x7F]
    return len(foreign) >= MIN_REPEAT_SAMPLE and len(set(foreign)) > MAX_DISTINCT_SHARE * len(foreign)


def _checked(text: str, encoding: str) -> Decoded | Rejected:
    if looks_like_html(text):
        text, encoding = html_to_text(text), f"{encoding}+html"
    if not text.strip():
        return Rejected("empty", f"only whitespace ({len(text)} characters)")
    if not any(ch.isalpha() for ch in text[:10000]):
        return Rejected("no_text", "no letters in the first 10,000 characters")
    shape = not_prose(text)
    if shape is not None:
        return Rejected("not_prose", shape.detail)
    return Decoded(text, encoding)


def read_file(path: str, size_bytes: int, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[bytes | None, Rejected | None]:
    """The file's bytes, or a rejection when it is too large to be an article (not read at all then)."""
    if size_bytes > max_bytes:
        return None, Rejected("oversize", f"{size_bytes:,} bytes > limit {max_bytes:,}")
    try:
        fd = os.open(path, os.O_RDONLY)
        try:
            chunks = []
            while chunk := os.read(fd, max(size_bytes, 65536) + 1):
                chunks.append(chunk)
                if sum(map(len, chunks)) > max_bytes:
                    return None, Rejected("oversize", f"grew past the limit {max_bytes:,} while read")
            return b"".join(chunks), None
        finally:
            os.close(fd)
    except OSError as error:
        return None, Rejected("unreadable", f"{type(error).__name__}: {error.strerror or error}")
