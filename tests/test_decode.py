"""Decoding: honest encodings and clear reasons for what is not an article (pure, no files needed)."""

import codecs

from wirehouse.ingest.decode import Decoded, Rejected, decode_bytes, read_file

PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"


def test_utf8_plain_and_with_bom():
    assert decode_bytes("Putin’s win".encode()) == Decoded("Putin’s win", "utf-8")
    assert decode_bytes(codecs.BOM_UTF8 + "Putin’s win".encode()) == Decoded("Putin’s win", "utf-8-sig")


def test_utf16_with_and_without_bom():
    text = "Kremlin said: “Special attention”"
    assert decode_bytes(text.encode("utf-16")) == Decoded(text, "utf-16")
    assert decode_bytes(text.encode("utf-16-le")) == Decoded(text, "utf-16")


def test_cp1252_fallback_keeps_pound_and_curly_apostrophe():
    assert decode_bytes("It cost £1,400, Hewitt’s plan".encode("cp1252")) == Decoded(
        "It cost £1,400, Hewitt’s plan", "cp1252"
    )


def test_latin1_is_the_last_resort_for_bytes_cp1252_leaves_undefined():
    assert decode_bytes(b"caf\xe9 \x81") == Decoded("café \x81", "latin-1")


def test_rejections_say_why():
    assert decode_bytes(b"") == Rejected("empty", "0 bytes")
    assert decode_bytes(b"  \n\t \n").reason == "empty"
    png = decode_bytes(PNG_HEADER)
    assert png.reason == "binary" and png.detail.startswith("PNG image")
    assert decode_bytes(b"abc\x00def\x00\x00\x01\x02").reason == "binary"
    assert decode_bytes(b"12345 67890 \n 3.14").reason == "no_text"


def test_oversize_files_are_not_read(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * 2000)
    data, rejected = read_file(str(path), 2000, max_bytes=1000)
    assert data is None and rejected == Rejected("oversize", "2,000 bytes > limit 1,000")
    data, rejected = read_file(str(path), 2000, max_bytes=5000)
    assert data == b"a" * 2000 and rejected is None


def test_bbc_sport_199_is_cp1252(shared_dir):
    data = (shared_dir / "corpora/bbc/sport/199.txt").read_bytes()
    decoded = decode_bytes(data)
    assert decoded.encoding == "cp1252"
    assert "£" in decoded.text
