"""Deterministic identifiers: the same input always gets the same id, so re-runs change nothing."""

import hashlib
import secrets
from datetime import UTC, datetime


def short_hash(*parts: object) -> str:
    """16 hex digits of sha256 over the parts, joined by a separator no part contains in practice.

    `surrogateescape`: a file name that is not UTF-8 (`caf\\xe9.txt` from a Latin-1 machine) reaches Python as a
    string with lone surrogates; it hashes as its original bytes instead of raising UnicodeEncodeError.
    """
    joined = "\x1f".join(str(part) for part in parts)
    return hashlib.sha256(joined.encode("utf-8", "surrogateescape")).hexdigest()[:16]


def file_id(source_path: str) -> str:
    """A file is identified by where it lives; its content hash tells whether it changed."""
    return short_hash(source_path)


def quote_id(article_id: str, start: int, end: int, kind: str) -> str:
    return short_hash(article_id, start, end, kind)


def new_run_id(now: datetime | None = None) -> str:
    """Sortable by start time, unique across machines: 20261125T231804123456Z-3f9a1c (to the microsecond:
    parts are read in name order as write order, and two runs in one second sorted by their random tail)."""
    now = now or datetime.now(UTC)
    return f"{now:%Y%m%dT%H%M%S%fZ}-{secrets.token_hex(3)}"
