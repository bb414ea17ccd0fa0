"""Is decoded text prose? HTML pages are reduced to their text; data exports and markup are rejected.

Prose is what the later stages are built for; they are linear in it. A JSON export named `.txt` (82 KB,
9,600 "quotes") or a CSV dump is not an article, and text dense in markup or quotation marks is what made
the quote rules spend minutes on one file. Such files are rejected as `not_prose` with what was seen, before
any costly stage runs. Every test here is one pass over the text.

HTML pages (a document that opens with `<!DOCTYPE html>`, `<html`, `<head` or `<body`) are not rejected: they
are reduced to their text with selectolax (a maintained binding of the lexbor HTML parser): the title as the
first line, then one paragraph per block element; `<script>`, `<style>` and other non-text elements are
dropped, so `var x = "said he"` never becomes a quote.
"""

import json
import re
from collections import Counter
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser

HTML_START = re.compile(r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL)
TAG = re.compile(r"</?[A-Za-z][\w:.-]*(?:\s[^<>]{0,500})?/?>")
NOT_TEXT = ("script", "style", "noscript", "template", "svg", "iframe", "object", "head > meta", "nav", "form")
BLOCKS = "h1, h2, h3, h4, h5, h6, p, li, blockquote, pre, td, th, dd, dt, figcaption"
SPACES = re.compile(r"\s+")

MIN_SHAPE_CHARS = 1000  # shorter texts are cheap whatever they hold: only their letters are checked
MAX_TAGS_PER_1000 = 10  # BBC and Reuters-21578: at most 1.2 (Reuters' README), articles 0
MAX_QUOTES_PER_1000 = 60  # BBC and Reuters-21578 articles over 1,000 characters: at most 15
DELIMITERS = (",", "\t", ";", "|")


@dataclass(frozen=True, slots=True)
class NotProse:
    detail: str


def looks_like_html(text: str) -> bool:
    return HTML_START.match(text[:4096]) is not None


def html_to_text(html: str) -> str:
    """The page's title, a blank line, then the text of each block element as a paragraph."""
    tree = LexborHTMLParser(html)
    title_node = tree.css_first("title")
    title = SPACES.sub(" ", title_node.text()).strip() if title_node else ""
    tree.strip_tags(list(NOT_TEXT))
    body = tree.body
    paragraphs = []
    if body is not None:
        blocks = body.css(BLOCKS)
        texts = (node.text(deep=True, separator="") for node in blocks) if blocks else [body.text(separator="\n")]
        for text in texts:
            text = SPACES.sub(" ", text).strip()
            if text and (not paragraphs or paragraphs[-1] != text):
                paragraphs.append(text)
    if title and paragraphs and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    return "\n\n".join([title, *paragraphs] if title else paragraphs)


def not_prose(text: str) -> NotProse | None:
    """Why this text is not prose (JSON, CSV/TSV, markup, a wall of quotation marks), or None."""
    stripped = text.strip()
    if stripped[:1] in "{[" and stripped[-1:] in "}]":
        try:
            json.loads(stripped)
            return NotProse(f"a JSON document ({len(text):,} characters)")
        except ValueError:
            pass
    lines = [line for line in stripped.splitlines() if line.strip()]
    if len(lines) >= 3 and sum(1 for ln in lines if ln.lstrip()[:1] == "{" and ln.rstrip()[-1:] == "}") >= 0.8 * len(
        lines
    ):
        return NotProse(f"JSON lines ({len(lines):,} lines of objects)")
    if len(lines) >= 5:
        for delimiter in DELIMITERS:
            common, n_lines = Counter(line.count(delimiter) for line in lines).most_common(1)[0]
            if common >= 2 and n_lines >= 0.8 * len(lines):
                name = {"\t": "tab"}.get(delimiter, repr(delimiter))
                return NotProse(f"a table: {n_lines} of {len(lines)} lines have {common} {name} separators")
    if len(text) >= MIN_SHAPE_CHARS:
        per_1000 = 1000 / len(text)
        tags = len(TAG.findall(text))
        if tags * per_1000 > MAX_TAGS_PER_1000:
            return NotProse(f"markup-dense: {tags:,} tags in {len(text):,} characters")
        quotes = text.count('"') + text.count("\u201c") + text.count("\u201d")
        if quotes * per_1000 > MAX_QUOTES_PER_1000:
            return NotProse(f"{quotes:,} quotation marks in {len(text):,} characters: a data export, not prose")
    return None
