"""Snippets for search hits: the text around the first match of a query term, the match marked."""

import re
import unicodedata

MARK_OPEN, MARK_CLOSE = "«", "»"
WIDTH = 160


def query_terms(query: str) -> list[str]:
    """The query's terms as search_tokens() makes them (lower case, accents stripped, a-z and 0-9 runs)."""
    plain = unicodedata.normalize("NFKD", query.lower()).encode("ascii", "ignore").decode()
    return list(dict.fromkeys(t for t in re.split(r"[^a-z0-9]+", plain) if t))


def snippet(text: str, terms: list[str], width: int = WIDTH) -> str:
    """About `width` characters of `text` around its first matching term, every matching term marked."""
    if not terms:
        return text[:width]
    pattern = re.compile(r"(?<![A-Za-z0-9])(" + "|".join(map(re.escape, terms)) + r")(?![A-Za-z0-9])", re.IGNORECASE)
    first = pattern.search(text)
    start = 0 if first is None else max(0, first.start() - width // 3)
    window = " ".join(text[start : start + width].split())
    marked = pattern.sub(lambda m: f"{MARK_OPEN}{m.group(0)}{MARK_CLOSE}", window)
    marked = marked.replace(f"{MARK_CLOSE} {MARK_OPEN}", " ")  # one mark around adjacent terms: «arms race»
    return ("…" if start else "") + marked + ("…" if start + width < len(text) else "")
